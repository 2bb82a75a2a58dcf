"""The audit view's reads: case events (``cases.CaseEvent``) and every other recorded change
(``audit.AuditEvent``) as one list, newest first, filtered alike; and its CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import Area, AuditEvent
from cases.models import CaseEvent, CaseState

BOM = "\ufeff"


class AuditFilterForm(forms.Form):
    area = forms.ChoiceField(
        label=gettext_lazy("Area"), choices=[("", gettext_lazy("All")), *Area.choices], required=False
    )
    actor = forms.CharField(label=gettext_lazy("Who (username)"), max_length=150, required=False)
    q = forms.CharField(label=gettext_lazy("Object"), max_length=200, required=False)
    date_from = forms.DateField(
        label=gettext_lazy("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    actor: str
    area: str
    area_label: str
    action: str
    target: str
    details: str


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _time_filter(filters: dict, field: str) -> Q:
    condition = Q()
    if filters.get("date_from"):
        condition &= Q(**{f"{field}__gte": _day_start(filters["date_from"])})
    if filters.get("date_to"):
        condition &= Q(**{f"{field}__lt": _day_start(filters["date_to"] + dt.timedelta(days=1))})
    return condition


def _case_events(filters: dict) -> QuerySet[CaseEvent]:
    queryset = CaseEvent.objects.select_related("actor", "case").filter(_time_filter(filters, "at"))
    if filters.get("actor"):
        queryset = queryset.filter(actor__username__icontains=filters["actor"])
    if filters.get("q"):
        queryset = queryset.filter(
            Q(case__title__icontains=filters["q"]) | Q(case__title_local__icontains=filters["q"])
        )
    return queryset.order_by("-at", "-id")


def _audit_events(filters: dict) -> QuerySet[AuditEvent]:
    queryset = AuditEvent.objects.select_related("actor").filter(_time_filter(filters, "at"))
    if filters.get("area"):
        queryset = queryset.filter(area=filters["area"])
    if filters.get("actor"):
        queryset = queryset.filter(actor__username__icontains=filters["actor"])
    if filters.get("q"):
        queryset = queryset.filter(target_label__icontains=filters["q"])
    return queryset.order_by("-at", "-id")


def _state_label(value: str) -> str:
    return CaseState(value).label if value in CaseState.values else value


def _case_row(event: CaseEvent) -> AuditRow:
    action = event.get_kind_display()
    if event.kind == CaseEvent.Kind.TRANSITION:
        action = f"{action}: {_state_label(event.from_state) or '—'} → {_state_label(event.to_state)}"
    details = event.message
    if not details and event.changes:
        details = ", ".join(sorted(str(key) for key in event.changes))
    return AuditRow(
        at=event.at,
        actor=event.actor.username if event.actor else "",
        area=Area.CASES.value,
        area_label=str(Area.CASES.label),
        action=str(action),
        target=str(event.case),
        details=details,
    )


def _audit_row(event: AuditEvent) -> AuditRow:
    return AuditRow(
        at=event.at,
        actor=event.actor.username if event.actor else "",
        area=event.area,
        area_label=str(event.get_area_display()),
        action=str(event.get_action_display()),
        target=event.target_label,
        details=", ".join(f"{key}: {value}" for key, value in sorted(event.details.items())),
    )


def _sources(filters: dict) -> list[tuple[QuerySet, callable]]:
    area = filters.get("area") or ""
    sources = []
    if area in ("", Area.CASES):
        sources.append((_case_events(filters), _case_row))
    if area != Area.CASES:
        sources.append((_audit_events(filters), _audit_row))
    return sources


def _merge(streams: Iterable[Iterator[AuditRow]]) -> Iterator[AuditRow]:
    return heapq.merge(*streams, key=lambda row: row.at, reverse=True)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    number: int
    has_next: bool
    total: int


def audit_page(filters: dict, *, number: int = 1, size: int = 50) -> AuditPage:
    """One page of the merged list: each source gives at most ``number * size`` rows."""
    limit = number * size
    sources = _sources(filters)
    streams = [map(to_row, queryset[:limit]) for queryset, to_row in sources]
    rows = list(_merge(streams))[(number - 1) * size : limit]
    total = sum(queryset.count() for queryset, _to_row in sources)
    return AuditPage(rows=rows, number=number, has_next=total > limit, total=total)


def _cell(value: str) -> str:
    # Spreadsheets run a cell that starts like a formula; names and titles come from users.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class _Echo:
    def write(self, value):
        return value


def csv_lines(filters: dict, *, language: str) -> Iterator[str]:
    """The whole filtered list as CSV lines in ``language`` (UTF-8 with a BOM for spreadsheets)."""
    with translation.override(language):
        writer = csv.writer(_Echo())
        yield BOM + writer.writerow([_("When"), _("Who"), _("Area"), _("Action"), _("Object"), _("Details")])
        streams = [map(to_row, queryset.iterator(chunk_size=2000)) for queryset, to_row in _sources(filters)]
        for row in _merge(streams):
            yield writer.writerow(
                [
                    timezone.localtime(row.at).strftime("%Y-%m-%d %H:%M:%S"),
                    _cell(row.actor),
                    row.area_label,
                    _cell(row.action),
                    _cell(row.target),
                    _cell(row.details),
                ]
            )
