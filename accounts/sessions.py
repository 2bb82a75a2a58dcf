"""What the session keeps about the sign-in: when it started, the last activity, whether the user
has a second factor, and why the last session ended (for the login page and for a later re-login
that restores what the person was doing).

``EXPIRED_KEY`` is the hook for keeping a form's input across a forced re-login: when a session
times out, the new anonymous session holds ``{"reason": "idle"|"absolute", "minutes": N,
"path": ..., "method": "GET"|"POST"}`` and the login URL carries ``?expired=<reason>``."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django_otp import user_has_device

STARTED_KEY = "accounts.signed_in_at"
ACTIVITY_KEY = "accounts.last_activity"
HAS_SECOND_FACTOR_KEY = "accounts.has_second_factor"
EXPIRED_KEY = "accounts.expired_sign_out"
ACTIVITY_PRECISION = 60  # seconds: the last activity is written at most once a minute


def now() -> int:
    return int(time.time())


@receiver(user_logged_in)
def _remember_sign_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    moment = now()
    request.session[STARTED_KEY] = moment
    request.session[ACTIVITY_KEY] = moment
    request.session[HAS_SECOND_FACTOR_KEY] = user_has_device(user)


def expiry_reason(session, *, at: int) -> str | None:
    """ "absolute", "idle" or None (still valid) for a signed-in session at time ``at``."""
    started = session.get(STARTED_KEY, at)
    last = session.get(ACTIVITY_KEY, at)
    if at - started >= settings.SESSION_ABSOLUTE_TIMEOUT:
        return "absolute"
    if at - last >= settings.SESSION_IDLE_TIMEOUT:
        return "idle"
    return None


def seconds_left(session, *, at: int) -> int:
    """Seconds until the session ends by inactivity or by its absolute limit, whichever is first."""
    started = session.get(STARTED_KEY, at)
    last = session.get(ACTIVITY_KEY, at)
    idle_left = settings.SESSION_IDLE_TIMEOUT - (at - last)
    absolute_left = settings.SESSION_ABSOLUTE_TIMEOUT - (at - started)
    return max(0, min(idle_left, absolute_left))


def touch(session, *, at: int, force: bool = False) -> None:
    if STARTED_KEY not in session:  # signed in before this rule existed: start counting now
        session[STARTED_KEY] = at
    if force or at - session.get(ACTIVITY_KEY, 0) >= ACTIVITY_PRECISION:
        session[ACTIVITY_KEY] = at


def expired_sign_out(request) -> dict | None:
    """How the previous session of this browser ended, if it timed out."""
    return request.session.get(EXPIRED_KEY)
