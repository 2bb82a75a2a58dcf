"""With the mail server down, inviting someone and asking for a password reset still succeed; the
messages wait in the outbox and reach the (real) SMTP server through the (real) Celery worker once
it is back, and then the links in them are erased from the outbox."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from outbox.models import MessageState, OutboxMessage
from outbox.services import ERASED_BODY
from tests.accounts.factories import ManagerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.governments.factories import CityFactory
from tests.servers import wait_until

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_invitations_and_resets_succeed_with_the_mail_server_down_and_arrive_later(deliver_with_celery, smtp_sink):
    city = CityFactory()
    SubmitterFactory(username="gumi", email="officer@gumi.go.kr", government=city)
    manager = Client()
    sign_in(manager, ManagerFactory())
    assert not smtp_sink.running

    invited = manager.post(
        "/accounts/manage/invitations/",
        {"email": "newcomer@gumi.go.kr", "role": "submitter", "government": city.pk},
        follow=True,
    )
    assert "An invitation was sent to newcomer@gumi.go.kr." in invited.content.decode()
    reset = Client().post("/accounts/password/reset/", {"email": "officer@gumi.go.kr"})
    assert (reset.status_code, reset.url) == (302, reverse("accounts:password_reset_done"))

    wait_until(
        lambda: all(
            state == MessageState.PENDING and attempts >= 1
            for state, attempts in OutboxMessage.objects.values_list("state", "attempts")
        ),
        timeout=30,
        message="a refused attempt for both messages",
    )
    # While they wait, the links are kept: the retry must send what was asked for.
    kinds = dict(OutboxMessage.objects.values_list("kind", "to"))
    assert kinds == {"accounts.invitation": "newcomer@gumi.go.kr", "accounts.password_reset": "officer@gumi.go.kr"}
    assert all("/accounts/" in body for body in OutboxMessage.objects.values_list("body", flat=True))

    smtp_sink.start()
    wait_until(lambda: len(smtp_sink.received()) == 2, timeout=60, message="both messages delivered")
    wait_until(
        lambda: set(OutboxMessage.objects.values_list("state", "body")) == {(MessageState.SENT, ERASED_BODY)},
        timeout=10,
        message="both marked sent and erased",
    )
    bodies = {tos[0]: message.get_content() for tos, message in smtp_sink.messages}
    invitation_link = re.search(r"http://testserver(/accounts/invitation/[^/\s]+/)", bodies["newcomer@gumi.go.kr"])
    reset_link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", bodies["officer@gumi.go.kr"])
    # The delayed links still work.
    assert Client().get(invitation_link.group(1)).status_code == 200
    assert Client().get(reset_link.group(1), follow=True).context["validlink"] is True
