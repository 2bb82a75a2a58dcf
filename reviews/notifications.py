"""E-mails to reviewers and submitters, each in the recipient's language.

A user's language is the one they last used on the site (``User.language``, set when they sign in or
switch language); someone who never signed in gets ``settings.LANGUAGE_CODE``, the site's default.
``recipient_language`` is the one place that reads it.

Services call these inside their transaction: each message is rendered now and stored in the outbox
(``outbox.services.queue_emails``), so nothing is sent for a rolled-back write, nothing committed is
lost when the mail server or the broker is down, and the request never waits for the mail server."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from cases.models import AwardCycle, InnovationCase, RevisionRequest
from outbox.services import Email, queue_emails

from .models import AwardDecision, ReviewAssignment


def recipient_language(user) -> str:
    language = getattr(user, "language", "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _render(user, *, subject: str, template: str, context: dict) -> Email | None:
    if not user.email:
        return None
    language = recipient_language(user)
    with translation.override(language):
        body = render_to_string(f"reviews/email/{template}.txt", {**context, "recipient": user})
        return Email(
            to=user.email,
            subject=str(subject_for(subject, context)),
            body=body,
            language=language,
            recipient_id=user.pk,
        )


def _queue(kind: str, emails: Iterable[Email | None]) -> None:
    queue_emails(kind=f"reviews.{kind}", emails=[email for email in emails if email is not None])


def subject_for(kind: str, context: dict) -> str:
    """The subject line, translated in the active language."""
    subjects = {
        "assignment": _("New review assignment: %(case)s"),
        "revision": _("Revision requested: %(case)s"),
        "revision_withdrawn": _("Revision request withdrawn: %(case)s"),
        "recusal": _("Assign another reviewer: %(case)s"),
        "published": _("Results published: %(cycle)s"),
    }
    values = {"case": context.get("case", ""), "cycle": context.get("cycle", "")}
    return subjects[kind] % {key: str(value) for key, value in values.items()}


def case_recipients(case: InnovationCase) -> list[User]:
    """Who hears about a case: the staff of its government (submitters), the one who submitted it first."""
    return recipients_by_case([case])[case.pk]


def recipients_by_case(cases: Iterable[InnovationCase]) -> dict[int, list[User]]:
    """``case_recipients`` for many cases in two queries (publishing a cycle notifies hundreds)."""
    cases = list(cases)
    staff: dict[int, list[User]] = defaultdict(list)
    users = User.objects.filter(
        role=Role.SUBMITTER, government_id__in={case.government_id for case in cases}, is_active=True
    ).order_by("pk")
    for user in users:
        staff[user.government_id].append(user)
    missing = {
        case.submitted_by_id
        for case in cases
        if case.submitted_by_id and all(user.pk != case.submitted_by_id for user in staff[case.government_id])
    }
    submitters = User.objects.in_bulk(missing) if missing else {}
    recipients = {}
    for case in cases:
        people = list(staff[case.government_id])
        if case.submitted_by_id in submitters:
            people.insert(0, submitters[case.submitted_by_id])
        recipients[case.pk] = people
    return recipients


def notify_assignment(assignment: ReviewAssignment) -> None:
    _queue(
        "assignment",
        [
            _render(
                assignment.reviewer,
                subject="assignment",
                template="assignment",
                context={"assignment": assignment, "case": assignment.case},
            )
        ],
    )


def notify_recusal(assignment: ReviewAssignment) -> None:
    """The active managers are asked to assign another reviewer."""
    managers = User.objects.filter(role=Role.MANAGER, is_active=True).order_by("pk")
    _queue(
        "recusal",
        (
            _render(
                user,
                subject="recusal",
                template="recusal",
                context={"assignment": assignment, "case": assignment.case},
            )
            for user in managers
        ),
    )


def notify_revision_request(request: RevisionRequest) -> None:
    """The request in full (who, when, what to change, by when) to the case's submitters."""
    case = request.case
    _queue(
        "revision",
        (
            _render(
                user,
                subject="revision",
                template="revision_requested",
                context={"case": case, "request": request, "message": request.message},
            )
            for user in case_recipients(case)
        ),
    )


def notify_revision_withdrawn(case: InnovationCase, *, request: RevisionRequest | None, reason: str) -> None:
    _queue(
        "revision_withdrawn",
        (
            _render(
                user,
                subject="revision_withdrawn",
                template="revision_withdrawn",
                context={"case": case, "request": request, "reason": reason},
            )
            for user in case_recipients(case)
        ),
    )


def notify_publication(cycle: AwardCycle, cases: Iterable[InnovationCase]) -> None:
    """One message per recipient and decided case, with its result (decisions are sent to nobody
    before the publication), queued in one insert."""
    cases = list(cases)
    recipients = recipients_by_case(cases)
    decisions = {
        decision.case_id: decision
        for decision in AwardDecision.objects.filter(case__in=[case.pk for case in cases]).select_related("level")
    }
    _queue(
        "published",
        (
            _render(
                user,
                subject="published",
                template="published",
                context={"case": case, "cycle": cycle, "decision": decisions.get(case.pk)},
            )
            for case in cases
            for user in recipients[case.pk]
        ),
    )
