import datetime as dt
import logging
import math
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import BadRequest, PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import get_random_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from core.api import error_response, is_api_request
from core.rules import allowed

from . import audit

logger = logging.getLogger(__name__)

TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)
# What a lost or refused database connection raises (psycopg's errors arrive wrapped as these).
DATABASE_ERRORS = (OperationalError, InterfaceError)


@require_safe
def home(request):
    return render(request, "home.html")


@never_cache
@require_safe
def healthz(request):
    """Liveness: the process answers. Dependencies are /readyz's business (a database outage must
    not make the orchestrator restart healthy app servers)."""
    return JsonResponse({"status": "ok"})


def _database_status() -> str:
    aliases = ["default", *getattr(settings, "DATABASE_READ_REPLICAS", [])]
    try:
        for alias in aliases:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
    except Exception:
        logger.warning("Readiness: database unavailable", exc_info=True)
        return "unavailable"
    return "ok"


def _cache_status() -> str:
    key = f"readyz:{get_random_string(12)}"
    try:
        cache.set(key, "1", timeout=10)
        ok = cache.get(key) == "1"
        cache.delete(key)
    except Exception:
        logger.warning("Readiness: cache unavailable", exc_info=True)
        return "unavailable"
    return "ok" if ok else "unavailable"


def _broker_status() -> str:
    if getattr(settings, "OUTBOX_DELIVERY", "inline") != "celery":
        return "not_used"
    from outbox.tasks import broker_ready

    return "ok" if broker_ready() else "unavailable"


@never_cache
@require_safe
def readyz(request):
    """Readiness: 503 when the database does not answer (nothing can be served); 200 otherwise,
    "degraded" when the cache or the broker (if used) does not answer — the site goes on without
    them (core/cache.py, the outbox), so a load balancer must not take this server out for that."""
    checks = {"database": _database_status(), "cache": _cache_status(), "broker": _broker_status()}
    if checks["database"] != "ok":
        status = "unavailable"
    elif all(state in ("ok", "not_used") for state in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse({"status": status, **checks}, status=503 if status == "unavailable" else 200)


# --- error pages: the API's JSON shape under /api/, the site's branded pages elsewhere -------------
# Every page extends base.html in the request's language and leads back home. A page is drawn with
# the context processors first; if that fails (the database is down, a processor raises) it is drawn
# again from a minimal context that needs no database, and as plain text if even that fails. The
# 500 page always takes the minimal way.


def _minimal_context(request, status: int, context: dict | None) -> dict:
    """What base.html needs, without context processors: no user, no navigation, no messages."""
    return {
        "status": status,
        "request": request,
        "SITE_NAME": settings.SITE_NAME,
        "OFFICIAL_SITE": settings.OFFICIAL_SITE,
        "csrf_token": get_token(request),
        "language_return_url": request.get_full_path() if request.method in ("GET", "HEAD") else reverse("home"),
        **(context or {}),
    }


def _minimal_page(request, status: int, template: str, context: dict | None = None) -> HttpResponse:
    try:
        html = loader.get_template(template).render(_minimal_context(request, status, context))
    except Exception:  # the last resort must not fail: plain text in the request's language
        logger.exception("Rendering %s without context processors failed", template)
        html = f"{_('Something went wrong on our side. Please try again later.')} ({status})"
        return HttpResponse(html, status=status, content_type="text/plain; charset=utf-8")
    return HttpResponse(html, status=status)


def error_page(request, status: int, template: str, context: dict | None = None) -> HttpResponse:
    """The branded page ``template`` with ``status``; robust against a failing database or context."""
    try:
        response = render(request, template, {"status": status, **(context or {})}, status=status)
    except Exception:
        logger.exception("Rendering %s failed; drawing it without context processors", template)
        response = _minimal_page(request, status, template, context)
    add_never_cache_headers(response)
    return response


def bad_request(request, exception=None):
    # Django reports a body over DATA_UPLOAD_MAX_MEMORY_SIZE (or too many fields or files) as a 400;
    # it is a 413.
    if isinstance(exception, TOO_LARGE):
        if is_api_request(request):
            return error_response(413, code="request_too_large")
        limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
        return error_page(request, 413, "413.html", {"limit_mb": f"{limit_mb:.1f}".rstrip("0").rstrip(".")})
    if is_api_request(request):
        # Our own refusals of malformed input (core.middleware) say what was wrong; other 400s stay generic.
        detail = str(exception) if isinstance(exception, BadRequest) else ""
        return error_response(400, code="bad_request", detail=detail)
    return error_page(request, 400, "400.html")


def permission_denied(request, exception=None):
    if is_api_request(request):
        return error_response(403, code="permission_denied")
    return error_page(request, 403, "403.html")


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a form sent from a stale page (or without cookies) is refused, saying why."""
    if is_api_request(request):
        return error_response(403, code="csrf_failed", detail=_("The request could not be verified (CSRF)."))
    return error_page(request, 403, "403.html", {"csrf_failure": True})


def page_not_found(request, exception=None):
    if is_api_request(request):
        return error_response(404, code="not_found")
    return error_page(request, 404, "404.html")


def method_not_allowed(request, *, allow: str) -> HttpResponse:
    """The page for a 405 of ``require_http_methods`` (``innovation.middleware``), keeping ``Allow``."""
    request.language_return_url = reverse("home")  # the same address would answer 405 again
    response = error_page(request, 405, "405.html")
    response["Allow"] = allow
    return response


def database_unavailable(request) -> HttpResponse:
    """The branded 503 (or the API's JSON error) for a request that could not reach the database.
    Rendered without touching the database: no session, no user lookup, no messages."""
    retry_after = str(getattr(settings, "DATABASE_UNAVAILABLE_RETRY_AFTER", 10))
    if is_api_request(request):
        response = error_response(503, code="database_unavailable", headers={"Retry-After": retry_after})
    else:
        request.user = getattr(request, "_cached_user", None) or AnonymousUser()
        try:
            html = render_to_string("503.html", {"messages": [], "retry_after": retry_after}, request=request)
        except Exception:  # never a bare 500 for an outage, even if the page cannot be drawn
            logger.exception("Rendering 503.html failed")
            html = "Service temporarily unavailable. Please try again in a moment."
        response = HttpResponse(html, status=503)
        response["Retry-After"] = retry_after
    add_never_cache_headers(response)
    return response


def server_error(request):
    """``handler500``: a lost database connection becomes a 503 (which DatabaseRetryMiddleware may
    retry); other errors answer the API's JSON shape under /api/ and the minimal 500 page elsewhere."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        request.database_unavailable = True
        return database_unavailable(request)
    if is_api_request(request):
        return error_response(500, code="server_error")
    response = _minimal_page(request, 500, "500.html")
    add_never_cache_headers(response)
    return response


def too_many_requests(request, *, retry_after: int) -> HttpResponse:
    """The page for a 429 without a page of its own (``innovation.middleware``): how long to wait."""
    wait_seconds = max(int(retry_after), 1)
    until = timezone.localtime(timezone.now() + dt.timedelta(seconds=wait_seconds))
    response = error_page(
        request,
        429,
        "429.html",
        {"wait_minutes": math.ceil(wait_seconds / 60), "until": formats.time_format(until, "H:i")},
    )
    response["Retry-After"] = str(wait_seconds)
    return response


@login_required
@require_GET
def audit_log(request):
    """Who changed what and when, for managers: filterable, and exportable as CSV."""
    if not allowed(request.user, "innovation.view_audit"):
        raise PermissionDenied
    form = audit.AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if form.is_bound and not form.is_valid():
        return render(request, "audit_log.html", {"form": form, "page": None}, status=400)
    if request.GET.get("format") == "csv":
        response = StreamingHttpResponse(
            audit.csv_lines(filters, language=get_language()), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{timezone.localdate():%Y%m%d}.csv"'
        return response
    try:
        number = max(1, min(int(request.GET.get("page", "1")), 1000))
    except ValueError:
        number = 1
    page = audit.audit_page(filters, number=number)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(request, "audit_log.html", {"form": form, "page": page, "query": query.urlencode()})
