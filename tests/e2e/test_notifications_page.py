"""The managers' page of notifications that could not be sent: accessible (axe-core, WCAG 2.1 AA) in
both languages, usable on a 390 px phone, and resending from it works in the browser."""

import pytest
from django.conf import settings
from django.test import Client

from outbox.models import MessageState, OutboxMessage
from tests.accounts.factories import ManagerFactory
from tests.accounts.helpers import sign_in
from tests.e2e.test_accessibility import AXE_URL, BLOCKING, RUN_AXE, TAGS
from tests.outbox.factories import OutboxMessageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PATH = "/reviews/manage/notifications/"


@pytest.fixture
def manager_page(page, live_server):
    manager = ManagerFactory(username="boss")
    for n in range(3):
        OutboxMessageFactory(
            kind="reviews.decision",
            to=f"very.long.address.of.a.submitter.{n}@gyeongsangbuk-do.example.go.kr",
            subject=f"Decision on your case: A one-stop service that attracts and keeps firms in the city {n}",
            state=MessageState.FAILED,
            attempts=8,
            last_error="SMTPRecipientsRefused: {'x@example.go.kr': (550, b'5.1.1 Mailbox unavailable')}",
        )
    client = Client()
    sign_in(client, manager)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


@pytest.mark.parametrize("language", ["en", "ko"])
def test_accessible_in_both_languages(manager_page, live_server, language):
    page = manager_page
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    assert page.goto(live_server.url + PATH).status == 200
    page.add_script_tag(url=live_server.url + AXE_URL)
    blocking = [v for v in page.evaluate(RUN_AXE, TAGS) if v["impact"] in BLOCKING]
    assert blocking == []


def test_on_a_phone_nothing_overflows_and_resending_works(manager_page, live_server):
    page = manager_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + PATH)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("label[for^=message-]").first.click()  # KRDS draws the box on the label
    page.get_by_role("button", name="Send the chosen ones again").click()
    page.wait_for_load_state()
    assert "1 notification is queued to be sent again." in page.locator(".messages").inner_text()
    assert OutboxMessage.objects.filter(state=MessageState.SENT).count() == 1  # delivered in-process (no broker)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
