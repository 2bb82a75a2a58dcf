from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SUBMITTER = "submitter", _("Submitter (municipal staff)")
    REVIEWER = "reviewer", _("Reviewer")
    MANAGER = "manager", _("Award manager")


class User(AbstractUser):
    """A person who signs in. Superusers may have no role; everyone else has exactly one.

    The government affiliation is required for submitters (they act for it) and optional for
    reviewers (it drives the conflict-of-interest rules)."""

    role = models.CharField(_("role"), max_length=12, choices=Role.choices, blank=True)
    government = models.ForeignKey(
        "governments.LocalGovernment",
        verbose_name=_("government"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.CheckConstraint(
                name="user_role_valid",
                condition=Q(role__in=["", *Role.values]),
                violation_error_message=_("Unknown role."),
            ),
            models.CheckConstraint(
                name="user_submitter_has_government",
                condition=~Q(role=Role.SUBMITTER) | Q(government__isnull=False),
                violation_error_message=_("A submitter must belong to a government."),
            ),
        ]

    @property
    def is_submitter(self) -> bool:
        return self.role == Role.SUBMITTER

    @property
    def is_reviewer(self) -> bool:
        return self.role == Role.REVIEWER

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER
