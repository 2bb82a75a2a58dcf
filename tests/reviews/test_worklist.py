"""The reviewer's side (issue 10, item 6): the worklist, the running total, the outcome
verification by one rule and the declaration of a conflict found while reading."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role, User
from audit.models import Action, AuditEvent
from cases.models import CaseState, InnovationCase
from core.errors import Conflict, NotAllowed
from reviews import aggregation, selectors, services
from reviews.models import ReviewState
from tests.accounts.factories import ManagerFactory, ReviewerFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, CaseFactory, OutcomeFactory
from tests.reviews.factories import ReviewAssignmentFactory, ReviewFactory, scored_review

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("3.5"), "3.5"),
        (Decimal("3.5000"), "3.5"),
        (Decimal("4"), "4"),
        (Decimal("3.6667"), "3.67"),
        (Decimal("2.005"), "2.01"),
        (None, "—"),
    ],
)
def test_scores_are_shown_half_up_without_trailing_zeros(value, shown):
    assert aggregation.display_score(value) == shown


def test_the_review_page_shows_the_stored_total_by_that_rule(client, reviewer, cycle, criteria, case):
    assignment = ReviewAssignmentFactory(case=case, reviewer=reviewer)
    ReviewFactory(assignment=assignment, weighted_score=Decimal("3.5000"))
    sign_in(client, reviewer)
    body = client.get(reverse("reviews:review", args=[assignment.pk])).content.decode()
    assert '<output id="weighted-total" aria-live="polite">3.5</output>' in body
    assert 'id="weighted-total-excluded"' in body


def test_the_worklist_puts_what_is_to_do_first_and_filters_and_counts(client, reviewer, cycle):
    other_cycle = AwardCycleFactory(year=2098, state="reviewing")
    due = dt.date(2099, 6, 1)
    submitted = ReviewAssignmentFactory(reviewer=reviewer, case__cycle=cycle, due_on=due - dt.timedelta(days=9))
    ReviewFactory(
        assignment=submitted,
        state=ReviewState.SUBMITTED,
        declared_no_conflict=True,
        weighted_score=3,
        recommendation="award",
        submitted_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    later = ReviewAssignmentFactory(reviewer=reviewer, case__cycle=cycle, due_on=due + dt.timedelta(days=5))
    draft = ReviewAssignmentFactory(reviewer=reviewer, case__cycle=cycle, due_on=due)
    ReviewFactory(assignment=draft)
    unstarted = ReviewAssignmentFactory(reviewer=reviewer, case__cycle=other_cycle, due_on=due)
    waiting = ReviewAssignmentFactory(
        reviewer=reviewer,
        case=CaseFactory(cycle=cycle, submitted=True, state=CaseState.REVISION_REQUESTED),
        due_on=due + dt.timedelta(days=10),
    )
    rows = selectors.my_assignments(reviewer)
    assert [(row.assignment, row.work) for row in rows] == [
        (draft, "draft"),  # due first; on the same day a draft comes before an unstarted review
        (unstarted, "not_started"),
        (later, "not_started"),
        (submitted, "submitted"),  # done and closed ones after what is to do, by due date
        (waiting, "waiting"),
    ]
    work = selectors.worklist(reviewer, state="todo", cycle=str(cycle.year))
    assert [row.assignment for row in work.rows] == [draft, later]
    assert (work.to_do, work.counts, work.cycles) == (
        2,
        {"draft": 1, "not_started": 1, "waiting": 1, "submitted": 1, "recused": 0},
        [cycle.year, other_cycle.year],
    )

    sign_in(client, reviewer)
    page = client.get(reverse("reviews:my_assignments"), {"state": "todo"})
    body = page.content.decode()
    assert "3 reviews to do." in body
    assert [row.assignment for row in page.context["rows"]] == [draft, unstarted, later]
    assert '<option value="todo" selected>To do (3)</option>' in body
    assert '<option value="submitted">Submitted (1)</option>' in body


def test_outcome_verification_on_the_case_page_comes_from_the_reviews(client, manager, cycle, case):
    outcome = case.outcomes.get()
    unchecked = OutcomeFactory(case=case, indicator="Unchecked")
    for name in ("r1", "r2"):
        scored_review(case, ReviewerFactory(username=name), 4, verifications={outcome: "verified"})
    assert [(item.outcome, item.status) for item in selectors.outcome_statuses(case)] == [
        (outcome, "verified"),
        (unchecked, "pending"),
    ]
    sign_in(client, manager)
    body = client.get(reverse("reviews:case", args=[case.pk])).content.decode()
    assert f'<li data-outcome="{outcome.pk}" data-status="verified">Firms attracted: Verified</li>' in body
    assert f'<li data-outcome="{unchecked.pk}" data-status="pending">Unchecked: Not yet checked</li>' in body


def test_a_reviewer_declares_a_conflict_found_while_reading(
    client, reviewer, cycle, case, criteria, django_capture_on_commit_callbacks
):
    managers = [ManagerFactory(username="boss-1"), ManagerFactory(username="boss-2", is_active=False)]
    InnovationCase.objects.filter(pk=case.pk).update(state=CaseState.IN_REVIEW)
    assignment = ReviewAssignmentFactory(case=case, reviewer=reviewer)
    ReviewFactory(assignment=assignment)  # a draft
    sign_in(client, reviewer)
    url = reverse("reviews:review", args=[assignment.pk])
    assert 'id="declare-conflict-form"' in client.get(url).content.decode()
    refused = client.post(url, {"action": "declare_conflict", "conflict-reason": ""})
    assert refused.status_code == 200
    assert "This field is required." in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "declare_conflict", "conflict-reason": "I advised Gumi on this project."}, follow=True
        )
    assert "Your conflict of interest is recorded" in response.content.decode()
    assignment.refresh_from_db()
    assert (assignment.is_recused, assignment.recusal_reason) == (True, "I advised Gumi on this project.")
    assert AuditEvent.objects.get(action=Action.REVIEWER_RECUSED).actor == reviewer
    active_managers = User.objects.filter(role=Role.MANAGER, is_active=True).order_by("pk")
    assert managers[0] in active_managers
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([manager.email], "Assign another reviewer: One-stop firm service") for manager in active_managers
    ]
    assert "I advised Gumi on this project." in mail.outbox[0].body
    # The reviewer can no longer write the review, nor declare again; the row shows the recusal.
    with pytest.raises(Conflict, match="You declared a conflict of interest on this case"):
        services.save_review(actor=reviewer, assignment=assignment, scores={}, verifications={})
    with pytest.raises(Conflict):
        services.declare_conflict(actor=reviewer, assignment=assignment, reason="again")
    assert [row.work for row in selectors.my_assignments(reviewer)] == ["recused"]
    # The manager sees it and the suggestion replaces the reviewer.
    sign_in(client, managers[0])
    case_page = client.get(reverse("reviews:case", args=[case.pk])).content.decode()
    assert 'id="recusals"' in case_page
    assert "I advised Gumi on this project." in case_page
    ReviewerFactory(username="replacement")
    suggested = [(s.case, s.reviewer.username) for s in selectors.suggest_assignments(cycle)]
    assert (case, "replacement") in suggested
    assert all(username != reviewer.username for _case, username in suggested)


def test_only_the_assigned_reviewer_declares_and_not_after_submitting(reviewer, cycle, case, criteria):
    assignment = ReviewAssignmentFactory(case=case, reviewer=reviewer)
    with pytest.raises(NotAllowed):
        services.declare_conflict(actor=ReviewerFactory(), assignment=assignment, reason="x")
    with pytest.raises(Exception) as missing:
        services.declare_conflict(actor=reviewer, assignment=assignment, reason="  ")
    assert missing.value.fields == {"reason": ["Say what the conflict of interest is."]}
    scored_review(case, ReviewerFactory(username="other"), 4)
    ReviewFactory(
        assignment=assignment,
        state=ReviewState.SUBMITTED,
        declared_no_conflict=True,
        weighted_score=3,
        recommendation="award",
        submitted_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    with pytest.raises(Conflict, match="A submitted review cannot be withdrawn for a conflict"):
        services.declare_conflict(actor=reviewer, assignment=assignment, reason="Found one.")
