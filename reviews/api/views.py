"""The reviews API: reviewers read and write their own reviews; managers read all reviews, assign
reviewers, decide, request revisions and move cycles — through the same services as the pages."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from accounts.models import User
from cases.models import AwardCycle, AwardLevel
from core.api import ReadRule
from core.rules import allowed, require

from .. import selectors, services
from ..models import AwardDecision, Review
from . import serializers as s


class ReviewViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Reviews. Managers: all; reviewers: their own (and write them: POST with an assignment creates
    or updates the draft, PUT/PATCH updates it, ``"submit": true`` submits and locks it); submitters:
    the comments to them of their cases' reviews once the cycle is published."""

    permission_classes = [IsAuthenticated, ReadRule]
    read_rule = "reviews.view_review"

    def get_queryset(self):
        return (
            selectors.visible_reviews(self.request.user)
            .prefetch_related("scores__criterion", "verifications")
            .order_by("id")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return s.ReviewCreateSerializer
        if self.action in ("update", "partial_update"):
            return s.ReviewWriteSerializer
        if not allowed(self.request.user, "reviews.read_whole_reviews"):
            return s.SubmitterReviewSerializer
        return s.ReviewSerializer

    def _save(self, assignment, data, existing: Review | None, partial: bool):
        def pick(name, default):
            if name in data:
                return data[name]
            if existing is not None and partial:
                return getattr(existing, name)
            return default

        if "scores" in data:
            scores = {item["criterion"]: item["score"] for item in data["scores"]}
        elif existing is not None and partial:
            scores = {score.criterion_id: score.score for score in existing.scores.all()}
        else:
            scores = {}
        if "verifications" in data:
            verifications = {item["outcome"]: item["status"] for item in data["verifications"]}
        elif existing is not None and partial:
            verifications = {v.outcome_id: v.status for v in existing.verifications.all()}
        else:
            verifications = {}
        review = services.save_review(
            actor=self.request.user,
            assignment=assignment,
            scores=scores,
            verifications=verifications,
            comment_to_submitter=pick("comment_to_submitter", ""),
            note_to_committee=pick("note_to_committee", ""),
            recommendation=pick("recommendation", ""),
            declared_no_conflict=pick("declared_no_conflict", False),
            submit=data.get("submit", False),
        )
        return s.ReviewSerializer(Review.objects.get(pk=review.pk)).data

    @extend_schema(request=s.ReviewCreateSerializer, responses=s.ReviewSerializer)
    def create(self, request, *args, **kwargs):
        serializer = s.ReviewCreateSerializer(data=request.data)
        require(request.user, "reviews.review_cases")
        serializer.is_valid(raise_exception=True)
        assignment = selectors.get_reviewer_assignment(request.user, serializer.validated_data["assignment"])
        existing = getattr(assignment, "review", None)
        data = self._save(assignment, serializer.validated_data, existing, partial=True)
        return Response(data, status=status.HTTP_201_CREATED if existing is None else status.HTTP_200_OK)

    @extend_schema(request=s.ReviewWriteSerializer, responses=s.ReviewSerializer)
    def update(self, request, *args, partial=False, **kwargs):
        review = self.get_object()
        serializer = s.ReviewWriteSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return Response(self._save(review.assignment, serializer.validated_data, review, partial=partial))


class AssignmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Review assignments: reviewers see theirs, managers all and assign (conflicts refused)."""

    permission_classes = [IsAuthenticated, ReadRule]
    read_rule = "reviews.view_assignment"
    serializer_class = s.AssignmentSerializer

    def get_queryset(self):
        return selectors.visible_assignments(self.request.user).order_by("id")

    @extend_schema(request=s.AssignmentWriteSerializer, responses=s.AssignmentSerializer)
    def create(self, request, *args, **kwargs):
        require(request.user, "reviews.manage_awards")
        serializer = s.AssignmentWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        case = selectors.get_case(data["case"])
        reviewer = User.objects.filter(pk=data["reviewer"]).select_related("government").first()
        if reviewer is None:
            raise serializers.ValidationError({"reviewer": ["No such user."]})
        assignment = services.assign_reviewer(
            actor=request.user, case=case, reviewer=reviewer, due_on=data.get("due_on")
        )
        return Response(s.AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)


class DecisionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Award decisions (managers only): read them, decide a case, or request a revision."""

    permission_classes = [IsAuthenticated, ReadRule]
    read_rule = "reviews.manage_awards"
    serializer_class = s.DecisionSerializer

    def get_queryset(self):
        if not allowed(self.request.user, "reviews.manage_awards"):
            return AwardDecision.objects.none()
        return AwardDecision.objects.select_related("level", "decided_by").order_by("id")

    def _require_manager(self):
        require(self.request.user, "reviews.manage_awards")

    @extend_schema(request=s.DecisionWriteSerializer, responses=s.DecisionSerializer)
    def create(self, request, *args, **kwargs):
        self._require_manager()
        serializer = s.DecisionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        case = selectors.get_case(data["case"])
        level = None
        if data["level"] is not None:
            level = AwardLevel.objects.filter(pk=data["level"]).first()
            if level is None:
                raise serializers.ValidationError({"level": ["No such award level."]})
        decision = services.decide_case(
            actor=request.user,
            case=case,
            level=level,
            rationale=data.get("rationale", ""),
            rationale_local=data.get("rationale_local", ""),
        )
        return Response(s.DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.RevisionRequestSerializer, responses=None)
    @action(detail=False, methods=["post"], url_path="request-revision")
    def request_revision(self, request):
        self._require_manager()
        serializer = s.RevisionRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = selectors.get_case(serializer.validated_data["case"])
        case = services.request_revision(
            actor=request.user,
            case=case,
            message=serializer.validated_data["message"],
            respond_by=serializer.validated_data["respond_by"],
        )
        return Response({"case": case.pk, "state": case.state})

    @extend_schema(request=s.RevisionWithdrawalSerializer, responses=None)
    @action(detail=False, methods=["post"], url_path="withdraw-revision")
    def withdraw_revision(self, request):
        """Withdraw the open revision request of a case: it returns to review unanswered."""
        self._require_manager()
        serializer = s.RevisionWithdrawalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        case = selectors.get_case(serializer.validated_data["case"])
        case = services.withdraw_revision_request(
            actor=request.user, case=case, reason=serializer.validated_data["reason"]
        )
        return Response({"case": case.pk, "state": case.state})


def _decimal(value) -> str | None:
    """Decimals as strings, as DRF renders DecimalFields."""
    return None if value is None else str(value)


class ReviewCycleViewSet(viewsets.GenericViewSet):
    """A cycle for managers, by year: progress and ranking; move its state; publish it."""

    permission_classes = [IsAuthenticated]
    lookup_field = "year"
    serializer_class = s.CycleStateSerializer

    def get_queryset(self):
        return AwardCycle.objects.none()

    def _cycle(self, year):
        if not allowed(self.request.user, "reviews.manage_awards"):
            raise Http404("Not found")
        return selectors.get_cycle(year)

    @extend_schema(responses=None)
    def retrieve(self, request, year=None):
        cycle = self._cycle(year)
        progress = selectors.cycle_progress(cycle)
        rows = selectors.ranking(cycle)
        return Response(
            {
                "year": cycle.year,
                "state": cycle.state,
                "published_at": cycle.published_at,
                "progress": {
                    "submitted_cases": progress.submitted_cases,
                    "assignments": progress.assignments,
                    "reviews_submitted": progress.reviews_submitted,
                    "reviews_needed": progress.reviews_needed,
                    "decisions": progress.decisions,
                    "levels": [{"code": u.level.code, "quota": u.level.quota, "used": u.used} for u in progress.levels],
                },
                "ranking": [
                    {
                        "case": row.case.pk,
                        "title": row.case.display_title,
                        "state": row.case.state,
                        "count": row.count,
                        "mean": _decimal(row.mean),
                        "median": _decimal(row.median),
                        "std": _decimal(row.std),
                        "z_mean": _decimal(row.z_mean),
                        "disagreement": row.disagreement,
                        "verified_percent": row.verified_percent,
                        "decision": (row.decision.level.code if row.decision.level else "none")
                        if row.decision
                        else None,
                    }
                    for row in rows
                ],
            }
        )

    @extend_schema(
        request=s.CycleStateSerializer,
        responses=s.CycleStateResultSerializer,
        description="Move the cycle one step forward (draft → open → reviewing → deciding; `published` is the "
        "publication). `from_state` makes a retry safe: the cycle moves only from that state.",
    )
    @action(detail=True, methods=["post"])
    def state(self, request, year=None):
        cycle = self._cycle(year)
        serializer = s.CycleStateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        cycle = services.change_cycle_state(
            actor=request.user,
            cycle=cycle,
            to_state=serializer.validated_data["to_state"],
            from_state=serializer.validated_data["from_state"],
        )
        return Response(s.CycleStateResultSerializer(cycle).data)

    @extend_schema(
        request=s.CyclePublishSerializer,
        responses=s.CycleStateResultSerializer,
        description="Publish the results (the cycle must be `deciding` and every case decided). "
        "`from_state` makes a retry safe: a cycle is published once.",
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, year=None):
        cycle = self._cycle(year)
        serializer = s.CyclePublishSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        cycle = services.publish_cycle(
            actor=request.user, cycle=cycle, from_state=serializer.validated_data["from_state"]
        )
        return Response(s.CycleStateResultSerializer(cycle).data)
