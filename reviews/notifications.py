"""E-mails to reviewers and submitters, each in the recipient's language.

Users have no language preference stored (accounts has no such field), so the recipient's language is
``settings.LANGUAGE_CODE`` — the site's default, which is also the language of the first page a new
visitor sees. ``recipient_language`` is the one place to change when a preference is added.

Services call these through ``transaction.on_commit`` so that nothing is sent for a rolled-back write."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from cases.models import AwardCycle, InnovationCase

from .models import AwardDecision, ReviewAssignment


def recipient_language(user) -> str:
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


def _send(user, *, subject: str, template: str, context: dict) -> None:
    if not user.email:
        return
    with translation.override(recipient_language(user)):
        body = render_to_string(f"reviews/email/{template}.txt", {**context, "recipient": user})
        send_mail(
            subject=str(subject_for(subject, context)),
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )


def subject_for(kind: str, context: dict) -> str:
    """The subject line, translated in the active language."""
    subjects = {
        "assignment": _("New review assignment: %(case)s"),
        "revision": _("Revision requested: %(case)s"),
        "decision": _("Decision on your case: %(case)s"),
        "published": _("Results published: %(cycle)s"),
    }
    values = {"case": context.get("case", ""), "cycle": context.get("cycle", "")}
    return subjects[kind] % {key: str(value) for key, value in values.items()}


def case_recipients(case: InnovationCase) -> list[User]:
    """Who hears about a case: the staff of its government (submitters), the one who submitted it first."""
    staff = list(
        User.objects.filter(role=Role.SUBMITTER, government_id=case.government_id, is_active=True).order_by("pk")
    )
    if case.submitted_by_id and all(user.pk != case.submitted_by_id for user in staff):
        staff.insert(0, case.submitted_by)
    return staff


def notify_assignment(assignment: ReviewAssignment) -> None:
    _send(
        assignment.reviewer,
        subject="assignment",
        template="assignment",
        context={"assignment": assignment, "case": assignment.case},
    )


def notify_revision_request(case: InnovationCase, message: str) -> None:
    for user in case_recipients(case):
        _send(user, subject="revision", template="revision_requested", context={"case": case, "message": message})


def notify_decision(decision: AwardDecision) -> None:
    for user in case_recipients(decision.case):
        _send(user, subject="decision", template="decision", context={"case": decision.case, "decision": decision})


def notify_publication(cycle: AwardCycle, cases: Iterable[InnovationCase]) -> None:
    for case in cases:
        for user in case_recipients(case):
            _send(user, subject="published", template="published", context={"case": case, "cycle": cycle})
