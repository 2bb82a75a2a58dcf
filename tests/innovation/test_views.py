import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ko"])
def test_home_renders_in_both_languages(client, language):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_home_is_in_korean_when_asked(client):
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "지방자치단체 혁신상" in body
    assert "본문 바로가기" in body


def test_language_switcher_sets_the_language(client):
    response = client.post(reverse("set_language"), {"language": "ko", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert '<html lang="ko">' in response.content.decode()


def test_layout_has_skip_link_landmarks_and_demo_notice(client, settings):
    settings.OFFICIAL_SITE = False
    body = client.get(reverse("home")).content.decode()
    assert 'href="#main-content"' in body
    assert 'id="main-content"' in body
    assert "<nav" in body and "<footer" in body
    assert "Demonstration site" in body
    assert "krds-masthead" not in body
    assert "Team POPONG (CC BY 3.0)" in body


def test_official_masthead_only_when_the_setting_says_so(client, settings):
    settings.OFFICIAL_SITE = True
    body = client.get(reverse("home")).content.decode()
    assert "krds-masthead" in body
    assert "Demonstration site" not in body


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("home")).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
