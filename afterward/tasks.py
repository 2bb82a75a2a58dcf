"""Celery tasks of the afterward app (bound to ``innovation.celery`` through ``shared_task``)."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(name="afterward.remind_follow_ups", ignore_result=True)
def remind_follow_ups() -> int:
    """Run by beat every ``FOLLOW_UP_REMINDER_SECONDS``: create the follow-up reports that have come
    due and remind their governments (once per report: ``services.create_due_reports``)."""
    return len(services.create_due_reports())
