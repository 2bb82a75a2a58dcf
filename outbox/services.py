"""Every write of the outbox: queue messages inside the caller's transaction, deliver one, sweep the
pending ones, resend the failed ones.

Delivery happens after the commit: with ``OUTBOX_DELIVERY = "celery"`` a task per message is sent to
the broker (if the broker is down the rows simply stay pending and the periodic sweep sends them
later); with ``"inline"`` (the embedded default, no broker) the request's own process delivers them
after the commit. Either way a failure to deliver never undoes or fails the change that caused it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Case, F, TextField, Value, When
from django.utils import timezone

from core.logging import current_request_id, reset_request_id, set_request_id

from .models import MessageState, OutboxMessage

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Email:
    """A rendered message for one recipient."""

    to: str
    subject: str
    body: str
    language: str
    recipient_id: int | None = None
    # A message with a secret in it (an invitation or password-reset link): its body is erased once
    # it has been handed to the mail server, and the admin never shows it.
    erase_when_sent: bool = False


ERASED_BODY = "[erased after sending: it contained a personal link]"


def _setting(name: str, default):
    return getattr(settings, name, default)


def retry_delay(attempts: int) -> int:
    """Seconds to wait after ``attempts`` failed attempts: doubling from the base, capped."""
    base = int(_setting("OUTBOX_RETRY_BACKOFF_SECONDS", 30))
    cap = int(_setting("OUTBOX_RETRY_BACKOFF_MAX_SECONDS", 1800))
    return min(base * 2 ** max(attempts - 1, 0), cap)


# --- queueing (inside the caller's transaction) ------------------------------------------------


def queue_emails(*, kind: str, emails: Iterable[Email]) -> list[OutboxMessage]:
    """Store ``emails`` as pending messages in the current transaction; they are delivered once it
    commits and never if it rolls back. Addresses that are empty are skipped."""
    now = timezone.now()
    request_id = current_request_id()
    rows = [
        OutboxMessage(
            kind=kind,
            recipient_id=email.recipient_id,
            to=email.to,
            language=email.language,
            subject=email.subject[:998],
            body=email.body,
            erase_when_sent=email.erase_when_sent,
            created_at=now,
            next_attempt_at=now,
            request_id=request_id,
        )
        for email in emails
        if email.to
    ]
    if not rows:
        return []
    messages = OutboxMessage.objects.bulk_create(rows)
    ids = [message.pk for message in messages]
    transaction.on_commit(lambda: dispatch(ids))
    return messages


def dispatch(message_ids: list[int]) -> None:
    """Hand committed messages to the worker (or deliver them here). Never raises: what could not
    be handed over stays pending for the sweep."""
    if not message_ids:
        return
    if _setting("OUTBOX_DELIVERY", "inline") == "celery":
        from .tasks import enqueue  # Celery is imported only where it is used

        try:
            enqueue(message_ids)
        except Exception:  # the broker is down: the rows are pending, the sweep will send them
            logger.warning(
                "Broker unavailable; %d message(s) stay pending for the sweep", len(message_ids), exc_info=True
            )
        return
    for message_id in message_ids:
        try:
            deliver(message_id)
        except Exception:  # a bug in delivery must not fail a committed request
            logger.exception("Delivering outbox message %s failed", message_id)


# --- delivery (a worker, or the request's process after commit) --------------------------------


@dataclass(frozen=True)
class Delivery:
    state: str  # the message's state afterwards; "skipped" when another worker has it or it is done
    retry_in: int | None = None  # seconds until the next attempt, when one is due


def deliver(message_id: int) -> Delivery:
    """Try to send one pending message. Taking it is atomic, so two workers never send it twice."""
    now = timezone.now()
    taken = OutboxMessage.objects.filter(pk=message_id, state=MessageState.PENDING).update(
        state=MessageState.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not taken:
        return Delivery("skipped")
    message = OutboxMessage.objects.get(pk=message_id)
    # The worker's lines about this message carry the id of the request that queued it.
    token = set_request_id(message.request_id) if message.request_id else None
    try:
        return _send(message)
    finally:
        if token is not None:
            reset_request_id(token)


def _send(message: OutboxMessage) -> Delivery:
    try:
        EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
            headers={"Message-ID": make_msgid(idstring=f"outbox-{message.pk}")},
        ).send()
    except Exception as error:  # SMTP refused, connection refused, time-out, bad address …
        return _failed_attempt(message, error)
    OutboxMessage.objects.filter(pk=message.pk, state=MessageState.SENDING).update(
        state=MessageState.SENT,
        sent_at=timezone.now(),
        last_error="",
        body=Case(When(erase_when_sent=True, then=Value(ERASED_BODY)), default=F("body"), output_field=TextField()),
    )
    logger.info("Sent outbox message %s (%s) to %s", message.pk, message.kind, message.to)
    return Delivery(MessageState.SENT)


def _failed_attempt(message: OutboxMessage, error: Exception) -> Delivery:
    text = f"{type(error).__name__}: {error}"[:2000]
    max_attempts = int(_setting("OUTBOX_MAX_ATTEMPTS", 8))
    if message.attempts >= max_attempts:
        OutboxMessage.objects.filter(pk=message.pk).update(state=MessageState.FAILED, last_error=text)
        logger.error("Outbox message %s failed for good after %d attempts: %s", message.pk, message.attempts, text)
        return Delivery(MessageState.FAILED)
    delay = retry_delay(message.attempts)
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=MessageState.PENDING, last_error=text, next_attempt_at=timezone.now() + dt.timedelta(seconds=delay)
    )
    logger.warning("Outbox message %s attempt %d failed (%s); next in %d s", message.pk, message.attempts, text, delay)
    return Delivery(MessageState.PENDING, retry_in=delay)


# --- the periodic sweep -------------------------------------------------------------------------


def due_messages(*, now: dt.datetime | None = None) -> list[int]:
    """Take the pending messages whose time has come (and release those a dead worker held); each
    is pushed back by the grace period so that the next sweep does not take it again at once."""
    now = now or timezone.now()
    grace = dt.timedelta(seconds=int(_setting("OUTBOX_SWEEP_GRACE_SECONDS", 60)))
    claim_timeout = dt.timedelta(seconds=int(_setting("OUTBOX_CLAIM_TIMEOUT_SECONDS", 600)))
    with transaction.atomic():
        OutboxMessage.objects.filter(state=MessageState.SENDING, claimed_at__lt=now - claim_timeout).update(
            state=MessageState.PENDING, next_attempt_at=now - grace
        )
        # A message whose attempt is planned within the grace period is still with a worker's retry.
        ids = list(
            OutboxMessage.objects.filter(state=MessageState.PENDING, next_attempt_at__lte=now - grace)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[: int(_setting("OUTBOX_SWEEP_BATCH", 500))]
        )
        OutboxMessage.objects.filter(pk__in=ids).update(next_attempt_at=now + grace)
    return ids


def sweep() -> list[int]:
    """Hand every due message to delivery; returns their ids."""
    ids = due_messages()
    if ids:
        logger.info("Sweep: %d pending message(s) handed to delivery", len(ids))
        dispatch(ids)
    return ids


# --- resending ----------------------------------------------------------------------------------


@transaction.atomic
def resend(*, messages: Iterable[OutboxMessage]) -> int:
    """Put failed messages back in the queue with a fresh count of attempts (the caller checks who
    may). Returns how many were resent; messages that are not failed are left alone."""
    ids = [message.pk for message in messages]
    ids = list(
        OutboxMessage.objects.select_for_update()
        .filter(pk__in=ids, state=MessageState.FAILED)
        .values_list("pk", flat=True)
    )
    if ids:
        OutboxMessage.objects.filter(pk__in=ids).update(
            state=MessageState.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_at=None
        )
        transaction.on_commit(lambda: dispatch(ids))
    return len(ids)
