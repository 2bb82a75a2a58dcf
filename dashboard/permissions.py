"""Who may see what on the dashboard (one named predicate per rule)."""

from __future__ import annotations

from accounts import permissions as roles


def can_choose_submitted_scope(user) -> bool:
    """Reviewers and managers may widen the statistics to every submitted case, not only the awards."""
    return roles.is_staff_role(user)


def can_view_award_rate(user) -> bool:
    """The award rate by tier (awarded ÷ submitted) is for award managers."""
    return roles.is_manager(user)
