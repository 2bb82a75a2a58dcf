"""Reads of the registry, including the national profile the dashboard compares cases with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum

from core.numbers import average, percent

from .models import LocalGovernment, Tier


@dataclass(frozen=True)
class TierProfile:
    key: str  # a Tier value, or "total"
    count: int
    population_total: int
    percent: float
    average_population: int


def active_governments() -> QuerySet[LocalGovernment]:
    return LocalGovernment.objects.filter(is_active=True).select_related("parent")


def tier_totals() -> QuerySet:
    """Active governments per tier: ``tier``, ``count``, ``population_total`` (a values() query)."""
    return (
        LocalGovernment.objects.filter(is_active=True)
        .values("tier")
        .annotate(count=Count("id"), population_total=Sum("population"))
        .order_by()
    )


def national_profile(totals: Iterable[dict] | None = None) -> list[TierProfile]:
    """Per tier (in Tier order) and a final "total" row: count of active governments, share of all,
    average population. One query, whatever the size of the registry (none when given the rows
    of ``tier_totals()``, read together with others)."""
    rows = {row["tier"]: row for row in (tier_totals() if totals is None else totals)}
    grand_count = sum(row["count"] for row in rows.values())
    grand_population = sum(row["population_total"] or 0 for row in rows.values())
    profile = []
    for tier in Tier:
        row = rows.get(tier.value, {"count": 0, "population_total": 0})
        count, total = row["count"], row["population_total"] or 0
        profile.append(
            TierProfile(
                key=tier.value,
                count=count,
                population_total=total,
                percent=percent(count, grand_count),
                average_population=average(total, count),
            )
        )
    profile.append(
        TierProfile(
            key="total",
            count=grand_count,
            population_total=grand_population,
            percent=100.0 if grand_count else 0.0,
            average_population=average(grand_population, grand_count),
        )
    )
    return profile
