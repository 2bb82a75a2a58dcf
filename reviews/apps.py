from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Reviews and awards")

    def ready(self):
        from cases.access import CaseReader, register_case_reader

        from . import permissions  # noqa: F401  (registers the app's rules)
        from .permissions import is_assigned_reviewer
        from .selectors import assigned_cases_condition

        register_case_reader(
            CaseReader(name="assigned_reviewer", condition=assigned_cases_condition, allows=is_assigned_reviewer)
        )
