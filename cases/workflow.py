"""The state machines of cases and of award cycles. Services (in cases and reviews) check permission
and business rules, then call ``transition``, which checks the edge, locks the row and records who
and when; cycles move along ``CYCLE_TRANSITIONS`` through the reviews services."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict

from .models import AwardCycle, CaseEvent, CaseState, CycleState, InnovationCase, RevisionRequest

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    CaseState.DRAFT: frozenset({CaseState.SUBMITTED, CaseState.WITHDRAWN}),
    CaseState.SUBMITTED: frozenset({CaseState.IN_REVIEW, CaseState.WITHDRAWN}),
    CaseState.IN_REVIEW: frozenset({CaseState.REVISION_REQUESTED, CaseState.AWARDED, CaseState.NOT_AWARDED}),
    # Back to submitted when the submitter answers; back to review when the ministry withdraws it.
    CaseState.REVISION_REQUESTED: frozenset({CaseState.SUBMITTED, CaseState.IN_REVIEW}),
    CaseState.AWARDED: frozenset(),
    CaseState.NOT_AWARDED: frozenset(),
    CaseState.WITHDRAWN: frozenset(),
}

# Submitted content is frozen except while a case is a draft or answers a revision request.
EDITABLE_STATES = frozenset({CaseState.DRAFT, CaseState.REVISION_REQUESTED})
# A submitter may take a case back until review starts.
WITHDRAWABLE_STATES = frozenset({CaseState.DRAFT, CaseState.SUBMITTED})


# The forward path of a cycle, one step at a time (deciding -> published is the publication).
CYCLE_TRANSITIONS: dict[str, str] = {
    CycleState.DRAFT: CycleState.OPEN,
    CycleState.OPEN: CycleState.REVIEWING,
    CycleState.REVIEWING: CycleState.DECIDING,
    CycleState.DECIDING: CycleState.PUBLISHED,
}


def next_cycle_state(cycle: AwardCycle) -> CycleState | None:
    """The state ``cycle`` can move to next, or None once it is published."""
    target = CYCLE_TRANSITIONS.get(cycle.state)
    return CycleState(target) if target else None


class WorkflowError(Conflict):
    """A transition the state machine does not allow; the message says why, in the request's language."""

    default_code = "invalid_transition"


def can_transition(case: InnovationCase, to_state: str) -> bool:
    return to_state in ALLOWED_TRANSITIONS[case.state]


def lock(case: InnovationCase) -> InnovationCase:
    """Re-read the case under a row lock so that concurrent actions see each other's result."""
    return InnovationCase.objects.select_for_update().get(pk=case.pk)


def _require_edge(current: InnovationCase, to_state: str) -> None:
    if not can_transition(current, to_state):
        raise WorkflowError(
            _("A case that is “%(from)s” cannot become “%(to)s”.")
            % {"from": CaseState(current.state).label, "to": CaseState(to_state).label}
        )


def _transition_event(case_id: int, from_state: str, to_state: str, *, actor, message: str) -> CaseEvent:
    return CaseEvent(
        case_id=case_id,
        kind=CaseEvent.Kind.TRANSITION,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        from_state=from_state,
        to_state=to_state,
        message=message,
    )


@transaction.atomic
def transition(case: InnovationCase, *, to_state: str, actor, message: str = "", **fields) -> InnovationCase:
    """Move ``case`` to ``to_state`` (setting ``fields`` too) and record the event.

    Must be given a case locked with ``lock()`` by the caller's transaction when the decision to
    move depends on its current state; it re-checks the edge against the stored state."""
    current = lock(case)
    _require_edge(current, to_state)
    from_state = current.state
    current.state = to_state
    for name, value in fields.items():
        setattr(current, name, value)
    current.updated_at = timezone.now()
    current.save(update_fields=["state", "updated_at", *fields])
    _transition_event(current.pk, from_state, to_state, actor=actor, message=message).save()
    case.refresh_from_db()
    return current


@transaction.atomic
def transition_many(moves: list[tuple[InnovationCase, str, str]], *, actor) -> None:
    """``transition`` for many cases at once — ``(case, to_state, message)`` each — in a constant
    number of queries: one lock, one update per target state, one insert of the events. Refuses
    (changing nothing) if any move is not an allowed edge from the case's stored state."""
    if not moves:
        return
    ids = [case.pk for case, _to_state, _message in moves]
    stored = {case.pk: case for case in InnovationCase.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    now = timezone.now()
    by_target: dict[str, list[int]] = {}
    events = []
    for case, to_state, message in moves:
        current = stored[case.pk]
        _require_edge(current, to_state)
        by_target.setdefault(to_state, []).append(case.pk)
        events.append(_transition_event(case.pk, current.state, to_state, actor=actor, message=message))
        case.state, case.updated_at = to_state, now
    for to_state, case_ids in by_target.items():
        InnovationCase.objects.filter(pk__in=case_ids).update(state=to_state, updated_at=now)
    CaseEvent.objects.bulk_create(events)


# --- the revision thread ----------------------------------------------------------------------
# Primitives like ``transition``: the reviews services check who may ask and withdraw, the cases
# services who may answer; these keep the case's state and its thread of requests in step.


@transaction.atomic
def send_back_for_revision(
    case: InnovationCase, *, actor, message: str, respond_by: dt.date | None = None
) -> RevisionRequest:
    """in_review → revision_requested, opening a request of the thread with ``message``."""
    current = transition(case, to_state=CaseState.REVISION_REQUESTED, actor=actor, message=message)
    return RevisionRequest.objects.create(
        case=current, message=message, respond_by=respond_by, requested_by=actor, requested_at=timezone.now()
    )


def open_request(case: InnovationCase, *, for_update: bool = False) -> RevisionRequest | None:
    requests = RevisionRequest.objects.filter(case_id=case.pk, state=RevisionRequest.State.OPEN)
    return (requests.select_for_update() if for_update else requests).first()


@transaction.atomic
def answer_revision(case: InnovationCase, *, actor, response: str = "") -> RevisionRequest | None:
    """The open request is answered (with ``response``, the submitter's note) as the case goes back."""
    request = open_request(case, for_update=True)
    if request is not None:
        request.state = RevisionRequest.State.ANSWERED
        request.response = response
        request.answered_by = actor
        request.answered_at = timezone.now()
        request.save(update_fields=["state", "response", "answered_by", "answered_at"])
    return request


@transaction.atomic
def withdraw_revision(case: InnovationCase, *, actor, reason: str = "") -> InnovationCase:
    """revision_requested → in_review without an answer: the ministry takes its request back."""
    request = open_request(case, for_update=True)
    current = transition(
        case, to_state=CaseState.IN_REVIEW, actor=actor, message=reason or _("The revision request was withdrawn.")
    )
    if request is not None:
        request.state = RevisionRequest.State.WITHDRAWN
        request.withdrawn_by = actor
        request.withdrawn_at = timezone.now()
        request.withdrawal_reason = reason
        request.save(update_fields=["state", "withdrawn_by", "withdrawn_at", "withdrawal_reason"])
    return current
