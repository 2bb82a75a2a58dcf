"""Keyset pages of /api/v1/cases/: every case once, in the list's order, forwards and back; a page
link that was tampered with is a 400, not a server error."""

from urllib.parse import parse_qs, urlparse

import pytest
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from cases.api.pagination import COUNT_CAP, CaseCursorPagination, encode
from cases.models import InnovationCase
from tests.cases.factories import AwardCycleFactory, CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    cycles = [AwardCycleFactory(year=year, published=True) for year in (2005, 2006)]
    return [CaseFactory(awarded=True, cycle=cycles[index % 2]) for index in range(7)]


def _page(query: dict, size: int = 3):
    paginator = CaseCursorPagination()
    paginator.page_size = size
    request = Request(APIRequestFactory().get("/api/v1/cases/", query))
    rows = paginator.paginate_queryset(InnovationCase.objects.order_by("sort_key"), request)
    return rows, paginator.get_paginated_response([row.pk for row in rows]).data


def _cursor(link: str | None) -> dict:
    return {"cursor": parse_qs(urlparse(link).query)["cursor"][0]} if link else {}


def test_next_links_walk_every_case_once_in_order_and_previous_links_walk_back(cases):
    expected = list(InnovationCase.objects.order_by("sort_key").values_list("pk", flat=True))
    seen, pages, query = [], [], {}
    while True:
        _rows, body = _page(query)
        assert (body["count"], body["count_capped"]) == (7, False)
        seen += body["results"]
        pages.append(body)
        if not body["next"]:
            break
        query = _cursor(body["next"])
    assert seen == expected
    assert [len(page["results"]) for page in pages] == [3, 3, 1]
    assert pages[0]["previous"] is None
    _rows, back = _page(_cursor(pages[2]["previous"]))
    assert back["results"] == expected[3:6]
    _rows, first = _page(_cursor(back["previous"]))
    assert first["results"] == expected[:3] and first["previous"] is None


@pytest.mark.parametrize(
    "cursor",
    ["garbage", encode({"after": 5}), encode({"offset": 3}), encode({"after": "x" * 65}), encode([1]), "%00"],
)
def test_a_bad_cursor_is_a_400_that_says_so(client, cases, cursor):
    response = client.get("/api/v1/cases/", {"cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.content.decode()


def test_the_api_list_says_how_many_up_to_the_cap(client, cases):
    body = client.get("/api/v1/cases/").json()
    assert (body["count"], body["count_capped"], body["next"], body["previous"]) == (7, False, None, None)
    assert COUNT_CAP == 1_000
