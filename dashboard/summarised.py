"""The statistics read from the maintained summaries (``dashboard.models``) instead of the cases:
the same tables as ``dashboard.statistics`` computes live, from the marginals of the summary
(``GROUPING SETS``: a few hundred rows, whatever the number of cases).

Queries, whatever the number of cases: one statement for the small reads (``core.batched``: the
summary rows, the national profile for Table 1, the taxonomies of the tables that list them, the
follow-ups and the adoption flows), then the rows of the most answered cases (only for the "felt
it" table) and of the most adopted (only for the adoptions table). Service areas, claimed outcome
kinds and jargon come from the summary rows too: no table scans the cases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from django.db import router
from django.db.models import F, QuerySet, Value

from afterward import selectors as afterward
from cases.models import (
    SUBMITTED_STATES,
    AwardCycle,
    CaseState,
    CycleState,
    ObstacleType,
    Outcome,
    OutcomeKind,
    Purpose,
    RemedyType,
    ServiceArea,
    Verification,
    localized,
)
from cases.selectors import PUBLIC_CASES
from core.batched import RawRead, read_together
from governments.selectors import national_profile, tier_totals

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
    TableId.SERVICE_AREA_BY_ICT: {SummaryKind.CASE, SummaryKind.AREA},
    TableId.OUTCOME_KIND_BY_ICT: {SummaryKind.CASE, SummaryKind.CLAIMED},
    TableId.JARGON_BY_CYCLE: {SummaryKind.CASE, SummaryKind.JARGON},
    # Follow-ups and adoptions are few (two per practice, a handful of adoptions): read directly.
    TableId.SUSTAINABILITY: set(),
    TableId.ADOPTION_FLOWS: set(),
}
TAXONOMIES = {
    "purpose": Purpose,
    "obstacle": ObstacleType,
    "remedy": RemedyType,
    "service_area": ServiceArea,
    "outcome_kind": OutcomeKind,
}


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


# The marginals the tables need, each a grouping set of one query (so a few hundred rows come back,
# not every key of the summary): (name, grouped columns).
GROUPINGS = (
    ("tier", ("tier",)),
    ("purpose", ("purpose_id", "uses_ict")),
    ("trend", ("year", "tier", "uses_ict")),
    ("participation", ("participation", "uses_ict")),
    ("item", ("item", "uses_ict")),
    ("award", ("tier", "state")),
    ("yearly", ("year", "item")),
)
GROUPED = ("year", "tier", "purpose_id", "participation", "item", "uses_ict", "state")
COLUMN = {"year": "y.year", "state": "s.state"}


def summary_marginals_read(scope: str, cycles: Sequence[int], kinds: Collection[str]) -> RawRead:
    """The summary's marginals as one ``GROUPING SETS`` query (rows for ``summary_marginals``)."""
    if scope == Scope.SUBMITTED:
        in_scope = "s.state = ANY(%s)"
        scope_params = [list(SUBMITTED_STATES)]
    else:
        in_scope = "s.state = %s AND y.state = %s"
        scope_params = [CaseState.AWARDED, CycleState.PUBLISHED]
    columns = ", ".join(COLUMN.get(column, f"s.{column}") for column in GROUPED)
    sets = ", ".join(
        "(s.kind, " + ", ".join(COLUMN.get(column, f"s.{column}") for column in grouped) + ")"
        for _name, grouped in GROUPINGS
    )
    sql = (
        f"SELECT s.kind, {columns}, GROUPING({columns}), "
        f"SUM(s.n) FILTER (WHERE {in_scope}), SUM(s.population) FILTER (WHERE {in_scope}), SUM(s.n) "
        f"FROM {Summary._meta.db_table} s JOIN {AwardCycle._meta.db_table} y ON y.id = s.cycle_id "
        f"WHERE y.year = ANY(%s) AND s.kind = ANY(%s) GROUP BY GROUPING SETS ({sets})"
    )
    params = [*scope_params, *scope_params, list(cycles), sorted(str(kind) for kind in kinds)]
    return RawRead(sql, params, ("kind", *GROUPED, "mask", "n", "population", "all"))


def summary_marginals(rows: Iterable[dict]) -> dict[str, list[dict]]:
    """``{grouping: [row, ...]}`` from the rows of ``summary_marginals_read``: each row has the kind,
    its grouped columns, ``n`` and ``population`` of the cases in scope, and ``all`` (every
    submitted case, for the award rate)."""
    masks = {}
    for name, grouped in GROUPINGS:
        mask = 0
        for column in GROUPED:
            mask = (mask << 1) | (0 if column in grouped else 1)
        masks[mask] = name
    found: dict[str, list[dict]] = {name: [] for name, _grouped in GROUPINGS}
    for read in rows:
        row = {column: read[column] for column in ("kind", *GROUPED)}
        row.update(n=int(read["n"] or 0), population=int(read["population"] or 0), all=int(read["all"] or 0))
        row["ict"] = ICT if row["uses_ict"] else NON_ICT
        found[masks[read["mask"]]].append(row)
    return found


TAXONOMY_FIELDS = ("id", "code", "name", "name_local", "order", "is_active")


def taxonomies_read(kinds: Collection[str]) -> QuerySet:
    """Every entry of the asked taxonomies (at least one), as one ``UNION`` (rows for ``taxonomies``)."""
    queries = [
        TAXONOMIES[kind].objects.annotate(taxonomy=Value(kind)).values("taxonomy", *TAXONOMY_FIELDS).order_by()
        for kind in sorted(kinds)
    ]
    return queries[0].union(*queries[1:], all=True)


def taxonomies(rows: Iterable[dict], kinds: Collection[str]) -> dict[str, list[Entry]]:
    """The entries of each taxonomy in ``kinds``, in their order."""
    found: dict[str, list[Entry]] = {kind: [] for kind in kinds}
    for row in rows:
        found[row["taxonomy"]].append(Entry(*(row[name] for name in TAXONOMY_FIELDS)))
    return {kind: sorted(entries, key=lambda e: (e.order, e.code)) for kind, entries in found.items()}


def _shown(entries: list[Entry], used: set[int]) -> list[Entry]:
    """Active entries, plus inactive ones still used by cases in scope (as the live tables do)."""
    return [entry for entry in entries if entry.is_active or entry.pk in used]


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
        # What a row shows: not the long texts and search columns of a hundred cases.
        .only(
            "title",
            "title_local",
            "cycle__year",
            "government__name",
            "government__name_local",
            "government__parent__name",
            "government__parent__name_local",
        )
        # The summary's own copy of sort_key: both columns of one index (case_feedback_order_idx).
        .order_by("-feedback_summary__responses", "feedback_summary__sort_key")[:FELT_BY_CASE_LIMIT]
    )


def compute(*, scope: str, cycles: Sequence[int], wanted: Collection[str]) -> Statistics:
    kinds = set().union(*(KINDS[table] for table in wanted)) if wanted else set()
    needed = {"purpose"} if TableId.PURPOSE_BY_ICT in wanted else set()
    needed |= {"obstacle"} if TableId.OBSTACLES_BY_ICT in wanted else set()
    needed |= {"remedy"} if TableId.REMEDIES_BY_ICT in wanted else set()
    needed |= {"service_area"} if TableId.SERVICE_AREA_BY_ICT in wanted else set()
    needed |= {"outcome_kind"} if TableId.OUTCOME_KIND_BY_ICT in wanted else set()
    cases = live.cases_in_scope(scope, cycles)
    # The small reads of the tables asked for, in one round trip (core.batched).
    reads = {
        "marginals": summary_marginals_read(scope, cycles, kinds) if kinds else None,
        "national": tier_totals() if TableId.TIER_REPRESENTATION in wanted else None,
        "taxonomies": taxonomies_read(needed) if needed else None,
        "sustainability": afterward.sustainability_rows(cases) if TableId.SUSTAINABILITY in wanted else None,
        "flows": afterward.adoption_flow_rows(cases) if TableId.ADOPTION_FLOWS in wanted else None,
    }
    reads = {name: read for name, read in reads.items() if read is not None}
    # The database the ORM reads this request's data from (a replica on public pages).
    rows = dict(zip(reads, read_together(list(reads.values()), using=router.db_for_read(Summary)), strict=True))
    marginals = summary_marginals(rows.get("marginals", []))

    def of(grouping: str, kind: str = SummaryKind.CASE) -> list[dict]:
        return [row for row in marginals[grouping] if row["kind"] == kind and row["n"]]

    def counts(rows, *key) -> dict:
        counted: dict = defaultdict(int)
        for row in rows:
            counted[tuple(row[column] for column in key)] += row["n"]
        return dict(counted)

    case_count = sum(row["n"] for row in of("tier"))
    entries = taxonomies(rows.get("taxonomies", []), needed)
    tables: dict[str, Table] = {}
    # Every case submitted in the cycles, whatever the scope: the award rate and the tier tests.
    pool: dict[str, dict] = defaultdict(lambda: {"submitted": 0, "awarded": 0})
    for row in marginals["award"]:
        if row["kind"] == SummaryKind.CASE:
            pool[row["tier"]]["submitted"] += row["all"]
            if row["state"] == CaseState.AWARDED:
                pool[row["tier"]]["awarded"] += row["all"]
    if TableId.TIER_REPRESENTATION in wanted:
        by_tier = {row["tier"]: {"count": row["n"], "population": row["population"]} for row in of("tier")}
        tables[TableId.TIER_REPRESENTATION] = live.tier_table(
            by_tier, scope, national_profile(rows["national"]), dict(pool)
        )
    if TableId.PURPOSE_BY_ICT in wanted:
        by_purpose = counts(of("purpose"), "purpose_id", "ict")
        used = {purpose for purpose, _ict in by_purpose}
        tables[TableId.PURPOSE_BY_ICT] = live.purpose_table(by_purpose, case_count, _shown(entries["purpose"], used))
    for table_id, kind, title in (
        (TableId.OBSTACLES_BY_ICT, SummaryKind.OBSTACLE, live.OBSTACLES_TITLE),
        (TableId.REMEDIES_BY_ICT, SummaryKind.REMEDY, live.REMEDIES_TITLE),
    ):
        if table_id in wanted:
            by_type = {(int(item), ict): n for (item, ict), n in counts(of("item", kind), "item", "ict").items()}
            types = _shown(entries[str(kind)], {type_id for type_id, _ict in by_type})
            tables[table_id] = live.reported_table(
                by_type, case_count, types, table_id=table_id, title=str(title), header=live._("ICT")
            )
    if TableId.AWARD_RATE_BY_TIER in wanted:
        tables[TableId.AWARD_RATE_BY_TIER] = live.award_rate_table(dict(pool))
    if TableId.ICT_BY_CYCLE in wanted or TableId.TIER_BY_CYCLE in wanted:
        ict_trend, tier_trend = live.cycle_tables(
            [(row["year"], row["tier"], row["uses_ict"], row["n"]) for row in of("trend")], cycles
        )
        tables[TableId.ICT_BY_CYCLE] = ict_trend
        tables[TableId.TIER_BY_CYCLE] = tier_trend
    if TableId.OUTCOME_VERIFICATION in wanted:
        tables[TableId.OUTCOME_VERIFICATION] = live.verification_table(
            counts(of("item", SummaryKind.OUTCOME), "item", "ict")
        )
    if TableId.CITIZEN_FEEDBACK in wanted:
        tables[TableId.CITIZEN_FEEDBACK] = live.feedback_table(counts(of("item", SummaryKind.FEEDBACK), "item", "ict"))
    if TableId.FELT_BY_CASE in wanted:
        tables[TableId.FELT_BY_CASE] = live.felt_table(most_answered(scope, cycles))
    if TableId.PARTICIPATION_LEVELS in wanted:
        tables[TableId.PARTICIPATION_LEVELS] = live.participation_table(
            counts(of("participation"), "participation", "ict"), case_count
        )
    if TableId.JARGON_BY_CYCLE in wanted:
        by_year: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        for row in of("yearly", SummaryKind.JARGON):
            by_year[row["year"]][0] += row["n"]
            by_year[row["year"]][1] += row["n"] if row["item"] == "true" else 0
        counted = [(year, n, with_jargon) for year, (n, with_jargon) in by_year.items()]
        tables[TableId.JARGON_BY_CYCLE] = live.jargon_table(counted, cycles)
    if TableId.SERVICE_AREA_BY_ICT in wanted:
        # Area 0 in the summary: cases without one (the live counts' None).
        by_area = {
            (int(area) or None, ict): n
            for (area, ict), n in counts(of("item", SummaryKind.AREA), "item", "ict").items()
        }
        used = {area for area, _ict in by_area if area is not None}
        tables[TableId.SERVICE_AREA_BY_ICT] = live.service_area_table(
            by_area, case_count, _shown(entries["service_area"], used)
        )
    if TableId.OUTCOME_KIND_BY_ICT in wanted:
        by_kind = {
            (int(item), ict): n for (item, ict), n in counts(of("item", SummaryKind.CLAIMED), "item", "ict").items()
        }
        kinds = _shown(entries["outcome_kind"], {kind for kind, _ict in by_kind})
        tables[TableId.OUTCOME_KIND_BY_ICT] = live.outcome_kind_table(by_kind, case_count, kinds)
    if TableId.SUSTAINABILITY in wanted:
        tables[TableId.SUSTAINABILITY] = live.sustainability_table(
            afterward.sustainability_counts(cases, rows["sustainability"])
        )
    if TableId.ADOPTION_FLOWS in wanted:
        tables[TableId.ADOPTION_FLOWS] = live.flow_table(
            afterward.adoption_flow_counts(cases, rows["flows"]),
            afterward.most_adopted(cases, live.MOST_ADOPTED_LIMIT),
        )
    ordered = {str(table): tables[table] for table in live.TABLE_ORDER if table in tables}
    return Statistics(scope=str(scope), cycles=list(cycles), case_count=case_count, tables=ordered)
