"""The revision loop as a thread (issue 10, items 1 and 2): the request with who, when, what and by
when; the submitter's answer; the manager's withdrawal, which ends the publish dead end."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import Action, AuditEvent
from cases.models import CaseEvent, CaseState, CycleState, RevisionRequest
from cases.selectors import open_revision_request
from cases.services import submit_case, update_draft
from core.errors import Conflict, NotAllowed
from reviews import selectors, services
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.helpers import complete_draft
from tests.reviews.confirmations import confirm_step, step_url
from tests.reviews.factories import ReviewAssignmentFactory, scored_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def deciding(cycle):
    cycle.state = CycleState.DECIDING
    cycle.save()
    return cycle


@pytest.fixture
def reviewed(deciding, city, reviewer):
    case = complete_draft(cycle=deciding, government=city, in_review=True, title="Permit one-stop")
    ReviewAssignmentFactory(case=case, reviewer=reviewer)
    scored_review(case, ReviewerFactory(username="second"), 4)
    return case


def _send_back(manager, case, **kwargs):
    return services.request_revision(actor=manager, case=case, message="Add the permit statistics.", **kwargs)


def test_a_request_records_who_when_what_and_by_when_and_mails_it(
    manager, reviewed, submitter, django_capture_on_commit_callbacks
):
    respond_by = timezone.localdate() + dt.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        _send_back(manager, reviewed, respond_by=respond_by)
    request = RevisionRequest.objects.get(case=reviewed)
    assert (request.state, request.message, request.requested_by, request.respond_by) == (
        RevisionRequest.State.OPEN,
        "Add the permit statistics.",
        manager,
        respond_by,
    )
    assert [m.to for m in mail.outbox] == [[submitter.email]]
    body = mail.outbox[0].body
    assert f"Requested by {manager.display_name} on " in body
    assert "Please answer by " in body


def test_a_respond_by_date_in_the_past_is_refused(manager, reviewed):
    with pytest.raises(Exception) as refused:
        _send_back(manager, reviewed, respond_by=timezone.localdate() - dt.timedelta(days=1))
    assert refused.value.fields == {"respond_by": ["Choose a date from today on."]}
    assert not RevisionRequest.objects.exists()


def test_withdrawing_the_request_puts_the_case_back_in_review_so_that_the_cycle_can_be_published(
    manager, reviewed, submitter, django_capture_on_commit_callbacks
):
    _send_back(manager, reviewed)
    # The overview and the Publish rule count the same case (one selector).
    assert selectors.cycle_progress(reviewed.cycle).awaiting_decision == 1
    assert [case.pk for case in selectors.cycle_progress(reviewed.cycle).in_revision] == [reviewed.pk]
    with pytest.raises(Conflict, match=r"^1 case\(s\) still await a decision; decide them before publishing\.$"):
        services.publish_cycle(actor=manager, cycle=reviewed.cycle)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_revision_request(actor=manager, case=reviewed, reason="Decided on what we have.")
    reviewed.refresh_from_db()
    assert reviewed.state == CaseState.IN_REVIEW
    request = RevisionRequest.objects.get(case=reviewed)
    assert (request.state, request.withdrawn_by, request.withdrawal_reason) == (
        RevisionRequest.State.WITHDRAWN,
        manager,
        "Decided on what we have.",
    )
    event = CaseEvent.objects.filter(case=reviewed).latest("id")
    assert (event.from_state, event.to_state, event.message) == (
        CaseState.REVISION_REQUESTED,
        CaseState.IN_REVIEW,
        "Decided on what we have.",
    )
    audit = AuditEvent.objects.get(action=Action.REVISION_WITHDRAWN)
    assert (audit.actor, audit.details) == (manager, {"reason": "Decided on what we have."})
    assert [m.subject for m in mail.outbox] == ["Revision request withdrawn: Permit one-stop"]
    assert "Decided on what we have." in mail.outbox[0].body
    assert selectors.cycle_progress(reviewed.cycle).awaiting_decision == 1  # in review, still undecided

    services.decide_case(actor=manager, case=reviewed, level=None, rationale="Not this year.")
    assert selectors.cycle_progress(reviewed.cycle).awaiting_decision == 0
    services.publish_cycle(actor=manager, cycle=reviewed.cycle, from_state=CycleState.DECIDING)
    reviewed.refresh_from_db()
    assert reviewed.state == CaseState.NOT_AWARDED


def test_only_managers_withdraw_and_only_an_open_request(manager, reviewed, reviewer, submitter):
    with pytest.raises(Conflict, match="Only a case waiting for the answer to a revision request"):
        services.withdraw_revision_request(actor=manager, case=reviewed)
    _send_back(manager, reviewed)
    for someone in (reviewer, submitter):
        with pytest.raises(NotAllowed):
            services.withdraw_revision_request(actor=someone, case=reviewed)
    reviewed.refresh_from_db()
    assert reviewed.state == CaseState.REVISION_REQUESTED
    assert open_revision_request(reviewed) is not None


def test_the_publish_confirmation_lists_the_case_out_for_revision_and_the_case_page_withdraws_it(
    client, manager, reviewed
):
    _send_back(manager, reviewed)
    sign_in(client, manager)
    page = client.get(step_url(reviewed.cycle.year, CycleState.PUBLISHED)).content.decode()
    assert "1 case(s) still await a decision; decide them before publishing." in page
    assert f'<li data-case="{reviewed.pk}" data-state="revision_requested">' in page
    overview = client.get(reverse("reviews:cycle", args=[reviewed.cycle.year])).content.decode()
    assert "<dt>Awaiting a decision</dt><dd>1</dd>" in overview
    assert f'<li data-case="{reviewed.pk}" data-state="revision_requested">' in overview

    case_page = client.get(reverse("reviews:case", args=[reviewed.pk])).content.decode()
    assert 'id="withdraw-revision-form"' in case_page
    response = client.post(
        reverse("reviews:case", args=[reviewed.pk]),
        {"action": "withdraw_revision", "withdraw-reason": ""},
        follow=True,
    )
    assert "The revision request was withdrawn: the case is back in review and can be decided." in (
        response.content.decode()
    )
    reviewed.refresh_from_db()
    assert reviewed.state == CaseState.IN_REVIEW
    services.decide_case(actor=manager, case=reviewed, level=None, rationale="No.")
    assert "The results are published." in confirm_step(client, reviewed.cycle.year, "published").content.decode()


def test_the_api_withdraws_a_revision_request_for_managers_only(manager, reviewed, reviewer):
    _send_back(manager, reviewed)
    api = APIClient()
    api.force_authenticate(reviewer)
    url = "/api/v1/award-decisions/withdraw-revision/"
    assert api.post(url, {"case": reviewed.pk}, format="json").status_code == 403
    api.force_authenticate(manager)
    response = api.post(url, {"case": reviewed.pk, "reason": "Enough."}, format="json")
    assert (response.status_code, response.json()) == (200, {"case": reviewed.pk, "state": "in_review"})
    again = api.post(url, {"case": reviewed.pk}, format="json")
    assert (again.status_code, again.json()["code"]) == (409, "invalid_state")


def test_the_submitter_answers_with_a_note_shown_in_the_thread_to_everyone_who_reads_the_case(
    client, manager, reviewed, submitter, reviewer
):
    respond_by = timezone.localdate() + dt.timedelta(days=7)
    _send_back(manager, reviewed, respond_by=respond_by)
    sign_in(client, submitter)
    my_cases = client.get(reverse("cases:my_cases")).content.decode()
    assert "Revision requested on" in my_cases
    assert "Add the permit statistics." in my_cases
    assert f"answer by {respond_by:%b}" in my_cases
    review_step = client.get(reverse("cases:case_edit", args=[reviewed.pk, "review"])).content.decode()
    assert 'name="response"' in review_step
    response = client.post(
        reverse("cases:case_submit", args=[reviewed.pk]), {"response": "Statistics of 2005 are in Outcomes."}
    )
    assert response.status_code == 302
    request = RevisionRequest.objects.get(case=reviewed)
    assert (request.state, request.response, request.answered_by) == (
        RevisionRequest.State.ANSWERED,
        "Statistics of 2005 are in Outcomes.",
        submitter,
    )
    detail = client.get(reverse("cases:case_detail", args=[reviewed.pk])).content.decode()
    assert 'id="revision-request"' not in detail  # nothing waits for an answer any more
    assert "Statistics of 2005 are in Outcomes." in detail

    sign_in(client, manager)
    assert (
        "Statistics of 2005 are in Outcomes."
        in client.get(reverse("reviews:case", args=[reviewed.pk])).content.decode()
    )
    api = APIClient()
    for reader in (submitter, reviewer, manager):
        api.force_authenticate(reader)
        thread = api.get(f"/api/v1/cases/{reviewed.pk}/").json()["revision_requests"]
        assert [(r["state"], r["message"], r["respond_by"], r["response"]) for r in thread] == [
            ("answered", "Add the permit statistics.", respond_by.isoformat(), "Statistics of 2005 are in Outcomes.")
        ], reader
        assert thread[0]["requested_by"] == manager.display_name


def test_the_public_does_not_read_the_revision_thread_of_a_published_practice(manager, reviewed, submitter):
    _send_back(manager, reviewed)
    submit_case(actor=submitter, case=reviewed, response="Done.")
    services.decide_case(
        actor=manager, case=reviewed, level=reviewed.cycle.award_levels.get(code="merit"), rationale="Ok"
    )
    services.publish_cycle(actor=manager, cycle=reviewed.cycle)
    body = APIClient().get(f"/api/v1/cases/{reviewed.pk}/").json()
    assert (body["state"], body["revision_requests"]) == ("awarded", None)
    other = APIClient()
    other.force_authenticate(SubmitterFactory())
    assert other.get(f"/api/v1/cases/{reviewed.pk}/").json()["revision_requests"] is None


def _submit_review(reviewer, assignment, criteria, outcome, score=4):
    return services.save_review(
        actor=reviewer,
        assignment=assignment,
        scores={criterion.pk: score for criterion in criteria},
        verifications={outcome.pk: "verified"},
        recommendation="award",
        declared_no_conflict=True,
        submit=True,
    )


def test_a_reviewer_sees_what_changed_since_the_review_and_may_reopen_it(
    client, manager, cycle, city, submitter, reviewer, criteria
):
    case = complete_draft(cycle=cycle, government=city, in_review=True, title="Old title")
    assignment = ReviewAssignmentFactory(case=case, reviewer=reviewer)
    outcome = case.outcomes.get()
    review = _submit_review(reviewer, assignment, criteria, outcome)
    with pytest.raises(Conflict, match="has not been resubmitted since your review"):
        services.reopen_review(actor=reviewer, assignment=assignment)

    _send_back(manager, case)
    update_draft(actor=submitter, case=case, fields={"title": "New title", "uses_ict": True})
    update_draft(actor=submitter, case=case, fields={"uses_ict": False})  # changed and changed back
    submit_case(actor=submitter, case=case, response="Renamed after the ministry's advice.")

    sign_in(client, reviewer)
    url = reverse("reviews:review", args=[assignment.pk])
    page = client.get(url)
    assert [(c.name, c.before, c.after) for c in page.context["changes"]] == [("title", "Old title", "New title")]
    body = page.content.decode()
    assert '<tr data-field="title"><th scope="row">Title (English)</th>' in body
    assert "Renamed after the ministry&#x27;s advice." in body
    assert 'id="reopen-review-form"' in body
    sign_in(client, manager)
    manager_page = client.get(reverse("reviews:case", args=[case.pk])).content.decode()
    assert '<tr data-field="title"><th scope="row">Title (English)</th><td><del>Old title</del></td>' in manager_page
    assert "Renamed after the ministry&#x27;s advice." in manager_page
    sign_in(client, reviewer)

    response = client.post(url, {"action": "reopen"}, follow=True)
    assert "Your review is a draft again: change it and submit it again." in response.content.decode()
    review.refresh_from_db()
    assert review.state == "draft"
    assert AuditEvent.objects.filter(action=Action.REVIEW_REOPENED, actor=reviewer).count() == 1
    assert selectors.ranking(cycle)[0].count == 0  # a reopened review counts again once resubmitted
    _submit_review(reviewer, assignment, criteria, outcome, score=5)
    assert selectors.ranking(cycle)[0].count == 1
    with pytest.raises(Conflict, match="has not been resubmitted since your review"):
        services.reopen_review(actor=reviewer, assignment=assignment)
    with pytest.raises(NotAllowed):
        services.reopen_review(actor=ReviewerFactory(), assignment=assignment)
