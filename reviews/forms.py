"""Forms of the reviews pages. They only collect and check input; services do the writing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import AwardCycle, AwardLevel, CycleState, InnovationCase, Outcome, Verification
from core.limits import TEXT_MAX_LENGTH

from .models import Criterion, Recommendation, Review

VERIFICATION_CHOICES = [
    ("", _("— not checked yet —")),
    (Verification.VERIFIED, Verification.VERIFIED.label),
    (Verification.PARTLY, Verification.PARTLY.label),
    (Verification.NOT_VERIFIED, Verification.NOT_VERIFIED.label),
]


def _outcome_claim(outcome: Outcome) -> str:
    """What the submitter claims, for the reviewer to check: baseline → result unit — evidence."""
    from django.utils.html import escape

    def number(value):
        return "" if value is None else f"{value.normalize():f}"

    figures = " → ".join(part for part in (number(outcome.baseline), number(outcome.result)) if part)
    claim = " ".join(part for part in (figures, outcome.display_unit if figures else "") if part)
    evidence = outcome.display_evidence or outcome.evidence_url
    return escape(" — ".join(part for part in (claim, evidence) if part))


class ReviewForm(forms.Form):
    """A score per criterion, a verification per outcome, comments, recommendation and declaration.

    Field names: ``score_<criterion id>`` and ``verification_<outcome id>``; ``field_names`` maps the
    domain names of the service's field errors (``scores.<id>``, ``verifications.<id>``) to them."""

    comment_to_submitter = forms.CharField(
        label=_("Comment to the submitter"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The submitter reads this after the results are published."),
    )
    note_to_committee = forms.CharField(
        label=_("Note to the committee"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only award managers read this."),
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), required=False, choices=[("", "—"), *Recommendation.choices]
    )
    declared_no_conflict = forms.BooleanField(
        label=_("I declare that I have no conflict of interest with this case."),
        required=False,
        help_text=_("Required to submit the review."),
    )

    def __init__(self, *args, criteria: list[Criterion], outcomes: list[Outcome], review: Review | None, **kwargs):
        self.criteria = criteria
        self.outcomes = outcomes
        initial = kwargs.pop("initial", {}) or {}
        if review is not None:
            initial.update(
                comment_to_submitter=review.comment_to_submitter,
                note_to_committee=review.note_to_committee,
                recommendation=review.recommendation,
                declared_no_conflict=review.declared_no_conflict,
            )
            initial.update({f"score_{s.criterion_id}": s.score for s in review.scores.all()})
            initial.update({f"verification_{v.outcome_id}": v.status for v in review.verifications.all()})
        super().__init__(*args, initial=initial, **kwargs)
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=criterion.label,
                required=False,
                min_value=criterion.scale_min,
                max_value=criterion.scale_max,
                help_text=_("Score from %(min)s to %(max)s, weight %(weight)s.")
                % {"min": criterion.scale_min, "max": criterion.scale_max, "weight": criterion.weight.normalize()},
                widget=forms.NumberInput(
                    attrs={
                        "data-weight": str(criterion.weight),
                        "class": "review-score",
                        "inputmode": "numeric",
                    }
                ),
            )
        for outcome in outcomes:
            self.fields[f"verification_{outcome.pk}"] = forms.ChoiceField(
                label=outcome.display_indicator,
                required=False,
                choices=VERIFICATION_CHOICES,
                help_text=_outcome_claim(outcome),
            )

    def score_fields(self):
        return [self[f"score_{criterion.pk}"] for criterion in self.criteria]

    def verification_fields(self):
        return [(outcome, self[f"verification_{outcome.pk}"]) for outcome in self.outcomes]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "scores": {criterion.pk: data.get(f"score_{criterion.pk}") for criterion in self.criteria},
            "verifications": {outcome.pk: data.get(f"verification_{outcome.pk}") or "" for outcome in self.outcomes},
            "comment_to_submitter": data["comment_to_submitter"],
            "note_to_committee": data["note_to_committee"],
            "recommendation": data["recommendation"],
            "declared_no_conflict": data["declared_no_conflict"],
        }

    def field_names(self) -> dict[str, str]:
        return {
            **{f"scores.{criterion.pk}": f"score_{criterion.pk}" for criterion in self.criteria},
            **{f"verifications.{outcome.pk}": f"verification_{outcome.pk}" for outcome in self.outcomes},
        }


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name() or obj.username
        return f"{name} ({obj.government.display_name})" if obj.government_id else name


class CaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_title} — {obj.government.display_name}"


class AssignmentForm(forms.Form):
    case = CaseChoiceField(label=_("Case"), queryset=InnovationCase.objects.none())
    reviewer = ReviewerChoiceField(label=_("Reviewer"), queryset=None)
    due_on = forms.DateField(
        label=_("Due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: the cycle's review deadline."),
    )

    def __init__(self, *args, cases, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["reviewer"].queryset = reviewers


class BulkAssignmentForm(forms.Form):
    reviewer = ReviewerChoiceField(label=_("Reviewer"), queryset=None)
    cases = forms.ModelMultipleChoiceField(
        label=_("Cases"), queryset=InnovationCase.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    due_on = forms.DateField(
        label=_("Due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: the cycle's review deadline."),
    )

    def __init__(self, *args, cases, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = cases
        self.fields["cases"].label_from_instance = lambda obj: f"{obj.display_title} — {obj.government.display_name}"
        self.fields["reviewer"].queryset = reviewers


NO_AWARD = "none"


class DecisionForm(forms.Form):
    level = forms.ChoiceField(label=_("Award"))
    rationale_local = forms.CharField(
        label=_("Rationale (Korean)"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "ko"}),
    )
    rationale = forms.CharField(
        label=_("Rationale (English)"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        help_text=_("Optional: for visitors who read English."),
        widget=forms.Textarea(attrs={"rows": 4, "lang": "en"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not ((cleaned.get("rationale_local") or "").strip() or (cleaned.get("rationale") or "").strip()):
            self.add_error("rationale_local", _("Give the rationale of the decision."))
        return cleaned

    def __init__(self, *args, cycle: AwardCycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = {str(level.pk): level for level in AwardLevel.objects.filter(cycle=cycle)}
        self.fields["level"].choices = [
            ("", "—"),
            *((pk, level.label) for pk, level in self.levels.items()),
            (NO_AWARD, _("No award")),
        ]

    def chosen_level(self) -> AwardLevel | None:
        value = self.cleaned_data["level"]
        return None if value == NO_AWARD else self.levels[value]


class RevisionForm(forms.Form):
    message = forms.CharField(
        label=_("What should be revised"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    respond_by = forms.DateField(
        label=_("Answer by (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Shown to the submitters on their case page and in the e-mail."),
    )


class DeclareConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("What is the conflict of interest?"),
        help_text=_("E.g. you advised this government on the project. The award managers read it."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WithdrawRevisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the request is withdrawn (optional, shown to the submitters)"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CycleStateForm(forms.Form):
    to_state = forms.ChoiceField(choices=CycleState.choices)
