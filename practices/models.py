"""The public site's own data: citizen feedback on awarded practices ("Have you felt this
improvement?"). The table keeps the name it had when the model lived in ``cases``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import InnovationCase
from core.limits import NOTE_MAX_LENGTH


class FeltImprovement(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("Not sure")


class ModerationState(models.TextChoices):
    NONE = "none", _("No comment")
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class CitizenFeedback(models.Model):
    """ "Have you felt this improvement?" — one answer per visitor per awarded case."""

    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="feedback")
    felt = models.CharField(_("felt the improvement"), max_length=10, choices=FeltImprovement.choices)
    comment = models.TextField(_("comment"), max_length=NOTE_MAX_LENGTH, blank=True)
    # The language the comment is written in (a comment is shown as written, never translated), so
    # that pages mark it with a lang attribute and say when it is not in the page's language.
    comment_language = models.CharField(_("language of the comment"), max_length=8, blank=True)
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=ModerationState.choices, default=ModerationState.NONE
    )
    # A salted hash identifying the visitor (signed-in user or browser); never the raw address.
    visitor = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "cases_citizenfeedback"
        ordering = ["-created_at", "id"]
        verbose_name = _("citizen feedback")
        verbose_name_plural = _("citizen feedback")
        constraints = [
            models.UniqueConstraint(fields=["case", "visitor"], name="feedback_one_per_visitor"),
            models.CheckConstraint(name="feedback_felt_valid", condition=Q(felt__in=FeltImprovement.values)),
            models.CheckConstraint(
                name="feedback_moderation_valid", condition=Q(moderation__in=ModerationState.values)
            ),
            models.CheckConstraint(
                name="feedback_comment_needs_moderation",
                condition=Q(comment="", moderation=ModerationState.NONE)
                | (~Q(comment="") & ~Q(moderation=ModerationState.NONE)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_felt_display()} ({self.case_id})"
