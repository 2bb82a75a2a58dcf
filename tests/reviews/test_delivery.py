"""With the mail server down, every action that notifies someone still succeeds, in the pages and in
the API; the notifications wait in the outbox and reach the (real) SMTP server through the (real)
Celery worker once it is back."""

import json
from collections import Counter

import pytest
from rest_framework.test import APIClient

from cases.models import CaseState, CycleState
from outbox.models import MessageState, OutboxMessage
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory
from tests.reviews.confirmations import confirm_step
from tests.reviews.factories import AwardDecisionFactory, scored_review
from tests.servers import wait_until

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _deciding_cycle(year: int):
    cycle = AwardCycleFactory(year=year, state=CycleState.DECIDING)
    AwardLevelFactory(cycle=cycle, code="merit", name="Merit Award", rank=1, quota=5)
    return cycle


def test_every_notifying_action_succeeds_with_the_mail_server_down_and_is_delivered_later(
    deliver_with_celery, smtp_sink, client, manager, reviewer, submitter, cycle, city
):
    submitted = [CaseFactory(cycle=cycle, government=city, submitted=True, title=f"Submitted {n}") for n in (1, 2)]
    in_review = [CaseFactory(cycle=cycle, government=city, in_review=True, title=f"In review {n}") for n in (1, 2)]
    deciding = _deciding_cycle(2098)
    to_decide = [CaseFactory(cycle=deciding, government=city, in_review=True, title=f"Decide {n}") for n in (1, 2)]
    for case in to_decide:
        scored_review(case, reviewer, 4)
    merit = deciding.award_levels.get()
    decided_cycle = _deciding_cycle(2097)
    decided = CaseFactory(cycle=decided_cycle, government=city, submitted=True, state=CaseState.AWARDED, title="Won")
    AwardDecisionFactory(case=decided, level=decided_cycle.award_levels.get(), decided_by=manager)
    sign_in(client, manager)
    api = APIClient()
    api.force_authenticate(manager)
    assert not smtp_sink.running

    # assign: the API, then the page
    response = api.post("/api/v1/review-assignments/", {"case": submitted[0].pk, "reviewer": reviewer.pk})
    assert response.status_code == 201, response.content
    response = client.post(
        f"/reviews/manage/{cycle.year}/assignments/",
        {"action": "single", "single-case": submitted[1].pk, "single-reviewer": reviewer.pk, "single-due_on": ""},
        follow=True,
    )
    assert "The reviewer was assigned." in response.content.decode()
    # request a revision: the page, then the API
    response = client.post(
        f"/reviews/manage/cases/{in_review[0].pk}/",
        {"action": "revise", "revision-message": "Add the baseline."},
        follow=True,
    )
    assert "The case was sent back to the submitter for revision." in response.content.decode()
    response = api.post(
        "/api/v1/award-decisions/request-revision/", {"case": in_review[1].pk, "message": "Add the evidence."}
    )
    assert response.status_code == 200, response.content
    # decide: the page, then the API
    response = client.post(
        f"/reviews/manage/cases/{to_decide[0].pk}/",
        {"action": "decide", "decision-level": str(merit.pk), "decision-rationale": "Convincing."},
        follow=True,
    )
    assert "The decision was recorded." in response.content.decode()
    response = api.post(
        "/api/v1/award-decisions/", {"case": to_decide[1].pk, "level": None, "rationale": "Not yet."}, format="json"
    )
    assert response.status_code == 201, response.content
    # publish: the page, then the API
    response = confirm_step(client, deciding.year, CycleState.PUBLISHED)
    assert "The results are published." in response.content.decode()
    response = api.post(
        f"/api/v1/review-cycles/{decided_cycle.year}/publish/", {"from_state": CycleState.DECIDING}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == CycleState.PUBLISHED

    # Everything was stored; nothing reached anyone; the worker keeps trying.
    kinds = Counter(OutboxMessage.objects.values_list("kind", flat=True))
    # Decisions are told at the publication only (with the result), not when they are recorded.
    assert kinds == {"reviews.assignment": 2, "reviews.revision": 2, "reviews.published": 3}
    wait_until(
        lambda: all(
            state == MessageState.PENDING and attempts >= 1
            for state, attempts in OutboxMessage.objects.values_list("state", "attempts")
        ),
        timeout=30,
        message="a refused attempt for every notification",
    )
    assert smtp_sink.received() == []

    smtp_sink.start()
    expected = sorted(OutboxMessage.objects.values_list("to", "subject"))
    assert (reviewer.email, "New review assignment: Submitted 1") in expected
    assert (submitter.email, "Results published: 2097 Awards") in expected
    wait_until(lambda: smtp_sink.received() == expected, timeout=60, message="every notification delivered")
    wait_until(
        lambda: set(OutboxMessage.objects.values_list("state", flat=True)) == {MessageState.SENT},
        timeout=10,
        message="every notification marked sent",
    )
    # the worker's lines about a message carry the id of the request that queued it
    assignment = OutboxMessage.objects.get(kind="reviews.assignment", subject="New review assignment: Submitted 1")
    assert len(assignment.request_id) == 32
    lines = [json.loads(line) for line in deliver_with_celery.process.output().splitlines() if line[:1] == "{"]
    sent = [line for line in lines if line["message"].startswith(f"Sent outbox message {assignment.pk} ")]
    assert [line["request_id"] for line in sent] == [assignment.request_id]
