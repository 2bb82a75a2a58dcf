"""Who may file, verify and read follow-up reports, and record and confirm adoptions (``core.rules``)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_manager, is_reviewer, is_submitter
from cases.permissions import is_public_case
from core.errors import Conflict
from core.rules import predicate, rule
from reviews.permissions import conflict_reason

from .models import REPORTED_STATES, Adoption, AdoptionState, FollowUpReport, ReportState

# --- on a follow-up report ----------------------------------------------------------------------


@predicate(message=_("Only the staff of the practice's own government can report on it."))
def is_own_government_report(user, report: FollowUpReport) -> bool:
    return is_submitter(user) and report.case.government_id == user.government_id


@predicate(
    message=_("This follow-up report has already been submitted."),
    error=Conflict,
    code="already_submitted",
)
def report_is_due(user, report: FollowUpReport) -> bool:
    return report.state == ReportState.DUE


@predicate(
    message=lambda user, report: (
        gettext("Only a submitted report can be verified; this one is “%(state)s”.")
        % {"state": ReportState(report.state).label}
    ),
    error=Conflict,
    code="invalid_state",
)
def report_awaits_verification(user, report: FollowUpReport) -> bool:
    return report.state == ReportState.SUBMITTED


@predicate(
    message=lambda user, report: (
        gettext("Conflict of interest: %(reason)s") % {"reason": conflict_reason(user, report.case)}
    ),
    error=Conflict,
    code="conflict_of_interest",
)
def report_has_no_conflict(user, report: FollowUpReport) -> bool:
    return conflict_reason(user, report.case) is None


@predicate
def is_published_report(user, report: FollowUpReport) -> bool:
    return report.state in REPORTED_STATES and is_public_case(user, report.case)


# --- on an awarded practice ---------------------------------------------------------------------


@predicate(message=_("Adoptions are recorded for awarded practices of published cycles."))
def is_awarded_practice(user, case) -> bool:
    return is_public_case(user, case)


@predicate(
    message=_("Your own government's practice cannot be recorded as adopted by it."),
    error=Conflict,
    code="own_practice",
)
def is_another_governments_practice(user, case) -> bool:
    return case.government_id != getattr(user, "government_id", None)


@predicate(
    message=_("Your government's adoption of this practice is already recorded."),
    error=Conflict,
    code="already_recorded",
)
def adoption_not_yet_recorded(user, case) -> bool:
    return not Adoption.objects.filter(source=case, adopter_id=user.government_id).exists()


# --- on an adoption -----------------------------------------------------------------------------


@predicate(message=_("Only the staff of the government the practice comes from can confirm it."))
def is_origin_of_adoption(user, adoption: Adoption) -> bool:
    return is_submitter(user) and adoption.source.government_id == user.government_id


@predicate(message=_("This adoption has already been answered."), error=Conflict, code="already_answered")
def adoption_is_pending(user, adoption: Adoption) -> bool:
    return adoption.state == AdoptionState.PENDING


@predicate
def is_confirmed_adoption(user, adoption: Adoption) -> bool:
    return adoption.state == AdoptionState.CONFIRMED and is_public_case(user, adoption.source)


@predicate
def is_party_to_adoption(user, adoption: Adoption) -> bool:
    return is_submitter(user) and user.government_id in (adoption.adopter_id, adoption.source.government_id)


# --- rules --------------------------------------------------------------------------------------

# The follow-ups page: submitters (their reports and adoptions), reviewers (reports to verify), managers.
can_view_follow_ups = rule("afterward.view_follow_ups", is_submitter | is_reviewer | is_manager)
# Reports that are overdue, and the cycles' follow-up points, are the managers'.
can_manage_follow_ups = rule("afterward.manage_follow_ups", is_manager)
can_view_report = rule(
    "afterward.view_report", is_manager | is_reviewer | is_own_government_report | is_published_report
)
can_file_report = rule("afterward.file_report", is_own_government_report & report_is_due)
can_verify_report = rule("afterward.verify_report", is_reviewer & report_awaits_verification & report_has_no_conflict)
can_record_adoption = rule(
    "afterward.record_adoption",
    is_submitter & is_awarded_practice & is_another_governments_practice & adoption_not_yet_recorded,
)
can_view_adoption = rule("afterward.view_adoption", is_manager | is_party_to_adoption | is_confirmed_adoption)
can_answer_adoption = rule("afterward.answer_adoption", is_origin_of_adoption & adoption_is_pending)
