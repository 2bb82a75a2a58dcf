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


def test_the_form_sections_and_the_api_write_exactly_the_case_content_fields():
    from cases.api.serializers import CaseWriteSerializer
    from cases.forms import SECTIONS
    from cases.models import CASE_CONTENT_FIELDS

    in_sections = [name for section in SECTIONS for name in section.fields]
    assert sorted(in_sections) == sorted(CASE_CONTENT_FIELDS)
    assert len(in_sections) == len(set(in_sections))  # each field in one section
    api_fields = set(CaseWriteSerializer().fields) - {"cycle", "participant_kinds", "obstacles", "remedies", "outcomes"}
    assert api_fields == set(CASE_CONTENT_FIELDS)


def test_forms_and_serializers_take_their_lengths_from_the_models():
    from cases.api.serializers import CaseWriteSerializer, ObstacleWriteSerializer, OutcomeWriteSerializer
    from cases.forms import BasicsForm, ObstacleForm, OutcomeForm
    from cases.models import CaseObstacle, InnovationCase, Outcome

    assert BasicsForm().fields["title"].max_length == InnovationCase._meta.get_field("title").max_length == 200
    assert CaseWriteSerializer().fields["description"].max_length == 20000
    assert ObstacleForm().fields["description"].max_length == CaseObstacle._meta.get_field("description").max_length
    assert ObstacleWriteSerializer().fields["description"].max_length == 4000
    assert OutcomeForm().fields["unit"].max_length == OutcomeWriteSerializer().fields["unit"].max_length
    assert Outcome._meta.get_field("unit").max_length == 40
