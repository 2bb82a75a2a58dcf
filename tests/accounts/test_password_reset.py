"""Password reset: Django's views, both languages, the same answer for known and unknown
addresses, throttled per e-mail address and per client address, mailed through the outbox with the
link erased once sent."""

import ipaddress
import re
import socket

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from audit.models import Action, AuditEvent
from outbox.models import MessageState, OutboxMessage
from outbox.services import ERASED_BODY
from tests.accounts.factories import SubmitterFactory, UserFactory
from tests.accounts.helpers import sign_in

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """POST the reset form; the outbox delivers (in process) when the request's work commits."""

    def post(email, address="198.51.100.7", **headers):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(RESET, {"email": email}, REMOTE_ADDR=address, **headers)

    return post


def test_known_and_unknown_addresses_get_the_same_answer_and_one_message_each(ask):
    SubmitterFactory(username="gumi", email="officer@gumi.go.kr")
    known = ask("officer@gumi.go.kr")
    unknown = ask("nobody@gumi.go.kr")
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("accounts:password_reset_done")
    assert [message.to for message in mail.outbox] == [["officer@gumi.go.kr"], ["nobody@gumi.go.kr"]]
    assert "/accounts/password/reset/" in mail.outbox[0].body and "gumi" in mail.outbox[0].body
    assert "no active account uses it" in mail.outbox[1].body
    assert "/accounts/password/reset/" not in mail.outbox[1].body
    # The outbox keeps that something was sent to whom, never the link itself.
    rows = OutboxMessage.objects.order_by("pk").values_list("kind", "to", "state", "body")
    assert list(rows) == [
        ("accounts.password_reset", "officer@gumi.go.kr", MessageState.SENT, ERASED_BODY),
        ("accounts.password_reset", "nobody@gumi.go.kr", MessageState.SENT, ERASED_BODY),
    ]


def test_the_link_sets_a_new_password_that_signs_in(client, ask):
    user = SubmitterFactory(username="gumi", email="officer@gumi.go.kr")
    ask("officer@gumi.go.kr")
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    weak = client.post(form.redirect_chain[-1][0], {"new_password1": "short", "new_password2": "short"})
    assert "This password is too short" in weak.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "new-long-passphrase", "new_password2": "new-long-passphrase"}
    )
    assert done.url == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("new-long-passphrase")
    assert AuditEvent.objects.filter(action=Action.PASSWORD_RESET, target_id=str(user.pk)).count() == 1
    assert client.get(link, follow=True).context["validlink"] is False  # used once


def test_requests_are_limited_per_email_address_whatever_the_client_address(ask):
    SubmitterFactory(email="officer@gumi.go.kr")
    statuses = [ask("officer@gumi.go.kr", address=f"198.51.100.{n}").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    body = ask("OFFICER@gumi.go.kr", address="198.51.100.99").content.decode()
    assert "Too many reset requests. Wait 60 minutes and try again." in body


def test_requests_are_limited_per_client_address_across_emails(ask):
    statuses = [ask(f"person{n}@example.go.kr", address="203.0.113.3").status_code for n in range(11)]
    assert statuses == [302] * 10 + [429]
    assert ask("person10@example.go.kr", address="203.0.113.4").status_code == 302


def test_an_office_behind_one_shared_address_may_ask_the_factor_times_as_often(ask, settings):
    settings.LOGIN_SHARED_NETWORKS = [ipaddress.ip_network("203.0.113.0/24")]
    settings.LOGIN_SHARED_NETWORK_FACTOR = 2
    statuses = [ask(f"person{n}@example.go.kr", address="203.0.113.3").status_code for n in range(21)]
    assert statuses == [302] * 20 + [429]


def test_the_reset_pages_are_in_korean_too(client, ask):
    page = client.get(RESET, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert '<html lang="ko">' in page and "비밀번호" in page
    SubmitterFactory(email="officer@gumi.go.kr")
    ask("officer@gumi.go.kr", HTTP_ACCEPT_LANGUAGE="ko")
    assert "비밀번호" in mail.outbox[0].subject


def test_the_message_is_in_the_language_the_person_last_used(ask):
    SubmitterFactory(email="officer@gumi.go.kr", language="ko")
    ask("officer@gumi.go.kr", HTTP_ACCEPT_LANGUAGE="en")
    assert "비밀번호" in mail.outbox[0].subject
    assert OutboxMessage.objects.get().language == "ko"


def test_a_failed_delivery_keeps_the_link_for_the_retry_but_the_admin_never_shows_it(ask, settings):
    # A real SMTP connection to a port nobody listens on: refused, as when the mail server is down.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    SubmitterFactory(email="officer@gumi.go.kr")
    assert ask("officer@gumi.go.kr").status_code == 302
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == (MessageState.PENDING, 1)
    assert "/accounts/password/reset/" in message.body  # the retry sends what was asked for
    admin = Client()
    sign_in(admin, UserFactory(is_staff=True, is_superuser=True))
    page = admin.get(reverse("admin:outbox_outboxmessage_change", args=[message.pk])).content.decode()
    assert "officer@gumi.go.kr" in page
    assert "/accounts/password/reset/" not in page


def test_the_login_page_links_to_the_reset(client):
    assert f'href="{RESET}"' in client.get(reverse("accounts:login")).content.decode()
