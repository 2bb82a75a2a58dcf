"""Checks on uploaded files: the type is decided by the content (magic bytes), never by the name
or the browser's claim. PDF, PNG, JPEG, and DOCX / XLSX (zip packages holding ``word/`` or ``xl/``),
``core.limits.ATTACHMENT_MAX_BYTES`` each.

Beyond the type, what could harm whoever opens the file later is refused:
- zip packages that expand far beyond their size (zip bombs), or hold too many entries;
- macros (``vbaProject.bin``, macro-enabled content types) and embedded objects or executables;
- files that are two things at once (polyglots): bytes after a PNG's or JPEG's end, a zip or an
  executable hidden after a PDF's end, and PDFs that launch programs, run JavaScript or carry
  embedded files — also where those sit compressed in the PDF's object streams (``cases.pdf``),
  and PDFs whose object streams cannot be read to tell (encrypted, compressed in another way).
The download name always ends in the extension of the detected type (``download_name``)."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import PurePosixPath

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cases import pdf
from core.limits import ATTACHMENT_MAX_BYTES

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ALLOWED_TYPES = {PDF: "PDF", PNG: "PNG", JPEG: "JPEG", DOCX: "DOCX", XLSX: "XLSX"}
EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", DOCX: ".docx", XLSX: ".xlsx"}
ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx"

# A real report or spreadsheet of 10 MB expands to a few tens of MB and has at most a few hundred parts.
ZIP_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
ZIP_MAX_ENTRIES = 2000
EXECUTABLE_SUFFIXES = frozenset(
    [
        ".exe",
        ".dll",
        ".com",
        ".scr",
        ".msi",
        ".bat",
        ".cmd",
        ".ps1",
        ".vbs",
        ".vbe",
        ".js",
        ".jse",
        ".wsf",
        ".jar",
        ".sh",
        ".hta",
        ".cpl",
        ".lnk",
    ]
)
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")
# PDF names that run code, start programs or carry other files. Names may be written with #xx
# escapes (/J#61vaScript), which are decoded before matching.
PDF_ACTIVE_CONTENT = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)\b")
ZIP_END_OF_DIRECTORY = b"PK\x05\x06"
PNG_END = b"IEND\xaeB`\x82"
JPEG_END = b"\xff\xd9"


def _office_type(file) -> str | None:
    """DOCX or XLSX when the file is a zip package with the Word or Excel part; otherwise None."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    return None


def detect_content_type(file) -> str | None:
    """The allowed content type the file's bytes show, or None."""
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    if not head:
        return None
    if head.startswith(b"PK\x03\x04"):
        return _office_type(file)
    kind = filetype.guess(head)
    if kind is not None and kind.mime in (PDF, PNG, JPEG):
        return kind.mime
    return None


def _refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def _check_package(file, name: str) -> None:
    """A DOCX or XLSX: bounded expansion, no macros, no embedded objects or programs."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            if len(entries) > ZIP_MAX_ENTRIES:
                _refuse(
                    _("“%(name)s” holds %(count)s parts; a document may hold at most %(max)s.")
                    % {"name": name, "count": len(entries), "max": ZIP_MAX_ENTRIES},
                    "too_many_parts",
                )
            if sum(entry.file_size for entry in entries) > ZIP_MAX_UNCOMPRESSED_BYTES:
                _refuse(_bomb_message(name), "zip_bomb")
            content_types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in archive.namelist() else b""
            if b"macroEnabled" in content_types or b"vbaProject" in content_types:
                _refuse(_macro_message(name), "macro")
            expanded = 0
            for entry in entries:
                part = PurePosixPath(entry.filename)
                lowered = entry.filename.lower()
                if part.name.lower() == "vbaproject.bin" or lowered.endswith(".vba"):
                    _refuse(_macro_message(name), "macro")
                if "/embeddings/" in f"/{lowered}" or part.suffix.lower() in EXECUTABLE_SUFFIXES:
                    _refuse(_embedded_message(name), "embedded_object")
                # Read every part in full, counting what it really expands to: sizes in the zip's
                # directory can lie.
                with archive.open(entry) as stream:
                    first = stream.read(4)
                    if first.startswith(EXECUTABLE_MAGIC):
                        _refuse(_embedded_message(name), "embedded_object")
                    expanded += len(first)
                    while chunk := stream.read(1024 * 1024):
                        expanded += len(chunk)
                        if expanded > ZIP_MAX_UNCOMPRESSED_BYTES:
                            _refuse(_bomb_message(name), "zip_bomb")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError):
        _refuse(_("“%(name)s” is a damaged document and cannot be checked.") % {"name": name}, "damaged")
    finally:
        file.seek(0)


def _bomb_message(name: str, limit: int = ZIP_MAX_UNCOMPRESSED_BYTES) -> str:
    return _("“%(name)s” expands to more than %(max)s when opened; it cannot be accepted.") % {
        "name": name,
        "max": filesizeformat(limit),
    }


def _macro_message(name: str) -> str:
    return _(
        "“%(name)s” contains macros. Save it as a document without macros (.docx or .xlsx) and upload it again."
    ) % {"name": name}


def _embedded_message(name: str) -> str:
    return _("“%(name)s” contains an embedded object or program. Remove it and upload the document again.") % {
        "name": name
    }


def _read_all(file) -> bytes:
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def _polyglot_message(name: str, kind: str) -> str:
    return _("“%(name)s” has data hidden after the end of the %(kind)s; it cannot be accepted.") % {
        "name": name,
        "kind": kind,
    }


def _check_pdf(data: bytes, name: str) -> None:
    end = data.rfind(b"%%EOF")
    if end == -1:
        _refuse(_("“%(name)s” is a damaged PDF (it has no end marker).") % {"name": name}, "damaged")
    # Incremental updates end in their own %%EOF; after the last one only whitespace may follow. A
    # zip reader looks for its directory in the last 64 KB, so none may hide there either.
    if data[end + 5 :].strip() or ZIP_END_OF_DIRECTORY in data[-65 * 1024 :]:
        _refuse(_polyglot_message(name, "PDF"), "polyglot")
    try:
        for objects in itertools.chain([pdf.unescape_names(data)], pdf.object_streams(data)):
            if PDF_ACTIVE_CONTENT.search(objects):
                _refuse(
                    _(
                        "“%(name)s” contains scripts, embedded files or actions that start programs; "
                        "save it as a plain PDF."
                    )
                    % {"name": name},
                    "active_content",
                )
    except pdf.Unreadable as unreadable:
        _refuse(_unreadable_pdf_message(name, unreadable.reason), unreadable.reason)


def _unreadable_pdf_message(name: str, reason: str) -> str:
    if reason == "bomb":
        return _bomb_message(name, pdf.OBJECT_STREAMS_MAX_BYTES)
    if reason == "encrypted":
        return _(
            "“%(name)s” is encrypted (protected with a password or against changes), so its content "
            "cannot be checked. Upload a copy without protection."
        ) % {"name": name}
    if reason == "damaged":
        return _("“%(name)s” is a damaged PDF (a compressed part of it cannot be read).") % {"name": name}
    # "compression" or "complex": nothing wrong is known, but the check cannot tell.
    return _(
        "“%(name)s” is built in a way this site cannot check. Save it again as a PDF (for example with "
        "“Print” and “Save as PDF”) and upload that copy."
    ) % {"name": name}


def _check_image(data: bytes, name: str, *, end_marker: bytes, kind: str) -> None:
    end = data.rfind(end_marker)
    if end == -1:
        _refuse(_("“%(name)s” is a damaged %(kind)s image.") % {"name": name, "kind": kind}, "damaged")
    if data[end + len(end_marker) :].strip(b"\x00"):
        _refuse(_polyglot_message(name, kind), "polyglot")


def validate_upload(file) -> str:
    """Return the file's content type, or raise ``ValidationError`` with a clear message."""
    name = getattr(file, "name", "") or _("The file")
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
        file.seek(0)
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    if size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(max)s.")
            % {"name": name, "size": filesizeformat(size), "max": filesizeformat(ATTACHMENT_MAX_BYTES)},
            code="too_large",
        )
    content_type = detect_content_type(file)
    if content_type is None:
        raise ValidationError(
            _("“%(name)s” is not a PDF, PNG, JPEG, DOCX or XLSX file (its content was checked, not its name).")
            % {"name": name},
            code="file_type",
        )
    if content_type in (DOCX, XLSX):
        _check_package(file, name)
    elif content_type == PDF:
        _check_pdf(_read_all(file), name)
    elif content_type == PNG:
        _check_image(_read_all(file), name, end_marker=PNG_END, kind="PNG")
    else:
        _check_image(_read_all(file), name, end_marker=JPEG_END, kind="JPEG")
    return content_type


def download_name(original_name: str, content_type: str) -> str:
    """The name a file is downloaded under: the uploaded name with the extension of what the file
    really is (``evil.pdf.exe`` holding a PDF downloads as ``evil.pdf``)."""
    extension = EXTENSIONS[content_type]
    path = PurePosixPath(original_name.replace("\\", "/")).name
    stem, dot, suffix = path.rpartition(".")
    if not dot:
        stem, suffix = path, ""
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix == extension or (extension == ".jpg" and suffix == ".jpeg"):
        return path
    if stem.lower().endswith(extension):
        return stem
    return f"{stem or 'file'}{extension}"
