from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    """What an event is about; the audit view filters on it (cases come from ``CaseEvent``)."""

    CASES = "cases", _("Cases")
    REVIEWS = "reviews", _("Reviews")
    DECISIONS = "decisions", _("Decisions")
    CYCLES = "cycles", _("Cycles")
    USERS = "users", _("Users")
    INVITATIONS = "invitations", _("Invitations")
    AFTERWARD = "afterward", _("Follow-ups and adoptions")


class Action(models.TextChoices):
    """Every action the trail records, with the area it belongs to (``AREA_OF``)."""

    REVIEWER_ASSIGNED = "reviewer_assigned", _("Reviewer assigned")
    REVIEW_SUBMITTED = "review_submitted", _("Review submitted")
    REVIEW_REOPENED = "review_reopened", _("Review reopened")
    REVIEWER_RECUSED = "reviewer_recused", _("Reviewer declared a conflict")
    REVISION_REQUESTED = "revision_requested", _("Revision requested")
    REVISION_WITHDRAWN = "revision_withdrawn", _("Revision request withdrawn")
    CASE_DECIDED = "case_decided", _("Case decided")
    CYCLE_STATE_CHANGED = "cycle_state_changed", _("Cycle state changed")
    CYCLE_PUBLISHED = "cycle_published", _("Results published")
    INVITATION_SENT = "invitation_sent", _("Invitation sent")
    INVITATION_REVOKED = "invitation_revoked", _("Invitation revoked")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    USER_DEACTIVATED = "user_deactivated", _("User deactivated")
    USER_REACTIVATED = "user_reactivated", _("User reactivated")
    PASSWORD_RESET = "password_reset", _("Password reset")
    TWO_FACTOR_ENROLLED = "two_factor_enrolled", _("Two-factor authentication set up")
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("Recovery codes renewed")
    API_TOKEN_CREATED = "api_token_created", _("API token created")
    API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
    FOLLOW_UP_POINTS_SET = "follow_up_points_set", _("Follow-up points set")
    FOLLOW_UP_SUBMITTED = "follow_up_submitted", _("Follow-up report submitted")
    FOLLOW_UP_VERIFIED = "follow_up_verified", _("Follow-up report verified")
    ADOPTION_RECORDED = "adoption_recorded", _("Adoption recorded")
    ADOPTION_CONFIRMED = "adoption_confirmed", _("Adoption confirmed")
    ADOPTION_DECLINED = "adoption_declined", _("Adoption not confirmed")


AREA_OF = {
    Action.REVIEWER_ASSIGNED: Area.REVIEWS,
    Action.REVIEW_SUBMITTED: Area.REVIEWS,
    Action.REVIEW_REOPENED: Area.REVIEWS,
    Action.REVIEWER_RECUSED: Area.REVIEWS,
    Action.REVISION_REQUESTED: Area.REVIEWS,
    Action.REVISION_WITHDRAWN: Area.REVIEWS,
    Action.CASE_DECIDED: Area.DECISIONS,
    Action.CYCLE_STATE_CHANGED: Area.CYCLES,
    Action.CYCLE_PUBLISHED: Area.CYCLES,
    Action.INVITATION_SENT: Area.INVITATIONS,
    Action.INVITATION_REVOKED: Area.INVITATIONS,
    Action.INVITATION_ACCEPTED: Area.INVITATIONS,
    Action.USER_DEACTIVATED: Area.USERS,
    Action.USER_REACTIVATED: Area.USERS,
    Action.PASSWORD_RESET: Area.USERS,
    Action.TWO_FACTOR_ENROLLED: Area.USERS,
    Action.RECOVERY_CODES_RENEWED: Area.USERS,
    Action.API_TOKEN_CREATED: Area.USERS,
    Action.API_TOKEN_REVOKED: Area.USERS,
    Action.FOLLOW_UP_POINTS_SET: Area.AFTERWARD,
    Action.FOLLOW_UP_SUBMITTED: Area.AFTERWARD,
    Action.FOLLOW_UP_VERIFIED: Area.AFTERWARD,
    Action.ADOPTION_RECORDED: Area.AFTERWARD,
    Action.ADOPTION_CONFIRMED: Area.AFTERWARD,
    Action.ADOPTION_DECLINED: Area.AFTERWARD,
}


class AuditEvent(models.Model):
    """One change: who (``actor``, None for the system or an anonymous invitee's first step), what
    (``action`` on the object ``target_type``/``target_id``, named ``target_label`` as it was then)
    and when. Rows are only ever added."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    area = models.CharField(_("area"), max_length=12, choices=Area.choices, db_index=True)
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(_("object"), max_length=255, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]
        constraints = [
            models.CheckConstraint(name="audit_area_valid", condition=models.Q(area__in=[a.value for a in Area])),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.target_label}"
