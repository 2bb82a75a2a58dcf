import pytest
from django.urls import reverse

from tests.accounts.factories import ManagerFactory, SubmitterFactory

pytestmark = pytest.mark.django_db


def test_login_page_renders_in_english_and_korean(client):
    english = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en")
    korean = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="ko")
    assert english.status_code == korean.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="ko">' in korean.content.decode()
    assert "로그인" in korean.content.decode()


def test_login_with_correct_password_signs_in(client):
    SubmitterFactory(username="gumi")
    response = client.post(reverse("accounts:login"), {"username": "gumi", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response.wsgi_request.user.username == "gumi"


def test_login_with_a_wrong_password_shows_an_error_and_keeps_the_username(client):
    SubmitterFactory(username="gumi")
    response = client.post(reverse("accounts:login"), {"username": "gumi", "password": "wrong"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please enter a correct username and password" in body
    assert 'value="gumi"' in body
    assert not response.wsgi_request.user.is_authenticated


def test_logout_requires_post_and_signs_out(client):
    client.force_login(ManagerFactory())
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change_requires_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_password_change_enforces_the_password_validators(client):
    user = SubmitterFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "correct-horse-battery", "new_password1": "short", "new_password2": "short"},
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("correct-horse-battery")


def test_navigation_shows_what_the_role_may_use(client):
    client.force_login(SubmitterFactory())
    body = client.get(reverse("home")).content.decode()
    assert "Log out" in body
    assert "Log in" not in body
