from dataclasses import dataclass
from fractions import Fraction
from math import floor

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from cases.demo import OBSTACLE_TYPES, PURPOSES, REMEDY_TYPES, load_taxonomies
from cases.models import (
    CaseState,
    CycleState,
    ObstacleType,
    Outcome,
    OutcomeKind,
    ParticipationLevel,
    ServiceArea,
    Verification,
)
from dashboard.statistics import Scope, compute_statistics
from governments.models import LocalGovernment, Tier
from practices.models import CitizenFeedback, FeltImprovement, ModerationState
from tests.accounts.factories import ManagerFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import (
    CityFactory,
    CountyFactory,
    DistrictFactory,
    MetropolisFactory,
    ProvinceFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHED_YEARS = (2005, 2006)
ALL_YEARS = (2005, 2006, 2007)  # 2007 is deciding: awarded cases there are not public yet
SUBMITTED = ("submitted", "in_review", "revision_requested", "awarded", "not_awarded")
STATES = (*SUBMITTED, "draft", "withdrawn")
PURPOSE_CODES = [row[0] for row in PURPOSES]
OBSTACLE_CODES = [row[0] for row in OBSTACLE_TYPES]
REMEDY_CODES = [row[0] for row in REMEDY_TYPES]
TIERS = [tier.value for tier in Tier]


@pytest.fixture
def world(db):
    """Taxonomies, cycles 2005–2006 (published) and 2007 (deciding), a small registry with one inactive
    government, and one active government per tier to which cases belong."""
    load_taxonomies()
    cycles = {
        2005: AwardCycleFactory(year=2005, published=True, closed=True),
        2006: AwardCycleFactory(year=2006, published=True, closed=True),
        2007: AwardCycleFactory(year=2007, state=CycleState.DECIDING, closed=True),
    }
    p1 = ProvinceFactory(population=2_000_000)
    p2 = ProvinceFactory(population=1_000_001)
    ProvinceFactory(population=999, is_active=False)
    m1 = MetropolisFactory(population=3_000_000)
    c1 = CityFactory(parent=p1, population=300_000)
    CityFactory(parent=p2, population=200_001)
    d1 = DistrictFactory(parent=m1, population=400_000)
    k1 = CountyFactory(parent=p1, population=50_000)
    CountyFactory(parent=m1, population=30_003)
    governments = {"province": p1, "metropolis": m1, "city": c1, "district": d1, "county": k1}
    return {"cycles": cycles, "governments": governments}


# --- Exact values on a hand-made example ---------------------------------------------------------


def test_tables_on_a_hand_made_example(world):
    cycles, governments = world["cycles"], world["governments"]
    CaseFactory(
        awarded=True,
        cycle=cycles[2005],
        government=governments["province"],
        population=2_000_000,
        uses_ict=True,
        obstacles=["conflict_of_interest", "lack_of_expertise"],
        remedies=["induced_cooperation"],
    )
    CaseFactory(
        awarded=True,
        cycle=cycles[2006],
        government=governments["city"],
        population=300_001,
        purpose__code="place_marketing",
        obstacles=["lack_of_resources"],
        remedies=["perseverance", "revised_project"],
    )
    CaseFactory(
        awarded=True,
        cycle=cycles[2006],
        government=governments["city"],
        population=300_000,
        uses_ict=True,
        obstacles=["conflict_of_interest"],
    )
    # Not counted by default: not awarded, awarded in an unpublished cycle, a draft.
    CaseFactory(not_awarded=True, cycle=cycles[2005], government=governments["county"], obstacles=["legal_constraint"])
    CaseFactory(awarded=True, cycle=cycles[2007], government=governments["district"])
    CaseFactory(cycle=cycles[2007], government=governments["district"])

    statistics = compute_statistics(scope=Scope.AWARDED, cycles=PUBLISHED_YEARS)

    assert (statistics.scope, statistics.cycles, statistics.case_count) == ("awarded", [2005, 2006], 3)
    rows = [
        (
            r.key,
            r.cases,
            r.cases_percent,
            r.cases_avg_population,
            r.national,
            r.national_percent,
            r.national_avg_population,
            r.representation_ratio,
        )
        for r in statistics.tables["tier_representation"].rows
    ]
    assert rows == [
        # 2 active provinces of 8 active governments: (1/3) / (2/8) = 1.333…; averages half-up.
        ("province", 1, 33.3, 2_000_000, 2, 25.0, 1_500_001, 1.33),
        ("metropolis", 0, 0.0, 0, 1, 12.5, 3_000_000, 0.0),
        ("city", 2, 66.7, 300_001, 2, 25.0, 250_001, 2.67),
        ("district", 0, 0.0, 0, 1, 12.5, 400_000, 0.0),
        ("county", 0, 0.0, 0, 2, 25.0, 40_002, 0.0),
        ("total", 3, 100.0, 866_667, 8, 100.0, 872_501, 1.0),
    ]
    purpose = statistics.tables["purpose_by_ict"]
    assert (purpose.percent_base, purpose.base) == ("column", 3)
    assert [(row.key, [(c.count, c.percent) for c in row.cells]) for row in purpose.rows] == [
        ("place_marketing", [(1, 100.0), (0, 0.0), (1, 33.3)]),
        ("service_improvement", [(0, 0.0), (2, 100.0), (2, 66.7)]),
        ("total", [(1, 100.0), (2, 100.0), (3, 100.0)]),
    ]
    obstacles = statistics.tables["obstacles_by_ict"]
    assert [column.key for column in obstacles.columns] == [*OBSTACLE_CODES, "total"]
    assert [(row.key, [(c.count, c.percent) for c in row.cells]) for row in obstacles.rows] == [
        ("non_ict", [(1, 33.3), (0, 0.0), (0, 0.0), (0, 0.0), (0, 0.0), (1, 33.3)]),
        ("ict", [(0, 0.0), (0, 0.0), (0, 0.0), (2, 66.7), (1, 33.3), (3, 100.0)]),
        ("total", [(1, 33.3), (0, 0.0), (0, 0.0), (2, 66.7), (1, 33.3), (4, 133.3)]),
    ]
    assert obstacles.notes[-1] == "Note: Total is greater than 100% due to multiple counts."
    remedies = statistics.tables["remedies_by_ict"]
    assert [(row.key, [c.count for c in row.cells]) for row in remedies.rows] == [
        ("non_ict", [0, 1, 0, 1, 2]),
        ("ict", [0, 0, 1, 0, 1]),
        ("total", [0, 1, 1, 1, 3]),
    ]
    # 3 remedies for 3 cases: not more than 100%, so no multiple-counts note.
    assert all("multiple counts" not in note for note in remedies.notes)
    trend = statistics.tables["ict_by_cycle"]
    assert [(row.key, [(c.count, c.percent) for c in row.cells]) for row in trend.rows] == [
        ("2005", [(0, 0.0), (1, 100.0), (1, 100.0)]),
        ("2006", [(1, 50.0), (1, 50.0), (2, 100.0)]),
        ("total", [(1, 33.3), (2, 66.7), (3, 100.0)]),
    ]
    assert "award_rate_by_tier" not in statistics.tables


def test_submitted_scope_counts_every_submitted_case_of_the_chosen_cycles(world):
    cycles, governments = world["cycles"], world["governments"]
    CaseFactory(awarded=True, cycle=cycles[2005], government=governments["province"])
    CaseFactory(not_awarded=True, cycle=cycles[2005], government=governments["county"])
    CaseFactory(in_review=True, cycle=cycles[2007], government=governments["city"])
    CaseFactory(cycle=cycles[2007], government=governments["city"])  # draft
    CaseFactory(submitted=True, state=CaseState.WITHDRAWN, cycle=cycles[2007], government=governments["city"])

    assert compute_statistics(scope=Scope.SUBMITTED, cycles=ALL_YEARS).case_count == 3
    assert compute_statistics(scope=Scope.SUBMITTED, cycles=[2007]).case_count == 1
    assert compute_statistics(scope=Scope.AWARDED, cycles=ALL_YEARS).case_count == 1


def test_award_rate_by_tier(world):
    cycles, governments = world["cycles"], world["governments"]
    CaseFactory(awarded=True, cycle=cycles[2005], government=governments["province"])
    CaseFactory(not_awarded=True, cycle=cycles[2005], government=governments["province"])
    CaseFactory(not_awarded=True, cycle=cycles[2006], government=governments["province"])
    CaseFactory(awarded=True, cycle=cycles[2006], government=governments["county"])
    CaseFactory(not_awarded=True, cycle=cycles[2007], government=governments["county"])  # cycle not chosen

    table = compute_statistics(scope=Scope.AWARDED, cycles=PUBLISHED_YEARS, include_award_rate=True).tables[
        "award_rate_by_tier"
    ]
    assert [(r.key, r.submitted, r.awarded, r.award_rate) for r in table.rows] == [
        ("province", 3, 1, 33.3),
        ("metropolis", 0, 0, 0.0),
        ("city", 0, 0, 0.0),
        ("district", 0, 0, 0.0),
        ("county", 1, 1, 100.0),
        ("total", 4, 2, 50.0),
    ]


def test_outcome_verification_feedback_and_participation(world):
    cycles, governments = world["cycles"], world["governments"]
    ict = CaseFactory(
        awarded=True,
        cycle=cycles[2005],
        government=governments["province"],
        uses_ict=True,
        participation_level=ParticipationLevel.INVOLVE,
    )
    plain = CaseFactory(awarded=True, cycle=cycles[2006], government=governments["city"])
    OutcomeFactory(case=ict, verification=Verification.VERIFIED)
    OutcomeFactory(case=ict, verification=Verification.NOT_VERIFIED)
    OutcomeFactory(case=plain, verification=Verification.PARTLY)
    for index, felt in enumerate(["yes", "yes", "no"]):
        CitizenFeedback.objects.create(case=ict, felt=felt, visitor=f"v{index}")
    CitizenFeedback.objects.create(case=plain, felt="not_sure", visitor="v9")
    CitizenFeedback.objects.create(
        case=plain, felt="yes", visitor="spam", comment="buy now", moderation=ModerationState.REJECTED
    )

    tables = compute_statistics(scope=Scope.AWARDED, cycles=PUBLISHED_YEARS).tables

    assert [(r.key, [(c.count, c.percent) for c in r.cells]) for r in tables["outcome_verification"].rows] == [
        ("verified", [(0, 0.0), (1, 50.0), (1, 33.3)]),
        ("partly", [(1, 100.0), (0, 0.0), (1, 33.3)]),
        ("not_verified", [(0, 0.0), (1, 50.0), (1, 33.3)]),
        ("pending", [(0, 0.0), (0, 0.0), (0, 0.0)]),
        ("total", [(1, 100.0), (2, 100.0), (3, 100.0)]),
    ]
    assert [(r.key, [c.count for c in r.cells]) for r in tables["citizen_feedback"].rows] == [
        ("yes", [0, 2, 2]),
        ("no", [0, 1, 1]),
        ("not_sure", [1, 0, 1]),
        ("total", [1, 3, 4]),
    ]
    felt = tables["felt_by_case"].rows
    assert [
        (r.key, r.cycle, r.responses, r.yes, r.no, r.not_sure, r.felt_percent, r.outcomes, r.outcomes_verified)
        for r in felt
    ] == [
        (str(ict.pk), 2005, 3, 2, 1, 0, 66.7, 2, 1),
        (str(plain.pk), 2006, 1, 0, 0, 1, 0.0, 1, 0),
    ]
    assert felt[0].label == ict.title
    assert felt[0].government == governments["province"].name
    participation = {r.key: [c.count for c in r.cells] for r in tables["participation_levels"].rows}
    assert participation["involve"] == [0, 1, 1]
    assert participation["none"] == [1, 0, 1]
    assert participation["total"] == [1, 1, 2]


def test_inactive_taxonomy_entries_are_left_out_unless_used(world):
    ObstacleType.objects.filter(code="legal_constraint").update(is_active=False)
    ObstacleType.objects.filter(code="lack_of_resources").update(is_active=False)
    CaseFactory(
        awarded=True,
        cycle=world["cycles"][2005],
        government=world["governments"]["city"],
        obstacles=["lack_of_resources"],
    )
    table = compute_statistics(scope=Scope.AWARDED, cycles=PUBLISHED_YEARS).tables["obstacles_by_ict"]
    assert [c.key for c in table.columns] == [
        "lack_of_resources",
        "lack_of_cooperation",
        "conflict_of_interest",
        "lack_of_expertise",
        "total",
    ]


def test_no_cases_gives_zeros_and_no_ratio(world):
    statistics = compute_statistics(scope=Scope.AWARDED, cycles=PUBLISHED_YEARS)
    assert statistics.case_count == 0
    total = statistics.tables["tier_representation"].rows[-1]
    assert (total.cases, total.cases_percent, total.cases_avg_population, total.representation_ratio) == (
        0,
        0.0,
        0,
        None,
    )
    assert total.national == 8
    assert statistics.tables["purpose_by_ict"].rows[-1].cells[-1].percent == 0.0


# --- The number of queries does not grow with the cases ------------------------------------------


def _many_cases(world, count: int) -> None:
    cycles, governments = world["cycles"], world["governments"]
    areas, kinds = [*ServiceArea.objects.order_by("pk"), None], list(OutcomeKind.objects.order_by("pk"))
    for index in range(count):
        case = CaseFactory(
            awarded=index % 3 != 0,
            not_awarded=index % 3 == 0,
            cycle=cycles[ALL_YEARS[index % 3]],
            government=governments[TIERS[index % 5]],
            uses_ict=index % 2 == 0,
            purpose__code=PURPOSE_CODES[index % 2],
            participation_level=ParticipationLevel.values[index % 6],
            obstacles=OBSTACLE_CODES[: 1 + index % 5],
            remedies=REMEDY_CODES[: 1 + index % 4],
            service_area=areas[index % len(areas)],
            title=("Our BPR of permits", "A plain title", "업무프로세스 재설계를 했다")[index % 3],
        )
        OutcomeFactory(case=case, verification=Verification.values[index % 4], kind=kinds[index % len(kinds)])
        # A second outcome of the same kind: the case still counts once for it.
        OutcomeFactory(case=case, kind=kinds[index % len(kinds)])
        if case.state == CaseState.AWARDED:
            CitizenFeedback.objects.create(case=case, felt=FeltImprovement.values[index % 3], visitor=f"v{index}")


# The live computation with the award rate: cycles are given, so no cycle query; national profile 1,
# tiers 1, purposes 2, obstacles 2, remedies 2, award rate 1, trends 1, outcomes 1, feedback 1,
# feedback by case 1, participation 1, service areas 2, outcome kinds 2, jargon 2,
# follow-ups 1, adoption flows 1, most adopted practices 1.
QUERIES = 23
# From the summaries: one statement for the small reads (core.batched: summary rows, national
# profile, taxonomies, follow-ups, adoption flows), the most answered cases 1, the most adopted 1.
SUMMARY_QUERIES = 3


def test_statistics_take_a_fixed_number_of_queries(world, django_assert_num_queries):
    _many_cases(world, 1)
    with django_assert_num_queries(QUERIES):
        one = compute_statistics(scope=Scope.SUBMITTED, cycles=ALL_YEARS, include_award_rate=True, live=True)
    _many_cases(world, 99)
    with django_assert_num_queries(QUERIES):
        hundred = compute_statistics(scope=Scope.SUBMITTED, cycles=ALL_YEARS, include_award_rate=True, live=True)
    assert (one.case_count, hundred.case_count) == (1, 100)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the summaries are kept on PostgreSQL")
def test_statistics_from_the_summaries_take_fixed_queries_and_equal_the_live_ones(world, django_assert_num_queries):
    _many_cases(world, 1)
    with django_assert_num_queries(SUMMARY_QUERIES):
        one = compute_statistics(scope=Scope.SUBMITTED, cycles=ALL_YEARS, include_award_rate=True)
    _many_cases(world, 99)
    with django_assert_num_queries(SUMMARY_QUERIES):
        hundred = compute_statistics(scope=Scope.SUBMITTED, cycles=ALL_YEARS, include_award_rate=True)
    assert (one.case_count, hundred.case_count) == (1, 100)
    for scope in Scope.values:
        assert compute_statistics(scope=scope, cycles=ALL_YEARS, include_award_rate=True) == compute_statistics(
            scope=scope, cycles=ALL_YEARS, include_award_rate=True, live=True
        )


@pytest.mark.parametrize("url", ["/api/v1/stats/?scope=submitted", "/dashboard/?scope=submitted"])
def test_page_and_api_queries_are_the_same_for_1_and_100_cases(client, world, url):
    sign_in(client, ManagerFactory())
    _many_cases(world, 1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    _many_cases(world, 99)
    with CaptureQueriesContext(connection) as hundred:
        assert client.get(url).status_code == 200
    assert len(one) == len(hundred)


# --- Property: every table equals an independent plain-Python computation -----------------------

HALF = Fraction(1, 2)


def _percent(part: int, whole: int) -> float:
    return float(Fraction(floor(Fraction(part * 1000, whole) + HALF), 10)) if whole else 0.0


def _average(total: int, count: int) -> int:
    return floor(Fraction(total, count) + HALF) if count else 0


def _percent_of_float(share: float) -> float:
    """A share in [0, 1] as a percentage half-up to one decimal."""
    return float(Fraction(floor(Fraction(repr(float(share) * 100)) * 10 + HALF), 10))


def _ratio(numerator: int, denominator: int) -> float | None:
    return float(Fraction(floor(Fraction(numerator * 100, denominator) + HALF), 100)) if denominator else None


@dataclass
class Spec:
    tier: str
    population: int
    uses_ict: bool
    purpose: str
    obstacles: frozenset
    remedies: frozenset
    state: str
    year: int
    participation: str
    outcomes: list
    feedback: list  # (felt, moderation)
    pk: int = 0


spec_strategy = st.builds(
    Spec,
    tier=st.sampled_from(TIERS),
    population=st.integers(min_value=0, max_value=12_000_000),
    uses_ict=st.booleans(),
    purpose=st.sampled_from(PURPOSE_CODES),
    obstacles=st.frozensets(st.sampled_from(OBSTACLE_CODES)),
    remedies=st.frozensets(st.sampled_from(REMEDY_CODES)),
    state=st.sampled_from(STATES),
    year=st.sampled_from(ALL_YEARS),
    participation=st.sampled_from(ParticipationLevel.values),
    outcomes=st.lists(st.sampled_from(Verification.values), max_size=3),
    feedback=st.lists(
        st.tuples(st.sampled_from(FeltImprovement.values), st.sampled_from(ModerationState.values)), max_size=3
    ),
)


@st.composite
def filters(draw):
    scope = draw(st.sampled_from(["awarded", "submitted"]))
    years = PUBLISHED_YEARS if scope == "awarded" else ALL_YEARS
    chosen = draw(st.one_of(st.just(()), st.frozensets(st.sampled_from(years), min_size=1)))
    return scope, sorted(chosen)


def _create(world, spec: Spec) -> None:
    has_snapshot = spec.state != CaseState.DRAFT
    case = CaseFactory(
        cycle=world["cycles"][spec.year],
        government=world["governments"][spec.tier],
        state=spec.state,
        tier=spec.tier if has_snapshot else "",
        population=spec.population if has_snapshot else None,
        submitted_at=timezone.now() if has_snapshot else None,
        uses_ict=spec.uses_ict,
        purpose__code=spec.purpose,
        participation_level=spec.participation,
        obstacles=sorted(spec.obstacles),
        remedies=sorted(spec.remedies),
    )
    spec.pk = case.pk
    Outcome.objects.bulk_create(
        Outcome(case=case, indicator=f"Indicator {index}", verification=verification)
        for index, verification in enumerate(spec.outcomes)
    )
    CitizenFeedback.objects.bulk_create(
        CitizenFeedback(
            case=case,
            felt=felt,
            moderation=moderation,
            comment="" if moderation == ModerationState.NONE else "A comment",
            visitor=f"visitor-{index}",
        )
        for index, (felt, moderation) in enumerate(spec.feedback)
    )


@pytest.fixture
def manager_client(client):
    sign_in(client, ManagerFactory())
    return client


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=st.lists(spec_strategy, max_size=12), chosen=filters())
def test_every_table_equals_an_independent_computation(manager_client, world, specs, chosen):
    scope, years = chosen
    with transaction.atomic():
        for spec in specs:
            _create(world, spec)
        response = manager_client.get("/api/v1/stats/", {"scope": scope, "cycle": years})
        expected_years = years or list(PUBLISHED_YEARS if scope == "awarded" else ALL_YEARS)
        expected = _expected(world, specs, scope, expected_years, manager=True)
        transaction.set_rollback(True)
    assert response.status_code == 200
    data = response.json()
    assert (data["scope"], data["cycles"]) == (scope, expected_years)
    assert _actual(data) == expected


def _expected(world, specs: list[Spec], scope: str, years: list[int], manager: bool) -> dict:
    registry = list(LocalGovernment.objects.filter(is_active=True).values_list("tier", "population"))
    if scope == "awarded":
        scoped = [s for s in specs if s.state == "awarded" and s.year in PUBLISHED_YEARS and s.year in years]
    else:
        scoped = [s for s in specs if s.state in SUBMITTED and s.year in years]
    n = len(scoped)
    national_n = len(registry)

    tier_rows = []
    for key in [*TIERS, "total"]:
        mine = [s for s in scoped if key in ("total", s.tier)]
        theirs = [population for tier, population in registry if key in ("total", tier)]
        tier_rows.append(
            {
                "key": key,
                "cases": len(mine),
                "cases_percent": _percent(len(mine), n),
                "cases_avg_population": _average(sum(s.population for s in mine), len(mine)),
                "national": len(theirs),
                "national_percent": _percent(len(theirs), national_n),
                "national_avg_population": _average(sum(theirs), len(theirs)),
                "representation_ratio": _ratio(len(mine) * national_n, n * len(theirs)) if n else None,
            }
        )

    def ict_of(spec):
        return "ict" if spec.uses_ict else "non_ict"

    def by_column(row_keys, row_of, weight=lambda s: [1]):
        """Rows × non_ict/ict/total, column percentages; ``row_of(spec)`` yields the spec's row keys."""
        counts = {(r, c): 0 for r in row_keys for c in ("non_ict", "ict")}
        for spec in scoped:
            for r in row_of(spec):
                counts[(r, ict_of(spec))] += 1
        column_totals = {c: sum(counts[(r, c)] for r in row_keys) for c in ("non_ict", "ict")}
        column_totals["total"] = sum(column_totals.values())
        rows = {}
        for r in row_keys:
            values = [counts[(r, "non_ict")], counts[(r, "ict")]]
            values.append(sum(values))
            columns = ("non_ict", "ict", "total")
            rows[r] = [(v, _percent(v, column_totals[c])) for v, c in zip(values, columns, strict=True)]
        totals = [column_totals[c] for c in ("non_ict", "ict", "total")]
        rows["total"] = [(v, _percent(v, v)) for v in totals]
        return rows

    def reported(codes, attribute):
        rows = {}
        for ict in ("non_ict", "ict", "total"):
            mine = [s for s in scoped if ict in ("total", ict_of(s))]
            counts = [sum(1 for s in mine if code in getattr(s, attribute)) for code in codes]
            counts.append(sum(counts))
            rows[ict] = [(c, _percent(c, n)) for c in counts]
        return {"columns": [*codes, "total"], "rows": rows}

    def by_row(row_keys, column_keys, row_of, column_of):
        rows = {}
        for r in [*row_keys, "total"]:
            mine = [s for s in scoped if r == "total" or row_of(s) == r]
            counts = [sum(1 for s in mine if column_of(s) == c) for c in column_keys]
            counts.append(len(mine))
            rows[r] = [(c, _percent(c, len(mine))) for c in counts]
        return rows

    outcomes = [(v, s) for s in scoped for v in s.outcomes]
    verification_rows = {}
    order = ["verified", "partly", "not_verified", "pending"]
    totals = {c: sum(1 for _v, s in outcomes if c in ("total", ict_of(s))) for c in ("non_ict", "ict", "total")}
    for key in order:
        values = [sum(1 for v, s in outcomes if v == key and c in ("total", ict_of(s))) for c in totals]
        verification_rows[key] = [(v, _percent(v, totals[c])) for v, c in zip(values, totals, strict=True)]
    verification_rows["total"] = [(totals[c], _percent(totals[c], totals[c])) for c in totals]

    answers = [(felt, s) for s in scoped for felt, moderation in s.feedback if moderation != "rejected"]
    felt_totals = {c: sum(1 for _f, s in answers if c in ("total", ict_of(s))) for c in ("non_ict", "ict", "total")}
    feedback_rows = {}
    for key in FeltImprovement.values:
        values = [sum(1 for f, s in answers if f == key and c in ("total", ict_of(s))) for c in felt_totals]
        feedback_rows[key] = [(v, _percent(v, felt_totals[c])) for v, c in zip(values, felt_totals, strict=True)]
    feedback_rows["total"] = [(felt_totals[c], _percent(felt_totals[c], felt_totals[c])) for c in felt_totals]

    government_codes = {tier: government.code for tier, government in world["governments"].items()}
    felt_cases = []
    for s in scoped:
        if not (s.state == "awarded" and s.year in PUBLISHED_YEARS):
            continue
        counted = [felt for felt, moderation in s.feedback if moderation != "rejected"]
        if counted:
            felt_cases.append(
                {
                    "key": str(s.pk),
                    "cycle": s.year,
                    "responses": len(counted),
                    "yes": counted.count("yes"),
                    "no": counted.count("no"),
                    "not_sure": counted.count("not_sure"),
                    "felt_percent": _percent(counted.count("yes"), len(counted)),
                    "outcomes": len(s.outcomes),
                    "outcomes_verified": s.outcomes.count("verified"),
                    "_order": (-len(counted), -s.year, government_codes[s.tier], s.pk),
                }
            )
    felt_cases.sort(key=lambda row: row.pop("_order"))

    expected = {
        "case_count": n,
        "tier_representation": tier_rows,
        "purpose_by_ict": by_column(PURPOSE_CODES, lambda s: [s.purpose]),
        "obstacles_by_ict": reported(OBSTACLE_CODES, "obstacles"),
        "remedies_by_ict": reported(REMEDY_CODES, "remedies"),
        "ict_by_cycle": by_row([str(y) for y in years], ["non_ict", "ict"], lambda s: str(s.year), ict_of),
        "tier_by_cycle": by_row([str(y) for y in years], TIERS, lambda s: str(s.year), lambda s: s.tier),
        "outcome_verification": verification_rows,
        "citizen_feedback": feedback_rows,
        "felt_by_case": felt_cases,
        "participation_levels": by_column(ParticipationLevel.values, lambda s: [s.participation]),
    }
    if manager:
        rate_rows = []
        submitted = [s for s in specs if s.state in SUBMITTED and s.year in years]
        for key in [*TIERS, "total"]:
            mine = [s for s in submitted if key in ("total", s.tier)]
            awarded = sum(1 for s in mine if s.state == "awarded")
            low = high = None
            if mine:
                interval = binomtest(awarded, len(mine)).proportion_ci(method="wilson")
                low, high = (_percent_of_float(bound) for bound in (interval.low, interval.high))
            rate_rows.append(
                {
                    "key": key,
                    "submitted": len(mine),
                    "awarded": awarded,
                    "award_rate": _percent(awarded, len(mine)),
                    "award_rate_low": low,
                    "award_rate_high": high,
                }
            )
        expected["award_rate_by_tier"] = rate_rows
    return expected


def _actual(data: dict) -> dict:
    tables = data["tables"]

    def cells(table):
        return {row["key"]: [(c["count"], c["percent"]) for c in row["cells"]] for row in table["rows"]}

    def strip(rows):
        return [{k: v for k, v in row.items() if k not in ("label", "government")} for row in rows]

    actual = {
        "case_count": data["case_count"],
        "tier_representation": strip(tables["tier_representation"]["rows"]),
        "purpose_by_ict": cells(tables["purpose_by_ict"]),
        "obstacles_by_ict": {
            "columns": [c["key"] for c in tables["obstacles_by_ict"]["columns"]],
            "rows": cells(tables["obstacles_by_ict"]),
        },
        "remedies_by_ict": {
            "columns": [c["key"] for c in tables["remedies_by_ict"]["columns"]],
            "rows": cells(tables["remedies_by_ict"]),
        },
        "ict_by_cycle": cells(tables["ict_by_cycle"]),
        "tier_by_cycle": cells(tables["tier_by_cycle"]),
        "outcome_verification": cells(tables["outcome_verification"]),
        "citizen_feedback": cells(tables["citizen_feedback"]),
        "felt_by_case": strip(tables["felt_by_case"]["rows"]),
        "participation_levels": cells(tables["participation_levels"]),
    }
    if "award_rate_by_tier" in tables:
        actual["award_rate_by_tier"] = strip(tables["award_rate_by_tier"]["rows"])
    return actual
