"""core/middleware.py: headers on every answer (Permissions-Policy; Cache-Control private, no-store for
answers to signed-in people or clients that sent credentials), and hostile input refused with a
clear 4xx on every endpoint, never a server error (tested on PostgreSQL too, where a NUL byte in a
lookup used to raise psycopg.DataError)."""

import json

import pytest
from rest_framework.test import APIClient

from accounts import services
from core.parsers import JSON_MAX_DEPTH, json_depth
from tests.accounts.factories import SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.api_errors import api_error
from tests.cases.factories import AwardCycleFactory

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/api/v1/governments/", "/healthz", "/nowhere/"])
def test_every_answer_sends_permissions_policy(client, path):
    response = client.get(path)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_for_visitors_may_be_cached(client):
    assert not no_store(client.get("/"))
    assert not no_store(client.get("/api/v1/governments/"))


def test_signed_in_pages_and_api_answers_are_private_and_not_stored(client):
    sign_in(client, SubmitterFactory())
    assert no_store(client.get("/"))
    assert no_store(client.get("/api/v1/governments/"))


def test_token_answers_are_private_and_not_stored_even_when_refused(client):
    _token, key = services.create_api_token(actor=SubmitterFactory(), name="script")
    assert no_store(client.get("/api/v1/governments/", HTTP_AUTHORIZATION=f"Token {key}"))
    assert no_store(client.get("/api/v1/governments/", HTTP_AUTHORIZATION="Token wrong"))


NUL_MESSAGE = "The address contains characters that are not allowed (such as NUL)."


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/governments/%00/",
        "/api/v1/governments/?code=%00",
        "/api/v1/cases/?q=a%00b",
        "/api/v1/cases/?purpose=%01",
        "/api/v1/review-cycles/%00/",
        "/api/v1/stats/?cycle=%00",
        "/api/v1/cases/?%00=x",
    ],
)
def test_control_characters_in_an_api_address_are_a_json_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == api_error(400, NUL_MESSAGE, code="bad_request")


@pytest.mark.parametrize("url", ["/practices/?q=%00", "/dashboard/?cycle=%7f", "/my/cases/?x=%00"])
def test_control_characters_in_a_page_address_are_a_400_page(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_tabs_and_line_breaks_in_a_search_are_fine(client):
    assert client.get("/practices/", {"q": "bird\tmigration\r\n"}).status_code == 200


def test_nul_in_a_form_field_is_a_form_error_not_a_server_error(client):
    submitter = SubmitterFactory()
    AwardCycleFactory()
    client.force_login(submitter)
    response = client.post("/my/cases/new/", {"title": "a\x00b"})
    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()


def test_json_depth_counts_brackets_outside_strings():
    assert json_depth('{"a": [1, {"b": "[[[[{"}]}') == 3
    assert json_depth("[]") == 1
    assert json_depth('"[[["') == 0


@pytest.mark.parametrize("depth", [JSON_MAX_DEPTH + 1, 3000])
def test_a_deeply_nested_json_body_is_a_json_400(depth):
    api = APIClient()
    api.force_authenticate(SubmitterFactory())
    body = "[" * depth + "]" * depth
    response = api.post("/api/v1/cases/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == api_error(
        400, f"The JSON body is nested more than {JSON_MAX_DEPTH} levels deep.", code="parse_error"
    )


def test_a_body_that_is_not_utf8_is_a_json_400():
    api = APIClient()
    api.force_authenticate(SubmitterFactory())
    response = api.post("/api/v1/cases/", data=b"\xff\xfe{}", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_json_at_the_depth_limit_is_parsed():
    api = APIClient()
    api.force_authenticate(SubmitterFactory())
    nested = json.dumps({"title": "x", "outcomes": [{"indicator": "y"}]})
    assert json_depth(nested) == 3
    response = api.post("/api/v1/cases/", data=nested, content_type="application/json")
    assert response.status_code == 400  # parsed and validated: a case needs its cycle
    assert response.json()["fields"] == {"cycle": ["Give the year of the award cycle."]}
