from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AfterwardConfig(AppConfig):
    name = "afterward"
    verbose_name = _("After the award: follow-ups and adoptions")

    def ready(self) -> None:
        from practices.extensions import DetailSection, OpenDataField, register_detail_section, register_open_data_field

        from . import permissions, selectors  # noqa: F401  (permissions registers the app's rules)

        # The practice page and the open data are the practices app's; it offers hooks, this app fills them.
        register_detail_section(
            DetailSection(
                name="afterward", template="afterward/_practice_sections.html", context=selectors.practice_panel
            )
        )
        register_open_data_field(
            OpenDataField(
                name="adoptions",
                header=_("Adopted by (government codes)"),
                prefetch=selectors.open_data_prefetch,
                value=selectors.open_data_adoptions,
                csv=selectors.open_data_adoptions_csv,
            )
        )
