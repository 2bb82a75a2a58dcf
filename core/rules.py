"""Permission rules: one named rule per line of DESIGN.md §4, composed from small predicates and
checked through one call everywhere (as pretalx does with django-rules).

A predicate is a function ``(user, obj) -> bool`` wrapped by ``@predicate``, optionally with the
message that explains a refusal. Predicates compose with ``&``, ``|`` and ``~``; a composed rule
knows which part failed, so ``require`` refuses with the message of the first failing predicate
("The cycle is not accepting submissions") instead of a generic "not allowed".

Each app declares its rules in ``permissions.py`` with ``rule("app.verb_noun", predicate)``.
Services call ``require(actor, "cases.submit_case", case)``; views and the API call ``allowed``
(or ``require``); templates use ``{% can "cases.submit_case" case as may_submit %}``
(``core/templatetags/rules.py``). A test fails when a registered rule is used nowhere.

Superusers get no shortcut: the admin is their tool, and these rules are about roles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import ApplicationError, NotAllowed

Message = str | Callable[[Any, Any], str] | None


@dataclass(frozen=True)
class Refusal:
    message: str
    error: type[ApplicationError]
    code: str | None


class Predicate:
    """A check on ``(user, obj)`` that can say why it failed."""

    def __init__(
        self,
        function: Callable[[Any, Any], bool],
        *,
        name: str = "",
        message: Message = None,
        error: type[ApplicationError] = NotAllowed,
        code: str | None = None,
    ):
        self.function = function
        self.name = name or getattr(function, "__name__", "predicate")
        self.message = message
        self.error = error
        self.code = code

    def __call__(self, user, obj=None) -> bool:
        return bool(self.function(user, obj))

    def refusal(self, user, obj=None) -> Refusal | None:
        """None when the check passes; otherwise why not."""
        if self(user, obj):
            return None
        return self._refusal(user, obj)

    def _refusal(self, user, obj) -> Refusal:
        message = self.message(user, obj) if callable(self.message) else self.message
        return Refusal(message=str(message or _default_message()), error=self.error, code=self.code)

    def __and__(self, other: Predicate) -> Predicate:
        return _All([self, other])

    def __or__(self, other: Predicate) -> Predicate:
        return _Any([self, other])

    def __invert__(self) -> Predicate:
        return Predicate(lambda user, obj: not self(user, obj), name=f"~{self.name}")

    def __repr__(self) -> str:
        return f"<Predicate {self.name}>"


class _All(Predicate):
    def __init__(self, parts: list[Predicate]):
        flat = [p for part in parts for p in (part.parts if isinstance(part, _All) else [part])]
        self.parts = flat
        super().__init__(lambda user, obj: all(p(user, obj) for p in flat), name=" & ".join(p.name for p in flat))

    def refusal(self, user, obj=None) -> Refusal | None:
        for part in self.parts:  # in order: the first failure is the one to report
            refusal = part.refusal(user, obj)
            if refusal is not None:
                return refusal
        return None


class _Any(Predicate):
    def __init__(self, parts: list[Predicate]):
        flat = [p for part in parts for p in (part.parts if isinstance(part, _Any) else [part])]
        self.parts = flat
        super().__init__(lambda user, obj: any(p(user, obj) for p in flat), name=" | ".join(p.name for p in flat))

    def refusal(self, user, obj=None) -> Refusal | None:
        if self(user, obj):
            return None
        return self.parts[0].refusal(user, obj)  # the main alternative explains the refusal


def predicate(
    function: Callable | None = None,
    *,
    message: Message = None,
    error: type[ApplicationError] = NotAllowed,
    code: str | None = None,
):
    """Decorator: ``@predicate`` or ``@predicate(message=..., error=...)``."""

    def wrap(fn: Callable) -> Predicate:
        return Predicate(fn, message=message, error=error, code=code)

    return wrap(function) if function is not None else wrap


def always_message(message: Message, check: Predicate, *, error: type[ApplicationError] | None = None) -> Predicate:
    """``check`` with one message for any failure (e.g. a composed rule's user-facing sentence)."""
    return Predicate(check.function, name=check.name, message=message, error=error or check.error, code=check.code)


# --- the registry -------------------------------------------------------------------------------

_rules: dict[str, Predicate] = {}


def rule(name: str, check: Predicate) -> Predicate:
    """Register ``check`` under ``name`` ("app.verb_noun"). Each name is registered once."""
    if name in _rules and _rules[name] is not check:
        raise ValueError(f"The rule {name!r} is already registered.")
    _rules[name] = check
    return check


def registered_rules() -> dict[str, Predicate]:
    return dict(_rules)


def _get(name: str) -> Predicate:
    try:
        return _rules[name]
    except KeyError:
        raise LookupError(f"No rule named {name!r} (is its app's permissions module imported?)") from None


def allowed(user, name: str, obj=None) -> bool:
    return _get(name)(user, obj)


def refusal_message(user, name: str, obj=None) -> str | None:
    """Why rule ``name`` refuses ``user`` on ``obj`` (None when it allows): for pages that say so
    before the user tries."""
    refusal = _get(name).refusal(user, obj)
    return refusal.message if refusal is not None else None


def require(user, name: str, obj=None) -> None:
    """Raise the refusal of rule ``name`` for ``user`` on ``obj``; return when it is allowed."""
    refusal = _get(name).refusal(user, obj)
    if refusal is not None:
        raise refusal.error(refusal.message, code=refusal.code)


def _default_message() -> str:
    from django.utils.translation import gettext

    return gettext("You are not allowed to do this.")
