"""The statistics read from the maintained summaries (``dashboard.models``) instead of the cases:
the same tables as ``dashboard.statistics`` computes live, from a few hundred summary rows.

Queries, whatever the number of cases: the summary rows (1), the national profile (1, only for
Table 1), the three taxonomies (1, one UNION, only for Tables 2-4) and the most answered cases (1,
only for the "felt it" table)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from django.db.models import F, Sum, Value

from cases.models import (
    SUBMITTED_STATES,
    CaseState,
    CycleState,
    ObstacleType,
    Outcome,
    Purpose,
    RemedyType,
    Verification,
    localized,
)
from cases.selectors import PUBLIC_CASES
from governments.selectors import national_profile

from . import statistics as live
from .models import Summary, SummaryKind
from .statistics import (
    FELT_BY_CASE_LIMIT,
    ICT,
    NON_ICT,
    Scope,
    Statistics,
    Table,
    TableId,
)

# Which summary kinds each table reads (the case rows also give the case count every table needs).
KINDS = {
    TableId.TIER_REPRESENTATION: {SummaryKind.CASE},
    TableId.PURPOSE_BY_ICT: {SummaryKind.CASE},
    TableId.OBSTACLES_BY_ICT: {SummaryKind.CASE, SummaryKind.OBSTACLE},
    TableId.REMEDIES_BY_ICT: {SummaryKind.CASE, SummaryKind.REMEDY},
    TableId.AWARD_RATE_BY_TIER: {SummaryKind.CASE},
    TableId.ICT_BY_CYCLE: {SummaryKind.CASE},
    TableId.TIER_BY_CYCLE: {SummaryKind.CASE},
    TableId.OUTCOME_VERIFICATION: {SummaryKind.OUTCOME},
    TableId.CITIZEN_FEEDBACK: {SummaryKind.FEEDBACK},
    TableId.FELT_BY_CASE: set(),
    TableId.PARTICIPATION_LEVELS: {SummaryKind.CASE},
}
TAXONOMIES = {"purpose": Purpose, "obstacle": ObstacleType, "remedy": RemedyType}


@dataclass(frozen=True)
class Entry:
    """A taxonomy entry as the tables need it (what ``live._taxonomy_entries`` gives as models)."""

    pk: int
    code: str
    name: str
    name_local: str
    order: int
    is_active: bool

    @property
    def label(self) -> str:
        return localized(self.name, self.name_local)


@dataclass(frozen=True)
class Counted:
    kind: str
    year: int
    cycle_state: str
    state: str
    uses_ict: bool
    tier: str
    purpose_id: int
    participation: str
    item: str
    n: int
    population: int

    @property
    def ict(self) -> str:
        return ICT if self.uses_ict else NON_ICT


def summary_rows(cycles: Sequence[int], kinds: Collection[str]) -> list[Counted]:
    rows = (
        Summary.objects.filter(cycle__year__in=list(cycles), kind__in=sorted(kinds))
        .values(
            "kind", "cycle__year", "cycle__state", "state", "uses_ict", "tier", "purpose_id", "participation", "item"
        )
        .annotate(count=Sum("n"), people=Sum("population"))
        .order_by()
    )
    return [
        Counted(
            kind=row["kind"],
            year=row["cycle__year"],
            cycle_state=row["cycle__state"],
            state=row["state"],
            uses_ict=row["uses_ict"],
            tier=row["tier"],
            purpose_id=row["purpose_id"],
            participation=row["participation"],
            item=row["item"],
            n=int(row["count"]),
            population=int(row["people"]),
        )
        for row in rows
        if row["count"]
    ]


def taxonomies(kinds: Collection[str]) -> dict[str, list[Entry]]:
    """Every entry of the asked taxonomies, in their order, in one query."""
    fields = ("id", "code", "name", "name_local", "order", "is_active")
    queries = [
        TAXONOMIES[kind].objects.annotate(taxonomy=Value(kind)).values("taxonomy", *fields).order_by()
        for kind in sorted(kinds)
    ]
    if not queries:
        return {}
    found: dict[str, list[Entry]] = {kind: [] for kind in kinds}
    for row in queries[0].union(*queries[1:], all=True):
        found[row["taxonomy"]].append(
            Entry(row["id"], row["code"], row["name"], row["name_local"], row["order"], row["is_active"])
        )
    return {kind: sorted(entries, key=lambda e: (e.order, e.code)) for kind, entries in found.items()}


def _shown(entries: list[Entry], used: set[int]) -> list[Entry]:
    """Active entries, plus inactive ones still used by cases in scope (as the live tables do)."""
    return [entry for entry in entries if entry.is_active or entry.pk in used]


def _in_scope(row: Counted, scope: str) -> bool:
    if scope == Scope.SUBMITTED:
        return row.state in SUBMITTED_STATES
    return row.state == CaseState.AWARDED and row.cycle_state == CycleState.PUBLISHED


def most_answered(scope: str, cycles: Sequence[int]):
    """The cases of the "felt it" table, in its order, from the per-case answer counts."""
    return (
        live.cases_in_scope(scope, cycles)
        .filter(PUBLIC_CASES, feedback_summary__responses__gt=0)
        .annotate(
            responses=F("feedback_summary__responses"),
            yes=F("feedback_summary__yes"),
            no=F("feedback_summary__no"),
            not_sure=F("feedback_summary__not_sure"),
            outcome_count=live._count_subquery(Outcome),
            verified_count=live._count_subquery(Outcome, verification=Verification.VERIFIED),
        )
        .select_related("government__parent", "cycle")
        .order_by("-feedback_summary__responses", "sort_key")[:FELT_BY_CASE_LIMIT]
    )


def compute(*, scope: str, cycles: Sequence[int], wanted: Collection[str]) -> Statistics:
    kinds = set().union(*(KINDS[table] for table in wanted)) if wanted else set()
    rows = summary_rows(cycles, kinds) if kinds else []
    scoped = [row for row in rows if _in_scope(row, scope)]
    cases = [row for row in scoped if row.kind == SummaryKind.CASE]
    case_count = sum(row.n for row in cases)
    needed = {name for name, table in (("purpose", TableId.PURPOSE_BY_ICT),) if table in wanted}
    needed |= {"obstacle"} if TableId.OBSTACLES_BY_ICT in wanted else set()
    needed |= {"remedy"} if TableId.REMEDIES_BY_ICT in wanted else set()
    entries = taxonomies(needed)
    tables: dict[str, Table] = {}

    def counts(rows, key):
        counted: dict = defaultdict(int)
        for row in rows:
            counted[key(row)] += row.n
        return dict(counted)

    if TableId.TIER_REPRESENTATION in wanted:
        by_tier: dict[str, dict] = defaultdict(lambda: {"count": 0, "population": 0})
        for row in cases:
            by_tier[row.tier]["count"] += row.n
            by_tier[row.tier]["population"] += row.population
        tables[TableId.TIER_REPRESENTATION] = live.tier_table(dict(by_tier), scope, national_profile())
    if TableId.PURPOSE_BY_ICT in wanted:
        by_purpose = counts(cases, lambda row: (row.purpose_id, row.ict))
        used = {purpose for purpose, _ict in by_purpose}
        tables[TableId.PURPOSE_BY_ICT] = live.purpose_table(by_purpose, case_count, _shown(entries["purpose"], used))
    for table_id, kind, title in (
        (TableId.OBSTACLES_BY_ICT, "obstacle", live.OBSTACLES_TITLE),
        (TableId.REMEDIES_BY_ICT, "remedy", live.REMEDIES_TITLE),
    ):
        if table_id in wanted:
            by_type = counts((row for row in scoped if row.kind == kind), lambda row: (int(row.item), row.ict))
            types = _shown(entries[kind], {type_id for type_id, _ict in by_type})
            tables[table_id] = live.reported_table(
                by_type, case_count, types, table_id=table_id, title=str(title), header=live._("ICT")
            )
    if TableId.AWARD_RATE_BY_TIER in wanted:
        rates: dict[str, dict] = defaultdict(lambda: {"submitted": 0, "awarded": 0})
        for row in rows:
            if row.kind == SummaryKind.CASE and row.state in SUBMITTED_STATES:
                rates[row.tier]["submitted"] += row.n
                if row.state == CaseState.AWARDED:
                    rates[row.tier]["awarded"] += row.n
        tables[TableId.AWARD_RATE_BY_TIER] = live.award_rate_table(dict(rates))
    if TableId.ICT_BY_CYCLE in wanted or TableId.TIER_BY_CYCLE in wanted:
        ict_trend, tier_trend = live.cycle_tables([(row.year, row.tier, row.uses_ict, row.n) for row in cases], cycles)
        tables[TableId.ICT_BY_CYCLE] = ict_trend
        tables[TableId.TIER_BY_CYCLE] = tier_trend
    if TableId.OUTCOME_VERIFICATION in wanted:
        tables[TableId.OUTCOME_VERIFICATION] = live.verification_table(
            counts((row for row in scoped if row.kind == SummaryKind.OUTCOME), lambda row: (row.item, row.ict))
        )
    if TableId.CITIZEN_FEEDBACK in wanted:
        tables[TableId.CITIZEN_FEEDBACK] = live.feedback_table(
            counts((row for row in scoped if row.kind == SummaryKind.FEEDBACK), lambda row: (row.item, row.ict))
        )
    if TableId.FELT_BY_CASE in wanted:
        tables[TableId.FELT_BY_CASE] = live.felt_table(most_answered(scope, cycles))
    if TableId.PARTICIPATION_LEVELS in wanted:
        tables[TableId.PARTICIPATION_LEVELS] = live.participation_table(
            counts(cases, lambda row: (row.participation, row.ict)), case_count
        )
    ordered = {str(table): tables[table] for table in live.TABLE_ORDER if table in tables}
    return Statistics(scope=str(scope), cycles=list(cycles), case_count=case_count, tables=ordered)
