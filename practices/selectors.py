"""Reads for the public site: the practices list and detail, citizen feedback counts, the home
page's headline numbers. Visibility comes from ``cases.selectors.public_cases``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from cases.models import AwardCycle, CaseObstacle, CaseRemedy, CycleState, InnovationCase, Outcome
from cases.selectors import public_cases
from core.numbers import percent
from governments.models import UPPER_TIERS, LocalGovernment

from .models import CitizenFeedback, FeltImprovement, ModerationState


def practice_list() -> QuerySet[InnovationCase]:
    """Awarded practices of published cycles, with what a list row shows."""
    return public_cases().select_related("cycle", "government__parent", "purpose", "service_area")


def practice_detail() -> QuerySet[InnovationCase]:
    """Awarded practices with everything the detail page shows, in a fixed number of queries."""
    return practice_list().prefetch_related(
        Prefetch("obstacles", queryset=CaseObstacle.objects.select_related("obstacle_type")),
        Prefetch("remedies", queryset=CaseRemedy.objects.select_related("remedy_type")),
        Prefetch("outcomes", queryset=Outcome.objects.select_related("kind")),
        "participant_kinds",
    )


def published_cycles() -> QuerySet[AwardCycle]:
    return AwardCycle.objects.filter(state=CycleState.PUBLISHED).order_by("-year")


def regions() -> QuerySet[LocalGovernment]:
    """Provinces and metropolitan cities: the regions a visitor can filter by."""
    return LocalGovernment.objects.filter(tier__in=UPPER_TIERS, is_active=True).order_by("code")


@dataclass(frozen=True)
class FeedbackCounts:
    yes: int
    no: int
    not_sure: int

    @property
    def total(self) -> int:
        return self.yes + self.no + self.not_sure

    @property
    def yes_percent(self) -> float:
        return percent(self.yes, self.total)

    @property
    def no_percent(self) -> float:
        return percent(self.no, self.total)

    @property
    def not_sure_percent(self) -> float:
        return percent(self.not_sure, self.total)


def feedback_counts(case: InnovationCase) -> FeedbackCounts:
    """How many visitors said they felt the improvement, did not, or are not sure (one query)."""
    counts = CitizenFeedback.objects.filter(case=case).aggregate(
        yes=Count("pk", filter=Q(felt=FeltImprovement.YES)),
        no=Count("pk", filter=Q(felt=FeltImprovement.NO)),
        not_sure=Count("pk", filter=Q(felt=FeltImprovement.NOT_SURE)),
    )
    return FeedbackCounts(**counts)


def approved_comments(case: InnovationCase) -> QuerySet[CitizenFeedback]:
    return CitizenFeedback.objects.filter(case=case, moderation=ModerationState.APPROVED).order_by("-created_at")


def visitor_answer(case: InnovationCase, visitor: str | None) -> CitizenFeedback | None:
    if not visitor:
        return None
    return CitizenFeedback.objects.filter(case=case, visitor=visitor).first()


def pending_comments() -> QuerySet[CitizenFeedback]:
    """The moderation queue: comments awaiting a manager's decision, oldest first."""
    return (
        CitizenFeedback.objects.filter(moderation=ModerationState.PENDING)
        .select_related("case__government__parent", "case__cycle")
        .order_by("created_at", "id")
    )


def latest_practices(limit: int = 6) -> list[InnovationCase]:
    """The most recently published awarded practices."""
    return list(practice_list().order_by("-cycle__published_at", "-cycle__year", "government__code", "id")[:limit])


@dataclass(frozen=True)
class Headline:
    practices: int
    governments: int
    cycles: int
    ict: int

    @property
    def ict_percent(self) -> float:
        return percent(self.ict, self.practices)


def headline() -> Headline:
    """A few public numbers for the home page (one aggregate query)."""
    numbers = public_cases().aggregate(
        practices=Count("pk"),
        governments=Count("government", distinct=True),
        cycles=Count("cycle", distinct=True),
        ict=Count("pk", filter=Q(uses_ict=True)),
    )
    return Headline(**numbers)
