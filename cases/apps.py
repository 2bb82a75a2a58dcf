from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Innovation cases")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks, permissions  # noqa: F401  (registers the app's checks and rules)

        post_migrate.connect(_install_derived, sender=self)


def _install_derived(sender, using="default", **kwargs) -> None:
    from django.db import connections

    from .derived import install

    install(connections[using])
