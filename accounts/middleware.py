"""Two rules every request of a signed-in person passes through (after Django's and django-otp's
authentication middleware):

``SessionTimeoutMiddleware``: a session ends after ``SESSION_IDLE_TIMEOUT`` seconds without a
request and ``SESSION_ABSOLUTE_TIMEOUT`` seconds after the sign-in (ASVS V3.3). The next request
signs the person out and sends them to the login page, which says why (``accounts.sessions``).

``SecondFactorMiddleware``: managers, reviewers, admin staff and anyone who set up an
authenticator app must confirm a one-time code after the password. Until they do, they can only
reach the code page (or the enrolment page, if they have no app yet), sign out or switch language."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.api import error_response, is_api_request

from . import sessions
from .permissions import requires_second_factor

SESSION_ENDPOINTS = {"accounts:session_status", "accounts:session_extend"}
SECOND_FACTOR_EXEMPT = {
    "accounts:two_factor_verify",
    "accounts:two_factor_setup",
    "accounts:logout",
    "set_language",
    "javascript-catalog",
    "healthz",
    *SESSION_ENDPOINTS,
}


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


def _login_url(*, next_url: str, **params) -> str:
    query = {"next": next_url, **params} if next_url else params
    return f"{reverse('accounts:login')}?{urlencode(query)}"


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        at = sessions.now()
        reason = sessions.expiry_reason(request.session, at=at)
        name = _view_name(request)
        if reason is None:
            if name != "accounts:session_status":  # asking how long is left is not activity
                sessions.touch(request.session, at=at)
            request.session_seconds_left = sessions.seconds_left(request.session, at=at)
            return None
        path = request.get_full_path()
        logout(request)
        minutes = (settings.SESSION_IDLE_TIMEOUT if reason == "idle" else settings.SESSION_ABSOLUTE_TIMEOUT) // 60
        request.session[sessions.EXPIRED_KEY] = {
            "reason": reason,
            "minutes": minutes,
            "path": path,
            "method": request.method,
        }
        if name in SESSION_ENDPOINTS:
            return JsonResponse({"signed_in": False, "seconds_left": 0, "reason": reason}, status=401)
        if is_api_request(request):
            return error_response(
                401, code="session_expired", detail=_("Your session has ended. Please sign in again.")
            )
        return HttpResponseRedirect(
            _login_url(next_url=path if request.method == "GET" else request.path, expired=reason)
        )


def second_factor_pending(request) -> bool:
    """Signed in with the password, but the one-time code this person needs is not confirmed yet."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    return requires_second_factor(user) or bool(request.session.get(sessions.HAS_SECOND_FACTOR_KEY))


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _view_name(request) in SECOND_FACTOR_EXEMPT or not second_factor_pending(request):
            return None
        if is_api_request(request):
            return error_response(
                403,
                code="second_factor_required",
                detail=_("Confirm your sign-in with your authenticator app first."),
            )
        enrolled = request.session.get(sessions.HAS_SECOND_FACTOR_KEY)
        target = reverse("accounts:two_factor_verify" if enrolled else "accounts:two_factor_setup")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
