"""The rules of DESIGN.md §4 for reviews and decisions, each a named rule of small predicates
(``core.rules``), checked through one call by the services, views, the API and templates. Who may
*see* reviews is also a queryset in ``selectors.visible_reviews``."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_manager, is_reviewer, is_submitter
from cases.models import AwardCycle, CaseState, CycleState, InnovationCase, RevisionRequest
from core.errors import ApplicationError, Conflict
from core.rules import predicate, rule

from .models import AwardDecision, Review, ReviewAssignment, ReviewState
from .pending import cases_awaiting_decision

# Cycle states in which reviewers may be assigned and reviews written.
REVIEWING_CYCLE_STATES = (CycleState.OPEN, CycleState.REVIEWING, CycleState.DECIDING)
# Case states that can take a reviewer.
ASSIGNABLE_CASE_STATES = (CaseState.SUBMITTED, CaseState.IN_REVIEW)


def conflict_reason(reviewer, case: InnovationCase) -> str | None:
    """Why ``reviewer`` may not review ``case`` (conflict of interest), or None.

    A reviewer affiliated with a government may not review that government's cases, nor those of its
    parent or of its children (DESIGN.md §3)."""
    own = getattr(reviewer, "government", None)
    if own is None:
        return None
    government = case.government
    values = {"reviewer": reviewer.get_full_name() or reviewer.username, "own": own.display_name}
    if government.pk == own.pk:
        return gettext("%(reviewer)s is affiliated with %(own)s, the government that submitted this case.") % values
    if own.parent_id is not None and government.pk == own.parent_id:
        return gettext(
            "%(reviewer)s is affiliated with %(own)s, a child of %(government)s, which submitted this case."
        ) % {**values, "government": government.display_name}
    if government.parent_id is not None and government.parent_id == own.pk:
        return gettext(
            "%(reviewer)s is affiliated with %(own)s, the parent of %(government)s, which submitted this case."
        ) % {**values, "government": government.display_name}
    return None


def _case_state(case: InnovationCase) -> str:
    return CaseState(case.state).label


def _cycle_state(cycle: AwardCycle) -> str:
    return CycleState(cycle.state).label


# --- predicates on a case ---------------------------------------------------------------------


@predicate
def is_assigned_reviewer(user, case: InnovationCase) -> bool:
    return is_reviewer(user) and ReviewAssignment.objects.filter(case=case, reviewer=user).exists()


@predicate(
    message=lambda user, case: gettext("Conflict of interest: %(reason)s") % {"reason": conflict_reason(user, case)},
    error=Conflict,
    code="conflict_of_interest",
)
def has_no_conflict(user, case: InnovationCase) -> bool:
    return conflict_reason(user, case) is None


@predicate(
    message=lambda user, case: (
        gettext("Reviewers cannot be assigned while the cycle is “%(state)s”.") % {"state": _cycle_state(case.cycle)}
    ),
    error=Conflict,
    code="invalid_state",
)
def cycle_takes_reviewers(user, case: InnovationCase) -> bool:
    return case.cycle.state in REVIEWING_CYCLE_STATES


@predicate(
    message=lambda user, case: (
        gettext("A case that is “%(state)s” cannot be assigned to a reviewer.") % {"state": _case_state(case)}
    ),
    error=Conflict,
    code="invalid_state",
)
def case_takes_reviewers(user, case: InnovationCase) -> bool:
    return case.state in ASSIGNABLE_CASE_STATES


@predicate(
    message=lambda user, case: gettext("%(user)s is not an active reviewer.") % {"user": user.username},
    error=ApplicationError,
    code="not_a_reviewer",
)
def is_active_reviewer(user, case=None) -> bool:
    return is_reviewer(user) and user.is_active


@predicate(
    message=lambda user, case: (
        gettext("%(user)s is already assigned to “%(case)s”.") % {"user": user.username, "case": case}
    ),
    error=Conflict,
    code="already_assigned",
)
def is_not_yet_assigned(user, case: InnovationCase) -> bool:
    return not ReviewAssignment.objects.filter(case=case, reviewer=user).exists()


@predicate(
    message=lambda user, case: gettext("“%(case)s” has already been decided.") % {"case": case},
    error=Conflict,
    code="already_decided",
)
def is_undecided(user, case: InnovationCase) -> bool:
    return not AwardDecision.objects.filter(case=case).exists()


@predicate(
    message=lambda user, case: (
        gettext("Decisions are made while the cycle is “%(deciding)s”; it is “%(state)s”.")
        % {"deciding": CycleState.DECIDING.label, "state": _cycle_state(case.cycle)}
    ),
    error=Conflict,
    code="invalid_state",
)
def cycle_is_deciding(user, case: InnovationCase) -> bool:
    return case.cycle.state == CycleState.DECIDING


@predicate(
    message=lambda user, case: gettext("A case that is “%(state)s” cannot be decided.") % {"state": _case_state(case)},
    error=Conflict,
    code="invalid_state",
)
def is_in_review(user, case: InnovationCase) -> bool:
    return case.state == CaseState.IN_REVIEW


@predicate(
    message=_("A case needs at least one submitted review before a decision."),
    error=Conflict,
    code="no_review",
)
def has_a_submitted_review(user, case: InnovationCase) -> bool:
    return Review.objects.filter(assignment__case=case, state=ReviewState.SUBMITTED).exists()


@predicate(
    message=lambda user, case: (
        gettext("A revision can be requested only for a case in review; this one is “%(state)s”.")
        % {"state": _case_state(case)}
    ),
    error=Conflict,
    code="invalid_state",
)
def is_in_review_of_a_reviewing_cycle(user, case: InnovationCase) -> bool:
    return case.state == CaseState.IN_REVIEW and case.cycle.state in REVIEWING_CYCLE_STATES


@predicate(
    message=lambda user, case: (
        gettext(
            "Only a case waiting for the answer to a revision request can have it withdrawn; this one is “%(state)s”."
        )
        % {"state": _case_state(case)}
    ),
    error=Conflict,
    code="invalid_state",
)
def is_out_for_revision(user, case: InnovationCase) -> bool:
    return case.state == CaseState.REVISION_REQUESTED


@predicate(
    message=lambda user, case: (
        gettext("The cycle is “%(state)s”: revision requests can no longer change.")
        % {"state": _cycle_state(case.cycle)}
    ),
    error=Conflict,
    code="invalid_state",
)
def case_cycle_is_reviewing(user, case: InnovationCase) -> bool:
    return case.cycle.state in REVIEWING_CYCLE_STATES


# --- predicates on an assignment --------------------------------------------------------------


@predicate(message=_("Only the assigned reviewer may write this review."))
def is_the_assigned_reviewer(user, assignment: ReviewAssignment) -> bool:
    return is_reviewer(user) and assignment.reviewer_id == user.pk


def _review(assignment: ReviewAssignment) -> Review | None:
    return Review.objects.filter(assignment_id=assignment.pk).first()


@predicate(
    message=lambda user, assignment: (
        gettext("This review was submitted on %(date)s and is locked; it can no longer be changed.")
        % {"date": date_format(timezone.localtime(_review(assignment).submitted_at), "DATETIME_FORMAT")}
    ),
    error=Conflict,
    code="review_locked",
)
def review_is_open(user, assignment: ReviewAssignment) -> bool:
    review = _review(assignment)
    return review is None or review.state == ReviewState.DRAFT


@predicate(
    message=lambda user, assignment: (
        gettext("The case is “%(state)s”: reviews can only be written while it is in review.")
        % {"state": _case_state(assignment.case)}
    ),
    error=Conflict,
    code="invalid_state",
)
def assignment_case_in_review(user, assignment: ReviewAssignment) -> bool:
    return assignment.case.state == CaseState.IN_REVIEW


@predicate(
    message=lambda user, assignment: (
        gettext("The cycle is “%(state)s”: reviews are closed.") % {"state": _cycle_state(assignment.case.cycle)}
    ),
    error=Conflict,
    code="invalid_state",
)
def assignment_cycle_reviewing(user, assignment: ReviewAssignment) -> bool:
    return assignment.case.cycle.state in REVIEWING_CYCLE_STATES


@predicate(
    message=lambda user, assignment: (
        gettext("Conflict of interest: %(reason)s") % {"reason": conflict_reason(user, assignment.case)}
    ),
    error=Conflict,
    code="conflict_of_interest",
)
def assignment_has_no_conflict(user, assignment: ReviewAssignment) -> bool:
    return conflict_reason(user, assignment.case) is None


@predicate(
    # Says no more than that reviewing is over: that the case has been decided is confidential
    # until the cycle is published (reviewers see their own reviews only).
    message=_("Reviewing of this case has closed; the review can no longer be changed."),
    error=Conflict,
    code="review_closed",
)
def assignment_case_undecided(user, assignment: ReviewAssignment) -> bool:
    return not AwardDecision.objects.filter(case_id=assignment.case_id).exists()


@predicate(
    message=_("You declared a conflict of interest on this case: another reviewer takes it over."),
    error=Conflict,
    code="recused",
)
def assignment_not_recused(user, assignment: ReviewAssignment) -> bool:
    return assignment.recused_at is None


@predicate(
    message=_("A submitted review cannot be withdrawn for a conflict; ask the award managers."),
    error=Conflict,
    code="review_locked",
)
def review_not_submitted(user, assignment: ReviewAssignment) -> bool:
    review = _review(assignment)
    return review is None or review.state != ReviewState.SUBMITTED


@predicate(
    message=_("Only a submitted review can be reopened."),
    error=Conflict,
    code="invalid_state",
)
def review_is_submitted(user, assignment: ReviewAssignment) -> bool:
    review = _review(assignment)
    return review is not None and review.state == ReviewState.SUBMITTED


@predicate(
    message=_("The case has not been resubmitted since your review: there is nothing new to review."),
    error=Conflict,
    code="nothing_changed",
)
def case_resubmitted_since_review(user, assignment: ReviewAssignment) -> bool:
    review = _review(assignment)
    return (
        review is not None
        and review.submitted_at is not None
        and RevisionRequest.objects.filter(
            case_id=assignment.case_id, state=RevisionRequest.State.ANSWERED, answered_at__gt=review.submitted_at
        ).exists()
    )


@predicate
def is_own_assignment(user, assignment: ReviewAssignment) -> bool:
    return is_reviewer(user) and assignment.reviewer_id == user.pk


# --- predicates on a review -------------------------------------------------------------------


@predicate
def wrote_the_review(user, review: Review) -> bool:
    return is_reviewer(user) and review.assignment.reviewer_id == user.pk


@predicate
def is_submitted_review_of_own_published_case(user, review: Review) -> bool:
    case = review.assignment.case
    return (
        is_submitter(user)
        and case.government_id == user.government_id
        and review.state == ReviewState.SUBMITTED
        and case.cycle.state == CycleState.PUBLISHED
    )


# --- predicates on a cycle --------------------------------------------------------------------


@predicate(
    message=_("A published cycle cannot change any more."),
    error=Conflict,
    code="invalid_state",
)
def cycle_is_not_published(user, cycle: AwardCycle) -> bool:
    return cycle.state != CycleState.PUBLISHED


@predicate(
    message=lambda user, cycle: (
        gettext("Only a cycle that is “%(deciding)s” can be published; this one is “%(state)s”.")
        % {"deciding": CycleState.DECIDING.label, "state": _cycle_state(cycle)}
    ),
    error=Conflict,
    code="invalid_state",
)
def cycle_can_be_published(user, cycle: AwardCycle) -> bool:
    return cycle.state == CycleState.DECIDING


def undecided_cases(cycle: AwardCycle) -> int:
    # The same selector as the cycle overview's "awaiting a decision" (selectors.CycleProgress).
    return cases_awaiting_decision(cycle).count()


@predicate(
    message=lambda user, cycle: (
        gettext("%(count)s case(s) still await a decision; decide them before publishing.")
        % {"count": undecided_cases(cycle)}
    ),
    error=Conflict,
    code="undecided_cases",
)
def every_case_is_decided(user, cycle: AwardCycle) -> bool:
    # A case out for revision would otherwise come back into a cycle whose results are final.
    return undecided_cases(cycle) == 0


# --- rules ------------------------------------------------------------------------------------

# The reviewers' area: their assignments and the reviews they write.
can_review_cases = rule("reviews.review_cases", is_reviewer)
can_manage_awards = rule("reviews.manage_awards", is_manager)
can_assign_reviewer = rule(
    "reviews.assign_reviewer", is_manager & cycle_takes_reviewers & case_takes_reviewers & is_undecided
)
# The other side of an assignment: may this reviewer take this case?
can_take_assignment = rule("reviews.take_assignment", is_active_reviewer & has_no_conflict & is_not_yet_assigned)
# After a revision, the reviewer may take their review back to change it (then submit it again).
can_reopen_review = rule(
    "reviews.reopen_review",
    is_the_assigned_reviewer
    & assignment_not_recused
    & review_is_submitted
    & assignment_case_in_review
    & assignment_cycle_reviewing
    & assignment_case_undecided
    & case_resubmitted_since_review,
)
can_view_assignment = rule("reviews.view_assignment", is_manager | is_own_assignment)
# The assigned reviewer, while the case is in review, the cycle reviewing and the review a draft.
can_edit_review = rule(
    "reviews.edit_review",
    is_the_assigned_reviewer
    & review_is_open
    & assignment_case_in_review
    & assignment_cycle_reviewing
    & assignment_case_undecided
    & assignment_not_recused
    & assignment_has_no_conflict,
)
# A conflict found while reading: the reviewer steps aside with a reason (before submitting).
can_declare_conflict = rule(
    "reviews.declare_conflict",
    is_the_assigned_reviewer
    & assignment_not_recused
    & review_not_submitted
    & assignment_case_undecided
    & assignment_cycle_reviewing,
)
# A review at all: managers, the reviewer who wrote it, and the case's own government once the cycle
# is published (its comment to the submitter only: ``reviews.read_whole_reviews`` decides the rest).
can_view_review = rule("reviews.view_review", is_manager | wrote_the_review | is_submitted_review_of_own_published_case)
# Reviews in full, not only their comments to the submitter (which rows: ``selectors.visible_reviews``).
can_read_whole_reviews = rule("reviews.read_whole_reviews", is_manager | is_reviewer)
can_decide_case = rule(
    "reviews.decide_case", is_manager & is_undecided & cycle_is_deciding & is_in_review & has_a_submitted_review
)
can_request_revision = rule("reviews.request_revision", is_manager & is_undecided & is_in_review_of_a_reviewing_cycle)
# Back to review without the answer, e.g. so that the case can be decided and the cycle published.
can_withdraw_revision_request = rule(
    "reviews.withdraw_revision_request", is_manager & is_out_for_revision & case_cycle_is_reviewing
)
can_change_cycle_state = rule("reviews.change_cycle_state", is_manager & cycle_is_not_published)
can_publish_cycle = rule("reviews.publish_cycle", is_manager & cycle_can_be_published & every_case_is_decided)
