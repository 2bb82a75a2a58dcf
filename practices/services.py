"""Citizen feedback on awarded practices: "Have you felt this improvement?" (DESIGN.md §3, §4).

One answer per visitor per case (a database constraint; the service says so politely), a rate limit
per client address (kept only as a salted hash in the cache, never stored), a honeypot field that
silently drops bots, and comments held for moderation by managers."""

from __future__ import annotations

import re
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from cases.models import InnovationCase
from core.cache import CacheUnavailable
from core.errors import ApplicationError, Conflict, RateLimited
from core.http import client_ip
from core.limits import NOTE_MAX_LENGTH
from core.rules import require

from .models import CitizenFeedback, FeltImprovement, ModerationState

# At most RATE_LIMIT answers per client address in RATE_WINDOW seconds (settings may override).
RATE_LIMIT = 5
RATE_WINDOW = 10 * 60
SESSION_KEY = "feedback_visitor"


# --- Who is answering -------------------------------------------------------------------------


def _digest(kind: str, value: str) -> str:
    # HMAC-SHA256 keyed with SECRET_KEY: 64 hex characters, not reversible to the raw value.
    return salted_hmac(f"cases.feedback.{kind}", value, algorithm="sha256").hexdigest()


def visitor_key(*, user_id: int | None = None, session_token: str | None = None) -> str:
    """The stored identity of a visitor: the signed-in user, or a random token kept in the session."""
    if user_id is not None:
        return _digest("visitor", f"user:{user_id}")
    if not session_token:
        raise ValueError("A visitor is a signed-in user or has a session token.")
    return _digest("visitor", f"session:{session_token}")


# A visitor without a session gets a signed token with the page; answers carry it back. Simultaneous
# first answers from one page load (double clicks, retries) therefore share one identity, and the
# unique constraint keeps one row. The token becomes the visitor's session token on the first answer.
FORM_TOKEN_SALT = "practices.feedback.visitor"  # noqa: S105 - a signing namespace, not a secret
FORM_TOKEN_MAX_AGE = 24 * 60 * 60


def new_form_token() -> str:
    return signing.dumps(secrets.token_hex(16), salt=FORM_TOKEN_SALT)


def _token_from_form(form_token: str | None) -> str | None:
    if not form_token:
        return None
    try:
        return signing.loads(form_token, salt=FORM_TOKEN_SALT, max_age=FORM_TOKEN_MAX_AGE)
    except signing.BadSignature:  # also an expired token
        return None


def visitor_for_request(request, *, form_token: str | None = None) -> str | None:
    """The visitor key of ``request``: the signed-in user, else the session's token, else the page's
    signed ``form_token`` (then kept in the session). None when the visitor has none of them."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return visitor_key(user_id=user.pk)
    token = request.session.get(SESSION_KEY)
    if not token:
        token = _token_from_form(form_token)
        if token is None:
            return None
        request.session[SESSION_KEY] = token
    return visitor_key(session_token=token)


def client_for_request(request) -> str:
    """A salted hash of the client address, used only as a rate-limit key (the address is not stored).
    Behind the trusted proxies the address is the client's, not the proxy's (``core.http``)."""
    return _digest("client", client_ip(request))


# --- Writes -----------------------------------------------------------------------------------


def _rate_limited(client: str) -> bool:
    """Count one attempt for ``client``; True when it is over the limit in the current window."""
    limit = getattr(settings, "FEEDBACK_RATE_LIMIT", RATE_LIMIT)
    window = getattr(settings, "FEEDBACK_RATE_WINDOW", RATE_WINDOW)
    key = f"feedback-rate:{client}"
    try:
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
    except CacheUnavailable:
        # Uncounted while the cache does not answer: a citizen's feedback is not refused for that.
        return False
    return count > limit


HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def comment_language(comment: str) -> str:
    """``ko`` for a comment with Hangul in it, ``en`` for any other, empty for none."""
    if not comment:
        return ""
    return "ko" if HANGUL.search(comment) else "en"


def give_feedback(
    *,
    case: InnovationCase,
    visitor: str,
    felt: str,
    comment: str = "",
    honeypot: str = "",
    client: str = "",
    user=None,
) -> CitizenFeedback | None:
    """Record ``visitor``'s answer on ``case``. Returns ``None`` (and stores nothing) for bots that
    filled the honeypot; raises an ``ApplicationError`` when refused (``Conflict`` with code
    ``duplicate`` when the visitor has answered already)."""
    require(user, "practices.give_feedback", case)
    if honeypot:
        return None
    if client and _rate_limited(client):
        raise RateLimited(_("Too many answers have come from your connection. Please try again in a few minutes."))
    if felt not in FeltImprovement.values:
        raise ApplicationError(_("Choose yes, no or not sure."), fields={"felt": [_("Choose yes, no or not sure.")]})
    comment = (comment or "").strip()
    if len(comment) > NOTE_MAX_LENGTH:
        too_long = _("The comment can be at most %(max)d characters long.") % {"max": NOTE_MAX_LENGTH}
        raise ApplicationError(too_long, fields={"comment": [too_long]})
    already = _("You have already answered for this practice — thank you. Each visitor can answer once.")
    if CitizenFeedback.objects.filter(case=case, visitor=visitor).exists():
        raise Conflict(already, code="duplicate")
    try:
        with transaction.atomic():
            return CitizenFeedback.objects.create(
                case=case,
                visitor=visitor,
                felt=felt,
                comment=comment,
                comment_language=comment_language(comment),
                moderation=ModerationState.PENDING if comment else ModerationState.NONE,
            )
    except IntegrityError:  # a concurrent answer by the same visitor won the race
        raise Conflict(already, code="duplicate") from None


MODERATION_DECISIONS = (ModerationState.APPROVED, ModerationState.REJECTED)


@transaction.atomic
def moderate_feedback(*, actor, feedback: CitizenFeedback, decision: str) -> CitizenFeedback:
    """Approve or reject a pending comment (managers only)."""
    require(actor, "practices.moderate_feedback")
    if decision not in MODERATION_DECISIONS:
        raise ApplicationError(_("Approve or reject the comment."), fields={"decision": [_("Approve or reject.")]})
    current = CitizenFeedback.objects.select_for_update().get(pk=feedback.pk)
    if current.moderation != ModerationState.PENDING:
        raise Conflict(_("This comment has already been moderated."), code="already_moderated")
    current.moderation = decision
    current.moderated_by = actor
    current.moderated_at = timezone.now()
    current.save(update_fields=["moderation", "moderated_by", "moderated_at"])
    return current
