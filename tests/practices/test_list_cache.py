"""The practices page caches its filter choices and its counts under the revision (PostgreSQL;
these tests commit): a repeated page reads the revision and its own rows, a ranked search one
query more (its ranked ids), and the next request after any committed write shows the write."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import InnovationCase, Purpose
from tests.cases.factories import AwardCycleFactory, CaseFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="revisions are kept by PostgreSQL triggers"),
]

LIST = reverse("practices:practice_list")


def _get(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, params)
    assert response.status_code == 200
    titles = re.findall(r'<h3 class="c-tit"><a href="[^"]+">([^<]+)</a>', response.content.decode())
    return titles, [query["sql"] for query in queries]


def test_a_repeated_filtered_page_reads_the_revision_and_its_rows(client):
    cache.clear()
    cycle = AwardCycleFactory(year=2005, published=True)
    CaseFactory(awarded=True, cycle=cycle, uses_ict=True, title="Smart bins")
    CaseFactory(awarded=True, cycle=cycle, uses_ict=False, title="Paper forms")
    client.get(LIST)  # the session and the language

    titles, cold = _get(client, ict="true")
    again, warm = _get(client, ict="true")
    assert titles == again == ["Smart bins"]
    assert len(warm) == 2 and "core_revision" in warm[0] and "cases_innovationcase" in warm[1]
    assert len(cold) == 3  # the count of this filter, once; the choices came with the first page
    cache.clear()
    # Nothing cached: the revision, the count, the five lists of filter choices and the page.
    assert len(_get(client, ict="true")[1]) == 8

    # A committed write shows on the next request: a new case in the count and the page, a
    # renamed purpose in the choices.
    CaseFactory(awarded=True, cycle=cycle, uses_ict=True, title="Open sensors")
    titles, _queries = _get(client, ict="true")
    assert sorted(titles) == ["Open sensors", "Smart bins"]
    purpose = Purpose.objects.filter(is_active=True).first()
    if purpose is not None:
        Purpose.objects.filter(pk=purpose.pk).update(name="Renamed purpose")
        assert "Renamed purpose" in client.get(LIST).content.decode()


def test_a_ranked_search_is_one_query_for_its_matches_and_one_for_the_page(client):
    cache.clear()
    cycle = AwardCycleFactory(year=2005, published=True)
    CaseFactory(awarded=True, cycle=cycle, title="Groundwater wells", summary="Groundwater for groundwater")
    CaseFactory(awarded=True, cycle=cycle, title="Bus stops", summary="Groundwater maps")
    CaseFactory(awarded=True, cycle=cycle, title="Libraries", summary="Books")
    client.get(LIST)

    titles, _cold = _get(client, q="groundwater")
    again, warm = _get(client, q="groundwater")
    assert titles == again == ["Groundwater wells", "Bus stops"]  # the better match first
    # The revision, the ranked ids (their number is the count), the page's rows by id.
    assert len(warm) == 3
    assert "ts_rank" in warm[1] and "ts_rank" not in warm[2] and "LIMIT" not in warm[2]

    InnovationCase.objects.filter(title="Libraries").update(summary="Groundwater books")
    assert len(_get(client, q="groundwater")[0]) == 3
