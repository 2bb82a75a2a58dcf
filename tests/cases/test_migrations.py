import importlib

import pytest
from django.apps import apps

from cases.models import CaseEvent, CaseState, RevisionRequest
from tests.accounts.factories import ManagerFactory, SubmitterFactory
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db

threads = importlib.import_module("cases.migrations.0007_revision_requests_thread")


def _event(case, from_state, to_state, actor=None, message=""):
    return CaseEvent.objects.create(
        case=case, kind="transition", from_state=from_state, to_state=to_state, actor=actor, message=message
    )


def test_earlier_revision_requests_become_the_thread():
    manager, submitter = ManagerFactory(), SubmitterFactory()
    answered = CaseFactory(submitted=True, state=CaseState.IN_REVIEW)
    asked = _event(answered, "in_review", "revision_requested", manager, "Add the survey.")
    back = _event(answered, "revision_requested", "submitted", submitter)
    waiting = CaseFactory(submitted=True, state=CaseState.REVISION_REQUESTED)
    _event(waiting, "in_review", "revision_requested", None, "")  # no actor, no message

    threads.threads_from_history(apps, None)

    first = RevisionRequest.objects.get(case=answered)
    assert (first.state, first.message, first.requested_by, first.requested_at) == (
        "answered",
        "Add the survey.",
        manager,
        asked.at,
    )
    assert (first.answered_by, first.answered_at) == (submitter, back.at)
    second = RevisionRequest.objects.get(case=waiting)
    assert (second.state, second.message, second.requested_by) == ("open", "-", None)
