from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
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
    # The name as written in Korean (family name first, no space: "김민준"); first_name/last_name hold
    # the romanised name ("Min-jun" "Kim").
    name_local = models.CharField(_("name in Korean"), max_length=150, blank=True)
    # The language the person last used on the site (set when they sign in or switch); e-mails to
    # them are written in it (reviews.notifications.recipient_language).
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)

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

    def get_full_name(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The person's name for the active language: the Korean name on Korean pages (and wherever
        there is no romanised one), "first last" in English; the username when no name is known."""
        english = " ".join(part for part in (self.first_name.strip(), self.last_name.strip()) if part)
        korean = self.name_local.strip()
        if korean and ((get_language() or "").startswith("ko") or not english):
            return korean
        return english or korean or self.username

    @property
    def is_submitter(self) -> bool:
        return self.role == Role.SUBMITTER

    @property
    def is_reviewer(self) -> bool:
        return self.role == Role.REVIEWER

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Used")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class Invitation(models.Model):
    """A manager's invitation of one person by e-mail, as a submitter of a government or as a
    reviewer. Only the SHA-256 of the link's secret is stored; the link works once, until
    ``expires_at``, unless revoked."""

    INVITABLE_ROLES = (Role.SUBMITTER, Role.REVIEWER)

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    government = models.ForeignKey(
        "governments.LocalGovernment",
        verbose_name=_("government"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, verbose_name=_("invited by"), on_delete=models.PROTECT, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("used"), null=True, blank=True)
    user = models.OneToOneField(
        User,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitation",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                name="invitation_role_invitable", condition=Q(role__in=[Role.SUBMITTER, Role.REVIEWER])
            ),
            models.CheckConstraint(
                name="invitation_submitter_has_government",
                condition=~Q(role=Role.SUBMITTER) | Q(government__isnull=False),
            ),
            models.CheckConstraint(
                name="invitation_used_or_revoked_not_both",
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
            ),
            models.CheckConstraint(
                name="invitation_used_has_account",
                condition=Q(accepted_at__isnull=True, user__isnull=True)
                | Q(accepted_at__isnull=False, user__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def status_at(self, now) -> InvitationStatus:
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= now:
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored (the token itself is shown once); it
    expires and can be revoked; ``prefix`` (its first characters) lets its owner recognise it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_usable_at(self, now) -> bool:
        return self.revoked_at is None and self.expires_at > now
