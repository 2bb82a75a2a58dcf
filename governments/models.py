from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Tier(models.TextChoices):
    """Local government tiers, in the order used everywhere (tables, filters, charts)."""

    PROVINCE = "province", _("Province")
    METROPOLIS = "metropolis", _("Metropolis")
    CITY = "city", _("City")
    DISTRICT = "district", _("District")
    COUNTY = "county", _("County")


UPPER_TIERS = (Tier.PROVINCE, Tier.METROPOLIS)
# Lower-level tier -> the tiers its parent may have. Counties mostly belong to provinces, but five
# belong to metropolises (e.g. Gijang-gun of Busan, Dalseong-gun of Daegu), as in the 2006 registry.
PARENT_TIERS = {
    Tier.CITY: (Tier.PROVINCE,),
    Tier.COUNTY: (Tier.PROVINCE, Tier.METROPOLIS),
    Tier.DISTRICT: (Tier.METROPOLIS,),
}
TIER_ORDER = [tier.value for tier in Tier]


class LocalGovernment(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("KOSTAT code"))
    name = models.CharField(_("name (English)"), max_length=100)
    name_local = models.CharField(_("name (Korean)"), max_length=100)
    tier = models.CharField(_("tier"), max_length=12, choices=Tier.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    population = models.PositiveIntegerField(_("population"))
    population_year = models.PositiveSmallIntegerField(_("population year"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("local government")
        verbose_name_plural = _("local governments")
        constraints = [
            models.CheckConstraint(
                name="government_tier_valid",
                condition=Q(tier__in=TIER_ORDER),
                violation_error_message=_("Unknown tier."),
            ),
            models.CheckConstraint(
                name="government_population_not_negative",
                condition=Q(population__gte=0),
                violation_error_message=_("Population cannot be negative."),
            ),
            # Upper level has no parent; lower level must have one. That the parent has the right
            # tier is a cross-row rule, enforced by a trigger (migration 0002) and in clean().
            models.CheckConstraint(
                name="government_parent_matches_level",
                condition=(Q(tier__in=UPPER_TIERS) & Q(parent__isnull=True))
                | (~Q(tier__in=UPPER_TIERS) & Q(parent__isnull=False)),
                violation_error_message=_(
                    "Provinces and metropolises have no parent; cities, counties and districts must have one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the active language, lower-level ones qualified by their parent."""
        korean = (get_language() or "en").startswith("ko")
        own = self.name_local if korean else self.name
        if self.parent_id is None:
            return own
        parent = self.parent.name_local if korean else self.parent.name
        return f"{parent} {own}" if korean else f"{own}, {parent}"

    @property
    def is_upper_level(self) -> bool:
        return self.tier in UPPER_TIERS

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        allowed = PARENT_TIERS.get(self.tier)
        if allowed and self.parent is not None and self.parent.tier not in allowed:
            raise ValidationError(
                {
                    "parent": _("A %(tier)s must belong to a %(parents)s.")
                    % {"tier": Tier(self.tier).label, "parents": " / ".join(str(Tier(t).label) for t in allowed)}
                }
            )
