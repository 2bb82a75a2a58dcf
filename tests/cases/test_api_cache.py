"""Anonymous pages of /api/v1/cases/ are cached under the revision: a repeated page costs one
query, and the next request after any committed write shows it (PostgreSQL; these tests commit)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import InnovationCase
from tests.cases.factories import AwardCycleFactory, CaseFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="revisions are kept by PostgreSQL triggers"),
]


def _ids(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/cases/", params)
    assert response.status_code == 200
    return [row["id"] for row in response.json()["results"]], len(queries)


def test_a_repeated_page_is_one_query_and_the_next_write_shows(client):
    cache.clear()
    cycle = AwardCycleFactory(year=2005, published=True)
    first = CaseFactory(awarded=True, cycle=cycle)
    ids, cold = _ids(client)
    again, warm = _ids(client)
    assert ids == again == [first.pk]
    assert warm == 1 and cold > warm

    second = CaseFactory(awarded=True, cycle=cycle)
    assert sorted(_ids(client)[0]) == sorted([first.pk, second.pk])
    InnovationCase.objects.filter(pk=first.pk).update(title="Renamed")
    response = client.get("/api/v1/cases/")
    assert {row["id"]: row["title"] for row in response.json()["results"]}[first.pk] == "Renamed"
    cycle.state = "deciding"
    cycle.save()
    assert _ids(client)[0] == []


def test_signed_in_users_are_not_served_the_anonymous_page(client):
    from tests.accounts.factories import ManagerFactory
    from tests.accounts.helpers import sign_in

    cache.clear()
    draft = CaseFactory()
    assert _ids(client)[0] == []
    sign_in(client, ManagerFactory())
    assert _ids(client)[0] == [draft.pk]


def test_an_uncached_page_is_a_fixed_number_of_queries(client):
    """The revision, the bounded count, the page's ids, then its rows in one round trip
    (cases.api.rows): the cases and each related list (participant kinds, obstacles, remedies,
    outcomes, attachments; the public never sees the revision thread); a ranked search reads its
    ranked ids (their number is the count) instead of counting, then the page's ids."""
    cycle = AwardCycleFactory(year=2005, published=True)
    CaseFactory.create_batch(3, awarded=True, cycle=cycle, summary="Groundwater wells")
    _ids(client, q="groundwater")  # the search looks up the database's extensions once per process
    for params in ({}, {"q": "groundwater"}):
        cache.clear()
        ids, cold = _ids(client, **params)
        assert len(ids) == 3 and cold == 4, params
    CaseFactory.create_batch(3, awarded=True, cycle=cycle, summary="Groundwater pumps")
    for params in ({}, {"q": "groundwater"}):
        cache.clear()
        ids, cold = _ids(client, **params)
        assert len(ids) == 6 and cold == 4, params
