"""Concurrent workflow actions on one case stay consistent thanks to the row lock (PostgreSQL:
SQLite serialises writers anyway, and its in-memory test database is not shared between threads)."""

import threading

import pytest
from django.db import close_old_connections, connection

from cases.models import CaseEvent, CaseState, InnovationCase
from cases.services import submit_case, withdraw_case
from core.errors import ApplicationError
from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import AwardCycleFactory
from tests.cases.helpers import complete_draft

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def run_together(*actions):
    barrier = threading.Barrier(len(actions))
    outcomes: list[str] = []

    def worker(action):
        try:
            barrier.wait()
            action()
            outcomes.append("ok")
        except ApplicationError as refused:
            outcomes.append(refused.message)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_concurrent_submits_submit_once():
    submitter = SubmitterFactory()
    case = complete_draft(government=submitter.government, cycle=AwardCycleFactory())
    outcomes = run_together(
        lambda: submit_case(actor=submitter, case=InnovationCase.objects.get(pk=case.pk)),
        lambda: submit_case(actor=submitter, case=InnovationCase.objects.get(pk=case.pk)),
    )
    assert sorted(outcomes) == ["A case that is “Submitted” cannot be submitted.", "ok"]
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.SUBMITTED
    assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.TRANSITION).count() == 1


def test_concurrent_submit_and_withdraw_leave_a_consistent_history():
    submitter = SubmitterFactory()
    case = complete_draft(government=submitter.government, cycle=AwardCycleFactory())
    run_together(
        lambda: submit_case(actor=submitter, case=InnovationCase.objects.get(pk=case.pk)),
        lambda: withdraw_case(actor=submitter, case=InnovationCase.objects.get(pk=case.pk)),
    )
    final = InnovationCase.objects.get(pk=case.pk)
    events = list(CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.TRANSITION).order_by("at", "id"))
    # Each transition starts where the previous one ended, and the chain ends in the stored state.
    state = CaseState.DRAFT
    for event in events:
        assert event.from_state == state
        state = event.to_state
    # Whichever ran first, the case ends withdrawn (submitted → withdrawn is allowed; withdrawn is final).
    assert state == final.state == CaseState.WITHDRAWN
