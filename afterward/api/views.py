"""The afterward API: follow-up reports (read by visibility; the practice's government submits, a
reviewer verifies) and adoptions (read by visibility; another government records one, the origin
answers) — through the same services as the pages."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from cases.selectors import public_cases
from core.api import ReadRule
from core.rules import require

from .. import selectors, services
from ..models import Adoption, FollowUpReport
from . import serializers as s


class FollowUpReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Follow-up reports. Everyone: the submitted and verified reports of published practices;
    submitters also their government's due ones; reviewers and managers all."""

    permission_classes = [IsAuthenticatedOrReadOnly, ReadRule]
    read_rule = "afterward.view_report"
    serializer_class = s.FollowUpReportSerializer

    def get_queryset(self):
        return selectors.visible_reports(self.request.user).prefetch_related("values__outcome").order_by("id")

    def _fresh(self, report: FollowUpReport) -> dict:
        return s.FollowUpReportSerializer(self.get_queryset().get(pk=report.pk)).data

    @extend_schema(request=s.ReportSubmitSerializer, responses=s.FollowUpReportSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        report = self.get_object()
        serializer = s.ReportSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        values = {item.pop("outcome"): item for item in data.pop("values", [])}
        report = services.submit_report(actor=request.user, report=report, values=values, **data)
        return Response(self._fresh(report))

    @extend_schema(request=s.ReportVerifySerializer, responses=s.FollowUpReportSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        report = self.get_object()
        serializer = s.ReportVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        verifications = {item["outcome"]: item["status"] for item in data["verifications"]}
        report = services.verify_report(
            actor=request.user, report=report, verifications=verifications, note=data.get("note", "")
        )
        return Response(self._fresh(report))


class AdoptionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Adoptions of awarded practices. Everyone: the confirmed ones; submitters also those their
    government recorded or was asked to confirm; managers all."""

    permission_classes = [IsAuthenticatedOrReadOnly, ReadRule]
    read_rule = "afterward.view_adoption"
    serializer_class = s.AdoptionSerializer

    def get_queryset(self):
        return selectors.visible_adoptions(self.request.user).order_by("id")

    @extend_schema(request=s.AdoptionCreateSerializer, responses={201: s.AdoptionSerializer})
    def create(self, request, *args, **kwargs):
        require(request.user, "afterward.view_follow_ups")
        serializer = s.AdoptionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        case = public_cases().filter(pk=data.pop("source")).first()
        if case is None:
            raise Http404("No such practice")
        adoption = services.record_adoption(actor=request.user, case=case, **data)
        return Response(s.AdoptionSerializer(adoption).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.AdoptionAnswerSerializer, responses=s.AdoptionSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        adoption: Adoption = self.get_object()
        serializer = s.AdoptionAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        adoption = services.answer_adoption(
            actor=request.user, adoption=adoption, confirm=data["confirm"], note=data.get("note", "")
        )
        return Response(s.AdoptionSerializer(adoption).data)
