"""Every write of the afterward app: the cycles' follow-up points, the reports that fall due (and
their reminders), filing and verifying a report, recording and answering an adoption.

Each function is keyword-only and atomic, checks its rule (``afterward.permissions``) on the rows it
has locked, and raises ``core.errors.ApplicationError`` with field messages keyed by domain names
(``status``, ``values.<outcome id>.value`` …)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import Action
from audit.services import record
from cases.models import AwardCycle, CaseState, CycleState, InnovationCase, Outcome, Verification
from core.errors import ApplicationError, Conflict
from core.rules import require

from . import notifications
from .models import (
    DEFAULT_FOLLOW_UP_YEARS,
    NEEDS_REASON,
    Adoption,
    AdoptionKind,
    AdoptionState,
    FollowUpPoint,
    FollowUpReport,
    FollowUpValue,
    ProgramStatus,
    ReportState,
)

REVIEW_VERIFICATIONS = (Verification.VERIFIED, Verification.PARTLY, Verification.NOT_VERIFIED)


def grace_days() -> int:
    """Days after the due date before a report counts as overdue."""
    return int(getattr(settings, "FOLLOW_UP_GRACE_DAYS", 90))


def years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def due_date(cycle: AwardCycle, years: int) -> dt.date | None:
    if cycle.published_at is None:
        return None
    return years_later(timezone.localdate(cycle.published_at), years)


def follow_up_years(cycle: AwardCycle, points: Iterable[FollowUpPoint] | None = None) -> list[int]:
    """The cycle's follow-up points in years after publication (the defaults when it sets none)."""
    if points is None:
        points = FollowUpPoint.objects.filter(cycle=cycle)
    years = sorted({point.years_after for point in points if point.cycle_id == cycle.pk})
    return years or list(DEFAULT_FOLLOW_UP_YEARS)


# --- follow-up points ---------------------------------------------------------------------------


@transaction.atomic
def set_follow_up_points(*, actor, cycle: AwardCycle, years: Iterable[int]) -> list[int]:
    """Set the cycle's follow-up points (years after publication, 1–20). Reports already due stay."""
    require(actor, "afterward.manage_follow_ups")
    chosen = sorted(set(years))
    if not chosen or any(not 1 <= year <= 20 for year in chosen):
        message = _("Give one or more whole numbers of years from 1 to 20.")
        raise ApplicationError(message, fields={"years": [message]})
    cycle = AwardCycle.objects.select_for_update().get(pk=cycle.pk)
    FollowUpPoint.objects.filter(cycle=cycle).exclude(years_after__in=chosen).delete()
    for year in chosen:
        FollowUpPoint.objects.get_or_create(cycle=cycle, years_after=year)
    record(actor=actor, action=Action.FOLLOW_UP_POINTS_SET, target=cycle, details={"years": chosen})
    return chosen


# --- reports falling due (the Celery beat task) --------------------------------------------------


@transaction.atomic
def create_due_reports(*, today: dt.date | None = None) -> list[FollowUpReport]:
    """Create the report of every awarded practice whose follow-up point has come and that has none
    yet, and remind its government's staff. Idempotent: a report exists once per practice and point
    (the published cycles are locked, so two runs at once wait for each other), so each reminder is
    sent once."""
    today = today or timezone.localdate()
    cycles = list(
        AwardCycle.objects.select_for_update()
        .filter(state=CycleState.PUBLISHED, published_at__isnull=False)
        .order_by("year")
    )
    points = list(FollowUpPoint.objects.filter(cycle__in=cycles))
    due: dict[int, list[tuple[int, dt.date]]] = {}
    for cycle in cycles:
        for years in follow_up_years(cycle, points):
            day = due_date(cycle, years)
            if day is not None and day <= today:
                due.setdefault(cycle.pk, []).append((years, day))
    if not due:
        return []
    existing = set(
        FollowUpReport.objects.filter(case__cycle_id__in=due).values_list("case_id", "years_after").order_by()
    )
    cases = {
        case.pk: case
        for case in InnovationCase.objects.filter(cycle_id__in=due, state=CaseState.AWARDED).select_related(
            "government", "cycle"
        )
    }
    now = timezone.now()
    new = []
    for case in cases.values():
        for years, day in due[case.cycle_id]:
            if (case.pk, years) not in existing:
                deadline = day + dt.timedelta(days=grace_days())
                new.append(FollowUpReport(case=case, years_after=years, due_on=day, deadline=deadline, reminded_at=now))
    created = FollowUpReport.objects.bulk_create(new)
    for report in created:
        report.case = cases[report.case_id]
    if created:
        notifications.notify_reports_due(created)
    return created


# --- filing and verifying a report ---------------------------------------------------------------


def _lock_report(report: FollowUpReport) -> FollowUpReport:
    return (
        FollowUpReport.objects.select_for_update(of=("self",))
        .select_related("case__government", "case__cycle")
        .get(pk=report.pk)
    )


def _decimal(raw, *, field: str, errors: dict, required: bool, minimum: Decimal | None = None) -> Decimal | None:
    if raw in (None, ""):
        if required:
            errors.setdefault(field, []).append(_("Enter a value."))
        return None
    try:
        value = Decimal(str(raw).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        errors.setdefault(field, []).append(_("Enter a number."))
        return None
    if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
        errors.setdefault(field, []).append(_("Enter a number."))
        return None
    if minimum is not None and value < minimum:
        errors.setdefault(field, []).append(_("Enter a number that is not negative."))
        return None
    return value


@transaction.atomic
def submit_report(
    *,
    actor,
    report: FollowUpReport,
    status: str,
    status_reason: str = "",
    status_reason_local: str = "",
    running_cost=None,
    note: str = "",
    note_local: str = "",
    values: Mapping[int, Mapping[str, str]],
) -> FollowUpReport:
    """File the report: the practice's status (with why, when it was scaled down or discontinued),
    the current value of every outcome indicator with its evidence, and the running cost per year.
    A discontinued practice may leave values and cost empty."""
    report = _lock_report(report)
    require(actor, "afterward.file_report", report)
    errors: dict[str, list[str]] = {}
    if status not in ProgramStatus.values:
        errors.setdefault("status", []).append(_("Choose the practice's status."))
    status_reason, status_reason_local = (status_reason or "").strip(), (status_reason_local or "").strip()
    if status in NEEDS_REASON and not (status_reason or status_reason_local):
        errors.setdefault("status_reason_local", []).append(_("Say why the practice was scaled down or discontinued."))
    running = status != ProgramStatus.DISCONTINUED
    cost = _decimal(running_cost, field="running_cost", errors=errors, required=running, minimum=Decimal(0))
    outcomes = list(Outcome.objects.filter(case=report.case))
    clean: dict[int, dict] = {}
    for outcome in outcomes:
        given = values.get(outcome.pk) or {}
        prefix = f"values.{outcome.pk}"
        value = _decimal(given.get("value"), field=f"{prefix}.value", errors=errors, required=running)
        evidence = {
            "evidence": (given.get("evidence") or "").strip(),
            "evidence_local": (given.get("evidence_local") or "").strip(),
            "evidence_url": (given.get("evidence_url") or "").strip(),
        }
        if running and not any(evidence.values()):
            errors.setdefault(f"{prefix}.evidence_local", []).append(_("Give the evidence of the current value."))
        clean[outcome.pk] = {"value": value, **evidence}
    if set(values) - {outcome.pk for outcome in outcomes}:
        errors.setdefault("values", []).append(_("Unknown outcomes for this practice."))
    if errors:
        raise ApplicationError(_("The report has problems; see the marked fields."), fields=errors)
    report.status = status
    report.status_reason, report.status_reason_local = status_reason, status_reason_local
    report.running_cost = cost
    report.note, report.note_local = (note or "").strip(), (note_local or "").strip()
    report.state = ReportState.SUBMITTED
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    try:
        report.full_clean(exclude=["case", "submitted_by", "verified_by"])
    except ValidationError as error:  # a length the form did not catch (the API)
        raise ApplicationError.from_validation_error(error) from None
    report.save()
    FollowUpValue.objects.filter(report=report).delete()
    rows = [FollowUpValue(report=report, outcome_id=pk, **fields) for pk, fields in clean.items()]
    for row in rows:
        try:
            row.full_clean(exclude=["report", "outcome"])
        except ValidationError as error:  # e.g. an evidence link that is not a URL
            fields = {f"values.{row.outcome_id}.{name}": msgs for name, msgs in error.message_dict.items()}
            raise ApplicationError(_("The report has problems; see the marked fields."), fields=fields) from None
    FollowUpValue.objects.bulk_create(rows)
    record(actor=actor, action=Action.FOLLOW_UP_SUBMITTED, target=report, details={"status": status})
    return report


@transaction.atomic
def verify_report(*, actor, report: FollowUpReport, verifications: Mapping[int, str], note: str = "") -> FollowUpReport:
    """A reviewer without a conflict of interest verifies each current value (verified / partly /
    not verified), as outcomes are verified at award time."""
    report = _lock_report(report)
    require(actor, "afterward.verify_report", report)
    values = list(FollowUpValue.objects.filter(report=report))
    errors: dict[str, list[str]] = {}
    for value in values:
        status = verifications.get(value.outcome_id) or ""
        if status not in REVIEW_VERIFICATIONS:
            errors.setdefault(f"verifications.{value.outcome_id}", []).append(_("Verify this value."))
    if set(verifications) - {value.outcome_id for value in values}:
        errors.setdefault("verifications", []).append(_("Unknown outcomes for this report."))
    if errors:
        raise ApplicationError(_("The verification has problems; see the marked fields."), fields=errors)
    for value in values:
        value.verification = verifications[value.outcome_id]
    FollowUpValue.objects.bulk_update(values, ["verification"])
    report.state = ReportState.VERIFIED
    report.verified_by = actor
    report.verified_at = timezone.now()
    report.verification_note = (note or "").strip()[:2000]
    report.save(update_fields=["state", "verified_by", "verified_at", "verification_note"])
    record(actor=actor, action=Action.FOLLOW_UP_VERIFIED, target=report)
    notifications.notify_report_verified(report)
    return report


# --- adoptions ----------------------------------------------------------------------------------


@transaction.atomic
def record_adoption(
    *,
    actor,
    case: InnovationCase,
    kind: str,
    adopted_on: dt.date | None,
    changes: str = "",
    changes_local: str = "",
    outcomes: str = "",
    outcomes_local: str = "",
) -> Adoption:
    """Record that the actor's government adopted (or adapted) the awarded practice ``case``: when,
    what it changed, its own outcomes. The practice's government is asked to confirm it."""
    case = InnovationCase.objects.select_related("cycle", "government").get(pk=case.pk)
    require(actor, "afterward.record_adoption", case)
    errors: dict[str, list[str]] = {}
    if kind not in AdoptionKind.values:
        errors.setdefault("kind", []).append(_("Say whether you adopted the practice as it was or adapted it."))
    changes, changes_local = (changes or "").strip(), (changes_local or "").strip()
    if kind == AdoptionKind.ADAPTED and not (changes or changes_local):
        errors.setdefault("changes_local", []).append(_("Say what your government changed."))
    today = timezone.localdate()
    if adopted_on is None:
        errors.setdefault("adopted_on", []).append(_("Give the date your government adopted it."))
    elif adopted_on > today:
        errors.setdefault("adopted_on", []).append(_("The date cannot be in the future."))
    elif case.cycle.published_at and adopted_on < timezone.localdate(case.cycle.published_at) - dt.timedelta(
        days=366 * 5
    ):
        errors.setdefault("adopted_on", []).append(_("The date is long before the practice was awarded."))
    if errors:
        raise ApplicationError(_("The adoption has problems; see the marked fields."), fields=errors)
    government = actor.government
    try:
        with transaction.atomic():
            adoption = Adoption.objects.create(
                source=case,
                adopter=government,
                adopter_tier=government.tier,
                kind=kind,
                adopted_on=adopted_on,
                changes=changes,
                changes_local=changes_local,
                outcomes=(outcomes or "").strip(),
                outcomes_local=(outcomes_local or "").strip(),
                recorded_by=actor,
            )
    except IntegrityError:
        raise Conflict(
            _("Your government's adoption of this practice is already recorded."), code="already_recorded"
        ) from None
    record(actor=actor, action=Action.ADOPTION_RECORDED, target=adoption, details={"kind": kind})
    notifications.notify_adoption_recorded(adoption)
    return adoption


@transaction.atomic
def answer_adoption(*, actor, adoption: Adoption, confirm: bool, note: str = "") -> Adoption:
    """The practice's own government confirms the adoption (or says it is not so)."""
    adoption = (
        Adoption.objects.select_for_update(of=("self",))
        .select_related("source__government", "source__cycle", "adopter")
        .get(pk=adoption.pk)
    )
    require(actor, "afterward.answer_adoption", adoption)
    adoption.state = AdoptionState.CONFIRMED if confirm else AdoptionState.DECLINED
    adoption.answered_by = actor
    adoption.answered_at = timezone.now()
    adoption.answer_note = (note or "").strip()[:2000]
    adoption.save(update_fields=["state", "answered_by", "answered_at", "answer_note"])
    record(
        actor=actor,
        action=Action.ADOPTION_CONFIRMED if confirm else Action.ADOPTION_DECLINED,
        target=adoption,
    )
    notifications.notify_adoption_answered(adoption)
    return adoption
