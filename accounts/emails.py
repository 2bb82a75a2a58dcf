"""The e-mails of the accounts app, written to the outbox in the transaction that causes them.

An invitation or a password-reset link is a secret: its message is erased from the outbox once the
mail server has it (``erase_when_sent``). A mail server that is away delays the message; it never
fails the request that asked for it (the outbox worker retries)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from outbox.services import Email, queue_emails


def deliver(*, kind: str, to: str, subject: str, body: str, language: str, recipient_id: int | None = None) -> None:
    """Queue one message with a personal link in it."""
    queue_emails(
        kind=f"accounts.{kind}",
        emails=[
            Email(
                to=to,
                subject=subject,
                body=body,
                language=language,
                recipient_id=recipient_id,
                erase_when_sent=True,
            )
        ],
    )


def _bilingual(template: str, context: dict) -> tuple[str, str]:
    """Subject and body in Korean and English: the invitee's language is not known yet."""
    parts = []
    subjects = []
    for language in ("ko", "en"):
        with translation.override(language):
            parts.append(render_to_string(f"accounts/email/{template}.txt", context).strip())
            subjects.append(render_to_string(f"accounts/email/{template}_subject.txt", context).strip())
    return " / ".join(subjects), "\n\n-----\n\n".join(parts) + "\n"


def send_invitation(invitation, *, link: str) -> None:
    subject, body = _bilingual(
        "invitation",
        {
            "invitation": invitation,
            "link": link,
            "site_name": settings.SITE_NAME,
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
    )
    deliver(kind="invitation", to=invitation.email, subject=subject, body=body, language="ko")


def send_password_reset(*, subject_template: str, body_template: str, context: dict, to: str) -> None:
    """A reset link (or, for an address without an account, the note saying so), in the language
    the person last used on the site, else the language of the request."""
    user = context.get("user")
    language = (getattr(user, "language", "") or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    with translation.override(language):
        subject = "".join(render_to_string(subject_template, context).splitlines())
        body = render_to_string(body_template, context)
    deliver(
        kind="password_reset",
        to=to,
        subject=subject,
        body=body,
        language=language,
        recipient_id=getattr(user, "pk", None),
    )
