"""Request-wide middleware (DESIGN.md §9).

``RequestIdMiddleware`` goes first in ``MIDDLEWARE``: it takes the id the trusted proxy sent
(``X-Request-ID``) or makes one, returns it in the response, and writes one access-log line per
request. ``DatabaseRetryMiddleware`` goes right after it: when the error handler
(``innovation.views.server_error``) has marked the response as "database unavailable" and the method
is safe, it closes the broken connections and runs the request once more; otherwise the branded 503
stands. Since a safe request is retried on a lost connection, it skips Django's health check of a
persistent connection (``CONN_HEALTH_CHECKS``: a ``SELECT 1`` before a request's first query, one
round trip on every request): a dead connection fails its first query instead, and the retry runs
on a new one. Writes are not retried, so they keep the check.

``SecurityHeadersMiddleware`` sets the response headers every page and API answer carries:

- ``Permissions-Policy``: the browser features this site never uses stay off (``PERMISSIONS_POLICY``).
- ``Cache-Control: private, no-store`` on every answer to a signed-in person or an API client that
  sent credentials: nothing personal may stay in a shared proxy or the browser's disk cache. The
  check runs on the way out, so DRF's token authentication (which sets ``request.user`` during the
  view) counts too, and so does a refused token (the ``Authorization`` header alone).

``RejectControlCharactersMiddleware``: input every endpoint refuses before it reaches a view — a path
or query string with NUL or other control characters (PostgreSQL cannot even compare text holding
NUL, so a lookup would fail with a server error). The refusal is a 400: JSON under /api/, the site's
error page elsewhere."""

from __future__ import annotations

import logging
import re
import time

from django.conf import settings
from django.core.exceptions import BadRequest
from django.db import connections
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from .http import client_ip
from .logging import VALID_REQUEST_ID, new_request_id, reset_request_id, set_request_id

access_log = logging.getLogger("innovation.request")
logger = logging.getLogger(__name__)

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
REQUEST_ID_HEADER = "X-Request-ID"


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _incoming_id(self, request) -> str:
        if int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0) <= 0:
            return ""  # only a proxy we trust may choose the id
        value = request.headers.get(REQUEST_ID_HEADER, "")
        return value if VALID_REQUEST_ID.match(value) else ""

    def __call__(self, request):
        request_id = self._incoming_id(request) or new_request_id()
        request.request_id = request_id
        token = set_request_id(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            user = getattr(request, "_cached_user", None)  # never load the user just to log it
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "client_ip": client_ip(request),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                    "database_retried": getattr(request, "database_retried", False),
                },
            )
            return response
        finally:
            reset_request_id(token)


def close_broken_connections() -> None:
    """Close every database connection that saw an error or no longer answers, so that the next
    query reconnects (what Django does between requests)."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is None or connection.in_atomic_block:
            continue
        if connection.errors_occurred or not connection.is_usable():
            connection.close()


class DatabaseRetryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            for connection in connections.all(initialized_only=True):
                connection.health_check_done = True  # the retry below stands for it
        response = self.get_response(request)
        if getattr(request, "database_unavailable", False) and request.method in SAFE_METHODS:
            logger.warning("Database connection lost during %s %s; retrying once", request.method, request.path)
            close_broken_connections()
            request.database_unavailable = False
            request.database_retried = True
            response = self.get_response(request)
        if getattr(request, "database_unavailable", False):
            close_broken_connections()
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        if _has_credentials(request):
            if "Cache-Control" in response:
                del response["Cache-Control"]  # a public max-age set by the view does not apply here
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


def _has_credentials(request) -> bool:
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


# C0 control characters and DEL, except tab, line feed and carriage return (harmless in a search).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(value: str) -> bool:
    return bool(CONTROL_CHARACTERS.search(value))


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request.path) or any(
            has_control_characters(key) or any(has_control_characters(value) for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest(_("The address contains characters that are not allowed (such as NUL)."))
        return self.get_response(request)
