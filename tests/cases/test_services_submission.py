import datetime as dt
import os
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from cases.models import Attachment, CaseEvent, CaseObstacle, CaseState, InnovationCase, Outcome, RevisionRequest
from cases.selectors import open_revision_request, revision_thread
from cases.services import (
    ObstacleItem,
    RemedyItem,
    add_attachment,
    completeness_problems,
    create_draft,
    remove_attachment,
    resubmit_after_revision,
    submit_case,
    update_draft,
    withdraw_case,
)
from cases.workflow import send_back_for_revision
from core.errors import ApplicationError
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.cases.factories import (
    AwardCycleFactory,
    CaseFactory,
    ObstacleTypeFactory,
    ParticipantKindFactory,
    PurposeFactory,
    RemedyTypeFactory,
)
from tests.cases.helpers import EXE_BYTES, PDF_BYTES, complete_draft, office_bytes, upload
from tests.reviews.factories import ReviewAssignmentFactory

pytestmark = pytest.mark.django_db


def test_create_draft_for_own_government_records_created_event(submitter, cycle):
    case = create_draft(actor=submitter, cycle=cycle, fields={"title": "One-stop centre"})
    assert case.state == CaseState.DRAFT
    assert case.government == submitter.government
    assert case.created_by == submitter
    assert list(case.events.values_list("kind", "actor")) == [(CaseEvent.Kind.CREATED, submitter.pk)]


@pytest.mark.parametrize("user_factory", [ReviewerFactory, ManagerFactory])
def test_create_draft_refused_for_non_submitters(user_factory, cycle):
    with pytest.raises(ApplicationError, match="Only municipal staff"):
        create_draft(actor=user_factory(), cycle=cycle, fields={"title": "X"})
    assert InnovationCase.objects.count() == 0


def test_create_draft_refused_when_cycle_closed(submitter):
    cycle = AwardCycleFactory(closed=True)
    with pytest.raises(ApplicationError, match="not accepting submissions"):
        create_draft(actor=submitter, cycle=cycle, fields={"title": "X"})
    assert InnovationCase.objects.count() == 0


def test_create_draft_refuses_snapshot_and_state_fields(submitter, cycle):
    for field, value in [("population", 10), ("tier", "province"), ("state", "submitted"), ("government", None)]:
        with pytest.raises(ApplicationError, match="cannot be set by a submitter"):
            create_draft(actor=submitter, cycle=cycle, fields={field: value})
    assert InnovationCase.objects.count() == 0


def test_update_draft_records_changes_with_old_and_new_values(submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle, title="Old", started_on=None)
    purpose = PurposeFactory(code="place_marketing")
    update_draft(
        actor=submitter,
        case=case,
        fields={"title": "New", "purpose": purpose, "started_on": dt.date(2006, 3, 1), "uses_ict": False},
        participant_kinds=[ParticipantKindFactory()],
        obstacles=[ObstacleItem(ObstacleTypeFactory(), "Resistance")],
        remedies=[RemedyItem(RemedyTypeFactory(), "Talks")],
        outcomes=[{"indicator": "Days", "baseline": Decimal("10"), "result": Decimal("2")}],
    )
    case.refresh_from_db()
    assert case.title == "New"
    event = case.events.get(kind=CaseEvent.Kind.UPDATED)
    assert event.actor == submitter
    assert event.changes["title"] == ["Old", "New"]
    assert event.changes["purpose"] == ["service_improvement", "place_marketing"]
    assert event.changes["started_on"] == [None, "2006-03-01"]
    assert "uses_ict" not in event.changes
    assert event.changes["participant_kinds"] == [[], ["citizens"]]
    assert event.changes["obstacles"] == [
        [],
        [{"type": "conflict_of_interest", "description": "Resistance", "description_local": ""}],
    ]
    assert event.changes["remedies"] == [
        [],
        [{"type": "induced_cooperation", "description": "Talks", "description_local": ""}],
    ]
    assert event.changes["outcomes"][1][0]["baseline"] == "10"


def test_update_without_changes_records_nothing(submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle, title="Same")
    update_draft(actor=submitter, case=case, fields={"title": "Same"}, obstacles=[])
    assert case.events.count() == 0


def test_update_replaces_obstacles_keeping_existing_rows(submitter, cycle):
    case = CaseFactory(
        government=submitter.government, cycle=cycle, obstacles=["lack_of_expertise", "legal_constraint"]
    )
    kept = case.obstacles.get(obstacle_type__code="legal_constraint")
    update_draft(
        actor=submitter,
        case=case,
        obstacles=[ObstacleItem(kept.obstacle_type, "Law"), ObstacleItem(ObstacleTypeFactory(), "")],
    )
    assert sorted(case.obstacles.values_list("obstacle_type__code", flat=True)) == [
        "conflict_of_interest",
        "legal_constraint",
    ]
    assert case.obstacles.get(obstacle_type__code="legal_constraint").pk == kept.pk


def test_duplicate_obstacle_types_are_refused_and_nothing_changes(submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle, title="T")
    kind = ObstacleTypeFactory()
    with pytest.raises(ApplicationError, match="only once"):
        update_draft(
            actor=submitter, case=case, fields={"title": "Changed"}, obstacles=[ObstacleItem(kind), ObstacleItem(kind)]
        )
    case.refresh_from_db()
    assert case.title == "T"
    assert case.obstacles.count() == 0
    assert case.events.count() == 0


def test_outcome_ids_of_another_case_are_refused(submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle)
    other = complete_draft()
    foreign = other.outcomes.get()
    with pytest.raises(ApplicationError, match="does not belong"):
        update_draft(actor=submitter, case=case, outcomes=[{"id": foreign.pk, "indicator": "Stolen"}])
    foreign.refresh_from_db()
    assert foreign.indicator == "Processing time"


def test_update_refused_for_another_government(cycle):
    case = CaseFactory(cycle=cycle, title="Theirs")
    with pytest.raises(ApplicationError, match="own government"):
        update_draft(actor=SubmitterFactory(), case=case, fields={"title": "Mine"})
    case.refresh_from_db()
    assert case.title == "Theirs"


@pytest.mark.parametrize(
    "state", [CaseState.SUBMITTED, CaseState.IN_REVIEW, CaseState.AWARDED, CaseState.NOT_AWARDED, CaseState.WITHDRAWN]
)
def test_content_is_frozen_outside_draft_and_revision(submitter, cycle, state):
    case = CaseFactory(government=submitter.government, cycle=cycle, submitted=True, title="Frozen")
    InnovationCase.objects.filter(pk=case.pk).update(state=state)
    with pytest.raises(ApplicationError, match="can no longer be changed"):
        update_draft(actor=submitter, case=case, fields={"title": "Thawed"})
    case.refresh_from_db()
    assert case.title == "Frozen"


def test_draft_cannot_be_changed_after_the_cycle_closed(submitter):
    case = CaseFactory(government=submitter.government, cycle=AwardCycleFactory(closed=True), title="T")
    with pytest.raises(ApplicationError, match="not accepting submissions"):
        update_draft(actor=submitter, case=case, fields={"title": "U"})


def test_revision_requested_case_can_be_changed_after_the_cycle_closed(submitter):
    case = CaseFactory(government=submitter.government, cycle=AwardCycleFactory(closed=True), submitted=True, title="T")
    InnovationCase.objects.filter(pk=case.pk).update(state=CaseState.REVISION_REQUESTED)
    update_draft(actor=submitter, case=case, fields={"title": "U"})
    case.refresh_from_db()
    assert case.title == "U"


def test_invalid_values_are_refused_with_the_field_problem(submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle)
    with pytest.raises(ApplicationError) as refused:
        update_draft(actor=submitter, case=case, fields={"participation_level": "everyone"})
    assert refused.value.fields == {"participation_level": ["Value 'everyone' is not a valid choice."]}


# --- submit ---------------------------------------------------------------------------------


def test_submit_snapshots_tier_and_population_and_records_transition(submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle)
    submit_case(actor=submitter, case=case)
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED
    assert case.tier == "city"
    assert case.population == 300_000
    assert case.submitted_by == submitter
    assert case.submitted_at is not None
    event = case.events.get(kind=CaseEvent.Kind.TRANSITION)
    assert (event.from_state, event.to_state, event.actor) == ("draft", "submitted", submitter)


def test_submit_refused_with_everything_missing_listed(submitter, cycle):
    case = CaseFactory(
        government=submitter.government,
        cycle=cycle,
        title="",
        title_local="",
        summary="",
        summary_local="",
        purpose=None,
    )
    Outcome.objects.create(case=case, indicator="Satisfaction")  # no baseline, no evidence
    with pytest.raises(ApplicationError) as refused:
        submit_case(actor=submitter, case=case)
    assert refused.value.problems == [
        "Give the case a title in English or Korean.",
        "Write a summary in English or Korean.",
        "Choose the purpose of the innovation.",
        "Describe at least one obstacle the innovation met.",
        "Describe at least one remedy: how the obstacles were overcome.",
        "Report at least one outcome with a baseline value or evidence.",
    ]
    case.refresh_from_db()
    assert case.state == CaseState.DRAFT
    assert case.tier == ""
    assert case.population is None
    assert case.events.count() == 0


def test_submit_refused_without_obstacles_changes_nothing(submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle)
    CaseObstacle.objects.filter(case=case).delete()
    with pytest.raises(ApplicationError) as refused:
        submit_case(actor=submitter, case=case)
    assert refused.value.problems == ["Describe at least one obstacle the innovation met."]
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


def test_outcome_with_evidence_but_no_baseline_is_enough(submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle)
    case.outcomes.update(baseline=None, evidence="Survey 2006")
    assert completeness_problems(case) == []


def test_submit_after_the_cycle_closed_is_refused(submitter):
    cycle = AwardCycleFactory(closed=True)
    case = complete_draft(government=submitter.government, cycle=cycle)
    with pytest.raises(ApplicationError) as refused:
        submit_case(actor=submitter, case=case)
    assert len(refused.value.problems) == 1
    assert refused.value.problems[0].startswith(f"The {cycle.title} cycle is not accepting submissions")
    case.refresh_from_db()
    assert (case.state, case.submitted_at, case.population) == (CaseState.DRAFT, None, None)


def test_submit_refused_for_another_government(cycle):
    case = complete_draft(cycle=cycle)
    with pytest.raises(ApplicationError, match="own government"):
        submit_case(actor=SubmitterFactory(), case=case)
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


@pytest.mark.parametrize("user_factory", [ReviewerFactory, ManagerFactory])
def test_submit_refused_for_staff_roles(user_factory, cycle):
    case = complete_draft(cycle=cycle)
    with pytest.raises(ApplicationError):
        submit_case(actor=user_factory(), case=case)
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


@pytest.mark.parametrize(
    "state", [CaseState.SUBMITTED, CaseState.IN_REVIEW, CaseState.AWARDED, CaseState.NOT_AWARDED, CaseState.WITHDRAWN]
)
def test_submit_refused_in_other_states(submitter, cycle, state):
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=True)
    InnovationCase.objects.filter(pk=case.pk).update(state=state)
    with pytest.raises(ApplicationError, match="cannot be submitted"):
        submit_case(actor=submitter, case=case)
    assert InnovationCase.objects.get(pk=case.pk).state == state


# --- withdraw -------------------------------------------------------------------------------


@pytest.mark.parametrize("submitted", [False, True])
def test_withdraw_from_draft_and_submitted(submitter, cycle, submitted):
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=submitted)
    withdraw_case(actor=submitter, case=case, message="Merged with another case")
    case.refresh_from_db()
    assert case.state == CaseState.WITHDRAWN
    event = case.events.get()
    assert (event.to_state, event.message, event.actor) == ("withdrawn", "Merged with another case", submitter)


@pytest.mark.parametrize(
    "state",
    [CaseState.IN_REVIEW, CaseState.REVISION_REQUESTED, CaseState.AWARDED, CaseState.NOT_AWARDED, CaseState.WITHDRAWN],
)
def test_withdraw_refused_in_later_states(submitter, cycle, state):
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=True)
    InnovationCase.objects.filter(pk=case.pk).update(state=state)
    with pytest.raises(ApplicationError, match="cannot be withdrawn"):
        withdraw_case(actor=submitter, case=case)
    assert InnovationCase.objects.get(pk=case.pk).state == state
    assert case.events.count() == 0


def test_withdraw_refused_for_another_government(cycle):
    case = complete_draft(cycle=cycle)
    with pytest.raises(ApplicationError, match="own government"):
        withdraw_case(actor=SubmitterFactory(), case=case)
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


# --- revision -------------------------------------------------------------------------------


def _revision_requested(case, manager, message="Add the survey data.", respond_by=None):
    InnovationCase.objects.filter(pk=case.pk).update(state=CaseState.IN_REVIEW)
    send_back_for_revision(case, actor=manager, message=message, respond_by=respond_by)
    case.refresh_from_db()
    return case


def test_resubmit_with_assignments_goes_back_to_review_recording_both(submitter):
    case = complete_draft(government=submitter.government, cycle=AwardCycleFactory(closed=True), submitted=True)
    ReviewAssignmentFactory(case=case)
    manager = ManagerFactory()
    _revision_requested(case, manager, respond_by=dt.date(2099, 1, 31))
    request = open_revision_request(case)
    assert (request.message, request.requested_by, request.respond_by) == (
        "Add the survey data.",
        manager,
        dt.date(2099, 1, 31),
    )
    submit_case(actor=submitter, case=case, response="  Survey of 2005 added to the outcomes.  ")
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW
    assert list(case.events.filter(actor=submitter).values_list("from_state", "to_state", "message")) == [
        ("revision_requested", "submitted", "Survey of 2005 added to the outcomes."),
        ("submitted", "in_review", "Back to the assigned reviewers."),
    ]
    request.refresh_from_db()
    assert (request.state, request.response, request.answered_by) == (
        RevisionRequest.State.ANSWERED,
        "Survey of 2005 added to the outcomes.",
        submitter,
    )
    assert open_revision_request(case) is None
    assert [r.pk for r in revision_thread(case)] == [request.pk]


def test_a_too_long_response_is_refused_and_nothing_changes(submitter):
    case = complete_draft(government=submitter.government, cycle=AwardCycleFactory(closed=True), submitted=True)
    _revision_requested(case, ManagerFactory())
    with pytest.raises(ApplicationError) as refused:
        submit_case(actor=submitter, case=case, response="x" * 4001)
    assert refused.value.fields == {"response": ["Keep the response to 4000 characters or fewer."]}
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.REVISION_REQUESTED
    assert open_revision_request(case).state == RevisionRequest.State.OPEN


def test_resubmit_refused_when_incomplete_or_not_requested(submitter):
    case = complete_draft(government=submitter.government, cycle=AwardCycleFactory(), submitted=True)
    with pytest.raises(ApplicationError, match="A case that is “Submitted” cannot be submitted"):
        resubmit_after_revision(actor=submitter, case=case)
    _revision_requested(case, ManagerFactory())
    case.outcomes.all().delete()
    with pytest.raises(ApplicationError) as refused:
        resubmit_after_revision(actor=submitter, case=case)
    assert refused.value.problems == ["Report at least one outcome with a baseline value or evidence."]
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.REVISION_REQUESTED


def test_resubmit_refused_for_another_government():
    case = complete_draft(cycle=AwardCycleFactory(), submitted=True)
    _revision_requested(case, ManagerFactory())
    with pytest.raises(ApplicationError, match="own government"):
        resubmit_after_revision(actor=SubmitterFactory(), case=case)


# --- attachments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", PDF_BYTES, "application/pdf"),
        ("plan.docx", office_bytes("word"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("data.xlsx", office_bytes("xl"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_add_attachment_stores_file_with_detected_type(submitter, cycle, name, content, expected, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = CaseFactory(government=submitter.government, cycle=cycle)
    attachment = add_attachment(actor=submitter, case=case, file=upload(name, content), kind="report")
    assert (attachment.original_name, attachment.content_type, attachment.size) == (name, expected, len(content))
    assert attachment.file.name.startswith(f"attachments/{case.pk}/")
    assert attachment.file.read() == content
    assert case.events.get().changes == {"added": [None, name]}


def test_executable_renamed_pdf_is_refused(submitter, cycle, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = CaseFactory(government=submitter.government, cycle=cycle)
    with pytest.raises(ApplicationError, match="is not a PDF, PNG, JPEG, DOCX or XLSX file"):
        add_attachment(actor=submitter, case=case, file=upload("evidence.pdf", EXE_BYTES))
    assert Attachment.objects.count() == 0
    assert list(tmp_path.iterdir()) == []


def test_eleven_megabyte_file_is_refused(submitter, cycle, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = CaseFactory(government=submitter.government, cycle=cycle)
    with pytest.raises(ApplicationError, match=re.escape("is 11.0\xa0MB; files may be at most 10.0\xa0MB")):
        add_attachment(actor=submitter, case=case, file=upload("big.pdf", PDF_BYTES + b"0" * (11 * 1024 * 1024)))
    assert Attachment.objects.count() == 0


def test_remove_attachment_deletes_row_and_file(
    submitter, cycle, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    case = CaseFactory(government=submitter.government, cycle=cycle)
    attachment = add_attachment(actor=submitter, case=case, file=upload("a.pdf", PDF_BYTES))
    path = attachment.file.path
    with django_capture_on_commit_callbacks(execute=True):
        remove_attachment(actor=submitter, case=case, attachment=attachment)
    assert Attachment.objects.count() == 0
    assert not os.path.exists(path)


def test_attachments_frozen_after_submission(submitter, cycle, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=True)
    with pytest.raises(ApplicationError, match="can no longer be changed"):
        add_attachment(actor=submitter, case=case, file=upload("a.pdf", PDF_BYTES))
    assert Attachment.objects.count() == 0


def test_submitted_at_is_now(submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle)
    before = timezone.now()
    submit_case(actor=submitter, case=case)
    case.refresh_from_db()
    assert before <= case.submitted_at <= timezone.now()
