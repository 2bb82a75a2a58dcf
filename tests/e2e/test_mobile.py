"""A 390 px phone (iPhone 12-15 width), every page of every role in both languages: the KRDS mobile
menu works (button with aria-expanded/aria-controls, focus kept inside while open, Escape closes),
no page is wider than the screen, and no table cell is narrower than its text."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import User
from cases.models import CaseState, InnovationCase
from cases.selectors import public_cases
from reviews.models import ReviewAssignment
from tests.accounts.helpers import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}

# Elements sticking out of the screen that are not inside something that scrolls or clips them.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return true;
      if (style.position === "fixed") return true;
    }
    return false;
  };
  const out = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (element.closest("#mobile-nav, .sr-only, [hidden], script, style, noscript")) continue;
    const rect = element.getBoundingClientRect();
    if (!rect.width || !rect.height) continue;
    if (rect.right > width + 1 && !clipped(element)) {  // off to the left (a honeypot) adds no scrolling
      const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "");
      out.push(name + "." + String(element.className).replace(/ /g, ".") + " right edge " + Math.round(rect.right));
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
}"""

# Table cells whose content is wider than the cell (text printed over the neighbours or cut off).
SQUEEZED_CELLS = """() => Array.from(document.querySelectorAll("main th, main td"))
  .filter((cell) => cell.getClientRects().length && cell.scrollWidth > cell.clientWidth + 1)
  .map((cell) => cell.textContent.trim().slice(0, 40) + " (" + cell.scrollWidth + " > " + cell.clientWidth + ")")"""


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", password="demo-password-123", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield context
    context.close()


def open_as(context, live_server, language: str, username: str | None = None):
    context.clear_cookies()
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    if username:
        client = Client()
        sign_in(client, User.objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


def check_menu(page) -> None:
    opener = page.locator('#krds-header button[aria-controls="mobile-nav"]')
    expect(opener).to_be_visible()
    expect(opener).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".krds-main-menu")).to_be_hidden()  # the desktop menu does not fit
    opener.click()
    expect(opener).to_have_attribute("aria-expanded", "true")
    drawer = page.locator("#mobile-nav")
    expect(drawer.get_by_role("dialog")).to_be_visible()
    assert page.evaluate("document.activeElement.closest('#mobile-nav') !== null")
    links = drawer.locator(".gnb-menu a")
    assert links.count() >= 4
    # Tab and Shift+Tab cycle inside the open menu; the page behind is inert.
    for key in ["Tab"] * 14 + ["Shift+Tab"] * 16:
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.closest('#mobile-nav') !== null"), key
    assert page.evaluate("document.getElementById('main-content').closest('[inert]') !== null")
    page.keyboard.press("Escape")
    expect(opener).to_have_attribute("aria-expanded", "false")
    expect(drawer).to_be_hidden()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "mobile-nav"
    assert page.evaluate("document.getElementById('main-content').closest('[inert]')") is None


def check_layout(page, path: str) -> None:
    found = page.evaluate(OVERFLOWING)
    assert found["scrollWidth"] <= found["width"] and found["out"] == [], f"{path} is wider than the screen: {found}"
    squeezed = page.evaluate(SQUEEZED_CELLS)
    assert squeezed == [], f"{path}: cells narrower than their text: {squeezed}"


def walk(context, live_server, language: str, username: str | None, paths: list[str]) -> None:
    page = open_as(context, live_server, language, username)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for index, path in enumerate(paths):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language
        check_layout(page, path)
        if index == 0 or path.startswith(("/practices/", "/dashboard/")) or "edit" in path or "assignments/" in path:
            check_menu(page)
        else:  # the full keyboard walk once per kind of page; elsewhere the menu opens and closes
            page.locator('button[aria-controls="mobile-nav"]').click()
            expect(page.locator("#mobile-nav .gnb-menu")).to_be_visible()
            page.keyboard.press("Escape")
            expect(page.locator("#mobile-nav")).to_be_hidden()
    assert errors == []


def public_paths() -> list[str]:
    seosan = public_cases().get(government__code="34050")
    return [
        "/",
        reverse("practices:practice_list"),
        reverse("practices:practice_list") + "?tier=city&ict=true",
        reverse("practices:practice_detail", args=[seosan.pk]),
        reverse("dashboard:index"),
        reverse("practices:open_data"),
        reverse("accounts:login"),
    ]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_public_pages(phone, live_server, demo, language):
    walk(phone, live_server, language, None, public_paths())


@pytest.mark.parametrize("language", ["en", "ko"])
def test_submitter_pages(phone, live_server, demo, language):
    cases = InnovationCase.objects.filter(government__code="37050")
    draft = cases.get(state=CaseState.DRAFT)
    in_review = cases.get(state=CaseState.IN_REVIEW)
    awarded = cases.get(state=CaseState.AWARDED)
    paths = [
        reverse("cases:my_cases"),
        reverse("cases:case_new"),
        *[reverse("cases:case_edit", args=[draft.pk, section]) for section in ["basics", "obstacles", "remedies"]],
        *[reverse("cases:case_edit", args=[draft.pk, section]) for section in ["outcomes", "attachments", "review"]],
        reverse("cases:case_detail", args=[draft.pk]),
        reverse("cases:case_detail", args=[in_review.pk]),
        reverse("cases:case_detail", args=[awarded.pk]),
        reverse("cases:case_withdraw", args=[draft.pk]),
        reverse("reviews:comments", args=[awarded.pk]),
        reverse("accounts:account"),
        reverse("dashboard:index"),
    ]
    walk(phone, live_server, language, "gumi", paths)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_reviewer_pages(phone, live_server, demo, language):
    assignments = ReviewAssignment.objects.filter(reviewer__username="reviewer1")
    open_one = assignments.filter(case__state=CaseState.IN_REVIEW).first()
    done = assignments.filter(case__state=CaseState.AWARDED).first()
    paths = [
        reverse("reviews:my_assignments"),
        reverse("reviews:review", args=[open_one.pk]),
        reverse("reviews:review", args=[done.pk]),
        reverse("accounts:account"),
        reverse("dashboard:index") + "?scope=submitted",
    ]
    walk(phone, live_server, language, "reviewer1", paths)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_manager_pages(phone, live_server, demo, language):
    case = InnovationCase.objects.filter(state=CaseState.IN_REVIEW).first()
    paths = [reverse("reviews:manage")]
    for year in [2005, 2007]:
        paths += [
            reverse(name, args=[year])
            for name in ["reviews:cycle", "reviews:assignment", "reviews:ranking", "reviews:decisions"]
        ]
    paths += [
        reverse("reviews:case", args=[case.pk]),
        reverse("practices:feedback_moderation"),
        reverse("accounts:manage_invitations"),
        reverse("accounts:manage_staff"),
        reverse("audit_log"),
        reverse("accounts:account"),
        reverse("dashboard:index") + "?scope=submitted",
    ]
    walk(phone, live_server, language, "manager", paths)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_practice_filters_fold_behind_a_toggle_so_results_come_first(phone, live_server, demo, language):
    page = open_as(phone, live_server, language)
    page.goto(live_server.url + reverse("practices:practice_list") + "?ict=true")
    toggle = page.locator(".practice-filters .btn-conts-expand")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    search = page.locator("#id_q")
    expect(search).to_be_hidden()
    # The first results are on the first screen.
    first_result = page.locator(".practice-items .c-tit a").first
    assert first_result.bounding_box()["y"] + 40 < PHONE["height"]
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(search).to_be_visible()
    expect(page.locator("#id_ict")).to_have_value("true")  # the applied filters are kept
    search.fill("bird")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "q=bird" in page.url


def test_filters_are_open_on_a_wide_screen(page, live_server, demo):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("practices:practice_list"))
    expect(page.locator("#id_q")).to_be_visible()
    expect(page.locator(".practice-filters .btn-conts-expand")).to_be_hidden()
    expect(page.locator('button[aria-controls="mobile-nav"]')).to_be_hidden()
    expect(page.locator(".krds-main-menu")).to_be_visible()


def test_wide_tables_scroll_with_a_cue_and_keep_their_first_column(phone, live_server, demo):
    page = open_as(phone, live_server, "en", "manager")
    page.goto(live_server.url + reverse("reviews:ranking", args=[2005]))
    wrap = page.locator(".table-scroll-wrap").first
    region = wrap.locator(".table-scroll")
    expect(region).to_have_attribute("role", "region")
    expect(region).to_have_attribute("tabindex", "0")
    assert region.get_attribute("aria-labelledby") == "ranking-caption"
    expect(wrap.locator(".table-scroll-cue")).to_be_visible()
    first_cell = region.locator("tbody tr").first.locator("td").first
    before = first_cell.bounding_box()["x"]
    region.evaluate("(element) => { element.scrollLeft = element.scrollWidth; }")
    expect(wrap).to_have_class(re.compile(r"\bis-at-end\b"))
    assert abs(first_cell.bounding_box()["x"] - before) < 1  # sticky: still in view
    region.focus()  # and reachable from the keyboard
    page.keyboard.press("ArrowLeft")
