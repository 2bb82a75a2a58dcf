"""The stats API and the dashboard cache their answers under the revision: a handful of queries
whatever the data, and the next request after any committed write shows it (PostgreSQL, where the
triggers keep the revision; these tests commit, as production does)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.demo import load_taxonomies
from cases.models import CaseObstacle, CycleState, ObstacleType
from core import revisions
from governments.models import LocalGovernment
from practices.models import CitizenFeedback
from tests.accounts.factories import ManagerFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, CaseFactory
from tests.governments.factories import CityFactory, ProvinceFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="revisions are kept by PostgreSQL triggers"),
]

# A cold request: revision 1, the filter form's cycles 1, one statement for the small reads (the
# summary's marginals, the national profile, the taxonomies, follow-ups and adoption flows:
# core.batched), the most answered cases 1 and the most adopted 1. A warm one: the revision only.
COLD = 5
WARM = 1


@pytest.fixture(autouse=True, params=["local memory", "redis"])
def shared_cache(request):
    """Each test on the tests' local-memory cache and on Redis as in production, where each process
    also keeps copies of the answers (``core.cache.LocalCopies``)."""
    if request.param == "redis":
        request.getfixturevalue("redis_default_cache")


@pytest.fixture
def world():
    cache.clear()
    load_taxonomies()
    cycle = AwardCycleFactory(year=2005, published=True, closed=True)
    province = ProvinceFactory(population=2_000_000)
    city = CityFactory(parent=province, population=300_000)
    CaseFactory(awarded=True, cycle=cycle, government=city, population=300_000, obstacles=["lack_of_resources"])
    return {"cycle": cycle, "province": province, "city": city}


def _get(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, len(queries)


def _tier_total(client):
    response, _count = _get(client, "/api/v1/stats/")
    rows = response.json()["tables"]["tier_representation"]["rows"]
    return {row["key"]: row for row in rows}


def test_stats_take_a_fixed_number_of_queries_cold_and_one_warm(client, world):
    first, cold = _get(client, "/api/v1/stats/")
    second, warm = _get(client, "/api/v1/stats/")
    assert (cold, warm) == (COLD, WARM)
    assert first.json() == second.json()
    assert first.json()["case_count"] == 1


def _tables_read(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries), " ".join(query["sql"] for query in queries)


def test_one_table_reads_only_what_it_needs(client, world):
    cold, sql = _tables_read(client, "/api/v1/stats/obstacles_by_ict/")
    # revision, cycles, one statement for the summary rows and the obstacle types
    assert cold == 3
    assert "cases_obstacletype" in sql
    assert "governments_localgovernment" not in sql  # no national profile
    assert "practices_" not in sql  # no most answered cases
    cold, sql = _tables_read(client, "/api/v1/stats/tier_representation/")
    assert cold == 2  # revision, the summary rows with the national profile (the cycles were cached by the first)
    assert "governments_localgovernment" in sql
    assert "cases_obstacletype" not in sql
    warm, _sql = _tables_read(client, "/api/v1/stats/tier_representation/")
    assert warm == WARM


def test_the_next_request_after_any_write_shows_it(client, world):
    before = _tier_total(client)
    assert before["city"]["cases"] == 1

    CaseFactory(awarded=True, cycle=world["cycle"], government=world["city"], population=300_000)
    assert _tier_total(client)["city"]["cases"] == 2

    # A bulk update, as a data fix would do it.
    from cases.models import InnovationCase

    InnovationCase.objects.filter(cycle=world["cycle"]).update(uses_ict=True)
    ict = _get(client, "/api/v1/stats/purpose_by_ict/")[0].json()
    assert ict["rows"][-1]["cells"][1]["count"] == 2

    # A registry change moves the national profile.
    LocalGovernment.objects.filter(pk=world["province"].pk).update(population=4_000_000)
    assert _tier_total(client)["province"]["national_avg_population"] == 4_000_000

    # A taxonomy renamed in the admin.
    ObstacleType.objects.filter(code="lack_of_resources").update(name="Too little money")
    table = _get(client, "/api/v1/stats/obstacles_by_ict/")[0].json()
    assert table["columns"][0]["label"] == "Too little money"

    # An obstacle removed.
    CaseObstacle.objects.all().delete()
    table = _get(client, "/api/v1/stats/obstacles_by_ict/")[0].json()
    assert table["rows"][-1]["cells"][-1]["count"] == 0

    # Citizen feedback.
    case = InnovationCase.objects.first()
    CitizenFeedback.objects.create(case=case, felt="yes", visitor="v1")
    felt = _get(client, "/api/v1/stats/felt_by_case/")[0].json()
    assert [(row["key"], row["responses"]) for row in felt["rows"]] == [(str(case.pk), 1)]

    # The cycle taken back from publication: nothing is public any more.
    world["cycle"].state = CycleState.DECIDING
    world["cycle"].save()
    response = client.get("/api/v1/stats/")
    assert response.status_code == 200
    assert response.json()["case_count"] == 0


def test_the_dashboard_page_is_cached_and_shows_the_next_write(client, world):
    _first, cold = _get(client, "/dashboard/")
    second, warm = _get(client, "/dashboard/")
    assert warm < cold
    assert b"Table 1" in second.content
    CaseFactory(awarded=True, cycle=world["cycle"], government=world["city"], population=300_000)
    third, _count = _get(client, "/dashboard/")
    assert third.context["statistics"].case_count == 2


def test_a_manager_sees_the_award_rate_and_anonymous_visitors_do_not_share_it(client, world):
    _get(client, "/api/v1/stats/")  # cached for anonymous visitors
    sign_in(client, ManagerFactory())
    tables = _get(client, "/api/v1/stats/", scope="submitted")[0].json()["tables"]
    assert "award_rate_by_tier" in tables
    client.logout()
    assert "award_rate_by_tier" not in _get(client, "/api/v1/stats/")[0].json()["tables"]


def test_nothing_is_cached_inside_a_transaction(world):
    from django.db import transaction

    assert revisions.current() is not None
    with transaction.atomic():
        assert revisions.current() is None


def test_the_revision_changes_with_every_committed_write_and_only_then(world):
    first = revisions.current()
    assert revisions.current() == first
    CaseFactory(cycle=world["cycle"], government=world["city"])
    second = revisions.current()
    assert second != first
    LocalGovernment.objects.filter(pk=world["city"].pk).update(population=1)
    assert revisions.current() not in (first, second)


def test_a_cached_gzipped_answer_is_the_same_json(client, world):
    import gzip
    import json

    plain = client.get("/api/v1/stats/").json()
    for _ in range(2):  # the second is served from the cache
        packed = client.get("/api/v1/stats/", HTTP_ACCEPT_ENCODING="gzip")
        assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
        assert json.loads(gzip.decompress(packed.content)) == plain


def test_the_revision_is_one_prepared_statement_that_survives_a_lost_statement_and_a_new_connection(world):
    """``revisions._read``: EXECUTE of a statement the connection prepared once (not counted among
    the request's queries, as Django's own session setup is not), prepared again when the session
    lost it (DISCARD ALL, a pooler's other connection) or the connection is new."""
    from tests.querycount import assert_database_query_count

    first = revisions.current()
    with assert_database_query_count(1) as queries:
        assert revisions.current() == first
    assert queries == [f"EXECUTE {revisions.STATEMENT}"]
    connection._revision_statement_on = None  # prepared already, and prepared again
    assert revisions.current() == first
    with connection.connection.cursor() as raw:
        raw.execute("DISCARD ALL")
    assert revisions.current() == first
    connection.close()
    assert revisions.current() == first
    CaseFactory(cycle=world["cycle"], government=world["city"])
    assert revisions.current() != first
