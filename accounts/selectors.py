"""Reads of the accounts pages."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import ApiToken, Invitation, InvitationStatus, Role, User


def invitations(*, status: str = "") -> QuerySet[Invitation]:
    """Invitations, newest first, optionally of one ``InvitationStatus``."""
    now = timezone.now()
    queryset = Invitation.objects.select_related("government", "invited_by", "user", "revoked_by")
    open_ = Q(accepted_at__isnull=True, revoked_at__isnull=True)
    if status == InvitationStatus.PENDING:
        queryset = queryset.filter(open_, expires_at__gt=now)
    elif status == InvitationStatus.EXPIRED:
        queryset = queryset.filter(open_, expires_at__lte=now)
    elif status == InvitationStatus.ACCEPTED:
        queryset = queryset.filter(accepted_at__isnull=False)
    elif status == InvitationStatus.REVOKED:
        queryset = queryset.filter(revoked_at__isnull=False)
    return queryset


def staff(*, government=None, role: str = "", search: str = "") -> QuerySet[User]:
    """People with a role (superusers without one are the operators, not staff), active first."""
    queryset = User.objects.exclude(role="").select_related("government")
    if government is not None:
        queryset = queryset.filter(government=government)
    if role in Role.values:
        queryset = queryset.filter(role=role)
    if search:
        queryset = queryset.filter(
            Q(username__icontains=search)
            | Q(email__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
        )
    return queryset.order_by("-is_active", "role", "username")


def api_tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
