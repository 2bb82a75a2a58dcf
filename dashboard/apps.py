from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = _("Statistics dashboard")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import permissions  # noqa: F401  (registers the app's rules)

        post_migrate.connect(_install_summaries, sender=self)


def _install_summaries(sender, using="default", **kwargs) -> None:
    from django.db import connections

    from .summaries import install

    install(connections[using])
