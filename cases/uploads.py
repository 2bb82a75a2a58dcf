"""Checks on uploaded files: the type is decided by the content (magic bytes), never by the name
or the browser's claim. PDF, PNG, JPEG, and DOCX / XLSX (zip packages holding ``word/`` or ``xl/``);
10 MB each."""

from __future__ import annotations

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.limits import ATTACHMENT_MAX_BYTES

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    DOCX: "DOCX",
    XLSX: "XLSX",
}
ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx"


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
    if kind is not None and kind.mime in ("application/pdf", "image/png", "image/jpeg"):
        return kind.mime
    return None


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
    return content_type
