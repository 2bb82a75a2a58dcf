"""Criteria, reviewer assignments, reviews with scores and outcome verifications, award decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import AwardCycle, AwardLevel, InnovationCase, Outcome, Verification, localized
from core.limits import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH


class Criterion(models.Model):
    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name (English)"), max_length=120)
    name_local = models.CharField(_("name (Korean)"), max_length=120)
    description = models.TextField(_("description (English)"), blank=True)
    description_local = models.TextField(_("description (Korean)"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["cycle", "order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "code"], name="criterion_code_unique_per_cycle"),
            models.CheckConstraint(name="criterion_weight_positive", condition=Q(weight__gt=0)),
            models.CheckConstraint(name="criterion_scale_ordered", condition=Q(scale_min__lt=models.F("scale_max"))),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.name, self.name_local)


class ReviewAssignment(models.Model):
    case = models.ForeignKey(InnovationCase, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments")
    due_on = models.DateField(_("due on"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    # A conflict of interest the reviewer found while reading: they no longer review the case, and
    # the managers are asked to assign someone else. The row stays, so the reviewer is not suggested
    # for it again.
    recused_at = models.DateTimeField(_("conflict declared at"), null=True, blank=True)
    recusal_reason = models.TextField(_("conflict of interest"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(fields=["case", "reviewer"], name="assignment_unique_per_case_reviewer"),
            models.CheckConstraint(
                name="assignment_recusal_has_reason", condition=Q(recused_at__isnull=True) | ~Q(recusal_reason="")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.case}"

    @property
    def is_recused(self) -> bool:
        return self.recused_at is not None


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Recommendation(models.TextChoices):
    AWARD = "award", _("Award")
    REVISE = "revise", _("Ask for a revision")
    REJECT = "reject", _("Do not award")


class Review(models.Model):
    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.CASCADE, related_name="review")
    state = models.CharField(_("state"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT)
    comment_to_submitter = models.TextField(_("comment to the submitter"), max_length=TEXT_MAX_LENGTH, blank=True)
    note_to_committee = models.TextField(_("note to the committee"), max_length=TEXT_MAX_LENGTH, blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=10, choices=Recommendation.choices, blank=True)
    declared_no_conflict = models.BooleanField(_("I declare no conflict of interest"), default=False)
    # Weighted score on the criteria's scale, stored when the review is submitted (for ranking).
    weighted_score = models.DecimalField(_("weighted score"), max_digits=7, decimal_places=4, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(name="review_state_valid", condition=Q(state__in=ReviewState.values)),
            models.CheckConstraint(
                name="review_submitted_is_complete",
                condition=Q(state=ReviewState.DRAFT)
                | (
                    Q(declared_no_conflict=True)
                    & Q(weighted_score__isnull=False)
                    & Q(submitted_at__isnull=False)
                    & ~Q(recommendation="")
                ),
                violation_error_message=_("A submitted review needs scores, a recommendation and the declaration."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} ({self.get_state_display()})"


class CriterionScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_unique_per_review_criterion"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class OutcomeVerification(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="verifications")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="verifications")
    status = models.CharField(_("verification"), max_length=14, choices=Verification.choices)
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("outcome verification")
        verbose_name_plural = _("outcome verifications")
        constraints = [
            models.UniqueConstraint(fields=["review", "outcome"], name="verification_unique_per_review_outcome"),
            models.CheckConstraint(name="verification_status_valid", condition=Q(status__in=Verification.values)),
        ]

    def __str__(self) -> str:
        return f"{self.outcome}: {self.get_status_display()}"


class AwardDecision(models.Model):
    """The committee's decision on a case: an award level, or none. One per case."""

    case = models.OneToOneField(InnovationCase, on_delete=models.PROTECT, related_name="decision")
    level = models.ForeignKey(AwardLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="decisions")
    rationale = models.TextField(_("rationale (English)"), max_length=TEXT_MAX_LENGTH, blank=True)
    rationale_local = models.TextField(_("rationale (Korean)"), max_length=TEXT_MAX_LENGTH, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        constraints = [
            models.CheckConstraint(name="decision_has_rationale", condition=~Q(rationale="") | ~Q(rationale_local="")),
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.level or '-'}"

    @property
    def display_rationale(self) -> str:
        return localized(self.rationale, self.rationale_local)
