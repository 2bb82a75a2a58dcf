"""Forms of the afterward pages. They only collect and check input; services do the writing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import Verification
from core.limits import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH

from .models import AdoptionKind, ProgramStatus

VALUE_PARTS = ("value", "evidence_local", "evidence", "evidence_url")
VERIFICATION_CHOICES = [
    ("", _("— not checked yet —")),
    (Verification.VERIFIED, Verification.VERIFIED.label),
    (Verification.PARTLY, Verification.PARTLY.label),
    (Verification.NOT_VERIFIED, Verification.NOT_VERIFIED.label),
]


def _text(label, *, rows: int = 3, max_length: int = TEXT_MAX_LENGTH, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class FollowUpReportForm(forms.Form):
    """The practice's status, running cost and a note; then per outcome ``value_<id>``,
    ``evidence_local_<id>``, ``evidence_<id>`` and ``evidence_url_<id>``."""

    status = forms.ChoiceField(label=_("Is the practice still running?"), choices=ProgramStatus.choices)
    status_reason_local = _text(
        _("Why (Korean)"), help_text=_("Required when the practice was scaled down or discontinued.")
    )
    status_reason = _text(_("Why (English)"))
    running_cost = forms.CharField(
        label=_("Running cost per year (KRW)"),
        required=False,
        max_length=20,
        help_text=_("What the practice costs to run each year now; may be left empty if it was discontinued."),
    )
    note_local = _text(_("Anything else (Korean)"))
    note = _text(_("Anything else (English)"))

    def __init__(self, *args, outcomes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = list(outcomes)
        for outcome in self.outcomes:
            indicator = outcome.display_indicator
            result = "–" if outcome.result is None else f"{outcome.result.normalize():f}"
            self.fields[f"value_{outcome.pk}"] = forms.CharField(
                label=_("Current value: %(indicator)s") % {"indicator": indicator},
                required=False,
                max_length=24,
                help_text=_("At the award: %(result)s %(unit)s") % {"result": result, "unit": outcome.display_unit},
            )
            self.fields[f"evidence_local_{outcome.pk}"] = _text(_("Evidence (Korean)"), rows=2)
            self.fields[f"evidence_{outcome.pk}"] = _text(_("Evidence (English)"), rows=2)
            self.fields[f"evidence_url_{outcome.pk}"] = forms.URLField(
                label=_("Evidence link"), required=False, assume_scheme="https"
            )

    def indicator_fields(self):
        for outcome in self.outcomes:
            yield (
                outcome,
                [
                    self[f"value_{outcome.pk}"],
                    self[f"evidence_local_{outcome.pk}"],
                    self[f"evidence_{outcome.pk}"],
                    self[f"evidence_url_{outcome.pk}"],
                ],
            )

    def field_names(self) -> dict[str, str]:
        names = {}
        for outcome in self.outcomes:
            for part in VALUE_PARTS:
                names[f"values.{outcome.pk}.{part}"] = f"{part}_{outcome.pk}"
        return names

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "status": data["status"],
            "status_reason": data["status_reason"],
            "status_reason_local": data["status_reason_local"],
            "running_cost": data["running_cost"],
            "note": data["note"],
            "note_local": data["note_local"],
            "values": {
                outcome.pk: {part: data[f"{part}_{outcome.pk}"] for part in VALUE_PARTS} for outcome in self.outcomes
            },
        }


class VerifyReportForm(forms.Form):
    """A verification per current value (``verification_<outcome id>``) and a note."""

    note = _text(_("Note to the government"), max_length=NOTE_MAX_LENGTH)

    def __init__(self, *args, values=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.report_values = list(values)
        for value in self.report_values:
            self.fields[f"verification_{value.outcome_id}"] = forms.ChoiceField(
                label=_("Verification: %(indicator)s") % {"indicator": value.outcome.display_indicator},
                choices=VERIFICATION_CHOICES,
                required=False,
            )

    def verification_fields(self):
        for value in self.report_values:
            yield value, self[f"verification_{value.outcome_id}"]

    def field_names(self) -> dict[str, str]:
        return {f"verifications.{value.outcome_id}": f"verification_{value.outcome_id}" for value in self.report_values}

    def verifications(self) -> dict[int, str]:
        return {value.outcome_id: self.cleaned_data[f"verification_{value.outcome_id}"] for value in self.report_values}


class AdoptionForm(forms.Form):
    kind = forms.ChoiceField(label=_("How did your government take it up?"), choices=AdoptionKind.choices)
    adopted_on = forms.DateField(label=_("Adopted on"), widget=forms.DateInput(attrs={"type": "date"}))
    changes_local = _text(_("What your government changed (Korean)"), help_text=_("Required when you adapted it."))
    changes = _text(_("What your government changed (English)"))
    outcomes_local = _text(
        _("Your own outcomes (Korean)"), help_text=_("What it achieved in your government, with figures.")
    )
    outcomes = _text(_("Your own outcomes (English)"))


class AdoptionAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Answer"), choices=[("confirm", _("Confirm")), ("decline", _("Not so"))], widget=forms.RadioSelect
    )
    note = _text(_("Note to the adopting government"), rows=2, max_length=NOTE_MAX_LENGTH)


class FollowUpPointsForm(forms.Form):
    years = forms.CharField(
        label=_("Follow-up points (years after publication)"),
        max_length=40,
        help_text=_("Whole numbers separated by commas, e.g. 1, 3."),
    )

    def clean_years(self) -> list[int]:
        raw = self.cleaned_data["years"]
        try:
            years = sorted({int(part) for part in raw.replace(" ", "").split(",") if part})
        except ValueError:
            raise forms.ValidationError(_("Give whole numbers separated by commas, e.g. 1, 3.")) from None
        if not years:
            raise forms.ValidationError(_("Give whole numbers separated by commas, e.g. 1, 3."))
        return years
