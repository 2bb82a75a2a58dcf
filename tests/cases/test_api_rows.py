"""The public's page of the cases API read as rows (``cases.api.rows``) is exactly what
``CaseSerializer`` gives the same anonymous reader from model instances: every demo case and a case
with every kind of related row, in English and in Korean; and the list serves it."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.utils import translation
from rest_framework.request import Request
from rest_framework.test import APIClient

from accounts.models import User
from cases.api import rows
from cases.api.serializers import CaseSerializer
from cases.api.views import CaseViewSet
from cases.models import InnovationCase, OutcomeKind, ParticipantKind, ServiceArea, Verification
from core.rules import allowed
from tests.cases.factories import AttachmentFactory, CaseFactory, OutcomeFactory
from tests.querycount import assert_database_query_count

pytestmark = pytest.mark.django_db


def _anonymous_request(language: str):
    request = RequestFactory().get("/api/v1/cases/", HTTP_ACCEPT_LANGUAGE=language)
    request.user = AnonymousUser()
    return Request(request)


def _as_instances(ids, request) -> list[dict]:
    """What the list gives from model instances (the view's queryset, the serializer)."""
    view = CaseViewSet(request=request, format_kwarg=None)
    by_id = {case.pk: case for case in view.get_queryset().filter(pk__in=ids)}
    data = CaseSerializer([by_id[pk] for pk in ids], many=True, context={"request": request}).data
    return json.loads(json.dumps(data))


def _compare(ids):
    for language in ("en", "ko"):
        with translation.override(language):
            request = _anonymous_request(language)
            as_rows = json.loads(json.dumps(rows.public_page(ids, request)))
            assert as_rows == _as_instances(ids, request), language


def test_every_public_demo_case_reads_the_same_as_rows(demo_data):
    ids = list(InnovationCase.objects.filter(is_public=True).order_by("sort_key").values_list("pk", flat=True))
    assert len(ids) == 42
    _compare(ids)


@pytest.fixture
def full_case(demo_data):
    case = CaseFactory(
        awarded=True,
        cycle=InnovationCase.objects.filter(is_public=True).first().cycle,
        service_area=ServiceArea.objects.first(),
        obstacles=["lack_of_resources", "legal_constraints"],
        remedies=["perseverance"],
        contact_email="staff@example.go.kr",
        contact_phone="02-123-4567",
    )
    case.participant_kinds.set(ParticipantKind.objects.all()[:3])
    attachment = AttachmentFactory(case=case, original_name="성과 보고서.pdf", size=2048)
    OutcomeFactory(
        case=case, kind=OutcomeKind.objects.first(), evidence_attachment=attachment, verification=Verification.VERIFIED
    )
    OutcomeFactory(case=case, kind=None, evidence_url="https://example.go.kr/report")
    return case


def test_a_case_with_every_related_row_reads_the_same_and_hides_the_contacts(full_case):
    _compare([full_case.pk])
    page = rows.public_page([full_case.pk], _anonymous_request("en"))[0]
    assert len(page["outcomes"]) == 2
    assert len(page["attachments"]) == 1
    assert len(page["participant_kinds"]) == 3
    assert (page["contact_email"], page["contact_phone"], page["revision_requests"]) == (None, None, None)
    # what the rows leave out is what the rules refuse to anyone not signed in
    for rule in ("cases.view_contact_details", "cases.view_revision_requests"):
        assert not allowed(AnonymousUser(), rule, full_case)


def test_a_page_is_one_round_trip_on_postgresql_and_one_query_per_kind_of_row_elsewhere(full_case):
    ids = list(InnovationCase.objects.filter(is_public=True).values_list("pk", flat=True))
    # cases, participant kinds, obstacles, remedies, outcomes, attachments: six statements
    with assert_database_query_count(1 if connection.vendor == "postgresql" else 6) as queries:
        rows.public_page(ids, _anonymous_request("en"))
    if connection.vendor == "postgresql":
        assert queries[0].count("SELECT ") == 6


def test_the_list_serves_the_rows_to_the_public_and_instances_to_signed_in_readers(full_case):
    cache.clear()
    anonymous = APIClient().get("/api/v1/cases/").json()
    manager = APIClient()
    manager.force_authenticate(User.objects.get(username="manager"))
    signed_in = manager.get("/api/v1/cases/", {"state": "awarded"}).json()
    by_id = {case["id"]: case for case in signed_in["results"]}
    assert anonymous["count"] == 43
    for case in anonymous["results"]:
        assert {**by_id[case["id"]], "contact_email": None, "contact_phone": None, "revision_requests": None} == case
    assert by_id[full_case.pk]["contact_email"] == "staff@example.go.kr"


def test_a_case_deleted_after_the_page_was_chosen_is_left_out(full_case):
    ids = [
        full_case.pk,
        *InnovationCase.objects.filter(is_public=True).exclude(pk=full_case.pk).values_list("pk", flat=True)[:2],
    ]
    InnovationCase.objects.filter(pk=full_case.pk).delete()
    assert [case["id"] for case in rows.public_page(ids, _anonymous_request("en"))] == ids[1:]
