"""The sectioned case form: one registry (``SECTIONS``) says, for each section in order, its
title, the forms that collect it and the service call that saves it. The forms only validate
input; saving goes through ``cases.services``. Fields, their labels and their limits come from the
models (``CASE_CONTENT_FIELDS``, ``OUTCOME_CONTENT_FIELDS``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from core.limits import ATTACHMENT_MAX_MB, NOTE_MAX_LENGTH

from . import services
from .models import (
    OUTCOME_CONTENT_FIELDS,
    Attachment,
    AttachmentKind,
    AwardCycle,
    CaseObstacle,
    CaseRemedy,
    InnovationCase,
    ObstacleType,
    Outcome,
    OutcomeKind,
    ParticipantKind,
    Purpose,
    RemedyType,
    ServiceArea,
)
from .services import ObstacleItem, RemedyItem
from .uploads import ACCEPT_ATTRIBUTE, validate_upload


class TaxonomyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class TaxonomyMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class BilingualFieldsMixin:
    """Korean first, English optional: every text in a pair (``x`` English, ``x_local`` Korean) gets
    its language on the input (screen readers, spelling, keyboards) and the English one says that it
    is optional."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name.endswith("_local"):
                field.widget.attrs["lang"] = "ko"
            elif f"{name}_local" in self.fields:
                field.widget.attrs["lang"] = "en"
                field.help_text = field.help_text or _("Optional: for visitors who read English.")


class BasicsForm(BilingualFieldsMixin, forms.ModelForm):
    class Meta:
        model = InnovationCase
        fields = (
            "title_local",
            "title",
            "summary_local",
            "summary",
            "description_local",
            "description",
            "started_on",
            "champion_local",
            "champion",
            "contact_name",
            "contact_email",
            "contact_phone",
        )
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_local": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "description_local": forms.Textarea(attrs={"rows": 8}),
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "title_local": _("A title in Korean (or English) is needed before you submit."),
            "summary_local": _("Two or three sentences; a summary in Korean (or English) is needed before you submit."),
        }


class NewCaseForm(BasicsForm):
    """The basics, plus the cycle when more than one accepts submissions."""

    cycle = forms.ModelChoiceField(queryset=AwardCycle.objects.none(), label=_("Award cycle"), empty_label=None)

    def __init__(self, *args, cycles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cycle"].queryset = AwardCycle.objects.filter(pk__in=[cycle.pk for cycle in cycles])
        if len(cycles) == 1:
            self.fields["cycle"].initial = cycles[0].pk
            self.fields["cycle"].widget = forms.HiddenInput()
        self.order_fields(["cycle"])

    class Meta(BasicsForm.Meta):
        fields = BasicsForm.Meta.fields


class PurposeForm(BilingualFieldsMixin, forms.ModelForm):
    purpose = TaxonomyChoiceField(
        queryset=Purpose.objects.filter(is_active=True),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        label=_("Purpose"),
        help_text=_("Needed before you submit."),
    )
    service_area = TaxonomyChoiceField(
        queryset=ServiceArea.objects.filter(is_active=True),
        required=False,
        label=_("Service area"),
        help_text=_("The public service the innovation improves."),
    )

    class Meta:
        model = InnovationCase
        fields = ("purpose", "service_area", "uses_ict", "ict_description_local", "ict_description")
        widgets = {
            "ict_description_local": forms.Textarea(attrs={"rows": 4}),
            "ict_description": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        described = (cleaned.get("ict_description_local") or "").strip() or (cleaned.get("ict_description") or "")
        if cleaned.get("uses_ict") and not described.strip():
            self.add_error("ict_description_local", _("Say how ICT was used, since it was the major means."))
        return cleaned


class ParticipationForm(forms.ModelForm):
    participant_kinds = TaxonomyMultipleChoiceField(
        queryset=ParticipantKind.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Who took part"),
    )

    class Meta:
        model = InnovationCase
        fields = ("participation_level", "participant_kinds")
        widgets = {"participation_level": forms.RadioSelect}
        help_texts = {
            "participation_level": _("The IAP2 spectrum, from informing citizens to letting them decide."),
        }


class _TypedRowForm(BilingualFieldsMixin, forms.ModelForm):
    """A row of a formset: a taxonomy ``type`` and the model's ``description`` in Korean and English
    (labels and lengths from the model)."""

    field_order = ["type", "description_local", "description"]

    def _post_clean(self):
        # Validated here; the service saves the rows (and the database checks them there).
        pass


class ObstacleForm(_TypedRowForm):
    type = TaxonomyChoiceField(queryset=ObstacleType.objects.filter(is_active=True), label=_("Obstacle"))

    class Meta:
        model = CaseObstacle
        fields = ("description_local", "description")
        widgets = {
            "description_local": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class RemedyForm(_TypedRowForm):
    type = TaxonomyChoiceField(queryset=RemedyType.objects.filter(is_active=True), label=_("Remedy"))

    class Meta:
        model = CaseRemedy
        fields = ("description_local", "description")
        widgets = {
            "description_local": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class RowFormSet(forms.BaseFormSet):
    """Rows that are neither blank nor marked for deletion; a type may appear once."""

    def kept_forms(self):
        return [
            form for form in self.forms if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.kept_forms():
            kind = form.cleaned_data.get("type")
            if kind is None:
                continue
            if kind.pk in seen:
                form.add_error("type", _("This type is already listed; describe it once."))
            seen.add(kind.pk)

    def obstacle_items(self) -> list[ObstacleItem]:
        return [ObstacleItem(f.cleaned_data["type"], *self._texts(f)) for f in self.kept_forms()]

    def remedy_items(self) -> list[RemedyItem]:
        return [RemedyItem(f.cleaned_data["type"], *self._texts(f)) for f in self.kept_forms()]

    @staticmethod
    def _texts(form) -> tuple[str, str]:
        return form.cleaned_data.get("description", ""), form.cleaned_data.get("description_local", "")


ObstacleFormSet = forms.formset_factory(ObstacleForm, formset=RowFormSet, extra=1, can_delete=True, max_num=20)
RemedyFormSet = forms.formset_factory(RemedyForm, formset=RowFormSet, extra=1, can_delete=True, max_num=20)


class OutcomeForm(BilingualFieldsMixin, forms.ModelForm):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = TaxonomyChoiceField(
        queryset=OutcomeKind.objects.filter(is_active=True),
        required=False,
        label=_("Kind of outcome"),
        help_text=_("Cost or time saved, simpler procedures, better service, … or democratic practice, human rights."),
    )
    evidence_attachment = forms.ModelChoiceField(
        queryset=Attachment.objects.none(), required=False, label=_("Evidence file")
    )
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = Outcome
        fields = OUTCOME_CONTENT_FIELDS
        widgets = {
            "evidence": forms.Textarea(attrs={"rows": 2}),
            "evidence_local": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["evidence_attachment"].queryset = case.attachments.all()
        for name in ("baseline", "result"):
            self.fields[name].widget.attrs.setdefault("step", "any")

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("indicator") or cleaned.get("indicator_local")):
            self.add_error("indicator_local", _("Name the indicator in Korean or English."))
        return cleaned

    def _post_clean(self):
        # Validated here; the service saves it (and the DB constraints are checked there).
        pass

    def item(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in OUTCOME_CONTENT_FIELDS}
        if self.cleaned_data.get("id"):
            data["id"] = self.cleaned_data["id"]
        return data


class OutcomeFormSetBase(forms.BaseFormSet):
    def kept_forms(self):
        return [
            form for form in self.forms if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]

    def items(self) -> list[dict]:
        return [form.item() for form in self.kept_forms()]


OutcomeFormSet = forms.formset_factory(OutcomeForm, formset=OutcomeFormSetBase, extra=1, can_delete=True, max_num=20)


def outcome_initial(case: InnovationCase) -> list[dict]:
    return [
        {"id": outcome.pk, **{name: getattr(outcome, name) for name in OUTCOME_CONTENT_FIELDS}}
        for outcome in case.outcomes.all()
    ]


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG, JPEG, DOCX or XLSX, at most %(size)s MB.") % {"size": ATTACHMENT_MAX_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=AttachmentKind.choices, initial=AttachmentKind.EVIDENCE)

    def clean_file(self):
        file = self.cleaned_data["file"]
        self.content_type = validate_upload(file)
        return file


class WithdrawForm(forms.Form):
    message = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- the sections -----------------------------------------------------------------------------


def _model_form(form_class):
    def build(case, data=None, files=None) -> dict:
        return {"form": form_class(data, instance=case)}

    return build


def _save_fields(*, actor, case, forms) -> None:
    form = forms["form"]
    services.update_draft(actor=actor, case=case, fields={name: form.cleaned_data[name] for name in form.Meta.fields})


def _save_participation(*, actor, case, forms) -> None:
    data = forms["form"].cleaned_data
    services.update_draft(
        actor=actor,
        case=case,
        fields={"participation_level": data["participation_level"]},
        participant_kinds=data["participant_kinds"],
    )


def _typed_rows(formset_class, *, prefix: str, type_field: str, related: str):
    def build(case, data=None, files=None) -> dict:
        rows = getattr(case, related).select_related(type_field)
        initial = [
            {
                "type": getattr(row, type_field),
                "description": row.description,
                "description_local": row.description_local,
            }
            for row in rows
        ]
        return {"formset": formset_class(data, initial=initial, prefix=prefix)}

    return build


def _save_obstacles(*, actor, case, forms) -> None:
    services.update_draft(actor=actor, case=case, obstacles=forms["formset"].obstacle_items())


def _save_remedies(*, actor, case, forms) -> None:
    services.update_draft(actor=actor, case=case, remedies=forms["formset"].remedy_items())


def _outcome_forms(case, data=None, files=None) -> dict:
    return {
        "formset": OutcomeFormSet(data, initial=outcome_initial(case), prefix="outcomes", form_kwargs={"case": case})
    }


def _save_outcomes(*, actor, case, forms) -> None:
    services.update_draft(actor=actor, case=case, outcomes=forms["formset"].items())


def _attachment_forms(case, data=None, files=None) -> dict:
    return {"upload_form": AttachmentForm(data, files)}


def _save_attachment(*, actor, case, forms) -> None:
    form = forms["upload_form"]
    services.add_attachment(actor=actor, case=case, file=form.cleaned_data["file"], kind=form.cleaned_data["kind"])


def _no_forms(case, data=None, files=None) -> dict:
    return {}


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    forms: Callable[..., dict]  # (case, data=None, files=None) -> the forms and formsets of the section
    save: Callable[..., None] | None  # (actor=, case=, forms=) through the services; None: nothing to save
    fields: tuple[str, ...] = ()  # the case fields it edits (the other sections edit related rows)


# In order: the step indicator, the URLs and "Save and continue" follow this list.
SECTIONS = [
    Section("basics", _("Basics"), _model_form(BasicsForm), _save_fields, BasicsForm.Meta.fields),
    Section("purpose", _("Purpose and ICT"), _model_form(PurposeForm), _save_fields, PurposeForm.Meta.fields),
    Section(
        "obstacles",
        _("Obstacles"),
        _typed_rows(ObstacleFormSet, prefix="obstacles", type_field="obstacle_type", related="obstacles"),
        _save_obstacles,
    ),
    Section(
        "remedies",
        _("Remedies"),
        _typed_rows(RemedyFormSet, prefix="remedies", type_field="remedy_type", related="remedies"),
        _save_remedies,
    ),
    Section("outcomes", _("Outcomes and evidence"), _outcome_forms, _save_outcomes),
    Section(
        "participation",
        _("Citizen participation"),
        _model_form(ParticipationForm),
        _save_participation,
        ("participation_level",),
    ),
    Section("attachments", _("Attachments"), _attachment_forms, _save_attachment),
    Section("review", _("Review and submit"), _no_forms, None),
]
SECTION_SLUGS = [section.slug for section in SECTIONS]
SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}
