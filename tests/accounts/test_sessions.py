"""Session limits (ASVS V3.3): 30 minutes idle, 12 hours in all; a warning can extend the idle time."""

import time

import pytest
import time_machine
from django.urls import reverse

from accounts import sessions
from tests.accounts.factories import ManagerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    with time_machine.travel(time.time(), tick=False) as traveller:
        yield traveller


def test_thirty_minutes_without_a_request_sign_out_with_a_message(client, clock):
    sign_in(client, ManagerFactory())
    assert client.get("/reviews/manage/").status_code == 200
    clock.shift(29 * 60 + 59)
    assert client.get("/reviews/manage/").status_code == 200
    clock.shift(30 * 60)
    response = client.get("/reviews/manage/?year=2098")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=%2Freviews%2Fmanage%2F%3Fyear%3D2098&expired=idle"
    assert "_auth_user_id" not in client.session
    assert client.session[sessions.EXPIRED_KEY] == {
        "reason": "idle",
        "minutes": 30,
        "path": "/reviews/manage/?year=2098",
        "method": "GET",
    }
    page = client.get(response.url).content.decode()
    assert "You were signed out after 30 minutes of inactivity." in page


def test_activity_keeps_the_session_but_twelve_hours_end_it(client, clock):
    sign_in(client, SubmitterFactory())
    for _ in range(23):
        clock.shift(29 * 60)
        assert client.get(reverse("cases:my_cases")).status_code == 200
    clock.shift(29 * 60)  # 11 h 36 min after signing in, active all along
    assert client.get(reverse("cases:my_cases")).status_code == 200
    clock.shift(24 * 60)
    response = client.get(reverse("cases:my_cases"))
    assert response.url.endswith("&expired=absolute")
    assert "a sign-in lasts at most 12 hours" in client.get(response.url).content.decode()


def test_asking_how_long_is_left_is_not_activity_but_extending_is(client, clock):
    sign_in(client, SubmitterFactory())
    clock.shift(20 * 60)
    assert client.get(reverse("accounts:session_status")).json() == {"signed_in": True, "seconds_left": 600}
    clock.shift(5 * 60)
    assert client.get(reverse("accounts:session_status")).json()["seconds_left"] == 300
    extended = client.post(reverse("accounts:session_extend"), HTTP_ACCEPT="application/json")
    assert extended.json() == {"signed_in": True, "seconds_left": 1800}
    clock.shift(31 * 60)
    expired = client.get(reverse("accounts:session_status"))
    assert expired.status_code == 401
    assert expired.json() == {"signed_in": False, "seconds_left": 0, "reason": "idle"}


def test_an_expired_session_on_the_api_is_a_json_401(client, clock):
    sign_in(client, SubmitterFactory())
    clock.shift(31 * 60)
    response = client.get("/api/v1/cases/")
    assert response.status_code == 401
    assert response.json()["code"] == "session_expired"


def test_an_expired_post_keeps_where_it_was_going_for_a_later_re_login(client, clock):
    sign_in(client, SubmitterFactory())
    clock.shift(31 * 60)
    response = client.post(reverse("accounts:password_change"), {"old_password": "x"})
    assert response.url == "/accounts/login/?next=%2Faccounts%2Fpassword%2F&expired=idle"
    assert client.session[sessions.EXPIRED_KEY]["method"] == "POST"


def test_signed_in_pages_carry_the_warning_dialog(client, clock):
    sign_in(client, SubmitterFactory())
    body = client.get(reverse("cases:my_cases")).content.decode()
    assert 'id="session-timeout"' in body and 'data-seconds-left="1800"' in body and 'data-warn-before="120"' in body
    assert 'role="alertdialog"' in body
    client.post(reverse("accounts:logout"))
    assert 'id="session-timeout"' not in client.get("/").content.decode()


def test_the_limits_are_settings(client, clock, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    sign_in(client, SubmitterFactory())
    clock.shift(5 * 60)
    assert client.get(reverse("cases:my_cases")).url.endswith("expired=idle")
