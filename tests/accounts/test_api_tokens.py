"""Personal API tokens: made and revoked on the account page, stored hashed, expiring, and a 401
with WWW-Authenticate whenever a token is not good."""

import datetime as dt
import hashlib

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import ApiToken
from core.errors import ApplicationError, NotAllowed
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db

ASSIGNMENTS = "/api/v1/review-assignments/"  # needs a signed-in client


def call(client, key, path=ASSIGNMENTS):
    return client.get(path, HTTP_AUTHORIZATION=f"Token {key}")


def test_a_token_made_on_the_account_page_is_shown_once_and_stored_hashed(client):
    reviewer = ReviewerFactory()
    sign_in(client, reviewer)
    response = client.post(reverse("accounts:create_api_token"), {"name": "export script", "valid_days": 30})
    assert response.status_code == 302
    page = client.get(reverse("accounts:account")).content.decode()
    token = ApiToken.objects.get(user=reviewer)
    key = client.session.get("accounts.new_api_key") or page.split('<code class="api-key">')[1].split("</code>")[0]
    assert key.startswith("lgia_") and len(key) > 40
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {token.name, token.prefix, token.key_hash}
    assert abs(token.expires_at - token.created_at - dt.timedelta(days=30)) < dt.timedelta(seconds=1)
    again = client.get(reverse("accounts:account")).content.decode()
    assert key not in again and "export script" in again and f"{token.prefix}…" in again


def test_a_token_authenticates_and_records_its_last_use():
    from rest_framework.test import APIClient

    reviewer = ReviewerFactory()
    token, key = services.create_api_token(actor=reviewer, name="script")
    client = APIClient()
    response = call(client, key)
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1 and "private" in response["Cache-Control"]
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("header", ["Token lgia_unknown", "Token", "Token a b", "Bearer lgia_unknown", "Token \xff"])
def test_a_bad_token_is_a_401_with_www_authenticate(client, header):
    response = client.get(ASSIGNMENTS, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_no_credentials_on_a_protected_endpoint_is_a_401_too(client):
    response = client.get(ASSIGNMENTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_expired_revoked_and_deactivated_tokens_are_refused(client):
    reviewer = ReviewerFactory()
    _token, key = services.create_api_token(actor=reviewer, name="script", valid_days=1)
    with time_machine.travel(timezone.now() + dt.timedelta(days=1, seconds=1)):
        expired = call(client, key)
    assert expired.status_code == 401
    assert "expired" in expired.json()["detail"]

    token, key = services.create_api_token(actor=reviewer, name="other")
    services.revoke_api_token(actor=reviewer, token=token)
    assert call(client, key).status_code == 401

    _token, key = services.create_api_token(actor=reviewer, name="third")
    reviewer.is_active = False
    reviewer.save()
    assert call(client, key).status_code == 401


def test_only_the_owner_revokes_a_token(client):
    owner, other = ReviewerFactory(), SubmitterFactory()
    token, _key = services.create_api_token(actor=owner, name="script")
    with pytest.raises(NotAllowed):
        services.revoke_api_token(actor=other, token=token)
    sign_in(client, other)
    assert client.post(reverse("accounts:revoke_api_token", args=[token.pk])).status_code == 404
    sign_in(client, owner)
    assert client.post(reverse("accounts:revoke_api_token", args=[token.pk])).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_token_needs_a_name_and_a_sane_lifetime():
    user = SubmitterFactory()
    with pytest.raises(ApplicationError) as refused:
        services.create_api_token(actor=user, name="  ")
    assert list(refused.value.fields) == ["name"]
    with pytest.raises(ApplicationError):
        services.create_api_token(actor=user, name="x", valid_days=400)
    assert (
        services.create_api_token(actor=user, name="x")[0].expires_at.date()
        == (timezone.now() + dt.timedelta(days=90)).date()
    )


def test_the_account_page_refuses_a_nameless_token_and_keeps_the_form(client):
    sign_in(client, SubmitterFactory())
    response = client.post(reverse("accounts:create_api_token"), {"name": "", "valid_days": 90})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_api_documents_the_token_scheme(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    assert schema["components"]["securitySchemes"]["tokenAuth"]["in"] == "header"
