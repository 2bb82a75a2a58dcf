"""Bulk open data: every published awarded case as CSV and JSON, with the licence statement and
the registry's attribution. Both are streamed so that the download stays flat in memory as the
number of cases grows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import CaseObstacle, CaseRemedy, InnovationCase, Outcome, Verification

from .extensions import open_data_fields
from .selectors import practice_list

LICENCE_NAME = "Korea Open Government License (KOGL) Type 1"
LICENCE_URL = "https://www.kogl.or.kr/info/licenseType1.do"
LICENCE_STATEMENT = _(
    "The awarded cases are published under the Korea Open Government License (KOGL) Type 1: you may "
    "copy, share and adapt them, also commercially, as long as you name the source "
    "(Local Government Innovation Awards)."
)
REGISTRY_ATTRIBUTION = "Team POPONG (CC BY 3.0); source data Statistics Korea (KOSTAT/KOSIS)"
REGISTRY_NOTE = _(
    "The local-government registry (codes, names, parents) is derived from Team POPONG's data "
    "(CC BY 3.0); source data Statistics Korea (KOSTAT/KOSIS). Populations are rescaled to the "
    "source study's 2006 national profile."
)
ILLUSTRATIVE_NOTE = _(
    "Demonstration data: only the Gumi City and Seosan City cases are described in the source study; "
    "the other cases are illustrative (is_illustrative = true)."
)
CHUNK = 500
LIST_SEPARATOR = "; "

# The CSV's columns: a stable key (the header with ``?header=keys``, and the JSON's field) and the
# header a person reads, in the request's language.
CSV_HEADERS = {
    "id": _("ID"),
    "url": _("Address"),
    "cycle": _("Cycle"),
    "government_code": _("Government code"),
    "government": _("Government (English)"),
    "government_local": _("Government (Korean)"),
    "parent_code": _("Parent government code"),
    "tier": _("Tier (code)"),
    "population": _("Population at submission"),
    "title": _("Title (English)"),
    "title_local": _("Title (Korean)"),
    "summary": _("Summary (English)"),
    "summary_local": _("Summary (Korean)"),
    "purpose": _("Purpose (code)"),
    "service_area": _("Service area (code)"),
    "uses_ict": _("ICT was the major means"),
    "participation_level": _("Citizen participation (code)"),
    "participant_kinds": _("Participants (codes)"),
    "obstacles": _("Obstacles (codes)"),
    "remedies": _("Remedies (codes)"),
    "outcomes": _("Claimed outcomes"),
    "verified_outcomes": _("Verified outcomes"),
    "award_level": _("Award level (code)"),
    "is_illustrative": _("Illustrative case"),
    "submitted_at": _("Submitted at"),
}


def csv_headers() -> dict:
    """The columns above and those later apps add (``practices.extensions``), in order."""
    return {**CSV_HEADERS, **{field.name: field.header for field in open_data_fields()}}


def published_cases() -> QuerySet[InnovationCase]:
    extra = [lookup for field in open_data_fields() for lookup in field.prefetch()]
    return (
        practice_list()
        .select_related("decision__level")
        .prefetch_related(
            Prefetch("obstacles", queryset=CaseObstacle.objects.select_related("obstacle_type")),
            Prefetch("remedies", queryset=CaseRemedy.objects.select_related("remedy_type")),
            Prefetch("outcomes", queryset=Outcome.objects.select_related("kind")),
            "participant_kinds",
            *extra,
        )
        .order_by("cycle__year", "government__code", "id")
    )


def _number(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _award(case: InnovationCase) -> dict | None:
    try:
        decision = case.decision
    except ObjectDoesNotExist:
        return None
    level = decision.level
    return {
        "level": level.code if level else None,
        "level_name": level.name if level else None,
        "level_name_local": level.name_local if level else None,
        "rationale": decision.rationale,
        "rationale_local": decision.rationale_local,
    }


def case_record(case: InnovationCase, *, base_url: str = "") -> dict:
    """The open-data record of one published case (both languages, stable codes as keys)."""
    government = case.government
    return {
        "id": case.pk,
        "url": base_url + reverse("practices:practice_detail", args=[case.pk]),
        "cycle": case.cycle.year,
        "government": {
            "code": government.code,
            "name": government.name,
            "name_local": government.name_local,
            "parent_code": government.parent.code if government.parent_id else None,
        },
        "tier": case.tier,
        "population": case.population,
        "title": case.title,
        "title_local": case.title_local,
        "summary": case.summary,
        "summary_local": case.summary_local,
        "description": case.description,
        "description_local": case.description_local,
        "purpose": case.purpose.code if case.purpose_id else None,
        "service_area": case.service_area.code if case.service_area_id else None,
        "uses_ict": case.uses_ict,
        "ict_description": case.ict_description,
        "ict_description_local": case.ict_description_local,
        "champion": case.champion,
        "champion_local": case.champion_local,
        "participation_level": case.participation_level,
        "participant_kinds": [kind.code for kind in case.participant_kinds.all()],
        "obstacles": [
            {
                "type": item.obstacle_type.code,
                "description": item.description,
                "description_local": item.description_local,
            }
            for item in case.obstacles.all()
        ],
        "remedies": [
            {
                "type": item.remedy_type.code,
                "description": item.description,
                "description_local": item.description_local,
            }
            for item in case.remedies.all()
        ],
        "outcomes": [
            {
                "kind": item.kind.code if item.kind_id else None,
                "indicator": item.indicator,
                "indicator_local": item.indicator_local,
                "unit": item.unit,
                "unit_local": item.unit_local,
                "baseline": _number(item.baseline),
                "result": _number(item.result),
                "verification": item.verification,
            }
            for item in case.outcomes.all()
        ],
        "award": _award(case),
        "is_illustrative": case.is_illustrative,
        "submitted_at": case.submitted_at.isoformat() if case.submitted_at else None,
        **{field.name: field.value(case) for field in open_data_fields()},
    }


def csv_row(record: dict) -> list:
    award = record["award"] or {}
    return [
        record["id"],
        record["url"],
        record["cycle"],
        record["government"]["code"],
        record["government"]["name"],
        record["government"]["name_local"],
        record["government"]["parent_code"] or "",
        record["tier"],
        record["population"],
        record["title"],
        record["title_local"],
        record["summary"],
        record["summary_local"],
        record["purpose"] or "",
        record["service_area"] or "",
        "true" if record["uses_ict"] else "false",
        record["participation_level"],
        LIST_SEPARATOR.join(record["participant_kinds"]),
        LIST_SEPARATOR.join(item["type"] for item in record["obstacles"]),
        LIST_SEPARATOR.join(item["type"] for item in record["remedies"]),
        len(record["outcomes"]),
        sum(item["verification"] == Verification.VERIFIED for item in record["outcomes"]),
        award.get("level") or "",
        "true" if record["is_illustrative"] else "false",
        record["submitted_at"] or "",
        *(field.csv(record[field.name]) for field in open_data_fields()),
    ]


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def iter_csv(*, base_url: str = "", header: str = "labels") -> Iterator[str]:
    """The CSV, its header row the columns' names in the active language (``header="keys"``: the
    stable keys, for programs)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # byte order mark: spreadsheet programs then read the Korean text as UTF-8
    headers = csv_headers()
    yield writer.writerow(list(headers) if header == "keys" else [str(label) for label in headers.values()])
    for case in published_cases().iterator(chunk_size=CHUNK):
        yield writer.writerow(csv_row(case_record(case, base_url=base_url)))


def metadata() -> dict:
    return {
        "title": "Local Government Innovation Awards: awarded practices",
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL, "statement": str(LICENCE_STATEMENT)},
        "attribution": {"registry": REGISTRY_ATTRIBUTION, "note": str(REGISTRY_NOTE)},
        "note": str(ILLUSTRATIVE_NOTE),
        "generated_at": timezone.now().isoformat(),
    }


def iter_json(*, base_url: str = "") -> Iterator[str]:
    """``{...metadata, "count": n, "cases": [...]}``, one case at a time."""
    head = {**metadata(), "count": practice_list().count()}
    yield json.dumps(head, ensure_ascii=False, cls=DjangoJSONEncoder)[:-1] + ', "cases": ['
    for index, case in enumerate(published_cases().iterator(chunk_size=CHUNK)):
        yield ("," if index else "") + json.dumps(
            case_record(case, base_url=base_url), ensure_ascii=False, cls=DjangoJSONEncoder
        )
    yield "]}"
