import datetime as dt

import pytest
from django.urls import reverse

from cases.models import Attachment, CaseEvent, CaseObstacle, CaseState, InnovationCase, Outcome
from cases.workflow import send_back_for_revision
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import (
    AwardCycleFactory,
    CaseFactory,
    ObstacleTypeFactory,
    ParticipantKindFactory,
    PurposeFactory,
    RemedyTypeFactory,
)
from tests.cases.helpers import EXE_BYTES, PDF_BYTES, complete_draft, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(submitter, cycle):
    return CaseFactory(government=submitter.government, cycle=cycle, title="Our draft")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def edit_url(case, section):
    return reverse("cases:case_edit", args=[case.pk, section])


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# --- my cases -------------------------------------------------------------------------------


def test_my_cases_lists_own_government_cases_with_state_and_deadline(client, submitter, draft, cycle):
    other = CaseFactory(cycle=cycle, title="Someone else's")
    submitted = complete_draft(government=submitter.government, cycle=cycle, submitted=True, title="Sent")
    sign_in(client, submitter)
    response = client.get(reverse("cases:my_cases"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Our draft" in body
    assert "Sent" in body
    assert other.title not in body
    assert [c.pk for c in response.context["cases"]] == sorted([draft.pk, submitted.pk], reverse=True)
    assert "Start a new case" in body
    assert reverse("cases:my_cases") in body  # navigation link


def test_my_cases_requires_login_and_submitter_role(client):
    response = client.get(reverse("cases:my_cases"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    for user in (ReviewerFactory(), ManagerFactory()):
        sign_in(client, user)
        assert client.get(reverse("cases:my_cases")).status_code == 404


# --- creating and editing -------------------------------------------------------------------


def test_new_case_creates_draft_and_continues_to_purpose(client, submitter, cycle):
    sign_in(client, submitter)
    response = client.get(reverse("cases:case_new"))
    assert response.status_code == 200
    assert "population 300,000" in response.content.decode()
    response = client.post(reverse("cases:case_new"), {"cycle": cycle.pk, "title": "Smart parking", "continue": "1"})
    case = InnovationCase.objects.get()
    assert response.status_code == 302
    assert response.url == edit_url(case, "purpose")
    assert (case.title, case.government, case.cycle, case.state) == (
        "Smart parking",
        submitter.government,
        cycle,
        CaseState.DRAFT,
    )


def test_new_case_without_open_cycle_redirects_with_message(client, submitter):
    AwardCycleFactory(closed=True)
    sign_in(client, submitter)
    response = client.get(reverse("cases:case_new"), follow=True)
    assert "No award cycle is accepting submissions" in response.content.decode()
    assert InnovationCase.objects.count() == 0


def test_basics_validation_error_keeps_what_was_typed(client, submitter, draft):
    sign_in(client, submitter)
    response = client.post(
        edit_url(draft, "basics"),
        {"title": "Kept title", "summary": "Kept summary", "contact_email": "not-an-email", "save": "1"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a valid email address." in body
    assert 'value="Kept title"' in body
    assert "Kept summary" in body
    draft.refresh_from_db()
    assert draft.title == "Our draft"


def test_script_in_title_is_shown_escaped(client, submitter, draft):
    sign_in(client, submitter)
    client.post(edit_url(draft, "basics"), {"title": "<script>alert(1)</script>", "save": "1"})
    draft.refresh_from_db()
    assert draft.title == "<script>alert(1)</script>"
    for url in (reverse("cases:my_cases"), reverse("cases:case_detail", args=[draft.pk]), edit_url(draft, "review")):
        body = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_purpose_section_saves_and_records_event(client, submitter, draft):
    sign_in(client, submitter)
    purpose = PurposeFactory(code="place_marketing")
    response = client.post(
        edit_url(draft, "purpose"),
        {"purpose": purpose.pk, "uses_ict": "on", "ict_description": "A web GIS", "continue": "1"},
    )
    assert response.url == edit_url(draft, "obstacles")
    draft.refresh_from_db()
    assert (draft.purpose, draft.uses_ict, draft.ict_description) == (purpose, True, "A web GIS")
    event = draft.events.get(kind=CaseEvent.Kind.UPDATED)
    assert event.actor == submitter
    assert event.changes["uses_ict"] == [False, True]


def test_ict_without_description_is_a_field_error(client, submitter, draft):
    sign_in(client, submitter)
    response = client.post(edit_url(draft, "purpose"), {"uses_ict": "on", "ict_description": "", "save": "1"})
    assert response.status_code == 400
    assert "Say how ICT was used" in response.content.decode()
    assert InnovationCase.objects.get(pk=draft.pk).uses_ict is False


def test_obstacles_formset_saves_rows(client, submitter, draft):
    sign_in(client, submitter)
    a, b = ObstacleTypeFactory(code="legal_constraint"), ObstacleTypeFactory(code="lack_of_expertise")
    data = {
        **management("obstacles", 3),
        "obstacles-0-type": a.pk,
        "obstacles-0-description": "A law",
        "obstacles-1-type": b.pk,
        "obstacles-1-description": "",
        "obstacles-2-type": "",
        "obstacles-2-description": "",
        "save": "1",
    }
    response = client.post(edit_url(draft, "obstacles"), data)
    assert response.status_code == 302
    assert sorted(draft.obstacles.values_list("obstacle_type__code", "description")) == [
        ("lack_of_expertise", ""),
        ("legal_constraint", "A law"),
    ]
    page = client.get(edit_url(draft, "obstacles"))
    assert page.context["formset"].total_form_count() == 3  # two saved + one blank


def test_obstacles_formset_error_keeps_every_row(client, submitter, draft):
    sign_in(client, submitter)
    a = ObstacleTypeFactory(code="legal_constraint")
    data = {
        **management("obstacles", 2),
        "obstacles-0-type": a.pk,
        "obstacles-0-description": "First typed",
        "obstacles-1-type": a.pk,
        "obstacles-1-description": "Second typed",
        "save": "1",
    }
    response = client.post(edit_url(draft, "obstacles"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "This type is already listed" in body
    assert "First typed" in body
    assert "Second typed" in body
    assert CaseObstacle.objects.count() == 0


def test_obstacle_deleted_with_checkbox(client, submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle, obstacles=["legal_constraint"])
    sign_in(client, submitter)
    row = case.obstacles.get()
    data = {
        **management("obstacles", 1, 1),
        "obstacles-0-type": row.obstacle_type.pk,
        "obstacles-0-description": "",
        "obstacles-0-DELETE": "on",
        "save": "1",
    }
    assert client.post(edit_url(case, "obstacles"), data).status_code == 302
    assert case.obstacles.count() == 0


def test_remedies_and_participation_sections(client, submitter, draft):
    sign_in(client, submitter)
    remedy, kind = RemedyTypeFactory(code="perseverance"), ParticipantKindFactory(code="ngos")
    data = {
        **management("remedies", 1),
        "remedies-0-type": remedy.pk,
        "remedies-0-description": "Kept at it",
        "continue": "1",
    }
    assert client.post(edit_url(draft, "remedies"), data).url == edit_url(draft, "outcomes")
    response = client.post(
        edit_url(draft, "participation"),
        {"participation_level": "involve", "participant_kinds": [kind.pk], "save": "1"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.participation_level == "involve"
    assert list(draft.participant_kinds.values_list("code", flat=True)) == ["ngos"]
    assert list(draft.remedies.values_list("remedy_type__code", "description")) == [("perseverance", "Kept at it")]


def test_outcomes_formset_updates_existing_and_adds(client, submitter, draft):
    sign_in(client, submitter)
    existing = Outcome.objects.create(case=draft, indicator="Days", baseline=10, result=3)
    data = {
        **management("outcomes", 2, 1),
        "outcomes-0-id": existing.pk,
        "outcomes-0-indicator": "Days to permit",
        "outcomes-0-baseline": "10",
        "outcomes-0-result": "2",
        "outcomes-1-indicator": "Visitors",
        "outcomes-1-evidence": "Ticket counts",
        "save": "1",
    }
    assert client.post(edit_url(draft, "outcomes"), data).status_code == 302
    rows = list(draft.outcomes.values_list("pk", "indicator", "result", "evidence"))
    assert rows[0][:2] == (existing.pk, "Days to permit")
    assert str(rows[0][2]) == "2.00"
    assert rows[1][1:] == ("Visitors", None, "Ticket counts")


def test_outcome_without_indicator_is_an_error_keeping_input(client, submitter, draft):
    sign_in(client, submitter)
    data = {**management("outcomes", 1), "outcomes-0-baseline": "12", "outcomes-0-evidence": "Typed", "save": "1"}
    response = client.post(edit_url(draft, "outcomes"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Name the indicator in Korean or English." in body
    assert "Typed" in body
    assert Outcome.objects.count() == 0


def test_other_government_and_staff_get_404_on_edit(client, draft):
    for user in (SubmitterFactory(), ReviewerFactory(), ManagerFactory()):
        sign_in(client, user)
        assert client.get(edit_url(draft, "basics")).status_code == 404
        assert client.post(edit_url(draft, "basics"), {"title": "Hijack"}).status_code == 404
    draft.refresh_from_db()
    assert draft.title == "Our draft"


def test_unknown_section_is_404(client, submitter, draft):
    sign_in(client, submitter)
    assert client.get(edit_url(draft, "nonsense")).status_code == 404


def test_submitted_case_cannot_be_edited(client, submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=True, title="Fixed")
    sign_in(client, submitter)
    response = client.post(edit_url(case, "basics"), {"title": "Changed"})
    assert response.status_code == 302
    assert response.url == reverse("cases:case_detail", args=[case.pk])
    case.refresh_from_db()
    assert case.title == "Fixed"


# --- attachments ----------------------------------------------------------------------------


def test_upload_and_download_attachment(client, submitter, draft, media):
    sign_in(client, submitter)
    response = client.post(
        edit_url(draft, "attachments"), {"file": upload("report.pdf", PDF_BYTES), "kind": "report", "upload": "1"}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.content_type) == ("report.pdf", "application/pdf")
    response = client.get(reverse("cases:attachment_download", args=[draft.pk, attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_executable_renamed_pdf_is_a_field_error(client, submitter, draft, media):
    sign_in(client, submitter)
    response = client.post(
        edit_url(draft, "attachments"), {"file": upload("evidence.pdf", EXE_BYTES), "kind": "report", "upload": "1"}
    )
    assert response.status_code == 400
    assert "“evidence.pdf” is not a PDF, PNG, JPEG, DOCX or XLSX file" in response.content.decode()
    assert Attachment.objects.count() == 0
    assert list(media.iterdir()) == []


def test_eleven_megabyte_upload_is_a_field_error(client, submitter, draft, media):
    sign_in(client, submitter)
    big = upload("big.pdf", PDF_BYTES + b"0" * (11 * 1024 * 1024))
    response = client.post(edit_url(draft, "attachments"), {"file": big, "kind": "report", "upload": "1"})
    assert response.status_code == 400
    assert "“big.pdf” is 11.0\xa0MB; files may be at most 10.0\xa0MB." in response.content.decode()
    assert Attachment.objects.count() == 0


def test_delete_attachment(client, submitter, draft, media):
    sign_in(client, submitter)
    client.post(edit_url(draft, "attachments"), {"file": upload("a.pdf", PDF_BYTES), "kind": "report", "upload": "1"})
    attachment = Attachment.objects.get()
    response = client.post(reverse("cases:attachment_delete", args=[draft.pk, attachment.pk]))
    assert response.status_code == 302
    assert Attachment.objects.count() == 0


def test_attachment_download_only_for_those_who_may_see_the_case(client, submitter, draft, media):
    sign_in(client, submitter)
    client.post(edit_url(draft, "attachments"), {"file": upload("a.pdf", PDF_BYTES), "kind": "report", "upload": "1"})
    attachment = Attachment.objects.get()
    url = reverse("cases:attachment_download", args=[draft.pk, attachment.pk])
    client.logout()
    assert client.get(url).status_code == 404
    for user, status in ((SubmitterFactory(), 404), (ReviewerFactory(), 404), (ManagerFactory(), 200)):
        sign_in(client, user)
        assert client.get(url).status_code == status
    other = CaseFactory(government=submitter.government, cycle=draft.cycle)
    sign_in(client, submitter)
    assert client.get(reverse("cases:attachment_download", args=[other.pk, attachment.pk])).status_code == 404


# --- review, submit, withdraw ---------------------------------------------------------------


def test_review_lists_what_is_missing(client, submitter, draft):
    sign_in(client, submitter)
    response = client.get(edit_url(draft, "review"))
    assert response.status_code == 200
    assert response.context["problems"] == [
        "Describe at least one obstacle the innovation met.",
        "Describe at least one remedy: how the obstacles were overcome.",
        "Report at least one outcome with a baseline value or evidence.",
    ]


def test_submit_incomplete_shows_problems_and_changes_nothing(client, submitter, draft):
    sign_in(client, submitter)
    response = client.post(reverse("cases:case_submit", args=[draft.pk]))
    assert response.status_code == 400
    assert "Describe at least one obstacle the innovation met." in response.content.decode()
    draft.refresh_from_db()
    assert (draft.state, draft.population, draft.submitted_at) == (CaseState.DRAFT, None, None)


def test_submit_complete_case(client, submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle)
    sign_in(client, submitter)
    response = client.post(reverse("cases:case_submit", args=[case.pk]), follow=True)
    assert "The case was submitted." in response.content.decode()
    case.refresh_from_db()
    assert (case.state, case.population, case.tier) == (CaseState.SUBMITTED, 300_000, "city")


def test_submit_after_cycle_closed_is_refused(client, submitter):
    case = complete_draft(government=submitter.government, cycle=AwardCycleFactory(closed=True))
    sign_in(client, submitter)
    response = client.post(reverse("cases:case_submit", args=[case.pk]))
    assert response.status_code == 400
    assert "cycle is not accepting submissions" in response.content.decode()
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


def test_submit_other_government_case_is_404(client, cycle):
    case = complete_draft(cycle=cycle)
    sign_in(client, SubmitterFactory())
    assert client.post(reverse("cases:case_submit", args=[case.pk])).status_code == 404
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


def test_withdraw_with_reason(client, submitter, draft):
    sign_in(client, submitter)
    assert client.get(reverse("cases:case_withdraw", args=[draft.pk])).status_code == 200
    response = client.post(reverse("cases:case_withdraw", args=[draft.pk]), {"message": "Duplicate"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == CaseState.WITHDRAWN
    assert draft.events.get().message == "Duplicate"


def test_withdraw_refused_in_review(client, submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle, in_review=True)
    sign_in(client, submitter)
    response = client.post(reverse("cases:case_withdraw", args=[case.pk]), {"message": ""})
    assert response.status_code == 400
    assert "cannot be withdrawn" in response.content.decode()
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.IN_REVIEW


# --- read-only detail -----------------------------------------------------------------------


def test_detail_shows_history_and_revision_message(client, submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle, in_review=True)
    manager = ManagerFactory(first_name="Ji-woo", last_name="Park")
    send_back_for_revision(case, actor=manager, message="Show the <b>survey</b>.", respond_by=dt.date(2099, 3, 1))
    sign_in(client, submitter)
    response = client.get(reverse("cases:case_detail", args=[case.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "The ministry asked for a revision" in body
    assert "Show the &lt;b&gt;survey&lt;/b&gt;." in body
    assert f"Requested by {manager.display_name} on" in body
    assert 'id="revision-respond-by">answer by March 1, 2099</strong>' in body
    assert "Revise the case" in body
    assert list(response.context["history"]) == list(case.events.all())


@pytest.mark.parametrize("state", CaseState.values)
def test_detail_visible_to_own_government_in_every_state(client, submitter, cycle, state):
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=True)
    InnovationCase.objects.filter(pk=case.pk).update(state=state)
    sign_in(client, submitter)
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200


def test_case_page_links_to_the_reviewers_comments_once_the_cycle_is_published(client, submitter):
    unpublished = CaseFactory(government=submitter.government, not_awarded=True)
    published = CaseFactory(government=submitter.government, awarded=True)
    sign_in(client, submitter)
    link = reverse("reviews:comments", args=[published.pk])
    assert link in client.get(reverse("cases:case_detail", args=[published.pk])).content.decode()
    unpublished_page = client.get(reverse("cases:case_detail", args=[unpublished.pk])).content.decode()
    assert reverse("reviews:comments", args=[unpublished.pk]) not in unpublished_page


def test_the_case_form_sets_the_service_area_and_each_outcomes_kind(client, submitter, draft):
    from cases.models import OutcomeKind, ServiceArea

    area = ServiceArea.objects.create(code="welfare", name="Welfare", name_local="복지")
    kind = OutcomeKind.objects.create(code="human_rights", name="Human rights", name_local="인권")
    sign_in(client, submitter)
    page = client.get(edit_url(draft, "purpose")).content.decode()
    assert 'name="service_area"' in page and "Welfare" in page
    purpose = PurposeFactory(code="service_improvement")
    data = {"purpose": purpose.pk, "service_area": area.pk, "save": "1"}
    assert client.post(edit_url(draft, "purpose"), data).status_code == 302
    data = {
        **management("outcomes", 1),
        "outcomes-0-kind": kind.pk,
        "outcomes-0-indicator": "Workers counselled",
        "save": "1",
    }
    assert client.post(edit_url(draft, "outcomes"), data).status_code == 302
    draft.refresh_from_db()
    assert draft.service_area == area
    assert list(draft.outcomes.values_list("kind__code", "indicator")) == [("human_rights", "Workers counselled")]
    assert draft.events.filter(kind=CaseEvent.Kind.UPDATED).first().changes["service_area"] == [None, "welfare"]
