"""The project's Celery app: ``celery -A innovation worker`` and ``celery -A innovation beat``.

Configuration comes from the Django settings named ``CELERY_*``; tasks live in each app's
``tasks.py`` (today: the outbox's delivery and sweep)."""

import os

from celery import Celery
from celery.signals import before_task_publish, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.production")

app = Celery("innovation")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@before_task_publish.connect
def _pass_request_id(headers=None, **kwargs):
    """The request that queued a task lends it its id, so the worker's log lines join the request's."""
    from core.logging import current_request_id

    if headers is not None and current_request_id():
        headers.setdefault("request_id", current_request_id())


@task_prerun.connect
def _adopt_request_id(task=None, **kwargs):
    from core.logging import new_request_id, set_request_id

    request_id = getattr(task.request, "request_id", None) if task is not None else None
    set_request_id(request_id or new_request_id())
