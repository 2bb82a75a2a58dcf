"""What happens after the award: follow-up reports at the cycle's follow-up points (is the practice
still running, what do its indicators say now, what does it cost) and adoptions of an awarded
practice by other governments (diffusion), confirmed by the government it came from."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import AwardCycle, InnovationCase, Outcome, Verification, localized
from core.limits import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from governments.models import TIER_ORDER, Tier

# Follow-up points of a cycle that sets none: one and three years after publication.
DEFAULT_FOLLOW_UP_YEARS = (1, 3)


class FollowUpPoint(models.Model):
    """A cycle's follow-up point: ``years_after`` years after its publication every awarded practice
    reports how it is doing."""

    cycle = models.ForeignKey(
        AwardCycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="follow_up_points"
    )
    years_after = models.PositiveSmallIntegerField(_("years after publication"))

    class Meta:
        ordering = ["cycle", "years_after"]
        verbose_name = _("follow-up point")
        verbose_name_plural = _("follow-up points")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "years_after"], name="follow_up_point_unique"),
            models.CheckConstraint(
                name="follow_up_point_range", condition=Q(years_after__gte=1) & Q(years_after__lte=20)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle}: +{self.years_after}"


class ProgramStatus(models.TextChoices):
    RUNNING = "running", _("Still running")
    EXPANDED = "expanded", _("Expanded")
    SCALED_DOWN = "scaled_down", _("Scaled down")
    DISCONTINUED = "discontinued", _("Discontinued")


# A practice still runs unless it was discontinued (the ``sustainability`` statistic).
STILL_RUNNING = (ProgramStatus.RUNNING, ProgramStatus.EXPANDED, ProgramStatus.SCALED_DOWN)
# Statuses that must say why.
NEEDS_REASON = (ProgramStatus.SCALED_DOWN, ProgramStatus.DISCONTINUED)


class ReportState(models.TextChoices):
    DUE = "due", _("Awaiting the report")
    SUBMITTED = "submitted", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")


# Reports that say something (the practice page and the statistics show them).
REPORTED_STATES = (ReportState.SUBMITTED, ReportState.VERIFIED)


class FollowUpReport(models.Model):
    """The report of an awarded practice at one follow-up point. The reminder task creates it when it
    is due (once: the case and point are unique); the government's staff fill it in; a reviewer
    verifies it."""

    case = models.ForeignKey(
        InnovationCase, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="follow_up_reports"
    )
    years_after = models.PositiveSmallIntegerField(_("years after publication"))
    due_on = models.DateField(_("due on"))
    deadline = models.DateField(_("overdue after"))
    state = models.CharField(_("state"), max_length=10, choices=ReportState.choices, default=ReportState.DUE)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    status = models.CharField(_("status of the practice"), max_length=14, choices=ProgramStatus.choices, blank=True)
    status_reason = models.TextField(_("why (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    status_reason_local = models.TextField(_("why (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    running_cost = models.DecimalField(
        _("running cost per year (KRW)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    note = models.TextField(_("note (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    note_local = models.TextField(_("note (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verification_note = models.TextField(_("reviewer's note"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["case", "years_after"]
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        indexes = [models.Index(fields=["state", "deadline"], name="follow_up_state_deadline_idx")]
        constraints = [
            models.UniqueConstraint(fields=["case", "years_after"], name="follow_up_report_unique"),
            models.CheckConstraint(name="follow_up_state_valid", condition=Q(state__in=ReportState.values)),
            models.CheckConstraint(
                name="follow_up_status_valid", condition=Q(status="") | Q(status__in=ProgramStatus.values)
            ),
            models.CheckConstraint(
                name="follow_up_reported_is_complete",
                condition=Q(state=ReportState.DUE) | (~Q(status="") & Q(submitted_at__isnull=False)),
                violation_error_message=_("A submitted report needs the practice's status."),
            ),
            models.CheckConstraint(
                name="follow_up_reason_given",
                condition=~Q(status__in=NEEDS_REASON) | ~Q(status_reason="") | ~Q(status_reason_local=""),
                violation_error_message=_("Say why the practice was scaled down or discontinued."),
            ),
            models.CheckConstraint(
                name="follow_up_verified_has_reviewer",
                condition=~Q(state=ReportState.VERIFIED) | Q(verified_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return _("%(case)s: %(years)s-year follow-up") % {"case": self.case, "years": self.years_after}

    @property
    def display_status_reason(self) -> str:
        return localized(self.status_reason, self.status_reason_local)

    @property
    def display_note(self) -> str:
        return localized(self.note, self.note_local)

    @property
    def still_running(self) -> bool | None:
        return None if not self.status else self.status in STILL_RUNNING


class FollowUpValue(models.Model):
    """The current value of one of the practice's outcome indicators, with its evidence."""

    report = models.ForeignKey(FollowUpReport, on_delete=models.CASCADE, related_name="values")
    outcome = models.ForeignKey(Outcome, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(_("current value"), max_digits=16, decimal_places=2, null=True, blank=True)
    evidence = models.TextField(_("evidence (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    evidence_local = models.TextField(_("evidence (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    verification = models.CharField(
        _("verification"), max_length=14, choices=Verification.choices, default=Verification.PENDING
    )

    class Meta:
        ordering = ["outcome__order", "outcome_id"]
        verbose_name = _("follow-up value")
        verbose_name_plural = _("follow-up values")
        constraints = [
            models.UniqueConstraint(fields=["report", "outcome"], name="follow_up_value_unique"),
            models.CheckConstraint(
                name="follow_up_value_verification_valid", condition=Q(verification__in=Verification.values)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.value}"

    @property
    def display_evidence(self) -> str:
        return localized(self.evidence, self.evidence_local)


class AdoptionKind(models.TextChoices):
    ADOPTED = "adopted", _("Adopted as it was")
    ADAPTED = "adapted", _("Adapted")


class AdoptionState(models.TextChoices):
    PENDING = "pending", _("Awaiting the origin's confirmation")
    CONFIRMED = "confirmed", _("Confirmed by the origin")
    DECLINED = "declined", _("Not confirmed by the origin")


class Adoption(models.Model):
    """Another government took up an awarded practice, as it was or adapted; the government the
    practice came from confirms it."""

    source = models.ForeignKey(
        InnovationCase, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="adoptions"
    )
    adopter = models.ForeignKey(
        "governments.LocalGovernment", verbose_name=_("adopting government"), on_delete=models.PROTECT, related_name="+"
    )
    # The adopter's tier when the adoption was recorded: statistics use it (as cases snapshot theirs).
    adopter_tier = models.CharField(_("tier of the adopting government"), max_length=12, choices=Tier.choices)
    kind = models.CharField(_("how"), max_length=10, choices=AdoptionKind.choices)
    adopted_on = models.DateField(_("adopted on"))
    changes = models.TextField(_("what was changed (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    changes_local = models.TextField(_("what was changed (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    outcomes = models.TextField(_("own outcomes (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    outcomes_local = models.TextField(_("own outcomes (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=AdoptionState.choices, default=AdoptionState.PENDING)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_note = models.TextField(_("the origin's note"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["adopted_on", "id"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        indexes = [models.Index(fields=["state", "source"], name="adoption_state_source_idx")]
        constraints = [
            models.UniqueConstraint(fields=["source", "adopter"], name="adoption_once_per_government"),
            models.CheckConstraint(name="adoption_kind_valid", condition=Q(kind__in=AdoptionKind.values)),
            models.CheckConstraint(name="adoption_state_valid", condition=Q(state__in=AdoptionState.values)),
            models.CheckConstraint(name="adoption_tier_valid", condition=Q(adopter_tier__in=TIER_ORDER)),
            models.CheckConstraint(
                name="adoption_answered_has_time",
                condition=Q(state=AdoptionState.PENDING) | Q(answered_at__isnull=False),
            ),
            models.CheckConstraint(
                name="adoption_says_what_changed",
                condition=~Q(kind=AdoptionKind.ADAPTED) | ~Q(changes="") | ~Q(changes_local=""),
                violation_error_message=_("Say what your government changed."),
            ),
        ]

    def __str__(self) -> str:
        return _("%(adopter)s adopted %(case)s") % {"adopter": self.adopter.display_name, "case": self.source}

    @property
    def display_changes(self) -> str:
        return localized(self.changes, self.changes_local)

    @property
    def display_outcomes(self) -> str:
        return localized(self.outcomes, self.outcomes_local)
