import pytest
from django.contrib.auth.models import AnonymousUser

from cases.models import CaseState, CycleState
from core.rules import refusal_message
from reviews import permissions as rules
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.cases.factories import CaseFactory
from tests.governments.factories import CityFactory
from tests.reviews.factories import ReviewAssignmentFactory, scored_review

pytestmark = pytest.mark.django_db


def test_conflict_reason_follows_the_government_structure(case, city, province):
    sibling = CityFactory(parent=province)
    other_province_city = CityFactory()
    assert rules.conflict_reason(ReviewerFactory(government=city), case) is not None
    assert rules.conflict_reason(ReviewerFactory(government=province), case) is not None
    assert rules.conflict_reason(ReviewerFactory(government=sibling), case) is None
    assert rules.conflict_reason(ReviewerFactory(government=other_province_city), case) is None
    assert rules.conflict_reason(ReviewerFactory(government=None), case) is None
    province_case = CaseFactory(cycle=case.cycle, government=province, submitted=True)
    assert rules.conflict_reason(ReviewerFactory(government=city), province_case) is not None
    assert rules.conflict_reason(ReviewerFactory(government=sibling), province_case) is not None


def test_review_predicates_by_role(manager, cycle, case, reviewer, submitter):
    assignment = ReviewAssignmentFactory(case=case, reviewer=reviewer)
    case.state = CaseState.IN_REVIEW
    case.save()
    other = ReviewerFactory()
    anonymous = AnonymousUser()
    assert rules.can_edit_review(reviewer, assignment) is True
    assert rules.can_edit_review(reviewer, assignment) is True
    for user in (other, manager, submitter, anonymous):
        assert rules.can_edit_review(user, assignment) is False
        assert rules.is_assigned_reviewer(user, case) is False
    assert rules.can_view_assignment(manager, assignment) and rules.can_view_assignment(reviewer, assignment)
    assert not rules.can_view_assignment(other, assignment)
    review = scored_review(case, ReviewerFactory(), 4)
    assert rules.can_view_review(manager, review)
    assert rules.can_view_review(review.assignment.reviewer, review)
    for user in (reviewer, submitter, anonymous):
        assert rules.can_view_review(user, review) is False
    cycle.state = CycleState.PUBLISHED
    cycle.published_at = cycle.submission_closes
    cycle.save()
    assert rules.can_view_review(submitter, review) is True
    assert rules.can_read_whole_reviews(submitter) is False
    assert rules.can_view_review(SubmitterFactory(), review) is False


def test_manager_predicates_depend_on_state(manager, cycle, case, reviewer):
    assert rules.can_assign_reviewer(manager, case) is True
    assert rules.can_assign_reviewer(reviewer, case) is False
    case.state = CaseState.IN_REVIEW
    case.save()
    assert rules.can_request_revision(manager, case) is True
    assert rules.can_decide_case(manager, case) is False  # the cycle is reviewing
    assert rules.can_publish_cycle(manager, cycle) is False
    cycle.state = CycleState.DECIDING
    cycle.save()
    assert rules.can_decide_case(manager, case) is False  # no review is in yet
    scored_review(case, ReviewerFactory(), 4)
    assert rules.can_decide_case(manager, case) is True
    assert rules.can_decide_case(reviewer, case) is False
    assert rules.can_publish_cycle(manager, cycle) is False  # the case still awaits its decision
    assert refusal_message(manager, "reviews.publish_cycle", cycle) == (
        "1 case(s) still await a decision; decide them before publishing."
    )
    case.state = CaseState.AWARDED
    case.save()
    assert rules.can_publish_cycle(manager, cycle) is True
    assert rules.can_publish_cycle(reviewer, cycle) is False
    assert rules.can_change_cycle_state(manager, cycle) is True
    assert rules.can_manage_awards(manager) and not rules.can_manage_awards(reviewer)
