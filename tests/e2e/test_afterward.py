"""After the award, in the browser: the beat task asks Gumi for its one-year follow-up report; Gumi's
staff file it and a reviewer verifies it; Seosan records that it adapted Gumi's practice and Gumi
confirms; the practice page and the dashboard then show both."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from afterward.models import Adoption, AdoptionState, FollowUpReport, ReportState
from afterward.tasks import remind_follow_ups
from cases.models import Outcome
from outbox.models import OutboxMessage
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, CaseFactory, OutcomeFactory
from tests.e2e.helpers import log_in_with_password
from tests.governments.factories import CityFactory, ProvinceFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def log_in(page, live_server, username):
    log_in_with_password(page, live_server, username, PASSWORD)


def click(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def test_follow_up_report_verified_and_adoption_confirmed_show_on_the_practice_page_and_dashboard(page, live_server):
    gyeongbuk = ProvinceFactory(code="37", name="Gyeongsangbuk-do", name_local="경상북도")
    chungnam = ProvinceFactory(code="34", name="Chungcheongnam-do", name_local="충청남도")
    gumi = CityFactory(code="37050", name="Gumi", name_local="구미시", parent=gyeongbuk)
    seosan = CityFactory(code="34050", name="Seosan", name_local="서산시", parent=chungnam)
    SubmitterFactory(username="gumi-staff", government=gumi)
    SubmitterFactory(username="seosan-staff", government=seosan)
    ReviewerFactory(username="reviewer-kim", first_name="Min-jun", last_name="Kim")
    published = timezone.now() - dt.timedelta(days=365 + 20)
    cycle = AwardCycleFactory(year=2097, title="2097 Awards", published=True, closed=True, published_at=published)
    case = CaseFactory(cycle=cycle, government=gumi, awarded=True, title="Web GIS for investors", uses_ict=True)
    permit = OutcomeFactory(case=case, indicator="Days to a permit", baseline=30, result=7, order=1)

    assert remind_follow_ups() == 1  # what Celery beat runs
    assert OutboxMessage.objects.filter(kind="afterward.follow_up_due").count() == 1
    report = FollowUpReport.objects.get()

    # Gumi files the report: refused without evidence, then accepted.
    log_in(page, live_server, "gumi-staff")
    page.get_by_role("link", name="Follow-ups").first.click()
    page.locator("#own-reports").get_by_role("link", name="Web GIS for investors").click()
    page.locator("#id_status").select_option("expanded")
    page.locator("#id_running_cost").fill("45000000")
    page.locator(f"#id_value_{permit.pk}").fill("5")
    click(page, "Submit the follow-up report")
    expect(page.get_by_text("Give the evidence of the current value.", exact=True)).to_be_visible()
    page.locator(f"#id_evidence_local_{permit.pk}").fill("2098년 공장 허가 대장")
    page.locator(f"#id_evidence_{permit.pk}").fill("Factory permit register, 2098")
    click(page, "Submit the follow-up report")
    expect(page.get_by_text("Your follow-up report was submitted. A reviewer will verify it.")).to_be_visible()
    expect(page.locator("#report-state")).to_have_text("Awaiting verification")

    # A reviewer verifies it.
    log_in(page, live_server, "reviewer-kim")
    page.get_by_role("link", name="Follow-ups").first.click()
    page.locator("#to-verify").get_by_role("link", name="Web GIS for investors").click()
    expect(page.locator("#report-values")).to_contain_text("Factory permit register, 2098")
    page.get_by_label("Verification: Days to a permit").select_option("verified")
    page.get_by_label("Note to the government").fill("Checked against the register.")
    click(page, "Record the verification")
    expect(page.get_by_text("The follow-up report is verified.")).to_be_visible()
    expect(page.locator("#report-state")).to_have_text("Verified")
    report.refresh_from_db()
    assert report.state == ReportState.VERIFIED

    # Seosan records that it adapted the practice.
    log_in(page, live_server, "seosan-staff")
    page.goto(f"{live_server.url}/practices/{case.pk}/")
    page.get_by_role("link", name="Record that my government adopted it").click()
    page.locator("#id_kind").select_option("adapted")
    page.locator("#id_adopted_on").fill(str(timezone.localdate() - dt.timedelta(days=60)))
    page.locator("#id_outcomes_local").fill("허가 기간 21일 → 9일")
    click(page, "Record the adoption")
    expect(page.get_by_text("Say what your government changed.", exact=True)).to_be_visible()
    page.locator("#id_changes_local").fill("읍면 단위 민원실과 연계")
    click(page, "Record the adoption")
    expect(page.get_by_text("Your government's adoption is recorded.")).to_be_visible()

    # Gumi confirms it.
    log_in(page, live_server, "gumi-staff")
    page.get_by_role("link", name="Follow-ups").first.click()
    adoption = Adoption.objects.get()
    page.locator(f"label[for=confirm-{adoption.pk}]").click()
    click(page, "Send the answer")
    expect(page.get_by_text("The adoption is confirmed and listed on the practice's page.")).to_be_visible()
    adoption.refresh_from_db()
    assert adoption.state == AdoptionState.CONFIRMED

    # Anyone: the practice page shows the timeline and the adopter; the dashboard counts both.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/practices/{case.pk}/")
    timeline = page.locator("#practice-timeline")
    expect(timeline.locator('[data-key="follow_up_1"]')).to_contain_text("Expanded")
    expect(timeline.locator('[data-key="follow_up_1"]')).to_contain_text("verified by a reviewer")
    expect(timeline.locator('[data-key="follow_up_3"]')).to_contain_text("due on")
    expect(page.locator("#timeline-values")).to_contain_text("Days to a permit")
    expect(page.locator("#adopters")).to_contain_text("Seosan")
    expect(page.locator("#adopters")).to_contain_text("읍면 단위 민원실과 연계")

    page.goto(f"{live_server.url}/dashboard/")
    sustainability = page.locator("#sustainability")
    expect(sustainability.locator('tr[data-key="1"]')).to_contain_text("1 of 1 (100.0)")
    expect(sustainability.locator(".stats-chart")).to_have_count(1)
    flows = page.locator("#adoption_flows")
    expect(flows.locator('tr[data-key="city"]')).to_contain_text("1 (100.0)")
    expect(flows.locator("#most-adopted")).to_contain_text("Web GIS for investors")
    assert Outcome.objects.count() == 1
