"""The statistics dashboard page: filters, the study's four tables and more, each with its chart and CSV."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from core import revisions
from core.rules import allowed

from .charts import build_figures, figure_spec
from .forms import StatsFilterForm
from .statistics import (
    AwardRateTable,
    CrossTable,
    FeltByCaseTable,
    FlowTable,
    Scope,
    ShareTable,
    TableId,
    TierTable,
    compute_statistics,
)

STUDY_TABLES = [
    TableId.TIER_REPRESENTATION,
    TableId.AWARD_RATE_BY_TIER,
    TableId.PURPOSE_BY_ICT,
    TableId.OBSTACLES_BY_ICT,
    TableId.REMEDIES_BY_ICT,
]
KIND = {
    TierTable: "tier",
    CrossTable: "cross",
    AwardRateTable: "award_rate",
    FeltByCaseTable: "felt",
    ShareTable: "share",
    FlowTable: "flow",
}


def csv_url(table_id: str, scope: str, cycles: list[int]) -> str:
    query = urlencode([("format", "csv"), ("scope", scope), *(("cycle", year) for year in cycles)])
    return f"{reverse('stats-table', args=[table_id])}?{query}"


@require_GET
def index(request):
    # The revision first: the statistics and their charts are cached under it (core.revisions).
    revision = revisions.current()
    form = StatsFilterForm(request.GET or None, user=request.user, revision=revision)
    scope, cycles = form.filters()
    award_rate = allowed(request.user, "dashboard.view_award_rate")

    def compute():
        statistics = compute_statistics(scope=scope, cycles=cycles, include_award_rate=award_rate)
        figures = build_figures(statistics)
        specs = {table_id: figure_spec(figure) for table_id, figure in figures.items() if figure is not None}
        return statistics, specs

    statistics, specs = revisions.remember(revision, "dashboard", (get_language(), scope, cycles, award_rate), compute)
    sections = []
    for table_id, table in statistics.tables.items():
        sections.append(
            {
                "id": table_id,
                "table": table,
                "kind": KIND[type(table)],
                "study": table_id in STUDY_TABLES,
                "figure": specs.get(table_id),
                "figure_id": f"figure-{table_id}",
                "csv_url": csv_url(table_id, scope, statistics.cycles),
            }
        )
    context = {
        "form": form,
        "statistics": statistics,
        "scope_label": Scope(scope).label,
        "can_choose_scope": allowed(request.user, "dashboard.choose_submitted_scope"),
        "study_sections": [s for s in sections if s["study"]],
        "more_sections": [s for s in sections if not s["study"]],
        "api_url": reverse("stats"),
    }
    return render(request, "dashboard/index.html", context)
