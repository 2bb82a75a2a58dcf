"""The statistics API: ``GET /api/v1/stats/`` (every table) and ``GET /api/v1/stats/<table_id>/``
(one table; ``?format=csv`` for a CSV file). Filters as on the dashboard page. Public and read-only;
reviewers and managers may also ask for ``scope=submitted``."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from core import revisions
from core.api import CachedJSONMixin, ErrorSerializer
from core.rules import allowed
from dashboard.forms import StatsFilterForm
from dashboard.statistics import Scope, TableId, compute_statistics

from .renderers import StatsTableCSVRenderer
from .serializers import (
    AwardRateTableSerializer,
    CrossTableSerializer,
    FeltByCaseTableSerializer,
    FlowTableSerializer,
    ShareTableSerializer,
    StatisticsSerializer,
    TierTableSerializer,
    plain_data,
    table_data,
)

FILTER_PARAMETERS = [
    OpenApiParameter(
        "cycle",
        OpenApiTypes.INT,
        many=True,
        explode=True,
        description="Award cycle year; repeat for several (`?cycle=2005&cycle=2006`). Default: every cycle of "
        "the scope (the published ones for `awarded`).",
    ),
    OpenApiParameter(
        "scope",
        OpenApiTypes.STR,
        enum=Scope.values,
        description="`awarded` (default): awarded cases of published cycles. `submitted`: every submitted case "
        "(reviewers and award managers only; anyone else gets 400).",
    ),
]


class _StatsView(CachedJSONMixin, APIView):
    """Responses are cached under the revision (``core.revisions``), read before anything else, so
    a response is never older than the data: the next request after any write sees it. Queries: the
    revision 1, then on a miss the filter form's cycles 1 and at most 3 for the tables."""

    permission_classes = [AllowAny]
    answer_name = "stats-json"

    def answer_parts(self, request):
        """As JSON, the response's bytes are cached whole under the revision and these parts, so a
        repeated request costs one query and one cache call (which also counts the throttle)."""
        if request.method not in ("GET", "HEAD") or getattr(request.accepted_renderer, "format", None) != "json":
            return None
        return (
            get_language(),
            allowed(request.user, "dashboard.view_award_rate"),
            allowed(request.user, "dashboard.choose_submitted_scope"),
            sorted(request.query_params.lists()),
            self.kwargs.get("table_id"),
        )

    def respond(self, request, table_id: str | None = None):
        if self._parts is None:  # not cached (another format)
            return Response(self.data(request, table_id, revisions.current()))

        def render() -> bytes:
            return JSONRenderer().render(self.data(request, table_id, self.revision))

        return self.cached_answer(request, render)

    def data(self, request, table_id: str | None, revision: str | None) -> dict:
        form = StatsFilterForm(request.query_params, user=request.user, revision=revision)
        if not form.is_valid():
            raise serializers.ValidationError({name: list(errors) for name, errors in form.errors.items()})
        scope, cycles = form.filters()
        award_rate = allowed(request.user, "dashboard.view_award_rate")
        if table_id == TableId.AWARD_RATE_BY_TIER and not award_rate:
            raise Http404("No such table")

        def compute() -> dict:
            tables = None if table_id is None else [table_id]
            statistics = compute_statistics(scope=scope, cycles=cycles, include_award_rate=award_rate, tables=tables)
            if table_id is None:
                return plain_data(StatisticsSerializer, statistics)
            return table_data(statistics.tables[table_id])

        return revisions.remember(revision, "stats", (get_language(), scope, cycles, award_rate, table_id), compute)


class StatsView(_StatsView):
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    @extend_schema(
        operation_id="stats_list",
        summary="Every statistics table",
        parameters=FILTER_PARAMETERS,
        responses={200: StatisticsSerializer, 400: ErrorSerializer},
        tags=["stats"],
    )
    def get(self, request):
        return self.respond(request)


class StatsTableView(_StatsView):
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, StatsTableCSVRenderer]

    @extend_schema(
        operation_id="stats_table",
        summary="One statistics table (JSON, or CSV with ?format=csv)",
        parameters=[
            OpenApiParameter(
                "table_id", OpenApiTypes.STR, OpenApiParameter.PATH, enum=TableId.values, description="The table."
            ),
            *FILTER_PARAMETERS,
            OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"], description="`csv` for a CSV file."),
        ],
        responses={
            (200, "application/json"): PolymorphicProxySerializer(
                component_name="StatsTable",
                serializers=[
                    TierTableSerializer,
                    CrossTableSerializer,
                    AwardRateTableSerializer,
                    FeltByCaseTableSerializer,
                    ShareTableSerializer,
                    FlowTableSerializer,
                ],
                resource_type_field_name=None,
            ),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The table as CSV (UTF-8 with BOM)."),
            400: ErrorSerializer,
            404: OpenApiResponse(description="No such table (or not for you: the award rate is for managers)."),
        },
        tags=["stats"],
    )
    def get(self, request, table_id: str):
        if table_id not in TableId.values:
            raise Http404("No such table")
        response = self.respond(request, table_id)
        if getattr(request.accepted_renderer, "format", None) == StatsTableCSVRenderer.format:
            response["Content-Disposition"] = f'attachment; filename="{table_id}.csv"'
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        # Only a table is CSV: errors and the OPTIONS description are JSON even when CSV was asked for.
        csv_asked = isinstance(getattr(request, "accepted_renderer", None), StatsTableCSVRenderer)
        if csv_asked and (response.status_code >= 400 or request.method != "GET"):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
