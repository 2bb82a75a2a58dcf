"""Role predicates: one named rule each, reused by views, the API and templates."""

from __future__ import annotations

from .models import Role


def _role(user) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.role


def is_submitter(user) -> bool:
    return _role(user) == Role.SUBMITTER and user.government_id is not None


def is_reviewer(user) -> bool:
    return _role(user) == Role.REVIEWER


def is_manager(user) -> bool:
    return _role(user) == Role.MANAGER


def is_staff_role(user) -> bool:
    """Reviewers and managers: ministry people who may look beyond the published awards."""
    return is_reviewer(user) or is_manager(user)
