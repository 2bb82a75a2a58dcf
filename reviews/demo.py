"""Demo data for the reviews app (called by ``load_demo`` after the cases demo). Idempotent.

- Criteria for every demo cycle, modelled on public award practice: novelty, effectiveness with
  verified results, citizen participation, transferability, sustainability (weights add up to 1).
- For the 2005 and 2006 cases: submitted reviews by the demo reviewers who have no conflict of
  interest (reviewer2 is affiliated with Gyeongsangbuk-do, reviewer3 with Seoul), with scores
  consistent with each case's award (grand > excellence > merit > not awarded), and the committee's
  AwardDecision with the level of ``cases.demo.award_level_codes()`` (or none) and a rationale.
- In 2007 a few open assignments for the demo reviewers; those submitted cases move to "in review".

Case states, tiers and populations are never changed except 2007 submitted → in review; the
outcomes' verification is set to the consensus of the reviews, as a decision does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from cases import workflow
from cases.demo import award_level_codes
from cases.models import AwardCycle, AwardLevel, CaseState, InnovationCase, Outcome, Verification

from . import aggregation
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
from .permissions import conflict_reason

# code, English name, Korean name, weight, English description, Korean description
CRITERIA = [
    (
        "novelty",
        "Novelty",
        "독창성",
        "0.20",
        "How new the idea is for local government.",
        "지방행정에서 얼마나 새로운가",
    ),
    (
        "effectiveness",
        "Effectiveness with verified results",
        "검증된 성과",
        "0.30",
        "Results that the evidence shows, not only claims.",
        "주장이 아니라 근거로 확인된 성과",
    ),
    (
        "participation",
        "Citizen participation",
        "주민 참여",
        "0.20",
        "How far citizens shaped and felt the improvement.",
        "주민이 개선을 함께 만들고 체감한 정도",
    ),
    (
        "transferability",
        "Transferability",
        "확산 가능성",
        "0.15",
        "Whether other governments can adopt it.",
        "다른 자치단체가 도입할 수 있는가",
    ),
    (
        "sustainability",
        "Sustainability",
        "지속 가능성",
        "0.15",
        "Whether it lasts beyond its champion and budget.",
        "추진자와 예산을 넘어 지속되는가",
    ),
]
# Scores per criterion (in CRITERIA order) by award; reviewers vary around them.
BASE_SCORES = {
    "grand": [5, 5, 4, 5, 5],
    "excellence": [4, 5, 4, 4, 4],
    "merit": [4, 4, 3, 4, 3],
    None: [3, 2, 2, 3, 2],
}
COMMENTS = {
    "grand": "An outstanding practice with well-evidenced results that other governments can follow.",
    "excellence": "A strong practice with clear results; keep documenting the evidence.",
    "merit": "A sound practice; the results would be stronger with independent evidence.",
    None: "The claimed results are only partly supported by evidence and citizens took little part.",
}
RATIONALES = {
    "grand": (
        "Highest review scores with verified, transferable results.",
        "검증되고 확산 가능한 성과로 최고 점수를 받음.",
    ),
    "excellence": ("High review scores and verified results.", "높은 심사 점수와 검증된 성과."),
    "merit": ("Good review scores; a practice worth sharing.", "양호한 심사 점수, 공유할 가치가 있는 사례."),
    None: ("Review scores below the award line; results only partly verified.", "수상 기준 미달, 성과 일부만 검증됨."),
}
DEMO_REVIEWERS = ("reviewer1", "reviewer2", "reviewer3")
# 2007: (government code of a submitted case, reviewers to assign)
OPEN_ASSIGNMENTS_2007 = [
    ("37050", ("reviewer1", "reviewer3")),
    ("35", ("reviewer1", "reviewer2")),
    ("25", ("reviewer2", "reviewer3")),
]


@dataclass(frozen=True)
class ReviewsDemoResult:
    criteria: int
    reviews: int
    decisions: int
    open_assignments: int


def load_criteria(cycle: AwardCycle) -> dict[str, Criterion]:
    criteria = {}
    for order, (code, name, name_local, weight, description, description_local) in enumerate(CRITERIA, start=1):
        criteria[code], _ = Criterion.objects.update_or_create(
            cycle=cycle,
            code=code,
            defaults={
                "name": name,
                "name_local": name_local,
                "weight": Decimal(weight),
                "description": description,
                "description_local": description_local,
                "order": order,
            },
        )
    return criteria


def _scores(level: str | None, reviewer_index: int, case_index: int) -> list[int]:
    """Deterministic variation: reviewer2 is harsher, reviewer3 varies one criterion by case."""
    scores = list(BASE_SCORES[level])
    if reviewer_index == 1:
        scores[case_index % 5] -= 1
    elif reviewer_index == 2 and case_index % 2:
        scores[(case_index + 2) % 5] -= 1
    return [min(5, max(1, score)) for score in scores]


def _review_decided_case(
    case: InnovationCase,
    *,
    level_code: str | None,
    case_index: int,
    reviewers: list[User],
    criteria: dict[str, Criterion],
    manager: User,
) -> int:
    created = 0
    cycle = case.cycle
    submitted_at = timezone.make_aware(dt.datetime.combine(cycle.review_deadline, dt.time(10, 0)))
    outcomes = list(Outcome.objects.filter(case=case))
    status = Verification.VERIFIED if level_code else Verification.PARTLY
    for reviewer_index, reviewer in enumerate(reviewers):
        if conflict_reason(reviewer, case):
            continue
        assignment, _ = ReviewAssignment.objects.get_or_create(
            case=case, reviewer=reviewer, defaults={"due_on": cycle.review_deadline, "assigned_by": manager}
        )
        if Review.objects.filter(assignment=assignment).exists():
            continue
        scores = _scores(level_code, reviewer_index, case_index)
        ordered = [criteria[code] for code, *_ in CRITERIA]
        review = Review.objects.create(
            assignment=assignment,
            state=ReviewState.SUBMITTED,
            comment_to_submitter=COMMENTS[level_code],
            note_to_committee="",
            recommendation=Recommendation.AWARD if level_code else Recommendation.REJECT,
            declared_no_conflict=True,
            weighted_score=aggregation.weighted_score(
                (criterion.weight, score) for criterion, score in zip(ordered, scores, strict=True)
            ),
            submitted_at=submitted_at,
        )
        CriterionScore.objects.bulk_create(
            CriterionScore(review=review, criterion=criterion, score=score)
            for criterion, score in zip(ordered, scores, strict=True)
        )
        OutcomeVerification.objects.bulk_create(
            OutcomeVerification(review=review, outcome=outcome, status=status) for outcome in outcomes
        )
        created += 1
    Outcome.objects.filter(case=case).exclude(verification=status).update(verification=status)
    return created


@transaction.atomic
def load_demo_reviews() -> ReviewsDemoResult:
    manager = User.objects.filter(username="manager", role=Role.MANAGER).first()
    reviewers = list(User.objects.filter(username__in=DEMO_REVIEWERS).select_related("government").order_by("username"))
    cycles = {cycle.year: cycle for cycle in AwardCycle.objects.filter(year__in=(2005, 2006, 2007))}
    criteria = {year: load_criteria(cycle) for year, cycle in cycles.items()}
    if manager is None or len(reviewers) != len(DEMO_REVIEWERS):
        return ReviewsDemoResult(criteria=Criterion.objects.count(), reviews=0, decisions=0, open_assignments=0)
    levels = award_level_codes()
    reviews = decisions = 0
    decided_cases = (
        InnovationCase.objects.filter(
            cycle__year__in=(2005, 2006), state__in=(CaseState.AWARDED, CaseState.NOT_AWARDED)
        )
        .select_related("cycle", "government__parent")
        .order_by("cycle__year", "government__code", "id")
    )
    for case_index, case in enumerate(decided_cases):
        level_code = (
            levels.get((case.cycle.year, case.government.code, case.title)) if case.state == CaseState.AWARDED else None
        )
        if case.state == CaseState.AWARDED and level_code is None:
            continue  # not a demo case: leave it alone
        reviews += _review_decided_case(
            case,
            level_code=level_code,
            case_index=case_index,
            reviewers=reviewers,
            criteria=criteria[case.cycle.year],
            manager=manager,
        )
        if not AwardDecision.objects.filter(case=case).exists():
            rationale, rationale_local = RATIONALES[level_code]
            AwardDecision.objects.create(
                case=case,
                level=AwardLevel.objects.get(cycle=case.cycle, code=level_code) if level_code else None,
                rationale=rationale,
                rationale_local=rationale_local,
                decided_by=manager,
                decided_at=(case.cycle.published_at or timezone.now()) - dt.timedelta(days=14),
            )
            decisions += 1
    opened = 0
    cycle_2007 = cycles.get(2007)
    by_name = {reviewer.username: reviewer for reviewer in reviewers}
    for government_code, names in OPEN_ASSIGNMENTS_2007 if cycle_2007 else []:
        case = (
            InnovationCase.objects.filter(
                cycle=cycle_2007, government__code=government_code, state__in=(CaseState.SUBMITTED, CaseState.IN_REVIEW)
            )
            .select_related("government__parent", "cycle")
            .order_by("id")
            .first()
        )
        if case is None:
            continue
        for name in names:
            reviewer = by_name[name]
            if conflict_reason(reviewer, case):
                continue
            _, was_created = ReviewAssignment.objects.get_or_create(
                case=case, reviewer=reviewer, defaults={"due_on": cycle_2007.review_deadline, "assigned_by": manager}
            )
            opened += was_created
        if case.state == CaseState.SUBMITTED:
            workflow.transition(case, to_state=CaseState.IN_REVIEW, actor=manager, message="demo data")
    return ReviewsDemoResult(
        criteria=Criterion.objects.count(), reviews=reviews, decisions=decisions, open_assignments=opened
    )
