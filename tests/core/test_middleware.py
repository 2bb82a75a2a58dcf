"""Headers on every answer: Permissions-Policy always; Cache-Control private, no-store for anything
answered to a signed-in person or to a client that sent credentials."""

import pytest

from accounts import services
from tests.accounts.factories import SubmitterFactory
from tests.accounts.helpers import sign_in

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
