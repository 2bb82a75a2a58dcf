"""Signing in through the login page, as a person does, including the authenticator code that
managers and reviewers are asked for. Fields are found by id so that it works in both languages."""

from __future__ import annotations

from django.conf import settings

from accounts.models import User
from accounts.permissions import requires_second_factor
from tests.accounts.helpers import totp_code, totp_device


def fresh_browser(page, live_server, language: str | None = None) -> None:
    """Forget every cookie (another person at another computer), keeping the chosen language."""
    page.context.clear_cookies()
    if language:
        page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])


def submit_password(page, live_server, username: str, password: str) -> None:
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()


def log_in_with_password(
    page, live_server, username: str, password: str, *, language: str | None = None, fresh: bool = True
) -> None:
    user = User.objects.get(username=username)
    device = totp_device(user) if requires_second_factor(user) else None
    if fresh:
        fresh_browser(page, live_server, language)
    submit_password(page, live_server, username, password)
    if device is not None:
        page.locator("#id_code").fill(totp_code(device))
        page.locator("#id_code").press("Enter")
        page.wait_for_load_state()


def one_page_pdf(text: str) -> bytes:
    """A small but real PDF (an A4 page with one line of ``text``, a correct cross-reference table)
    that PDF readers open, rather than the few bytes that only pass the upload checks."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = f"BT /F1 18 Tf 72 770 Td ({escaped}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)
