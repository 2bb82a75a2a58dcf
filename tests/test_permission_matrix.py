"""DESIGN.md §4, row by row, through the code that enforces it: each action is tried by every role
through its service and through its endpoint (HTML page or API), never through the predicate alone.
A refused role changes nothing and gets NotAllowed from the service and 403/404 from the endpoint."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from cases import services as case_services
from cases.models import CaseState, CycleState, InnovationCase
from core.errors import NotAllowed
from practices import services as feedback_services
from practices.models import CitizenFeedback, ModerationState
from reviews import services as review_services
from reviews.models import AwardDecision, Review, ReviewAssignment
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory, OutcomeFactory
from tests.cases.helpers import complete_draft
from tests.practices.factories import CitizenFeedbackFactory
from tests.practices.helpers import answer
from tests.reviews.factories import CriterionFactory, ReviewAssignmentFactory, scored_review

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "own_submitter", "other_submitter", "assigned_reviewer", "other_reviewer", "manager"]


@dataclass
class World:
    users: dict
    draft: InnovationCase  # own government's draft in the open cycle
    submitted: InnovationCase  # own government's submitted case in the open cycle
    in_review: InnovationCase  # in review in a deciding cycle, assigned to the assigned reviewer
    assignment: ReviewAssignment
    awarded: InnovationCase  # a published practice
    pending_comment: CitizenFeedback

    def user(self, role):
        return self.users[role] or AnonymousUser()


@pytest.fixture
def world():
    open_cycle = AwardCycleFactory()
    deciding = AwardCycleFactory(state=CycleState.DECIDING)
    CriterionFactory(cycle=deciding, code="novelty", weight=Decimal("1.00"))
    AwardLevelFactory(cycle=deciding, code="grand", rank=1, quota=5)
    own = SubmitterFactory()
    draft = complete_draft(government=own.government, cycle=open_cycle)
    submitted = complete_draft(government=own.government, cycle=open_cycle, submitted=True)
    in_review = CaseFactory(cycle=deciding, government=own.government, in_review=True)
    OutcomeFactory(case=in_review)
    assignment = ReviewAssignmentFactory(case=in_review)
    scored_review(in_review, ReviewerFactory(), 4)  # a submitted review, so that the case can be decided
    awarded = CaseFactory(cycle=AwardCycleFactory(published=True), awarded=True)
    users = {
        "anonymous": None,
        "own_submitter": own,
        "other_submitter": SubmitterFactory(),
        "assigned_reviewer": assignment.reviewer,
        "other_reviewer": ReviewerFactory(),
        "manager": ManagerFactory(),
    }
    comment = CitizenFeedbackFactory(case=awarded, comment="Good", moderation=ModerationState.PENDING)
    return World(users, draft, submitted, in_review, assignment, awarded, comment)


def _client(world, role) -> Client:
    client = Client()
    if world.users[role]:
        sign_in(client, world.users[role])
    return client


def _api(world, role) -> APIClient:
    api = APIClient()
    if world.users[role]:
        api.force_authenticate(world.users[role])
    return api


# --- create, edit, submit, withdraw a case: own government's, in an open cycle -----------------

CASE_WRITERS = {"own_submitter"}


@pytest.mark.parametrize("role", ROLES)
def test_create_a_case(world, role):
    allowed = role in CASE_WRITERS or role == "other_submitter"  # any submitter, for their own government
    cycle = world.draft.cycle
    before = InnovationCase.objects.count()
    if allowed:
        case = case_services.create_draft(actor=world.user(role), cycle=cycle, fields={"title": "New"})
        assert case.government_id == world.users[role].government_id
    else:
        with pytest.raises(NotAllowed):
            case_services.create_draft(actor=world.user(role), cycle=cycle, fields={"title": "New"})
    response = _api(world, role).post("/api/v1/cases/", {"cycle": cycle.year, "title": "API"}, format="json")
    assert response.status_code == (201 if allowed else 401 if role == "anonymous" else 403)
    assert InnovationCase.objects.count() == before + (2 if allowed else 0)


@pytest.mark.parametrize("role", ROLES)
def test_edit_a_draft(world, role):
    allowed = role in CASE_WRITERS
    case = world.draft
    original = case.title
    if allowed:
        case_services.update_draft(actor=world.user(role), case=case, fields={"title": "Service"})
    else:
        with pytest.raises(NotAllowed):
            case_services.update_draft(actor=world.user(role), case=case, fields={"title": "Service"})
    page = _client(world, role).post(f"/my/cases/{case.pk}/edit/basics/", {"title": "Page"})
    assert page.status_code == (302 if allowed else 404 if role != "anonymous" else 302)
    response = _api(world, role).patch(f"/api/v1/cases/{case.pk}/", {"title": "API"}, format="json")
    visible = role in ("own_submitter", "manager")
    expected = 200 if allowed else (403 if visible else 401 if role == "anonymous" else 404)
    assert response.status_code == expected
    case.refresh_from_db()
    assert case.title == ("API" if allowed else original)


@pytest.mark.parametrize("role", ROLES)
def test_submit_a_draft(world, role):
    allowed = role in CASE_WRITERS
    case = world.draft
    if not allowed:
        with pytest.raises(NotAllowed):
            case_services.submit_case(actor=world.user(role), case=case)
        page = _client(world, role).post(f"/my/cases/{case.pk}/submit/")
        assert page.status_code in (302, 404)  # the login page, or no such case
        assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT
        return
    response = _api(world, role).post(f"/api/v1/cases/{case.pk}/submit/")
    assert response.status_code == 200
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.SUBMITTED


@pytest.mark.parametrize("role", ROLES)
def test_withdraw_a_submitted_case(world, role):
    allowed = role in CASE_WRITERS
    case = world.submitted
    if not allowed:
        with pytest.raises(NotAllowed):
            case_services.withdraw_case(actor=world.user(role), case=case)
        response = _api(world, role).post(f"/api/v1/cases/{case.pk}/withdraw/")
        assert response.status_code in (401, 403, 404)
        assert InnovationCase.objects.get(pk=case.pk).state == CaseState.SUBMITTED
        return
    page = _client(world, role).post(f"/my/cases/{case.pk}/withdraw/", {"message": "Later"})
    assert page.status_code == 302
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.WITHDRAWN


# --- score a case: assigned, no conflict -------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_score_a_case(world, role):
    allowed = role == "assigned_reviewer"
    criteria = list(world.in_review.cycle.criteria.all())
    criterion = criteria[0]
    arguments = {"scores": {c.pk: 3 for c in criteria}, "verifications": {}}
    if allowed:
        review_services.save_review(actor=world.user(role), assignment=world.assignment, **arguments)
    else:
        with pytest.raises(NotAllowed):
            review_services.save_review(actor=world.user(role), assignment=world.assignment, **arguments)
    page = _client(world, role).post(f"/reviews/assignments/{world.assignment.pk}/", {f"score_{criterion.pk}": "5"})
    assert page.status_code == (302 if allowed or role == "anonymous" else 404)
    response = _api(world, role).post(
        "/api/v1/reviews/", {"assignment": world.assignment.pk, "comment_to_submitter": "x"}, format="json"
    )
    expected = 200 if allowed else {"anonymous": 401, "other_reviewer": 404}.get(role, 403)
    assert response.status_code == expected
    assert Review.objects.filter(assignment=world.assignment).exists() is allowed


# --- assign reviewers, decide awards, publish a cycle: managers --------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_assign_a_reviewer(world, role):
    allowed = role == "manager"
    case, reviewer = world.submitted, ReviewerFactory()
    if allowed:
        review_services.assign_reviewer(actor=world.user(role), case=case, reviewer=reviewer)
    else:
        with pytest.raises(NotAllowed):
            review_services.assign_reviewer(actor=world.user(role), case=case, reviewer=reviewer)
    other = ReviewerFactory()
    response = _api(world, role).post(
        "/api/v1/review-assignments/", {"case": case.pk, "reviewer": other.pk}, format="json"
    )
    assert response.status_code == (201 if allowed else 401 if role == "anonymous" else 403)
    assert ReviewAssignment.objects.filter(case=case).count() == (2 if allowed else 0)


@pytest.mark.parametrize("role", ROLES)
def test_decide_a_case(world, role):
    allowed = role == "manager"
    case = world.in_review
    level = case.cycle.award_levels.get()
    if not allowed:
        with pytest.raises(NotAllowed):
            review_services.decide_case(actor=world.user(role), case=case, level=level, rationale="x")
        response = _api(world, role).post(
            "/api/v1/award-decisions/", {"case": case.pk, "level": level.pk, "rationale": "x"}, format="json"
        )
        assert response.status_code == (401 if role == "anonymous" else 403)
        page = _client(world, role).post(
            f"/reviews/manage/cases/{case.pk}/",
            {"action": "decide", "decision-level": level.pk, "decision-rationale": "x"},
        )
        assert page.status_code == (302 if role == "anonymous" else 404)
        assert not AwardDecision.objects.exists()
        return
    page = _client(world, role).post(
        f"/reviews/manage/cases/{case.pk}/",
        {"action": "decide", "decision-level": level.pk, "decision-rationale": "Best."},
    )
    assert page.status_code == 302
    assert AwardDecision.objects.get().case == case


@pytest.mark.parametrize("role", ROLES)
def test_withdraw_a_revision_request(world, role):
    allowed = role == "manager"
    case = world.in_review
    review_services.request_revision(actor=world.users["manager"], case=case, message="Add the survey.")
    if not allowed:
        with pytest.raises(NotAllowed):
            review_services.withdraw_revision_request(actor=world.user(role), case=case)
        response = _api(world, role).post(
            "/api/v1/award-decisions/withdraw-revision/", {"case": case.pk}, format="json"
        )
        assert response.status_code == (401 if role == "anonymous" else 403)
        page = _client(world, role).post(f"/reviews/manage/cases/{case.pk}/", {"action": "withdraw_revision"})
        assert page.status_code == (302 if role == "anonymous" else 404)
        case.refresh_from_db()
        assert case.state == CaseState.REVISION_REQUESTED
        return
    page = _client(world, role).post(f"/reviews/manage/cases/{case.pk}/", {"action": "withdraw_revision"})
    assert page.status_code == 302
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW


@pytest.mark.parametrize("role", ROLES)
def test_declare_a_conflict(world, role):
    allowed = role == "assigned_reviewer"
    assignment = world.assignment
    if not allowed:
        with pytest.raises(NotAllowed):
            review_services.declare_conflict(actor=world.user(role), assignment=assignment, reason="x")
        page = _client(world, role).post(
            f"/reviews/assignments/{assignment.pk}/", {"action": "declare_conflict", "conflict-reason": "x"}
        )
        assert page.status_code == (302 if role == "anonymous" else 404)
        assignment.refresh_from_db()
        assert assignment.recused_at is None
        return
    page = _client(world, role).post(
        f"/reviews/assignments/{assignment.pk}/", {"action": "declare_conflict", "conflict-reason": "Advised them."}
    )
    assert page.status_code == 302
    assignment.refresh_from_db()
    assert assignment.recusal_reason == "Advised them."


@pytest.mark.parametrize("role", ROLES)
def test_publish_a_cycle(world, role):
    allowed = role == "manager"
    cycle = AwardCycleFactory(state=CycleState.DECIDING)
    if allowed:
        review_services.publish_cycle(actor=world.user(role), cycle=cycle)
        cycle.refresh_from_db()
        assert cycle.state == CycleState.PUBLISHED
        return
    with pytest.raises(NotAllowed):
        review_services.publish_cycle(actor=world.user(role), cycle=cycle)
    response = _api(world, role).post(f"/api/v1/review-cycles/{cycle.year}/publish/")
    assert response.status_code == (401 if role == "anonymous" else 404)
    page = _client(world, role).post(f"/reviews/manage/{cycle.year}/publish/")
    assert page.status_code == (302 if role == "anonymous" else 404)
    cycle.refresh_from_db()
    assert cycle.state == CycleState.DECIDING


# --- see reviews of a case: own reviews | all | comments to submitter after publication --------


@pytest.mark.parametrize("role", ROLES)
def test_see_the_reviews_of_a_case(world, role):
    reviewer = world.users["assigned_reviewer"]
    review = review_services.save_review(
        actor=reviewer,
        assignment=world.assignment,
        scores={criterion.pk: 5 for criterion in world.in_review.cycle.criteria.all()},
        verifications={outcome.pk: "verified" for outcome in world.in_review.outcomes.all()},
        comment_to_submitter="Dear submitter",
        recommendation="award",
        declared_no_conflict=True,
        submit=True,
    )
    response = _api(world, role).get(f"/api/v1/reviews/{review.pk}/")
    sees_whole = role in ("assigned_reviewer", "manager")
    assert response.status_code == (200 if sees_whole else 401 if role == "anonymous" else 404)
    # After publication the case's own government reads the comment meant for it, and only that.
    InnovationCase.objects.filter(pk=world.in_review.pk).update(state=CaseState.AWARDED)
    type(world.in_review.cycle).objects.filter(pk=world.in_review.cycle_id).update(
        state=CycleState.PUBLISHED, published_at=world.in_review.cycle.submission_closes
    )
    response = _api(world, role).get(f"/api/v1/reviews/{review.pk}/")
    if role == "own_submitter":
        assert response.status_code == 200
        assert response.json() == {
            "id": review.pk,
            "case": world.in_review.pk,
            "comment_to_submitter": "Dear submitter",
        }
    else:
        assert response.status_code == (200 if sees_whole else 401 if role == "anonymous" else 404)


# --- citizen feedback: anyone gives it (rate limited); managers moderate -----------------------


@pytest.mark.parametrize("role", ROLES)
def test_give_feedback(world, role):
    cache.clear()  # the per-address rate limit counts across tests
    response = answer(_client(world, role), world.awarded, {"felt": "yes"})
    assert response.status_code == 302
    assert CitizenFeedback.objects.filter(case=world.awarded, felt="yes").count() == 2  # the fixture's + this one
    with pytest.raises(NotAllowed):  # not on a case that is not a published practice
        feedback_services.give_feedback(case=world.draft, visitor="v", felt="yes", user=world.users[role])


@pytest.mark.parametrize("role", ROLES)
def test_moderate_feedback(world, role):
    allowed = role == "manager"
    comment = world.pending_comment
    page = _client(world, role).post(f"/practices/feedback/{comment.pk}/moderate/", {"decision": "approved"})
    assert page.status_code == (302 if allowed else 404)
    comment.refresh_from_db()
    assert comment.moderation == (ModerationState.APPROVED if allowed else ModerationState.PENDING)
    if not allowed:
        with pytest.raises(NotAllowed):
            feedback_services.moderate_feedback(actor=world.user(role), feedback=comment, decision="rejected")
