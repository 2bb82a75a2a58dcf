import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils.formats import date_format

from cases.models import CaseEvent, CaseState, CycleState, Outcome
from cases.selectors import public_cases
from core.errors import ApplicationError, Conflict, NotAllowed
from outbox.models import OutboxMessage
from reviews import services
from reviews.models import AwardDecision, Review, ReviewAssignment, ReviewState
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory
from tests.reviews.factories import ReviewAssignmentFactory, scored_review

pytestmark = pytest.mark.django_db


# --- assignment -------------------------------------------------------------------------------


def test_assigning_moves_a_submitted_case_into_review_and_notifies(
    manager, case, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW
    assert assignment.due_on == case.cycle.review_deadline
    assert assignment.assigned_by == manager
    event = CaseEvent.objects.get(case=case, to_state=CaseState.IN_REVIEW)
    assert (event.actor, event.from_state) == (manager, CaseState.SUBMITTED)
    assert [message.to for message in mail.outbox] == [[reviewer.email]]
    assert mail.outbox[0].subject == "New review assignment: One-stop firm service"
    assert f"by {date_format(case.cycle.review_deadline, 'DATE_FORMAT')}." in mail.outbox[0].body


def test_assignment_email_follows_the_language_the_reviewer_uses(
    manager, case, reviewer, django_capture_on_commit_callbacks
):
    reviewer.language = "ko"  # set when they last signed in or switched language (accounts)
    reviewer.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_reviewer(actor=manager, case=case, reviewer=reviewer, due_on=dt.date(2099, 9, 1))
    assert mail.outbox[0].subject == f"새 심사 배정: {case.title_local}"
    assert "2099년 9월 1일" in mail.outbox[0].body


def test_assignment_email_is_in_the_recipients_language(
    manager, case, reviewer, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "ko"
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_reviewer(actor=manager, case=case, reviewer=reviewer, due_on=dt.date(2099, 9, 1))
    assert case.title_local in mail.outbox[0].subject
    assert "구미시" in mail.outbox[0].body


def test_reviewer_of_the_cases_own_government_is_refused(manager, case, city):
    own = ReviewerFactory(username="rev-city", government=city)
    with pytest.raises(ApplicationError) as error:
        services.assign_reviewer(actor=manager, case=case, reviewer=own)
    assert str(error.value) == (
        "Conflict of interest: rev-city is affiliated with Gumi, Gyeongsangbuk-do, "
        "the government that submitted this case."
    )
    assert not ReviewAssignment.objects.exists()
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED


def test_reviewer_of_the_parent_government_is_refused(manager, case, reviewer_province):
    with pytest.raises(ApplicationError) as error:
        services.assign_reviewer(actor=manager, case=case, reviewer=reviewer_province)
    assert "the parent of Gumi, Gyeongsangbuk-do" in str(error.value)


def test_reviewer_of_a_child_government_is_refused_for_the_parent_case(manager, cycle, province, city):
    province_case = CaseFactory(cycle=cycle, government=province, submitted=True)
    child_reviewer = ReviewerFactory(username="rev-child", government=city)
    with pytest.raises(ApplicationError) as error:
        services.assign_reviewer(actor=manager, case=province_case, reviewer=child_reviewer)
    assert "a child of Gyeongsangbuk-do" in str(error.value)


def test_reviewer_of_a_sibling_government_is_allowed(manager, case, province):
    sibling = ReviewerFactory(username="rev-sibling", government=CityFactory(parent=province))
    assert services.assign_reviewer(actor=manager, case=case, reviewer=sibling).reviewer == sibling


def test_assignment_refusals(manager, case, reviewer, cycle):
    services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    with pytest.raises(ApplicationError, match="already assigned"):
        services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    with pytest.raises(NotAllowed):
        services.assign_reviewer(actor=reviewer, case=case, reviewer=ReviewerFactory())
    with pytest.raises(ApplicationError, match="not an active reviewer"):
        services.assign_reviewer(actor=manager, case=case, reviewer=ManagerFactory())
    draft = CaseFactory(cycle=cycle)
    with pytest.raises(ApplicationError, match="“Draft” cannot be assigned"):
        services.assign_reviewer(actor=manager, case=draft, reviewer=reviewer)
    published = CaseFactory(submitted=True, cycle=AwardCycleFactory(published=True))
    with pytest.raises(ApplicationError, match="while the cycle is “Published”"):
        services.assign_reviewer(actor=manager, case=published, reviewer=reviewer)


def test_bulk_assignment_is_all_or_nothing_and_lists_the_problems(manager, cycle, case, reviewer_province, reviewer):
    other = CaseFactory(cycle=cycle, submitted=True, title="Other")
    with pytest.raises(ApplicationError) as error:
        services.assign_reviewers(actor=manager, pairs=[(other, reviewer_province), (case, reviewer_province)])
    assert str(error.value).startswith("Nothing was assigned. One-stop firm service: Conflict of interest:")
    assert not ReviewAssignment.objects.exists()
    other.refresh_from_db()
    assert other.state == CaseState.SUBMITTED
    done = services.assign_reviewers(actor=manager, pairs=[(other, reviewer), (case, reviewer)])
    assert [a.case for a in done] == [other, case]


# --- reviews ----------------------------------------------------------------------------------


@pytest.fixture
def assignment(manager, case, reviewer):
    return services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)


def _answers(criteria, outcome, **overrides):
    values = {
        "scores": {criteria[0].pk: 5, criteria[1].pk: 2},
        "verifications": {outcome.pk: "verified"},
        "comment_to_submitter": "Well done.",
        "note_to_committee": "Strong.",
        "recommendation": "award",
        "declared_no_conflict": True,
    }
    return {**values, **overrides}


def test_draft_saves_partial_answers_and_submit_locks(reviewer, assignment, criteria, case):
    outcome = case.outcomes.get()
    draft = services.save_review(
        actor=reviewer, assignment=assignment, scores={criteria[0].pk: 4}, verifications={}, comment_to_submitter="Hm"
    )
    assert (draft.state, draft.weighted_score, draft.comment_to_submitter) == (ReviewState.DRAFT, None, "Hm")
    assert [(s.criterion_id, s.score) for s in draft.scores.all()] == [(criteria[0].pk, 4)]
    review = services.save_review(actor=reviewer, assignment=assignment, submit=True, **_answers(criteria, outcome))
    assert review.pk == draft.pk
    assert review.state == ReviewState.SUBMITTED
    assert review.weighted_score == Decimal("4.0000")  # (2×5 + 1×2) / 3
    assert review.submitted_at is not None
    assert [(v.outcome_id, v.status) for v in review.verifications.all()] == [(outcome.pk, "verified")]
    with pytest.raises(Conflict, match="is locked; it can no longer be changed"):
        services.save_review(actor=reviewer, assignment=assignment, **_answers(criteria, outcome))
    review.refresh_from_db()
    assert review.comment_to_submitter == "Well done."


def test_submit_needs_every_answer_and_the_declaration(reviewer, assignment, criteria, case):
    outcome = case.outcomes.get()
    with pytest.raises(ApplicationError) as error:
        services.save_review(
            actor=reviewer,
            assignment=assignment,
            submit=True,
            **_answers(
                criteria,
                outcome,
                scores={criteria[0].pk: 6},
                verifications={},
                recommendation="",
                declared_no_conflict=False,
            ),
        )
    assert error.value.fields == {
        f"scores.{criteria[0].pk}": ["Give a score from 1 to 5."],
        f"scores.{criteria[1].pk}": ["Give a score for this criterion."],
        f"verifications.{outcome.pk}": ["Verify this outcome."],
        "recommendation": ["Give a recommendation."],
        "declared_no_conflict": ["Declare that you have no conflict of interest to submit the review."],
    }
    assert not Review.objects.exists()


def test_only_the_assigned_reviewer_writes_and_only_while_in_review(reviewer, assignment, criteria, case, manager):
    outcome = case.outcomes.get()
    with pytest.raises(NotAllowed):
        services.save_review(actor=ReviewerFactory(), assignment=assignment, **_answers(criteria, outcome))
    with pytest.raises(NotAllowed):
        services.save_review(actor=manager, assignment=assignment, **_answers(criteria, outcome))
    services.request_revision(actor=manager, case=case, message="Add evidence.")
    with pytest.raises(ApplicationError, match="only be written while it is in review"):
        services.save_review(actor=reviewer, assignment=assignment, **_answers(criteria, outcome))


# --- decisions --------------------------------------------------------------------------------


@pytest.fixture
def deciding(cycle):
    cycle.state = CycleState.DECIDING
    cycle.save()
    return cycle


def _reviewed_case(cycle, *statuses, title="Reviewed"):
    case = CaseFactory(cycle=cycle, in_review=True, title=title)
    outcome = OutcomeFactory(case=case)
    for index, status in enumerate(statuses):
        scored_review(case, ReviewerFactory(username=f"{title}-r{index}"), 4, verifications={outcome: status})
    return case, outcome


def _publish(manager, cycle, callbacks):
    with callbacks(execute=True):
        services.publish_cycle(actor=manager, cycle=cycle, from_state=CycleState.DECIDING)


def test_a_decision_stays_confidential_until_the_publication_applies_it(
    manager, deciding, django_capture_on_commit_callbacks
):
    case, outcome = _reviewed_case(deciding, "verified", "verified", "partly")
    SubmitterFactory(username="staff", government=case.government)
    grand = deciding.award_levels.get(code="grand")
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide_case(actor=manager, case=case, level=grand, rationale="Best case.")
    case.refresh_from_db()
    outcome.refresh_from_db()
    assert (decision.level, decision.decided_by) == (grand, manager)
    # Nothing the submitter can see has changed: the state, the outcomes, the history, the mail.
    assert (case.state, outcome.verification) == (CaseState.IN_REVIEW, "pending")
    assert not CaseEvent.objects.filter(case=case, to_state=CaseState.AWARDED).exists()
    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()

    _publish(manager, deciding, django_capture_on_commit_callbacks)
    case.refresh_from_db()
    outcome.refresh_from_db()
    assert (case.state, outcome.verification) == (CaseState.AWARDED, "verified")
    event = CaseEvent.objects.get(case=case, to_state=CaseState.AWARDED)
    assert (event.from_state, event.message, event.actor) == (CaseState.IN_REVIEW, "Best case.", manager)
    assert [m.subject for m in mail.outbox] == [f"Results published: {deciding.title}"]
    assert "The committee has decided to give the case “Reviewed” the Grand Prize." in mail.outbox[0].body
    assert "Best case." in mail.outbox[0].body


def test_no_award_and_consensus_ties_to_the_cautious_side(manager, deciding, django_capture_on_commit_callbacks):
    case, outcome = _reviewed_case(deciding, "verified", "not_verified")
    SubmitterFactory(username="staff", government=case.government)
    services.decide_case(actor=manager, case=case, level=None, rationale="Results unproven.")
    _publish(manager, deciding, django_capture_on_commit_callbacks)
    case.refresh_from_db()
    outcome.refresh_from_db()
    assert case.state == CaseState.NOT_AWARDED
    assert outcome.verification == "not_verified"
    assert AwardDecision.objects.get(case=case).level is None
    assert "The committee has decided not to give the case “Reviewed” an award." in mail.outbox[0].body


def test_quota_is_enforced(manager, deciding):
    grand = deciding.award_levels.get(code="grand")
    first, _ = _reviewed_case(deciding, "verified", title="First")
    second, _ = _reviewed_case(deciding, "verified", title="Second")
    services.decide_case(actor=manager, case=first, level=grand, rationale="Best.")
    with pytest.raises(Conflict, match=r"The quota of 1 for the Grand Prize is used up\."):
        services.decide_case(actor=manager, case=second, level=grand, rationale="Also best.")
    second.refresh_from_db()
    assert second.state == CaseState.IN_REVIEW
    assert not AwardDecision.objects.filter(case=second).exists()


def test_decision_refusals(manager, deciding, reviewer):
    case, _ = _reviewed_case(deciding, "verified")
    with pytest.raises(ApplicationError, match="another cycle") as error:
        services.decide_case(actor=manager, case=case, level=AwardLevelFactory(), rationale="x")
    assert error.value.fields == {"level": ["This award level belongs to another cycle."]}
    with pytest.raises(ApplicationError) as error:
        services.decide_case(actor=manager, case=case, level=None, rationale="  ")
    assert error.value.fields == {"rationale_local": ["Give the rationale of the decision."]}
    with pytest.raises(NotAllowed):
        services.decide_case(actor=reviewer, case=case, level=None, rationale="x")
    services.decide_case(actor=manager, case=case, level=None, rationale="No.")
    with pytest.raises(ApplicationError, match="has already been decided"):
        services.decide_case(actor=manager, case=case, level=None, rationale="Again.")
    unreviewed = CaseFactory(cycle=deciding, in_review=True)
    with pytest.raises(ApplicationError, match="at least one submitted review"):
        services.decide_case(actor=manager, case=unreviewed, level=None, rationale="x")


def test_decisions_wait_for_the_deciding_state(manager, cycle):
    case, _ = _reviewed_case(cycle, "verified")
    with pytest.raises(ApplicationError, match="while the cycle is “Deciding”; it is “Reviewing”"):
        services.decide_case(actor=manager, case=case, level=None, rationale="x")


# --- revision ---------------------------------------------------------------------------------


def test_revision_request_sends_the_case_back_with_the_message(
    manager, assignment, case, submitter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.request_revision(actor=manager, case=case, message="Please add the evidence of firms attracted.")
    case.refresh_from_db()
    assert case.state == CaseState.REVISION_REQUESTED
    event = CaseEvent.objects.get(case=case, to_state=CaseState.REVISION_REQUESTED)
    assert event.message == "Please add the evidence of firms attracted."
    assert [m.to for m in mail.outbox] == [[submitter.email]]
    assert "Please add the evidence of firms attracted." in mail.outbox[0].body
    with pytest.raises(ApplicationError):
        services.request_revision(actor=manager, case=case, message="Again")
    with pytest.raises(ApplicationError) as error:
        services.request_revision(actor=manager, case=CaseFactory(in_review=True, cycle=case.cycle), message="")
    assert error.value.fields == {"message": ["Say what should be revised."]}


# --- cycles -----------------------------------------------------------------------------------


def test_cycle_moves_forward_one_step_at_a_time(manager):
    cycle = AwardCycleFactory(state=CycleState.DRAFT)
    for state in (CycleState.OPEN, CycleState.REVIEWING, CycleState.DECIDING):
        assert services.change_cycle_state(actor=manager, cycle=cycle, to_state=state).state == state
    with pytest.raises(ApplicationError, match="“Deciding” cannot become “Open for submissions”"):
        services.change_cycle_state(actor=manager, cycle=cycle, to_state=CycleState.OPEN)
    with pytest.raises(NotAllowed):
        services.change_cycle_state(actor=ReviewerFactory(), cycle=cycle, to_state=CycleState.PUBLISHED)


def test_publish_is_refused_while_a_case_is_out_for_revision(manager, deciding):
    CaseFactory(cycle=deciding, submitted=True, state=CaseState.REVISION_REQUESTED)
    with pytest.raises(ApplicationError, match="1 case\\(s\\) still await a decision"):
        services.publish_cycle(actor=manager, cycle=deciding)
    deciding.refresh_from_db()
    assert deciding.state == CycleState.DECIDING


def test_publish_needs_every_case_decided_then_makes_awarded_cases_public(
    manager, deciding, django_capture_on_commit_callbacks
):
    case, _ = _reviewed_case(deciding, "verified")
    SubmitterFactory(username="staff", government=case.government)
    with pytest.raises(ApplicationError, match="1 case\\(s\\) still await a decision"):
        services.publish_cycle(actor=manager, cycle=deciding)
    services.decide_case(actor=manager, case=case, level=deciding.award_levels.get(code="merit"), rationale="Good.")
    assert not public_cases().filter(pk=case.pk).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.change_cycle_state(actor=manager, cycle=deciding, to_state=CycleState.PUBLISHED)
    deciding.refresh_from_db()
    assert deciding.state == CycleState.PUBLISHED
    assert deciding.published_at is not None
    assert list(public_cases()) == [case]
    assert [m.subject for m in mail.outbox] == [f"Results published: {deciding.title}"]
    with pytest.raises(ApplicationError, match="Only a cycle that is “Deciding” can be published"):
        services.publish_cycle(actor=manager, cycle=deciding)


def test_outcome_left_unverified_stays_pending(manager, deciding, django_capture_on_commit_callbacks):
    case, outcome = _reviewed_case(deciding, "verified")
    extra = OutcomeFactory(case=case, indicator="Unchecked")
    services.decide_case(actor=manager, case=case, level=None, rationale="No.")
    _publish(manager, deciding, django_capture_on_commit_callbacks)
    assert dict(Outcome.objects.filter(case=case).values_list("pk", "verification")) == {
        outcome.pk: "verified",
        extra.pk: "pending",
    }


def test_assignment_factory_reviewer_sees_case(reviewer, manager):
    assignment = ReviewAssignmentFactory(reviewer=reviewer)
    assert assignment.case.state == CaseState.IN_REVIEW
