"""Who may answer "Have you felt this improvement?" and who moderates the comments (``core.rules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_manager
from cases.permissions import is_public_case
from core.errors import NotAllowed
from core.rules import always_message, rule

# Anyone, signed in or not, on an awarded practice of a published cycle.
can_give_feedback = rule(
    "practices.give_feedback",
    always_message(_("Feedback is only possible on published awarded practices."), is_public_case, error=NotAllowed),
)
can_moderate_feedback = rule(
    "practices.moderate_feedback", always_message(_("Only award managers can moderate comments."), is_manager)
)
