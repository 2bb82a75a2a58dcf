import shutil
import subprocess
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
        assert translation.gettext("Only reviewers write reviews.") == "심사는 심사위원만 작성할 수 있습니다."
        assert translation.gettext("Note: Total is greater than 100% due to multiple counts.") == (
            "주: 중복 집계로 인해 합계가 100%를 넘습니다."
        )
