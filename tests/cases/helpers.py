"""Small test helpers for the cases tests: a complete draft and minimal valid files."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from cases.models import CaseObstacle, CaseRemedy
from tests.cases.factories import CaseFactory, ObstacleTypeFactory, OutcomeFactory, RemedyTypeFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 32 + b"\x00\x00\x00\x00IEND\xaeB`\x82"
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 32 + b"\xff\xd9"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def office_bytes(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{part}/document.xml", "<doc/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def complete_draft(**kwargs):
    """A draft that passes the completeness check (for ``government`` / ``cycle`` given)."""
    case = CaseFactory(**kwargs)
    CaseObstacle.objects.create(case=case, obstacle_type=ObstacleTypeFactory(), description="Shop owners resisted.")
    CaseRemedy.objects.create(case=case, remedy_type=RemedyTypeFactory(), description="Hearings.")
    OutcomeFactory(case=case)
    return case
