from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = _("Statistics dashboard")

    def ready(self):
        from . import permissions  # noqa: F401  (registers the app's rules)
