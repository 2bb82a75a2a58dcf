"""The practices page caches its content (the filter form and a page of results, as HTML), its
filter choices and its counts under the revision (PostgreSQL; these tests commit): a repeated page
reads the revision alone; a new page of a filter already counted reads its own rows (a ranked
search its ranked ids too); and the next request after any committed write shows the write."""

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


def test_a_repeated_filtered_page_reads_the_revision_alone(client):
    cache.clear()
    cycle = AwardCycleFactory(year=2005, published=True)
    CaseFactory(awarded=True, cycle=cycle, uses_ict=True, title="Smart bins")
    CaseFactory(awarded=True, cycle=cycle, uses_ict=False, title="Paper forms")
    client.get(LIST)  # the session and the language

    titles, cold = _get(client, ict="true")
    again, warm = _get(client, ict="true")
    assert titles == again == ["Smart bins"]
    assert len(warm) == 1 and "core_revision" in warm[0]
    # The revision, the count of this filter and the page's rows; the choices came with the first page.
    assert len(cold) == 3
    # Another page of the same filter: its own rows (the count is known); page 2 of one is page 1.
    second, queries = _get(client, ict="true", page="2")
    assert second == ["Smart bins"] and len(queries) == 2 and "cases_innovationcase" in queries[1]
    cache.clear()
    # Nothing cached: the revision, the count, the five lists of filter choices (in one round trip)
    # and the page.
    assert len(_get(client, ict="true")[1]) == 4

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
    client.get(LIST, {"q": "books"})  # and which search extensions the database has (once a process)

    titles, cold = _get(client, q="groundwater")
    again, warm = _get(client, q="groundwater")
    assert titles == again == ["Groundwater wells", "Bus stops"]  # the better match first
    # The revision, the ranked ids (their number is the count), the page's rows by id; then cached.
    assert len(cold) == 3 and len(warm) == 1
    assert "ts_rank" in cold[1] and "ts_rank" not in cold[2] and "LIMIT" not in cold[2]

    InnovationCase.objects.filter(title="Libraries").update(summary="Groundwater books")
    assert len(_get(client, q="groundwater")[0]) == 3


def test_the_cached_content_is_the_language_s_the_filter_s_and_the_page_s_own(client):
    cache.clear()
    cycle = AwardCycleFactory(year=2005, published=True)
    for number in range(13):
        CaseFactory(
            awarded=True, cycle=cycle, uses_ict=True, title=f"ICT {number:02d}", title_local=f"정보 {number:02d}"
        )
    CaseFactory(awarded=True, cycle=cycle, uses_ict=False, title="Paper forms", title_local="종이 양식")

    def titles(**params):
        return _get(client, **params)[0]

    english = titles(ict="true")
    assert len(english) == 12 and english[0].startswith("ICT")
    assert titles(ict="false") == ["Paper forms"]
    second = titles(ict="true", page="2")
    assert len(second) == 1 and second[0].startswith("ICT") and second[0] not in english
    client.cookies["django_language"] = "ko"
    korean = titles(ict="true")
    assert len(korean) == 12 and all(title.startswith("정보") for title in korean)
    client.cookies["django_language"] = "en"
    assert titles(ict="true") == english


def test_a_filter_the_form_refuses_keeps_its_error_summary_when_cached(client):
    cache.clear()
    AwardCycleFactory(year=2005, published=True)
    for _attempt in range(2):
        html = client.get(LIST, {"cycle": "1999"}).content.decode()
        assert 'id="error-summary"' in html and "Some filters could not be applied" in html
    assert 'id="error-summary"' not in client.get(LIST).content.decode()
