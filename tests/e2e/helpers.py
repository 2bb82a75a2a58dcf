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
