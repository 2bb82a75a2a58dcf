"""Demo data for the reviews app (called by ``load_demo`` after the cases demo). Idempotent.

- Criteria for every demo cycle, modelled on public award practice: novelty, effectiveness with
  verified results, citizen participation, transferability, sustainability (weights add up to 1).
- The 2005 and 2006 cycles, which the cases demo leaves being reviewed, go through the review
  services as a committee would take them: the demo reviewers without a conflict of interest
  (reviewer2 is affiliated with Gyeongsangbuk-do, reviewer3 with Seoul) are assigned and submit
  reviews with scores consistent with each case's award (grand > excellence > merit > not
  awarded); the cycle moves to deciding; the manager decides each case with the level of
  ``cases.demo.demo_decisions()`` (quotas checked, outcomes' verification set to the reviews'
  consensus); the cycle is published. So the case states, the case history and the audit trail
  are the services' own. Afterwards the dates the services set to "now" are put back to the
  historical ones (reviews submitted on the review deadline, decisions two weeks before the
  publication, published on 15 November), and the e-mails the services queued are dropped: the
  demo's past is not mailed to anyone today.
- In 2007 a few open assignments for the demo reviewers, through the same service (the submitted
  cases move to "in review").

Tiers and populations are never changed (Tables 1–4 stay exact)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import Role, User
from cases.demo import demo_decisions, publication_time
from cases.models import AwardCycle, AwardLevel, CaseState, CycleState, InnovationCase, Outcome, Verification
from outbox.models import OutboxMessage

from . import services
from .models import AwardDecision, Criterion, Recommendation, Review, ReviewAssignment
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


def _review(
    case: InnovationCase,
    *,
    level_code: str | None,
    case_index: int,
    reviewers: list[User],
    criteria: dict[str, Criterion],
    manager: User,
) -> int:
    """Assign each demo reviewer without a conflict to ``case`` and submit their review."""
    created = 0
    outcomes = list(Outcome.objects.filter(case=case))
    status = Verification.VERIFIED if level_code else Verification.PARTLY
    ordered = [criteria[code] for code, *_ in CRITERIA]
    for reviewer_index, reviewer in enumerate(reviewers):
        if conflict_reason(reviewer, case):
            continue
        assignment = services.assign_reviewer(
            actor=manager, case=case, reviewer=reviewer, due_on=case.cycle.review_deadline
        )
        scores = _scores(level_code, reviewer_index, case_index)
        services.save_review(
            actor=reviewer,
            assignment=assignment,
            scores={criterion.pk: score for criterion, score in zip(ordered, scores, strict=True)},
            verifications={outcome.pk: status for outcome in outcomes},
            comment_to_submitter=COMMENTS[level_code],
            recommendation=Recommendation.AWARD if level_code else Recommendation.REJECT,
            declared_no_conflict=True,
            submit=True,
        )
        created += 1
    return created


def _put_back_the_dates(cycle: AwardCycle) -> None:
    """The historical dates of a replayed cycle, where the services wrote today's."""
    published_at = publication_time(cycle.year)
    reviewed_at = timezone.make_aware(dt.datetime.combine(cycle.review_deadline, dt.time(10, 0)))
    AwardCycle.objects.filter(pk=cycle.pk).update(published_at=published_at)
    Review.objects.filter(assignment__case__cycle=cycle).update(submitted_at=reviewed_at)
    AwardDecision.objects.filter(case__cycle=cycle).update(decided_at=published_at - dt.timedelta(days=14))


@transaction.atomic
def load_demo_reviews() -> ReviewsDemoResult:
    manager = User.objects.filter(username="manager", role=Role.MANAGER).first()
    reviewers = list(User.objects.filter(username__in=DEMO_REVIEWERS).select_related("government").order_by("username"))
    cycles = {cycle.year: cycle for cycle in AwardCycle.objects.filter(year__in=(2005, 2006, 2007))}
    criteria = {year: load_criteria(cycle) for year, cycle in cycles.items()}
    if manager is None or len(reviewers) != len(DEMO_REVIEWERS):
        return ReviewsDemoResult(criteria=Criterion.objects.count(), reviews=0, decisions=0, open_assignments=0)
    queued_before = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
    decisions_of = demo_decisions()
    replayed = [year for year in (2005, 2006) if year in cycles and cycles[year].state == CycleState.REVIEWING]
    submitted = (
        InnovationCase.objects.filter(cycle__year__in=replayed, state=CaseState.SUBMITTED)
        .select_related("cycle", "government__parent")
        .order_by("cycle__year", "government__code", "id")
    )
    # (case index, case, level code): the index varies the scores, as it always has.
    to_decide = [
        (index, case, decisions_of[(case.cycle.year, case.government.code, case.title)])
        for index, case in enumerate(submitted)
        if (case.cycle.year, case.government.code, case.title) in decisions_of
    ]
    reviews = decisions = 0
    for year in replayed:
        cycle = cycles[year]
        cases = [(index, case, level_code) for index, case, level_code in to_decide if case.cycle_id == cycle.pk]
        for index, case, level_code in cases:
            reviews += _review(
                case,
                level_code=level_code,
                case_index=index,
                reviewers=reviewers,
                criteria=criteria[year],
                manager=manager,
            )
        services.change_cycle_state(
            actor=manager, cycle=cycle, to_state=CycleState.DECIDING, from_state=CycleState.REVIEWING
        )
        levels = {level.code: level for level in AwardLevel.objects.filter(cycle=cycle)}
        for _index, case, level_code in cases:
            rationale, rationale_local = RATIONALES[level_code]
            services.decide_case(
                actor=manager,
                case=case,
                level=levels[level_code] if level_code else None,
                rationale=rationale,
                rationale_local=rationale_local,
            )
            decisions += 1
        services.publish_cycle(actor=manager, cycle=cycle, from_state=CycleState.DECIDING)
        _put_back_the_dates(cycle)
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
            if (
                conflict_reason(reviewer, case)
                or ReviewAssignment.objects.filter(case=case, reviewer=reviewer).exists()
            ):
                continue
            services.assign_reviewer(actor=manager, case=case, reviewer=reviewer, due_on=cycle_2007.review_deadline)
            opened += 1
    # Demo users are told nothing: the e-mails of the services above would announce old news.
    OutboxMessage.objects.filter(pk__gt=queued_before).delete()
    return ReviewsDemoResult(
        criteria=Criterion.objects.count(), reviews=reviews, decisions=decisions, open_assignments=opened
    )
