import pytest
from django.urls import reverse

from cases.models import CaseState, CycleState
from reviews import services
from reviews.models import AwardDecision, Review, ReviewAssignment, ReviewState
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import CaseFactory
from tests.reviews.confirmations import confirm_step
from tests.reviews.factories import scored_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(manager, case, reviewer):
    return services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)


def _status(client, user, url, method="get", data=None):
    client.logout()
    if user is not None:
        sign_in(client, user)
    return getattr(client, method)(url, data or {}).status_code


# --- permission matrix ------------------------------------------------------------------------


def test_reviewer_pages_matrix(client, assignment, reviewer, manager, submitter):
    review_url = reverse("reviews:review", args=[assignment.pk])
    mine = reverse("reviews:my_assignments")
    other_reviewer = ReviewerFactory()
    assert _status(client, reviewer, mine) == 200
    assert _status(client, reviewer, review_url) == 200
    for user in (other_reviewer, manager, submitter):
        assert _status(client, user, review_url) == 404
        assert _status(client, user, review_url, "post", {"save": "1"}) == 404
    for user in (manager, submitter):
        assert _status(client, user, mine) == 404
    assert _status(client, None, mine) == 302
    assert _status(client, None, review_url) == 302
    assert not Review.objects.exists()


def test_manager_pages_matrix(client, assignment, reviewer, manager, submitter, case):
    year = case.cycle.year
    urls = [
        reverse("reviews:manage"),
        reverse("reviews:cycle", args=[year]),
        reverse("reviews:assignment", args=[year]),
        reverse("reviews:ranking", args=[year]),
        reverse("reviews:ranking", args=[year]) + "?sort=mean&dir=asc",
        reverse("reviews:decisions", args=[year]),
        reverse("reviews:case", args=[case.pk]),
    ]
    for url in urls:
        assert _status(client, manager, url) == 200, url
        for user in (reviewer, submitter):
            assert _status(client, user, url) == 404, url
        assert _status(client, None, url) == 302, url
    posts = [
        reverse("reviews:cycle_state", args=[year]),
        reverse("reviews:publish", args=[year]),
        reverse("reviews:assignment", args=[year]),
        reverse("reviews:case", args=[case.pk]),
    ]
    for url in posts:
        for user in (reviewer, submitter):
            assert _status(client, user, url, "post", {"action": "revise", "to_state": "deciding"}) == 404
    assert _status(client, manager, reverse("reviews:cycle", args=[1900])) == 404
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW
    assert case.cycle.state == CycleState.REVIEWING


def test_comments_to_submitter_only_after_publication(client, manager, cycle, case, submitter, reviewer):
    scored_review(case, reviewer, 4, comment="Add citizen survey results next time.")
    url = reverse("reviews:comments", args=[case.pk])
    assert _status(client, submitter, url) == 404
    cycle.state = CycleState.PUBLISHED
    cycle.published_at = cycle.submission_closes
    cycle.save()
    sign_in(client, submitter)
    response = client.get(url)
    assert response.status_code == 200
    assert "Add citizen survey results next time." in response.content.decode()
    assert "Note to the committee" not in response.content.decode()
    for user in (SubmitterFactory(), reviewer, manager, None):
        assert _status(client, user, url) in (404, 302)


# --- reviewing --------------------------------------------------------------------------------


def _post_data(criteria, outcome, **extra):
    data = {
        f"score_{criteria[0].pk}": "5",
        f"score_{criteria[1].pk}": "2",
        f"verification_{outcome.pk}": "partly",
        "comment_to_submitter": "Clear and useful.",
        "note_to_committee": "Evidence is thin.",
        "recommendation": "award",
        "declared_no_conflict": "on",
    }
    data.update(extra)
    return data


def test_review_form_shows_criteria_and_the_static_script(client, assignment, reviewer, criteria, case):
    from cases.models import CaseObstacle
    from tests.cases.factories import ObstacleTypeFactory

    CaseObstacle.objects.create(case=case, obstacle_type=ObstacleTypeFactory(), description="Firms distrusted us.")
    sign_in(client, reviewer)
    html = client.get(reverse("reviews:review", args=[assignment.pk])).content.decode()
    assert "Firms distrusted us." in html
    assert "10 → 3 days" in html  # the outcome's claim beside its verification
    assert 'data-weight="2.00"' in html and 'data-weight="1.00"' in html
    assert 'min="1"' in html and 'max="5"' in html
    assert "/static/js/review_form.js" in html
    assert "<script>" not in html
    assert 'id="weighted-total"' in html


def test_failed_submit_shows_errors_and_keeps_what_was_typed(client, assignment, reviewer, criteria, case):
    outcome = case.outcomes.get()
    sign_in(client, reviewer)
    data = _post_data(criteria, outcome, submit="1", **{f"score_{criteria[1].pk}": "", "declared_no_conflict": ""})
    response = client.post(reverse("reviews:review", args=[assignment.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give a score for this criterion." in html
    assert "Declare that you have no conflict of interest to submit the review." in html
    assert "Clear and useful." in html and "Evidence is thin." in html
    assert f'name="score_{criteria[0].pk}" value="5"' in html
    assert not Review.objects.exists()


def test_draft_then_submit_then_locked(client, assignment, reviewer, criteria, case):
    outcome = case.outcomes.get()
    url = reverse("reviews:review", args=[assignment.pk])
    sign_in(client, reviewer)
    response = client.post(url, _post_data(criteria, outcome, save="1", declared_no_conflict=""))
    assert response.status_code == 302 and response.url == url
    assert Review.objects.get().state == ReviewState.DRAFT
    response = client.post(url, _post_data(criteria, outcome, submit="1"))
    assert response.url == reverse("reviews:my_assignments")
    review = Review.objects.get()
    assert (review.state, str(review.weighted_score)) == (ReviewState.SUBMITTED, "4.0000")
    response = client.post(url, _post_data(criteria, outcome, submit="1", comment_to_submitter="Changed"), follow=True)
    assert "This review has been submitted and is locked; it can no longer be changed." in response.content.decode()
    review.refresh_from_db()
    assert review.comment_to_submitter == "Clear and useful."
    html = client.get(url).content.decode()
    assert "A submitted review is locked." in html
    assert "Submit review" not in html


# --- managing ---------------------------------------------------------------------------------


def test_assignment_page_refuses_conflicts_naming_the_reason(client, manager, case, reviewer_province, reviewer):
    sign_in(client, manager)
    url = reverse("reviews:assignment", args=[case.cycle.year])
    html = client.get(url).content.decode()
    assert "rev-province is affiliated with Gyeongsangbuk-do, the parent of Gumi, Gyeongsangbuk-do" in html
    response = client.post(
        url, {"action": "single", "single-case": case.pk, "single-reviewer": reviewer_province.pk}, follow=True
    )
    assert "Conflict of interest: rev-province is affiliated with Gyeongsangbuk-do" in response.content.decode()
    assert not ReviewAssignment.objects.exists()
    client.post(url, {"action": "single", "single-case": case.pk, "single-reviewer": reviewer.pk})
    assert list(ReviewAssignment.objects.values_list("reviewer__username", flat=True)) == ["rev-free"]


def test_bulk_and_suggested_assignment(client, manager, cycle, case, reviewer):
    other = CaseFactory(cycle=cycle, submitted=True)
    second = ReviewerFactory(username="rev-second")
    sign_in(client, manager)
    url = reverse("reviews:assignment", args=[cycle.year])
    client.post(url, {"action": "bulk", "bulk-reviewer": reviewer.pk, "bulk-cases": [case.pk, other.pk]})
    assert ReviewAssignment.objects.filter(reviewer=reviewer).count() == 2
    client.post(url, {"action": "suggestion"})
    assert ReviewAssignment.objects.filter(reviewer=second).count() == 2
    assert set(CaseFactory._meta.model.objects.filter(cycle=cycle).values_list("state", flat=True)) == {"in_review"}


def test_decide_and_publish_in_the_pages(client, manager, cycle, case, reviewer):
    services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    case.assignments.get().delete()
    scored_review(case, reviewer, 5)
    sign_in(client, manager)
    year = cycle.year
    confirm_step(client, year, "deciding")
    case_url = reverse("reviews:case", args=[case.pk])
    grand = cycle.award_levels.get(code="grand")
    response = client.post(case_url, {"action": "decide", "decision-level": "", "decision-rationale": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    client.post(case_url, {"action": "decide", "decision-level": grand.pk, "decision-rationale": "The best."})
    assert AwardDecision.objects.get(case=case).level == grand
    response = confirm_step(client, year, "published")
    assert "The results are published." in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.state == CycleState.PUBLISHED


def test_revision_request_in_the_page(client, manager, assignment, case):
    sign_in(client, manager)
    url = reverse("reviews:case", args=[case.pk])
    response = client.post(url, {"action": "revise", "revision-message": "Add the baseline."}, follow=True)
    assert "The case was sent back to the submitter for revision." in response.content.decode()
    case.refresh_from_db()
    assert case.state == CaseState.REVISION_REQUESTED
