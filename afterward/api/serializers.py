"""Serializers of the afterward API: output shapes, and input shapes that the views hand to services."""

from __future__ import annotations

from rest_framework import serializers

from cases.models import Verification
from core.limits import NOTE_MAX_LENGTH, TEXT_MAX_LENGTH

from ..models import Adoption, AdoptionKind, FollowUpReport, FollowUpValue, ProgramStatus


class FollowUpValueSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="outcome.indicator", read_only=True)
    # Empty when the report gives no link: a plain string, since "" is not a URI.
    evidence_url = serializers.CharField(read_only=True, help_text="A link to the evidence, or empty.")
    indicator_local = serializers.CharField(source="outcome.indicator_local", read_only=True)

    class Meta:
        model = FollowUpValue
        fields = [
            "outcome",
            "indicator",
            "indicator_local",
            "value",
            "evidence",
            "evidence_local",
            "evidence_url",
            "verification",
        ]
        read_only_fields = fields


class FollowUpReportSerializer(serializers.ModelSerializer):
    cycle = serializers.IntegerField(source="case.cycle.year", read_only=True)
    government_code = serializers.CharField(source="case.government.code", read_only=True)
    values = FollowUpValueSerializer(many=True, read_only=True)

    class Meta:
        model = FollowUpReport
        fields = [
            "id",
            "case",
            "cycle",
            "government_code",
            "years_after",
            "due_on",
            "deadline",
            "state",
            "status",
            "status_reason",
            "status_reason_local",
            "running_cost",
            "note",
            "note_local",
            "submitted_at",
            "verified_at",
            "verification_note",
            "values",
        ]
        read_only_fields = fields


class ValueInputSerializer(serializers.Serializer):
    outcome = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=16, decimal_places=2, required=False, allow_null=True)
    evidence = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    evidence_local = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    evidence_url = serializers.URLField(required=False, allow_blank=True)


class ReportSubmitSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ProgramStatus.choices)
    status_reason = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    status_reason_local = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    running_cost = serializers.DecimalField(max_digits=16, decimal_places=0, required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    note_local = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    values = ValueInputSerializer(many=True, required=False)


class VerificationInputSerializer(serializers.Serializer):
    outcome = serializers.IntegerField()
    # The same choices as a review's verification (one enum in the schema); the service refuses a blank.
    status = serializers.ChoiceField(
        choices=[Verification.VERIFIED, Verification.PARTLY, Verification.NOT_VERIFIED], allow_blank=True
    )


class ReportVerifySerializer(serializers.Serializer):
    verifications = VerificationInputSerializer(many=True)
    note = serializers.CharField(required=False, allow_blank=True, max_length=NOTE_MAX_LENGTH)


class AdoptionSerializer(serializers.ModelSerializer):
    adopter_code = serializers.CharField(source="adopter.code", read_only=True)

    class Meta:
        model = Adoption
        fields = [
            "id",
            "source",
            "adopter",
            "adopter_code",
            "adopter_tier",
            "kind",
            "adopted_on",
            "changes",
            "changes_local",
            "outcomes",
            "outcomes_local",
            "state",
            "recorded_at",
            "answered_at",
            "answer_note",
        ]
        read_only_fields = fields


class AdoptionCreateSerializer(serializers.Serializer):
    source = serializers.IntegerField(help_text="The awarded practice (case id).")
    kind = serializers.ChoiceField(choices=AdoptionKind.choices)
    adopted_on = serializers.DateField()
    changes = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    changes_local = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    outcomes = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    outcomes_local = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)


class AdoptionAnswerSerializer(serializers.Serializer):
    confirm = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, max_length=NOTE_MAX_LENGTH)
