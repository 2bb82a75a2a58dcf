"""System checks of the deployment: production settings refuse to run with per-process state."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def shared_state_configured(app_configs=None, **kwargs):
    if not getattr(settings, "REQUIRE_SHARED_STATE", False):
        return []
    errors = []
    if not getattr(settings, "REDIS_URL", ""):
        errors.append(
            Error(
                "REDIS_URL is not set.",
                hint=(
                    "Production keeps the cache, sessions, rate limits and throttles in Redis so that every "
                    "app server counts the same; set REDIS_URL=redis://host:6379/0 (see docs/operations.md)."
                ),
                id="core.E001",
            )
        )
    if getattr(settings, "OUTBOX_DELIVERY", "") != "celery":
        errors.append(
            Error(
                "Notifications are not delivered through Celery.",
                hint="Set CELERY_BROKER_URL (or REDIS_URL) and run a Celery worker and beat (docs/operations.md).",
                id="core.E002",
            )
        )
    return errors
