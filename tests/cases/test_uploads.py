import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from cases.uploads import DOCX, XLSX, detect_content_type, download_name, validate_upload
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
    padded = PDF_BYTES[:9] + b"%" + b"0" * (ATTACHMENT_MAX_BYTES - len(PDF_BYTES) - 2) + b"\n" + PDF_BYTES[9:]
    assert len(padded) == ATTACHMENT_MAX_BYTES
    assert validate_upload(upload("exact.pdf", padded)) == "application/pdf"
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("big.pdf", PDF_BYTES + b"0" * (11 * 1024 * 1024)))
    assert error.value.messages == ["“big.pdf” is 11.0\xa0MB; files may be at most 10.0\xa0MB."]


def test_empty_file_is_refused():
    with pytest.raises(ValidationError, match="is empty"):
        validate_upload(upload("empty.pdf", b""))


# --- deep checks: zip bombs, macros, embedded programs, polyglots ------------------------------


def package(part: str, extra: dict[str, bytes] | None = None, content_types: str = "<Types/>", **kwargs) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, **kwargs) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(f"{part}/document.xml", "<doc/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def refusal(name: str, content: bytes) -> tuple[str, str]:
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, content))
    return error.value.error_list[0].code, error.value.messages[0]


@pytest.mark.skipif(connection.vendor == "postgresql", reason="no database involved: runs once, in the SQLite run")
def test_a_one_mebibyte_zip_that_expands_to_a_gibibyte_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<doc/>")
        with archive.open("word/media/filler.bin", "w", force_zip64=True) as filler:
            megabyte = bytes(1024 * 1024)
            for _ in range(1024):
                filler.write(megabyte)
    bomb = buffer.getvalue()
    assert len(bomb) < 1.1 * 1024 * 1024
    assert refusal("report.docx", bomb) == (
        "zip_bomb",
        "“report.docx” expands to more than 100.0\xa0MB when opened; it cannot be accepted.",
    )


def test_a_zip_whose_directory_understates_the_sizes_is_still_measured():
    payload = b"\0" * (120 * 1024 * 1024)
    honest = package("word", {"word/media/filler.bin": payload})
    # Rewrite the declared uncompressed size of the filler in both headers to 1 byte.
    size = len(payload).to_bytes(4, "little")
    lying = honest.replace(size, (1).to_bytes(4, "little"))
    assert lying != honest
    code, _message = refusal("sheet.docx", lying)
    assert code in ("zip_bomb", "damaged")


def test_too_many_parts_are_refused():
    crowded = package("xl", {f"xl/worksheets/sheet{n}.xml": b"<x/>" for n in range(2001)})
    assert refusal("data.xlsx", crowded)[0] == "too_many_parts"


@pytest.mark.parametrize(
    ("extra", "content_types"),
    [
        ({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"}, "<Types/>"),
        ({}, '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'),
    ],
)
def test_macros_are_refused(extra, content_types):
    assert refusal("minutes.docx", package("word", extra, content_types)) == (
        "macro",
        "“minutes.docx” contains macros. Save it as a document without macros (.docx or .xlsx) and upload it again.",
    )


@pytest.mark.parametrize(
    "extra",
    [
        {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0 ole"},
        {"word/media/setup.exe": b"anything"},
        {"word/media/image1.png": EXE_BYTES},
    ],
)
def test_embedded_objects_and_programs_are_refused(extra):
    assert refusal("plan.docx", package("word", extra))[0] == "embedded_object"


def test_a_plain_document_with_images_is_accepted():
    assert validate_upload(upload("plan.docx", package("word", {"word/media/image1.png": PNG_BYTES}))) == DOCX


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("photo.png", PNG_BYTES + package("word"), "PNG"),
        ("photo.jpg", JPEG_BYTES + b"<?php system($_GET['c']); ?>", "JPEG"),
        ("report.pdf", PDF_BYTES + EXE_BYTES, "PDF"),
        ("report.pdf", PDF_BYTES.replace(b"%%EOF", b"PK\x05\x06" + b"\0" * 18 + b"\n%%EOF"), "PDF"),
    ],
)
def test_polyglots_are_refused(name, content, kind):
    assert refusal(name, content) == (
        "polyglot",
        f"“{name}” has data hidden after the end of the {kind}; it cannot be accepted.",
    )


@pytest.mark.parametrize("action", [b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/J#61vaScript"])
def test_pdfs_that_run_scripts_start_programs_or_carry_files_are_refused(action):
    pdf = PDF_BYTES.replace(b"1 0 obj<<>>endobj", b"1 0 obj<<" + action + b" (x)>>endobj")
    assert refusal("form.pdf", pdf)[0] == "active_content"


def test_trailing_padding_of_images_is_tolerated():
    assert validate_upload(upload("scan.png", PNG_BYTES + b"\0" * 16)) == "image/png"


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("evil.pdf.exe", "application/pdf", "evil.pdf"),
        ("report", "application/pdf", "report.pdf"),
        ("Photo.JPEG", "image/jpeg", "Photo.JPEG"),
        ("scan.jpg", "image/jpeg", "scan.jpg"),
        ("table.xlsx.html", XLSX, "table.xlsx"),
        ("..\\..\\win.ini", "application/pdf", "win.pdf"),
        ("plan.docx", DOCX, "plan.docx"),
        (".exe", "image/png", "file.png"),
    ],
)
def test_the_download_name_ends_in_the_detected_type(name, content_type, expected):
    assert download_name(name, content_type) == expected
