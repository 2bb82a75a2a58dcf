"""Nothing typed is lost and nothing irreversible happens on one click, in the browser (issue 10,
items 4, 5, 7): the unsaved-changes dialog on step links and the language switch, the browser's own
warning when the page is closed, the error summary, a file chosen but not uploaded, input kept over
an expired session, the cycle confirmation pages and the branded error pages — half in Korean, on a
desktop and on a 390 px phone."""

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from cases.models import Attachment, CaseState, CycleState, InnovationCase
from tests.accounts.factories import ManagerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, CaseFactory, OutcomeFactory
from tests.cases.helpers import PDF_BYTES
from tests.e2e.helpers import log_in_with_password

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
AXE_URL = "/static/vendor/axe/axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                          resultTypes: ["violations"]});
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({
    id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""


def log_in(page, live_server, username, *, language="en"):
    log_in_with_password(page, live_server, username, PASSWORD, language=language)


def no_axe_violations(page, live_server):
    page.add_script_tag(url=live_server.url + AXE_URL)
    assert page.evaluate(RUN_AXE) == []


@pytest.fixture
def draft():
    submitter = SubmitterFactory(username="gumi-staff")
    cycle = AwardCycleFactory(year=2110, title="2110 Awards", title_local="2110년 혁신상")
    return CaseFactory(cycle=cycle, government=submitter.government, title="Web GIS")


def edit(live_server, case, section):
    return f"{live_server.url}/my/cases/{case.pk}/edit/{section}/"


# --- the unsaved-changes dialog --------------------------------------------------------------


def test_a_step_link_asks_before_unsaved_input_is_lost(page, live_server, draft):
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "basics"))
    # Nothing changed: a step link just goes there.
    page.get_by_role("link", name=re.compile("Purpose and ICT")).click()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Purpose and ICT")
    page.go_back()

    page.locator("#id_title").fill("Web GIS for investors")
    page.get_by_role("link", name=re.compile("Outcomes and evidence")).click()
    dialog = page.locator("#unsaved-changes-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("heading")).to_have_text("You have unsaved changes")
    assert page.evaluate("document.activeElement.dataset.choice") == "stay"  # the safe choice has the focus
    page.keyboard.press("Escape")  # Escape means "stay"
    expect(dialog).to_be_hidden()
    expect(page.locator("#id_title")).to_have_value("Web GIS for investors")
    assert page.url == edit(live_server, draft, "basics")

    page.get_by_role("link", name=re.compile("Outcomes and evidence")).click()
    dialog.get_by_role("button", name="Save and go on").click()
    page.wait_for_url(edit(live_server, draft, "outcomes"))
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    assert InnovationCase.objects.get(pk=draft.pk).title == "Web GIS for investors"

    page.locator("#id_outcomes-0-indicator").fill("Days to get a permit")
    page.locator(".main-nav").get_by_role("link", name="My cases").click()
    dialog.get_by_role("button", name="Leave without saving").click()
    page.wait_for_url(f"{live_server.url}/my/cases/")
    assert not draft.outcomes.exists()


def test_input_typed_before_the_guard_has_loaded_still_counts(page, live_server, draft):
    """On a slow phone a person types before the page's scripts have run: what they typed is not
    what the page was drawn with, so leaving still asks."""
    log_in(page, live_server, "gumi-staff")
    held = []
    page.route("**/unsaved_changes*.js", lambda route: held.append(route))
    # A deferred script holds DOMContentLoaded back: the page is drawn, its script still on the way.
    page.goto(edit(live_server, draft, "basics"), wait_until="commit")
    page.locator("#id_title").fill("Web GIS for investors")
    assert len(held) == 1
    held[0].continue_()
    page.wait_for_load_state("load")
    page.get_by_role("link", name=re.compile("Outcomes and evidence")).click()
    expect(page.locator("#unsaved-changes-dialog")).to_be_visible()


def test_the_language_switch_asks_and_can_save_first_in_korean(page, live_server, draft):
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "basics"))
    page.locator("#id_title_local").fill("투자자를 위한 웹 GIS")
    page.get_by_role("button", name="한국어").click()
    dialog = page.locator("#unsaved-changes-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Save and go on").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.url == edit(live_server, draft, "basics")
    expect(page.locator("#id_title_local")).to_have_value("투자자를 위한 웹 GIS")
    assert InnovationCase.objects.get(pk=draft.pk).title_local == "투자자를 위한 웹 GIS"

    # In Korean: leaving without saving switches back and drops what was typed.
    page.locator("#id_summary_local").fill("저장하지 않을 요약")
    page.get_by_role("button", name="English").click()
    expect(dialog.get_by_role("heading")).to_have_text("저장하지 않은 변경 사항이 있습니다")
    dialog.get_by_role("button", name="저장하지 않고 나가기").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("#id_summary_local")).to_have_value("원스톱 민원실.")


def test_closing_the_page_with_unsaved_input_triggers_the_browsers_warning(page, live_server, draft):
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "basics"))
    page.locator("#id_champion").fill("The mayor")
    seen = []

    def on_dialog(dialog):
        seen.append(dialog.type)
        dialog.dismiss()  # stay

    page.on("dialog", on_dialog)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert seen == ["beforeunload"]


def test_a_refused_form_has_a_focused_summary_and_still_counts_as_unsaved(page, live_server, draft):
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "basics"))
    page.locator("#id_contact_email").fill("not an address")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    summary.get_by_role("link", name=re.compile("Contact email")).click()
    expect(page.locator("#id_contact_email")).to_be_focused()
    no_axe_violations(page, live_server)

    # What was typed is not saved yet: switching language asks, and lands on a page, not on a 405.
    page.get_by_role("button", name="한국어").click()
    page.locator("#unsaved-changes-dialog").get_by_role("button", name="Leave without saving").click()
    page.wait_for_load_state()
    assert page.url == edit(live_server, draft, "basics")
    assert page.locator("html").get_attribute("lang") == "ko"


def test_switching_language_after_a_refused_submit_is_not_a_405(page, live_server, draft):
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "review"))
    page.get_by_role("button", name="Submit the case").click()
    page.wait_for_load_state()
    expect(page.locator("#submission-problems")).to_be_visible()
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="한국어").click()
    assert navigation.value.status == 200
    assert page.url == edit(live_server, draft, "review")
    assert page.locator("html").get_attribute("lang") == "ko"


# --- a file chosen but not uploaded ---------------------------------------------------------


def test_continue_with_a_chosen_file_asks_and_uploads_it(page, live_server, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "attachments"))
    files = [{"name": "survey.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    page.locator("#id_file").set_input_files(files=files)
    page.locator("#attachments-continue").click()
    dialog = page.locator("#unsent-file-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("“survey.pdf” is chosen but not uploaded yet.")
    dialog.get_by_role("button", name="Stay on this page").click()
    expect(dialog).to_be_hidden()
    page.locator("#attachments-continue").click()
    dialog.get_by_role("button", name="Upload it and continue").click()
    page.wait_for_url(edit(live_server, draft, "review"))
    assert list(Attachment.objects.values_list("original_name", flat=True)) == ["survey.pdf"]

    page.goto(edit(live_server, draft, "attachments"))
    page.locator("#id_file").set_input_files(files=[{**files[0], "name": "draft-notes.pdf"}])
    page.locator("#attachments-continue").click()
    dialog.get_by_role("button", name="Continue without it").click()
    page.wait_for_url(edit(live_server, draft, "review"))
    assert Attachment.objects.count() == 1


def test_without_javascript_continue_still_uploads_the_chosen_file(browser, live_server, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "attachments"))
    page.locator("#id_file").set_input_files(
        files=[{"name": "survey.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.locator("#attachments-continue").click()
    page.wait_for_url(edit(live_server, draft, "review"))
    assert Attachment.objects.count() == 1
    context.close()


# --- a session that ends while the form is open --------------------------------------------------


def test_when_the_idle_timeout_signs_out_the_page_sends_its_unsaved_input_to_be_kept(
    page, live_server, draft, settings
):
    """Nobody answers the idle warning: the page does not just go to the login page and drop what was
    typed; it sends the form, the server keeps it, and it is back after signing in — in Korean."""
    settings.SESSION_IDLE_TIMEOUT = 12
    settings.SESSION_WARNING_BEFORE = 4
    log_in(page, live_server, "gumi-staff", language="ko")
    page.goto(edit(live_server, draft, "basics"))
    page.locator("#id_description").fill("자리를 비운 사이에 남긴 긴 설명")
    expect(page.locator("#session-timeout")).to_be_visible(timeout=12000)  # the warning; nobody answers
    expect(page.locator("#kept-input-notice")).to_be_visible(timeout=15000)
    expect(page.locator("#session-expired")).to_contain_text("활동이 없어 로그아웃되었습니다")
    expect(page.locator("#kept-input-notice")).to_contain_text("보내시던 내용은 사라지지 않았습니다.")
    assert InnovationCase.objects.get(pk=draft.pk).description == ""
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    page.locator("#id_username").fill("gumi-staff")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(edit(live_server, draft, "basics"))
    expect(page.locator("#id_description")).to_have_value("자리를 비운 사이에 남긴 긴 설명")
    assert InnovationCase.objects.get(pk=draft.pk).description == ""
    # Still unsaved: leaving asks first, and saving goes on.
    page.get_by_role("link", name=re.compile("목적 및 ICT")).click()
    expect(page.locator("#unsaved-changes-dialog")).to_be_visible()
    page.locator("#unsaved-changes-dialog").get_by_role("button", name="저장하고 이동").click()
    page.wait_for_url(edit(live_server, draft, "purpose"))
    assert InnovationCase.objects.get(pk=draft.pk).description == "자리를 비운 사이에 남긴 긴 설명"


def test_input_sent_after_the_session_vanished_is_back_after_signing_in(page, live_server, draft):
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "basics"))
    page.locator("#id_champion").fill("The mayor, who started it")
    Session.objects.all().delete()  # the session ends on the server while the page is open
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state()
    expect(page.locator("#kept-input-notice")).to_be_visible()
    page.locator("#id_username").fill("gumi-staff")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(edit(live_server, draft, "basics"))
    expect(page.locator("#id_champion")).to_have_value("The mayor, who started it")


# --- the dialog on a phone ----------------------------------------------------------------------


def test_the_dialog_fits_a_390px_phone(page, live_server, draft):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "gumi-staff")
    page.goto(edit(live_server, draft, "basics"))
    page.locator("#id_title").fill("Changed on a phone")
    page.locator('button[aria-controls="mobile-nav"]').click()  # on a phone the switch is in the menu
    page.locator("#mobile-nav").get_by_role("button", name="한국어").click()
    expect(page.locator("#mobile-nav")).to_be_hidden()
    dialog = page.locator("#unsaved-changes-dialog")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844
    for name in ("Stay on this page", "Leave without saving", "Save and go on"):
        button = dialog.get_by_role("button", name=name).bounding_box()
        assert button["width"] >= 300 and button["height"] >= 40  # full width, easy to tap
    no_axe_violations(page, live_server)


# --- cycle steps through their confirmation page --------------------------------------------------


def test_a_cycle_step_needs_its_confirmation_page_and_happens_once(page, live_server):
    ManagerFactory(username="boss")
    cycle = AwardCycleFactory(year=2111, title="2111 Awards")
    CaseFactory.create_batch(2, cycle=cycle)
    OutcomeFactory(case=CaseFactory(cycle=cycle, submitted=True))
    log_in(page, live_server, "boss")
    page.goto(f"{live_server.url}/reviews/manage/2111/")
    page.locator("#cycle-next-step").click()
    page.wait_for_load_state()
    expect(page.locator("#cycle-step-title")).to_have_text("Move 2111 Awards to “Reviewing”?")
    expect(page.locator('#cycle-step-figures [data-figure="drafts_closing"]')).to_have_text("2")
    expect(page.locator("#cycle-step-warnings")).to_contain_text("The submission deadline is")
    no_axe_violations(page, live_server)

    page.locator("#confirm-cycle-step").click()  # without reading the warnings
    page.wait_for_load_state()
    expect(page.locator("#error-summary")).to_be_focused()
    assert InnovationCase.objects.filter(cycle=cycle, state=CaseState.DRAFT).count() == 2
    cycle.refresh_from_db()
    assert cycle.state == CycleState.OPEN

    # The same confirmation page, open in a second tab (as after the back button, or for a colleague).
    second = page.context.new_page()
    second.goto(page.url.split("?")[0] + "?to_state=reviewing")
    page.locator("label[for=id_acknowledge]").click()
    page.locator("#confirm-cycle-step").click()
    page.wait_for_load_state()
    expect(page.locator("#cycle-state")).to_have_text("Reviewing")
    second.locator("label[for=id_acknowledge]").click()
    second.locator("#confirm-cycle-step").click()
    second.wait_for_load_state()
    expect(second.get_by_text("The cycle is already “Reviewing”")).to_be_visible()
    expect(second.locator("#cycle-state")).to_have_text("Reviewing")
    cycle.refresh_from_db()
    assert cycle.state == CycleState.REVIEWING


# --- branded error pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "home"),
    [("en", "Page not found", "Back to the home page"), ("ko", "페이지를 찾을 수 없습니다", "홈으로 돌아가기")],
)
def test_the_404_page_is_branded_accessible_and_leads_home(page, live_server, language, title, home):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    response = page.goto(live_server.url + "/no-such-page/")
    assert response.status == 404
    expect(page.locator("#error-title")).to_have_text(title)
    no_axe_violations(page, live_server)
    page.get_by_role("link", name=home).click()
    page.wait_for_url(live_server.url + "/")
