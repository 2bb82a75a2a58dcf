"""One named predicate per rule of DESIGN.md §4 for reviews and decisions, reused by views, the API
and templates. Who may *see* reviews is also a queryset in ``selectors.visible_reviews``."""

from __future__ import annotations

from accounts import permissions as roles
from cases.models import AwardCycle, CaseState, CycleState, InnovationCase

from .models import Review, ReviewAssignment, ReviewState

# Cycle states in which reviewers may be assigned and reviews written.
REVIEWING_CYCLE_STATES = (CycleState.OPEN, CycleState.REVIEWING, CycleState.DECIDING)
# Case states that can take a reviewer.
ASSIGNABLE_CASE_STATES = (CaseState.SUBMITTED, CaseState.IN_REVIEW)


def is_assigned_reviewer(user, case: InnovationCase) -> bool:
    return roles.is_reviewer(user) and ReviewAssignment.objects.filter(case=case, reviewer=user).exists()


def can_manage_awards(user) -> bool:
    return roles.is_manager(user)


def can_assign_reviewer(user, case: InnovationCase) -> bool:
    return (
        roles.is_manager(user) and case.state in ASSIGNABLE_CASE_STATES and case.cycle.state in REVIEWING_CYCLE_STATES
    )


def can_view_assignment(user, assignment: ReviewAssignment) -> bool:
    return roles.is_manager(user) or (roles.is_reviewer(user) and assignment.reviewer_id == user.pk)


def can_edit_review(user, assignment: ReviewAssignment) -> bool:
    """The assigned reviewer, while the case is in review, the cycle reviewing and the review a draft."""
    review = getattr(assignment, "review", None)
    return (
        roles.is_reviewer(user)
        and assignment.reviewer_id == user.pk
        and assignment.case.state == CaseState.IN_REVIEW
        and assignment.case.cycle.state in REVIEWING_CYCLE_STATES
        and (review is None or review.state == ReviewState.DRAFT)
    )


def can_view_review(user, review: Review) -> bool:
    """The whole review: managers, and the reviewer who wrote it."""
    return roles.is_manager(user) or (roles.is_reviewer(user) and review.assignment.reviewer_id == user.pk)


def can_view_comment_to_submitter(user, review: Review) -> bool:
    """Submitters of the case's government see the comment meant for them once the cycle is published."""
    case = review.assignment.case
    return can_view_review(user, review) or (
        roles.is_submitter(user)
        and case.government_id == user.government_id
        and review.state == ReviewState.SUBMITTED
        and case.cycle.state == CycleState.PUBLISHED
    )


def can_decide_case(user, case: InnovationCase) -> bool:
    return roles.is_manager(user) and case.state == CaseState.IN_REVIEW and case.cycle.state == CycleState.DECIDING


def can_request_revision(user, case: InnovationCase) -> bool:
    return roles.is_manager(user) and case.state == CaseState.IN_REVIEW and case.cycle.state in REVIEWING_CYCLE_STATES


def can_change_cycle_state(user, cycle: AwardCycle) -> bool:
    return roles.is_manager(user) and cycle.state != CycleState.PUBLISHED


def can_publish_cycle(user, cycle: AwardCycle) -> bool:
    return roles.is_manager(user) and cycle.state == CycleState.DECIDING


def conflict_reason(reviewer, case: InnovationCase) -> str | None:
    """Why ``reviewer`` may not review ``case`` (conflict of interest), or None.

    A reviewer affiliated with a government may not review that government's cases, nor those of its
    parent or of its children (DESIGN.md §3)."""
    from django.utils.translation import gettext as _

    own = getattr(reviewer, "government", None)
    if own is None:
        return None
    government = case.government
    values = {"reviewer": reviewer.get_full_name() or reviewer.username, "own": own.display_name}
    if government.pk == own.pk:
        return _("%(reviewer)s is affiliated with %(own)s, the government that submitted this case.") % values
    if own.parent_id is not None and government.pk == own.parent_id:
        return _("%(reviewer)s is affiliated with %(own)s, a child of %(government)s, which submitted this case.") % {
            **values,
            "government": government.display_name,
        }
    if government.parent_id is not None and government.parent_id == own.pk:
        return _(
            "%(reviewer)s is affiliated with %(own)s, the parent of %(government)s, which submitted this case."
        ) % {
            **values,
            "government": government.display_name,
        }
    return None


def can_score_case(user, case: InnovationCase) -> bool:
    """Score a case: an assigned reviewer without a conflict of interest."""
    return (
        roles.is_reviewer(user)
        and conflict_reason(user, case) is None
        and case.assignments.filter(reviewer=user).exists()
    )
