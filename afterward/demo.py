"""Demo data of the afterward app (called by ``load_demo`` after the reviews demo). Idempotent.

- Follow-up reports of every 2005 and 2006 award at one and three years, filed by the government's
  staff: most still run (a few expanded or scaled down), some were discontinued by the three-year
  point (with why); values of every outcome indicator move on from the award's result. Most are
  verified by reviewer1 (who has no conflict of interest); the latest few await verification; the
  three-year reports of Gumi and Seosan are due, not yet filed, so the demo users have one to file.
- A dozen adoptions by other governments of every tier, most confirmed by the origin; Seosan's
  adoption of Gumi's practice awaits Gumi's answer.

Cases, outcomes, reviews and decisions are never changed, so Tables 1–4 stay exact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from cases.models import CaseState, InnovationCase, Outcome, Verification
from governments.models import LocalGovernment

from . import services
from .models import (
    Adoption,
    AdoptionKind,
    AdoptionState,
    FollowUpReport,
    FollowUpValue,
    ProgramStatus,
    ReportState,
)

# Submitting governments of the demo users: their three-year reports are left due.
LEFT_DUE = ("37050", "34050")

REASONS = {
    ProgramStatus.DISCONTINUED: (
        "The budget ended with the central grant and the council did not renew it.",
        "중앙정부 보조금이 끝나면서 예산이 끊겼고 의회가 재편성하지 않았다.",
    ),
    ProgramStatus.SCALED_DOWN: (
        "Fewer staff after a reorganisation; the service now runs two days a week.",
        "조직 개편으로 인력이 줄어 주 2일만 운영한다.",
    ),
}
ADAPTED_CHANGES = (
    "Adapted to a smaller budget and run with the local volunteer centre.",
    "예산 규모에 맞게 줄이고 지역 자원봉사센터와 함께 운영했다.",
)
EXPANDED_NOTE = ("Extended to every neighbourhood office.", "모든 읍면동 주민센터로 확대했다.")

# (source: year and government code of an awarded case, or None for "the n-th award"), adopter code,
# kind, state. The first entries name real pairs of the demo; the rest are spread over the tiers.
ADOPTIONS = [
    ((2006, "37050"), "34050", AdoptionKind.ADAPTED, AdoptionState.PENDING),
]


@dataclass(frozen=True)
class AfterwardDemoResult:
    reports: int
    adoptions: int


def _status(index: int, years: int) -> str:
    if index % 13 == 6:  # stopped within the first year
        return ProgramStatus.DISCONTINUED
    if years == 1:
        return ProgramStatus.EXPANDED if index % 7 == 3 else ProgramStatus.RUNNING
    if index % 5 == 2:
        return ProgramStatus.DISCONTINUED
    if index % 7 == 3:
        return ProgramStatus.EXPANDED
    if index % 9 == 4:
        return ProgramStatus.SCALED_DOWN
    return ProgramStatus.RUNNING


def _value(outcome: Outcome, status: str, years: int) -> Decimal | None:
    if outcome.result is None:
        return None
    if status == ProgramStatus.DISCONTINUED:
        return outcome.baseline
    change = {ProgramStatus.EXPANDED: Decimal("1.25"), ProgramStatus.SCALED_DOWN: Decimal("0.8")}
    factor = change.get(status, Decimal("1.05") if years == 1 else Decimal("1.1"))
    return (outcome.result * factor).quantize(Decimal("0.01"))


def _reports(cases: list[InnovationCase], reviewer: User | None) -> int:
    existing = set(FollowUpReport.objects.values_list("case_id", "years_after"))
    submitters = {user.government_id: user for user in User.objects.filter(role=Role.SUBMITTER).order_by("pk")}
    outcomes: dict[int, list[Outcome]] = {}
    for outcome in Outcome.objects.filter(case__in=cases).order_by("order", "id"):
        outcomes.setdefault(outcome.case_id, []).append(outcome)
    created = 0
    for index, case in enumerate(cases):
        for years in services.follow_up_years(case.cycle):
            if (case.pk, years) in existing:
                continue
            due_on = services.due_date(case.cycle, years)
            report = FollowUpReport(
                case=case,
                years_after=years,
                due_on=due_on,
                deadline=due_on + dt.timedelta(days=services.grace_days()),
                reminded_at=timezone.make_aware(dt.datetime.combine(due_on, dt.time(9))),
            )
            if years == 3 and case.government.code in LEFT_DUE:
                report.save()
                created += 1
                continue
            status = _status(index, years)
            english, korean = REASONS.get(status, ("", ""))
            if status == ProgramStatus.EXPANDED:
                english, korean = EXPANDED_NOTE
            filed = timezone.make_aware(dt.datetime.combine(due_on + dt.timedelta(days=20 + index % 30), dt.time(10)))
            report.status = status
            report.status_reason, report.status_reason_local = english, korean
            report.running_cost = (
                None if status == ProgramStatus.DISCONTINUED else Decimal(30_000_000 + 5_000_000 * (index % 9))
            )
            report.state = ReportState.SUBMITTED
            report.submitted_by = submitters.get(case.government_id) or case.submitted_by
            report.submitted_at = filed
            # The latest reports of the 2006 cycle still await a reviewer.
            verified = reviewer is not None and not (case.cycle.year == 2006 and years == 3 and index % 4 == 0)
            if verified:
                report.state = ReportState.VERIFIED
                report.verified_by = reviewer
                report.verified_at = filed + dt.timedelta(days=14)
            report.save()
            FollowUpValue.objects.bulk_create(
                FollowUpValue(
                    report=report,
                    outcome=outcome,
                    value=_value(outcome, status, years),
                    evidence=f"Administrative records, {due_on.year}",
                    evidence_local=f"{due_on.year}년 행정 통계",
                    verification=(
                        (Verification.VERIFIED if (index + position) % 4 else Verification.PARTLY)
                        if verified
                        else Verification.PENDING
                    ),
                )
                for position, outcome in enumerate(outcomes.get(case.pk, []))
            )
            created += 1
    return created


def _adopters(cases: list[InnovationCase]) -> list[tuple[InnovationCase, LocalGovernment, str, str]]:
    """A dozen (practice, adopter, kind, state): the named pair first, then a fixed spread over the
    awards and the registry (every tier adopts; most adoptions are confirmed)."""
    by_key = {(case.cycle.year, case.government.code): case for case in cases}
    registry = list(LocalGovernment.objects.filter(is_active=True).select_related("parent").order_by("code"))
    by_code = {government.code: government for government in registry}
    chosen = []
    for (year, code), adopter, kind, state in ADOPTIONS:
        if (year, code) in by_key and adopter in by_code:
            chosen.append((by_key[(year, code)], by_code[adopter], kind, state))
    # Each popular practice is taken up by a few governments, of every tier.
    by_tier: dict[str, list[LocalGovernment]] = {}
    for government in registry:
        by_tier.setdefault(government.tier, []).append(government)
    picks = [0, 0, 0, 5, 5, 11, 17, 23, 29, 35, 40]
    tiers = ["city", "county", "district", "metropolis", "city", "province", "county", "district", "city", "county"]
    for position, pick in enumerate(picks):
        case = cases[pick % len(cases)]
        candidates = [g for g in by_tier[tiers[position % len(tiers)]] if g.pk != case.government_id]
        adopter = candidates[(position * 7) % len(candidates)]
        kind = AdoptionKind.ADAPTED if position % 3 else AdoptionKind.ADOPTED
        state = AdoptionState.PENDING if position == 10 else AdoptionState.CONFIRMED
        chosen.append((case, adopter, kind, state))
    return chosen


def _adoptions(cases: list[InnovationCase]) -> int:
    created = 0
    recorders = {user.government_id: user for user in User.objects.filter(role=Role.SUBMITTER).order_by("pk")}
    fallback = User.objects.filter(role=Role.MANAGER).order_by("pk").first()
    for index, (case, adopter, kind, state) in enumerate(_adopters(cases)):
        if Adoption.objects.filter(source=case, adopter=adopter).exists():
            continue
        published = timezone.localdate(case.cycle.published_at)
        adopted_on = services.years_later(published, 1 + index % 3)
        answered = timezone.make_aware(dt.datetime.combine(adopted_on + dt.timedelta(days=40), dt.time(11)))
        origin = recorders.get(case.government_id) or fallback
        Adoption.objects.create(
            source=case,
            adopter=adopter,
            adopter_tier=adopter.tier,
            kind=kind,
            adopted_on=adopted_on,
            changes=ADAPTED_CHANGES[0] if kind == AdoptionKind.ADAPTED else "",
            changes_local=ADAPTED_CHANGES[1] if kind == AdoptionKind.ADAPTED else "",
            outcomes="Processing time fell by a third in the first year.",
            outcomes_local="첫해에 처리 기간이 3분의 1 줄었다.",
            state=state,
            recorded_by=recorders.get(adopter.pk) or fallback,
            answered_by=None if state == AdoptionState.PENDING else origin,
            answered_at=None if state == AdoptionState.PENDING else answered,
        )
        created += 1
    return created


@transaction.atomic
def load_demo_afterward() -> AfterwardDemoResult:
    cases = list(
        InnovationCase.objects.filter(cycle__year__in=(2005, 2006), state=CaseState.AWARDED)
        .select_related("cycle", "government")
        .order_by("cycle__year", "government__code", "id")
    )
    if not cases:
        return AfterwardDemoResult(0, 0)
    reviewer = User.objects.filter(username="reviewer1", role=Role.REVIEWER).first()
    return AfterwardDemoResult(reports=_reports(cases, reviewer), adoptions=_adoptions(cases))
