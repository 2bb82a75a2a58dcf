"""The review workflow in the browser: a submitted case (made with factories) is assigned, sent back
for revision and resubmitted, reviewed with the running weighted total, decided and published; then
the public sees the awarded practice and the submitter the reviewer's comment."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from cases.models import CaseState, CycleState, InnovationCase
from reviews.models import AwardDecision, Review, ReviewAssignment, ReviewState
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory, OutcomeFactory
from tests.e2e.helpers import log_in_with_password
from tests.governments.factories import CityFactory, ProvinceFactory
from tests.reviews.factories import CriterionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def log_in(page, live_server, username):
    log_in_with_password(page, live_server, username, PASSWORD)


def click(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def take_cycle_step(page, link, button):
    """A cycle step: its link opens the confirmation page; early steps need the warnings read."""
    page.get_by_role("link", name=link, exact=True).click()
    expect(page.locator("#cycle-step-summary")).to_be_visible()
    acknowledge = page.locator("#id_acknowledge")
    if acknowledge.count():
        page.locator("label[for=id_acknowledge]").click()
    click(page, button)


def test_submit_assign_revise_review_decide_publish(page, live_server):
    province = ProvinceFactory(code="37", name="Gyeongsangbuk-do")
    city = CityFactory(code="37050", name="Gumi", parent=province)
    submitter = SubmitterFactory(username="gumi-staff", government=city)
    ReviewerFactory(username="reviewer-kim", first_name="Min-jun", last_name="Kim")
    ReviewerFactory(username="reviewer-lee", government=province)
    ManagerFactory(username="boss")
    cycle = AwardCycleFactory(year=2098, title="2098 Awards")
    CriterionFactory(cycle=cycle, code="novelty", name="Novelty", weight=Decimal("2.00"), order=1)
    CriterionFactory(cycle=cycle, code="effect", name="Effectiveness", weight=Decimal("1.00"), order=2)
    AwardLevelFactory(cycle=cycle, code="grand", name="Grand Prize", rank=1, quota=1)
    case = CaseFactory(
        cycle=cycle,
        government=city,
        submitted=True,
        submitted_by=submitter,
        title="Web GIS for investors",
        obstacles=["lack_of_cooperation"],
        remedies=["induced_cooperation"],
    )
    OutcomeFactory(case=case, indicator="Days to get a factory permit")

    # The manager assigns a reviewer; the conflicting one is refused with the reason.
    log_in(page, live_server, "boss")
    page.get_by_role("link", name="Manage awards").click()
    page.get_by_role("link", name="2098 Awards").click()
    page.get_by_role("link", name="Assign reviewers").click()
    expect(page.get_by_text("reviewer-lee is affiliated with Gyeongsangbuk-do, the parent of Gumi")).to_be_visible()
    page.locator("#id_single-case").select_option(str(case.pk))
    page.locator("#id_single-reviewer").select_option(label="reviewer-lee (Gyeongsangbuk-do)")
    click(page, "Assign")
    expect(page.get_by_text("Conflict of interest: reviewer-lee is affiliated with")).to_be_visible()
    page.locator("#id_single-case").select_option(str(case.pk))
    page.locator("#id_single-reviewer").select_option(label="Min-jun Kim")
    click(page, "Assign")
    expect(page.get_by_text("The reviewer was assigned.")).to_be_visible()
    page.get_by_role("link", name="Overview").click()
    take_cycle_step(page, "Move to “Reviewing”", "Yes, move to “Reviewing”")
    expect(page.locator("#cycle-state")).to_have_text("Reviewing")

    # Revision round trip.
    page.goto(f"{live_server.url}/reviews/manage/cases/{case.pk}/")
    page.get_by_label("What should be revised").fill("Please add the permit statistics of 2005.")
    click(page, "Send back for revision")
    expect(page.locator("#case-state")).to_have_text("Revision requested")
    log_in(page, live_server, "gumi-staff")
    page.goto(f"{live_server.url}/my/cases/{case.pk}/")
    expect(page.locator("#revision-request")).to_contain_text("Please add the permit statistics of 2005.")
    page.goto(f"{live_server.url}/my/cases/{case.pk}/edit/review/")
    click(page, "Resubmit the case")
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW

    # The reviewer scores, sees the running total, saves a draft, then submits.
    log_in(page, live_server, "reviewer-kim")
    page.get_by_role("link", name="My reviews").click()
    page.get_by_role("link", name="Web GIS for investors").click()
    page.get_by_label("Novelty").fill("5")
    page.get_by_label("Effectiveness").fill("2")
    expect(page.locator("#weighted-total")).to_have_text("4")  # half-up, no trailing zeros
    page.get_by_label("Effectiveness").fill("3.5")  # not a whole number: named, not counted
    expect(page.locator("#weighted-total")).to_have_text("5")
    expect(page.locator("#weighted-total-excluded")).to_contain_text("Effectiveness")
    page.get_by_label("Novelty").fill("3")
    page.get_by_label("Effectiveness").fill("5")
    expect(page.locator("#weighted-total")).to_have_text("3.67")
    expect(page.locator("#weighted-total-excluded")).to_be_hidden()
    page.get_by_label("Novelty").fill("5")
    page.get_by_label("Effectiveness").fill("4")
    expect(page.locator("#weighted-total")).to_have_text("4.67")
    click(page, "Save draft")
    expect(page.get_by_text("Your draft was saved.")).to_be_visible()
    click(page, "Submit review")
    expect(page.get_by_text("Verify this outcome.", exact=True)).to_be_visible()
    expect(page.get_by_label("Novelty")).to_have_value("5")
    page.get_by_label("Days to get a factory permit").select_option("verified")
    page.get_by_label("Comment to the submitter").fill("Convincing, well-documented results.")
    page.get_by_label("Recommendation").select_option("award")
    page.locator("label[for=id_declared_no_conflict]").click()  # the KRDS check box
    expect(page.get_by_label("I declare that I have no conflict of interest with this case.")).to_be_checked()
    click(page, "Submit review")
    expect(page.get_by_text("Your review was submitted.")).to_be_visible()
    expect(page.get_by_text("Submitted", exact=True)).to_be_visible()
    review = Review.objects.get()
    assert (review.state, review.weighted_score) == (ReviewState.SUBMITTED, Decimal("4.6667"))

    # The manager ranks, decides and publishes.
    log_in(page, live_server, "boss")
    page.goto(f"{live_server.url}/reviews/manage/2098/")
    take_cycle_step(page, "Move to “Deciding”", "Yes, move to “Deciding”")
    page.get_by_role("link", name="Ranking").click()
    page.get_by_role("link", name="Mean", exact=True).click()
    expect(page.locator("table.ranking-table tbody tr").first).to_contain_text("4.67")
    page.get_by_role("link", name="Web GIS for investors").click()
    page.get_by_label("Award").select_option(label="Grand Prize")
    page.get_by_label("Rationale (English)").fill("Highest score with verified results.")
    click(page, "Record the decision")
    expect(page.locator("#decision")).to_contain_text("Grand Prize")
    page.goto(f"{live_server.url}/reviews/manage/2098/")
    take_cycle_step(page, "Publish the results", "Yes, publish the results")
    expect(page.get_by_text("The results are published.")).to_be_visible()
    cycle.refresh_from_db()
    assert cycle.state == CycleState.PUBLISHED
    assert AwardDecision.objects.get().case_id == case.pk
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.AWARDED

    # The submitter reads the comment; the public sees the awarded practice.
    log_in(page, live_server, "gumi-staff")
    page.goto(f"{live_server.url}/reviews/cases/{case.pk}/comments/")
    expect(page.get_by_text("Convincing, well-documented results.")).to_be_visible()
    page.context.clear_cookies()
    response = page.goto(f"{live_server.url}/practices/{case.pk}/")
    assert response.status == 200
    expect(page.locator("h1")).to_contain_text("Web GIS for investors")


RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                          resultTypes: ["violations"]});
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({
    id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""


def test_review_pages_are_accessible(page, live_server):
    from django.core.management import call_command

    call_command("load_demo", password=PASSWORD, stdout=open("/dev/null", "w"))  # noqa: SIM115
    open_assignment = ReviewAssignment.objects.filter(reviewer__username="reviewer1", case__cycle__year=2007).first()
    done = Review.objects.filter(assignment__reviewer__username="reviewer1").first()
    gumi_case = InnovationCase.objects.filter(government__code="37050", state=CaseState.AWARDED).first()
    pages = {
        "reviewer1": [
            "/reviews/",
            f"/reviews/assignments/{open_assignment.pk}/",
            f"/reviews/assignments/{done.assignment_id}/",
        ],
        "manager": [
            "/reviews/manage/",
            "/reviews/manage/2007/",
            "/reviews/manage/2007/assignments/",
            "/reviews/manage/2005/ranking/?sort=mean&dir=asc",
            "/reviews/manage/2005/decisions/",
            f"/reviews/manage/cases/{gumi_case.pk}/",
            f"/reviews/manage/cases/{open_assignment.case_id}/",
        ],
        "gumi": [f"/reviews/cases/{gumi_case.pk}/comments/"],
    }
    for language in ("en", "ko"):
        for username, paths in pages.items():
            log_in(page, live_server, username)
            page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
            for path in paths:
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                page.add_script_tag(url=live_server.url + "/static/vendor/axe/axe.min.js")
                assert page.evaluate(RUN_AXE) == [], f"{language} {path}"
