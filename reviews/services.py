"""Every write of the reviews app: assignments, reviews, decisions, revision requests, cycle states.

Each function is keyword-only and atomic, checks its rule (``reviews.permissions``) on the rows it
has locked, and raises ``core.errors.ApplicationError`` (or a subclass) with a message in the
request's language and field messages keyed by domain names (``scores.<criterion id>``,
``verifications.<outcome id>``, ``rationale`` …). Case state changes go through
``cases.workflow.transition`` only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import record
from cases import workflow
from cases.models import AwardCycle, AwardLevel, CaseState, CycleState, InnovationCase, Outcome, Verification
from core.errors import ApplicationError, Conflict
from core.rules import require

from . import aggregation, notifications
from .models import (
    AwardDecision,
    Criterion,
    CriterionScore,
    OutcomeVerification,
    Recommendation,
    Review,
    ReviewAssignment,
    ReviewState,
)

REVIEW_VERIFICATIONS = (Verification.VERIFIED, Verification.PARTLY, Verification.NOT_VERIFIED)


# --- assignments ------------------------------------------------------------------------------


def _assign(*, actor, case: InnovationCase, reviewer, due_on: dt.date | None) -> ReviewAssignment:
    case = workflow.lock(case)
    require(actor, "reviews.assign_reviewer", case)
    require(reviewer, "reviews.take_assignment", case)
    try:
        with transaction.atomic():
            assignment = ReviewAssignment.objects.create(
                case=case, reviewer=reviewer, due_on=due_on or case.cycle.review_deadline, assigned_by=actor
            )
    except IntegrityError:
        raise Conflict(
            _("%(user)s is already assigned to “%(case)s”.") % {"user": reviewer.username, "case": case},
            code="already_assigned",
        ) from None
    if case.state == CaseState.SUBMITTED:
        workflow.transition(
            case, to_state=CaseState.IN_REVIEW, actor=actor, message=_("Reviewer assigned: %s") % reviewer.username
        )
    record(actor=actor, action=Action.REVIEWER_ASSIGNED, target=assignment, details={"reviewer": reviewer.username})
    notifications.notify_assignment(assignment)
    return assignment


@transaction.atomic
def assign_reviewer(*, actor, case: InnovationCase, reviewer, due_on: dt.date | None = None) -> ReviewAssignment:
    """Assign ``reviewer`` to ``case`` (due by ``due_on``, default the cycle's review deadline); a
    submitted case moves to "in review". Refused on a conflict of interest, naming the reason."""
    return _assign(actor=actor, case=case, reviewer=reviewer, due_on=due_on)


@transaction.atomic
def assign_reviewers(
    *, actor, pairs: Iterable[tuple[InnovationCase, object]], due_on: dt.date | None = None
) -> list[ReviewAssignment]:
    """Assign several (case, reviewer) pairs at once: all or nothing. A refusal lists every problem."""
    require(actor, "reviews.manage_awards")
    assignments, problems = [], []
    for case, reviewer in pairs:
        try:
            with transaction.atomic():
                assignments.append(_assign(actor=actor, case=case, reviewer=reviewer, due_on=due_on))
        except ApplicationError as error:
            problems.append(f"{case}: {error}")
    if problems:
        raise ApplicationError(" ".join([_("Nothing was assigned."), *problems]), problems=problems)
    return assignments


# --- reviews ----------------------------------------------------------------------------------


@transaction.atomic
def save_review(
    *,
    actor,
    assignment: ReviewAssignment,
    scores: Mapping[int, int | None],
    verifications: Mapping[int, str],
    comment_to_submitter: str = "",
    note_to_committee: str = "",
    recommendation: str = "",
    declared_no_conflict: bool = False,
    submit: bool = False,
) -> Review:
    """Save the assigned reviewer's review as a draft, or submit it (then it is locked).

    ``scores`` maps criterion ids to scores (None: not scored yet); ``verifications`` maps outcome ids
    to verified / partly / not_verified. Submitting needs every score, every verification, a
    recommendation and the declaration of no conflict of interest."""
    assignment = (
        ReviewAssignment.objects.select_for_update()
        .select_related("case__cycle", "case__government")
        .get(pk=assignment.pk)
    )
    require(actor, "reviews.edit_review", assignment)
    review = Review.objects.filter(assignment=assignment).first()
    case = assignment.case

    criteria = list(Criterion.objects.filter(cycle=case.cycle))
    outcomes = list(Outcome.objects.filter(case=case))
    errors: dict[str, list[str]] = {}
    clean_scores: dict[int, int] = {}
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value in (None, ""):
            if submit:
                errors.setdefault(f"scores.{criterion.pk}", []).append(_("Give a score for this criterion."))
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            errors.setdefault(f"scores.{criterion.pk}", []).append(_("Enter a whole number."))
            continue
        if not criterion.scale_min <= value <= criterion.scale_max:
            errors.setdefault(f"scores.{criterion.pk}", []).append(
                _("Give a score from %(min)s to %(max)s.") % {"min": criterion.scale_min, "max": criterion.scale_max}
            )
            continue
        clean_scores[criterion.pk] = value
    unknown = set(scores) - {criterion.pk for criterion in criteria}
    if unknown:
        errors.setdefault("scores", []).append(_("Unknown criteria for this cycle."))
    clean_verifications: dict[int, str] = {}
    for outcome in outcomes:
        status = verifications.get(outcome.pk) or ""
        if not status:
            if submit:
                errors.setdefault(f"verifications.{outcome.pk}", []).append(_("Verify this outcome."))
            continue
        if status not in REVIEW_VERIFICATIONS:
            errors.setdefault(f"verifications.{outcome.pk}", []).append(_("Choose a valid verification."))
            continue
        clean_verifications[outcome.pk] = status
    if set(verifications) - {outcome.pk for outcome in outcomes}:
        errors.setdefault("verifications", []).append(_("Unknown outcomes for this case."))
    if recommendation and recommendation not in Recommendation.values:
        errors.setdefault("recommendation", []).append(_("Choose a valid recommendation."))
    if submit and not recommendation:
        errors.setdefault("recommendation", []).append(_("Give a recommendation."))
    if submit and not declared_no_conflict:
        errors.setdefault("declared_no_conflict", []).append(
            _("Declare that you have no conflict of interest to submit the review.")
        )
    if errors:
        raise ApplicationError(_("The review has problems; see the marked fields."), fields=errors)

    if review is None:
        review = Review(assignment=assignment)
    review.comment_to_submitter = comment_to_submitter
    review.note_to_committee = note_to_committee
    review.recommendation = recommendation
    review.declared_no_conflict = declared_no_conflict
    weights = {criterion.pk: criterion.weight for criterion in criteria}
    complete = len(clean_scores) == len(criteria) and criteria
    review.weighted_score = (
        aggregation.weighted_score((weights[pk], score) for pk, score in clean_scores.items()) if complete else None
    )
    if submit:
        review.state = ReviewState.SUBMITTED
        review.submitted_at = timezone.now()
    review.save()
    CriterionScore.objects.filter(review=review).exclude(criterion_id__in=clean_scores).delete()
    for criterion_id, value in clean_scores.items():
        CriterionScore.objects.update_or_create(review=review, criterion_id=criterion_id, defaults={"score": value})
    OutcomeVerification.objects.filter(review=review).exclude(outcome_id__in=clean_verifications).delete()
    for outcome_id, status in clean_verifications.items():
        OutcomeVerification.objects.update_or_create(review=review, outcome_id=outcome_id, defaults={"status": status})
    if submit:
        record(actor=actor, action=Action.REVIEW_SUBMITTED, target=review)
    return review


@transaction.atomic
def declare_conflict(*, actor, assignment: ReviewAssignment, reason: str) -> ReviewAssignment:
    """The assigned reviewer found a conflict of interest while reading: they step aside with
    ``reason``, their unsubmitted draft no longer counts, and the managers are asked to assign
    someone else."""
    assignment = (
        ReviewAssignment.objects.select_for_update()
        .select_related("case__cycle", "case__government", "reviewer")
        .get(pk=assignment.pk)
    )
    require(actor, "reviews.declare_conflict", assignment)
    reason = (reason or "").strip()
    if not reason:
        missing = _("Say what the conflict of interest is.")
        raise ApplicationError(missing, fields={"reason": [missing]})
    assignment.recused_at = timezone.now()
    assignment.recusal_reason = reason
    assignment.save(update_fields=["recused_at", "recusal_reason"])
    record(actor=actor, action=Action.REVIEWER_RECUSED, target=assignment, details={"reason": reason})
    notifications.notify_recusal(assignment)
    return assignment


@transaction.atomic
def reopen_review(*, actor, assignment: ReviewAssignment) -> Review:
    """Take a submitted review back to a draft after the case was revised and resubmitted, so that
    the reviewer can change it and submit it again. Its scores stay until they are changed; it no
    longer counts in the ranking until it is submitted again. ``submitted_at`` keeps the time of the
    last submission: what changed is shown against it."""
    assignment = (
        ReviewAssignment.objects.select_for_update()
        .select_related("case__cycle", "case__government")
        .get(pk=assignment.pk)
    )
    require(actor, "reviews.reopen_review", assignment)
    review = Review.objects.select_for_update().get(assignment=assignment)
    review.state = ReviewState.DRAFT
    review.save(update_fields=["state", "updated_at"])
    record(actor=actor, action=Action.REVIEW_REOPENED, target=review)
    return review


# --- decisions --------------------------------------------------------------------------------


def _apply_outcome_consensus(case_ids: list[int]) -> None:
    """Each outcome's verification becomes the consensus of the submitted reviews' verifications
    (``aggregation.consensus_verification``: majority, ties to the more cautious, none: pending);
    three queries however many cases."""
    statuses: dict[int, list[str]] = {}
    for outcome_id, status in OutcomeVerification.objects.filter(
        outcome__case_id__in=case_ids, review__state=ReviewState.SUBMITTED
    ).values_list("outcome_id", "status"):
        statuses.setdefault(outcome_id, []).append(status)
    changed = []
    for outcome in Outcome.objects.filter(case_id__in=case_ids).only("pk", "verification"):
        consensus = aggregation.consensus_verification(statuses.get(outcome.pk, []))
        if outcome.verification != consensus:
            outcome.verification = consensus
            changed.append(outcome)
    Outcome.objects.bulk_update(changed, ["verification"], batch_size=500)


@transaction.atomic
def decide_case(
    *, actor, case: InnovationCase, level: AwardLevel | None, rationale: str = "", rationale_local: str = ""
) -> AwardDecision:
    """Give ``case`` an award ``level`` of its cycle (None: no award) with a rationale, in Korean
    (``rationale_local``), English (``rationale``) or both. The decision is confidential until the
    cycle is published: only then does the case become awarded or not and its submitters hear of it.

    Row locks on the case and then the level make concurrent decisions wait for each other, so a quota
    is never exceeded and a case is never decided twice (the one-to-one constraint backs this up)."""
    case = workflow.lock(case)
    require(actor, "reviews.decide_case", case)
    rationale = (rationale or "").strip()
    rationale_local = (rationale_local or "").strip()
    if not (rationale or rationale_local):
        missing = _("Give the rationale of the decision.")
        raise ApplicationError(missing, fields={"rationale_local": [missing]})
    if level is not None:
        level = AwardLevel.objects.select_for_update().get(pk=level.pk)
        if level.cycle_id != case.cycle_id:
            other = _("This award level belongs to another cycle.")
            raise ApplicationError(other, fields={"level": [other]})
        used = AwardDecision.objects.filter(level=level).count()
        if used >= level.quota:
            raise Conflict(
                _("The quota of %(quota)s for the %(level)s is used up.") % {"quota": level.quota, "level": level},
                code="quota_exceeded",
            )
    try:
        with transaction.atomic():
            decision = AwardDecision.objects.create(
                case=case,
                level=level,
                rationale=rationale,
                rationale_local=rationale_local,
                decided_by=actor,
                decided_at=timezone.now(),
            )
    except IntegrityError:
        raise Conflict(_("“%(case)s” has already been decided.") % {"case": case}, code="already_decided") from None
    record(actor=actor, action=Action.CASE_DECIDED, target=decision, details={"level": str(level or "")})
    # Nothing else changes until the cycle is published: the case stays "in review", its outcomes
    # keep their verification and nobody is told, so that no page, API response or e-mail can show
    # the decision to anyone but the managers before the results are final (``publish_cycle``).
    return decision


@transaction.atomic
def request_revision(*, actor, case: InnovationCase, message: str, respond_by: dt.date | None = None) -> InnovationCase:
    """Send ``case`` back to its submitter with ``message`` (what to change) and, optionally, the date
    to answer by: a new request of the case's revision thread, e-mailed to its submitters."""
    case = workflow.lock(case)
    require(actor, "reviews.request_revision", case)
    message = (message or "").strip()
    if not message:
        missing = _("Say what should be revised.")
        raise ApplicationError(missing, fields={"message": [missing]})
    if respond_by is not None and respond_by < timezone.localdate():
        past = _("Choose a date from today on.")
        raise ApplicationError(past, fields={"respond_by": [past]})
    request = workflow.send_back_for_revision(case, actor=actor, message=message, respond_by=respond_by)
    case.refresh_from_db()
    record(actor=actor, action=Action.REVISION_REQUESTED, target=case, details={"message": message})
    notifications.notify_revision_request(request)
    return case


@transaction.atomic
def withdraw_revision_request(*, actor, case: InnovationCase, reason: str = "") -> InnovationCase:
    """Take back the open request for revision of ``case``: it returns to review unanswered, with its
    reviewers, and can be decided (a cycle cannot be published while a case waits for an answer).
    The submitters are told."""
    case = workflow.lock(case)
    require(actor, "reviews.withdraw_revision_request", case)
    reason = (reason or "").strip()
    request = workflow.open_request(case)
    case = workflow.withdraw_revision(case, actor=actor, reason=reason)
    record(actor=actor, action=Action.REVISION_WITHDRAWN, target=case, details={"reason": reason})
    notifications.notify_revision_withdrawn(case, request=request, reason=reason)
    return case


# --- cycles -----------------------------------------------------------------------------------


def _lock_cycle(cycle: AwardCycle) -> AwardCycle:
    return AwardCycle.objects.select_for_update().get(pk=cycle.pk)


def _expect_state(actor, locked: AwardCycle, *, from_state: str | None, to_state: str) -> None:
    """Refuse, changing nothing, when the cycle is no longer in the state the request expected: a
    repeated request (double click, back button, a retry) or another manager came first."""
    if from_state is None or locked.state == from_state:
        return
    require(actor, "reviews.manage_awards")
    labels = dict(CycleState.choices)
    values = {"state": labels[locked.state], "expected": labels.get(from_state, from_state)}
    if locked.state == to_state:
        raise Conflict(
            _("The cycle is already “%(state)s”: this step was confirmed before, nothing more was changed.") % values,
            code="already_in_state",
        )
    raise Conflict(
        _(
            "The cycle is now “%(state)s”, not “%(expected)s” as expected: someone changed it meanwhile, "
            "so nothing was changed."
        )
        % values,
        code="cycle_state_changed",
    )


@transaction.atomic
def change_cycle_state(*, actor, cycle: AwardCycle, to_state: str, from_state: str | None = None) -> AwardCycle:
    """Move ``cycle`` one step forward: draft → open → reviewing → deciding → published.

    With ``from_state`` (the pages and the API always give it) the step happens only from that state,
    so that a repeated or stale request changes nothing (``Conflict``: ``already_in_state`` or
    ``cycle_state_changed``)."""
    if to_state == CycleState.PUBLISHED:
        return publish_cycle(actor=actor, cycle=cycle, from_state=from_state)
    locked = _lock_cycle(cycle)
    _expect_state(actor, locked, from_state=from_state, to_state=to_state)
    require(actor, "reviews.change_cycle_state", locked)
    if workflow.next_cycle_state(locked) != to_state:
        raise workflow.WorkflowError(
            _("A cycle that is “%(from)s” cannot become “%(to)s”.")
            % {"from": CycleState(locked.state).label, "to": CycleState(to_state).label}
        )
    record(actor=actor, action=Action.CYCLE_STATE_CHANGED, target=locked, details={"to": to_state})
    locked.state = to_state
    locked.save(update_fields=["state"])
    cycle.refresh_from_db()
    return locked


@transaction.atomic
def publish_cycle(*, actor, cycle: AwardCycle, from_state: str | None = None) -> AwardCycle:
    """Publish the results: awarded cases become public, submitters see the comments meant for them.
    ``from_state`` as for ``change_cycle_state``."""
    locked = _lock_cycle(cycle)
    _expect_state(actor, locked, from_state=from_state, to_state=CycleState.PUBLISHED)
    require(actor, "reviews.publish_cycle", locked)
    decided = list(
        InnovationCase.objects.filter(cycle=locked, decision__isnull=False)
        .select_related("government", "cycle", "decision__level")
        .order_by("pk")
    )
    _apply_decisions(actor, decided)
    locked.state = CycleState.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["state", "published_at"])
    record(actor=actor, action=Action.CYCLE_PUBLISHED, target=locked)
    cycle.refresh_from_db()
    notifications.notify_publication(locked, decided)
    return locked


def _apply_decisions(actor, decided: list[InnovationCase]) -> None:
    """At publication: each decided case becomes awarded or not, with the decision's rationale in
    its history, and its outcomes take the reviewers' consensus verification — in a constant number
    of queries, however many cases the cycle has."""
    _apply_outcome_consensus([case.pk for case in decided])
    workflow.transition_many(
        [
            (
                case,
                CaseState.AWARDED if case.decision.level_id else CaseState.NOT_AWARDED,
                case.decision.rationale_local or case.decision.rationale,
            )
            for case in decided
            # decided before decisions waited for the publication (migrated data): already moved
            if case.state not in (CaseState.AWARDED, CaseState.NOT_AWARDED)
        ],
        actor=actor,
    )
