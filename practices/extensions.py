"""What later apps add to the practice page and to the open data, without practices importing them.

The afterward app (follow-up reports, adoptions) registers a section of the practice page and an
open-data field when it starts (``afterward.apps``), as the reviews app registers readers of a case
in ``cases.access``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DetailSection:
    name: str
    # Rendered on the practice page after the outcomes, with the context that ``context`` returns.
    template: str
    context: Callable[[Any, Any], dict]  # (request, case) -> dict


@dataclass(frozen=True)
class OpenDataField:
    name: str  # the key in the JSON record and the CSV column's key
    header: Any  # the CSV column's header (a lazy translation)
    prefetch: Callable[[], list]  # what ``published_cases`` prefetches for it
    value: Callable[[Any], Any]  # (case) -> the JSON value
    csv: Callable[[Any], str]  # (the JSON value) -> the CSV cell


_sections: dict[str, DetailSection] = {}
_fields: dict[str, OpenDataField] = {}


def register_detail_section(section: DetailSection) -> None:
    _sections[section.name] = section


def detail_sections(request, case) -> list[dict]:
    return [{"template": s.template, **s.context(request, case)} for s in _sections.values()]


def register_open_data_field(field: OpenDataField) -> None:
    _fields[field.name] = field


def open_data_fields() -> list[OpenDataField]:
    return list(_fields.values())
