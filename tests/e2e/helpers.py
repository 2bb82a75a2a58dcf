"""Signing in through the login page, as a person does, including the authenticator code that
managers and reviewers are asked for."""

from __future__ import annotations

from accounts.models import User
from accounts.permissions import requires_second_factor
from tests.accounts.helpers import totp_code, totp_device


def log_in_with_password(page, live_server, username: str, password: str) -> None:
    user = User.objects.get(username=username)
    device = totp_device(user) if requires_second_factor(user) else None
    page.context.clear_cookies()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Password").press("Enter")
    page.wait_for_load_state()
    if device is not None:
        page.get_by_label("Code").fill(totp_code(device))
        page.get_by_label("Code").press("Enter")
        page.wait_for_load_state()
