"""Query budgets of the reviewers' and managers' pages and of the reviews API: each page runs the
same, exact number of queries whether the cycle has n or 10 n cases (tests/querycount.py).

Every request is made signed in (the session, the user and the second factor are read on each
request, and count). Exact numbers: a page that gets cheaper lowers its budget here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from cases.models import AwardCycle, AwardLevel, CaseState, CycleState, InnovationCase, Verification
from outbox.models import MessageState
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory, ProvinceFactory
from tests.outbox.factories import OutboxMessageFactory
from tests.querycount import assert_database_query_count
from tests.reviews.confirmations import step_url
from tests.reviews.factories import (
    AwardDecisionFactory,
    CriterionFactory,
    ReviewAssignmentFactory,
    ReviewFactory,
    submitted_review,
)

pytestmark = pytest.mark.django_db

N = 3
SIZES = [N, 10 * N]


@dataclass
class World:
    manager: User
    cycle: AwardCycle
    cases: list[InnovationCase]
    undecided: InnovationCase
    reviewers: list[User]
    merit: AwardLevel


def review_world(n: int, *, state: str = CycleState.DECIDING, year: int = 2099, manager: User | None = None) -> World:
    """A cycle of ``n`` cases, each with an outcome and two submitted reviews; every other case is
    decided (merit or no award). Four reviewers: two review every case, one is affiliated with the
    cases' province (a conflict on every case) and one is free, so the assignment page suggests."""
    manager = manager or ManagerFactory()
    cycle = AwardCycleFactory(year=year, state=state, reviews_required=3, closed=True)
    novelty = CriterionFactory(cycle=cycle, code="novelty", weight=Decimal("2.00"), order=1)
    effect = CriterionFactory(cycle=cycle, code="effect", order=2)
    AwardLevelFactory(cycle=cycle, code="grand", rank=1, quota=1)
    merit = AwardLevelFactory(cycle=cycle, code="merit", name="Merit Award", rank=2, quota=10 * n)
    province = ProvinceFactory()
    reviewers = [ReviewerFactory(), ReviewerFactory(), ReviewerFactory(government=province), ReviewerFactory()]
    cases = []
    for index in range(n):
        case = CaseFactory(cycle=cycle, government=CityFactory(parent=province), in_review=True)
        outcome = OutcomeFactory(case=case)
        for offset, reviewer in enumerate(reviewers[:2]):
            assignment = ReviewAssignmentFactory(case=case, reviewer=reviewer, assigned_by=manager)
            submitted_review(
                assignment,
                {novelty: 1 + (index + offset) % 5, effect: 1 + index % 5},
                verifications={outcome: Verification.VERIFIED},
                comment=f"Comment {index}-{offset}",
            )
        if index % 2 == 1:
            AwardDecisionFactory(case=case, level=merit if index % 4 == 1 else None, decided_by=manager)
            case.state = CaseState.AWARDED if index % 4 == 1 else CaseState.NOT_AWARDED
            case.save(update_fields=["state"])
        cases.append(case)
    return World(manager=manager, cycle=cycle, cases=cases, undecided=cases[0], reviewers=reviewers, merit=merit)


def _get(client, user, url, expected: int):
    sign_in(client, user)
    with assert_database_query_count(expected):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


# --- managers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("n", SIZES)
def test_manage_lists_n_cycles_in_a_fixed_number_of_queries(client, n):
    manager = ManagerFactory()
    for offset in range(n):
        review_world(2, year=2000 + offset, manager=manager)
    response = _get(client, manager, reverse("reviews:manage"), 9)
    assert len(response.context["cycles"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_cycle_overview(client, n):
    world = review_world(n)
    response = _get(client, world.manager, reverse("reviews:cycle", args=[world.cycle.year]), 10)
    assert response.context["progress"].submitted_cases == n


@pytest.mark.parametrize("n", SIZES)
def test_cycle_step_confirmation(client, n):
    world = review_world(n, state=CycleState.REVIEWING)
    _get(client, world.manager, step_url(world.cycle.year, CycleState.DECIDING), 12)


@pytest.mark.parametrize("n", SIZES)
def test_publish_confirmation(client, n):
    world = review_world(n)
    _get(client, world.manager, step_url(world.cycle.year, CycleState.PUBLISHED), 14)


@pytest.mark.parametrize("n", SIZES)
def test_assignment_page(client, n):
    world = review_world(n)
    response = _get(client, world.manager, reverse("reviews:assignment", args=[world.cycle.year]), 25)
    undecided = (n + 1) // 2
    assert len(response.context["rows"]) == undecided
    assert len(response.context["suggestions"]) == undecided


@pytest.mark.parametrize("n", SIZES)
def test_ranking(client, n):
    world = review_world(n)
    response = _get(client, world.manager, reverse("reviews:ranking", args=[world.cycle.year]), 12)
    assert len(response.context["rows"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_decisions(client, n):
    world = review_world(n)
    response = _get(client, world.manager, reverse("reviews:decisions", args=[world.cycle.year]), 16)
    assert len(response.context["rows"]) == n // 2


@pytest.mark.parametrize("n", SIZES)
def test_case_page(client, n):
    world = review_world(n)
    response = _get(client, world.manager, reverse("reviews:case", args=[world.undecided.pk]), 25)
    assert response.context["row"].count == 2
    assert response.context["can_decide"]


@pytest.mark.parametrize("n", SIZES)
def test_notifications(client, n):
    manager = ManagerFactory()
    for _ in range(n):
        OutboxMessageFactory(state=MessageState.FAILED, recipient=ReviewerFactory(), attempts=5, last_error="550")
    response = _get(client, manager, reverse("reviews:notifications"), 6)
    assert len(response.context["page"].object_list) == n


# --- reviewers --------------------------------------------------------------------------------


@pytest.mark.parametrize("n", SIZES)
def test_my_assignments(client, n):
    world = review_world(n)
    response = _get(client, world.reviewers[0], reverse("reviews:my_assignments"), 4)
    assert len(response.context["rows"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_review_form_with_n_criteria_and_outcomes(client, n):
    """A draft with a score for each of n criteria and a verification of each of n outcomes."""
    cycle = AwardCycleFactory(state=CycleState.REVIEWING, closed=True)
    case = CaseFactory(cycle=cycle, in_review=True)
    criteria = [CriterionFactory(cycle=cycle, order=index) for index in range(n)]
    outcomes = [OutcomeFactory(case=case) for _ in range(n)]
    review = ReviewFactory(assignment__case=case)
    for criterion in criteria:
        review.scores.create(criterion=criterion, score=3)
    for outcome in outcomes:
        review.verifications.create(outcome=outcome, status=Verification.PARTLY)
    response = _get(client, review.assignment.reviewer, reverse("reviews:review", args=[review.assignment.pk]), 21)
    assert response.context["editable"]
    assert len(response.context["criteria"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_comments_to_the_submitter(client, n):
    """A published case reviewed by n reviewers, read by its submitter."""
    cycle = AwardCycleFactory(published=True)
    case = CaseFactory(cycle=cycle, not_awarded=True)
    criterion = CriterionFactory(cycle=cycle)
    for index in range(n):
        submitted_review(ReviewAssignmentFactory(case=case), {criterion: 4}, comment=f"Comment {index}")
    AwardDecisionFactory(case=case)
    submitter = SubmitterFactory(government=case.government)
    response = _get(client, submitter, reverse("reviews:comments", args=[case.pk]), 5)
    assert len(response.context["comments"]) == n


# --- the reviews API --------------------------------------------------------------------------


@pytest.fixture
def api():
    return APIClient()


def _api_get(api, user, url, expected: int) -> dict:
    sign_in(api, user)
    with assert_database_query_count(expected):
        response = api.get(url)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize("n", SIZES)
def test_api_reviews_for_a_manager(api, n):
    world = review_world(n)
    assert _api_get(api, world.manager, "/api/v1/reviews/", 8)["count"] == 2 * n


@pytest.mark.parametrize("n", SIZES)
def test_api_reviews_for_a_reviewer(api, n):
    world = review_world(n)
    assert _api_get(api, world.reviewers[0], "/api/v1/reviews/", 8)["count"] == n


@pytest.mark.parametrize("n", SIZES)
def test_api_reviews_for_a_submitter(api, n):
    cycle = AwardCycleFactory(published=True)
    city = CityFactory()
    criterion = CriterionFactory(cycle=cycle)
    for index in range(n):
        case = CaseFactory(cycle=cycle, government=city, not_awarded=True)
        submitted_review(ReviewAssignmentFactory(case=case), {criterion: 4}, comment=f"Comment {index}")
    assert _api_get(api, SubmitterFactory(government=city), "/api/v1/reviews/", 7)["count"] == n


@pytest.mark.parametrize("n", SIZES)
def test_api_assignments(api, n):
    world = review_world(n)
    assert _api_get(api, world.manager, "/api/v1/review-assignments/", 5)["count"] == 2 * n


@pytest.mark.parametrize("n", SIZES)
def test_api_decisions(api, n):
    world = review_world(n)
    assert _api_get(api, world.manager, "/api/v1/award-decisions/", 5)["count"] == n // 2


@pytest.mark.parametrize("n", SIZES)
def test_api_review_cycle(api, n):
    world = review_world(n)
    data = _api_get(api, world.manager, f"/api/v1/review-cycles/{world.cycle.year}/", 16)
    assert len(data["ranking"]) == n


@pytest.mark.parametrize("n", SIZES)
def test_api_review_cycle_state(api, n):
    world = review_world(n, state=CycleState.REVIEWING)
    sign_in(api, world.manager)
    url = f"/api/v1/review-cycles/{world.cycle.year}/state/"
    with assert_database_query_count(8):
        response = api.post(url, {"from_state": "reviewing", "to_state": "deciding"}, format="json")
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("n", SIZES)
def test_api_review_cycle_publish(api, n):
    world = review_world(n)
    for case in InnovationCase.objects.filter(cycle=world.cycle, state=CaseState.IN_REVIEW):
        AwardDecisionFactory(case=case, decided_by=world.manager)
        case.state = CaseState.NOT_AWARDED
        case.save(update_fields=["state"])
    sign_in(api, world.manager)
    url = f"/api/v1/review-cycles/{world.cycle.year}/publish/"
    with assert_database_query_count(15):
        response = api.post(url, {"from_state": "deciding"}, format="json")
    assert response.status_code == 200, response.content
