import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_renders_with_krds_styles_served_locally(page, live_server, foreign_requests):
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text() == "Local Government Innovation Awards"
    # The KRDS stylesheet was applied: Pretendard GOV is the body font.
    assert "Pretendard GOV" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert failed == []
    assert foreign_requests == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main-content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_language_switcher_shows_korean(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="한국어").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("h1").first.inner_text() == "지방자치단체 혁신상"
