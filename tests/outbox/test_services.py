import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from outbox import services
from outbox.models import MessageState, OutboxMessage
from outbox.services import Email
from tests.outbox.factories import OutboxMessageFactory
from tests.servers import CLOSED_PORT, SMTP_INLINE_PORT, SmtpSink

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    """A real SMTP server on our port; the tests stop and start it."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", SMTP_INLINE_PORT, False
    settings.EMAIL_TIMEOUT = 5
    sink = SmtpSink(SMTP_INLINE_PORT).start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_down(settings):
    """Mail goes to a port where nothing listens: every attempt is refused."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", CLOSED_PORT, False
    settings.EMAIL_TIMEOUT = 5


def test_queued_messages_are_delivered_once_the_change_commits(django_capture_on_commit_callbacks, smtp):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        messages = services.queue_emails(
            kind="test.notice",
            emails=[
                Email(to="a@example.go.kr", subject="회의 안내", body="본문", language="ko"),
                Email(to="", subject="no address", body="-", language="en"),
            ],
        )
        assert [m.state for m in messages] == [MessageState.PENDING]
        assert smtp.received() == []
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts, message.last_error) == (MessageState.SENT, 1, "")
    assert message.sent_at is not None
    assert smtp.received() == [("a@example.go.kr", "회의 안내")]
    received = smtp.messages[0][1]
    assert received.get_content().strip() == "본문"
    assert received["Message-ID"].startswith(f"<outbox-{message.pk}") is False  # make_msgid puts a time first
    assert f".outbox-{message.pk}@" in received["Message-ID"]


def test_a_rolled_back_change_leaves_no_message(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValueError),
        transaction.atomic(),
    ):
        services.queue_emails(kind="test.notice", emails=[Email("a@example.go.kr", "S", "B", "en")])
        raise ValueError("refused")
    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


def test_a_refused_connection_keeps_the_message_pending_with_a_later_attempt(settings, smtp_down):
    settings.OUTBOX_RETRY_BACKOFF_SECONDS = 30
    message = OutboxMessageFactory()
    before = timezone.now()

    delivery = services.deliver(message.pk)

    message.refresh_from_db()
    assert delivery == services.Delivery(MessageState.PENDING, retry_in=30)
    assert (message.state, message.attempts) == (MessageState.PENDING, 1)
    assert message.last_error.startswith("ConnectionRefusedError: ")
    assert before + dt.timedelta(seconds=30) <= message.next_attempt_at <= timezone.now() + dt.timedelta(seconds=30)


def test_after_the_last_attempt_the_message_is_failed(settings, smtp_down):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = OutboxMessageFactory(attempts=2)

    assert services.deliver(message.pk) == services.Delivery(MessageState.FAILED)

    message.refresh_from_db()
    assert (message.state, message.attempts) == (MessageState.FAILED, 3)
    assert "ConnectionRefusedError" in message.last_error


def test_the_wait_doubles_up_to_the_cap(settings):
    settings.OUTBOX_RETRY_BACKOFF_SECONDS = 30
    settings.OUTBOX_RETRY_BACKOFF_MAX_SECONDS = 1800
    assert [services.retry_delay(n) for n in range(1, 9)] == [30, 60, 120, 240, 480, 960, 1800, 1800]


@pytest.mark.parametrize("state", [MessageState.SENT, MessageState.SENDING, MessageState.FAILED])
def test_a_message_that_is_not_pending_is_not_sent_again(state):
    message = OutboxMessageFactory(state=state, sent_at=timezone.now(), attempts=1)
    assert services.deliver(message.pk) == services.Delivery("skipped")
    message.refresh_from_db()
    assert (message.state, message.attempts) == (state, 1)
    assert mail.outbox == []


def test_the_sweep_takes_what_is_overdue_and_releases_what_a_dead_worker_held(settings):
    settings.OUTBOX_SWEEP_GRACE_SECONDS = 60
    settings.OUTBOX_CLAIM_TIMEOUT_SECONDS = 600
    now = timezone.now()
    overdue = OutboxMessageFactory(next_attempt_at=now - dt.timedelta(minutes=5))
    retrying_soon = OutboxMessageFactory(next_attempt_at=now - dt.timedelta(seconds=10))
    later = OutboxMessageFactory(next_attempt_at=now + dt.timedelta(minutes=5))
    abandoned = OutboxMessageFactory(state=MessageState.SENDING, claimed_at=now - dt.timedelta(minutes=11))
    in_hand = OutboxMessageFactory(state=MessageState.SENDING, claimed_at=now - dt.timedelta(minutes=1))
    sent = OutboxMessageFactory(state=MessageState.SENT, sent_at=now, next_attempt_at=now - dt.timedelta(hours=1))

    assert services.due_messages(now=now + dt.timedelta(minutes=1)) == [overdue.pk, retrying_soon.pk, abandoned.pk]
    # taken messages are pushed back by the grace period, so the next sweep leaves them to their worker
    assert services.due_messages(now=now + dt.timedelta(minutes=1, seconds=30)) == []
    for message in (later, in_hand, sent):
        state = message.state
        message.refresh_from_db()
        assert message.state == state


def test_the_sweep_delivers_in_process_without_a_broker(django_capture_on_commit_callbacks, settings):
    settings.OUTBOX_SWEEP_GRACE_SECONDS = 0
    message = OutboxMessageFactory(next_attempt_at=timezone.now() - dt.timedelta(minutes=2))
    assert services.sweep() == [message.pk]
    message.refresh_from_db()
    assert message.state == MessageState.SENT
    assert [m.subject for m in mail.outbox] == [message.subject]


def test_resending_puts_failed_messages_back_with_fresh_attempts(django_capture_on_commit_callbacks):
    failed = OutboxMessageFactory(state=MessageState.FAILED, attempts=8, last_error="SMTPServerDisconnected")
    sent = OutboxMessageFactory(state=MessageState.SENT, sent_at=timezone.now(), attempts=1)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.resend(messages=[failed, sent]) == 1

    failed.refresh_from_db()
    assert (failed.state, failed.attempts, failed.last_error) == (MessageState.SENT, 1, "")
    assert [m.subject for m in mail.outbox] == [failed.subject]


def test_with_the_broker_down_committed_messages_stay_pending_and_nothing_fails(
    settings, django_capture_on_commit_callbacks, caplog
):
    settings.OUTBOX_DELIVERY = "celery"
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{CLOSED_PORT}/1"
    with django_capture_on_commit_callbacks(execute=True):
        services.queue_emails(kind="test.notice", emails=[Email("a@example.go.kr", "S", "B", "en")])
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == (MessageState.PENDING, 0)
    assert "Broker unavailable; 1 message(s) stay pending for the sweep" in caplog.text
