"""The submission workflow for municipal staff (DESIGN.md §3, §4): create and update drafts, their
obstacles, remedies, outcomes and attachments; submit with a completeness check; withdraw; answer a
revision request and resubmit.

Every function is keyword-only, runs in one transaction, checks its rule (``cases.permissions``)
first and raises ``core.errors.ApplicationError`` (or ``NotAllowed``) with a clear message when it
refuses — in which case nothing has changed. Every change is recorded as a ``CaseEvent`` with the
actor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.models import (
    CASE_CONTENT_FIELDS,
    OUTCOME_CONTENT_FIELDS,
    Attachment,
    AttachmentKind,
    AwardCycle,
    CaseEvent,
    CaseObstacle,
    CaseRemedy,
    CaseState,
    InnovationCase,
    ObstacleType,
    Outcome,
    ParticipantKind,
    RemedyType,
)
from cases.permissions import cycle_is_open
from cases.uploads import validate_upload
from cases.workflow import answer_revision, lock, transition
from core.errors import ApplicationError, Conflict
from core.limits import TEXT_MAX_LENGTH
from core.rules import require


@dataclass(frozen=True)
class ObstacleItem:
    obstacle_type: ObstacleType
    description: str = ""  # in English
    description_local: str = ""  # in Korean


@dataclass(frozen=True)
class RemedyItem:
    remedy_type: RemedyType
    description: str = ""  # in English
    description_local: str = ""  # in Korean


# --- helpers ----------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    """A value as it is stored in ``CaseEvent.changes``: taxonomy codes, ISO dates, strings."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "code"):
        return value.code
    if hasattr(value, "pk"):
        return value.pk
    return str(value)


def _record(case: InnovationCase, *, actor, kind: str, changes: dict | None = None, message: str = "") -> None:
    CaseEvent.objects.create(case=case, kind=kind, actor=actor, changes=changes or {}, message=message)


def _apply_fields(case: InnovationCase, fields: Mapping[str, Any]) -> dict[str, list]:
    unknown = set(fields) - set(CASE_CONTENT_FIELDS)
    if unknown:
        raise ApplicationError(
            _("These fields cannot be set by a submitter: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
            code="unknown_fields",
        )
    changes: dict[str, list] = {}
    for name, value in fields.items():
        old = getattr(case, name)
        if value is None and name not in ("purpose", "service_area", "started_on"):
            value = "" if name != "uses_ict" else False
        if _jsonable(old) != _jsonable(value):
            changes[name] = [_jsonable(old), _jsonable(value)]
            setattr(case, name, value)
    return changes


def _set_participant_kinds(case: InnovationCase, kinds: Iterable[ParticipantKind]) -> dict[str, list]:
    old = sorted(case.participant_kinds.values_list("code", flat=True))
    kinds = list(kinds)
    new = sorted(kind.code for kind in kinds)
    if old == new:
        return {}
    case.participant_kinds.set(kinds)
    return {"participant_kinds": [old, new]}


def _set_typed_rows(case, *, model, type_field: str, related: str, items: Sequence, label: str) -> dict[str, list]:
    codes = [getattr(item, type_field).code for item in items]
    if len(codes) != len(set(codes)):
        raise ApplicationError(
            _("Each %(label)s type can be listed only once.") % {"label": label}, fields={related: [_("Listed twice.")]}
        )
    existing = {getattr(row, type_field).code: row for row in getattr(case, related).select_related(type_field)}
    texts = ("description", "description_local")
    old = [{"type": code, **{name: getattr(row, name) for name in texts}} for code, row in sorted(existing.items())]
    for item in items:
        row = existing.pop(getattr(item, type_field).code, None)
        if row is None:
            model.objects.create(
                case=case, **{type_field: getattr(item, type_field)}, **{name: getattr(item, name) for name in texts}
            )
        elif any(getattr(row, name) != getattr(item, name) for name in texts):
            for name in texts:
                setattr(row, name, getattr(item, name))
            row.save(update_fields=list(texts))
    for row in existing.values():
        row.delete()
    new = sorted(
        ({"type": getattr(item, type_field).code, **{name: getattr(item, name) for name in texts}} for item in items),
        key=lambda entry: entry["type"],
    )
    return {} if old == new else {related: [old, new]}


def _outcome_dict(outcome: Outcome) -> dict:
    return {name: _jsonable(getattr(outcome, name)) for name in OUTCOME_CONTENT_FIELDS}


def _set_outcomes(case: InnovationCase, items: Sequence[Mapping[str, Any]]) -> dict[str, list]:
    existing = {outcome.pk: outcome for outcome in case.outcomes.select_related("kind")}
    old = [_outcome_dict(outcome) for outcome in existing.values()]
    attachment_ids = set(case.attachments.values_list("pk", flat=True))
    kept: list[Outcome] = []
    for order, item in enumerate(items):
        item = dict(item)
        pk = item.pop("id", None)
        unknown = set(item) - set(OUTCOME_CONTENT_FIELDS)
        if unknown:
            raise ApplicationError(
                _("Unknown outcome fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}, code="unknown_fields"
            )
        if not (item.get("indicator") or item.get("indicator_local")):
            raise ApplicationError(
                _("Every outcome needs an indicator in at least one language."),
                fields={f"outcomes.{order}.indicator": [_("Name the indicator in English or Korean.")]},
            )
        attachment = item.get("evidence_attachment")
        if attachment is not None and attachment.pk not in attachment_ids:
            raise ApplicationError(
                _("The evidence file must be one of this case's attachments."),
                fields={f"outcomes.{order}.evidence_attachment": [_("Choose one of this case's attachments.")]},
            )
        if pk is not None:
            outcome = existing.pop(pk, None)
            if outcome is None:
                raise ApplicationError(
                    _("Outcome %(id)s does not belong to this case.") % {"id": pk},
                    fields={f"outcomes.{order}.id": [_("Not an outcome of this case.")]},
                )
        else:
            outcome = Outcome(case=case)
        for name in OUTCOME_CONTENT_FIELDS:
            value = item.get(name)
            if value is None and name not in ("kind", "baseline", "result", "evidence_attachment"):
                value = ""
            setattr(outcome, name, value)
        outcome.order = order
        outcome.save()
        kept.append(outcome)
    for outcome in existing.values():
        outcome.delete()
    new = [_outcome_dict(outcome) for outcome in kept]
    return {} if old == new else {"outcomes": [old, new]}


def _apply_all(
    case: InnovationCase,
    *,
    fields: Mapping[str, Any] | None,
    participant_kinds: Iterable[ParticipantKind] | None,
    obstacles: Sequence[ObstacleItem] | None,
    remedies: Sequence[RemedyItem] | None,
    outcomes: Sequence[Mapping[str, Any]] | None,
) -> dict[str, list]:
    changes = _apply_fields(case, fields or {})
    if changes:
        case.updated_at = timezone.now()
        try:
            case.full_clean(exclude=["cycle", "government", "created_by", "submitted_by"])
        except ValidationError as error:
            raise ApplicationError.from_validation_error(error, message=_("Some values are not valid.")) from error
        case.save()
    if participant_kinds is not None:
        changes |= _set_participant_kinds(case, participant_kinds)
    if obstacles is not None:
        changes |= _set_typed_rows(
            case,
            model=CaseObstacle,
            type_field="obstacle_type",
            related="obstacles",
            items=obstacles,
            label=_("obstacle"),
        )
    if remedies is not None:
        changes |= _set_typed_rows(
            case, model=CaseRemedy, type_field="remedy_type", related="remedies", items=remedies, label=_("remedy")
        )
    if outcomes is not None:
        changes |= _set_outcomes(case, outcomes)
    if changes and "updated_at" not in changes:
        InnovationCase.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    return changes


# --- drafts -----------------------------------------------------------------------------------


@transaction.atomic
def create_draft(
    *,
    actor,
    cycle: AwardCycle,
    fields: Mapping[str, Any] | None = None,
    participant_kinds: Iterable[ParticipantKind] | None = None,
    obstacles: Sequence[ObstacleItem] | None = None,
    remedies: Sequence[RemedyItem] | None = None,
    outcomes: Sequence[Mapping[str, Any]] | None = None,
) -> InnovationCase:
    """A new draft for the actor's own government in a cycle that accepts submissions."""
    require(actor, "cases.create_case", cycle)
    case = InnovationCase(cycle=cycle, government_id=actor.government_id, created_by=actor)
    _apply_fields(case, fields or {})
    try:
        case.full_clean(exclude=["created_by", "submitted_by"])
    except ValidationError as error:
        raise ApplicationError.from_validation_error(error, message=_("Some values are not valid.")) from error
    case.save()
    _apply_all(
        case,
        fields=None,
        participant_kinds=participant_kinds,
        obstacles=obstacles,
        remedies=remedies,
        outcomes=outcomes,
    )
    _record(case, actor=actor, kind=CaseEvent.Kind.CREATED)
    return case


@transaction.atomic
def update_draft(
    *,
    actor,
    case: InnovationCase,
    fields: Mapping[str, Any] | None = None,
    participant_kinds: Iterable[ParticipantKind] | None = None,
    obstacles: Sequence[ObstacleItem] | None = None,
    remedies: Sequence[RemedyItem] | None = None,
    outcomes: Sequence[Mapping[str, Any]] | None = None,
) -> InnovationCase:
    """Change a draft (or a case answering a revision request). ``None`` leaves a part unchanged;
    a list replaces the obstacles / remedies / outcomes. Records one ``updated`` event with the
    changes as ``{field: [old, new]}`` (none when nothing changed)."""
    current = lock(case)
    require(actor, "cases.edit_case", current)
    changes = _apply_all(
        current,
        fields=fields,
        participant_kinds=participant_kinds,
        obstacles=obstacles,
        remedies=remedies,
        outcomes=outcomes,
    )
    if changes:
        _record(current, actor=actor, kind=CaseEvent.Kind.UPDATED, changes=changes)
    case.refresh_from_db()
    return current


# --- attachments ------------------------------------------------------------------------------


@transaction.atomic
def add_attachment(
    *, actor, case: InnovationCase, file: UploadedFile, kind: str = AttachmentKind.EVIDENCE
) -> Attachment:
    """Store an uploaded file after checking its content (PDF, PNG, JPEG, DOCX, XLSX; 10 MB)."""
    current = lock(case)
    require(actor, "cases.edit_case", current)
    if kind not in AttachmentKind.values:
        raise ApplicationError(_("Unknown kind of attachment."), fields={"kind": [_("Choose a kind of attachment.")]})
    try:
        content_type = validate_upload(file)
    except ValidationError as error:
        raise ApplicationError(error.messages[0], code="invalid_file", fields={"file": error.messages}) from error
    name = (file.name or "file").rsplit("/", 1)[-1][:255]
    attachment = Attachment(
        case=current, original_name=name, kind=kind, content_type=content_type, size=file.size, uploaded_by=actor
    )
    attachment.file.save(name, file, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    _record(current, actor=actor, kind=CaseEvent.Kind.ATTACHMENT, changes={"added": [None, name]})
    return attachment


@transaction.atomic
def remove_attachment(*, actor, case: InnovationCase, attachment: Attachment) -> None:
    current = lock(case)
    require(actor, "cases.edit_case", current)
    if attachment.case_id != current.pk:
        raise ApplicationError(_("This file does not belong to the case."), code="not_found")
    name = attachment.original_name
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    _record(current, actor=actor, kind=CaseEvent.Kind.ATTACHMENT, changes={"removed": [name, None]})
    transaction.on_commit(lambda: storage.delete(path))


# --- submission -------------------------------------------------------------------------------


def completeness_problems(case: InnovationCase) -> list[str]:
    """What the case still lacks before it can be submitted, each as a sentence (empty: complete)."""
    problems: list[str] = []
    if not (case.title or case.title_local):
        problems.append(_("Give the case a title in English or Korean."))
    if not (case.summary or case.summary_local):
        problems.append(_("Write a summary in English or Korean."))
    if case.purpose_id is None:
        problems.append(_("Choose the purpose of the innovation."))
    if not case.obstacles.exists():
        problems.append(_("Describe at least one obstacle the innovation met."))
    if not case.remedies.exists():
        problems.append(_("Describe at least one remedy: how the obstacles were overcome."))
    if not any(outcome.has_baseline_or_evidence for outcome in case.outcomes.all()):
        problems.append(_("Report at least one outcome with a baseline value or evidence."))
    return problems


def submission_problems(actor, case: InnovationCase) -> list[str]:
    """Everything that stops ``actor`` from submitting ``case`` now (completeness and the cycle)."""
    problems = completeness_problems(case)
    if case.state == CaseState.DRAFT and not cycle_is_open(actor, case.cycle):
        problems.append(
            _("The %(cycle)s cycle is not accepting submissions (it closed on %(date)s).")
            % {
                "cycle": case.cycle.label,
                "date": date_format(timezone.localtime(case.cycle.submission_closes), "DATETIME_FORMAT"),
            }
        )
    return problems


@transaction.atomic
def submit_case(*, actor, case: InnovationCase, response: str = "") -> InnovationCase:
    """Submit a draft (or resubmit a case answering a revision request, with ``response``, the note
    that answers the request): refused with the list of what is missing; on success the
    government's tier and population are snapshotted."""
    current = lock(case)
    require(actor, "cases.submit_case", current)
    if current.state == CaseState.REVISION_REQUESTED:
        result = _resubmit(actor=actor, case=current, message=response)
        case.refresh_from_db()
        return result
    problems = submission_problems(actor, current)
    if problems:
        raise Conflict(_("The case cannot be submitted yet:"), code="incomplete", problems=problems)
    government = current.government
    result = transition(
        current,
        to_state=CaseState.SUBMITTED,
        actor=actor,
        tier=government.tier,
        population=government.population,
        submitted_at=timezone.now(),
        submitted_by=actor,
    )
    case.refresh_from_db()
    return result


def _resubmit(*, actor, case: InnovationCase, message: str = "") -> InnovationCase:
    message = (message or "").strip()
    if len(message) > TEXT_MAX_LENGTH:
        too_long = _("Keep the response to %(count)s characters or fewer.") % {"count": TEXT_MAX_LENGTH}
        raise ApplicationError(too_long, fields={"response": [too_long]})
    problems = completeness_problems(case)
    if problems:
        raise Conflict(_("The case cannot be resubmitted yet:"), code="incomplete", problems=problems)
    answer_revision(case, actor=actor, response=message)
    result = transition(case, to_state=CaseState.SUBMITTED, actor=actor, message=message)
    # A revision is requested only of a case in review, so its reviewers are assigned already.
    return transition(result, to_state=CaseState.IN_REVIEW, actor=actor, message=_("Back to the assigned reviewers."))


@transaction.atomic
def resubmit_after_revision(*, actor, case: InnovationCase, message: str = "") -> InnovationCase:
    """Answer a revision request: revision_requested → submitted → in_review, back to the reviewers
    already assigned (both transitions are recorded)."""
    current = lock(case)
    require(actor, "cases.submit_case", current)
    if current.state != CaseState.REVISION_REQUESTED:
        raise Conflict(_("Only a case sent back for revision can be resubmitted."), code="invalid_state")
    result = _resubmit(actor=actor, case=current, message=message)
    case.refresh_from_db()
    return result


@transaction.atomic
def withdraw_case(*, actor, case: InnovationCase, message: str = "") -> InnovationCase:
    """Withdraw a draft or a submitted case (not once review has started)."""
    current = lock(case)
    require(actor, "cases.withdraw_case", current)
    result = transition(current, to_state=CaseState.WITHDRAWN, actor=actor, message=message)
    case.refresh_from_db()
    return result
