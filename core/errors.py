"""The one error every service raises when it refuses (HackSoft's "application error").

A refusal has a stable ``code`` (API clients match on it), a ``message`` for people in the request's
language, optional ``fields`` (messages keyed by *domain* names such as ``title`` or
``scores.3`` — never by the names of HTML inputs) and optional ``problems`` (further reasons, e.g.
everything a case lacks before it can be submitted). Nothing has changed when one is raised.

``core.api.exception_handler`` turns it into the API's one JSON error shape; ``core.forms`` puts it
beside the right fields of a form. Subclasses only choose the HTTP status and the default code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError


class ApplicationError(Exception):
    status = 400
    default_code = "invalid"

    def __init__(
        self,
        message: str = "",
        *,
        code: str | None = None,
        fields: Mapping[str, Iterable[str] | str] | None = None,
        problems: Iterable[str] = (),
    ):
        super().__init__(message)
        self.message = str(message)
        self.code = code or self.default_code
        self.fields: dict[str, list[str]] = {
            name: [str(messages)] if isinstance(messages, str) else [str(m) for m in messages]
            for name, messages in (fields or {}).items()
        }
        self.problems: list[str] = [str(problem) for problem in problems]

    def __str__(self) -> str:
        return self.message

    @classmethod
    def from_validation_error(cls, error: ValidationError, *, message: str = "") -> ApplicationError:
        """A Django ``ValidationError`` (e.g. from ``full_clean``) as a refusal with field messages."""
        if hasattr(error, "error_dict"):
            fields = {name: [str(m) for m in messages] for name, messages in error.message_dict.items()}
            general = fields.pop("__all__", [])
            return cls(message or (general[0] if general else ""), fields=fields, problems=general[1:])
        messages = [str(m) for m in error.messages]
        return cls(message or messages[0], problems=messages[1:] if not message else messages)

    def all_messages(self) -> list[str]:
        """Every message of the refusal, the main one first, without repeats."""
        seen: list[str] = []
        for text in [self.message, *self.problems, *(m for ms in self.fields.values() for m in ms)]:
            if text and text not in seen:
                seen.append(text)
        return seen


class NotAllowed(ApplicationError):
    """The actor may not do this at all (their role or their government)."""

    status = 403
    default_code = "not_allowed"


class NotFound(ApplicationError):
    status = 404
    default_code = "not_found"


class Conflict(ApplicationError):
    """The action clashes with the object's current state (already decided, review locked, …)."""

    status = 409
    default_code = "conflict"


class RateLimited(ApplicationError):
    status = 429
    default_code = "rate_limited"
