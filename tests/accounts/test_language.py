"""People's names in both languages and the language a user uses (for their e-mails)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.services import remember_language
from reviews.notifications import recipient_language
from tests.accounts.factories import ReviewerFactory, SubmitterFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def test_display_name_is_the_korean_name_on_korean_pages_and_the_romanised_one_in_english():
    user = ReviewerFactory(first_name="Min-jun", last_name="Kim", name_local="김민준")
    with translation.override("ko"):
        assert user.display_name == "김민준"
        assert user.get_full_name() == "김민준"
    with translation.override("en"):
        assert user.display_name == "Min-jun Kim"


@pytest.mark.parametrize(
    ("first", "last", "local", "english", "korean"),
    [
        ("", "", "이서연", "이서연", "이서연"),  # only a Korean name: shown in English too
        ("Ji-ho", "Park", "", "Ji-ho Park", "Ji-ho Park"),  # no Korean name: the romanised one
        ("", "", "", "rev-nobody", "rev-nobody"),  # no name at all: the username
    ],
)
def test_display_name_falls_back(first, last, local, english, korean):
    user = ReviewerFactory(username="rev-nobody", first_name=first, last_name=last, name_local=local)
    with translation.override("en"):
        assert user.display_name == english
    with translation.override("ko"):
        assert user.display_name == korean


def test_the_header_shows_the_korean_name_on_korean_pages(client):
    user = SubmitterFactory(first_name="Hyun-woo", last_name="Jung", name_local="정현우")
    client.force_login(user)
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "정현우" in body
    assert "Hyun-woo" not in body


def test_signing_in_remembers_the_language_of_the_page(client):
    user = ReviewerFactory(username="rev-kim")
    assert user.language == ""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    response = client.post(reverse("accounts:login"), {"username": "rev-kim", "password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "ko"
    assert recipient_language(user) == "ko"


def test_switching_language_remembers_it_for_a_signed_in_user_only(client):
    user = ReviewerFactory()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "en"
    client.logout()
    client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"


def test_an_unknown_language_is_ignored(client):
    user = ReviewerFactory()
    client.force_login(user)  # signing in sets the language of that request (English here) ...
    remember_language(user=user, language="ko")  # ... then they switched to Korean
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "ko"
    assert remember_language(user=user, language="de") is False
    assert remember_language(user=user, language="en-GB") is True
    user.refresh_from_db()
    assert user.language == "en"


def test_the_language_switch_is_a_post_only(client):
    assert client.get(reverse("set_language")).status_code == 405


def test_someone_who_never_chose_gets_the_site_default(settings):
    settings.LANGUAGE_CODE = "ko"
    assert recipient_language(ReviewerFactory()) == "ko"
    assert recipient_language(ReviewerFactory(language="en")) == "en"
