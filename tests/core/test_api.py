"""Every error of every API endpoint has the one shape of core/api.py, also the errors that happen
before a view runs (unknown URL, body too large) and DRF's own (405, 415, 429, 401)."""

import json

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import ApiToken
from tests.accounts.factories import SubmitterFactory
from tests.api_errors import api_error

pytestmark = pytest.mark.django_db

SHAPE = {"status", "code", "detail", "fields", "problems"}


def test_unknown_url_under_the_api_is_json_404(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == api_error(404, "Not found.", code="not_found")


def test_unknown_url_of_the_site_stays_an_html_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_method_not_allowed_is_json_405(client):
    client.force_login(SubmitterFactory())
    response = client.delete("/api/v1/governments/")
    assert response.status_code == 405
    assert response.json() == api_error(405, 'Method "DELETE" not allowed.', code="method_not_allowed")


def test_unsupported_media_type_is_json_415():
    api = APIClient()
    api.force_authenticate(SubmitterFactory())
    response = api.post("/api/v1/cases/", data="title=x", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"
    assert set(response.json()) == SHAPE


def test_malformed_json_is_json_400():
    api = APIClient()
    api.force_authenticate(SubmitterFactory())
    response = api.post("/api/v1/cases/", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert set(response.json()) == SHAPE


def test_a_body_over_the_limit_is_json_413(settings, client):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(SubmitterFactory())
    response = client.post("/api/v1/cases/", data=json.dumps({"title": "x" * 2000}), content_type="application/json")
    assert response.status_code == 413
    assert response.json() == api_error(413, "The request body is too large.", code="request_too_large")


def test_an_invalid_token_is_401_with_www_authenticate():
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    response = api.get("/api/v1/cases/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == api_error(401, "Invalid token.", code="authentication_failed")
    assert ApiToken.objects.count() == 0


def test_throttled_is_json_429_with_retry_after(monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    # The throttles read their rates once, at import; give them a small one for this test only.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "2/minute"})
    cache.clear()
    api = APIClient()
    statuses = [api.get("/api/v1/governments/").status_code for _ in range(3)]
    response = api.get("/api/v1/governments/")
    cache.clear()
    assert statuses == [200, 200, 429]
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert set(response.json()) == SHAPE
    assert int(response["Retry-After"]) >= 1


def test_anonymous_clients_count_against_the_anonymous_rate_only(monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    # The user throttle leaves anonymous clients to the anonymous one (two cache round trips less).
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "1/minute"})
    cache.clear()
    api = APIClient()
    statuses = [api.get("/api/v1/governments/").status_code for _ in range(4)]
    cache.clear()
    assert statuses == [200, 200, 200, 429]
