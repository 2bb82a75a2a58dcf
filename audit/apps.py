from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Who changed what and when, for everything that is not a case (cases keep their CaseEvent)."""

    name = "audit"
    verbose_name = _("Audit trail")
