"""``/api/v1/cases/``: everyone lists and reads the cases they may see (DESIGN.md §4); submitters
create and update drafts of their own government and submit or withdraw them, through the same
services as the forms."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cases.filters import CaseFilter
from cases.models import CaseObstacle, CaseRemedy, CaseState, InnovationCase, ParticipationLevel, RevisionRequest
from cases.selectors import visible_cases
from cases.services import create_draft, submit_case, update_draft, withdraw_case
from core.api import CachedJSONMixin, ErrorSerializer, ReadRule
from core.rules import require
from governments.models import Tier

from . import rows
from .pagination import CaseCursorPagination
from .serializers import CaseSerializer, CaseWriteSerializer, SubmitSerializer, WithdrawSerializer


def _query(name: str, kind, description: str, *, many: bool = False, enum=None) -> OpenApiParameter:
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description, many=many, enum=enum)


# The list's filters (cases.filters.CaseFilter), documented explicitly: several of them use methods
# or related lookups whose types the schema generator cannot infer.
LIST_PARAMETERS = [
    _query("cycle", OpenApiTypes.INT, "Cycle year (repeat for several)", many=True),
    _query(
        "tier",
        OpenApiTypes.STR,
        "Tier at submission (repeat for several)",
        many=True,
        enum=[choice.value for choice in Tier],
    ),
    _query("government", OpenApiTypes.STR, "Government (KOSTAT code)"),
    _query("region", OpenApiTypes.STR, "A government and the governments under it (KOSTAT code)"),
    _query("purpose", OpenApiTypes.STR, "Purpose code"),
    _query("ict", OpenApiTypes.BOOL, "ICT was the major means"),
    _query("obstacle", OpenApiTypes.STR, "Obstacle type code"),
    _query("remedy", OpenApiTypes.STR, "Remedy type code"),
    _query(
        "participation",
        OpenApiTypes.STR,
        "Citizen participation level",
        enum=[choice.value for choice in ParticipationLevel],
    ),
    _query(
        "state",
        OpenApiTypes.STR,
        "Case state (repeat for several)",
        many=True,
        enum=[choice.value for choice in CaseState],
    ),
    _query("q", OpenApiTypes.STR, "Text search"),
]


@extend_schema_view(
    list=extend_schema(filters=False, parameters=LIST_PARAMETERS),
    create=extend_schema(request=CaseWriteSerializer, responses={201: CaseSerializer, 400: ErrorSerializer}),
    partial_update=extend_schema(request=CaseWriteSerializer, responses={200: CaseSerializer, 400: ErrorSerializer}),
)
class CaseViewSet(
    CachedJSONMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Innovation cases. Anonymous users see the awarded cases of published cycles; submitters also
    their own government's cases; reviewers the cases assigned to them; managers all. A case one
    may not see is 404."""

    serializer_class = CaseSerializer
    permission_classes = [IsAuthenticatedOrReadOnly, ReadRule]
    read_rule = "cases.view_case"
    filterset_class = CaseFilter
    pagination_class = CaseCursorPagination
    http_method_names = ["get", "post", "patch", "head", "options"]

    answer_name = "cases-list"

    def answer_parts(self, request):
        """Anonymous visitors all see the same public cases: their pages (as JSON, the bytes) are
        cached under the revision (``core.revisions``, read first), so the next request after any
        write sees it."""
        if (
            self.action != "list"
            or request.user.is_authenticated
            or getattr(request.accepted_renderer, "format", None) != "json"
        ):
            return None
        return (get_language(), request.build_absolute_uri("/"), sorted(request.query_params.lists()))

    def list(self, request, *args, **kwargs):
        if self._parts is None:
            return super().list(request, *args, **kwargs)

        def render() -> bytes:
            # The public's page as rows, not model instances (cases.api.rows): the same JSON.
            self.reading_rows = True
            page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
            data = rows.public_page([case.pk for case in page], request)
            return JSONRenderer().render(self.get_paginated_response(data).data)

        return self.cached_answer(request, render)

    # True while an anonymous page is read as rows: the page's cases are then only ids and sort keys.
    reading_rows = False

    def get_queryset(self):
        if self.reading_rows:
            return visible_cases(self.request.user).only("id", "sort_key").order_by("sort_key")
        return (
            visible_cases(self.request.user)
            .select_related("cycle", "government", "purpose")
            .prefetch_related(
                "participant_kinds",
                Prefetch("obstacles", queryset=CaseObstacle.objects.select_related("obstacle_type")),
                Prefetch("remedies", queryset=CaseRemedy.objects.select_related("remedy_type")),
                "outcomes",
                "attachments",
                Prefetch(
                    "revision_requests",
                    queryset=RevisionRequest.objects.select_related("requested_by", "answered_by", "withdrawn_by"),
                ),
            )
            # The search columns (both languages' texts again, and their tsvector) are not shown.
            .defer("search_document", "search_vector")
            .order_by("sort_key")
        )

    def _read(self, case: InnovationCase, status_code=status.HTTP_200_OK) -> Response:
        case = self.get_queryset().get(pk=case.pk)
        return Response(self.get_serializer(case).data, status=status_code)

    def create(self, request, *args, **kwargs):
        require(request.user, "cases.write_cases")
        serializer = CaseWriteSerializer(data=request.data, context={"request": request, "creating": True})
        serializer.is_valid(raise_exception=True)
        case = create_draft(
            actor=request.user, cycle=serializer.validated_data["cycle"], **serializer.service_arguments()
        )
        return self._read(case, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        case = self.get_object()
        require(request.user, "cases.edit_case", case)
        serializer = CaseWriteSerializer(data=request.data, context={"request": request}, partial=True)
        serializer.is_valid(raise_exception=True)
        update_draft(actor=request.user, case=case, **serializer.service_arguments())
        return self._read(case)

    @extend_schema(
        request=SubmitSerializer, responses={200: CaseSerializer, 400: ErrorSerializer, 403: ErrorSerializer}
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit a draft, or resubmit a case answering a revision request (with ``response``, the note
        that answers it)."""
        case = self.get_object()
        serializer = SubmitSerializer(data=request.data if isinstance(request.data, dict) else {})
        serializer.is_valid(raise_exception=True)
        submit_case(actor=request.user, case=case, response=serializer.validated_data["response"])
        return self._read(case)

    @extend_schema(
        request=WithdrawSerializer, responses={200: CaseSerializer, 400: ErrorSerializer, 403: ErrorSerializer}
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw a draft or a submitted case."""
        case = self.get_object()
        require(request.user, "cases.withdraw_case", case)
        serializer = WithdrawSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        withdraw_case(actor=request.user, case=case, message=serializer.validated_data["message"])
        return self._read(case)
