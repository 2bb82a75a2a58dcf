"""Browser tests in Debian's headless Chromium (Playwright cannot download browsers here).

When a browser test fails, a full-page screenshot of every page still open in its browser is saved
to ``test-artifacts/screenshots/<test>-<n>.png`` (git-ignored); the failure report and the terminal
summary name the files, so that a CI log says where to look."""

import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = Path("/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
SCREENSHOTS = Path("test-artifacts") / "screenshots"
SCREENSHOT_TIMEOUT_MS = 10_000
_saved_screenshots = pytest.StashKey[list[Path]]()


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI needs /usr/bin/chromium for the browser tests (.ci/run installs it).")
    skip = pytest.mark.skip(reason="Chromium not installed (apt-get install chromium)")
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    }


@pytest.fixture
def foreign_requests(page, live_server):
    """Every request the page makes to a host other than the live server."""
    own = urlparse(live_server.url).netloc
    seen: list[str] = []
    page.on(
        "request",
        lambda request: (
            seen.append(request.url)
            if urlparse(request.url).netloc not in ("", own) and not request.url.startswith("data:")
            else None
        ),
    )
    return seen


# --- screenshots of failures -------------------------------------------------------------------


def open_pages(funcargs: dict) -> list[Page]:
    """Every open page of the browsers a test used: its ``page`` and the contexts it made itself
    (one per person in the longer journeys)."""
    browsers: list[Browser] = []
    for value in funcargs.values():
        if isinstance(value, Page):
            value = value.context
        if isinstance(value, BrowserContext):
            value = value.browser
        if isinstance(value, Browser) and value not in browsers:
            browsers.append(value)
    pages = [page for browser in browsers for context in browser.contexts for page in context.pages]
    return [page for page in pages if not page.is_closed()]


def screenshot_name(test_name: str) -> str:
    """A file name from a test's name: ``test_x[chromium-ko]`` -> ``test_x_chromium-ko``."""
    return re.sub(r"[^\w.-]+", "_", test_name).strip("_")


def save_screenshots(pages: list[Page], directory: Path, test_name: str) -> list[Path]:
    """A full-page screenshot of each page as ``<test>-<n>.png``; a page that cannot be taken (it
    crashed, or the browser is gone) is left out rather than hiding the test's own failure."""
    directory.mkdir(parents=True, exist_ok=True)
    name = screenshot_name(test_name)
    for stale in directory.glob(f"{name}-*.png"):  # from an earlier run with more pages
        stale.unlink()
    saved = []
    for page in pages:
        path = directory / f"{name}-{len(saved) + 1}.png"
        try:
            page.screenshot(path=str(path), full_page=True, timeout=SCREENSHOT_TIMEOUT_MS)
        except PlaywrightError:
            continue
        saved.append(path)
    return saved


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    # While the report of the failed step is made, the test's pages are still open (teardown is next).
    if report.when not in ("setup", "call") or not report.failed:
        return
    pages = open_pages(getattr(item, "funcargs", {}))
    if not pages:
        return
    root = item.config.rootpath
    saved = save_screenshots(pages, root / SCREENSHOTS, item.name)
    if saved:
        shown = [str(path.relative_to(root)) for path in saved]
        report.sections.append(("Screenshots of the open pages", "\n".join(shown)))
        item.config.stash.setdefault(_saved_screenshots, []).extend(saved)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    saved = config.stash.get(_saved_screenshots, [])
    if not saved:
        return
    terminalreporter.section("screenshots of failed browser tests")
    terminalreporter.write_line(f"{len(saved)} screenshot(s) in {config.rootpath / SCREENSHOTS}:")
    for path in saved:
        terminalreporter.write_line(f"  {path.relative_to(config.rootpath)}")
