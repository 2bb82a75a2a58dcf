from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent
from django.db import connection
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.api import error_response, is_api_request
from core.rules import allowed

from . import audit


@require_GET
def home(request):
    return render(request, "home.html")


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers; 503 otherwise (for load balancers and monitors)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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


def server_error(request):
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
