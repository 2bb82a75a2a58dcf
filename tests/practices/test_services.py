import pytest
from django.core.cache import cache
from django.db import IntegrityError
from django.test import RequestFactory

from cases.models import CycleState
from core.errors import ApplicationError
from practices.models import CitizenFeedback, FeltImprovement, ModerationState
from practices.permissions import can_give_feedback, can_moderate_feedback
from practices.services import (
    client_for_request,
    give_feedback,
    moderate_feedback,
    new_form_token,
    visitor_for_request,
    visitor_key,
)
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, CaseFactory
from tests.practices.factories import CitizenFeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def practice():
    return CaseFactory(awarded=True)


def answer(case, visitor="v1", felt=FeltImprovement.YES, **kwargs):
    return give_feedback(case=case, visitor=visitor, felt=felt, **kwargs)


def test_an_answer_without_comment_needs_no_moderation(practice):
    feedback = answer(practice, felt=FeltImprovement.NOT_SURE)
    assert (feedback.case, feedback.visitor, feedback.felt, feedback.comment, feedback.moderation) == (
        practice,
        "v1",
        "not_sure",
        "",
        ModerationState.NONE,
    )


def test_a_comment_is_held_for_moderation(practice):
    feedback = answer(practice, comment="  The queue at the office is gone.  ")
    assert feedback.comment == "The queue at the office is gone."
    assert feedback.moderation == ModerationState.PENDING


def test_a_second_answer_by_the_same_visitor_is_refused_politely(practice):
    answer(practice, visitor="same")
    with pytest.raises(ApplicationError) as refused:
        answer(practice, visitor="same", felt=FeltImprovement.NO)
    assert refused.value.code == "duplicate"
    assert refused.value.message == (
        "You have already answered for this practice — thank you. Each visitor can answer once."
    )
    assert CitizenFeedback.objects.get().felt == "yes"


def test_the_same_visitor_may_answer_on_another_practice(practice):
    answer(practice, visitor="same")
    answer(CaseFactory(awarded=True, cycle=practice.cycle), visitor="same")
    assert CitizenFeedback.objects.filter(visitor="same").count() == 2


def test_the_database_enforces_one_answer_per_visitor(practice):
    CitizenFeedbackFactory(case=practice, visitor="twice")
    with pytest.raises(IntegrityError):
        CitizenFeedbackFactory(case=practice, visitor="twice")


def test_a_filled_honeypot_is_dropped_silently(practice):
    assert answer(practice, honeypot="http://spam.example") is None
    assert CitizenFeedback.objects.count() == 0


def test_rate_limit_per_client_address(practice):
    for number in range(5):
        answer(practice, visitor=f"visitor-{number}", client="client-a")
    with pytest.raises(ApplicationError) as refused:
        answer(practice, visitor="visitor-5", client="client-a")
    assert refused.value.code == "rate_limited"
    assert CitizenFeedback.objects.count() == 5
    answer(practice, visitor="visitor-6", client="client-b")  # another address is not limited
    assert CitizenFeedback.objects.count() == 6


def test_rate_limit_comes_from_settings(practice, settings):
    settings.FEEDBACK_RATE_LIMIT = 1
    answer(practice, visitor="one", client="c")
    with pytest.raises(ApplicationError):
        answer(practice, visitor="two", client="c")


@pytest.mark.parametrize(
    "make_case",
    [
        lambda: CaseFactory(submitted=True),
        lambda: CaseFactory(not_awarded=True),
        lambda: CaseFactory(awarded=True, cycle=AwardCycleFactory(state=CycleState.DECIDING)),
    ],
    ids=["submitted", "not-awarded", "cycle-not-published"],
)
def test_only_published_awarded_practices_take_feedback(make_case):
    case = make_case()
    assert not can_give_feedback(None, case)
    with pytest.raises(ApplicationError) as refused:
        answer(case)
    assert refused.value.code == "not_allowed"
    assert CitizenFeedback.objects.count() == 0


def test_invalid_answers_are_refused(practice):
    with pytest.raises(ApplicationError) as refused:
        answer(practice, felt="maybe")
    assert refused.value.code == "invalid"
    with pytest.raises(ApplicationError):
        answer(practice, comment="x" * 2001)
    assert CitizenFeedback.objects.count() == 0


def test_visitor_keys_are_stable_hashes_of_user_or_session():
    user_key = visitor_key(user_id=7)
    assert user_key == visitor_key(user_id=7)
    assert len(user_key) == 64
    assert user_key != visitor_key(user_id=8)
    assert visitor_key(session_token="abc") != visitor_key(user_id=7)
    assert "abc" not in visitor_key(session_token="abc")
    with pytest.raises(ValueError):
        visitor_key()


def test_visitor_for_request_uses_the_user_then_the_session_then_the_page_token(client):
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = SubmitterFactory()
    assert visitor_for_request(request) == visitor_key(user_id=request.user.pk)

    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert visitor_for_request(request) is None  # no token made just by looking
    assert visitor_for_request(request, form_token="forged") is None
    form_token = new_form_token()
    visitor = visitor_for_request(request, form_token=form_token)
    token = request.session["feedback_visitor"]
    assert len(token) == 32
    assert visitor == visitor_key(session_token=token)
    assert visitor_for_request(request) == visitor  # the session keeps it
    assert visitor_for_request(request, form_token=new_form_token()) == visitor  # the session wins


def test_client_address_is_only_kept_as_a_hash():
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9")
    client = client_for_request(request)
    assert "203.0.113" not in client
    assert len(client) == 64
    assert client == client_for_request(RequestFactory().get("/", REMOTE_ADDR="203.0.113.9"))
    assert client != client_for_request(RequestFactory().get("/", REMOTE_ADDR="203.0.113.10"))


def test_manager_approves_or_rejects_a_pending_comment(practice):
    manager = ManagerFactory()
    approved = moderate_feedback(
        actor=manager, feedback=answer(practice, visitor="a", comment="Good"), decision="approved"
    )
    rejected = moderate_feedback(
        actor=manager, feedback=answer(practice, visitor="b", comment="Spam"), decision="rejected"
    )
    assert (approved.moderation, approved.moderated_by) == (ModerationState.APPROVED, manager)
    assert approved.moderated_at is not None
    assert rejected.moderation == ModerationState.REJECTED
    assert CitizenFeedback.objects.get(visitor="a").moderation == "approved"


@pytest.mark.parametrize("factory", [SubmitterFactory, ReviewerFactory], ids=["submitter", "reviewer"])
def test_only_managers_moderate(practice, factory):
    user = factory()
    feedback = answer(practice, comment="Hello")
    assert not can_moderate_feedback(user)
    with pytest.raises(ApplicationError) as refused:
        moderate_feedback(actor=user, feedback=feedback, decision="approved")
    assert refused.value.code == "not_allowed"
    feedback.refresh_from_db()
    assert feedback.moderation == ModerationState.PENDING


def test_a_comment_is_moderated_once(practice):
    manager = ManagerFactory()
    feedback = answer(practice, comment="Hello")
    moderate_feedback(actor=manager, feedback=feedback, decision="rejected")
    with pytest.raises(ApplicationError) as refused:
        moderate_feedback(actor=manager, feedback=feedback, decision="approved")
    assert refused.value.code == "already_moderated"
    with pytest.raises(ApplicationError) as invalid:
        moderate_feedback(actor=manager, feedback=answer(practice, visitor="x", comment="Hi"), decision="pending")
    assert invalid.value.code == "invalid"
