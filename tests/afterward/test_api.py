import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from afterward import services
from afterward.models import AdoptionState, ReportState
from cases.models import Outcome
from tests.accounts.helpers import sign_in
from tests.api_errors import api_error

from .factories import AdoptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def due(practice):
    return services.create_due_reports()[0]


def test_a_report_is_filed_and_verified_through_the_api(api, due, practice, submitter, reviewer):
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    url = f"/api/v1/follow-up-reports/{due.pk}/"
    assert api.get(url).status_code == 404  # due reports are not public
    sign_in(api, submitter)
    body = {
        "status": "scaled_down",
        "status_reason": "Fewer staff",
        "running_cost": 5000000,
        "values": [
            {"outcome": first.pk, "value": "9", "evidence": "Register"},
            {"outcome": second.pk, "value": "10", "evidence_url": "https://example.go.kr/x"},
        ],
    }
    response = api.post(url + "submit/", body, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["state"], response.json()["status"]) == ("submitted", "scaled_down")
    again = api.post(url + "submit/", body, format="json")
    assert again.status_code == 409
    assert again.json() == api_error(409, "This follow-up report has already been submitted.", code="already_submitted")
    api.logout()
    assert api.get(url).json()["values"][0]["value"] == "9.00"  # submitted: public
    sign_in(api, reviewer)
    response = api.post(
        url + "verify/",
        {"verifications": [{"outcome": first.pk, "status": "verified"}, {"outcome": second.pk, "status": "partly"}]},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["state"] == ReportState.VERIFIED


def test_filing_refusals_use_the_one_error_shape(api, due, practice, submitter):
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    sign_in(api, submitter)
    response = api.post(f"/api/v1/follow-up-reports/{due.pk}/submit/", {"status": "running"}, format="json")
    assert response.status_code == 400
    assert response.json() == api_error(
        400,
        "The report has problems; see the marked fields.",
        fields={
            "running_cost": ["Enter a value."],
            f"values.{first.pk}.value": ["Enter a value."],
            f"values.{first.pk}.evidence_local": ["Give the evidence of the current value."],
            f"values.{second.pk}.value": ["Enter a value."],
            f"values.{second.pk}.evidence_local": ["Give the evidence of the current value."],
        },
    )


def test_adoptions_are_recorded_and_answered_through_the_api(api, practice, submitter, other_submitter):
    sign_in(api, other_submitter)
    response = api.post(
        "/api/v1/adoptions/",
        {"source": practice.pk, "kind": "adopted", "adopted_on": str(timezone.localdate())},
        format="json",
    )
    assert response.status_code == 201
    adoption = response.json()
    assert (adoption["adopter_code"], adoption["adopter_tier"], adoption["state"]) == ("34050", "city", "pending")
    api.logout()
    assert api.get("/api/v1/adoptions/").json()["results"] == []  # not confirmed yet
    sign_in(api, submitter)
    response = api.post(f"/api/v1/adoptions/{adoption['id']}/answer/", {"confirm": True}, format="json")
    assert response.status_code == 200
    assert response.json()["state"] == AdoptionState.CONFIRMED
    api.logout()
    assert [item["id"] for item in api.get("/api/v1/adoptions/").json()["results"]] == [adoption["id"]]


def test_anonymous_clients_cannot_write(api, practice):
    adoption = AdoptionFactory(source=practice)
    assert api.post("/api/v1/adoptions/", {}, format="json").status_code == 401
    assert api.post(f"/api/v1/adoptions/{adoption.pk}/answer/", {"confirm": True}, format="json").status_code == 401
