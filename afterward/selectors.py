"""Reads of the afterward app: what the practice page shows (timeline, adopters), the follow-ups
page of each role, overdue reports, the open-data field, and the aggregates behind the dashboard's
``sustainability`` and ``adoption_flows`` tables (a fixed number of grouped queries each)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from cases.models import CaseState, InnovationCase
from core.rules import allowed

from . import services
from .models import (
    REPORTED_STATES,
    STILL_RUNNING,
    Adoption,
    AdoptionState,
    FollowUpPoint,
    FollowUpReport,
    FollowUpValue,
    ReportState,
)

# --- the practice page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelinePoint:
    key: str  # "baseline", "award", or "follow_up_<years>"
    years: int | None
    date: dt.date | None
    report: FollowUpReport | None = None


@dataclass
class IndicatorLine:
    outcome: object
    follow_ups: list = field(default_factory=list)  # FollowUpValue or None, one per follow-up point


def practice_panel(request, case: InnovationCase) -> dict:
    """The practice page's "after the award" section: the timeline baseline → award → follow-ups
    (reports shown once submitted; due and planned points with their dates), each indicator's value at
    each point, and the adopters whose adoption the origin confirmed. Four queries."""
    points = list(FollowUpPoint.objects.filter(cycle_id=case.cycle_id))
    years = services.follow_up_years(case.cycle, points)
    reports = {
        report.years_after: report
        for report in FollowUpReport.objects.filter(case=case).prefetch_related(
            Prefetch("values", queryset=FollowUpValue.objects.order_by())
        )
    }
    years = sorted(set(years) | set(reports))
    follow_ups = []
    for year in years:
        report = reports.get(year)
        shown = report if report is not None and report.state in REPORTED_STATES else None
        date = report.due_on if report is not None else services.due_date(case.cycle, year)
        follow_ups.append(TimelinePoint(key=f"follow_up_{year}", years=year, date=date, report=shown))
    lines = []
    for outcome in case.outcomes.all():
        line = IndicatorLine(outcome=outcome)
        for point in follow_ups:
            values = {value.outcome_id: value for value in point.report.values.all()} if point.report else {}
            line.follow_ups.append(values.get(outcome.pk))
        lines.append(line)
    adoptions = list(
        Adoption.objects.filter(source=case, state=AdoptionState.CONFIRMED)
        .select_related("adopter__parent")
        .order_by("adopted_on", "id")
    )
    user = getattr(request, "user", None)
    return {
        "afterward": {
            "started_on": case.started_on,
            "published_on": timezone.localdate(case.cycle.published_at) if case.cycle.published_at else None,
            "follow_ups": follow_ups,
            "lines": lines,
            "adoptions": adoptions,
            "may_record_adoption": allowed(user, "afterward.record_adoption", case),
            "today": timezone.localdate(),
        }
    }


# --- open data ----------------------------------------------------------------------------------


def open_data_prefetch() -> list:
    confirmed = Adoption.objects.filter(state=AdoptionState.CONFIRMED).select_related("adopter").order_by("adopted_on")
    return [Prefetch("adoptions", queryset=confirmed, to_attr="confirmed_adoptions")]


def open_data_adoptions(case: InnovationCase) -> list[dict]:
    adoptions = getattr(case, "confirmed_adoptions", None)
    if adoptions is None:
        adoptions = open_data_prefetch()[0].queryset.filter(source=case)
    return [
        {
            "government_code": adoption.adopter.code,
            "government": adoption.adopter.name,
            "government_local": adoption.adopter.name_local,
            "tier": adoption.adopter_tier,
            "kind": adoption.kind,
            "adopted_on": adoption.adopted_on.isoformat(),
            "changes": adoption.changes,
            "changes_local": adoption.changes_local,
            "outcomes": adoption.outcomes,
            "outcomes_local": adoption.outcomes_local,
        }
        for adoption in adoptions
    ]


def open_data_adoptions_csv(value: list[dict]) -> str:
    return "; ".join(item["government_code"] for item in value)


# --- the follow-ups page ------------------------------------------------------------------------


def _reports() -> QuerySet[FollowUpReport]:
    return FollowUpReport.objects.select_related("case__government__parent", "case__cycle")


def visible_reports(user) -> QuerySet[FollowUpReport]:
    """The reports ``user`` may read (``afterward.view_report`` as a queryset)."""
    from accounts.permissions import is_manager, is_reviewer, is_submitter

    reports = _reports()
    if is_manager(user) or is_reviewer(user):
        return reports
    published = Q(state__in=REPORTED_STATES, case__state=CaseState.AWARDED, case__cycle__state="published")
    if is_submitter(user):
        return reports.filter(published | Q(case__government_id=user.government_id))
    return reports.filter(published)


def visible_adoptions(user) -> QuerySet[Adoption]:
    """The adoptions ``user`` may read (``afterward.view_adoption`` as a queryset)."""
    from accounts.permissions import is_manager, is_submitter

    adoptions = Adoption.objects.select_related("source__government", "source__cycle", "adopter")
    if is_manager(user):
        return adoptions
    public = Q(state=AdoptionState.CONFIRMED, source__state=CaseState.AWARDED, source__cycle__state="published")
    if is_submitter(user):
        own = Q(adopter_id=user.government_id) | Q(source__government_id=user.government_id)
        return adoptions.filter(public | own)
    return adoptions.filter(public)


def own_reports(user) -> QuerySet[FollowUpReport]:
    return _reports().filter(case__government_id=user.government_id).order_by("state", "due_on", "id")


def reports_to_verify() -> QuerySet[FollowUpReport]:
    return _reports().filter(state=ReportState.SUBMITTED).order_by("submitted_at", "id")


def overdue_reports(*, today: dt.date | None = None) -> QuerySet[FollowUpReport]:
    """Reports not filed by their deadline, oldest deadline first (for managers)."""
    today = today or timezone.localdate()
    return _reports().filter(state=ReportState.DUE, deadline__lt=today).order_by("deadline", "id")


def open_reports() -> QuerySet[FollowUpReport]:
    """Reports due but not yet overdue."""
    return _reports().filter(state=ReportState.DUE, deadline__gte=timezone.localdate()).order_by("deadline", "id")


def adoptions_to_answer(user) -> QuerySet[Adoption]:
    return visible_adoptions(user).filter(source__government_id=user.government_id, state=AdoptionState.PENDING)


def own_adoptions(user) -> QuerySet[Adoption]:
    return visible_adoptions(user).filter(adopter_id=user.government_id).order_by("-recorded_at", "id")


# --- the statistics' aggregates (dashboard reads them) --------------------------------------------


def sustainability_rows(cases: QuerySet[InnovationCase]) -> QuerySet:
    """Reported follow-ups of ``cases`` grouped by point, tier and ICT (a values() query; its rows
    go through ``sustainability_counts``)."""
    return (
        FollowUpReport.objects.filter(case__in=cases, state__in=REPORTED_STATES)
        .values("years_after", "case__tier", "case__uses_ict")
        .annotate(reports=Count("id"), running=Count("id", filter=Q(status__in=STILL_RUNNING)))
        .order_by()
    )


def sustainability_counts(cases: QuerySet[InnovationCase], rows: Iterable[dict] | None = None) -> list[dict]:
    """Reported follow-ups of ``cases`` grouped by point, tier and ICT: ``years``, ``tier``,
    ``uses_ict``, ``reports``, ``running`` (not discontinued). One query (none when given the
    rows of ``sustainability_rows``, read together with others)."""
    return [
        {
            "years": row["years_after"],
            "tier": row["case__tier"],
            "uses_ict": row["case__uses_ict"],
            "reports": row["reports"],
            "running": row["running"],
        }
        for row in (sustainability_rows(cases) if rows is None else rows)
    ]


def confirmed_adoptions_of(cases: QuerySet[InnovationCase]) -> QuerySet[Adoption]:
    return Adoption.objects.filter(source__in=cases, state=AdoptionState.CONFIRMED)


def adoption_flow_rows(cases: QuerySet[InnovationCase]) -> QuerySet:
    """Confirmed adoptions of ``cases`` by source tier and adopter tier (a values() query)."""
    return confirmed_adoptions_of(cases).values("source__tier", "adopter_tier").annotate(n=Count("id")).order_by()


def adoption_flow_counts(
    cases: QuerySet[InnovationCase], rows: Iterable[dict] | None = None
) -> dict[tuple[str, str], int]:
    """Confirmed adoptions of ``cases`` by (source tier, adopter tier). One query (none when given
    the rows of ``adoption_flow_rows``)."""
    return {
        (row["source__tier"], row["adopter_tier"]): row["n"]
        for row in (adoption_flow_rows(cases) if rows is None else rows)
    }


def most_adopted(cases: QuerySet[InnovationCase], limit: int) -> list[InnovationCase]:
    """The practices of ``cases`` with the most confirmed adoptions (annotated ``adoption_count``),
    most first, at most ``limit``. One query, driven by the adoptions (a few), not by the cases (a
    million: counting every awarded case's adoptions to keep ten took 3.7 s at 1M)."""
    top = (
        confirmed_adoptions_of(cases)
        .values("source_id")
        .annotate(n=Count("id"))
        .order_by("-n", "source__sort_key")
        .values("source_id")[:limit]
    )
    return list(
        InnovationCase.objects.filter(pk__in=top)
        .annotate(adoption_count=Count("adoptions", filter=Q(adoptions__state=AdoptionState.CONFIRMED)))
        .select_related("government__parent", "cycle")
        .only(
            "title",
            "title_local",
            "tier",
            "cycle__year",
            "government__name",
            "government__name_local",
            "government__parent__name",
            "government__parent__name_local",
        )
        .order_by("-adoption_count", "sort_key")
    )
