from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: the application error, permission rules, rounding, the revision counter."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
