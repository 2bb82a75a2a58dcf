import pytest
from django.conf import settings

from afterward.models import FollowUpReport
from afterward.tasks import remind_follow_ups
from outbox.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_beat_runs_the_reminders_periodically():
    assert settings.CELERY_BEAT_SCHEDULE["follow-up-reminders"] == {
        "task": "afterward.remind_follow_ups",
        "schedule": settings.FOLLOW_UP_REMINDER_SECONDS,
    }


def test_the_task_creates_the_due_reports_and_reminds_once(practice, submitter):
    assert remind_follow_ups() == 1
    assert remind_follow_ups() == 0
    assert FollowUpReport.objects.count() == 1
    assert OutboxMessage.objects.filter(kind="afterward.follow_up_due").count() == 1
