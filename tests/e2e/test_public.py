"""The public site in the browser: DESIGN.md issue 6's "done when" as one visitor's journey."""

import re

import pytest
from django.core.management import call_command

from cases.selectors import public_cases

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SEOSAN_EN = "Migratory Birds of Cheonsu Bay as a Cultural Asset"
SEOSAN_KO = "천수만 철새를 활용한 지역 문화자산화"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", password="demo-password-123", stdout=open("/dev/null", "w"))  # noqa: SIM115


def result_titles(page) -> list[str]:
    return page.locator(".practice-results .c-tit a").all_inner_texts()


def test_visitor_searches_filters_and_leaves_feedback_once(page, live_server, foreign_requests, demo):
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    # Search "birds" from the home page, in English.
    page.goto(live_server.url + "/")
    page.get_by_label("Search the awarded practices").fill("birds")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/practices/\?q=birds"))
    assert result_titles(page) == [SEOSAN_EN]

    # The same in Korean: "철새".
    page.get_by_role("button", name="한국어").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ko"
    search = page.locator("#id_q")
    search.fill("철새")
    search.press("Enter")
    page.wait_for_url(re.compile(r"q=%EC%B2%A0%EC%83%88"))
    assert result_titles(page) == [SEOSAN_KO]
    assert "서산시" in page.locator(".practice-results .c-gov").first.inner_text()
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()

    # ICT cases in metropolitan cities: a shareable URL.
    page.goto(live_server.url + "/practices/")
    page.locator("label[for=id_tier_metropolis]").click()  # KRDS styles the label as the box
    page.get_by_label("ICT as the major means").select_option("true")
    page.locator(".filter-actions").get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"tier=metropolis.*ict=true|ict=true.*tier=metropolis"))
    expected = public_cases().filter(tier="metropolis", uses_ict=True).count()
    assert expected > 0
    heading = page.locator("#results-heading").inner_text()
    assert heading == f"{expected} practices found"
    items = page.locator(".practice-results .structured-item")
    assert items.count() == min(expected, 12)
    for index in range(items.count()):
        badges = items.nth(index).locator(".krds-badge").all_inner_texts()
        assert "Metropolis" in badges and "ICT" in badges
    shared = page.url
    page.goto(shared)  # the address alone reproduces the search
    assert page.locator("#results-heading").inner_text() == heading

    # Open the Seosan practice and answer once.
    page.goto(live_server.url + "/practices/?q=birds")
    page.get_by_role("link", name=SEOSAN_EN).click()
    assert page.locator("h1").inner_text() == SEOSAN_EN
    detail_url = page.url
    second_tab = page.context.new_page()
    second_tab.goto(detail_url)  # opened before answering: it still shows the form

    page.locator("label[for=id_felt_0]").click()
    page.get_by_label("Comment (optional)").fill("We see many more visitors in winter.")
    page.get_by_role("button", name="Send my answer").click()
    page.wait_for_load_state()
    assert "Thank you for your answer." in page.locator(".messages").inner_text()
    assert "You answered “Yes”" in page.locator("#feedback").inner_text()
    yes_row = page.locator(".felt-table tbody tr").first
    assert yes_row.locator("td").all_inner_texts() == ["1", "100.0"]

    # The second try (from the tab opened earlier) is refused politely.
    second_tab.locator("label[for=id_felt_1]").click()
    second_tab.get_by_role("button", name="Send my answer").click()
    second_tab.wait_for_load_state()
    assert "You have already answered for this practice — thank you." in second_tab.locator(".messages").inner_text()
    assert second_tab.locator(".felt-table tbody tr").first.locator("td").all_inner_texts() == ["1", "100.0"]

    assert foreign_requests == []
    assert [line for line in console if "Content Security Policy" in line] == []


def test_api_docs_work_under_the_csp_and_load_nothing_from_another_host(page, live_server, foreign_requests):
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    page.goto(live_server.url + "/api/v1/docs/")
    page.wait_for_selector(".opblock", timeout=15000)
    tags = page.locator(".opblock-tag").all_inner_texts()
    assert {"cases", "governments"} <= {tag.split("\n")[0].strip() for tag in tags}
    assert page.locator(".opblock").count() >= 5
    assert foreign_requests == []
    assert [line for line in console if "Content Security Policy" in line or "pageerror" in line] == []


def test_open_data_downloads_from_the_page(page, live_server, demo):
    page.goto(live_server.url + "/open-data/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="All practices as CSV").click()
    download = download_info.value
    assert download.suggested_filename == "innovation-awards-cases.csv"
    text = open(download.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert len(text.strip().splitlines()) == 43  # header + the 42 awarded cases (no newline in demo texts)
