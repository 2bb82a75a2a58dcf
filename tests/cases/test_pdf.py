"""The upload check reads what sits compressed in a PDF's object streams. The files come from qpdf
(through pikepdf), which writes object streams as office suites do, and by hand for what no writer
would produce but an attacker would."""

import io
import zlib

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from cases import pdf
from cases.uploads import validate_upload
from tests.cases.helpers import upload

pytestmark = pytest.mark.skipif(
    connection.vendor == "postgresql", reason="no database involved: runs once, in the SQLite run"
)

STREAMS = pikepdf.ObjectStreamMode.generate


def written(*, pages: int = 1, action: pikepdf.Dictionary | None = None, attachment: bytes | None = None, **save):
    """A PDF as qpdf writes it; ``action`` runs when it opens."""
    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page()
    if action is not None:
        document.Root.OpenAction = document.make_indirect(action)
    if attachment is not None:
        document.attachments["data.bin"] = pikepdf.AttachedFileSpec(document, attachment)
    buffer = io.BytesIO()
    document.save(buffer, **{"object_stream_mode": STREAMS, **save})
    return buffer.getvalue()


def script():
    return pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))


def by_hand(objects: bytes, *, dictionary: bytes = b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", data=None):
    """A PDF with one object stream holding ``objects`` (object 2), compressed unless ``data``."""
    stream = zlib.compress(b"2 0 " + objects) if data is None else data
    return (
        b"%PDF-1.5\n1 0 obj\n<< "
        + dictionary
        + b" /Length %d >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream\nendobj\ntrailer<< /Root 2 0 R >>\n%%EOF\n"
    )


def refusal(content: bytes) -> tuple[str, str]:
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("report.pdf", content))
    return error.value.error_list[0].code, error.value.messages[0]


ACTIVE = (
    "active_content",
    "“report.pdf” contains scripts, embedded files or actions that start programs; save it as a plain PDF.",
)


def test_a_script_that_sits_compressed_in_an_object_stream_is_refused():
    hidden = written(action=script())
    assert b"ObjStm" in hidden
    assert b"JavaScript" not in hidden  # what the check of the bytes alone let through
    assert refusal(hidden) == ACTIVE


def test_the_same_script_outside_object_streams_is_refused_as_before():
    assert refusal(written(action=script(), object_stream_mode=pikepdf.ObjectStreamMode.disable)) == ACTIVE


@pytest.mark.parametrize(
    "action",
    [
        pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe")),
        pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/"), JS=pikepdf.String("1")),
    ],
)
def test_actions_that_start_programs_in_an_object_stream_are_refused(action):
    assert refusal(written(action=action)) == ACTIVE


def test_an_embedded_file_listed_in_an_object_stream_is_refused():
    assert refusal(written(attachment=b"MZ")) == ACTIVE


def test_plain_documents_with_object_streams_are_accepted():
    assert validate_upload(upload("plan.pdf", written(pages=3))) == "application/pdf"
    link = pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://www.mois.go.kr/"))
    assert validate_upload(upload("link.pdf", written(action=link))) == "application/pdf"


def test_a_large_document_with_many_object_streams_is_read_within_its_allowance():
    large = written(pages=3000)
    streams = list(pdf.object_streams(large))
    assert len(streams) == large.count(b"/Type /ObjStm") == 31  # qpdf puts about 100 objects in each
    assert sum(stream.count(b"/Type /Page ") for stream in streams) == 3000
    assert validate_upload(upload("annex.pdf", large)) == "application/pdf"


@pytest.mark.parametrize(
    ("dictionary", "objects"),
    [
        # Name escapes in the stream's dictionary and in the objects.
        (b"/Type /Obj#53tm /N 1 /First 4 /Fil#74er /FlateDecode", b"<< /S /J#61vaScript /JS (x) >>"),
        # No /Type: pdf.js reads any stream with /First and /N as an object stream.
        (b"/N 1 /First 4 /Filter [/FlateDecode]", b"<< /S /JavaScript /JS (x) >>"),
        # A string and a comment that look like the end of the dictionary.
        (b"/Title (>> obj) stream) % >> stream\n /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", b"<< /JS (x) >>"),
        # A hex string holding '>>'.
        (b"/ID <3e3e> /Type /ObjStm /N 1 /First 4 /Filter /Fl", b"<< /Launch (x) >>"),
    ],
)
def test_hiding_the_object_stream_from_a_simple_reading_does_not_work(dictionary, objects):
    assert refusal(by_hand(objects, dictionary=dictionary)) == ACTIVE


def test_an_object_header_with_a_comment_inside_is_still_read():
    hidden = by_hand(b"<< /JS (x) >>").replace(b"1 0 obj\n", b"1 0 % an object\nobj\n")
    assert refusal(hidden) == ACTIVE


CANNOT_CHECK = (
    "“report.pdf” is built in a way this site cannot check. Save it again as a PDF (for example with "
    "“Print” and “Save as PDF”) and upload that copy."
)


@pytest.mark.parametrize(
    "dictionary",
    [
        b"/Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode",
        b"/Type /ObjStm /N 1 /First 4 /Filter [/ASCII85Decode /FlateDecode]",
        b"/Type /ObjStm /N 1 /First 4 /Filter 5 0 R",
        b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>",
        b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Filter /LZWDecode",
    ],
)
def test_object_streams_compressed_in_another_way_are_refused_as_unchecked(dictionary):
    assert refusal(by_hand(b"<< >>", dictionary=dictionary)) == ("compression", CANNOT_CHECK)


def test_an_object_stream_stored_uncompressed_is_read_by_the_check_of_the_bytes():
    stored = by_hand(b"<< /JS (x) >>", dictionary=b"/Type /ObjStm /N 1 /First 4", data=b"2 0 << /JS (x) >>")
    assert refusal(stored) == ACTIVE
    plain = by_hand(b"", dictionary=b"/Type /ObjStm /N 1 /First 4", data=b"2 0 << /Type /Catalog >>")
    assert validate_upload(upload("report.pdf", plain)) == "application/pdf"


def test_an_object_stream_that_is_not_compressed_data_is_refused_as_damaged():
    assert refusal(by_hand(b"", data=b"not deflate data")) == (
        "damaged",
        "“report.pdf” is a damaged PDF (a compressed part of it cannot be read).",
    )


def test_an_object_stream_that_inflates_beyond_the_limit_is_refused():
    bomb = by_hand(b"", data=zlib.compress(b" " * (pdf.OBJECT_STREAMS_MAX_BYTES + 1), 9))
    assert len(bomb) < 100 * 1024
    assert refusal(bomb) == (
        "bomb",
        "“report.pdf” expands to more than 64.0\xa0MB when opened; it cannot be accepted.",
    )


def test_encrypted_documents_with_object_streams_are_refused_with_a_way_out():
    protected = written(encryption=pikepdf.Encryption(owner="ministry", user=""))
    assert refusal(protected) == (
        "encrypted",
        "“report.pdf” is encrypted (protected with a password or against changes), so its content cannot be "
        "checked. Upload a copy without protection.",
    )


def test_encrypted_documents_without_object_streams_are_read_as_before():
    disable = pikepdf.ObjectStreamMode.disable
    protected = written(encryption=pikepdf.Encryption(owner="ministry", user=""), object_stream_mode=disable)
    assert validate_upload(upload("report.pdf", protected)) == "application/pdf"


def test_a_file_built_to_make_the_reading_quadratic_runs_out_of_its_allowance():
    # Each 'obj' opens a dictionary that only closes at the end: read from every one, that would be
    # 200,000 readings of up to a megabyte.
    crafted = b"%PDF-1.5\n" + b"1 0 obj << /A " * 200_000 + b">>" * 200_000 + b"\n%%EOF\n"
    assert refusal(crafted) == ("complex", CANNOT_CHECK)


@pytest.mark.django_db
def test_the_attachment_form_refuses_a_hidden_script_in_korean_and_keeps_nothing(client, submitter, cycle, settings):
    from django.urls import reverse

    from cases.models import Attachment
    from tests.cases.factories import CaseFactory

    settings.MEDIA_ROOT = "/nonexistent-media-root"  # nothing may be written
    draft = CaseFactory(government=submitter.government, cycle=cycle, title="Our draft")
    client.force_login(submitter)
    response = client.post(
        reverse("cases:case_edit", args=[draft.pk, "attachments"]),
        {"upload": "1", "kind": "evidence", "file": upload("계획서.pdf", written(action=script()))},
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "“계획서.pdf” 파일에 스크립트, 포함된 파일 또는 프로그램을 실행하는 동작이 있습니다." in body
    assert not Attachment.objects.exists()
