"""Concurrent decisions on PostgreSQL: two threads (two connections) race; the row locks on the case
and the award level make the second wait and see the first's result."""

import threading

import pytest
from django.db import connection, connections

from cases.models import CaseState, CycleState
from core.errors import ApplicationError
from reviews import services
from reviews.models import AwardDecision
from tests.accounts.factories import ReviewerFactory
from tests.cases.factories import CaseFactory
from tests.reviews.factories import scored_review

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite locks the whole database file and has no row locks (select_for_update is a no-op)",
    ),
]


def _race(*calls):
    """Run the calls at the same moment in threads; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # the refusal is the expected outcome for one of them
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _reviewed(cycle, n):
    case = CaseFactory(cycle=cycle, in_review=True, title=f"Case {n}")
    scored_review(case, ReviewerFactory(username=f"racer{n}"), 5)
    return case


@pytest.mark.parametrize("attempt", range(3))
def test_two_decisions_never_exceed_a_quota_of_one(manager, cycle, attempt):
    cycle.state = CycleState.DECIDING
    cycle.save()
    grand = cycle.award_levels.get(code="grand")  # quota 1
    first, second = _reviewed(cycle, 1), _reviewed(cycle, 2)
    results = _race(
        lambda: services.decide_case(actor=manager, case=first, level=grand, rationale="A"),
        lambda: services.decide_case(actor=manager, case=second, level=grand, rationale="B"),
    )
    assert sorted(type(result).__name__ for result in results) == ["AwardDecision", "Conflict"]
    assert next(r for r in results if isinstance(r, ApplicationError)).code == "quota_exceeded"
    assert AwardDecision.objects.filter(level=grand).count() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    # Both stay "in review" until the publication (the decision is confidential until then).
    assert [first.state, second.state] == [CaseState.IN_REVIEW, CaseState.IN_REVIEW]


@pytest.mark.parametrize("attempt", range(3))
def test_a_case_is_never_decided_twice(manager, cycle, attempt):
    cycle.state = CycleState.DECIDING
    cycle.save()
    case = _reviewed(cycle, 1)
    grand, merit = cycle.award_levels.get(code="grand"), cycle.award_levels.get(code="merit")
    results = _race(
        lambda: services.decide_case(actor=manager, case=case, level=grand, rationale="A"),
        lambda: services.decide_case(actor=manager, case=case, level=merit, rationale="B"),
    )
    kinds = sorted(type(result).__name__ for result in results)
    assert kinds == ["AwardDecision", "Conflict"]
    refusal = next(r for r in results if isinstance(r, ApplicationError))
    assert (refusal.code, str(refusal)) == ("already_decided", f"“{case}” has already been decided.")
    assert AwardDecision.objects.filter(case=case).count() == 1
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW  # until the publication
