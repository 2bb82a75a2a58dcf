"""The project's Celery app: ``celery -A innovation worker`` and ``celery -A innovation beat``.

Configuration comes from the Django settings named ``CELERY_*``; tasks live in each app's
``tasks.py`` (today: the outbox's delivery and sweep)."""

import os

from celery import Celery
from celery.signals import task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.production")

app = Celery("innovation")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def _new_request_id(**kwargs):
    """Every task's log lines share an id (delivery switches to that of the request that queued
    the message, outbox/services.py)."""
    from core.logging import new_request_id, set_request_id

    set_request_id(new_request_id())
