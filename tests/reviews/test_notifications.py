import pytest
from django.core import mail
from django.utils import timezone

from reviews import notifications
from reviews.models import AwardDecision
from tests.accounts.factories import SubmitterFactory
from tests.reviews.factories import ReviewAssignmentFactory

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


def test_decision_email_in_korean(settings, case, submitter, manager, cycle):
    settings.LANGUAGE_CODE = "ko"
    level = cycle.award_levels.get(code="merit")
    decision = AwardDecision(case=case, level=level, rationale="Good", decided_by=manager, decided_at=timezone.now())
    notifications.notify_decision(decision)
    assert len(mail.outbox) == 1
    assert case.title_local in mail.outbox[0].subject
    assert "장려상" in mail.outbox[0].body  # the level's Korean name
    assert mail.outbox[0].to == [submitter.email]


def test_no_email_without_an_address(case, reviewer):
    reviewer.email = ""
    reviewer.save()
    notifications.notify_assignment(ReviewAssignmentFactory(case=case, reviewer=reviewer))
    assert mail.outbox == []


def test_publication_and_revision_emails(case, submitter, cycle):
    notifications.notify_revision_request(case, "Add the baseline.")
    notifications.notify_publication(cycle, [case])
    assert [m.subject for m in mail.outbox] == [
        "Revision requested: One-stop firm service",
        "Results published: 2099 Awards",
    ]
    assert "Add the baseline." in mail.outbox[0].body
