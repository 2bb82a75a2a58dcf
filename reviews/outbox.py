"""The managers' side of the outbox: notifications that could not be delivered, and resending them
(the page is ``notification_views``)."""

from __future__ import annotations

from collections.abc import Iterable

from core.rules import require
from outbox import services as outbox
from outbox.models import OutboxMessage


def resend_notifications(*, actor, messages: Iterable[OutboxMessage]) -> int:
    """Queue the failed ``messages`` again; returns how many. Managers only."""
    require(actor, "reviews.manage_awards")
    return outbox.resend(messages=messages)
