"""Password reset: Django's views, both languages, the same answer for known and unknown
addresses, throttled per e-mail address and per client address."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from audit.models import Action, AuditEvent
from tests.accounts.factories import SubmitterFactory

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"


def ask(client, email, address="198.51.100.7", **headers):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address, **headers)


def test_known_and_unknown_addresses_get_the_same_answer_and_one_message_each(client):
    SubmitterFactory(username="gumi", email="officer@gumi.go.kr")
    known = ask(client, "officer@gumi.go.kr")
    unknown = ask(client, "nobody@gumi.go.kr")
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("accounts:password_reset_done")
    assert [message.to for message in mail.outbox] == [["officer@gumi.go.kr"], ["nobody@gumi.go.kr"]]
    assert "/accounts/password/reset/" in mail.outbox[0].body and "gumi" in mail.outbox[0].body
    assert "no active account uses it" in mail.outbox[1].body
    assert "/accounts/password/reset/" not in mail.outbox[1].body


def test_the_link_sets_a_new_password_that_signs_in(client):
    user = SubmitterFactory(username="gumi", email="officer@gumi.go.kr")
    ask(client, "officer@gumi.go.kr")
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


def test_requests_are_limited_per_email_address_whatever_the_client_address(client):
    SubmitterFactory(email="officer@gumi.go.kr")
    statuses = [ask(client, "officer@gumi.go.kr", address=f"198.51.100.{n}").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    body = ask(client, "OFFICER@gumi.go.kr", address="198.51.100.99").content.decode()
    assert "Too many reset requests. Wait 60 minutes and try again." in body


def test_requests_are_limited_per_client_address_across_emails(client):
    statuses = [ask(client, f"person{n}@example.go.kr", address="203.0.113.3").status_code for n in range(11)]
    assert statuses == [302] * 10 + [429]
    assert ask(client, "person10@example.go.kr", address="203.0.113.4").status_code == 302


def test_the_reset_pages_are_in_korean_too(client):
    page = client.get(RESET, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert '<html lang="ko">' in page and "비밀번호" in page
    SubmitterFactory(email="officer@gumi.go.kr")
    ask(client, "officer@gumi.go.kr", HTTP_ACCEPT_LANGUAGE="ko")
    assert "비밀번호" in mail.outbox[0].subject


def test_the_login_page_links_to_the_reset(client):
    assert f'href="{RESET}"' in client.get(reverse("accounts:login")).content.decode()
