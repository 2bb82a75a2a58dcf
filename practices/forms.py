"""Forms of the public site: citizen feedback and its moderation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.limits import NOTE_MAX_LENGTH

from .models import FeltImprovement, ModerationState


class FeedbackForm(forms.Form):
    felt = forms.ChoiceField(
        label=_("Have you felt this improvement?"),
        choices=FeltImprovement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes, no or not sure.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "class": "krds-input"}),
        help_text=_("Comments are published after a moderator has read them. Do not include personal information."),
    )
    # Who is answering, for visitors without a session yet (services.new_form_token).
    visitor_token = forms.CharField(required=False, widget=forms.HiddenInput)
    # Honeypot: hidden from people (off-screen, out of the tab order); bots that fill it are dropped.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[(ModerationState.APPROVED, _("Approve")), (ModerationState.REJECTED, _("Reject"))]
    )
