"""Query budget of one statistics table (``/api/v1/stats/<table_id>/``): only the requested table
is computed, in the same, exact number of queries for n and 10 n awarded cases (tests/querycount.py).

SQLite computes the tables live from the cases; PostgreSQL reads the maintained summaries
(docs/performance.md), so each has its own numbers. Anonymous requests, inside the test's
transaction: no session to read and no revision (nothing is cached), so the count is the filter
form's cycles plus the table's own queries."""

import pytest
from django.db import connection

from cases.demo import OBSTACLE_TYPES, REMEDY_TYPES, load_taxonomies
from cases.models import ParticipationLevel, Verification
from dashboard.statistics import TABLE_ORDER, TableId
from governments.models import Tier
from practices.models import FeltImprovement
from tests.cases.factories import AwardCycleFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory, CountyFactory, DistrictFactory, MetropolisFactory, ProvinceFactory
from tests.practices.factories import CitizenFeedbackFactory
from tests.querycount import assert_database_query_count

pytestmark = pytest.mark.django_db

N = 3
# table -> (SQLite, PostgreSQL): the filter form's cycles 1, then the table's own queries. SQLite:
# Table 1 its tiers and the national profile; the others a count of the cases in scope and their
# grouping (the taxonomy tables their entries too; Table 1 also the submitted pool of its tests;
# follow-ups and adoptions directly). PostgreSQL: one statement for the small reads
# (core.batched: the summaries' marginals with the national profile, the taxonomies, the
# follow-ups or the adoption flows a table shows), plus the rows of the most answered or the most
# adopted cases. Before, every table cost 14 on SQLite: all eleven were computed.
BUDGETS = {
    TableId.TIER_REPRESENTATION: (4, 2),
    TableId.PURPOSE_BY_ICT: (4, 2),
    TableId.OBSTACLES_BY_ICT: (4, 2),
    TableId.REMEDIES_BY_ICT: (4, 2),
    TableId.ICT_BY_CYCLE: (3, 2),
    TableId.TIER_BY_CYCLE: (3, 2),
    TableId.OUTCOME_VERIFICATION: (3, 2),
    TableId.CITIZEN_FEEDBACK: (3, 2),
    TableId.FELT_BY_CASE: (3, 2),
    TableId.PARTICIPATION_LEVELS: (3, 2),
    TableId.SERVICE_AREA_BY_ICT: (4, 2),
    TableId.OUTCOME_KIND_BY_ICT: (4, 2),
    TableId.JARGON_BY_CYCLE: (4, 2),
    TableId.SUSTAINABILITY: (3, 2),
    TableId.ADOPTION_FLOWS: (4, 3),
}
# Every table but the managers' award rate (an anonymous request gets 404 for it).
PUBLIC_TABLES = [table for table in TABLE_ORDER if table != TableId.AWARD_RATE_BY_TIER]


def _awarded_cases(n: int) -> None:
    """n awarded cases of two published cycles, spread over the tiers, ICT or not, each with
    obstacles, remedies, an outcome and a citizen's answer."""
    load_taxonomies()
    cycles = [AwardCycleFactory(year=2005, published=True), AwardCycleFactory(year=2006, published=True)]
    province, metropolis = ProvinceFactory(), MetropolisFactory()
    governments = {
        Tier.PROVINCE: province,
        Tier.METROPOLIS: metropolis,
        Tier.CITY: CityFactory(parent=province),
        Tier.DISTRICT: DistrictFactory(parent=metropolis),
        Tier.COUNTY: CountyFactory(parent=province),
    }
    tiers = list(governments)
    for index in range(n):
        case = CaseFactory(
            awarded=True,
            cycle=cycles[index % 2],
            government=governments[tiers[index % 5]],
            uses_ict=index % 2 == 0,
            participation_level=ParticipationLevel.values[index % 6],
            obstacles=[code for code, *_rest in OBSTACLE_TYPES[: 1 + index % 5]],
            remedies=[code for code, *_rest in REMEDY_TYPES[: 1 + index % 4]],
        )
        OutcomeFactory(case=case, verification=Verification.values[index % 4])
        CitizenFeedbackFactory(case=case, felt=FeltImprovement.values[index % 3])


def test_every_public_table_has_a_budget():
    assert set(BUDGETS) == set(PUBLIC_TABLES)


@pytest.mark.parametrize("n", [N, 10 * N])
@pytest.mark.parametrize("table_id", PUBLIC_TABLES)
def test_one_table_computes_only_that_table(client, table_id, n):
    _awarded_cases(n)
    sqlite, postgresql = BUDGETS[table_id]
    with assert_database_query_count(postgresql if connection.vendor == "postgresql" else sqlite):
        response = client.get(f"/api/v1/stats/{table_id}/")
    assert response.status_code == 200
    assert response.json()["id"] == table_id
