"""Serializers of the reviews API: output shapes, and input shapes that the views hand to services."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cases.models import CycleState, Verification
from core.limits import TEXT_MAX_LENGTH

from ..models import AwardDecision, Recommendation, Review, ReviewAssignment


class WholeItemSerializer(serializers.Serializer):
    """An item of a list that is always sent whole: DRF passes ``partial`` down to nested
    serializers on PATCH, which would let an item without its key through to the service."""

    def validate(self, attrs):
        missing = [
            name
            for name, field in self.fields.items()
            if not field.read_only and field.required is not False and name not in attrs
        ]
        if missing:
            raise serializers.ValidationError({name: [_("This field is required.")] for name in missing})
        return attrs


class ScoreSerializer(WholeItemSerializer):
    criterion = serializers.IntegerField()
    code = serializers.CharField(read_only=True)
    score = serializers.IntegerField(allow_null=True)


class VerificationSerializer(WholeItemSerializer):
    outcome = serializers.IntegerField()
    status = serializers.ChoiceField(
        choices=[Verification.VERIFIED, Verification.PARTLY, Verification.NOT_VERIFIED], allow_blank=True
    )


class ReviewSerializer(serializers.ModelSerializer):
    """A whole review: for managers and the reviewer who wrote it."""

    case = serializers.IntegerField(source="assignment.case_id", read_only=True)
    reviewer = serializers.CharField(source="assignment.reviewer.username", read_only=True)
    scores = serializers.SerializerMethodField()
    verifications = serializers.SerializerMethodField()

    class Meta:
        model = Review
        fields = [
            "id",
            "assignment",
            "case",
            "reviewer",
            "state",
            "scores",
            "verifications",
            "weighted_score",
            "comment_to_submitter",
            "note_to_committee",
            "recommendation",
            "declared_no_conflict",
            "submitted_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_scores(self, review) -> list[dict]:
        return [{"criterion": s.criterion_id, "code": s.criterion.code, "score": s.score} for s in review.scores.all()]

    def get_verifications(self, review) -> list[dict]:
        return [{"outcome": v.outcome_id, "status": v.status} for v in review.verifications.all()]


class SubmitterReviewSerializer(serializers.ModelSerializer):
    """What a submitter may read of a review of their case once the cycle is published."""

    case = serializers.IntegerField(source="assignment.case_id", read_only=True)

    class Meta:
        model = Review
        fields = ["id", "case", "comment_to_submitter"]
        read_only_fields = fields


class ReviewWriteSerializer(serializers.Serializer):
    """A change to one's review (PUT/PATCH of /reviews/<id>/)."""

    scores = ScoreSerializer(many=True, required=False)
    verifications = VerificationSerializer(many=True, required=False)
    comment_to_submitter = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    note_to_committee = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    recommendation = serializers.ChoiceField(choices=Recommendation.choices, required=False, allow_blank=True)
    declared_no_conflict = serializers.BooleanField(required=False, default=False)
    submit = serializers.BooleanField(required=False, default=False)


class ReviewCreateSerializer(ReviewWriteSerializer):
    """POST /reviews/: the first save of the review of one's assignment (or an update of its draft)."""

    assignment = serializers.IntegerField()


class AssignmentSerializer(serializers.ModelSerializer):
    reviewer_username = serializers.CharField(source="reviewer.username", read_only=True)
    review_state = serializers.SerializerMethodField()

    class Meta:
        model = ReviewAssignment
        fields = ["id", "case", "reviewer", "reviewer_username", "due_on", "assigned_at", "review", "review_state"]
        read_only_fields = fields

    def get_review_state(self, assignment) -> str:
        review = getattr(assignment, "review", None)
        return review.state if review else ""


class AssignmentWriteSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    reviewer = serializers.IntegerField()
    due_on = serializers.DateField(required=False, allow_null=True)


class DecisionSerializer(serializers.ModelSerializer):
    level_code = serializers.CharField(source="level.code", read_only=True, default=None, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", read_only=True)

    class Meta:
        model = AwardDecision
        fields = ["id", "case", "level", "level_code", "rationale", "rationale_local", "decided_by", "decided_at"]
        read_only_fields = fields


class DecisionWriteSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    level = serializers.IntegerField(allow_null=True, help_text="An award level of the case's cycle; null: no award")
    rationale = serializers.CharField(
        max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, help_text="The rationale in English"
    )
    rationale_local = serializers.CharField(
        max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, help_text="The rationale in Korean"
    )

    def validate(self, data):
        if not (data.get("rationale", "").strip() or data.get("rationale_local", "").strip()):
            raise serializers.ValidationError({"rationale_local": [_("Give the rationale of the decision.")]})
        return data


class RevisionRequestSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    message = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    respond_by = serializers.DateField(required=False, allow_null=True, default=None)


class RevisionWithdrawalSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


FROM_STATE_HELP = (
    "The state the cycle is in now, as the client last saw it. The step happens only from that state, so "
    "a retried request cannot move the cycle twice: if the cycle has moved meanwhile, the answer is 409 "
    "with code `already_in_state` (this step was already taken) or `cycle_state_changed` (it moved "
    "elsewhere), and nothing changes."
)


class CycleStateSerializer(serializers.Serializer):
    to_state = serializers.ChoiceField(choices=CycleState.choices, help_text="The next state of the cycle.")
    from_state = serializers.ChoiceField(choices=CycleState.choices, help_text=FROM_STATE_HELP)


class CyclePublishSerializer(serializers.Serializer):
    from_state = serializers.ChoiceField(choices=CycleState.choices, help_text=FROM_STATE_HELP)


class CycleStateResultSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    state = serializers.ChoiceField(choices=CycleState.choices)
    published_at = serializers.DateTimeField(allow_null=True)
