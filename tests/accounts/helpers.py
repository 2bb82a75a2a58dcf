"""Signing in staff in tests: managers and reviewers need a confirmed second factor (as in real
life), so tests sign them in through ``sign_in``, which also verifies an authenticator app.
Tests of the two-factor rule itself use ``client.force_login`` (password only) on purpose."""

from __future__ import annotations

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import sessions
from accounts.permissions import requires_second_factor


def totp_device(user) -> TOTPDevice:
    """The user's confirmed authenticator app, created when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)


def totp_code(device: TOTPDevice) -> str:
    """The code the app shows now. django-otp accepts each time step once; tests that sign in
    the same person twice within 30 seconds get a usable code because the last step is forgotten."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_totp_code(device: TOTPDevice) -> str:
    """A code the app shows at none of the time steps the device accepts now (a fixed "000000"
    would be right about once in 200,000 runs). Two steps of margin beyond the tolerance."""
    now = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    margin = device.tolerance + 2
    accepted = {hotp(device.bin_key, step, digits=device.digits) for step in range(now - margin, now + margin + 1)}
    return f"{min(set(range(len(accepted) + 1)) - accepted):0{device.digits}d}"


def sign_in(client, user) -> None:
    """``client.force_login(user)`` plus, for people who need one, a verified second factor."""
    client.force_login(user)
    if requires_second_factor(user) or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
        session[sessions.HAS_SECOND_FACTOR_KEY] = True
        session.save()
