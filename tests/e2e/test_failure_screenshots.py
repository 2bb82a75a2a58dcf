"""A failed browser test leaves a full-page screenshot of each of its open pages where the log says:
a real pytest run (in a subprocess, with its own browser) of a test that fails with two pages open."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

CONFTEST = """
from tests.e2e.conftest import browser_type_launch_args, pytest_runtest_makereport, pytest_terminal_summary
"""
TESTS = """
def test_passes(page):
    page.set_content("<h1>Fine</h1>")


def test_fails_with_two_pages(page):
    page.set_content("<h1>First page</h1>")
    second = page.context.new_page()
    second.set_content("<h1>Second page</h1>" + "<p>long</p>" * 200)
    assert False, "failed on purpose"
"""


def test_a_failed_browser_test_saves_and_names_a_screenshot_of_each_open_page(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_inner.py").write_text(TESTS)
    stale = tmp_path / "test-artifacts" / "screenshots" / "test_fails_with_two_pages_chromium-3.png"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"from an earlier run")
    environment = {**os.environ, "PYTHONPATH": str(PROJECT)}
    run = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "pytest", "-p", "no:django", "-p", "no:cacheprovider", "--rootdir", str(tmp_path)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    names = ["test_fails_with_two_pages_chromium-1.png", "test_fails_with_two_pages_chromium-2.png"]
    saved = sorted(path.name for path in (tmp_path / "test-artifacts" / "screenshots").iterdir())
    assert saved == names
    for name in names:
        assert (tmp_path / "test-artifacts" / "screenshots" / name).read_bytes().startswith(PNG_SIGNATURE)
    # Full page: the long second page is taller than the 720 px viewport.
    second = (tmp_path / "test-artifacts" / "screenshots" / names[1]).read_bytes()
    assert int.from_bytes(second[20:24], "big") > 720
    # Named in the failure's report and in the summary at the end of the log.
    assert "Screenshots of the open pages" in run.stdout
    assert "screenshots of failed browser tests" in run.stdout
    assert run.stdout.count(f"test-artifacts/screenshots/{names[0]}") == 2
    assert run.stdout.count(f"test-artifacts/screenshots/{names[1]}") == 2
    assert "1 failed, 1 passed" in run.stdout
