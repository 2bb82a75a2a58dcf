"""Role predicates (``core.rules``): the building blocks of every app's permission rules."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.rules import predicate, rule

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


def requires_second_factor(user) -> bool:
    """Managers, reviewers and anyone who can open the admin must sign in with a second factor;
    submitters may choose to (then they must too)."""
    return is_staff_role(user) or bool(getattr(user, "is_staff", False) or getattr(user, "is_superuser", False))


# --- the accounts app's rules -------------------------------------------------------------------


@predicate(message=_("Managers cannot change their own account here."))
def is_someone_else(user, target) -> bool:
    return target is not None and target.pk != user.pk


@predicate(message=_("Only submitters' and reviewers' accounts are managed here."))
def is_invitable_role(user, target) -> bool:
    return target is not None and target.role in (Role.SUBMITTER, Role.REVIEWER)


@predicate(message=_("Please sign in."))
def is_signed_in(user, obj=None) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@predicate(message=_("This token belongs to someone else."))
def owns_token(user, token) -> bool:
    return token is not None and token.user_id == getattr(user, "pk", None)


rule("accounts.invite_staff", is_manager)
rule("accounts.revoke_invitation", is_manager)
rule("accounts.view_staff", is_manager)
rule("accounts.change_user_activity", is_manager & is_someone_else & is_invitable_role)
rule("accounts.create_api_token", is_signed_in)
rule("accounts.revoke_api_token", is_signed_in & owns_token)
