import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.accounts.helpers import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", password="demo-password-123", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_dashboard_draws_every_chart_locally_without_csp_violations(page, live_server, foreign_requests, demo):
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    failed: list[str] = []
    page.on(
        "response",
        lambda response: (
            failed.append(response.url)
            if response.status >= 400 and not response.url.endswith("/favicon.ico")  # base layout has none
            else None
        ),
    )

    plotly_requests: list[str] = []
    page.on("request", lambda request: plotly_requests.append(request.url) if "plotly" in request.url else None)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/dashboard/")
    page.wait_for_load_state("networkidle")
    charts = page.locator("[data-figure]")
    count = charts.count()
    # Every table but the per-case feedback list and the feedback answers (nobody answered in the demo);
    # anonymous visitors have no award rate. The follow-ups and adoptions of the demo have theirs, and
    # so do the service areas, kinds of outcome and jargon by cycle.
    assert count == 13
    # On a phone the tables come first and plotly.js only when a chart comes near the screen.
    assert plotly_requests == []
    assert page.locator("[data-rendered=true]").count() == 0
    for index in range(count):
        charts.nth(index).scroll_into_view_if_needed()
        expect(charts.nth(index)).to_have_attribute("data-rendered", "true")
    assert plotly_requests == [live_server.url + "/static/vendor/plotly/plotly-basic.min.js"]
    # plotly drew SVG bars/lines into every chart.
    assert page.locator("[data-figure] svg.main-svg").count() >= count
    assert page.locator("#tier_representation [data-figure] g.trace.bars").count() == 2

    # The table beside the chart shows the study's figures.
    total = page.locator("#tier_representation tr[data-key=total]")
    assert total.locator("td").all_inner_texts() == ["42 (100.0)", "1,175,855", "246 (100.0)", "396,001", "1.00"]
    assert foreign_requests == []
    assert failed == []
    assert [line for line in console if "Content Security Policy" in line or "pageerror" in line] == []
    # (A missing resource shows in `failed` with its address; the console only says "Failed to load".)
    assert [line for line in console if line.startswith("error") and "Failed to load resource" not in line] == []


def test_cycle_filter_redraws_with_fewer_cases(page, live_server, demo):
    page.goto(live_server.url + "/dashboard/")
    checkbox = page.get_by_label("2006")
    assert checkbox.is_checked()
    page.locator("label", has_text="2006").click()  # KRDS draws the box on the label
    assert not checkbox.is_checked()
    page.get_by_role("button", name="Show statistics").click()
    page.wait_for_load_state()
    assert "cycle=2005" in page.url
    assert page.locator("#tier_representation tr[data-key=total] td").first.inner_text() == "21 (100.0)"
    chart = page.locator("#tier_representation [data-figure]")
    chart.scroll_into_view_if_needed()
    expect(chart).to_have_attribute("data-rendered", "true")


RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                          resultTypes: ["violations"]});
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}"""


def test_manager_view_in_korean_with_scope_and_award_rate_is_accessible(page, live_server, demo):
    from django.conf import settings
    from django.test import Client

    from accounts.models import User

    client = Client()
    sign_in(client, User.objects.get(username="manager"))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {"name": cookie.key, "value": cookie.value, "url": live_server.url},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "ko", "url": live_server.url},
        ]
    )
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(live_server.url + "/dashboard/?scope=submitted")
    chart = page.locator("#award_rate_by_tier [data-figure]")
    chart.scroll_into_view_if_needed()
    expect(chart).to_have_attribute("data-rendered", "true")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("input[name=scope][value=submitted]").is_checked()
    assert [line for line in console if "Content Security Policy" in line] == []
    # axe itself adds styles the CSP refuses, so the console is checked before it runs.
    page.add_script_tag(url=live_server.url + "/static/vendor/axe/axe.min.js")
    assert page.evaluate(RUN_AXE) == []
