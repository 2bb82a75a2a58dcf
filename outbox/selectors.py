"""Reads of the outbox for the people who watch it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.db.models.query import QuerySet

from .models import MessageState, OutboxMessage


def failed_messages() -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(state=MessageState.FAILED).order_by("-created_at", "-pk")


@dataclass(frozen=True)
class OutboxSummary:
    waiting: int  # pending or being sent
    oldest_waiting: object  # datetime | None
    failed: int


def summary() -> OutboxSummary:
    waiting = Q(state__in=[MessageState.PENDING, MessageState.SENDING])
    row = OutboxMessage.objects.aggregate(
        waiting=Count("pk", filter=waiting),
        oldest=Min("created_at", filter=waiting),
        failed=Count("pk", filter=Q(state=MessageState.FAILED)),
    )
    return OutboxSummary(waiting=row["waiting"], oldest_waiting=row["oldest"], failed=row["failed"])
