import pytest
from rest_framework.test import APIClient

from cases.models import CaseState, CycleState
from reviews import services
from reviews.models import AwardDecision, Review, ReviewAssignment, ReviewState
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.api_errors import api_error, invalid
from tests.reviews.factories import scored_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def as_user(api, user):
    api.logout()
    if user is not None:
        api.force_authenticate(user)
    return api


@pytest.fixture
def assignment(manager, case, reviewer):
    return services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)


def _payload(assignment, criteria, outcome, **extra):
    return {
        "assignment": assignment.pk,
        "scores": [{"criterion": criteria[0].pk, "score": 5}, {"criterion": criteria[1].pk, "score": 2}],
        "verifications": [{"outcome": outcome.pk, "status": "verified"}],
        "comment_to_submitter": "Nice.",
        "note_to_committee": "Solid.",
        "recommendation": "award",
        "declared_no_conflict": True,
        **extra,
    }


def test_reviewer_writes_a_draft_submits_and_is_then_locked(api, assignment, reviewer, criteria, case):
    outcome = case.outcomes.get()
    as_user(api, reviewer)
    response = api.post("/api/v1/reviews/", {"assignment": assignment.pk, "comment_to_submitter": "Hm"}, format="json")
    assert response.status_code == 201, response.json()
    review_id = response.json()["id"]
    assert response.json()["state"] == "draft"
    response = api.patch(f"/api/v1/reviews/{review_id}/", {"submit": True}, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {
        f"scores.{criteria[0].pk}",
        f"scores.{criteria[1].pk}",
        f"verifications.{outcome.pk}",
        "recommendation",
        "declared_no_conflict",
    }
    response = api.put(
        f"/api/v1/reviews/{review_id}/", _payload(assignment, criteria, outcome, submit=True), format="json"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["state"], body["weighted_score"], body["case"]) == ("submitted", "4.0000", case.pk)
    assert body["scores"] == [
        {"criterion": criteria[0].pk, "code": "novelty", "score": 5},
        {"criterion": criteria[1].pk, "code": "effect", "score": 2},
    ]
    response = api.patch(f"/api/v1/reviews/{review_id}/", {"comment_to_submitter": "Changed"}, format="json")
    assert response.status_code == 409
    assert "is locked" in response.json()["detail"]
    assert Review.objects.get().comment_to_submitter == "Nice."


def test_patching_a_score_without_its_criterion_is_a_400_not_a_server_error(api, assignment, reviewer, criteria):
    as_user(api, reviewer)
    review_id = api.post("/api/v1/reviews/", {"assignment": assignment.pk}, format="json").json()["id"]
    response = api.patch(
        f"/api/v1/reviews/{review_id}/",
        {"scores": [{"score": 3}], "verifications": [{"status": "verified"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == invalid(
        {
            # The failing item of a list is named by its index.
            "scores.0.criterion": ["This field is required."],
            "verifications.0.outcome": ["This field is required."],
        }
    )
    assert not Review.objects.get(pk=review_id).scores.exists()


def test_reviews_api_permission_matrix(api, manager, cycle, case, reviewer, submitter):
    review = scored_review(case, reviewer, 4, comment="For you", recommendation="award")
    review.note_to_committee = "Committee only"
    review.save()
    url = f"/api/v1/reviews/{review.pk}/"
    assert as_user(api, manager).get(url).json()["note_to_committee"] == "Committee only"
    assert as_user(api, reviewer).get(url).json()["note_to_committee"] == "Committee only"
    for user in (ReviewerFactory(), submitter, SubmitterFactory()):
        assert as_user(api, user).get(url).status_code == 404
        assert as_user(api, user).get("/api/v1/reviews/").json()["count"] == 0
    assert as_user(api, None).get(url).status_code in (401, 403)
    cycle.state = CycleState.PUBLISHED
    cycle.published_at = cycle.submission_closes
    cycle.save()
    assert as_user(api, submitter).get(url).json() == {
        "id": review.pk,
        "case": case.pk,
        "comment_to_submitter": "For you",
    }
    assert as_user(api, SubmitterFactory()).get(url).status_code == 404
    # Nobody but the reviewer writes reviews (those who may see it get 403, the others 404).
    assert as_user(api, manager).patch(url, {"comment_to_submitter": "x"}, format="json").status_code == 403
    assert as_user(api, submitter).patch(url, {"comment_to_submitter": "x"}, format="json").status_code == 403
    assert as_user(api, ReviewerFactory()).patch(url, {"comment_to_submitter": "x"}, format="json").status_code == 404


def test_reviewer_cannot_write_someone_elses_assignment(api, assignment, manager):
    response = as_user(api, ReviewerFactory()).post("/api/v1/reviews/", {"assignment": assignment.pk}, format="json")
    assert response.status_code == 404
    response = as_user(api, manager).post("/api/v1/reviews/", {"assignment": assignment.pk}, format="json")
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_assignments_api(api, manager, case, reviewer, reviewer_province, submitter):
    response = as_user(api, manager).post(
        "/api/v1/review-assignments/", {"case": case.pk, "reviewer": reviewer_province.pk}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "conflict_of_interest"
    assert response.json()["detail"].startswith(
        "Conflict of interest: rev-province is affiliated with Gyeongsangbuk-do"
    )
    response = api.post("/api/v1/review-assignments/", {"case": case.pk, "reviewer": reviewer.pk}, format="json")
    assert response.status_code == 201
    assignment_id = response.json()["id"]
    assert response.json()["due_on"] == case.cycle.review_deadline.isoformat()
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW
    for user in (reviewer, submitter):
        response = as_user(api, user).post(
            "/api/v1/review-assignments/", {"case": case.pk, "reviewer": reviewer.pk}, format="json"
        )
        assert response.status_code == 403
    assert as_user(api, reviewer).get(f"/api/v1/review-assignments/{assignment_id}/").status_code == 200
    for user in (ReviewerFactory(), submitter):
        assert as_user(api, user).get(f"/api/v1/review-assignments/{assignment_id}/").status_code == 404
    assert ReviewAssignment.objects.count() == 1


def test_decisions_revision_and_cycle_api(api, manager, cycle, case, reviewer, submitter):
    scored_review(case, reviewer, 5)
    case.state = CaseState.IN_REVIEW
    case.save()
    as_user(api, manager)
    year = cycle.year
    assert (
        api.post(
            f"/api/v1/review-cycles/{year}/state/", {"to_state": "deciding", "from_state": "reviewing"}, format="json"
        ).json()["state"]
        == "deciding"
    )
    grand = cycle.award_levels.get(code="grand")
    for user in (reviewer, submitter):
        response = as_user(api, user).post(
            "/api/v1/award-decisions/", {"case": case.pk, "level": grand.pk, "rationale": "x"}, format="json"
        )
        assert response.status_code == 403
        assert as_user(api, user).get(f"/api/v1/review-cycles/{year}/").status_code == 404
        assert as_user(api, user).post(f"/api/v1/review-cycles/{year}/publish/").status_code == 404
    as_user(api, manager)
    response = api.post(
        "/api/v1/award-decisions/", {"case": case.pk, "level": grand.pk, "rationale": ""}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {"rationale_local": ["Give the rationale of the decision."]}
    response = api.post(
        "/api/v1/award-decisions/", {"case": case.pk, "level": grand.pk, "rationale": "Best."}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["level_code"] == "grand"
    decision_id = response.json()["id"]
    assert api.get(f"/api/v1/award-decisions/{decision_id}/").status_code == 200
    assert as_user(api, reviewer).get(f"/api/v1/award-decisions/{decision_id}/").status_code == 404
    as_user(api, manager)
    ranking = api.get(f"/api/v1/review-cycles/{year}/").json()
    assert ranking["ranking"][0]["case"] == case.pk
    assert ranking["ranking"][0]["mean"] == "5.0000"
    assert ranking["ranking"][0]["decision"] == "grand"
    response = api.post(f"/api/v1/review-cycles/{year}/publish/", {"from_state": "deciding"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "published"
    assert AwardDecision.objects.get().case == case


def test_quota_refusal_and_revision_over_the_api(api, manager, cycle, case, reviewer):
    from tests.cases.factories import CaseFactory

    cycle.state = CycleState.DECIDING
    cycle.save()
    first = CaseFactory(cycle=cycle, in_review=True)
    scored_review(first, reviewer, 5)
    scored_review(case, ReviewerFactory(), 5)
    case.state = CaseState.IN_REVIEW
    case.save()
    grand = cycle.award_levels.get(code="grand")
    as_user(api, manager)
    assert (
        api.post("/api/v1/award-decisions/", {"case": first.pk, "level": grand.pk, "rationale": "a"}).status_code == 201
    )
    response = api.post("/api/v1/award-decisions/", {"case": case.pk, "level": grand.pk, "rationale": "b"})
    assert response.status_code == 409
    assert response.json() == api_error(409, "The quota of 1 for the Grand Prize is used up.", code="quota_exceeded")
    response = api.post("/api/v1/award-decisions/request-revision/", {"case": case.pk, "message": "More evidence."})
    assert response.json() == {"case": case.pk, "state": "revision_requested"}
    response = as_user(api, reviewer).post(
        "/api/v1/award-decisions/request-revision/", {"case": case.pk, "message": "x"}
    )
    assert response.status_code == 403


def test_review_state_constant_is_exposed(api, assignment, reviewer):
    response = as_user(api, reviewer).get("/api/v1/review-assignments/")
    assert response.json()["results"][0]["review_state"] == ""
    assert ReviewState.SUBMITTED == "submitted"
