"""Who may see what on the dashboard (``core.rules``)."""

from __future__ import annotations

from accounts.permissions import is_manager, is_staff_role
from core.rules import rule

# Reviewers and managers may widen the statistics to every submitted case, not only the awards.
can_choose_submitted_scope = rule("dashboard.choose_submitted_scope", is_staff_role)
# The award rate by tier (awarded ÷ submitted) is for award managers.
can_view_award_rate = rule("dashboard.view_award_rate", is_manager)
