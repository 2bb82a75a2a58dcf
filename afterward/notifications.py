"""E-mails of the afterward app, each in its recipient's language, queued in the outbox inside the
caller's transaction (as ``reviews.notifications`` does)."""

from __future__ import annotations

from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from outbox.services import Email, queue_emails
from reviews.notifications import case_recipients, recipient_language, recipients_by_case

from .models import Adoption, FollowUpReport

SUBJECTS = {
    "follow_up_due": lambda: _("Follow-up report due: %(case)s"),
    "follow_up_verified": lambda: _("Follow-up report verified: %(case)s"),
    "adoption_recorded": lambda: _("Your practice was adopted: %(case)s"),
    "adoption_answered": lambda: _("Adoption answered: %(case)s"),
}


def _render(user, *, kind: str, context: dict) -> Email | None:
    if not user.email:
        return None
    language = recipient_language(user)
    with translation.override(language):
        body = render_to_string(f"afterward/email/{kind}.txt", {**context, "recipient": user})
        subject = SUBJECTS[kind]() % {"case": str(context["case"])}
    return Email(to=user.email, subject=subject, body=body, language=language, recipient_id=user.pk)


def _queue(kind: str, emails: Iterable[Email | None]) -> None:
    queue_emails(kind=f"afterward.{kind}", emails=[email for email in emails if email is not None])


def notify_reports_due(reports: list[FollowUpReport]) -> None:
    """One reminder per report and member of its government's staff, queued in one insert."""
    recipients = recipients_by_case([report.case for report in reports])
    _queue(
        "follow_up_due",
        (
            _render(user, kind="follow_up_due", context={"case": report.case, "report": report})
            for report in reports
            for user in recipients[report.case.pk]
        ),
    )


def notify_report_verified(report: FollowUpReport) -> None:
    context = {"case": report.case, "report": report}
    _queue(
        "follow_up_verified",
        (_render(user, kind="follow_up_verified", context=context) for user in case_recipients(report.case)),
    )


def _staff_of(government_id: int):
    from accounts.models import Role, User

    return User.objects.filter(role=Role.SUBMITTER, government_id=government_id, is_active=True).order_by("pk")


def notify_adoption_recorded(adoption: Adoption) -> None:
    context = {"case": adoption.source, "adoption": adoption}
    _queue(
        "adoption_recorded",
        (_render(user, kind="adoption_recorded", context=context) for user in _staff_of(adoption.source.government_id)),
    )


def notify_adoption_answered(adoption: Adoption) -> None:
    context = {"case": adoption.source, "adoption": adoption}
    _queue(
        "adoption_answered",
        (_render(user, kind="adoption_answered", context=context) for user in _staff_of(adoption.adopter_id)),
    )
