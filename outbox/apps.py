from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Messages to send, written in the transaction of the change that causes them and delivered
    afterwards by a Celery worker (or in-process when no broker is configured)."""

    name = "outbox"
    verbose_name = _("Outgoing messages")
