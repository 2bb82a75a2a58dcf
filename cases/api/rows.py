"""A page of ``/api/v1/cases/`` for an anonymous reader, read as rows instead of model instances.

``CaseSerializer`` over model instances builds some 800 objects for a page of 50 cases and their
related rows, then reads them back field by field: two thirds of an uncached page's time. The
public sees the same fields of every case (never the staff contacts nor the revision thread:
``cases.view_contact_details`` and ``cases.view_revision_requests`` allow no anonymous reader), so
its page is read with ``values()`` — the cases, their participant kinds, obstacles, remedies,
outcomes and attachments, each read compiled once per process and all six sent in one round trip
(``core.compiled``) — and every value is formatted by the serializer's own field for it, in the
related rows' own order. The result is the serializer's, key for key
(``tests/cases/test_api_rows.py`` compares both on every demo case, in both languages)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence

from rest_framework import serializers

from cases.models import Attachment, CaseObstacle, CaseRemedy, InnovationCase, Outcome, ParticipantKind, localized
from core.compiled import IdsRead, rows_together

from .serializers import AttachmentReadSerializer, CaseSerializer, OutcomeReadSerializer, download_url, typed_row

# What the public never sees of a case (the serializer answers null).
HIDDEN = ("contact_email", "contact_phone", "revision_requests")
# Read by their own query each, below.
RELATED = ("participant_kinds", "obstacles", "remedies", "outcomes", "attachments")


def _column(field: serializers.Field) -> str:
    """The values() column of a field: its source, or the slug of the related row it names."""
    column = field.source.replace(".", "__")
    if isinstance(field, serializers.SlugRelatedField):
        return f"{column}__{field.slug_field}"
    if isinstance(field, serializers.PrimaryKeyRelatedField):
        return f"{column}_id"
    return column


def _formatter(serializer_class: type[serializers.ModelSerializer], names: Sequence[str]):
    """``row -> dict`` of ``names``, each value as the serializer's field represents it (a related
    field's slug or key as it is; None stays None, as DRF leaves it); and the columns it reads."""
    fields = serializer_class().fields
    plan = [
        (name, _column(fields[name]), None if isinstance(fields[name], serializers.RelatedField) else fields[name])
        for name in names
    ]

    def format_row(row: dict) -> dict:
        data = {}
        for name, column, field in plan:
            value = row[column]
            data[name] = value if value is None or field is None else field.to_representation(value)
        return data

    return format_row, [column for _name, column, _field in plan]


@functools.cache
def _formatters():
    """Built once: a serializer's fields cost more to build than a page's rows to format. (What
    they format does not depend on the request: language and time zone are read when called.)"""
    plain = [name for name in CaseSerializer.Meta.fields if name not in HIDDEN and name not in RELATED]
    stored = [name for name in AttachmentReadSerializer.Meta.fields if name != "download_url"]
    return {
        "case": _formatter(CaseSerializer, plain),
        "outcome": _formatter(OutcomeReadSerializer, OutcomeReadSerializer.Meta.fields),
        "attachment": _formatter(AttachmentReadSerializer, stored),
    }


def _related_order(ordering: str, relation: str) -> str:
    """A related model's ordering term, read from the row that points at it ("-order" stays descending)."""
    return f"-{relation}__{ordering[1:]}" if ordering.startswith("-") else f"{relation}__{ordering}"


def _typed_read(model, type_field: str) -> IdsRead:
    """Obstacles or remedies of some cases, as ``get_obstacles`` / ``get_remedies`` give them."""
    return IdsRead(
        model,
        "case",
        lambda where: (
            model.objects.filter(where)
            .values(
                "case_id",
                f"{type_field}__code",
                f"{type_field}__name",
                f"{type_field}__name_local",
                "description",
                "description_local",
            )
            .order_by(*model._meta.ordering)
        ),
    )


def _typed_rows(rows: list[dict], type_field: str) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = defaultdict(list)
    labels: dict[str, str] = {}  # a handful of types for a page's hundreds of rows
    for row in rows:
        code = row[f"{type_field}__code"]
        label = labels.get(code)
        if label is None:
            label = labels[code] = localized(row[f"{type_field}__name"], row[f"{type_field}__name_local"])
        found[row["case_id"]].append(typed_row(code, label, row["description"], row["description_local"]))
    return found


def _formatted_read(model, formatter: str) -> IdsRead:
    """A model's rows of some cases, in its order, with the columns its formatter reads."""
    return IdsRead(
        model,
        "case",
        lambda where: (
            model.objects.filter(where).values("case_id", *_formatters()[formatter][1]).order_by(*model._meta.ordering)
        ),
    )


# Each read of a page compiled once (core.compiled): only the ids change from page to page.
_through = InnovationCase.participant_kinds.through
READS = {
    "case": IdsRead(
        InnovationCase,
        "id",
        lambda where: InnovationCase.objects.filter(where).values("id", *_formatters()["case"][1]).order_by(),
    ),
    "participant_kinds": IdsRead(
        _through,
        "innovationcase",
        lambda where: (
            _through.objects.filter(where)
            .values("innovationcase_id", "participantkind__code")
            .order_by(*(_related_order(name, "participantkind") for name in ParticipantKind._meta.ordering))
        ),
    ),
    "obstacles": _typed_read(CaseObstacle, "obstacle_type"),
    "remedies": _typed_read(CaseRemedy, "remedy_type"),
    "outcomes": _formatted_read(Outcome, "outcome"),
    "attachments": _formatted_read(Attachment, "attachment"),
}
READ_ORDER = ("case", "participant_kinds", "obstacles", "remedies", "outcomes", "attachments")


def public_page(ids: Sequence[int], request) -> list[dict]:
    """The cases ``ids`` (in that order) as ``CaseSerializer`` represents them to the public."""
    formatters = _formatters()
    # The six reads in one round trip (core.compiled.rows_together).
    case_rows, kind_rows, obstacle_rows, remedy_rows, outcome_rows, attachment_rows = rows_together(
        [(READS[name], ids) for name in READ_ORDER]
    )
    cases = {row["id"]: row for row in case_rows}
    format_case = formatters["case"][0]

    kinds: dict[int, list[str]] = defaultdict(list)
    for row in kind_rows:
        kinds[row["innovationcase_id"]].append(row["participantkind__code"])

    obstacles = _typed_rows(obstacle_rows, "obstacle_type")
    remedies = _typed_rows(remedy_rows, "remedy_type")

    format_outcome = formatters["outcome"][0]
    outcomes: dict[int, list[dict]] = defaultdict(list)
    for row in outcome_rows:
        outcomes[row["case_id"]].append(format_outcome(row))

    format_attachment = formatters["attachment"][0]
    attachments: dict[int, list[dict]] = defaultdict(list)
    for row in attachment_rows:
        data = format_attachment(row)
        data["download_url"] = download_url(request, row["case_id"], row["id"])
        attachments[row["case_id"]].append(data)

    page = []
    for pk in ids:
        if pk not in cases:
            continue  # deleted since the page's ids were read (the reads are not one snapshot)
        data = format_case(cases[pk])
        data["tier"] = data["tier"] or None  # as CaseSerializer: a draft has none yet
        data.update(
            participant_kinds=kinds[pk],
            obstacles=obstacles[pk],
            remedies=remedies[pk],
            outcomes=outcomes[pk],
            attachments=attachments[pk],
            **dict.fromkeys(HIDDEN),
        )
        page.append({name: data[name] for name in CaseSerializer.Meta.fields})
    return page
