"""Finding the glossary's management jargon (``JargonTerm``) in case texts.

A term matches as a whole word in English (``BPR`` not inside ``BPRX``), case-insensitively; Korean
terms match inside a word too, since Korean attaches particles to nouns (``목표관리제를``). The same
rule is written twice: as a Python pattern for highlighting and counting one case's text, and as a
pattern that both SQLite (Python's ``re``) and PostgreSQL (``~*``) run, for the statistics."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import JargonTerm, localized

# The case texts searched for jargon, in both languages.
TEXT_FIELDS = (
    "title",
    "title_local",
    "summary",
    "summary_local",
    "description",
    "description_local",
    "ict_description",
    "ict_description_local",
)
WORD = "A-Za-z0-9"


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    description: str
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class Use:
    """A glossary term found in a text."""

    term: Term
    count: int


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    @cached_property
    def _by_spelling(self) -> dict[str, Term]:
        return {spelling.casefold(): term for term in self.terms for spelling in term.spellings}

    def _alternatives(self) -> list[str]:
        # Longest first, so that "business process reengineering" wins over a shorter spelling inside it.
        return [re.escape(spelling) for spelling in sorted(self._by_spelling, key=lambda s: (-len(s), s))]

    @cached_property
    def regex(self) -> re.Pattern | None:
        if not self.terms:
            return None
        return re.compile(f"(?<![{WORD}])(?:{'|'.join(self._alternatives())})(?![{WORD}])", re.IGNORECASE)

    def sql_pattern(self) -> str | None:
        """The same matches for ``__iregex`` (no look-behind: PostgreSQL's and Python's syntax in common)."""
        if not self.terms:
            return None
        return f"(^|[^{WORD}])({'|'.join(self._alternatives())})($|[^{WORD}])"

    def term_of(self, matched: str) -> Term:
        return self._by_spelling[matched.casefold()]

    def uses(self, texts: Iterable[str]) -> list[Use]:
        """The terms found in ``texts``, in glossary order, with how often each occurs."""
        counts: dict[str, int] = {}
        if self.regex is not None:
            for text in texts:
                for match in self.regex.finditer(text or ""):
                    code = self.term_of(match.group(0)).code
                    counts[code] = counts.get(code, 0) + 1
        return [Use(term, counts[term.code]) for term in self.terms if term.code in counts]

    def count(self, texts: Iterable[str]) -> int:
        return sum(use.count for use in self.uses(texts))

    def highlight(self, text: str) -> SafeString:
        """``text`` escaped, every term in a ``<mark>`` that names it."""
        text = text or ""
        if self.regex is None:
            return mark_safe(escape(text))  # noqa: S308 (escaped)
        parts, end = [], 0
        for match in self.regex.finditer(text):
            term = self.term_of(match.group(0))
            parts.append(escape(text[end : match.start()]))
            parts.append(
                f'<mark class="jargon" data-term="{escape(term.code)}" title="{escape(term.label)}">'
                f"{escape(match.group(0))}</mark>"
            )
            end = match.end()
        parts.append(escape(text[end:]))
        return mark_safe("".join(parts))  # noqa: S308 (every part escaped)


def glossary() -> Glossary:
    """The active terms (one query)."""
    return Glossary(
        tuple(
            Term(
                term.code,
                str(term.label),
                str(localized(term.description, term.description_local)),
                tuple(term.spellings()),
            )
            for term in JargonTerm.objects.filter(is_active=True).order_by("order", "code")
        )
    )


def case_texts(case) -> list[str]:
    return [getattr(case, name) or "" for name in TEXT_FIELDS]


def uses_jargon(found: Glossary) -> Q | None:
    """Cases whose texts use any term of ``found`` (None: the glossary is empty)."""
    pattern = found.sql_pattern()
    if pattern is None:
        return None
    condition = Q()
    for name in TEXT_FIELDS:
        condition |= Q(**{f"{name}__iregex": pattern})
    return condition


@dataclass(frozen=True)
class Substantiation:
    """What a reviewer checks: the jargon the case uses and the outcomes it claims without evidence."""

    jargon: list[Use]
    outcomes: list
    unevidenced: list

    @property
    def jargon_count(self) -> int:
        return sum(use.count for use in self.jargon)

    @property
    def evidenced_percent(self) -> float | None:
        from core.numbers import percent

        if not self.outcomes:
            return None
        return percent(len(self.outcomes) - len(self.unevidenced), len(self.outcomes))


def substantiation(case, found: Glossary) -> Substantiation:
    outcomes = list(case.outcomes.select_related("kind"))
    return Substantiation(
        jargon=found.uses(case_texts(case)),
        outcomes=outcomes,
        unevidenced=[outcome for outcome in outcomes if not outcome.has_evidence],
    )
