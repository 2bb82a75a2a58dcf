"""The ``sustainability`` and ``adoption_flows`` tables against an independent plain-Python
computation on random data, their exact values on a small example, and their query counts."""

from dataclasses import dataclass, field
from fractions import Fraction
from math import floor

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterward.models import Adoption, AdoptionState, FollowUpReport, ProgramStatus, ReportState
from cases.models import CycleState
from dashboard.statistics import adoption_flows, cases_in_scope, sustainability
from governments.models import Tier
from tests.accounts.factories import ManagerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, CaseFactory
from tests.governments.factories import (
    CityFactory,
    CountyFactory,
    DistrictFactory,
    MetropolisFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db

TIERS = [tier.value for tier in Tier]
PUBLISHED_YEARS = (2005, 2006)
ALL_YEARS = (2005, 2006, 2007)
CASE_STATES = ("awarded", "not_awarded", "in_review")
STILL = ("running", "expanded", "scaled_down")


def _governments():
    p = ProvinceFactory()
    m = MetropolisFactory()
    return {
        "province": p,
        "metropolis": m,
        "city": CityFactory(parent=p),
        "district": DistrictFactory(parent=m),
        "county": CountyFactory(parent=p),
    }


@pytest.fixture
def world(db):
    cycles = {
        2005: AwardCycleFactory(year=2005, published=True, closed=True),
        2006: AwardCycleFactory(year=2006, published=True, closed=True),
        2007: AwardCycleFactory(year=2007, state=CycleState.DECIDING, closed=True),
    }
    sources, adopters = _governments(), _governments()
    recorder = SubmitterFactory(government=adopters["city"])
    return {"cycles": cycles, "sources": sources, "adopters": adopters, "recorder": recorder}


@dataclass
class Spec:
    tier: str
    uses_ict: bool
    state: str
    year: int
    reports: dict  # years after -> (state, status)
    adoptions: dict  # adopter tier -> state
    pk: int = 0
    code: str = field(default="")


report_strategy = st.tuples(
    st.sampled_from(["due", "submitted", "verified"]), st.sampled_from([s.value for s in ProgramStatus])
)
spec_strategy = st.builds(
    Spec,
    tier=st.sampled_from(TIERS),
    uses_ict=st.booleans(),
    state=st.sampled_from(CASE_STATES),
    year=st.sampled_from(ALL_YEARS),
    reports=st.dictionaries(st.sampled_from([1, 2, 3]), report_strategy, max_size=3),
    adoptions=st.dictionaries(st.sampled_from(TIERS), st.sampled_from([s.value for s in AdoptionState]), max_size=3),
)


def _create(world, spec: Spec) -> None:
    government = world["sources"][spec.tier]
    case = CaseFactory(
        cycle=world["cycles"][spec.year],
        government=government,
        submitted=True,
        state=spec.state,
        uses_ict=spec.uses_ict,
    )
    spec.pk, spec.code = case.pk, government.code
    today = timezone.localdate()
    for years, (state, status) in spec.reports.items():
        filed = state != ReportState.DUE
        FollowUpReport.objects.create(
            case=case,
            years_after=years,
            due_on=today,
            deadline=today,
            state=state,
            status=status if filed else "",
            status_reason="Why" if filed else "",
            submitted_at=timezone.now() if filed else None,
            verified_at=timezone.now() if state == ReportState.VERIFIED else None,
        )
    for tier, state in spec.adoptions.items():
        Adoption.objects.create(
            source=case,
            adopter=world["adopters"][tier],
            adopter_tier=tier,
            kind="adopted",
            adopted_on=today,
            state=state,
            recorded_by=world["recorder"],
            answered_at=None if state == AdoptionState.PENDING else timezone.now(),
        )


HALF = Fraction(1, 2)


def _percent(part: int, whole: int) -> float:
    return float(Fraction(floor(Fraction(part * 1000, whole) + HALF), 10)) if whole else 0.0


def _scoped(specs, scope, years):
    if scope == "awarded":
        return [s for s in specs if s.state == "awarded" and s.year in PUBLISHED_YEARS and s.year in years]
    return [s for s in specs if s.year in years]


def _expected_sustainability(scoped) -> dict:
    reported = [
        (s, years, status)
        for s in scoped
        for years, (state, status) in s.reports.items()
        if state in ("submitted", "verified")
    ]
    points = sorted({years for _s, years, _status in reported}) or [1, 3]
    columns = ["non_ict", "ict", *TIERS, "total"]

    def belongs(spec, column):
        return column == "total" or column == spec.tier or column == ("ict" if spec.uses_ict else "non_ict")

    rows = {}
    for point in points:
        cells = []
        for column in columns:
            mine = [status for s, years, status in reported if years == point and belongs(s, column)]
            running = sum(status in STILL for status in mine)
            cells.append((running, len(mine), _percent(running, len(mine))))
        rows[str(point)] = cells
    return {"columns": columns, "rows": rows}


def _expected_flows(scoped) -> dict:
    confirmed = [(s, tier) for s in scoped for tier, state in s.adoptions.items() if state == "confirmed"]
    rows = {}
    for source in [*TIERS, "total"]:
        mine = [tier for s, tier in confirmed if source in ("total", s.tier)]
        counts = [sum(tier == column for tier in mine) for column in TIERS] + [len(mine)]
        rows[source] = [(count, _percent(count, len(mine))) for count in counts]
    ranked = sorted(
        (s for s in scoped if any(state == "confirmed" for state in s.adoptions.values())),
        key=lambda s: (-sum(state == "confirmed" for state in s.adoptions.values()), -s.year, s.code, s.pk),
    )
    most = [(str(s.pk), sum(state == "confirmed" for state in s.adoptions.values())) for s in ranked[:10]]
    return {"columns": [*TIERS, "total"], "rows": rows, "most_adopted": most}


def _actual(data: dict) -> tuple[dict, dict]:
    sustainability = data["tables"]["sustainability"]
    flows = data["tables"]["adoption_flows"]
    return (
        {
            "columns": [column["key"] for column in sustainability["columns"]],
            "rows": {
                row["key"]: [(c["count"], c["base"], c["percent"]) for c in row["cells"]]
                for row in sustainability["rows"]
            },
        },
        {
            "columns": [column["key"] for column in flows["columns"]],
            "rows": {row["key"]: [(c["count"], c["percent"]) for c in row["cells"]] for row in flows["rows"]},
            "most_adopted": [(row["key"], row["adoptions"]) for row in flows["most_adopted"]],
        },
    )


@st.composite
def filters(draw):
    scope = draw(st.sampled_from(["awarded", "submitted"]))
    years = PUBLISHED_YEARS if scope == "awarded" else ALL_YEARS
    chosen = draw(st.one_of(st.just(()), st.frozensets(st.sampled_from(years), min_size=1)))
    return scope, sorted(chosen)


@pytest.fixture
def manager_client(client):
    sign_in(client, ManagerFactory())
    return client


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=st.lists(spec_strategy, max_size=10), chosen=filters())
def test_both_tables_equal_an_independent_computation(manager_client, world, specs, chosen):
    scope, years = chosen
    with transaction.atomic():
        for spec in specs:
            _create(world, spec)
        response = manager_client.get("/api/v1/stats/", {"scope": scope, "cycle": years})
        transaction.set_rollback(True)
    assert response.status_code == 200
    expected_years = years or list(PUBLISHED_YEARS if scope == "awarded" else ALL_YEARS)
    scoped = _scoped(specs, scope, expected_years)
    assert _actual(response.json()) == (_expected_sustainability(scoped), _expected_flows(scoped))


def test_exact_values_on_a_small_example(client, world):
    specs = [
        Spec("city", True, "awarded", 2005, {1: ("verified", "running"), 3: ("submitted", "discontinued")}, {}),
        Spec(
            "county",
            False,
            "awarded",
            2006,
            {1: ("verified", "expanded"), 3: ("due", "running")},
            {"city": "confirmed"},
        ),
        Spec(
            "city",
            False,
            "awarded",
            2006,
            {1: ("submitted", "scaled_down")},
            {"county": "confirmed", "province": "pending"},
        ),
        Spec("province", True, "not_awarded", 2006, {1: ("verified", "discontinued")}, {}),
    ]
    for spec in specs:
        _create(world, spec)
    data = client.get("/api/v1/stats/").json()
    sustainability, flows = _actual(data)
    assert sustainability["rows"] == {
        #     non-ICT       ICT          province     metropolis   city          district     county        total
        "1": [
            (2, 2, 100.0),
            (1, 1, 100.0),
            (0, 0, 0.0),
            (0, 0, 0.0),
            (2, 2, 100.0),
            (0, 0, 0.0),
            (1, 1, 100.0),
            (3, 3, 100.0),
        ],
        "3": [(0, 0, 0.0), (0, 1, 0.0), (0, 0, 0.0), (0, 0, 0.0), (0, 1, 0.0), (0, 0, 0.0), (0, 0, 0.0), (0, 1, 0.0)],
    }
    assert flows["rows"]["city"] == [(0, 0.0), (0, 0.0), (0, 0.0), (0, 0.0), (1, 100.0), (1, 100.0)]
    assert flows["rows"]["county"] == [(0, 0.0), (0, 0.0), (1, 100.0), (0, 0.0), (0, 0.0), (1, 100.0)]
    assert flows["rows"]["total"][-1] == (2, 100.0)
    assert [count for _key, count in flows["most_adopted"]] == [1, 1]
    csv = client.get("/api/v1/stats/sustainability/?format=csv").content.decode()
    assert csv.splitlines()[2].startswith("3,After 3 years,0,0,0.0,0,1,0.0,")
    assert "Practices still running at each follow-up point" in client.get("/dashboard/").content.decode()


def test_the_tables_take_the_same_queries_for_few_and_many(world, django_assert_num_queries):
    for index in range(2):
        _create(
            world, Spec(TIERS[index], bool(index), "awarded", 2005, {1: ("verified", "running")}, {"city": "confirmed"})
        )
    cases = cases_in_scope("awarded", PUBLISHED_YEARS)
    with django_assert_num_queries(3):  # follow-ups 1, flows 1, most adopted 1
        sustainability(cases), adoption_flows(cases)
    for index in range(20):
        tier = TIERS[index % 5]
        reports = {1: ("verified", "running"), 3: ("verified", "discontinued")}
        _create(
            world, Spec(tier, bool(index % 2), "awarded", 2006, reports, dict.fromkeys(TIERS[: index % 4], "confirmed"))
        )
    with django_assert_num_queries(3):
        table, flows = sustainability(cases), adoption_flows(cases)
    assert (table.rows[0].cells[-1].base, table.rows[1].cells[-1].count) == (22, 0)
    assert flows.rows[-1].cells[-1].count == 2 + sum(index % 4 for index in range(20))
