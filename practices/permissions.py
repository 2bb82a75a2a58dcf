"""Who may answer "Have you felt this improvement?" and who moderates the comments."""

from __future__ import annotations

from accounts import permissions as roles
from cases.models import InnovationCase
from cases.permissions import is_public_case


def can_give_feedback(user, case: InnovationCase) -> bool:
    """Anyone, signed in or not, on an awarded practice of a published cycle."""
    return is_public_case(case)


def can_moderate_feedback(user) -> bool:
    return roles.is_manager(user)
