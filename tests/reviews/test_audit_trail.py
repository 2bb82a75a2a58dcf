"""The reviews services leave an audit event for every change managers must be able to trace."""

import pytest

from audit.models import Action, Area, AuditEvent
from cases.models import CycleState
from core.errors import ApplicationError
from reviews import services

pytestmark = pytest.mark.django_db


def actions():
    return list(AuditEvent.objects.order_by("id").values_list("action", "area", "actor__username"))


def test_assignment_review_decision_and_publication_are_recorded(manager, reviewer, case, cycle, criteria):
    assignment = services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    services.save_review(
        actor=reviewer,
        assignment=assignment,
        scores={criterion.pk: 4 for criterion in criteria},
        verifications={outcome.pk: "verified" for outcome in case.outcomes.all()},
        recommendation="award",
        declared_no_conflict=True,
        submit=True,
    )
    services.change_cycle_state(actor=manager, cycle=cycle, to_state=CycleState.DECIDING)
    merit = cycle.award_levels.get(code="merit")
    services.decide_case(actor=manager, case=case, level=merit, rationale="Clear results.")
    services.publish_cycle(actor=manager, cycle=cycle)

    assert actions() == [
        (Action.REVIEWER_ASSIGNED, Area.REVIEWS, "boss"),
        (Action.REVIEW_SUBMITTED, Area.REVIEWS, "rev-free"),
        (Action.CYCLE_STATE_CHANGED, Area.CYCLES, "boss"),
        (Action.CASE_DECIDED, Area.DECISIONS, "boss"),
        (Action.CYCLE_PUBLISHED, Area.CYCLES, "boss"),
    ]
    assert AuditEvent.objects.get(action=Action.CYCLE_STATE_CHANGED).details == {"to": "deciding"}


def test_a_draft_review_is_not_an_event_but_a_revision_request_is(manager, reviewer, case, criteria):
    assignment = services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    services.save_review(actor=reviewer, assignment=assignment, scores={}, verifications={})
    services.request_revision(actor=manager, case=case, message="Add the 2005 permit statistics.")
    assert [action for action, _area, _who in actions()] == [Action.REVIEWER_ASSIGNED, Action.REVISION_REQUESTED]
    assert AuditEvent.objects.order_by("id").last().details == {"message": "Add the 2005 permit statistics."}


def test_a_refused_action_leaves_no_event(manager, reviewer, case):
    services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    with pytest.raises(ApplicationError):
        services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    assert len(actions()) == 1
