"""The tables beyond the study (service areas, kinds of outcome, jargon by cycle): exact values on
the demo data, and equal to an independent plain-Python computation on random data."""

from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.demo import OUTCOME_KINDS, SERVICE_AREAS
from cases.models import Outcome, OutcomeKind, ServiceArea
from tests.cases.factories import CaseFactory
from tests.cases.test_jargon import PIECES
from tests.dashboard.test_statistics import (  # noqa: F401 (fixtures)
    ALL_YEARS,
    PUBLISHED_YEARS,
    STATES,
    SUBMITTED,
    TIERS,
    _percent,
    filters,
    manager_client,
    world,
)

pytestmark = pytest.mark.django_db

AREA_CODES = [row[0] for row in SERVICE_AREAS]
KIND_CODES = [row[0] for row in OUTCOME_KINDS]


def test_demo_cases_have_an_area_and_their_outcomes_a_kind(client, demo_data):
    tables = client.get("/api/v1/stats/").json()["tables"]
    areas = tables["service_area_by_ict"]
    assert (areas["percent_base"], areas["base"]) == ("column", 42)
    assert [row["key"] for row in areas["rows"]] == [*AREA_CODES, "total"]
    cells = {row["key"]: [cell["count"] for cell in row["cells"]] for row in areas["rows"]}
    assert cells["total"] == [14, 28, 42]
    # Welfare is mostly non-ICT, as the study expected; administration mostly ICT.
    assert cells["welfare"] == [4, 2, 6]
    assert cells["administration"] == [0, 7, 7]
    kinds = tables["outcome_kind_by_ict"]
    assert (kinds["percent_base"], kinds["base"]) == ("cases", 42)
    assert [column["key"] for column in kinds["columns"]] == [*KIND_CODES, "total"]
    total = {column["key"]: cell for column, cell in zip(kinds["columns"], kinds["rows"][-1]["cells"], strict=True)}
    assert total["human_rights"] == {"count": 1, "percent": 2.4}
    assert total["democratic_practice"]["count"] == 6
    assert total["service_quality"]["count"] > total["democratic_practice"]["count"]
    jargon = {
        row["key"]: [(c["count"], c["percent"]) for c in row["cells"]] for row in tables["jargon_by_cycle"]["rows"]
    }
    assert jargon == {
        "2005": [(2, 9.5), (19, 90.5), (21, 100.0)],
        "2006": [(2, 9.5), (19, 90.5), (21, 100.0)],
        "total": [(4, 9.5), (38, 90.5), (42, 100.0)],
    }


@dataclass
class Spec:
    state: str
    year: int
    uses_ict: bool
    area: str | None
    outcome_kinds: list = field(default_factory=list)  # a kind code or None per outcome
    pieces: list = field(default_factory=list)  # of the description: (text, uses a glossary term)


spec_strategy = st.builds(
    Spec,
    state=st.sampled_from(STATES),
    year=st.sampled_from(ALL_YEARS),
    uses_ict=st.booleans(),
    area=st.one_of(st.none(), st.sampled_from(AREA_CODES)),
    outcome_kinds=st.lists(st.one_of(st.none(), st.sampled_from(KIND_CODES)), max_size=4),
    pieces=st.lists(st.sampled_from(PIECES), max_size=2),
)


def _create(world, spec: Spec, areas: dict, kinds: dict) -> None:  # noqa: F811
    has_snapshot = spec.state != "draft"
    case = CaseFactory(
        cycle=world["cycles"][spec.year],
        government=world["governments"]["city"],
        state=spec.state,
        tier="city" if has_snapshot else "",
        population=1000 if has_snapshot else None,
        submitted_at=timezone.now() if has_snapshot else None,
        uses_ict=spec.uses_ict,
        service_area=areas[spec.area] if spec.area else None,
        description=" ".join(text for text, _uses in spec.pieces),
    )
    Outcome.objects.bulk_create(
        Outcome(case=case, indicator=f"Indicator {index}", kind=kinds[code] if code else None)
        for index, code in enumerate(spec.outcome_kinds)
    )


def _expected(specs: list[Spec], scope: str, years: list[int]) -> dict:
    if scope == "awarded":
        scoped = [s for s in specs if s.state == "awarded" and s.year in PUBLISHED_YEARS and s.year in years]
    else:
        scoped = [s for s in specs if s.state in SUBMITTED and s.year in years]
    n = len(scoped)

    def ict_of(spec):
        return "ict" if spec.uses_ict else "non_ict"

    area_rows = list(AREA_CODES)
    if any(s.area is None for s in scoped):
        area_rows.append("unspecified")
    columns = ("non_ict", "ict", "total")
    column_totals = {c: sum(1 for s in scoped if c in ("total", ict_of(s))) for c in columns}
    areas = {}
    for key in area_rows:
        area = None if key == "unspecified" else key
        counts = [sum(1 for s in scoped if s.area == area and c in ("total", ict_of(s))) for c in columns]
        areas[key] = [(count, _percent(count, column_totals[c])) for count, c in zip(counts, columns, strict=True)]
    areas["total"] = [(column_totals[c], _percent(column_totals[c], column_totals[c])) for c in columns]

    kinds = {}
    for ict in columns:
        mine = [s for s in scoped if ict in ("total", ict_of(s))]
        counts = [sum(1 for s in mine if code in s.outcome_kinds) for code in KIND_CODES]
        counts.append(sum(counts))
        kinds[ict] = [(count, _percent(count, n)) for count in counts]
    jargon = {}
    for year in [*years, "total"]:
        mine = [s for s in scoped if year in ("total", s.year)]
        using = sum(1 for s in mine if any(uses for _text, uses in s.pieces))
        counts = [using, len(mine) - using, len(mine)]
        jargon[str(year)] = [(count, _percent(count, len(mine))) for count in counts]
    return {"service_area_by_ict": areas, "outcome_kind_by_ict": kinds, "jargon_by_cycle": jargon}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=st.lists(spec_strategy, max_size=12), chosen=filters())
def test_the_new_tables_equal_an_independent_computation(manager_client, world, specs, chosen):  # noqa: F811
    scope, years = chosen
    areas = {area.code: area for area in ServiceArea.objects.all()}
    kinds = {kind.code: kind for kind in OutcomeKind.objects.all()}
    with transaction.atomic():
        for spec in specs:
            _create(world, spec, areas, kinds)
        response = manager_client.get("/api/v1/stats/", {"scope": scope, "cycle": years})
        transaction.set_rollback(True)
    assert response.status_code == 200
    tables = response.json()["tables"]
    expected_years = years or list(PUBLISHED_YEARS if scope == "awarded" else ALL_YEARS)
    actual = {
        table_id: {row["key"]: [(c["count"], c["percent"]) for c in row["cells"]] for row in tables[table_id]["rows"]}
        for table_id in ("service_area_by_ict", "outcome_kind_by_ict", "jargon_by_cycle")
    }
    assert actual == _expected(specs, scope, expected_years)
    assert [c["key"] for c in tables["outcome_kind_by_ict"]["columns"]] == [*KIND_CODES, "total"]
    assert TIERS  # the registry of the shared world fixture
