"""Chart builders work on plain data: no database here (pytest-django would refuse any query)."""

import json

from dashboard.charts import (
    CONFIG,
    build_figures,
    cross_table_figure,
    figure_spec,
    has_data,
    tier_representation_figure,
    trend_figure,
    wrap_label,
)
from dashboard.statistics import (
    AwardRateRow,
    AwardRateTable,
    Cell,
    Column,
    CrossTable,
    FeltByCaseTable,
    Row,
    Statistics,
    TierRow,
    TierTable,
)

ICT_COLUMNS = [Column("non_ict", "Non-ICT"), Column("ict", "ICT"), Column("total", "Total")]


def tier_table() -> TierTable:
    return TierTable(
        id="tier_representation",
        title="Table 1",
        rows=[
            TierRow("province", "Province", 6, 14.3, 3603424, 9, 3.7, 2901296, 3.9),
            TierRow("city", "City", 36, 85.7, 300000, 237, 96.3, 300000, 0.89),
            TierRow("total", "Total", 42, 100.0, 1175855, 246, 100.0, 396001, 1.0),
        ],
    )


def purpose_table(count: int = 4) -> CrossTable:
    return CrossTable(
        id="purpose_by_ict",
        title="Table 2",
        percent_base="column",
        base=42,
        row_header="Purpose",
        columns=ICT_COLUMNS,
        rows=[
            Row("place_marketing", "Place marketing", [Cell(count, 28.6), Cell(4, 14.3), Cell(8, 19.0)]),
            Row("service_improvement", "Service improvement", [Cell(10, 71.4), Cell(24, 85.7), Cell(34, 81.0)]),
            Row("total", "Total", [Cell(14, 100.0), Cell(28, 100.0), Cell(count and 42, 100.0)]),
        ],
    )


def obstacles_table() -> CrossTable:
    return CrossTable(
        id="obstacles_by_ict",
        title="Table 3",
        percent_base="cases",
        base=42,
        row_header="ICT",
        columns=[Column("lack_of_resources", "Lack of resources"), Column("legal_constraint", "Legal"), ICT_COLUMNS[2]],
        rows=[
            Row("non_ict", "Non-ICT", [Cell(1, 2.4), Cell(1, 2.4), Cell(2, 4.8)]),
            Row("ict", "ICT", [Cell(9, 21.4), Cell(6, 14.3), Cell(15, 35.7)]),
            Row("total", "Total", [Cell(10, 23.8), Cell(7, 16.7), Cell(17, 40.5)]),
        ],
    )


def trend_table() -> CrossTable:
    return CrossTable(
        id="ict_by_cycle",
        title="ICT share",
        percent_base="row",
        base=42,
        row_header="Cycle",
        columns=ICT_COLUMNS,
        rows=[
            Row("2005", "2005", [Cell(8, 38.1), Cell(13, 61.9), Cell(21, 100.0)]),
            Row("2006", "2006", [Cell(6, 28.6), Cell(15, 71.4), Cell(21, 100.0)]),
            Row("total", "Total", [Cell(14, 33.3), Cell(28, 66.7), Cell(42, 100.0)]),
        ],
    )


def test_tier_figure_puts_case_share_beside_national_share():
    figure = tier_representation_figure(tier_table())
    assert [trace.type for trace in figure.data] == ["bar", "bar"]
    cases, national = figure.data
    assert (cases.name, list(cases.x), list(cases.y), list(cases.customdata)) == (
        "Award-winning cases",
        ["Province", "City"],
        [14.3, 85.7],
        [6, 36],
    )
    assert (list(national.y), list(national.customdata)) == ([3.7, 96.3], [9, 237])
    assert list(cases.text) == ["14.3", "85.7"]
    assert figure.layout.barmode == "group"


def test_tier_figure_names_the_cases_by_scope():
    table = tier_table()
    submitted = TierTable(table.id, table.title, table.rows, cases_label="Submitted cases")
    assert tier_representation_figure(submitted).data[0].name == "Submitted cases"


def test_purpose_figure_has_one_bar_per_column_along_the_purposes():
    figure = cross_table_figure(purpose_table(), series="columns")
    assert [trace.name for trace in figure.data] == ["Non-ICT", "ICT", "Total"]
    assert list(figure.data[0].x) == ["Place<br>marketing", "Service<br>improvement"]
    assert [list(trace.y) for trace in figure.data] == [[28.6, 71.4], [14.3, 85.7], [19.0, 81.0]]


def test_obstacle_figure_has_one_bar_per_row_along_the_obstacles_without_the_total_column():
    figure = cross_table_figure(obstacles_table(), series="rows")
    assert [trace.name for trace in figure.data] == ["Non-ICT", "ICT", "Total"]
    assert list(figure.data[2].x) == ["Lack of<br>resources", "Legal"]
    assert [list(trace.customdata) for trace in figure.data] == [[1, 1], [9, 6], [10, 7]]
    # Six bars: few enough to print their values.
    assert list(figure.data[1].text) == ["21.4", "14.3"]


def test_trend_figure_draws_lines_across_cycles():
    figure = trend_figure(trend_table(), columns=["ict"])
    assert [(trace.type, trace.mode, trace.name) for trace in figure.data] == [("scatter", "lines+markers", "ICT")]
    assert (list(figure.data[0].x), list(figure.data[0].y)) == (["2005", "2006"], [61.9, 71.4])
    assert figure.layout.xaxis.type == "category"
    assert len(trend_figure(trend_table()).data) == 2  # non-ICT and ICT, never the total


def test_figure_spec_is_plain_json_for_plotly_newplot():
    spec = figure_spec(tier_representation_figure(tier_table()))
    assert set(spec) == {"data", "layout", "config"}
    assert spec["config"] == CONFIG == {"displayModeBar": False, "responsive": True}
    assert spec["layout"]["meta"] == {"title": "Table 1"}
    assert json.loads(json.dumps(spec)) == spec


def test_has_data_and_build_figures_leave_out_empty_tables_and_the_per_case_list():
    empty = purpose_table(count=0)
    assert has_data(purpose_table()) and not has_data(empty)
    statistics = Statistics(
        scope="awarded",
        cycles=[2005, 2006],
        case_count=42,
        tables={
            "tier_representation": tier_table(),
            "purpose_by_ict": empty,
            "obstacles_by_ict": obstacles_table(),
            "award_rate_by_tier": AwardRateTable(
                "award_rate_by_tier", "Award rate", [AwardRateRow("total", "Total", 10, 4, 40.0)]
            ),
            "ict_by_cycle": trend_table(),
            "felt_by_case": FeltByCaseTable("felt_by_case", "Felt", []),
        },
    )
    figures = build_figures(statistics)
    assert list(figures) == ["tier_representation", "obstacles_by_ict", "award_rate_by_tier", "ict_by_cycle"]
    assert list(figures["award_rate_by_tier"].data[0].y) == []


def test_wrap_label():
    assert wrap_label("Institutional or legal provision") == "Institutional<br>or legal<br>provision"
    assert wrap_label("City") == "City"
    assert wrap_label("지역 마케팅") == "지역 마케팅"
