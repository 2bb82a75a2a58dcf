"""Plotly figures drawn from the plain data of ``dashboard.statistics`` (no database access here).

Each builder takes one table and returns a ``plotly.graph_objects.Figure``; ``figure_spec`` turns a
figure into the JSON the page embeds in a ``<script type="application/json">`` block, which
``static/js/dashboard.js`` renders with the locally served plotly.js (no inline script, no CDN)."""

from __future__ import annotations

import json
from collections.abc import Callable

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from .statistics import (
    TOTAL,
    AwardRateTable,
    CrossTable,
    ShareTable,
    Statistics,
    TableId,
    TierTable,
)

# Colours with at least 3:1 contrast against white (WCAG 2.1 non-text contrast), told apart by hue and
# lightness; the data table beside every chart carries the same numbers for everyone.
PALETTE = ["#0b50d0", "#c2410c", "#4b5563", "#15803d", "#7e22ce", "#a16207"]
FONT = {"family": '"Pretendard GOV", "Pretendard", system-ui, sans-serif', "size": 14, "color": "#1e2124"}
CONFIG = {"displayModeBar": False, "responsive": True}


# Bars get their value printed on them only when few enough for the numbers not to collide.
MAX_LABELLED_BARS = 10
WRAP_AT = 14


def wrap_label(label: str, width: int = WRAP_AT) -> str:
    """Break a long axis label into lines (plotly's ``<br>``) at spaces, so that labels do not overlap."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines) or label


def _layout(title: str, *, y_title: str = "%", barmode: str | None = "group") -> dict:
    # The title is the section's heading on the page; it is kept in the figure's metadata only.
    layout = {
        "template": "none",
        "meta": {"title": title},
        "font": FONT,
        "colorway": PALETTE,
        "height": 380,
        "margin": {"l": 60, "r": 20, "t": 50, "b": 80},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "xaxis": {"automargin": True, "tickangle": 0},
        "yaxis": {"title": {"text": y_title}, "rangemode": "tozero", "gridcolor": "#e6e8ea", "automargin": True},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "separators": ".,",
    }
    if barmode:
        layout["barmode"] = barmode
    return layout


def _bar(name: str, x: list[str], percents: list[float], counts: list[int], index: int, *, labelled: bool) -> go.Bar:
    return go.Bar(
        name=name,
        x=[wrap_label(label) for label in x],
        y=percents,
        customdata=counts,
        text=[f"{value:.1f}" for value in percents] if labelled else None,
        textposition="outside" if labelled else "none",
        cliponaxis=False,
        marker={"color": PALETTE[index % len(PALETTE)]},
        hovertemplate="%{x}<br>%{fullData.name}: %{customdata} (%{y:.1f}%)<extra></extra>",
    )


def tier_representation_figure(table: TierTable) -> go.Figure:
    """Grouped bars: each tier's share of the cases beside its share of all local governments."""
    rows = [row for row in table.rows if row.key != TOTAL]
    labels = [row.label for row in rows]
    labelled = 2 * len(rows) <= MAX_LABELLED_BARS
    figure = go.Figure(layout=_layout(table.title))
    cases = [r.cases_percent for r in rows]
    national = [r.national_percent for r in rows]
    name = table.cases_label or _("Award-winning cases")
    figure.add_trace(_bar(name, labels, cases, [r.cases for r in rows], 0, labelled=labelled))
    figure.add_trace(_bar(_("National profile"), labels, national, [r.national for r in rows], 1, labelled=labelled))
    return figure


def cross_table_figure(table: CrossTable, *, series: str = "columns") -> go.Figure:
    """Grouped bars of a cross table's percentages, total row and column left out of the x axis.

    ``series="columns"``: the rows along the x axis, one bar per column (Table 2);
    ``series="rows"``: the columns along the x axis, one bar per row (Tables 3 and 4)."""
    figure = go.Figure(layout=_layout(table.title))
    body_rows = [row for row in table.rows if row.key != TOTAL]
    if series == "columns":
        x = [row.label for row in body_rows]
        labelled = len(x) * len(table.columns) <= MAX_LABELLED_BARS
        for index, column in enumerate(table.columns):
            cells = [row.cells[index] for row in body_rows]
            percents, counts = [c.percent for c in cells], [c.count for c in cells]
            figure.add_trace(_bar(column.label, x, percents, counts, index, labelled=labelled))
    else:
        positions = [i for i, column in enumerate(table.columns) if column.key != TOTAL]
        x = [table.columns[i].label for i in positions]
        labelled = len(x) * len(table.rows) <= MAX_LABELLED_BARS
        for index, row in enumerate(table.rows):
            cells = [row.cells[i] for i in positions]
            percents, counts = [c.percent for c in cells], [c.count for c in cells]
            figure.add_trace(_bar(row.label, x, percents, counts, index, labelled=labelled))
    return figure


def trend_figure(table: CrossTable, *, columns: list[str] | None = None) -> go.Figure:
    """Lines across cycles (the table's rows, total left out): one line per column (or the given ones)."""
    layout = _layout(table.title, barmode=None)
    layout["xaxis"] = {**layout["xaxis"], "type": "category", "title": {"text": table.row_header}}
    figure = go.Figure(layout=layout)
    body_rows = [row for row in table.rows if row.key != TOTAL]
    x = [row.label for row in body_rows]
    for index, column in enumerate(table.columns):
        if column.key == TOTAL or (columns is not None and column.key not in columns):
            continue
        cells = [row.cells[index] for row in body_rows]
        figure.add_trace(
            go.Scatter(
                name=column.label,
                x=x,
                y=[cell.percent for cell in cells],
                customdata=[cell.count for cell in cells],
                mode="lines+markers",
                line={"color": PALETTE[index % len(PALETTE)], "width": 3},
                marker={"size": 9},
                hovertemplate="%{x}<br>%{fullData.name}: %{customdata} (%{y:.1f}%)<extra></extra>",
            )
        )
    return figure


def award_rate_figure(table: AwardRateTable) -> go.Figure:
    rows = [row for row in table.rows if row.key != TOTAL]
    figure = go.Figure(layout=_layout(table.title))
    rates, awarded = [r.award_rate for r in rows], [r.awarded for r in rows]
    figure.add_trace(_bar(_("Award rate"), [r.label for r in rows], rates, awarded, 0, labelled=True))
    return figure


def share_figure(table: ShareTable) -> go.Figure:
    """Grouped bars: for each column (ICT, tiers, total) the share still running, one bar per point."""
    figure = go.Figure(layout=_layout(table.title))
    x = [column.label for column in table.columns]
    labelled = len(x) * len(table.rows) <= MAX_LABELLED_BARS
    for index, row in enumerate(table.rows):
        percents, counts = [c.percent for c in row.cells], [c.count for c in row.cells]
        figure.add_trace(_bar(row.label, x, percents, counts, index, labelled=labelled))
    return figure


BUILDERS: dict[str, Callable] = {
    TableId.TIER_REPRESENTATION: tier_representation_figure,
    TableId.PURPOSE_BY_ICT: lambda table: cross_table_figure(table, series="columns"),
    TableId.OBSTACLES_BY_ICT: lambda table: cross_table_figure(table, series="rows"),
    TableId.REMEDIES_BY_ICT: lambda table: cross_table_figure(table, series="rows"),
    TableId.AWARD_RATE_BY_TIER: award_rate_figure,
    TableId.ICT_BY_CYCLE: lambda table: trend_figure(table, columns=["ict"]),
    TableId.TIER_BY_CYCLE: trend_figure,
    TableId.OUTCOME_VERIFICATION: lambda table: cross_table_figure(table, series="columns"),
    TableId.CITIZEN_FEEDBACK: lambda table: cross_table_figure(table, series="columns"),
    TableId.PARTICIPATION_LEVELS: lambda table: cross_table_figure(table, series="columns"),
    TableId.SERVICE_AREA_BY_ICT: lambda table: cross_table_figure(table, series="columns"),
    TableId.OUTCOME_KIND_BY_ICT: lambda table: cross_table_figure(table, series="rows"),
    TableId.JARGON_BY_CYCLE: lambda table: trend_figure(table, columns=["jargon"]),
    TableId.SUSTAINABILITY: share_figure,
    TableId.ADOPTION_FLOWS: lambda table: cross_table_figure(table, series="columns"),
}


def figure_spec(figure: go.Figure) -> dict:
    """``{"data", "layout", "config"}`` as plain JSON types, for ``Plotly.newPlot``."""
    spec = json.loads(figure.to_json())
    return {"data": spec["data"], "layout": spec["layout"], "config": CONFIG}


def has_data(table) -> bool:
    """Whether there is anything to draw: a chart of zeros only is left out (the table says it)."""
    if isinstance(table, CrossTable):
        return table.rows[-1].cells[-1].count > 0
    if isinstance(table, TierTable):
        return table.rows[-1].cases > 0
    if isinstance(table, AwardRateTable):
        return table.rows[-1].submitted > 0
    if isinstance(table, ShareTable):
        return any(cell.base for row in table.rows for cell in row.cells)
    return False


def build_figures(statistics: Statistics) -> dict[str, go.Figure]:
    """A figure for every table that has a chart (the per-case feedback list has none) and data to draw."""
    return {
        table_id: BUILDERS[table_id](table)
        for table_id, table in statistics.tables.items()
        if table_id in BUILDERS and has_data(table)
    }
