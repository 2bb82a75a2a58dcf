"""A Korean visitor reads Korean: on the pages they use, at most 5 % of the words shown are in Latin
script, acronyms (ICT, API, CSV, GIS, …) not counted. Measured on what the browser shows (the page's
innerText: text inside folded details, hidden menus and form values is not shown, so not counted)."""

from collections import Counter

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from cases.models import CaseState, InnovationCase
from cases.selectors import public_cases
from reviews.models import ReviewAssignment
from tests.accounts.helpers import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAX_LATIN = 0.05

# Words: letters of any script. A Latin word made only of capitals (with at most one small letter
# after them, as in "CCTVs") is an acronym.
WORDS = r"""() => {
  const words = document.body.innerText.match(/\p{L}[\p{L}\p{M}'’-]*/gu) || [];
  const latin = words.filter((word) => /^[A-Za-z][A-Za-z'’-]*$/.test(word) && !/^[A-Z]{2,}[a-z]?$/.test(word));
  const acronyms = words.filter((word) => /^[A-Z]{2,}[a-z]?$/.test(word));
  return {latin, counted: words.length - acronyms.length};
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", password="demo-password-123", stdout=open("/dev/null", "w"))  # noqa: SIM115


def korean_page(browser, live_server, username: str | None = None):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ko", "url": live_server.url}])
    if username:
        client = Client()
        sign_in(client, User.objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


def latin_share(page, live_server, path: str, language: str = "ko") -> tuple[float, list]:
    response = page.goto(live_server.url + path)
    assert response.status == 200, path
    assert page.locator("html").get_attribute("lang") == language
    found = page.evaluate(WORDS)
    assert found["counted"] > 50, path  # a real page of text, not an error or an empty list
    return len(found["latin"]) / found["counted"], Counter(found["latin"]).most_common(8)


def assert_korean(page, live_server, paths: list[str]) -> None:
    over = {}
    for path in paths:
        share, words = latin_share(page, live_server, path)
        if share > MAX_LATIN:
            over[path] = (round(share * 100, 1), words)
    assert over == {}, over


def test_public_pages(browser, live_server, demo):
    seosan = public_cases().get(government__code="34050")
    gumi = public_cases().get(government__code="37050")
    assert_korean(
        korean_page(browser, live_server),
        live_server,
        [
            "/",
            reverse("practices:practice_list"),
            reverse("practices:practice_list") + "?ict=true&page=2",
            reverse("practices:practice_detail", args=[seosan.pk]),
            reverse("practices:practice_detail", args=[gumi.pk]),
            reverse("dashboard:index"),
        ],
    )


def test_case_form(browser, live_server, demo):
    draft = InnovationCase.objects.get(government__code="37050", state=CaseState.DRAFT)
    sections = ["basics", "purpose", "participation", "obstacles", "remedies", "outcomes", "attachments", "review"]
    assert_korean(
        korean_page(browser, live_server, "gumi"),
        live_server,
        [
            reverse("cases:my_cases"),
            reverse("cases:case_new"),
            *[reverse("cases:case_edit", args=[draft.pk, section]) for section in sections],
            reverse("cases:case_detail", args=[draft.pk]),
        ],
    )


def test_review_pages(browser, live_server, demo):
    assignment = ReviewAssignment.objects.filter(reviewer__username="reviewer1", case__state=CaseState.IN_REVIEW)
    assert_korean(
        korean_page(browser, live_server, "reviewer1"),
        live_server,
        [reverse("reviews:my_assignments"), reverse("reviews:review", args=[assignment.first().pk])],
    )
    case = InnovationCase.objects.filter(state=CaseState.IN_REVIEW).first()
    assert_korean(
        korean_page(browser, live_server, "manager"),
        live_server,
        [
            reverse("reviews:manage"),
            reverse("reviews:ranking", args=[2006]),
            reverse("reviews:decisions", args=[2006]),
            reverse("reviews:case", args=[case.pk]),
        ],
    )


def test_the_measure_counts_english_words(browser, live_server, demo):
    """The same practice page in English is nearly all Latin script: the measure can fail."""
    page = korean_page(browser, live_server)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    share, _words = latin_share(page, live_server, reverse("practices:practice_list"), "en")
    assert share > 0.9
