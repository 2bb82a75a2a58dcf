"""The statistics API: ``GET /api/v1/stats/`` (every table) and ``GET /api/v1/stats/<table_id>/``
(one table; ``?format=csv`` for a CSV file). Filters as on the dashboard page. Public and read-only;
reviewers and managers may also ask for ``scope=submitted``."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import ErrorSerializer
from core.rules import allowed
from dashboard.forms import StatsFilterForm
from dashboard.statistics import Scope, TableId, compute_statistics

from .renderers import StatsTableCSVRenderer
from .serializers import (
    AwardRateTableSerializer,
    CrossTableSerializer,
    FeltByCaseTableSerializer,
    StatisticsSerializer,
    TierTableSerializer,
    serialize_table,
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


class _StatsView(APIView):
    permission_classes = [AllowAny]

    def statistics(self, request):
        form = StatsFilterForm(request.query_params, user=request.user)
        if not form.is_valid():
            raise serializers.ValidationError({name: list(errors) for name, errors in form.errors.items()})
        scope, cycles = form.filters()
        return compute_statistics(
            scope=scope, cycles=cycles, include_award_rate=allowed(request.user, "dashboard.view_award_rate")
        )


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
        return Response(StatisticsSerializer(self.statistics(request)).data)


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
        statistics = self.statistics(request)
        table = statistics.tables.get(table_id)
        if table is None:
            raise Http404("No such table")
        response = Response(serialize_table(table))
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
