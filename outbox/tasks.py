"""Celery tasks of the outbox. The project's Celery app is ``innovation.celery``; these bind to it
through ``shared_task``."""

from __future__ import annotations

import logging

from celery import current_app, shared_task
from django.conf import settings

from . import services

logger = logging.getLogger(__name__)


@shared_task(bind=True, name="outbox.deliver", ignore_result=True, acks_late=True, max_retries=None)
def deliver_message(self, message_id: int) -> str:
    """Send one message; on failure retry with backoff until the outbox marks it failed."""
    delivery = services.deliver(message_id)
    if delivery.retry_in is not None:
        raise self.retry(countdown=delivery.retry_in)
    return delivery.state


@shared_task(name="outbox.deliver_batch", ignore_result=True, acks_late=True)
def deliver_batch(message_ids: list[int]) -> None:
    """Send several messages (one task per publication instead of one per recipient); each failed
    one gets a retry of its own, or waits for the sweep if even that cannot be queued."""
    for message_id in message_ids:
        delivery = services.deliver(message_id)
        if delivery.retry_in is not None:
            try:
                deliver_message.apply_async((message_id,), countdown=delivery.retry_in)
            except Exception:  # the broker went away: the row is pending, the sweep takes it
                logger.warning("Could not schedule the retry of outbox message %s", message_id, exc_info=True)


@shared_task(name="outbox.sweep", ignore_result=True)
def sweep_outbox() -> int:
    """Run by beat every ``OUTBOX_SWEEP_SECONDS``: re-enqueue what is pending and due."""
    return len(services.sweep())


def enqueue(message_ids: list[int]) -> None:
    """Queue the messages over one broker connection, ``OUTBOX_BATCH_SIZE`` per task (so that
    several workers share a publication's hundreds); raises when the broker is unreachable."""
    size = max(int(getattr(settings, "OUTBOX_BATCH_SIZE", 20)), 1)
    with current_app.connection_for_write(settings.CELERY_BROKER_URL) as connection:
        connection.ensure_connection(
            max_retries=1, interval_start=0.2, timeout=int(getattr(settings, "CELERY_BROKER_CONNECTION_TIMEOUT", 3))
        )
        queue = settings.CELERY_TASK_DEFAULT_QUEUE
        for start in range(0, len(message_ids), size):
            chunk = message_ids[start : start + size]
            if len(chunk) == 1:
                deliver_message.apply_async((chunk[0],), connection=connection, retry=False, queue=queue)
            else:
                deliver_batch.apply_async((chunk,), connection=connection, retry=False, queue=queue)


def broker_ready() -> bool:
    """True when the broker accepts a connection (for /readyz)."""
    try:
        with current_app.connection_for_write(settings.CELERY_BROKER_URL) as connection:
            connection.ensure_connection(max_retries=1, interval_start=0.2, timeout=2)
    except Exception:
        return False
    return True
