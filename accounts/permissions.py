"""Role predicates (``core.rules``): the building blocks of every app's permission rules."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.rules import predicate

from .models import Role


def _role(user) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.role


@predicate(message=_("Only municipal staff of a local government can do this."))
def is_submitter(user, obj=None) -> bool:
    return _role(user) == Role.SUBMITTER and user.government_id is not None


@predicate(message=_("Only reviewers can do this."))
def is_reviewer(user, obj=None) -> bool:
    return _role(user) == Role.REVIEWER


@predicate(message=_("Only award managers may do this."))
def is_manager(user, obj=None) -> bool:
    return _role(user) == Role.MANAGER


# Reviewers and managers: ministry people who may look beyond the published awards.
is_staff_role = is_reviewer | is_manager
