"""The rules of DESIGN.md §4 for cases, each a named rule of small predicates (``core.rules``),
checked through one call by the services, views, the API and templates.

Who may *see* a case is also expressed as a queryset in ``selectors.visible_cases``; the two must
agree, and tests check both against the same matrix."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_manager, is_submitter
from core.errors import Conflict
from core.rules import predicate, rule

from .access import case_readers
from .models import AwardCycle, CaseState, CycleState, InnovationCase
from .workflow import EDITABLE_STATES, WITHDRAWABLE_STATES


def cycle_accepts_submissions(cycle: AwardCycle, *, now=None) -> bool:
    now = now or timezone.now()
    return cycle.state == CycleState.OPEN and cycle.submission_opens <= now <= cycle.submission_closes


def _state_label(case: InnovationCase) -> str:
    return CaseState(case.state).label


# --- predicates -------------------------------------------------------------------------------


@predicate
def is_public_case(user, case: InnovationCase) -> bool:
    return case.state == CaseState.AWARDED and case.cycle.state == CycleState.PUBLISHED


@predicate(message=_("You can only act on cases of your own government."))
def is_own_government_case(user, case: InnovationCase) -> bool:
    return is_submitter(user) and case.government_id == user.government_id


@predicate
def is_reader_by_another_app(user, case: InnovationCase) -> bool:
    """Readers that later apps register (``cases.access``): the reviewers assigned to the case."""
    return any(reader.allows(user, case) for reader in case_readers())


@predicate(
    message=lambda user, cycle: _("The %(cycle)s cycle is not accepting submissions.") % {"cycle": cycle.label},
    error=Conflict,
    code="cycle_closed",
)
def cycle_is_open(user, cycle: AwardCycle) -> bool:
    return cycle_accepts_submissions(cycle)


@predicate(
    message=lambda user, case: (
        _("A case that is “%(state)s” can no longer be changed.") % {"state": _state_label(case)}
    ),
    error=Conflict,
    code="invalid_state",
)
def is_editable_state(user, case: InnovationCase) -> bool:
    return case.state in EDITABLE_STATES


@predicate(
    message=lambda user, case: (
        _("The %(cycle)s cycle is not accepting submissions: drafts can no longer be changed.")
        % {"cycle": case.cycle.label}
    ),
    error=Conflict,
    code="cycle_closed",
)
def case_cycle_is_open(user, case: InnovationCase) -> bool:
    return cycle_accepts_submissions(case.cycle)


@predicate
def is_answering_revision(user, case: InnovationCase) -> bool:
    return case.state == CaseState.REVISION_REQUESTED


@predicate(
    message=lambda user, case: _("A case that is “%(state)s” cannot be withdrawn.") % {"state": _state_label(case)},
    error=Conflict,
    code="invalid_state",
)
def is_withdrawable_state(user, case: InnovationCase) -> bool:
    return case.state in WITHDRAWABLE_STATES


@predicate(
    message=lambda user, case: _("A case that is “%(state)s” cannot be submitted.") % {"state": _state_label(case)},
    error=Conflict,
    code="invalid_state",
)
def is_submittable_state(user, case: InnovationCase) -> bool:
    return case.state in EDITABLE_STATES  # a draft, or a case answering a revision request


# --- rules ------------------------------------------------------------------------------------

can_view_case = rule("cases.view_case", is_public_case | is_manager | is_own_government_case | is_reader_by_another_app)
can_view_own_cases = rule("cases.view_own_cases", is_submitter)
# Municipal staff write their government's cases, through the pages or the API.
can_write_cases = rule("cases.write_cases", is_submitter)
can_create_case = rule("cases.create_case", can_write_cases & cycle_is_open)
# Drafts while the cycle is open; a case sent back for revision until it is resubmitted.
can_edit_case = rule(
    "cases.edit_case", is_own_government_case & is_editable_state & (case_cycle_is_open | is_answering_revision)
)
# What the case still lacks, and a cycle that has closed, are listed by ``services.submission_problems``.
can_submit_case = rule("cases.submit_case", is_own_government_case & is_submittable_state)
can_withdraw_case = rule("cases.withdraw_case", is_own_government_case & is_withdrawable_state)
# The revision thread is between the ministry and the government; the reviewers of the case read it
# beside what changed. Not for the public, even once the case is a published practice.
can_view_revision_requests = rule(
    "cases.view_revision_requests", is_own_government_case | is_manager | is_reader_by_another_app
)
# Contact details of a government's staff are for the ministry and the government itself.
can_view_contact_details = rule("cases.view_contact_details", is_own_government_case | is_manager)
