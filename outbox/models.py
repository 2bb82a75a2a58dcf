"""An outgoing e-mail, stored with the change that causes it (the "transactional outbox").

The message is rendered when the row is written, in the recipient's language, so that delivering
or resending it needs nothing but the row. A rolled-back change leaves no row; a committed one stays
``pending`` until a worker has handed it to the mail server, however long the broker or the mail
server is away."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MessageState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboxMessage(models.Model):
    kind = models.CharField(_("kind"), max_length=50, help_text=_("What caused it, e.g. reviews.assignment."))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    to = models.EmailField(_("address"), max_length=254)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    erase_when_sent = models.BooleanField(
        _("erase the body once sent"),
        default=False,
        help_text=_("For messages that carry a secret (a sign-in or password-reset link): nobody reads it here."),
    )
    state = models.CharField(_("state"), max_length=10, choices=MessageState.choices, default=MessageState.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("taken by a worker at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="outbox_state_next_idx")]
        constraints = [
            models.CheckConstraint(name="outbox_state_valid", condition=Q(state__in=MessageState.values)),
            models.CheckConstraint(
                name="outbox_sent_has_time",
                condition=~Q(state=MessageState.SENT) | Q(sent_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"
