"""Reads for reviews: what a user may see, assignments, suggestions, cycle progress and the ranking."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Count, Max, Min, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import permissions as roles
from accounts.models import Role, User
from cases import jargon
from cases.models import (
    EVIDENCED,
    SUBMITTED_STATES,
    AwardCycle,
    AwardLevel,
    CaseState,
    CycleState,
    InnovationCase,
    Outcome,
    Verification,
)
from core.numbers import percent
from core.rules import allowed

from . import aggregation
from .models import AwardDecision, Criterion, OutcomeVerification, Review, ReviewAssignment, ReviewState
from .pending import cases_awaiting_decision
from .permissions import ASSIGNABLE_CASE_STATES, REVIEWING_CYCLE_STATES, conflict_reason

# --- visibility -------------------------------------------------------------------------------


def visible_reviews(user) -> QuerySet[Review]:
    """Managers: all; reviewers: their own; submitters: submitted reviews of their government's cases in
    published cycles (of which they may read only the comment to the submitter); others: none."""
    reviews = Review.objects.select_related("assignment__case__cycle", "assignment__reviewer")
    if roles.is_manager(user):
        return reviews.all()
    if roles.is_reviewer(user):
        return reviews.filter(assignment__reviewer=user)
    if roles.is_submitter(user):
        return reviews.filter(
            state=ReviewState.SUBMITTED,
            assignment__case__government_id=user.government_id,
            assignment__case__cycle__state=CycleState.PUBLISHED,
        )
    return reviews.none()


def assigned_cases_condition(user) -> Q | None:
    """The cases a reviewer may read because they are assigned to them (a condition on cases)."""
    if not roles.is_reviewer(user):
        return None
    return Q(pk__in=ReviewAssignment.objects.filter(reviewer=user).values("case_id"))


def visible_assignments(user) -> QuerySet[ReviewAssignment]:
    assignments = ReviewAssignment.objects.select_related(
        "case__cycle", "case__government__parent", "reviewer", "review"
    )
    if roles.is_manager(user):
        return assignments.all()
    if roles.is_reviewer(user):
        return assignments.filter(reviewer=user)
    return assignments.none()


def get_visible_assignment(user, pk) -> ReviewAssignment:
    try:
        return visible_assignments(user).get(pk=pk)
    except (ReviewAssignment.DoesNotExist, ValueError, TypeError):
        raise Http404("No such assignment") from None


def get_reviewer_assignment(user, pk) -> ReviewAssignment:
    """An assignment of ``user`` (a reviewer) — 404 for anybody else, managers included."""
    if not roles.is_reviewer(user):
        raise Http404("No such assignment")
    return get_visible_assignment(user, pk)


def get_cycle(year) -> AwardCycle:
    try:
        return AwardCycle.objects.get(year=year)
    except (AwardCycle.DoesNotExist, ValueError, TypeError):
        raise Http404("No such cycle") from None


def get_case(pk) -> InnovationCase:
    try:
        return InnovationCase.objects.select_related("cycle", "government__parent", "purpose").get(pk=pk)
    except (InnovationCase.DoesNotExist, ValueError, TypeError):
        raise Http404("No such case") from None


def comments_to_submitter(user, case: InnovationCase) -> list[str]:
    """The non-empty comments to the submitter of ``case`` that ``user`` may read."""
    return [
        review.comment_to_submitter
        for review in visible_reviews(user).filter(assignment__case=case, state=ReviewState.SUBMITTED)
        if review.comment_to_submitter and allowed(user, "reviews.view_review", review)
    ]


# --- reviewers and assignments ----------------------------------------------------------------


def reviewers() -> QuerySet[User]:
    return User.objects.filter(role=Role.REVIEWER, is_active=True).select_related("government").order_by("username")


class Work(models.TextChoices):
    """Where an assignment stands for its reviewer, to-do first (the worklist's filters)."""

    DRAFT = "draft", _("Draft to finish")
    NOT_STARTED = "not_started", _("Not started")
    WAITING = "waiting", _("Closed for now")  # e.g. the case is out for revision, or reviewing is over
    SUBMITTED = "submitted", _("Submitted")
    RECUSED = "recused", _("Conflict declared")


TO_DO = (Work.DRAFT, Work.NOT_STARTED)
WORK_ORDER = {state: index for index, state in enumerate(Work)}


@dataclass
class AssignmentRow:
    assignment: ReviewAssignment
    review_state: str
    overdue: bool
    work: str = Work.NOT_STARTED

    @property
    def to_do(self) -> bool:
        return self.work in TO_DO


def _work(assignment: ReviewAssignment) -> str:
    """The same conditions as ``reviews.edit_review``, read from the rows already loaded."""
    review = getattr(assignment, "review", None)
    if assignment.recused_at is not None:
        return Work.RECUSED
    if review is not None and review.state == ReviewState.SUBMITTED:
        return Work.SUBMITTED
    case = assignment.case
    reviewing = (
        case.state == CaseState.IN_REVIEW
        and case.cycle.state in REVIEWING_CYCLE_STATES
        and getattr(case, "decision", None) is None
    )
    if not reviewing:
        return Work.WAITING
    return Work.DRAFT if review is not None else Work.NOT_STARTED


@dataclass
class Worklist:
    rows: list[AssignmentRow]
    counts: dict[str, int]  # per ``Work`` state, over the chosen cycle
    to_do: int
    cycles: list[int]


def my_assignments(user, *, today: dt.date | None = None) -> list[AssignmentRow]:
    """A reviewer's assignments: what is to do first (soonest due, then drafts before unstarted
    ones), then the rest by due date; with overdue marks (due date passed, not submitted)."""
    today = today or timezone.localdate()
    rows = []
    for assignment in visible_assignments(user).filter(reviewer=user).select_related("case__decision"):
        review = getattr(assignment, "review", None)
        state = review.state if review else ""
        work = _work(assignment)
        rows.append(
            AssignmentRow(
                assignment=assignment,
                review_state=state,
                overdue=work in TO_DO and assignment.due_on < today,
                work=work,
            )
        )
    rows.sort(key=lambda row: (not row.to_do, row.assignment.due_on, WORK_ORDER[row.work], row.assignment.pk))
    return rows


def worklist(user, *, state: str = "", cycle: str = "", today: dt.date | None = None) -> Worklist:
    """``my_assignments`` filtered by work state (``todo`` or a ``Work`` value) and cycle year, with
    the counts of each state in the chosen cycle."""
    rows = my_assignments(user, today=today)
    cycles = sorted({row.assignment.case.cycle.year for row in rows}, reverse=True)
    if cycle.isdigit():
        rows = [row for row in rows if row.assignment.case.cycle.year == int(cycle)]
    counts = {work.value: sum(1 for row in rows if row.work == work) for work in Work}
    to_do = sum(counts[work] for work in TO_DO)
    if state == "todo":
        rows = [row for row in rows if row.to_do]
    elif state in Work.values:
        rows = [row for row in rows if row.work == state]
    return Worklist(rows=rows, counts=counts, to_do=to_do, cycles=cycles)


def assignable_cases(cycle: AwardCycle) -> QuerySet[InnovationCase]:
    return (
        InnovationCase.objects.filter(cycle=cycle, state__in=ASSIGNABLE_CASE_STATES)
        .select_related("government__parent")
        .prefetch_related("assignments__reviewer", "assignments__review")
        .order_by("government__code", "id")
    )


@dataclass(frozen=True)
class Suggestion:
    case: InnovationCase
    reviewer: User


def suggest_assignments(cycle: AwardCycle) -> list[Suggestion]:
    """Reviewers for every case of ``cycle`` short of ``reviews_required``: no conflicts, no reviewer
    twice on a case, and each time the reviewer with the fewest assignments in the cycle (then by
    username), counting the suggestions already made — so the load stays balanced."""
    candidates = list(reviewers().select_related("government__parent"))
    load = dict(
        ReviewAssignment.objects.filter(case__cycle=cycle)
        .values("reviewer")
        .annotate(n=Count("id"))
        .values_list("reviewer", "n")
    )
    loads = {reviewer.pk: load.get(reviewer.pk, 0) for reviewer in candidates}
    suggestions = []
    for case in assignable_cases(cycle):
        assigned = {assignment.reviewer_id for assignment in case.assignments.all()}
        # A reviewer who declared a conflict stays excluded but no longer counts as one of the reviews.
        active = [assignment for assignment in case.assignments.all() if assignment.recused_at is None]
        missing = cycle.reviews_required - len(active)
        while missing > 0:
            eligible = [r for r in candidates if r.pk not in assigned and conflict_reason(r, case) is None]
            if not eligible:
                break
            chosen = min(eligible, key=lambda r: (loads[r.pk], r.username))
            suggestions.append(Suggestion(case=case, reviewer=chosen))
            assigned.add(chosen.pk)
            loads[chosen.pk] += 1
            missing -= 1
    return suggestions


# --- cycle progress ---------------------------------------------------------------------------


@dataclass
class LevelUsage:
    level: AwardLevel
    used: int

    @property
    def remaining(self) -> int:
        return max(self.level.quota - self.used, 0)


@dataclass
class CycleProgress:
    cycle: AwardCycle
    cases_by_state: dict[str, int]
    submitted_cases: int
    assignments: int
    reviews_submitted: int
    reviews_needed: int
    decisions: int
    # The cases the cycle cannot be published without (``pending.cases_awaiting_decision``, the
    # selector of the Publish rule too), those out for revision first.
    undecided: list[InnovationCase] = field(default_factory=list)
    levels: list[LevelUsage] = field(default_factory=list)

    @property
    def awaiting_decision(self) -> int:
        return len(self.undecided)

    @property
    def in_revision(self) -> list[InnovationCase]:
        return [case for case in self.undecided if case.state == CaseState.REVISION_REQUESTED]


def cycle_progress(cycle: AwardCycle) -> CycleProgress:
    return cycles_progress([cycle])[0]


def cycles_progress(cycles: Iterable[AwardCycle]) -> list[CycleProgress]:
    """The progress of each cycle in three grouped queries, however many cycles (plus their award
    levels, unless prefetched)."""
    cycles = list(cycles)
    ids = [cycle.pk for cycle in cycles]
    by_state: dict[int, dict[str, int]] = defaultdict(dict)
    for cycle_id, state, n in (
        InnovationCase.objects.filter(cycle_id__in=ids)
        .values("cycle_id", "state")
        .annotate(n=Count("id"))
        .values_list("cycle_id", "state", "n")
    ):
        by_state[cycle_id][state] = n
    assignment_counts = {
        row["case__cycle_id"]: row
        for row in ReviewAssignment.objects.filter(case__cycle_id__in=ids)
        .values("case__cycle_id")
        .annotate(total=Count("id"), submitted=Count("id", filter=Q(review__state=ReviewState.SUBMITTED)))
    }
    decided: dict[int, dict[int | None, int]] = defaultdict(dict)  # cycle -> level (None: no award) -> count
    for cycle_id, level_id, n in (
        AwardDecision.objects.filter(case__cycle_id__in=ids)
        .values("case__cycle_id", "level_id")
        .annotate(n=Count("id"))
        .values_list("case__cycle_id", "level_id", "n")
    ):
        decided[cycle_id][level_id] = n
    undecided: dict[int, list[InnovationCase]] = defaultdict(list)
    for case in undecided_cases(*cycles):
        undecided[case.cycle_id].append(case)
    result = []
    for cycle in cycles:
        states = by_state[cycle.pk]
        counts = assignment_counts.get(cycle.pk, {"total": 0, "submitted": 0})
        used = decided[cycle.pk]
        submitted = sum(states.get(state, 0) for state in SUBMITTED_STATES)
        result.append(
            CycleProgress(
                cycle=cycle,
                cases_by_state=dict(states),
                submitted_cases=submitted,
                assignments=counts["total"],
                reviews_submitted=counts["submitted"],
                reviews_needed=submitted * cycle.reviews_required,
                decisions=sum(used.values()),
                undecided=undecided[cycle.pk],
                levels=[LevelUsage(level=level, used=used.get(level.pk, 0)) for level in cycle.award_levels.all()],
            )
        )
    return result


def undecided_cases(*cycles: AwardCycle) -> list[InnovationCase]:
    """The cases awaiting a decision, those out for revision first (the manager must act on them)."""
    cases = list(
        cases_awaiting_decision(*cycles).select_related("government__parent").order_by("government__code", "id")
    )
    return sorted(cases, key=lambda case: case.state != CaseState.REVISION_REQUESTED)


def level_usage(cycle: AwardCycle) -> list[LevelUsage]:
    return cycle_progress(cycle).levels


# --- ranking ----------------------------------------------------------------------------------


@dataclass
class RankingRow:
    case: InnovationCase
    count: int
    mean: Decimal | None
    median: Decimal | None
    std: Decimal | None
    z_mean: Decimal | None
    disagreement: bool
    verified_percent: float | None
    decision: AwardDecision | None
    # The substantiation check: share of claimed outcomes with evidence, uses of glossary jargon.
    evidenced_percent: float | None = None
    jargon_count: int = 0

    @property
    def decision_label(self) -> str:
        if self.decision is None:
            return ""
        return self.decision.level.label if self.decision.level else "-"


def _decision_key(row: RankingRow) -> tuple:
    """Undecided < no award < lowest level < ... < highest level."""
    if row.decision is None:
        return (0, 0)
    return (1, -row.decision.level.rank if row.decision.level else -999)


SORT_KEYS = {
    "title": lambda row: (str(row.case.display_title).lower(),),
    "government": lambda row: (row.case.government.code,),
    "state": lambda row: (row.case.state,),
    "count": lambda row: (row.count,),
    "mean": lambda row: (row.mean is not None, row.mean or 0),
    "median": lambda row: (row.median is not None, row.median or 0),
    "std": lambda row: (row.std is not None, row.std or 0),
    "z_mean": lambda row: (row.z_mean is not None, row.z_mean or 0),
    "disagreement": lambda row: (row.disagreement,),
    "verified": lambda row: (row.verified_percent is not None, row.verified_percent or 0),
    "evidenced": lambda row: (row.evidenced_percent is not None, row.evidenced_percent or 0),
    "jargon": lambda row: (row.jargon_count,),
    "decision": lambda row: _decision_key(row),
}
DEFAULT_SORT = "z_mean"


def outcome_consensus(case_ids) -> dict[int, list[str]]:
    """case id -> the consensus verification of each of its outcomes (two queries)."""
    statuses: dict[int, list[str]] = defaultdict(list)
    for outcome_id, status in OutcomeVerification.objects.filter(
        outcome__case_id__in=case_ids, review__state=ReviewState.SUBMITTED
    ).values_list("outcome_id", "status"):
        statuses[outcome_id].append(status)
    result: dict[int, list[str]] = defaultdict(list)
    for outcome_id, case_id in Outcome.objects.filter(case_id__in=case_ids).values_list("id", "case_id"):
        result[case_id].append(aggregation.consensus_verification(statuses.get(outcome_id, [])))
    return result


@dataclass(frozen=True)
class OutcomeStatus:
    outcome: Outcome
    status: str

    @property
    def label(self) -> str:
        return Verification(self.status).label


def outcome_statuses(case: InnovationCase) -> list[OutcomeStatus]:
    """Each outcome of ``case`` with its verification by the one rule of the ranking and of the
    publication (``aggregation.consensus_verification`` over the submitted reviews): two reviewers
    who both verified it make it "verified" before anything is published."""
    statuses: dict[int, list[str]] = defaultdict(list)
    for outcome_id, status in OutcomeVerification.objects.filter(
        outcome__case=case, review__state=ReviewState.SUBMITTED
    ).values_list("outcome_id", "status"):
        statuses[outcome_id].append(status)
    return [
        OutcomeStatus(outcome=outcome, status=aggregation.consensus_verification(statuses.get(outcome.pk, [])))
        for outcome in Outcome.objects.filter(case=case)
    ]


def cycle_threshold(cycle: AwardCycle) -> Decimal:
    scale = Criterion.objects.filter(cycle=cycle).aggregate(low=Min("scale_min"), high=Max("scale_max"))
    return aggregation.disagreement_threshold(scale["low"] or 1, scale["high"] or 5)


def _scored_reviews(reviews: QuerySet[Review]) -> list[aggregation.ScoredReview]:
    return [
        aggregation.ScoredReview(case_id=case_id, reviewer_id=reviewer_id, score=score)
        for case_id, reviewer_id, score in reviews.filter(
            state=ReviewState.SUBMITTED, weighted_score__isnull=False
        ).values_list("assignment__case_id", "assignment__reviewer_id", "weighted_score")
    ]


def _evidence(outcomes: QuerySet[Outcome]) -> dict[int, dict]:
    """Per case: how many outcomes it claims and how many of them have evidence."""
    return {
        row["case_id"]: row
        for row in outcomes.values("case_id")
        .annotate(claimed=Count("id"), evidenced=Count("id", filter=EVIDENCED))
        .order_by()
    }


def _ranking_row(case: InnovationCase, figure: aggregation.CaseAggregate, *, evidence: dict, found) -> RankingRow:
    claimed = evidence.get(case.pk, {"claimed": 0, "evidenced": 0})
    return RankingRow(
        case=case,
        count=figure.count,
        mean=figure.mean,
        median=figure.median,
        std=figure.std,
        z_mean=figure.z_mean,
        disagreement=figure.disagreement,
        verified_percent=figure.verified_percent,
        decision=getattr(case, "decision", None),
        evidenced_percent=percent(claimed["evidenced"], claimed["claimed"]) if claimed["claimed"] else None,
        jargon_count=found.count(jargon.case_texts(case)),
    )


def ranking(cycle: AwardCycle, *, sort: str = DEFAULT_SORT, descending: bool = True) -> list[RankingRow]:
    """The cycle's submitted cases with their review statistics and substantiation, in a constant
    number of queries (7)."""
    cases = list(
        InnovationCase.objects.filter(cycle=cycle, state__in=SUBMITTED_STATES)
        .select_related("government__parent", "decision__level", "cycle")
        .order_by("government__code", "id")
    )
    case_ids = [case.pk for case in cases]
    reviews = _scored_reviews(Review.objects.filter(assignment__case__cycle=cycle))
    figures = aggregation.aggregate_cases(
        case_ids, reviews, threshold=cycle_threshold(cycle), outcome_consensus=outcome_consensus(case_ids)
    )
    evidence = _evidence(Outcome.objects.filter(case__cycle=cycle, case__state__in=SUBMITTED_STATES))
    found = jargon.glossary()
    rows = [_ranking_row(case, figures[case.pk], evidence=evidence, found=found) for case in cases]
    key = SORT_KEYS.get(sort, SORT_KEYS[DEFAULT_SORT])
    rows.sort(key=lambda row: (*key(row), -row.case.pk if descending else row.case.pk), reverse=descending)
    return rows


def ranking_row(case: InnovationCase) -> RankingRow | None:
    """The case's row of its cycle's ranking (None if the ranking leaves it out), in six queries (four
    of the scores, the evidence and the glossary) whatever the size of the cycle (and one for the
    case's decision, unless it was read before).
    A review's z-score depends only on its reviewer's other reviews in the cycle, so the reviews of
    this case's reviewers give the same figures as the whole ranking."""
    if case.state not in SUBMITTED_STATES:
        return None
    cycle_reviews = Review.objects.filter(assignment__case__cycle_id=case.cycle_id)
    reviewers = cycle_reviews.filter(assignment__case=case).values("assignment__reviewer_id")
    reviews = _scored_reviews(cycle_reviews.filter(assignment__reviewer_id__in=reviewers))
    figures = aggregation.aggregate_cases(
        [case.pk], reviews, threshold=cycle_threshold(case.cycle), outcome_consensus=outcome_consensus([case.pk])
    )
    return _ranking_row(
        case, figures[case.pk], evidence=_evidence(Outcome.objects.filter(case=case)), found=jargon.glossary()
    )


def case_reviews(case: InnovationCase) -> QuerySet[Review]:
    return (
        Review.objects.filter(assignment__case=case)
        .select_related("assignment__reviewer")
        .prefetch_related("scores__criterion", "verifications__outcome")
        .order_by("assignment__reviewer__username")
    )
