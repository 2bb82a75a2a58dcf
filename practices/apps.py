from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Awarded practices")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the app's rules)
