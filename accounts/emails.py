"""The e-mails of the accounts app.

Until the outbox app (issue 11) is on main, an invitation is sent with Django's ``send_mail`` once
the transaction that created it has committed; switching to the outbox means changing only
``_deliver`` below."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def _deliver(*, to: str, subject: str, body: str) -> None:
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False), robust=True
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
    _deliver(to=invitation.email, subject=subject, body=body)
