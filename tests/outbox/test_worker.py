"""Delivery through a real Celery worker (with beat) and a real SMTP server (tests/servers.py)."""

import pytest
from django.db import transaction

from outbox import services
from outbox.models import MessageState, OutboxMessage
from outbox.services import Email
from tests.accounts.helpers import sign_in
from tests.servers import CLOSED_PORT, wait_until

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

EMAILS = [
    Email(to="reviewer@example.go.kr", subject="New review assignment", body="Please review.", language="en"),
    Email(to="gumi@example.go.kr", subject="심사 결과 안내", body="결과를 알려 드립니다.", language="ko"),
]
EXPECTED = sorted((email.to, email.subject) for email in EMAILS)


def _states() -> list[tuple[str, int]]:
    return list(OutboxMessage.objects.order_by("pk").values_list("state", "attempts"))


def test_with_the_mail_server_down_messages_wait_and_are_delivered_once_it_is_back(deliver_with_celery, smtp_sink):
    with transaction.atomic():
        services.queue_emails(kind="test.notice", emails=EMAILS)

    # The worker tries, fails (connection refused) and retries with backoff; nothing is lost.
    wait_until(
        lambda: all(state == MessageState.PENDING and attempts >= 2 for state, attempts in _states()),
        timeout=30,
        message="two refused attempts per message",
    )
    assert all(
        "ConnectionRefusedError" in error for error in OutboxMessage.objects.values_list("last_error", flat=True)
    )

    smtp_sink.start()
    wait_until(lambda: smtp_sink.received() == EXPECTED, timeout=30, message="both messages at the SMTP server")
    wait_until(lambda: all(state == MessageState.SENT for state, _ in _states()), timeout=10, message="sent")
    assert smtp_sink.received() == EXPECTED  # each exactly once
    log = deliver_with_celery.process.output()
    assert "Task outbox.deliver_batch[" in log  # both in one task; each retried on its own
    assert "Task outbox.deliver[" in log


def test_with_the_broker_down_at_commit_the_sweep_sends_them_later(deliver_with_celery, smtp_sink, settings, caplog):
    smtp_sink.start()
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{CLOSED_PORT}/1"  # this process cannot reach the broker

    with transaction.atomic():
        services.queue_emails(kind="test.notice", emails=EMAILS)

    assert "Broker unavailable; 2 message(s) stay pending for the sweep" in caplog.text
    assert _states() == [(MessageState.PENDING, 0), (MessageState.PENDING, 0)]
    # beat's sweep in the worker finds them and hands them to delivery
    wait_until(lambda: smtp_sink.received() == EXPECTED, timeout=30, message="the sweep to deliver both")
    wait_until(lambda: _states() == [(MessageState.SENT, 1)] * 2, timeout=10, message="sent in one attempt")
    assert "Sweep: 2 pending message(s) handed to delivery" in deliver_with_celery.process.output()


def test_after_the_last_retry_a_message_is_failed_until_a_manager_resends_it(
    deliver_with_celery, smtp_sink, client, django_user_model
):
    with transaction.atomic():
        services.queue_emails(kind="reviews.decision", emails=EMAILS[:1])
    wait_until(lambda: _states() == [(MessageState.FAILED, 5)], timeout=60, message="five attempts, then failed")

    manager = django_user_model.objects.create_user("boss", "boss@example.go.kr", "x" * 12, role="manager")
    sign_in(client, manager)
    page = client.get("/reviews/manage/notifications/")
    assert "New review assignment" in page.content.decode()

    smtp_sink.start()
    response = client.post("/reviews/manage/notifications/", {"all": "1"})
    assert response.status_code == 302
    wait_until(lambda: smtp_sink.received() == [EXPECTED[1]], timeout=30, message="the resent message")
    wait_until(lambda: _states() == [(MessageState.SENT, 1)], timeout=10, message="sent after the resend")
