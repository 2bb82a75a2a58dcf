import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from rest_framework.test import APIClient

from cases.models import RevisionRequest
from outbox.models import MessageState, OutboxMessage
from reviews import notifications
from reviews.models import AwardDecision
from tests.accounts.factories import ManagerFactory, SubmitterFactory
from tests.cases.factories import CaseFactory
from tests.reviews.factories import AwardDecisionFactory, ReviewAssignmentFactory

pytestmark = pytest.mark.django_db


def test_recipient_language_defaults_to_the_site_language(settings, submitter):
    settings.LANGUAGE_CODE = "ko"
    assert notifications.recipient_language(submitter) == "ko"


def test_case_recipients_are_the_governments_staff_and_the_submitter(case, submitter, city):
    colleague = SubmitterFactory(username="colleague", government=city)
    SubmitterFactory(username="elsewhere")
    inactive = SubmitterFactory(username="gone", government=city, is_active=False)
    assert notifications.case_recipients(case) == [submitter, colleague]
    assert inactive not in notifications.case_recipients(case)


def test_the_first_submitter_hears_even_after_moving_to_another_government(case, city):
    moved = SubmitterFactory(username="moved")
    case.submitted_by = moved
    case.save()
    staff = SubmitterFactory(username="staff", government=city)
    assert notifications.case_recipients(case) == [moved, staff]


def test_publication_message_carries_the_result_in_korean_when_it_is_queued(
    settings, case, submitter, manager, cycle, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "ko"
    level = cycle.award_levels.get(code="merit")
    AwardDecision.objects.create(
        case=case, level=level, rationale_local="우수함", decided_by=manager, decided_at=timezone.now()
    )
    with django_capture_on_commit_callbacks() as callbacks:
        notifications.notify_publication(cycle, [case])

    message = OutboxMessage.objects.get()
    assert (message.kind, message.to, message.language, message.recipient) == (
        "reviews.published",
        submitter.email,
        "ko",
        submitter,
    )
    assert cycle.title_local in message.subject
    assert "장려상" in message.body  # the level's Korean name
    assert "우수함" in message.body  # the rationale
    assert message.state == MessageState.PENDING
    assert mail.outbox == []  # nothing is sent before the commit
    settings.LANGUAGE_CODE = "en"  # delivery needs nothing but the row
    for callback in callbacks:
        callback()
    assert [(m.to, m.subject) for m in mail.outbox] == [([submitter.email], message.subject)]
    assert "장려상" in mail.outbox[0].body


def test_a_decision_is_not_mailed_before_the_publication():
    # Deciding queues nothing (reviews.services.decide_case); there is no decision message at all.
    assert not hasattr(notifications, "notify_decision")


def test_no_message_without_an_address(case, reviewer):
    reviewer.email = ""
    reviewer.save()
    notifications.notify_assignment(ReviewAssignmentFactory(case=case, reviewer=reviewer))
    assert not OutboxMessage.objects.exists()


def test_a_rolled_back_change_queues_and_sends_nothing(case, submitter, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notifications.notify_revision_request(RevisionRequest(case=case, message="Add the baseline."))
        assert OutboxMessage.objects.count() == 1
        raise RuntimeError("the change failed")
    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


def test_publication_and_revision_messages(case, submitter, cycle, django_capture_on_commit_callbacks):
    request = RevisionRequest(
        case=case,
        message="Add the baseline.",
        requested_by=ManagerFactory(first_name="Ji-woo", last_name="Park"),
        requested_at=timezone.make_aware(dt.datetime(2099, 2, 1, 10)),
        respond_by=dt.date(2099, 2, 15),
    )
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify_revision_request(request)
        notifications.notify_publication(cycle, [case])
    assert [m.subject for m in mail.outbox] == [
        "Revision requested: One-stop firm service",
        "Results published: 2099 Awards",
    ]
    assert "Add the baseline." in mail.outbox[0].body
    assert f"Requested by {request.requested_by.display_name} on Feb. 1, 2099." in mail.outbox[0].body
    assert "Please answer by Feb. 15, 2099." in mail.outbox[0].body
    assert list(OutboxMessage.objects.order_by("pk").values_list("kind", "state")) == [
        ("reviews.revision", MessageState.SENT),
        ("reviews.published", MessageState.SENT),
    ]


def test_publishing_many_cases_queues_every_message_in_a_constant_number_of_queries(
    cycle, city, django_assert_num_queries
):
    moved = SubmitterFactory(username="moved")  # submitted the cases, now with another government
    cases = [
        CaseFactory(cycle=cycle, government=city, submitted=True, submitted_by=moved, title=f"Case {n}")
        for n in range(15)
    ]
    for n in range(3):
        SubmitterFactory(username=f"staff{n}", government=city)
    for case in cases:
        AwardDecisionFactory(case=case, rationale=f"Because of {case.title}.")
    # staff of the governments, the first submitters who are not among them, the decisions, one
    # insert (SQLite splits inserts of more than 999 values, so the test stays below that)
    with django_assert_num_queries(4):
        notifications.notify_publication(cycle, cases)
    assert OutboxMessage.objects.filter(kind="reviews.published").count() == 15 * 4
    assert "Because of Case 7." in OutboxMessage.objects.filter(body__contains="“Case 7”").first().body


def test_a_queued_message_remembers_the_request_that_caused_it(manager, case, reviewer):
    api = APIClient()
    api.force_authenticate(manager)
    response = api.post("/api/v1/review-assignments/", {"case": case.pk, "reviewer": reviewer.pk})
    assert response.status_code == 201
    assert OutboxMessage.objects.get().request_id == response["X-Request-ID"]
