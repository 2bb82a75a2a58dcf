"""One named predicate per rule (DESIGN.md §4), reused by views, the API and templates.

Who may *see* a case is also expressed as a queryset in ``selectors.visible_cases``; the two must
agree, and tests check both against the same matrix."""

from __future__ import annotations

from django.utils import timezone

from accounts import permissions as roles

from .access import case_readers
from .models import AwardCycle, CaseState, CycleState, InnovationCase
from .workflow import EDITABLE_STATES


def is_public_case(case: InnovationCase) -> bool:
    return case.state == CaseState.AWARDED and case.cycle.state == CycleState.PUBLISHED


def cycle_accepts_submissions(cycle: AwardCycle, *, now=None) -> bool:
    now = now or timezone.now()
    return cycle.state == CycleState.OPEN and cycle.submission_opens <= now <= cycle.submission_closes


def is_own_government_case(user, case: InnovationCase) -> bool:
    return roles.is_submitter(user) and case.government_id == user.government_id


def can_view_case(user, case: InnovationCase) -> bool:
    return (
        is_public_case(case)
        or roles.is_manager(user)
        or is_own_government_case(user, case)
        or any(reader.allows(user, case) for reader in case_readers())
    )


def can_create_case(user, cycle: AwardCycle) -> bool:
    return roles.is_submitter(user) and cycle_accepts_submissions(cycle)


def can_edit_case(user, case: InnovationCase) -> bool:
    """Drafts while the cycle is open; a case sent back for revision until it is resubmitted."""
    if not is_own_government_case(user, case) or case.state not in EDITABLE_STATES:
        return False
    return case.state == CaseState.REVISION_REQUESTED or cycle_accepts_submissions(case.cycle)


def can_submit_case(user, case: InnovationCase) -> bool:
    return can_edit_case(user, case)


def can_withdraw_case(user, case: InnovationCase) -> bool:
    return is_own_government_case(user, case) and case.state in (CaseState.DRAFT, CaseState.SUBMITTED)
