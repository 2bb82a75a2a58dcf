"""Serializers of the cases API: one to read a case (what the user may see of it) and one to
validate what a submitter writes. Writes go through ``cases.services``."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cases.models import (
    CASE_CONTENT_FIELDS,
    OUTCOME_CONTENT_FIELDS,
    Attachment,
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
    RevisionRequest,
    ServiceArea,
)
from cases.services import ObstacleItem, RemedyItem
from core.limits import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH
from core.rules import allowed
from governments.models import Tier

# Keys a client may not write: the workflow and the registry snapshot own them.
SYSTEM_FIELDS = {
    "tier": _("The tier is taken from the government's registry entry when the case is submitted; it cannot be set."),
    "population": _(
        "The population is taken from the government's registry entry when the case is submitted; it cannot be set."
    ),
    "government": _("A case belongs to the government of the submitter who creates it; it cannot be set."),
    "state": _("The state changes only through the submit and withdraw actions."),
}


class LookupField(serializers.SlugRelatedField):
    """A slug lookup that refuses, as a 400, values no row could hold: NUL bytes (PostgreSQL
    cannot even compare them) and integers beyond 64 bits (SQLite cannot bind them)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        if isinstance(data, int) and not isinstance(data, bool) and abs(data) >= 2**63:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        if isinstance(data, str) and data.lstrip("-").isdigit() and abs(int(data)) >= 2**63:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


def _code_field(model, *, name: str, **kwargs) -> serializers.SlugRelatedField:
    return LookupField(
        slug_field="code",
        queryset=model.objects.filter(is_active=True),
        error_messages={
            "does_not_exist": _("Unknown %(name)s code “{value}”.") % {"name": name},
            "invalid": _("Give a code (text) for the %(name)s.") % {"name": name},
        },
        **kwargs,
    )


# --- read -------------------------------------------------------------------------------------


class TypedRowSerializer(serializers.Serializer):
    type = serializers.CharField()
    label = serializers.CharField()
    description = serializers.CharField(help_text="In English (may be empty)")
    description_local = serializers.CharField(help_text="In Korean (may be empty)")


class OutcomeReadSerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Code of the outcome kind."
    )

    class Meta:
        model = Outcome
        fields = ["id", *OUTCOME_CONTENT_FIELDS, "verification"]


def download_url(request, case_id: int, attachment_id: int) -> str:
    url = reverse("cases:attachment_download", args=[case_id, attachment_id])
    return request.build_absolute_uri(url) if request else url


def typed_row(code: str, label: str, description: str, description_local: str) -> dict:
    """An obstacle or remedy of a case as the API shows it."""
    return {"type": code, "label": label, "description": description, "description_local": description_local}


class AttachmentReadSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "name", "kind", "content_type", "size", "uploaded_at", "download_url"]

    def get_download_url(self, attachment: Attachment) -> str:
        return download_url(self.context.get("request"), attachment.case_id, attachment.pk)


class RevisionRequestReadSerializer(serializers.ModelSerializer):
    """A request of the revision thread: who asked what, when and by when, and the answer."""

    requested_by = serializers.CharField(source="requested_by.display_name", read_only=True, allow_null=True)
    answered_by = serializers.CharField(source="answered_by.display_name", read_only=True, allow_null=True)
    withdrawn_by = serializers.CharField(source="withdrawn_by.display_name", read_only=True, allow_null=True)

    class Meta:
        model = RevisionRequest
        fields = [
            "id",
            "state",
            "message",
            "respond_by",
            "requested_by",
            "requested_at",
            "response",
            "answered_by",
            "answered_at",
            "withdrawn_by",
            "withdrawn_at",
            "withdrawal_reason",
        ]
        read_only_fields = fields


class CaseSerializer(serializers.ModelSerializer):
    cycle = serializers.SlugRelatedField(slug_field="year", read_only=True)
    government = serializers.SlugRelatedField(slug_field="code", read_only=True)
    government_name = serializers.CharField(source="government.name", read_only=True)
    government_name_local = serializers.CharField(source="government.name_local", read_only=True)
    purpose = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    service_area = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    participant_kinds = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    # The registry snapshot taken at submission: null for a draft (not yet taken).
    tier = serializers.ChoiceField(choices=Tier.choices, read_only=True, allow_null=True)
    # Always present; null for whoever may not see a government's staff contacts.
    contact_email = serializers.EmailField(read_only=True, allow_null=True)
    contact_phone = serializers.CharField(read_only=True, allow_null=True)
    obstacles = serializers.SerializerMethodField()
    remedies = serializers.SerializerMethodField()
    outcomes = OutcomeReadSerializer(many=True, read_only=True)
    attachments = AttachmentReadSerializer(many=True, read_only=True)
    # Always present; null for whoever may not see the revision thread (the public).
    revision_requests = RevisionRequestReadSerializer(many=True, read_only=True, allow_null=True)

    class Meta:
        model = InnovationCase
        fields = [
            "id",
            "cycle",
            "government",
            "government_name",
            "government_name_local",
            "state",
            *CASE_CONTENT_FIELDS,
            "tier",
            "population",
            "participant_kinds",
            "is_illustrative",
            "obstacles",
            "remedies",
            "outcomes",
            "attachments",
            "revision_requests",
            "created_at",
            "updated_at",
            "submitted_at",
        ]
        read_only_fields = fields

    def get_obstacles(self, case) -> list[dict]:
        return [
            typed_row(row.obstacle_type.code, row.obstacle_type.label, row.description, row.description_local)
            for row in case.obstacles.all()
        ]

    def get_remedies(self, case) -> list[dict]:
        return [
            typed_row(row.remedy_type.code, row.remedy_type.label, row.description, row.description_local)
            for row in case.remedies.all()
        ]

    def to_representation(self, case):
        data = super().to_representation(case)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        data["tier"] = data["tier"] or None
        if not allowed(user, "cases.view_contact_details", case):
            for name in ("contact_email", "contact_phone"):
                data[name] = None
        if not allowed(user, "cases.view_revision_requests", case):
            data["revision_requests"] = None
        return data


# --- write ------------------------------------------------------------------------------------


class _TypedRowWriteSerializer(serializers.ModelSerializer):
    """An obstacle or remedy: its taxonomy code as ``type`` and the model's ``description`` in
    English and ``description_local`` in Korean."""

    class Meta:
        fields = ("type", "description_local", "description")


class ObstacleWriteSerializer(_TypedRowWriteSerializer):
    type = _code_field(ObstacleType, name=_("obstacle"))

    class Meta(_TypedRowWriteSerializer.Meta):
        model = CaseObstacle


class RemedyWriteSerializer(_TypedRowWriteSerializer):
    type = _code_field(RemedyType, name=_("remedy"))

    class Meta(_TypedRowWriteSerializer.Meta):
        model = CaseRemedy


class OutcomeWriteSerializer(serializers.ModelSerializer):
    """One outcome; ``id`` names an existing one to keep (the list replaces the case's outcomes)."""

    id = serializers.IntegerField(required=False, allow_null=True)
    kind = _code_field(OutcomeKind, name=_("outcome kind"), required=False, allow_null=True)
    evidence_attachment = serializers.PrimaryKeyRelatedField(
        queryset=Attachment.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Outcome
        fields = ("id", *OUTCOME_CONTENT_FIELDS)

    def validate(self, attrs):
        if attrs.get("id") is None:
            attrs.pop("id", None)
        return attrs


class CaseWriteSerializer(serializers.ModelSerializer):
    """What a submitter may write: a draft's content (the model's ``CASE_CONTENT_FIELDS``, with its
    lengths and choices). Absent keys are left unchanged."""

    cycle = LookupField(
        slug_field="year",
        queryset=AwardCycle.objects.all(),
        required=False,
        error_messages={"does_not_exist": _("There is no award cycle for the year {value}.")},
    )
    purpose = _code_field(Purpose, name=_("purpose"), required=False, allow_null=True)
    service_area = _code_field(ServiceArea, name=_("service area"), required=False, allow_null=True)
    participant_kinds = _code_field(ParticipantKind, name=_("participant kind"), many=True, required=False)
    obstacles = ObstacleWriteSerializer(many=True, required=False)
    remedies = RemedyWriteSerializer(many=True, required=False)
    outcomes = OutcomeWriteSerializer(many=True, required=False)

    class Meta:
        model = InnovationCase
        fields = ("cycle", *CASE_CONTENT_FIELDS, "participant_kinds", "obstacles", "remedies", "outcomes")
        extra_kwargs = {name: {"required": False} for name in CASE_CONTENT_FIELDS}

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError({"non_field_errors": [_("Send a JSON object.")]})
        errors = {key: [message] for key, message in SYSTEM_FIELDS.items() if key in data}
        known = set(self.fields) | set(SYSTEM_FIELDS)
        errors |= {key: [_("Unknown field.")] for key in data if key not in known}
        if errors:
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)

    def validate_cycle(self, cycle: AwardCycle) -> AwardCycle:
        if not self.context.get("creating"):
            raise serializers.ValidationError(_("A case cannot move to another cycle."))
        return cycle  # whether it accepts submissions is the service's rule (cases.create_case)

    def validate(self, attrs):
        if self.context.get("creating") and "cycle" not in attrs:
            raise serializers.ValidationError({"cycle": [_("Give the year of the award cycle.")]})
        return attrs

    def service_arguments(self) -> dict:
        """The validated data as the keyword arguments of ``create_draft`` / ``update_draft``."""
        data = dict(self.validated_data)
        data.pop("cycle", None)
        arguments: dict = {}
        if "participant_kinds" in data:
            arguments["participant_kinds"] = data.pop("participant_kinds")
        if "obstacles" in data:
            arguments["obstacles"] = [
                ObstacleItem(row["type"], row.get("description", ""), row.get("description_local", ""))
                for row in data.pop("obstacles")
            ]
        if "remedies" in data:
            arguments["remedies"] = [
                RemedyItem(row["type"], row.get("description", ""), row.get("description_local", ""))
                for row in data.pop("remedies")
            ]
        if "outcomes" in data:
            arguments["outcomes"] = data.pop("outcomes")
        arguments["fields"] = data
        return arguments


class SubmitSerializer(serializers.Serializer):
    response = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=TEXT_MAX_LENGTH,
        default="",
        help_text="When resubmitting after a revision request: the note that answers it.",
    )


class WithdrawSerializer(serializers.Serializer):
    message = serializers.CharField(required=False, allow_blank=True, max_length=NOTE_MAX_LENGTH, default="")
