"""The API's one error shape, for every error of every endpoint (DESIGN.md §8):

    {"status": 400, "code": "invalid", "detail": "Some values are not valid.",
     "fields": {"title": ["Ensure this field has no more than 200 characters."]},
     "problems": []}

``fields`` maps request keys (nested keys joined with dots: ``outcomes.0.indicator``) to messages;
``problems`` lists further reasons (e.g. what a case lacks before it can be submitted). Both are
always present. ``exception_handler`` is DRF's ``EXCEPTION_HANDLER``; ``error_response`` serves
the errors that happen before DRF sees the request (404, 405, 413 … under ``/api/``)."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from rest_framework import exceptions, permissions, serializers
from rest_framework.response import Response

from .errors import ApplicationError

API_PREFIX = "/api/"

DEFAULT_MESSAGES = {
    400: lambda: _("The request is not valid."),
    401: lambda: _("Authentication credentials were not provided or are not valid."),
    403: lambda: _("You are not allowed to do this."),
    404: lambda: _("Not found."),
    405: lambda: _("This method is not allowed here."),
    409: lambda: _("The request conflicts with the current state."),
    413: lambda: _("The request body is too large."),
    415: lambda: _("Unsupported media type."),
    429: lambda: _("Too many requests. Please wait and try again."),
    500: lambda: _("Something went wrong on our side. Please try again later."),
    503: lambda: _("The service is temporarily unavailable. Please try again shortly."),
}


class ErrorSerializer(serializers.Serializer):
    """The body of every API error (for the OpenAPI schema)."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    problems = serializers.ListField(child=serializers.CharField())


# Errors any operation can answer, and the extra ones of operations that take a body.
ANY_OPERATION_ERRORS = (400, 401, 403, 404, 429)
BODY_OPERATION_ERRORS = (409, 413, 415)


class ErrorDocumentingAutoSchema(AutoSchema):
    """drf-spectacular's schema plus the error answers every operation can give, all in the one shape
    (``ErrorSerializer``), so that clients and contract tests know every status code."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        statuses = ANY_OPERATION_ERRORS + (BODY_OPERATION_ERRORS if self.method in ("POST", "PUT", "PATCH") else ())
        for status in statuses:
            if str(status) not in responses:
                responses[str(status)] = self._get_response_for_code(ErrorSerializer, str(status), direction=direction)
        return responses


class ReadRule(permissions.BasePermission):
    """Object-level check of a viewset's ``read_rule`` (``core.rules``): whoever may not read an object
    gets 404, as from the pages. The viewset's queryset already narrows to what the user may see;
    this holds every object it serves to the same rule."""

    def has_object_permission(self, request, view, obj) -> bool:
        from .rules import allowed

        if not allowed(request.user, view.read_rule, obj):
            raise exceptions.NotFound()
        return True


class CachedJSONMixin:
    """For API views whose JSON answers ``core.revisions.cached_json`` caches under the revision: the
    revision is read first, then the throttles count and the cached answer is read in one round trip
    (``core.throttling.check_and_read``), so that a repeated request is one query and one cache
    call. ``answer_parts(request)`` says what the answer depends on, or None where this request's
    answer is not cached (the view then checks its throttles as usual); ``cached_answer(request,
    render)`` is the response."""

    answer_name: str
    revision: str | None = None
    _parts = None
    _first = None

    def answer_parts(self, request):
        return None

    def check_throttles(self, request):
        from . import revisions
        from .throttling import check_and_read

        self._parts = self.answer_parts(request)
        self.revision = revisions.current() if self._parts is not None else None
        self._first = revisions.UNREAD
        if self.revision is None:
            super().check_throttles(request)
            return
        entry = revisions.first_key(request, self.revision, self.answer_name, self._parts)
        self._first = check_and_read(self, request, entry, revisions.MISSING)

    def cached_answer(self, request, render):
        from . import revisions

        return revisions.cached_json(request, self.revision, self.answer_name, self._parts, render, first=self._first)


def error_body(
    status: int,
    *,
    code: str,
    detail: str = "",
    fields: Mapping[str, list[str]] | None = None,
    problems: list[str] | None = None,
) -> dict:
    return {
        "status": status,
        "code": code,
        "detail": str(detail or DEFAULT_MESSAGES.get(status, DEFAULT_MESSAGES[400])()),
        "fields": {key: [str(m) for m in messages] for key, messages in (fields or {}).items()},
        "problems": [str(p) for p in (problems or [])],
    }


def error_response(status: int, *, code: str, detail: str = "", headers: Mapping[str, str] | None = None):
    """A plain Django JSON response in the API's error shape (for errors outside DRF's views)."""
    response = JsonResponse(error_body(status, code=code, detail=detail), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def flatten_detail(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as ``{"a.0.b": [messages]}``."""
    if isinstance(detail, Mapping):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            flat.update(flatten_detail(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, (Mapping, list)) for item in detail):
            return {prefix or "non_field_errors": [str(item) for item in detail]} if detail else {}
        flat = {}
        for index, item in enumerate(detail):
            flat.update(flatten_detail(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    return {prefix or "non_field_errors": [str(detail)]}


def _validation_body(detail) -> dict:
    fields = flatten_detail(detail)
    general = fields.pop("non_field_errors", []) + fields.pop("detail", [])
    message = general[0] if general else (_("Some values are not valid.") if fields else "")
    return error_body(400, code="invalid", detail=message, fields=fields, problems=general[1:])


def exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: every error as the one shape above."""
    headers: dict[str, str] = {}
    if isinstance(exc, ApplicationError):
        body = error_body(exc.status, code=exc.code, detail=exc.message, fields=exc.fields, problems=exc.problems)
    elif isinstance(exc, DjangoValidationError):
        body = _validation_body(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    elif isinstance(exc, Http404):
        body = error_body(404, code="not_found")
    elif isinstance(exc, DjangoPermissionDenied):
        body = error_body(403, code="permission_denied")
    elif isinstance(exc, exceptions.ValidationError):
        body = _validation_body(exc.detail)
    elif isinstance(exc, exceptions.APIException):
        detail = exc.detail
        code = getattr(detail, "code", None) or exc.default_code
        message = str(detail) if not isinstance(detail, (dict, list)) else ""
        body = error_body(exc.status_code, code=str(code), detail=message)
        if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
            headers["Retry-After"] = str(int(exc.wait) + 1)
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
    else:
        return None  # a bug: let Django's 500 handling log it
    response = Response(body, status=body["status"], headers=headers)
    return response


# What core.middleware refuses in a path or query string, said in the schema so that clients (and
# the contract test) know it: no C0 control character but tab, line feed and carriage return, no DEL.
PARAMETER_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"


# DRF refuses NUL in every text field of a request body ("Null characters are not allowed.").
BODY_TEXT_PATTERN = "^[^\\u0000]*$"


def _free_text(schema: dict) -> bool:
    return schema.get("type") == "string" and not ({"enum", "format", "pattern"} & set(schema))


def _document_body_text(schema: dict, seen: set[int]) -> None:
    if id(schema) in seen:  # the generator shares dicts between schemas
        return
    seen.add(id(schema))
    if _free_text(schema):
        schema["pattern"] = BODY_TEXT_PATTERN
    children = [*schema.get("properties", {}).values()] + ([schema["items"]] if "items" in schema else [])
    for child in children:
        if isinstance(child, dict):
            _document_body_text(child, seen)


def document_parameter_characters(result, generator, request, public):
    """drf-spectacular post-processing hook: say in the schema which characters are refused — every
    free-text path and query parameter gets ``PARAMETER_PATTERN``, every free-text field of a request
    body ``BODY_TEXT_PATTERN``."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                schema = parameter.get("schema", {})
                for target in (schema, schema.get("items", {})):
                    if _free_text(target):
                        target["pattern"] = PARAMETER_PATTERN
    seen: set[int] = set()
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            _document_body_text(schema, seen)
    return result


def is_api_request(request) -> bool:
    return request.path.startswith(API_PREFIX)
