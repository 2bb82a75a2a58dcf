"""The whole workflow over the API: submit → assign → review (with a revision round trip) →
decide → publish → the public sees the awarded case."""

import pytest
from rest_framework.test import APIClient

from cases.models import CaseEvent, CaseState
from tests.cases.factories import CaseFactory, OutcomeFactory

pytestmark = pytest.mark.django_db


def _client(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_whole_workflow_over_the_api(cycle, criteria, city, submitter, reviewer, manager):
    cycle.state = "open"
    cycle.save()
    case = CaseFactory(
        cycle=cycle, government=city, obstacles=["lack_of_cooperation"], remedies=["induced_cooperation"]
    )
    outcome = OutcomeFactory(case=case)
    staff, reviewing, boss, public = _client(submitter), _client(reviewer), _client(manager), _client()

    response = staff.post(f"/api/v1/cases/{case.pk}/submit/")
    assert response.status_code == 200, response.json()
    assert public.get(f"/api/v1/cases/{case.pk}/").status_code == 404

    response = boss.post("/api/v1/review-assignments/", {"case": case.pk, "reviewer": reviewer.pk}, format="json")
    assert response.status_code == 201, response.json()
    assignment = response.json()["id"]
    assert (
        boss.post(
            f"/api/v1/review-cycles/{cycle.year}/state/", {"to_state": "reviewing", "from_state": "open"}
        ).status_code
        == 200
    )
    assert reviewing.get(f"/api/v1/cases/{case.pk}/").status_code == 200

    # Revision round trip: the manager sends it back, the submitter resubmits, it returns to review.
    response = boss.post(
        "/api/v1/award-decisions/request-revision/", {"case": case.pk, "message": "Add the survey."}, format="json"
    )
    assert response.json()["state"] == "revision_requested"
    assert CaseEvent.objects.filter(case=case, to_state="revision_requested", message="Add the survey.").exists()
    response = staff.post(f"/api/v1/cases/{case.pk}/submit/")
    assert response.status_code == 200, response.json()
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW

    payload = {
        "assignment": assignment,
        "scores": [{"criterion": criteria[0].pk, "score": 5}, {"criterion": criteria[1].pk, "score": 4}],
        "verifications": [{"outcome": outcome.pk, "status": "verified"}],
        "comment_to_submitter": "Convincing evidence.",
        "recommendation": "award",
        "declared_no_conflict": True,
        "submit": True,
    }
    response = reviewing.post("/api/v1/reviews/", payload, format="json")
    assert response.status_code == 201, response.json()
    review = response.json()["id"]
    assert response.json()["weighted_score"] == "4.6667"

    assert (
        boss.post(
            f"/api/v1/review-cycles/{cycle.year}/state/", {"to_state": "deciding", "from_state": "reviewing"}
        ).status_code
        == 200
    )
    grand = cycle.award_levels.get(code="grand")
    response = boss.post(
        "/api/v1/award-decisions/", {"case": case.pk, "level": grand.pk, "rationale": "Top score."}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert staff.get(f"/api/v1/reviews/{review}/").status_code == 404  # not before publication
    response = boss.post(f"/api/v1/review-cycles/{cycle.year}/publish/", {"from_state": "deciding"})
    assert response.json()["state"] == "published"

    response = public.get(f"/api/v1/cases/{case.pk}/")
    assert response.status_code == 200
    assert response.json()["id"] == case.pk
    assert staff.get(f"/api/v1/reviews/{review}/").json() == {
        "id": review,
        "case": case.pk,
        "comment_to_submitter": "Convincing evidence.",
    }
    outcome.refresh_from_db()
    assert outcome.verification == "verified"
