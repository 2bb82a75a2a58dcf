"""Every error the site answers is a branded page in the visitor's language, extending the layout
and leading back home: 400, 403 (and a refused CSRF token), 404, 405, 413, 429 (the login lockout,
saying how long to wait) and 500 — which renders even with the database and the context processors
failing. Under /api/ the same errors keep the API's JSON shape."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import SubmitterFactory

ERROR_URLS = "tests.innovation.error_urls"

TITLES = {
    400: ("The request could not be understood", "요청을 이해할 수 없습니다"),
    403: ("You cannot open this page", "이 페이지를 열 수 없습니다"),
    404: ("Page not found", "페이지를 찾을 수 없습니다"),
    405: ("This page cannot be opened this way", "이 페이지는 이렇게 열 수 없습니다"),
    413: ("What you sent is too large", "보내신 내용이 너무 큽니다"),
    429: ("Too many requests", "요청이 너무 많습니다"),
    500: ("Something went wrong on our side", "서비스에 문제가 생겼습니다"),
}
HOME_LINK = ("Back to the home page", "홈으로 돌아가기")
LANGUAGES = [("en", 0), ("ko", 1)]


def assert_branded(response, status, language, index):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert f'id="error-page" data-status="{status}"' in body
    title = TITLES[status][index]
    assert f'<h1 id="error-title">{title}</h1>' in body
    assert f"<title>{title} | " in body
    assert re.search(rf'<a class="krds-btn primary" id="error-home-link" href="/">{HOME_LINK[index]}</a>', body)
    assert 'id="krds-header"' in body and "<footer" in body  # the site's layout
    assert response["Cache-Control"].startswith("max-age=0")
    return body


pytestmark = pytest.mark.urls(ERROR_URLS)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_400_for_a_malformed_request(client, language, index):
    response = client.get("/test-errors/suspicious/", HTTP_ACCEPT_LANGUAGE=language)
    body = assert_branded(response, 400, language, index)
    assert ("Nothing was changed.", "아무것도 바뀌지 않았습니다.")[index] in body


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_403_offers_to_log_in_to_a_visitor(client, language, index):
    body = assert_branded(client.get("/test-errors/forbidden/", HTTP_ACCEPT_LANGUAGE=language), 403, language, index)
    assert 'id="error-login-link" href="/accounts/login/?next=/test-errors/forbidden/"' in body
    client.force_login(SubmitterFactory())
    body = assert_branded(client.get("/test-errors/forbidden/", HTTP_ACCEPT_LANGUAGE=language), 403, language, index)
    assert "error-login-link" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_a_refused_csrf_token_is_a_branded_403_that_says_what_to_do(language, index):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 403
    body = response.content.decode()
    assert ("The form could not be sent", "양식을 보낼 수 없었습니다")[index] in body
    assert ("Back button", "뒤로")[index] in body
    assert HOME_LINK[index] in body
    api = client.post("/api/v1/cases/", {"title": "x"}, HTTP_ACCEPT_LANGUAGE=language)
    assert api.status_code in (401, 403)  # token authentication answers before any CSRF check
    assert api["Content-Type"] == "application/json"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_404_of_an_unknown_address_and_of_a_hidden_case(client, language, index):
    body = assert_branded(client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language), 404, language, index)
    assert 'id="error-practices-link" href="/practices/"' in body
    client.force_login(SubmitterFactory())
    assert_branded(client.get("/my/cases/999999/", HTTP_ACCEPT_LANGUAGE=language), 404, language, index)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_405_of_require_http_methods_and_of_class_based_views_keeps_allow(client, language, index):
    response = client.post(reverse("dashboard:index"), HTTP_ACCEPT_LANGUAGE=language)
    body = assert_branded(response, 405, language, index)
    assert response["Allow"] == "GET"
    # Switching language on this page must not land on the same 405 again.
    assert '<input name="next" type="hidden" value="/">' in body
    response = client.get(reverse("accounts:logout"), HTTP_ACCEPT_LANGUAGE=language)
    assert_branded(response, 405, language, index)
    assert response["Allow"] == "POST, OPTIONS"


@pytest.mark.django_db
def test_405_under_the_api_stays_json(client):
    client.force_login(SubmitterFactory())
    response = client.delete("/api/v1/governments/")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_413_when_the_form_is_larger_than_the_limit(client, settings, language, index):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    assert client.post("/test-errors/form/", {"text": "x" * 1000}).status_code == 200
    response = client.post("/test-errors/form/", {"text": "x" * (1024 * 1024 + 1)}, HTTP_ACCEPT_LANGUAGE=language)
    body = assert_branded(response, 413, language, index)
    assert ("(1 MB of text)", "(텍스트 1 MB)")[index] in body
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/test-errors/form/", {f"f{n}": "x" for n in range(11)}, HTTP_ACCEPT_LANGUAGE=language)
    assert_branded(response, 413, language, index)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_429_says_how_long_to_wait(client, language, index):
    response = client.get("/test-errors/limited/", HTTP_ACCEPT_LANGUAGE=language)
    body = assert_branded(response, 429, language, index)
    assert response["Retry-After"] == "150"
    wait = re.search(r'<p id="retry-wait"><strong>(.*?)</strong></p>', body, re.S)[1]
    if index == 0:
        assert re.fullmatch(r"Please wait 3 minutes, until \d\d:\d\d, before you try again\.", wait)
    else:
        assert re.fullmatch(r"\d\d:\d\d까지 3분 동안 기다린 뒤 다시 시도해 주세요\.", wait)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_the_login_throttle_is_a_branded_429_that_says_how_long_to_wait(client, settings, language, index):
    SubmitterFactory(username="locked")
    for _ in range(settings.LOGIN_FREE_FAILURES):
        client.post(reverse("accounts:login"), {"username": "locked", "password": "wrong"})
    response = client.post(
        reverse("accounts:login"), {"username": "locked", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.LOGIN_BASE_DELAY)
    body = response.content.decode()
    assert f'<html lang="{language}">' in body and 'id="krds-header"' in body
    summary = re.search(r'id="error-summary".*?</div>', body, re.S)[0]
    wait = ("Wait 30 seconds and try again.", "30초")[index]
    assert wait in summary
    assert '<a href="/accounts/password/reset/">' in summary  # the reset link stays a link
    assert '<a href="/" class="txt">' in body  # the way home: the breadcrumb


@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_500_renders_without_the_database(language, index):
    """No django_db mark: any database access in the 500 path would raise here."""
    client = Client(raise_request_exception=False)
    response = client.get("/test-errors/crash/", HTTP_ACCEPT_LANGUAGE=language)
    body = assert_branded(response, 500, language, index)
    assert "main_navigation" not in body
    assert 'name="csrfmiddlewaretoken"' in body  # the language switcher still works
    assert '<input name="next" type="hidden" value="/test-errors/crash/">' in body


def failing_context_processor(request):
    raise RuntimeError("A context processor that fails")


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "index"), LANGUAGES)
def test_pages_are_drawn_without_context_processors_when_they_fail(settings, language, index):
    template_settings = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {
            **template_settings,
            "OPTIONS": {
                **template_settings["OPTIONS"],
                "context_processors": [
                    *template_settings["OPTIONS"]["context_processors"],
                    "tests.innovation.test_error_pages.failing_context_processor",
                ],
            },
        }
    ]
    client = Client(raise_request_exception=False)
    assert_branded(client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language), 404, language, index)
    assert_branded(client.get("/test-errors/crash/", HTTP_ACCEPT_LANGUAGE=language), 500, language, index)


@pytest.mark.django_db
def test_api_errors_keep_their_json_shape(client):
    assert client.get("/api/v1/no-such-thing/").json()["code"] == "not_found"
    response = Client(raise_request_exception=False).get("/api/v1/cases/?page=x")
    assert response["Content-Type"] == "application/json"
