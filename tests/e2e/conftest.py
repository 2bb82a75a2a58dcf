"""Browser tests in Debian's headless Chromium (Playwright cannot download browsers here)."""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


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
