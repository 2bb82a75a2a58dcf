import io

import pytest
from django.core.exceptions import ValidationError

from cases.uploads import DOCX, XLSX, detect_content_type, validate_upload
from core.limits import ATTACHMENT_MAX_BYTES
from tests.cases.helpers import EXE_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, office_bytes, upload


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF_BYTES, "application/pdf"),
        (PNG_BYTES, "image/png"),
        (JPEG_BYTES, "image/jpeg"),
        (office_bytes("word"), DOCX),
        (office_bytes("xl"), XLSX),
        (office_bytes("ppt"), None),
        (b"PK\x03\x04 not really a zip", None),
        (EXE_BYTES, None),
        (b"<html><script>alert(1)</script></html>", None),
        (b"GIF89a" + b"\x00" * 20, None),
    ],
)
def test_detect_content_type_by_magic_bytes(content, expected):
    assert detect_content_type(io.BytesIO(content)) == expected


def test_name_does_not_matter():
    assert validate_upload(upload("photo.exe", PNG_BYTES)) == "image/png"


def test_executable_named_pdf_is_refused_with_clear_message():
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("evidence.pdf", EXE_BYTES))
    assert error.value.messages == [
        "“evidence.pdf” is not a PDF, PNG, JPEG, DOCX or XLSX file (its content was checked, not its name)."
    ]


def test_size_limit_is_ten_megabytes():
    assert validate_upload(upload("exact.pdf", PDF_BYTES + b"0" * (ATTACHMENT_MAX_BYTES - len(PDF_BYTES)))) == (
        "application/pdf"
    )
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("big.pdf", PDF_BYTES + b"0" * (11 * 1024 * 1024)))
    assert error.value.messages == ["“big.pdf” is 11.0\xa0MB; files may be at most 10.0\xa0MB."]


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="is empty"):
        validate_upload(upload("empty.pdf", b""))
