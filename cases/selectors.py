"""Reads of cases, starting with what a given user may see (DESIGN.md §4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts import permissions as roles

from .access import case_readers
from .models import AwardCycle, CaseEvent, CaseState, CycleState, InnovationCase, RevisionRequest

# Awarded cases of published cycles. The database keeps ``is_public`` equal to this definition
# (cases/derived.py), so lists filter one indexed column of the case instead of joining the cycles.
PUBLIC_CASES_BY_DEFINITION = Q(state=CaseState.AWARDED, cycle__state=CycleState.PUBLISHED)
PUBLIC_CASES = Q(is_public=True)


def public_cases() -> QuerySet[InnovationCase]:
    """Awarded cases of published cycles: what everyone, signed in or not, may see."""
    return InnovationCase.objects.filter(PUBLIC_CASES)


def visible_cases(user) -> QuerySet[InnovationCase]:
    """Every case ``user`` may see: public ones plus their role's (one query, no duplicates)."""
    if roles.is_manager(user):
        return InnovationCase.objects.all()
    condition = PUBLIC_CASES
    if roles.is_submitter(user):
        condition |= Q(government_id=user.government_id)
    for reader in case_readers():
        extra = reader.condition(user)
        if extra is not None:
            condition |= extra
    return InnovationCase.objects.filter(condition)


def get_visible_case(user, pk) -> InnovationCase:
    """The case, or 404 when it does not exist *or* the user may not see it (existence must not leak)."""
    try:
        return visible_cases(user).select_related("cycle", "government__parent", "purpose").get(pk=pk)
    except (InnovationCase.DoesNotExist, ValueError, TypeError):
        raise Http404("No such case") from None


def own_government_cases(user) -> QuerySet[InnovationCase]:
    if not roles.is_submitter(user):
        return InnovationCase.objects.none()
    return InnovationCase.objects.filter(government_id=user.government_id)


def open_cycles(*, now=None) -> list:
    """Cycles accepting submissions right now (state open and inside the submission window)."""
    now = now or timezone.now()
    return list(
        AwardCycle.objects.filter(
            state=CycleState.OPEN, submission_opens__lte=now, submission_closes__gte=now
        ).order_by("-year")
    )


def case_history(case: InnovationCase):
    """The case's audit trail, oldest first, with the actors."""
    return case.events.select_related("actor").order_by("at", "id")


# --- the revision thread ----------------------------------------------------------------------


def revision_thread(case: InnovationCase) -> list[RevisionRequest]:
    """The ministry's requests for revision of ``case`` and their answers, oldest first."""
    return list(
        case.revision_requests.select_related("requested_by", "answered_by", "withdrawn_by").order_by(
            "requested_at", "id"
        )
    )


def open_revision_request(case: InnovationCase) -> RevisionRequest | None:
    """The request the case is waiting to answer (its state is "revision requested"), or None."""
    return next((request for request in revision_thread(case) if request.state == RevisionRequest.State.OPEN), None)


def field_label(name: str) -> str:
    try:
        field = InnovationCase._meta.get_field(name)
    except FieldDoesNotExist:
        return name  # a field that no longer exists: its stored name is all there is
    if field.auto_created and not field.concrete:  # obstacles, remedies, outcomes (reverse relations)
        return str(capfirst(field.related_model._meta.verbose_name_plural))
    return str(capfirst(field.verbose_name))


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    before: str
    after: str


def _shown(value) -> str:
    """A value of ``CaseEvent.changes`` as a reader sees it: lists one item a line, rows by their
    non-empty values."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list):
        return "\n".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return " · ".join(str(item) for item in value.values() if item not in (None, ""))
    return str(value)


def changes_since(case: InnovationCase, since: dt.datetime) -> list[FieldChange]:
    """What the submitter changed in ``case`` after ``since``, field by field, from its history (the
    ``changes`` of its events: the first old value against the last new one; a field changed and
    changed back is not listed)."""
    first: dict[str, object] = {}
    last: dict[str, object] = {}
    events = case.events.filter(at__gt=since, kind__in=[CaseEvent.Kind.UPDATED, CaseEvent.Kind.ATTACHMENT])
    for changes in events.order_by("at", "id").values_list("changes", flat=True):
        for name, (old, new) in (changes or {}).items():
            first.setdefault(name, old)
            last[name] = new
    return [
        FieldChange(name=name, label=field_label(name), before=_shown(first[name]), after=_shown(last[name]))
        for name in first
        if first[name] != last[name]
    ]
