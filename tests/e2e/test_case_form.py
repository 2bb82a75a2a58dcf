"""A submitter fills a case across all sections in the browser, saves, comes back, submits and
sees it in "My cases" as submitted; an unassigned reviewer and the public get 404 for it."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import CaseState, InnovationCase
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.cases.factories import (
    AwardCycleFactory,
    ObstacleTypeFactory,
    ParticipantKindFactory,
    PurposeFactory,
    RemedyTypeFactory,
)
from tests.cases.helpers import PDF_BYTES
from tests.e2e.helpers import log_in_with_password

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def log_in(page, live_server, username):
    log_in_with_password(page, live_server, username, PASSWORD, fresh=False)


def choose(page, label):
    """Tick a KRDS radio button or checkbox the way a person does: by its visible label."""
    page.locator("label", has_text=re.compile(f"^{re.escape(label)}$")).click()
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_load_state()


def test_submitter_fills_saves_returns_and_submits(page, live_server, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    submitter = SubmitterFactory(username="gumi-staff")
    ReviewerFactory(username="reviewer-x")
    AwardCycleFactory(year=2107, title="2107 Awards")
    PurposeFactory(code="service_improvement")
    ObstacleTypeFactory(code="lack_of_cooperation")
    RemedyTypeFactory(code="induced_cooperation")
    ParticipantKindFactory(code="citizens")

    log_in(page, live_server, submitter.username)
    page.get_by_role("link", name="My cases").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")
    page.get_by_role("link", name="Start a new case").click()

    # 1. Basics
    page.get_by_label("Title (English)").fill("Web GIS for investors")
    page.get_by_label("Summary (English)").fill("A one-stop service to attract and keep firms.")
    save_and_continue(page)
    # 2. Purpose and ICT — the step indicator marks the current step for assistive technology.
    expect(page.locator('[aria-current="step"]')).to_contain_text("Purpose and ICT")
    choose(page, "Service improvement")
    choose(page, "ICT was the major means")
    page.get_by_label("How ICT was used (English)").fill("A web-based geographic information system")
    # Keyboard: focus the button and press Enter.
    page.get_by_role("button", name="Save and continue").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    # 3. Obstacles
    expect(page.locator('[aria-current="step"]')).to_contain_text("Obstacles")
    page.get_by_label(re.compile(r"^Obstacle\b")).select_option(label="Lack of cooperation")
    page.get_by_label("How it showed (English)").fill("Departments guarded their data.")
    save_and_continue(page)
    # 4. Remedies
    page.get_by_label(re.compile(r"^Remedy\b")).select_option(label="Induced cooperation")
    page.get_by_label("What was done (English)").fill("Joint workshops.")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    case = InnovationCase.objects.get()
    assert case.state == CaseState.DRAFT

    # Leave and come back later: everything is still there.
    page.goto(live_server.url + "/my/cases/")
    page.get_by_role("link", name="Web GIS for investors", exact=True).click()
    page.get_by_role("link", name="Edit the draft").click()
    expect(page.get_by_label("Title (English)")).to_have_value("Web GIS for investors")
    page.get_by_role("link", name=re.compile("Remedies")).click()
    expect(page.get_by_label("What was done (English)").first).to_have_value("Joint workshops.")
    page.get_by_role("link", name=re.compile("Outcomes and evidence")).click()

    # 5. Outcomes
    page.get_by_label("Indicator (English)").fill("Days to get a factory permit")
    page.get_by_label("Unit (English)").fill("days")
    page.get_by_label("Baseline").fill("30")
    page.get_by_label("Result").fill("7")
    save_and_continue(page)
    # 6. Participation
    choose(page, "Consult")
    choose(page, "Citizens")
    save_and_continue(page)
    # 7. Attachments
    page.locator("#id_file").set_input_files(
        files=[{"name": "survey.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()
    expect(page.get_by_role("link", name="survey.pdf")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    # 8. Review and submit
    expect(page.get_by_text("Everything needed is there.")).to_be_visible()
    page.get_by_role("button", name="Submit the case").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The case was submitted.")).to_be_visible()

    page.get_by_role("link", name="My cases").first.click()
    row = page.locator(f'tr[data-case="{case.pk}"]')
    expect(row.locator(".state-badge")).to_have_text("Submitted")
    case.refresh_from_db()
    assert (case.state, case.tier, case.population, case.uses_ict) == (CaseState.SUBMITTED, "city", 300_000, True)
    assert case.attachments.count() == 1

    # An unassigned reviewer and an anonymous visitor get 404 for it.
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    for path in (f"/my/cases/{case.pk}/", f"/api/v1/cases/{case.pk}/"):
        assert page.goto(live_server.url + path).status == 404
    log_in(page, live_server, "reviewer-x")
    for path in (f"/my/cases/{case.pk}/", f"/api/v1/cases/{case.pk}/"):
        assert page.goto(live_server.url + path).status == 404


def test_add_row_button_adds_a_formset_row(page, live_server):
    submitter = SubmitterFactory(username="adder")
    cycle = AwardCycleFactory(year=2108)
    ObstacleTypeFactory(code="lack_of_cooperation")
    ObstacleTypeFactory(code="legal_constraint")
    case = InnovationCase.objects.create(cycle=cycle, government=submitter.government, title="Rows")
    log_in(page, live_server, "adder")
    page.goto(live_server.url + f"/my/cases/{case.pk}/edit/obstacles/")
    page.get_by_role("button", name="Add another entry").click()
    selects = page.locator("select[name$='-type']")
    expect(selects).to_have_count(2)
    selects.nth(0).select_option(label="Lack of cooperation")
    selects.nth(1).select_option(label="Legal constraint")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    assert sorted(case.obstacles.values_list("obstacle_type__code", flat=True)) == [
        "lack_of_cooperation",
        "legal_constraint",
    ]
