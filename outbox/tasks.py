"""Celery tasks of the outbox. The project's Celery app is ``innovation.celery``; these bind to it
through ``shared_task``."""

from __future__ import annotations

from celery import current_app, shared_task
from django.conf import settings

from . import services


@shared_task(bind=True, name="outbox.deliver", ignore_result=True, acks_late=True, max_retries=None)
def deliver_message(self, message_id: int) -> str:
    """Send one message; on failure retry with backoff until the outbox marks it failed."""
    delivery = services.deliver(message_id)
    if delivery.retry_in is not None:
        raise self.retry(countdown=delivery.retry_in)
    return delivery.state


@shared_task(name="outbox.sweep", ignore_result=True)
def sweep_outbox() -> int:
    """Run by beat every ``OUTBOX_SWEEP_SECONDS``: re-enqueue what is pending and due."""
    return len(services.sweep())


def enqueue(message_ids: list[int]) -> None:
    """One task per message, over one broker connection; raises when the broker is unreachable."""
    with current_app.connection_for_write(settings.CELERY_BROKER_URL) as connection:
        connection.ensure_connection(
            max_retries=1, interval_start=0.2, timeout=int(getattr(settings, "CELERY_BROKER_CONNECTION_TIMEOUT", 3))
        )
        queue = settings.CELERY_TASK_DEFAULT_QUEUE
        for message_id in message_ids:
            deliver_message.apply_async((message_id,), connection=connection, retry=False, queue=queue)


def broker_ready() -> bool:
    """True when the broker accepts a connection (for /readyz)."""
    try:
        with current_app.connection_for_write(settings.CELERY_BROKER_URL) as connection:
            connection.ensure_connection(max_retries=1, interval_start=0.2, timeout=2)
    except Exception:
        return False
    return True
