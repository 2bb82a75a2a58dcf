import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

KOREAN_PO = Path(__file__).resolve().parents[2] / "locale" / "ko" / "LC_MESSAGES" / "django.po"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
def test_the_korean_catalogue_is_complete_and_its_formats_match():
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(KOREAN_PO)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr
    assert "untranslated" not in result.stderr


def test_korean_messages_of_the_layout_the_reviews_api_and_the_dashboard():
    with translation.override("ko"):
        assert translation.gettext("Local Government Innovation Awards") == "지방자치단체 혁신상"
        assert translation.gettext("Only reviewers can do this.") == "심사위원만 할 수 있습니다."
        assert translation.gettext("Note: Total is greater than 100% due to multiple counts.") == (
            "주: 중복 집계로 인해 합계가 100%를 넘습니다."
        )


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_every_string_of_the_source_is_in_the_korean_catalogue(tmp_path):
    """makemessages over a copy of the source adds nothing untranslated or fuzzy: a new English
    string without its Korean fails here, not in front of a Korean visitor."""
    project = KOREAN_PO.parents[3]
    copy = tmp_path / "project"
    ignored = shutil.ignore_patterns(".venv*", "node_modules", "vendor", ".git", "staticfiles", "*.mo", "__pycache__")
    shutil.copytree(project, copy, ignore=ignored)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ko", "--no-location", "--no-obsolete", "-v", "0"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "innovation.settings.test"},
    )
    assert result.returncode == 0, result.stderr
    catalogue = copy / "locale" / "ko" / "LC_MESSAGES" / "django.po"
    untranslated = subprocess.run(  # noqa: S603 - fixed arguments
        ["msgattrib", "--untranslated", "--no-wrap", str(catalogue)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(  # noqa: S603 - fixed arguments
        ["msgattrib", "--only-fuzzy", "--no-wrap", str(catalogue)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    missing = [line for line in (untranslated + fuzzy).splitlines() if line.startswith("msgid ") and line != 'msgid ""']
    assert missing == []
