import logging
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import get_random_string
from django.utils.translation import get_language
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from core.api import error_response, is_api_request
from core.rules import allowed

from . import audit

logger = logging.getLogger(__name__)

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
    """Readiness: 200 when the database, the cache and the broker (if used) answer; 503 otherwise."""
    checks = {"database": _database_status(), "cache": _cache_status(), "broker": _broker_status()}
    ready = all(status in ("ok", "not_used") for status in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503)


# --- error handlers: the API's JSON shape under /api/, the site's pages elsewhere ---------------


def _api_or_page(request, status: int, *, code: str, page_view, exception=None):
    if is_api_request(request):
        return error_response(status, code=code)
    if exception is None:
        return page_view(request)
    return page_view(request, exception)


def bad_request(request, exception=None):
    # Django reports a body over DATA_UPLOAD_MAX_MEMORY_SIZE (or too many fields) as a 400; it is a 413.
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent) and is_api_request(request):
        return error_response(413, code="request_too_large")
    return _api_or_page(request, 400, code="bad_request", page_view=defaults.bad_request, exception=exception)


def permission_denied(request, exception=None):
    return _api_or_page(
        request, 403, code="permission_denied", page_view=defaults.permission_denied, exception=exception
    )


def page_not_found(request, exception=None):
    return _api_or_page(request, 404, code="not_found", page_view=defaults.page_not_found, exception=exception)


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
    retry); other errors answer the API's JSON shape under /api/ and Django's 500 page elsewhere."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        request.database_unavailable = True
        return database_unavailable(request)
    return _api_or_page(request, 500, code="server_error", page_view=defaults.server_error)


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
