import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from afterward import services
from afterward.models import (
    Adoption,
    AdoptionKind,
    AdoptionState,
    FollowUpPoint,
    FollowUpReport,
    FollowUpValue,
    ProgramStatus,
    ReportState,
)
from audit.models import Action, AuditEvent
from cases.models import Outcome, Verification
from core.errors import ApplicationError, Conflict, NotAllowed
from outbox.models import OutboxMessage
from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import CaseFactory

from .factories import AdoptionFactory

pytestmark = pytest.mark.django_db


# --- reports falling due --------------------------------------------------------------------------


def test_the_reports_that_have_come_due_are_created_once_and_their_government_reminded_once(practice, submitter):
    colleague = SubmitterFactory(username="colleague", government=practice.government)
    CaseFactory(cycle=practice.cycle, government=practice.government, not_awarded=True)  # no follow-up

    created = services.create_due_reports()

    assert [(r.case_id, r.years_after, r.state) for r in created] == [(practice.pk, 1, ReportState.DUE)]
    report = created[0]
    assert report.due_on == services.years_later(timezone.localdate(practice.cycle.published_at), 1)
    assert report.deadline == report.due_on + dt.timedelta(days=90)
    assert report.reminded_at is not None
    messages = list(OutboxMessage.objects.order_by("to"))
    assert [(m.kind, m.to) for m in messages] == [
        ("afterward.follow_up_due", colleague.email),
        ("afterward.follow_up_due", submitter.email),
    ]
    assert messages[0].subject == f"Follow-up report due: {practice}"

    assert services.create_due_reports() == []  # the next run of the beat task
    assert OutboxMessage.objects.count() == 2
    assert FollowUpReport.objects.count() == 1


def test_the_three_year_report_comes_due_three_years_after_publication(practice, submitter):
    services.create_due_reports()
    later = timezone.localdate() + dt.timedelta(days=366)
    created = services.create_due_reports(today=later)
    assert [(r.years_after) for r in created] == [3]
    assert FollowUpReport.objects.count() == 2


def test_a_cycle_sets_its_own_follow_up_points(practice, manager):
    assert services.follow_up_years(practice.cycle) == [1, 3]
    assert services.set_follow_up_points(actor=manager, cycle=practice.cycle, years=[2, 5, 2]) == [2, 5]
    assert list(FollowUpPoint.objects.values_list("years_after", flat=True)) == [2, 5]
    assert AuditEvent.objects.get().action == Action.FOLLOW_UP_POINTS_SET
    assert [r.years_after for r in services.create_due_reports()] == [2]


def test_only_managers_set_follow_up_points_and_only_sensible_ones(practice, submitter, manager):
    with pytest.raises(NotAllowed):
        services.set_follow_up_points(actor=submitter, cycle=practice.cycle, years=[1])
    with pytest.raises(ApplicationError) as refusal:
        services.set_follow_up_points(actor=manager, cycle=practice.cycle, years=[0, 30])
    assert list(refusal.value.fields) == ["years"]


def test_an_unpublished_cycle_has_nothing_due(city, submitter):
    CaseFactory(government=city, submitted=True)
    assert services.create_due_reports() == []


def test_29_february_falls_on_28_february_in_a_year_without_it():
    assert services.years_later(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


# --- filing a report ------------------------------------------------------------------------------


def _values(practice, **overrides):
    outcomes = list(Outcome.objects.filter(case=practice))
    values = {o.pk: {"value": "5", "evidence_local": "2091년 행정 통계", "evidence_url": ""} for o in outcomes}
    values.update(overrides)
    return values


@pytest.fixture
def due(practice):
    return services.create_due_reports()[0]


def test_the_government_files_its_report_with_every_indicator_and_the_cost(due, practice, submitter):
    report = services.submit_report(
        actor=submitter, report=due, status=ProgramStatus.EXPANDED, running_cost="45,000,000", values=_values(practice)
    )
    assert (report.state, report.status, report.running_cost) == (
        ReportState.SUBMITTED,
        ProgramStatus.EXPANDED,
        Decimal("45000000"),
    )
    assert report.submitted_by == submitter
    assert sorted(FollowUpValue.objects.values_list("value", "verification")) == [
        (Decimal("5.00"), Verification.PENDING),
        (Decimal("5.00"), Verification.PENDING),
    ]
    assert AuditEvent.objects.get().action == Action.FOLLOW_UP_SUBMITTED


def test_a_report_needs_a_status_a_value_and_evidence_for_every_indicator_and_the_cost(due, practice, submitter):
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    values = {first.pk: {"value": "", "evidence_local": ""}, second.pk: {"value": "x", "evidence_local": "ok"}}
    with pytest.raises(ApplicationError) as refusal:
        services.submit_report(actor=submitter, report=due, status="", values=values)
    assert sorted(refusal.value.fields) == sorted(
        [
            "status",
            "running_cost",
            f"values.{first.pk}.value",
            f"values.{first.pk}.evidence_local",
            f"values.{second.pk}.value",
        ]
    )
    due.refresh_from_db()
    assert due.state == ReportState.DUE


def test_a_discontinued_practice_says_why_and_may_leave_values_and_cost_empty(due, practice, submitter):
    empty = {o.pk: {} for o in Outcome.objects.filter(case=practice)}
    with pytest.raises(ApplicationError) as refusal:
        services.submit_report(actor=submitter, report=due, status=ProgramStatus.DISCONTINUED, values=empty)
    assert list(refusal.value.fields) == ["status_reason_local"]
    report = services.submit_report(
        actor=submitter,
        report=due,
        status=ProgramStatus.DISCONTINUED,
        status_reason_local="보조금 종료",
        values=empty,
    )
    assert (report.status, report.running_cost, report.still_running) == (ProgramStatus.DISCONTINUED, None, False)


def test_another_government_cannot_file_and_a_report_is_filed_once(due, practice, submitter, other_submitter):
    with pytest.raises(NotAllowed):
        services.submit_report(
            actor=other_submitter, report=due, status=ProgramStatus.RUNNING, running_cost=1, values=_values(practice)
        )
    services.submit_report(
        actor=submitter, report=due, status=ProgramStatus.RUNNING, running_cost=1, values=_values(practice)
    )
    with pytest.raises(Conflict) as refusal:
        services.submit_report(
            actor=submitter, report=due, status=ProgramStatus.RUNNING, running_cost=1, values=_values(practice)
        )
    assert refusal.value.code == "already_submitted"


# --- verifying a report ---------------------------------------------------------------------------


@pytest.fixture
def submitted(due, practice, submitter):
    return services.submit_report(
        actor=submitter, report=due, status=ProgramStatus.RUNNING, running_cost=10, values=_values(practice)
    )


def test_a_reviewer_verifies_every_value_and_the_government_hears_of_it(submitted, practice, reviewer, submitter):
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    OutboxMessage.objects.all().delete()
    report = services.verify_report(
        actor=reviewer,
        report=submitted,
        verifications={first.pk: Verification.VERIFIED, second.pk: Verification.PARTLY},
        note="Checked against the permit register.",
    )
    assert (report.state, report.verified_by, report.verification_note) == (
        ReportState.VERIFIED,
        reviewer,
        "Checked against the permit register.",
    )
    assert dict(FollowUpValue.objects.values_list("outcome_id", "verification")) == {
        first.pk: Verification.VERIFIED,
        second.pk: Verification.PARTLY,
    }
    assert [(m.kind, m.to) for m in OutboxMessage.objects.all()] == [("afterward.follow_up_verified", submitter.email)]
    assert AuditEvent.objects.filter(action=Action.FOLLOW_UP_VERIFIED).count() == 1


def test_verification_needs_every_value_a_reviewer_without_conflict_and_a_submitted_report(
    due, submitted, practice, reviewer, conflicted_reviewer, submitter
):
    first, second = Outcome.objects.filter(case=practice).order_by("order")
    with pytest.raises(ApplicationError) as refusal:
        services.verify_report(actor=reviewer, report=submitted, verifications={first.pk: Verification.VERIFIED})
    assert list(refusal.value.fields) == [f"verifications.{second.pk}"]
    every = {first.pk: Verification.VERIFIED, second.pk: Verification.VERIFIED}
    with pytest.raises(Conflict) as refusal:
        services.verify_report(actor=conflicted_reviewer, report=submitted, verifications=every)
    assert refusal.value.code == "conflict_of_interest"
    with pytest.raises(NotAllowed):
        services.verify_report(actor=submitter, report=submitted, verifications=every)
    services.verify_report(actor=reviewer, report=submitted, verifications=every)
    with pytest.raises(Conflict):
        services.verify_report(actor=reviewer, report=submitted, verifications=every)


# --- adoptions ------------------------------------------------------------------------------------


def test_another_government_records_an_adoption_and_the_origin_is_asked(practice, other_submitter, submitter):
    adoption = services.record_adoption(
        actor=other_submitter,
        case=practice,
        kind=AdoptionKind.ADAPTED,
        adopted_on=timezone.localdate() - dt.timedelta(days=30),
        changes_local="소규모 예산에 맞게 축소",
        outcomes_local="허가 기간 20일 → 9일",
    )
    assert (adoption.adopter, adoption.adopter_tier, adoption.state) == (
        other_submitter.government,
        "city",
        AdoptionState.PENDING,
    )
    assert [(m.kind, m.to) for m in OutboxMessage.objects.all()] == [("afterward.adoption_recorded", submitter.email)]
    assert AuditEvent.objects.get().action == Action.ADOPTION_RECORDED


def test_an_adoption_is_recorded_once_by_another_government_with_what_it_changed(practice, other_submitter, submitter):
    today = timezone.localdate()
    with pytest.raises(Conflict) as refusal:
        services.record_adoption(actor=submitter, case=practice, kind=AdoptionKind.ADOPTED, adopted_on=today)
    assert refusal.value.code == "own_practice"
    with pytest.raises(ApplicationError) as refusal:
        services.record_adoption(
            actor=other_submitter, case=practice, kind=AdoptionKind.ADAPTED, adopted_on=today + dt.timedelta(days=1)
        )
    assert sorted(refusal.value.fields) == ["adopted_on", "changes_local"]
    services.record_adoption(actor=other_submitter, case=practice, kind=AdoptionKind.ADOPTED, adopted_on=today)
    with pytest.raises(Conflict) as refusal:
        services.record_adoption(actor=other_submitter, case=practice, kind=AdoptionKind.ADOPTED, adopted_on=today)
    assert refusal.value.code == "already_recorded"


def test_only_awarded_practices_of_published_cycles_can_be_adopted(city, other_submitter):
    draft = CaseFactory(government=city, submitted=True)
    with pytest.raises(NotAllowed):
        services.record_adoption(
            actor=other_submitter, case=draft, kind=AdoptionKind.ADOPTED, adopted_on=timezone.localdate()
        )


def test_the_origin_confirms_or_declines_once(practice, submitter, other_submitter):
    adoption = AdoptionFactory(source=practice, adopter=other_submitter.government, recorded_by=other_submitter)
    with pytest.raises(NotAllowed):
        services.answer_adoption(actor=other_submitter, adoption=adoption, confirm=True)
    answered = services.answer_adoption(actor=submitter, adoption=adoption, confirm=True, note="Glad to help")
    assert (answered.state, answered.answered_by, answered.answer_note) == (
        AdoptionState.CONFIRMED,
        submitter,
        "Glad to help",
    )
    assert [(m.kind, m.to) for m in OutboxMessage.objects.all()] == [
        ("afterward.adoption_answered", other_submitter.email)
    ]
    with pytest.raises(Conflict):
        services.answer_adoption(actor=submitter, adoption=adoption, confirm=False)
    assert Adoption.objects.get().state == AdoptionState.CONFIRMED
