import pytest
from django.db import IntegrityError, transaction

from cases.models import CaseState, InnovationCase
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_database_refuses_a_negative_population():
    case = CaseFactory(submitted=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        InnovationCase.objects.filter(pk=case.pk).update(population=-1)
    case.refresh_from_db()
    assert case.population == 300_000


def test_database_refuses_a_submitted_case_without_snapshot():
    case = CaseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        InnovationCase.objects.filter(pk=case.pk).update(state=CaseState.SUBMITTED)
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


def test_database_refuses_an_unknown_state():
    case = CaseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        InnovationCase.objects.filter(pk=case.pk).update(state="lost")
