import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from afterward import services
from afterward.models import Adoption, AdoptionState, FollowUpReport, ProgramStatus, ReportState
from cases.models import Outcome, Verification
from tests.accounts.helpers import sign_in

from .factories import AdoptionFactory, FollowUpReportFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("afterward:index")


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def due(practice):
    return services.create_due_reports()[0]


def _filed(due, practice, submitter):
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    return services.submit_report(
        actor=submitter,
        report=due,
        status=ProgramStatus.RUNNING,
        running_cost=20_000_000,
        values={
            first.pk: {"value": "6", "evidence_local": "허가 대장"},
            second.pk: {"value": "15", "evidence": "Register"},
        },
    )


def test_the_submitter_files_the_report_through_the_form(client, due, practice, submitter):
    sign_in(client, submitter)
    assert "Web GIS for investors" in page(client, INDEX)
    url = reverse("afterward:report", args=[due.pk])
    html = page(client, url)
    assert 'id="follow-up-form"' in html and "Current value: Days to a permit" in html
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    response = client.post(url, {"status": "running", "running_cost": "", f"value_{first.pk}": "6"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give the evidence of the current value." in html and "Enter a value." in html
    response = client.post(
        url,
        {
            "status": "running",
            "running_cost": "20000000",
            f"value_{first.pk}": "6",
            f"evidence_local_{first.pk}": "허가 대장",
            f"value_{second.pk}": "15",
            f"evidence_url_{second.pk}": "https://example.go.kr/firms",
        },
    )
    assert response.status_code == 302
    due.refresh_from_db()
    assert (due.state, due.status) == (ReportState.SUBMITTED, ProgramStatus.RUNNING)
    assert 'id="follow-up-form"' not in page(client, url)


def test_the_reviewer_verifies_the_report_through_the_form(client, due, practice, submitter, reviewer):
    report = _filed(due, practice, submitter)
    sign_in(client, reviewer)
    assert "Web GIS for investors" in page(client, INDEX)
    url = reverse("afterward:report", args=[report.pk])
    assert 'id="verify-form"' in page(client, url)
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    response = client.post(
        url, {"verify": "", f"verification_{first.pk}": "verified", f"verification_{second.pk}": "partly"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.VERIFIED


def test_a_conflicted_reviewer_is_told_why_and_sees_no_form(client, due, practice, submitter, conflicted_reviewer):
    report = _filed(due, practice, submitter)
    sign_in(client, conflicted_reviewer)
    html = page(client, reverse("afterward:report", args=[report.pk]))
    assert 'id="verify-form"' not in html
    assert "Conflict of interest" in html


def test_a_due_report_is_hidden_from_other_governments_and_the_public(client, due, other_submitter):
    url = reverse("afterward:report", args=[due.pk])
    sign_in(client, other_submitter)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_managers_see_overdue_reports_and_the_cycles_follow_up_points(client, practice, manager, submitter):
    overdue = FollowUpReportFactory(
        case=practice,
        years_after=1,
        due_on=timezone.localdate() - dt.timedelta(days=200),
        deadline=timezone.localdate() - dt.timedelta(days=110),
    )
    sign_in(client, manager)
    html = page(client, INDEX)
    assert 'id="overdue"' in html and reverse("afterward:report", args=[overdue.pk]) in html
    response = client.post(reverse("afterward:set_points", args=[practice.cycle.year]), {"years": "1, 2, 5"})
    assert response.status_code == 302
    assert services.follow_up_years(practice.cycle) == [1, 2, 5]
    client.logout()
    sign_in(client, submitter)
    html = page(client, INDEX)
    assert 'id="overdue"' not in html
    assert client.post(reverse("afterward:set_points", args=[practice.cycle.year]), {"years": "4"}).status_code == 404


def test_the_practice_page_shows_the_timeline_and_the_confirmed_adopters(client, due, practice, submitter, reviewer):
    report = _filed(due, practice, submitter)
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    services.verify_report(
        actor=reviewer, report=report, verifications={first.pk: Verification.VERIFIED, second.pk: Verification.PARTLY}
    )
    AdoptionFactory(source=practice, state=AdoptionState.CONFIRMED, answered_at=timezone.now(), adopter__name="Asan")
    AdoptionFactory(source=practice, adopter__name="Pending-ville")
    html = page(client, reverse("practices:practice_detail", args=[practice.pk]))
    timeline = html[html.index('id="practice-timeline"') :]
    assert (
        timeline.index('data-key="baseline"')
        < timeline.index('data-key="award"')
        < timeline.index('data-key="follow_up_1"')
        < timeline.index('data-key="follow_up_3"')
    )
    assert "Still running" in timeline and "verified by a reviewer" in timeline
    assert "running cost 20,000,000 KRW a year" in timeline
    assert "Asan" in html and "Pending-ville" not in html
    assert 'id="timeline-values"' in html


def test_another_governments_submitter_records_an_adoption_and_the_origin_confirms(
    client, practice, submitter, other_submitter
):
    detail = reverse("practices:practice_detail", args=[practice.pk])
    adopt = reverse("afterward:record_adoption", args=[practice.pk])
    sign_in(client, other_submitter)
    assert adopt in page(client, detail)
    response = client.post(adopt, {"kind": "adapted", "adopted_on": str(timezone.localdate())})
    assert response.status_code == 400
    assert "Say what your government changed." in response.content.decode()
    response = client.post(
        adopt, {"kind": "adapted", "adopted_on": str(timezone.localdate()), "changes_local": "읍면 단위로 축소"}
    )
    assert response.status_code == 302
    assert adopt not in page(client, detail)  # recorded once
    adoption = Adoption.objects.get()
    client.logout()
    sign_in(client, submitter)
    assert adopt not in page(client, detail)  # not for its own practice
    assert "Seosan" in page(client, INDEX)
    response = client.post(reverse("afterward:answer_adoption", args=[adoption.pk]), {"decision": "confirm"})
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.state == AdoptionState.CONFIRMED
    assert "Seosan" in page(client, detail)


def test_the_navigation_shows_follow_ups_to_staff_only(client, submitter):
    assert INDEX not in page(client, "/")
    sign_in(client, submitter)
    assert INDEX in page(client, "/")


def test_the_reports_and_adoptions_are_audited_with_their_area(due, practice, submitter):
    from audit.models import Area, AuditEvent

    _filed(due, practice, submitter)
    assert list(AuditEvent.objects.values_list("area", flat=True)) == [Area.AFTERWARD]
    assert FollowUpReport.objects.get().state == ReportState.SUBMITTED
