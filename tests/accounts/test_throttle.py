"""Sign-in throttling: it slows guessing, yet nobody's failures from one address can refuse the
owner's correct password from another (issue 12)."""

import ipaddress
import time

import pytest
import time_machine
from django.urls import reverse

from tests.accounts.factories import SubmitterFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOGIN = "/accounts/login/"


def attempt(client, username, password, address):
    client.cookies.clear()
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_failures_from_one_address_never_refuse_the_correct_password_from_another(client):
    SubmitterFactory(username="gumi")
    for _ in range(40):  # past the per-username delay and the per-address limit of the attacker
        attempt(client, "gumi", "wrong-guess", "203.0.113.66")
    assert attempt(client, "gumi", PASSWORD, "203.0.113.66").status_code == 429

    response = attempt(client, "gumi", PASSWORD, "198.51.100.7")

    assert response.status_code == 302
    assert response.wsgi_request.user.username == "gumi"


def test_after_five_failures_the_same_address_waits_and_is_told_how_long_with_a_reset_link(client):
    SubmitterFactory(username="gumi")
    for _ in range(5):
        assert attempt(client, "gumi", "wrong-guess", "203.0.113.5").status_code == 200

    response = attempt(client, "gumi", PASSWORD, "203.0.113.5")

    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "Too many failed sign-ins for this username. Wait 30 seconds and try again." in body
    assert f'<a href="{reverse("accounts:password_reset")}">Forgot your password? Reset it.</a>' in body
    assert not response.wsgi_request.user.is_authenticated


def test_the_delay_doubles_with_each_further_failure_and_then_the_correct_password_works(client):
    SubmitterFactory(username="gumi")
    address = "203.0.113.5"
    with time_machine.travel(time.time(), tick=False) as clock:
        for _ in range(5):
            attempt(client, "gumi", "wrong-guess", address)
        clock.shift(29)
        assert attempt(client, "gumi", PASSWORD, address).status_code == 429
        clock.shift(1)
        assert attempt(client, "gumi", "wrong-again", address).status_code == 200  # sixth failure
        response = attempt(client, "gumi", PASSWORD, address)
        assert response.status_code == 429 and response["Retry-After"] == "60"
        clock.shift(60)
        assert attempt(client, "gumi", PASSWORD, address).status_code == 302


def test_a_success_clears_the_failures_of_that_address(client):
    SubmitterFactory(username="gumi")
    for _ in range(4):
        attempt(client, "gumi", "wrong-guess", "203.0.113.5")
    assert attempt(client, "gumi", PASSWORD, "203.0.113.5").status_code == 302
    for _ in range(4):
        attempt(client, "gumi", "wrong-guess", "203.0.113.5")
    assert attempt(client, "gumi", PASSWORD, "203.0.113.5").status_code == 302


def test_one_password_sprayed_over_many_usernames_from_one_address_is_stopped(client, settings):
    for number in range(35):
        SubmitterFactory(username=f"staff{number}")
    statuses = [attempt(client, f"staff{n}", "Spring2026!", "203.0.113.9").status_code for n in range(35)]
    assert statuses == [200] * 30 + [429] * 5

    refused = attempt(client, "staff34", PASSWORD, "203.0.113.9")
    assert refused.status_code == 429
    assert "Too many failed sign-ins from your network. Wait 15 minutes and try again." in refused.content.decode()
    assert attempt(client, "staff34", PASSWORD, "198.51.100.7").status_code == 302


def test_an_office_behind_one_shared_address_gets_the_factor_and_an_address_outside_does_not(client, settings):
    settings.LOGIN_SHARED_NETWORKS = [ipaddress.ip_network("203.0.113.0/24"), ipaddress.ip_network("2001:db8::/48")]
    settings.LOGIN_SHARED_NETWORK_FACTOR = 2
    SubmitterFactory(username="gumi")
    for office, outside in [("203.0.113.9", "198.51.100.9"), ("2001:db8::7", "2001:db9::7")]:
        office_typos = [attempt(client, f"staff{n}", "typo", office).status_code for n in range(61)]
        assert office_typos == [200] * 60 + [429]  # 2 × 30 failures of different people, then the limit
        outside_guesses = [attempt(client, f"staff{n}", "guess", outside).status_code for n in range(31)]
        assert outside_guesses == [200] * 30 + [429]


def test_the_address_limit_ends_with_its_window(client):
    SubmitterFactory(username="gumi")
    with time_machine.travel(time.time(), tick=False) as clock:
        for number in range(30):
            attempt(client, f"nobody{number}", "guess", "203.0.113.9")
        assert attempt(client, "gumi", PASSWORD, "203.0.113.9").status_code == 429
        clock.shift(15 * 60)
        assert attempt(client, "gumi", PASSWORD, "203.0.113.9").status_code == 302


def test_usernames_are_throttled_whatever_their_case_or_spaces(client):
    SubmitterFactory(username="gumi")
    for variant in ["gumi", "GUMI", " Gumi", "gumi ", "GuMi"]:
        attempt(client, variant, "wrong-guess", "203.0.113.5")
    assert attempt(client, "gumi", PASSWORD, "203.0.113.5").status_code == 429


def test_the_admin_login_goes_through_the_same_throttle(client):
    SubmitterFactory(username="operator", is_staff=True)
    for _ in range(5):
        client.post("/admin/login/", {"username": "operator", "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
    response = client.post("/admin/login/", {"username": "operator", "password": PASSWORD}, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 200  # the admin's own form: refused like a wrong password
    assert "_auth_user_id" not in client.session


def test_the_korean_login_page_says_how_long_to_wait(client):
    SubmitterFactory(username="gumi")
    for _ in range(5):
        attempt(client, "gumi", "wrong-guess", "203.0.113.5")
    client.cookies.clear()
    response = client.post(
        LOGIN, {"username": "gumi", "password": PASSWORD}, REMOTE_ADDR="203.0.113.5", HTTP_ACCEPT_LANGUAGE="ko"
    )
    assert response.status_code == 429
    assert "30초" in response.content.decode()
