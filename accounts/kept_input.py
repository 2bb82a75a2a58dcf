"""Input kept over a sign-in: a form sent after the session ended is not thrown away.

When a POST of the site is answered with a redirect to the login page that leads back to the same
page (``login_required``, or ``SessionTimeoutMiddleware`` signing the person out for inactivity),
``KeptInputMiddleware`` keeps what was sent in the session that continues through the sign-in
(``django.contrib.auth.login`` keeps the data of an anonymous session) — on the server, never in a
cookie or a URL. The form's view then calls ``take(request)`` on its next GET and draws the form
from that input, for the person to check and save. Files cannot be kept; their names are, so that
the page can ask for them again. The login page says so (``{% kept_input_notice %}``) under the
reason of the sign-out (``accounts.sessions.EXPIRED_KEY``); a redirect that does not carry that
reason yet (the timeout was noticed by the page's script, static/js/session-timeout.js, which then
sends the form) gets it added.

Only a POST that passed the CSRF check gets this far, so the kept input always comes from a page of
this site; when the person was known (signed out during this very request) only that person gets
it back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import QueryDict
from django.shortcuts import resolve_url
from django.utils import timezone

from core.api import is_api_request

from . import sessions

KEPT_KEY = "accounts.kept_input"
KEPT_FOR = dt.timedelta(days=1)
NOT_KEPT = {"csrfmiddlewaretoken", "go_to", "then_language"}


@dataclass(frozen=True)
class KeptInput:
    data: QueryDict
    file_names: list[str]


def _is_login_redirect(request, response) -> bool:
    """A redirect to the login page that comes back to this very page afterwards (``login_required``,
    a session timeout) — not, say, the language switcher returning to the login page."""
    if response.status_code not in (301, 302, 303, 307) or not response.has_header("Location"):
        return False
    location = urlsplit(response["Location"])
    if location.path != urlsplit(resolve_url(settings.LOGIN_URL)).path or request.path == location.path:
        return False
    next_url = parse_qs(location.query).get(REDIRECT_FIELD_NAME, [""])[0]
    return urlsplit(next_url).path == request.path


def _kept_data(request) -> dict[str, list[str]]:
    return {name: values for name, values in request.POST.lists() if name not in NOT_KEPT}


class KeptInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in_before = None
        if request.method == "POST" and not is_api_request(request):
            user = getattr(request, "user", None)
            signed_in_before = user.pk if user is not None and user.is_authenticated else None
        response = self.get_response(request)
        if (
            request.method == "POST"
            and not is_api_request(request)
            and hasattr(request, "session")
            and _is_login_redirect(request, response)
        ):
            self._keep(request, response, signed_in_before=signed_in_before)
        return response

    def _keep(self, request, response, *, signed_in_before) -> None:
        data = _kept_data(request)
        if not data and not request.FILES:
            return
        request.session[KEPT_KEY] = {
            "path": request.path,
            "data": data,
            "file_names": [file.name for file in request.FILES.values()],
            "user": signed_in_before,
            "at": timezone.now().isoformat(),
        }
        expired = sessions.expired_sign_out(request)
        location = urlsplit(response["Location"])
        query = parse_qs(location.query)
        if expired and "expired" not in query:
            query["expired"] = [expired["reason"]]
            response["Location"] = urlunsplit(location._replace(query=urlencode(query, doseq=True)))


def pending(request) -> dict | None:
    """The kept input waiting for a sign-in, if any (for the login page)."""
    session = getattr(request, "session", None)
    return session.get(KEPT_KEY) if session is not None else None


def take(request) -> KeptInput | None:
    """The input kept for this page (``request.path``) and this person, removed from the session;
    None when there is none."""
    kept = pending(request)
    if not kept or kept.get("path") != request.path or not request.user.is_authenticated:
        return None
    del request.session[KEPT_KEY]
    if kept.get("user") not in (None, request.user.pk):
        return None
    at = dt.datetime.fromisoformat(kept["at"])
    if timezone.now() - at > KEPT_FOR:
        return None
    data = QueryDict(mutable=True)
    for name, values in kept["data"].items():
        data.setlist(name, values)
    data._mutable = False
    return KeptInput(data=data, file_names=list(kept.get("file_names", [])))
