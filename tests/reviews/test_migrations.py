import importlib

import pytest
from django.apps import apps

from cases.models import CaseEvent, CaseState, CycleState
from tests.cases.factories import AwardCycleFactory, CaseFactory, OutcomeFactory

pytestmark = pytest.mark.django_db

confidential = importlib.import_module("reviews.migrations.0003_decisions_confidential_until_publication")


def test_decisions_made_before_the_publication_go_back_to_review():
    deciding = AwardCycleFactory(state=CycleState.DECIDING)
    leaked = CaseFactory(cycle=deciding, submitted=True, state=CaseState.AWARDED)
    outcome = OutcomeFactory(case=leaked, verification="verified")
    CaseEvent.objects.create(
        case=leaked, kind="transition", from_state="in_review", to_state="awarded", message="rationale"
    )
    kept_event = CaseEvent.objects.create(case=leaked, kind="transition", from_state="submitted", to_state="in_review")
    published = CaseFactory(awarded=True)
    published_event = CaseEvent.objects.create(case=published, kind="transition", to_state="awarded")

    confidential.hold_back_unpublished_decisions(apps, None)

    leaked.refresh_from_db()
    outcome.refresh_from_db()
    assert (leaked.state, outcome.verification) == (CaseState.IN_REVIEW, "pending")
    assert list(CaseEvent.objects.filter(case=leaked)) == [kept_event]
    published.refresh_from_db()
    assert published.state == CaseState.AWARDED
    assert list(CaseEvent.objects.filter(case=published)) == [published_event]
