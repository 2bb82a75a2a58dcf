"""Reads of cases, starting with what a given user may see (DESIGN.md §4)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts import permissions as roles

from .access import case_readers
from .models import AwardCycle, CaseState, CycleState, InnovationCase

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
