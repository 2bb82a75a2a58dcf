"""Who may read a case beyond the public, the managers and the case's own government.

Later apps add readers here instead of cases reaching forward into them: the reviews app registers
"the reviewers assigned to the case" when it starts (``reviews.apps``). Each reader is given twice,
as a queryset condition (``selectors.visible_cases``) and as an object check
(``permissions.can_view_case``); tests hold the two to the same matrix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class CaseReader:
    name: str
    # The cases ``user`` may read through this rule, as a condition on InnovationCase (None: none).
    condition: Callable[[object], Q | None]
    # Whether ``user`` may read ``case`` through this rule.
    allows: Callable[[object, object], bool]


_readers: dict[str, CaseReader] = {}


def register_case_reader(reader: CaseReader) -> None:
    _readers[reader.name] = reader


def case_readers() -> list[CaseReader]:
    return list(_readers.values())
