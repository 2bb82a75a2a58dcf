"""Simultaneous first answers of one new visitor (a double click, a retrying browser) are real
concurrent HTTP requests to a running server on PostgreSQL; they store one answer, not six."""

import re
import threading
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.db import connection

from practices.models import CitizenFeedback
from tests.cases.factories import CaseFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_six_simultaneous_first_answers_of_one_visitor_store_one(live_server, settings):
    settings.FEEDBACK_RATE_LIMIT = 100
    case = CaseFactory(awarded=True)
    page_url = f"{live_server.url}/practices/{case.pk}/"
    jar = CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = browser.open(page_url).read().decode()
    visitor_token = re.search(r'name="visitor_token" value="([^"]+)"', html).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
    assert "sessionid" not in cookies  # a new visitor: no session yet
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf, "visitor_token": visitor_token, "felt": "yes", "comment": ""}
    ).encode()
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def send():
        request = urllib.request.Request(
            f"{page_url}feedback/",
            data=body,
            headers={"Cookie": cookies, "Referer": page_url, "Content-Type": "application/x-www-form-urlencoded"},
        )
        barrier.wait()
        try:
            urllib.request.build_opener(NoRedirect).open(request)
        except urllib.error.HTTPError as answer:  # the 302 back to the page arrives as an "error"
            statuses.append(answer.code)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 6  # each one is told "thank you" or "you have already answered"
    assert CitizenFeedback.objects.filter(case=case).count() == 1
