"""The dashboard's statistics (DESIGN.md §5) as plain data, computed by aggregate queries.

Every table is built from ``GROUP BY`` queries over the cases in scope, so the number of queries per
call is fixed (it does not grow with the number of cases, cycles or taxonomy entries). Nothing is
cached: a decision or a publication shows on the next request.

Rounding follows ``core.numbers``: percentages half-up to one decimal, average populations
half-up to a whole number, representation ratios half-up to two decimals. The representation ratio
is computed from the *unrounded* shares: (cases in tier / cases) ÷ (governments in tier /
governments), so the province row of the study gives 6/42 ÷ 9/246 = 3.90 (not 14.3 / 3.7 = 3.86).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from afterward import selectors as afterward
from afterward.models import DEFAULT_FOLLOW_UP_YEARS
from cases import jargon
from cases.models import (
    SUBMITTED_STATES,
    AwardCycle,
    CaseObstacle,
    CaseRemedy,
    CaseState,
    CycleState,
    InnovationCase,
    ObstacleType,
    Outcome,
    OutcomeKind,
    ParticipationLevel,
    Purpose,
    RemedyType,
    ServiceArea,
    Verification,
)

# The live reference uses the definition itself, not the column the database derives from it.
from cases.selectors import PUBLIC_CASES_BY_DEFINITION as PUBLIC_CASES
from core.numbers import average, percent, ratio
from governments.models import Tier
from governments.selectors import national_profile
from practices.models import CitizenFeedback, FeltImprovement, ModerationState

from .significance import FitTest, goodness_of_fit, wilson_interval

TOTAL = "total"
NON_ICT = "non_ict"
ICT = "ict"
# How many cases the "felt it" table lists at most (those with the most answers first).
FELT_BY_CASE_LIMIT = 100
# How many practices the adoption table lists as the most adopted.
MOST_ADOPTED_LIMIT = 10


class PercentBase(models.TextChoices):
    """What a cross table's percentages are of."""

    COLUMN = "column", gettext_lazy("of the column's total")
    ROW = "row", gettext_lazy("of the row's total")
    CASES = "cases", gettext_lazy("of all cases in scope (a case can count in several columns)")


class Scope(models.TextChoices):
    AWARDED = "awarded", gettext_lazy("Awarded cases of published cycles")
    SUBMITTED = "submitted", gettext_lazy("All submitted cases")


class TableId(models.TextChoices):
    """Stable identifiers of the tables (API paths, CSV file names, page anchors)."""

    TIER_REPRESENTATION = "tier_representation", gettext_lazy("Table 1")
    PURPOSE_BY_ICT = "purpose_by_ict", gettext_lazy("Table 2")
    OBSTACLES_BY_ICT = "obstacles_by_ict", gettext_lazy("Table 3")
    REMEDIES_BY_ICT = "remedies_by_ict", gettext_lazy("Table 4")
    AWARD_RATE_BY_TIER = "award_rate_by_tier", gettext_lazy("Award rate by tier")
    ICT_BY_CYCLE = "ict_by_cycle", gettext_lazy("ICT share by cycle")
    TIER_BY_CYCLE = "tier_by_cycle", gettext_lazy("Tier mix by cycle")
    OUTCOME_VERIFICATION = "outcome_verification", gettext_lazy("Outcome verification")
    CITIZEN_FEEDBACK = "citizen_feedback", gettext_lazy("Citizen feedback")
    FELT_BY_CASE = "felt_by_case", gettext_lazy("Citizen feedback by case")
    PARTICIPATION_LEVELS = "participation_levels", gettext_lazy("Citizen participation")
    SERVICE_AREA_BY_ICT = "service_area_by_ict", gettext_lazy("Service areas by ICT")
    OUTCOME_KIND_BY_ICT = "outcome_kind_by_ict", gettext_lazy("Kinds of outcome by ICT")
    JARGON_BY_CYCLE = "jargon_by_cycle", gettext_lazy("Management jargon by cycle")
    SUSTAINABILITY = "sustainability", gettext_lazy("Still running after the award")
    ADOPTION_FLOWS = "adoption_flows", gettext_lazy("Adoptions by other governments")


# --- Plain data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class Cell:
    count: int
    percent: float


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class CrossTable:
    """Counts of rows × columns, each with a percentage of ``percent_base``:
    ``column`` (of the column's total), ``row`` (of the row's total) or ``cases`` (of ``base``)."""

    id: str
    title: str
    percent_base: str
    base: int
    row_header: str
    columns: list[Column]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TierRow:
    key: str
    label: str
    cases: int
    cases_percent: float
    cases_avg_population: int
    national: int
    national_percent: float
    national_avg_population: int
    representation_ratio: float | None


@dataclass(frozen=True)
class TierTable:
    id: str
    title: str
    rows: list[TierRow]
    notes: list[str] = field(default_factory=list)
    cases_label: str = ""  # what the cases are: "Award-winning cases" or "Submitted cases"
    # Is the tier mix chance? {"vs_national": …, "vs_submitted": …} (dashboard.significance).
    tests: dict[str, FitTest] = field(default_factory=dict)


VS_NATIONAL = "vs_national"
VS_SUBMITTED = "vs_submitted"


@dataclass(frozen=True)
class AwardRateRow:
    key: str
    label: str
    submitted: int
    awarded: int
    award_rate: float
    # The Wilson 95 % interval of the award rate, in percent; None when nothing was submitted.
    award_rate_low: float | None = None
    award_rate_high: float | None = None


@dataclass(frozen=True)
class AwardRateTable:
    id: str
    title: str
    rows: list[AwardRateRow]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FeltCaseRow:
    key: str  # the case's id
    label: str  # its title
    government: str
    cycle: int
    responses: int
    yes: int
    no: int
    not_sure: int
    felt_percent: float
    outcomes: int
    outcomes_verified: int


@dataclass(frozen=True)
class FeltByCaseTable:
    id: str
    title: str
    rows: list[FeltCaseRow]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ShareCell:
    """``count`` of ``base`` (e.g. practices still running of those that reported), and its percentage."""

    count: int
    base: int
    percent: float


@dataclass(frozen=True)
class ShareRow:
    key: str
    label: str
    cells: list[ShareCell]


@dataclass(frozen=True)
class ShareTable:
    """Shares by row (the follow-up points) and column (ICT, tiers, total), each with its counts."""

    id: str
    title: str
    row_header: str
    columns: list[Column]
    rows: list[ShareRow]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AdoptedRow:
    key: str  # the practice's id
    label: str  # its title
    government: str
    tier: str
    cycle: int
    adoptions: int


@dataclass(frozen=True)
class FlowTable(CrossTable):
    """A cross table of adoptions (source tier × adopter tier) with the most adopted practices."""

    most_adopted: list[AdoptedRow] = field(default_factory=list)


Table = CrossTable | TierTable | AwardRateTable | FeltByCaseTable | ShareTable


@dataclass(frozen=True)
class Statistics:
    scope: str
    cycles: list[int]
    case_count: int
    tables: dict[str, Table]


# --- Scope ------------------------------------------------------------------------------------


def available_cycles(scope: str) -> list[int]:
    """Years that may be chosen in ``scope``: published cycles for the awarded scope, every cycle
    past its draft for the submitted one (oldest first)."""
    cycles = AwardCycle.objects.exclude(state=CycleState.DRAFT)
    if scope == Scope.AWARDED:
        cycles = cycles.filter(state=CycleState.PUBLISHED)
    return sorted(cycles.values_list("year", flat=True))


def cycle_years_by_scope() -> dict[str, list[int]]:
    """``available_cycles`` for both scopes in one query (for the filter form)."""
    rows = list(AwardCycle.objects.exclude(state=CycleState.DRAFT).values_list("year", "state").order_by("year"))
    return {
        Scope.AWARDED: [year for year, state in rows if state == CycleState.PUBLISHED],
        Scope.SUBMITTED: [year for year, _state in rows],
    }


def cases_in_scope(scope: str, cycles: Iterable[int]) -> QuerySet[InnovationCase]:
    condition = Q(state__in=SUBMITTED_STATES) if scope == Scope.SUBMITTED else PUBLIC_CASES
    return InnovationCase.objects.filter(condition, cycle__year__in=list(cycles))


# --- Table builders ---------------------------------------------------------------------------


def _ict_key(uses_ict: bool) -> str:
    return ICT if uses_ict else NON_ICT


def _ict_columns() -> list[Column]:
    return [Column(NON_ICT, _("Non-ICT")), Column(ICT, _("ICT")), Column(TOTAL, _("Total"))]


def _ict_rows() -> list[tuple[str, str]]:
    return [(NON_ICT, _("Non-ICT")), (ICT, _("ICT"))]


def cross_table(
    *,
    table_id: str,
    title: str,
    row_header: str,
    rows: Sequence[tuple[str, str]],
    columns: Sequence[Column],
    counts: dict[tuple[str, str], int],
    percent_base: str,
    base: int | None = None,
    notes: Sequence[str] = (),
) -> CrossTable:
    """A table of ``counts[(row key, column key)]`` with a total row and a total column added.

    ``columns`` must end with the total column. ``base`` defaults to the grand total."""
    body_columns = [column.key for column in columns if column.key != TOTAL]
    row_totals = {key: sum(counts.get((key, column), 0) for column in body_columns) for key, _label in rows}
    column_totals = {column: sum(counts.get((key, column), 0) for key, _label in rows) for column in body_columns}
    grand = sum(row_totals.values())
    column_totals[TOTAL] = grand
    base = grand if base is None else base

    def value(row_key: str, column_key: str) -> int:
        if row_key == TOTAL:
            return column_totals[column_key]
        if column_key == TOTAL:
            return row_totals[row_key]
        return counts.get((row_key, column_key), 0)

    def whole(row_key: str, column_key: str) -> int:
        if percent_base == PercentBase.COLUMN:
            return column_totals[column_key]
        if percent_base == PercentBase.ROW:
            return grand if row_key == TOTAL else row_totals[row_key]
        return base

    built = []
    for key, label in [*rows, (TOTAL, _("Total"))]:
        cells = []
        for column in columns:
            count = value(key, column.key)
            cells.append(Cell(count=count, percent=percent(count, whole(key, column.key))))
        built.append(Row(key=key, label=label, cells=cells))
    return CrossTable(
        id=table_id,
        title=title,
        percent_base=percent_base,
        base=base,
        row_header=row_header,
        columns=list(columns),
        rows=built,
        notes=list(notes),
    )


def _taxonomy_entries(model, used_ids: set[int]) -> list:
    """Active entries of a taxonomy, plus inactive ones still used by cases in scope, in order."""
    return [entry for entry in model.objects.all() if entry.is_active or entry.pk in used_ids]


def tier_representation(
    cases: QuerySet[InnovationCase], scope: str = Scope.AWARDED, pool: dict[str, dict] | None = None
) -> TierTable:
    by_tier = {
        row["tier"]: row
        for row in cases.values("tier").annotate(count=Count("id"), population=Sum("population")).order_by()
    }
    return tier_table(by_tier, scope, national_profile(), pool)


def tier_tests(by_tier: dict[str, dict], profiles, pool: dict[str, dict]) -> dict[str, FitTest]:
    """The tier mix of the cases against the national profile, and the tier mix of the awarded cases
    against the submitted pool they were chosen from (``pool[tier] = {"submitted", "awarded"}``)."""
    national = {profile.key: profile.count for profile in profiles}
    tiers = [tier.value for tier in Tier]
    empty = {"submitted": 0, "awarded": 0}
    return {
        VS_NATIONAL: goodness_of_fit(
            [by_tier.get(tier, {}).get("count", 0) for tier in tiers], [national.get(tier, 0) for tier in tiers]
        ),
        VS_SUBMITTED: goodness_of_fit(
            [pool.get(tier, empty)["awarded"] for tier in tiers],
            [pool.get(tier, empty)["submitted"] for tier in tiers],
        ),
    }


def tier_table(by_tier: dict[str, dict], scope: str, profiles, pool: dict[str, dict] | None = None) -> TierTable:
    """Table 1 from ``by_tier[tier] = {"count", "population"}`` and the national profile; with the
    submitted ``pool`` of the same cycles, the tests of whether the tier mix is chance."""
    case_total = sum(row["count"] for row in by_tier.values())
    population_total = sum(row["population"] or 0 for row in by_tier.values())
    national = {profile.key: profile for profile in profiles}
    national_total = national[TOTAL].count
    rows = []
    for key, label in [*((tier.value, str(tier.label)) for tier in Tier), (TOTAL, _("Total"))]:
        if key == TOTAL:
            count, population = case_total, population_total
        else:
            count = by_tier.get(key, {}).get("count", 0)
            population = by_tier.get(key, {}).get("population") or 0
        profile = national[key]
        # Unrounded shares: (count / case_total) / (profile.count / national_total).
        defined = case_total and profile.count
        rows.append(
            TierRow(
                key=key,
                label=label,
                cases=count,
                cases_percent=percent(count, case_total),
                cases_avg_population=average(population, count),
                national=profile.count,
                national_percent=profile.percent,
                national_avg_population=profile.average_population,
                representation_ratio=ratio(count * national_total, case_total * profile.count) if defined else None,
            )
        )
    return TierTable(
        tests={} if pool is None else tier_tests(by_tier, profiles, pool),
        id=TableId.TIER_REPRESENTATION,
        title=_("Table 1. Average population size by local government type"),
        cases_label=_("Award-winning cases") if scope == Scope.AWARDED else _("Submitted cases"),
        rows=rows,
        notes=[
            _(
                "Representation ratio: the tier's share of the cases divided by its share of all local "
                "governments; above 1 means over-represented among the cases."
            ),
            _(
                "The study printed 396,037 as the national average population; that figure does not follow "
                "from its own rows (97,416,178 inhabitants / 246 governments = 396,000.7). This table shows "
                "the average computed from the registry."
            ),
        ],
    )


def purpose_by_ict(cases: QuerySet[InnovationCase], case_count: int) -> CrossTable:
    counts = {
        (row["purpose_id"], _ict_key(row["uses_ict"])): row["n"]
        for row in cases.values("purpose_id", "uses_ict").annotate(n=Count("id")).order_by()
        if row["purpose_id"] is not None
    }
    return purpose_table(counts, case_count, _taxonomy_entries(Purpose, {purpose for purpose, _ict in counts}))


def purpose_table(counts: dict[tuple[int, str], int], case_count: int, purposes: Sequence) -> CrossTable:
    """Table 2 from ``counts[(purpose id, "ict"|"non_ict")]`` and the purposes to show, in order."""
    return cross_table(
        table_id=TableId.PURPOSE_BY_ICT,
        title=_("Table 2. Use of ICT and place marketing (%)"),
        row_header=_("Purpose"),
        rows=[(purpose.code, purpose.label) for purpose in purposes],
        columns=_ict_columns(),
        counts={
            (purpose.code, ict): counts.get((purpose.pk, ict), 0) for purpose in purposes for ict in (NON_ICT, ICT)
        },
        percent_base=PercentBase.COLUMN,
        base=case_count,
        notes=[_("Percentages are of the column's cases.")],
    )


def _reported_by_ict(
    *, cases, case_count: int, through, type_model, type_field: str, table_id: str, title: str, header: str
) -> CrossTable:
    counts = {
        (row[type_field], _ict_key(row["case__uses_ict"])): row["n"]
        for row in through.objects.filter(case__in=cases)
        .values(type_field, "case__uses_ict")
        .annotate(n=Count("id"))
        .order_by()
    }
    types = _taxonomy_entries(type_model, {type_id for type_id, _ict in counts})
    return reported_table(counts, case_count, types, table_id=table_id, title=title, header=header)


def reported_table(
    counts: dict[tuple[int, str], int], case_count: int, types: Sequence, *, table_id: str, title: str, header: str
) -> CrossTable:
    """Tables 3 and 4 from ``counts[(type id, "ict"|"non_ict")]`` and the types to show, in order."""
    reported = sum(counts.values())
    notes = [_("Percentages are of all cases in scope; a case can report several.")]
    if reported > case_count:
        # xgettext:no-python-format
        notes.append(_("Note: Total is greater than 100% due to multiple counts."))
    return cross_table(
        table_id=table_id,
        title=title,
        row_header=header,
        rows=_ict_rows(),
        columns=[*(Column(entry.code, entry.label) for entry in types), Column(TOTAL, _("Total"))],
        counts={(ict, entry.code): counts.get((entry.pk, ict), 0) for entry in types for ict in (NON_ICT, ICT)},
        percent_base=PercentBase.CASES,
        base=case_count,
        notes=notes,
    )


OBSTACLES_TITLE = gettext_lazy("Table 3. Types of obstacles (%)")
REMEDIES_TITLE = gettext_lazy("Table 4. Ways of overcoming obstacles (%)")


def obstacles_by_ict(cases: QuerySet[InnovationCase], case_count: int) -> CrossTable:
    return _reported_by_ict(
        cases=cases,
        case_count=case_count,
        through=CaseObstacle,
        type_model=ObstacleType,
        type_field="obstacle_type_id",
        table_id=TableId.OBSTACLES_BY_ICT,
        title=str(OBSTACLES_TITLE),
        header=_("ICT"),
    )


def remedies_by_ict(cases: QuerySet[InnovationCase], case_count: int) -> CrossTable:
    return _reported_by_ict(
        cases=cases,
        case_count=case_count,
        through=CaseRemedy,
        type_model=RemedyType,
        type_field="remedy_type_id",
        table_id=TableId.REMEDIES_BY_ICT,
        title=str(REMEDIES_TITLE),
        header=_("ICT"),
    )


def submitted_pool(cycles: Sequence[int]) -> dict[str, dict]:
    """``{tier: {"submitted", "awarded"}}`` of every case submitted in the cycles, whatever the scope."""
    return {
        row["tier"]: row
        for row in InnovationCase.objects.filter(state__in=SUBMITTED_STATES, cycle__year__in=list(cycles))
        .values("tier")
        .annotate(submitted=Count("id"), awarded=Count("id", filter=Q(state=CaseState.AWARDED)))
        .order_by()
    }


def award_rate_by_tier(cycles: Sequence[int]) -> AwardRateTable:
    return award_rate_table(submitted_pool(cycles))


def _award_rate_row(key: str, label: str, submitted: int, awarded: int) -> AwardRateRow:
    interval = wilson_interval(awarded, submitted)
    return AwardRateRow(
        key=key,
        label=label,
        submitted=submitted,
        awarded=awarded,
        award_rate=percent(awarded, submitted),
        award_rate_low=interval[0] if interval else None,
        award_rate_high=interval[1] if interval else None,
    )


def award_rate_table(by_tier: dict[str, dict]) -> AwardRateTable:
    """The award rate from ``by_tier[tier] = {"submitted", "awarded"}``."""
    rows = []
    for tier in Tier:
        row = by_tier.get(tier.value, {"submitted": 0, "awarded": 0})
        rows.append(_award_rate_row(tier.value, str(tier.label), row["submitted"], row["awarded"]))
    submitted = sum(row.submitted for row in rows)
    awarded = sum(row.awarded for row in rows)
    rows.append(_award_rate_row(TOTAL, _("Total"), submitted, awarded))
    return AwardRateTable(
        id=TableId.AWARD_RATE_BY_TIER,
        title=_("Award rate by tier (awarded ÷ submitted)"),
        rows=rows,
        notes=[
            _(
                "All cases submitted in the chosen cycles, whatever the scope; cases still in review count as "
                "submitted and not awarded."
            ),
            _(
                # xgettext:no-python-format
                "The interval is the Wilson 95% interval of the award rate: with few cases in a tier it is wide, "
                "and rates whose intervals overlap may not really differ."
            ),
        ],
    )


def by_cycle(cases: QuerySet[InnovationCase], cycles: Sequence[int]) -> tuple[CrossTable, CrossTable]:
    """The trend tables: ICT share by cycle and tier mix by cycle (one query for both)."""
    rows = cases.values("cycle__year", "tier", "uses_ict").annotate(n=Count("id")).order_by()
    return cycle_tables([(row["cycle__year"], row["tier"], row["uses_ict"], row["n"]) for row in rows], cycles)


def cycle_tables(counted: Iterable[tuple[int, str, bool, int]], cycles: Sequence[int]) -> tuple[CrossTable, CrossTable]:
    """The trend tables from (year, tier, uses ICT, cases) rows."""
    ict_counts: dict[tuple[str, str], int] = defaultdict(int)
    tier_counts: dict[tuple[str, str], int] = defaultdict(int)
    for year, tier, uses_ict, n in counted:
        ict_counts[(str(year), _ict_key(uses_ict))] += n
        tier_counts[(str(year), tier)] += n
    rows = [(str(year), str(year)) for year in sorted(cycles)]
    ict = cross_table(
        table_id=TableId.ICT_BY_CYCLE,
        title=_("ICT share by cycle (%)"),
        row_header=_("Cycle"),
        rows=rows,
        columns=_ict_columns(),
        counts=ict_counts,
        percent_base=PercentBase.ROW,
        notes=[_("Percentages are of the cycle's cases.")],
    )
    tiers = cross_table(
        table_id=TableId.TIER_BY_CYCLE,
        title=_("Tier mix by cycle (%)"),
        row_header=_("Cycle"),
        rows=rows,
        columns=[*(Column(tier.value, str(tier.label)) for tier in Tier), Column(TOTAL, _("Total"))],
        counts=tier_counts,
        percent_base=PercentBase.ROW,
        notes=[_("Percentages are of the cycle's cases.")],
    )
    return ict, tiers


def outcome_verification(cases: QuerySet[InnovationCase]) -> CrossTable:
    counts = {
        (row["verification"], _ict_key(row["case__uses_ict"])): row["n"]
        for row in Outcome.objects.filter(case__in=cases)
        .values("verification", "case__uses_ict")
        .annotate(n=Count("id"))
        .order_by()
    }
    return verification_table(counts)


def verification_table(counts: dict[tuple[str, str], int]) -> CrossTable:
    order = [Verification.VERIFIED, Verification.PARTLY, Verification.NOT_VERIFIED, Verification.PENDING]
    return cross_table(
        table_id=TableId.OUTCOME_VERIFICATION,
        title=_("Verification of claimed outcomes (%)"),
        row_header=_("Verification"),
        rows=[(state.value, str(state.label)) for state in order],
        columns=_ict_columns(),
        counts=counts,
        percent_base=PercentBase.COLUMN,
        notes=[_("Outcomes claimed by the cases in scope; percentages are of the column's outcomes.")],
    )


def participation_levels(cases: QuerySet[InnovationCase], case_count: int) -> CrossTable:
    counts = {
        (row["participation_level"], _ict_key(row["uses_ict"])): row["n"]
        for row in cases.values("participation_level", "uses_ict").annotate(n=Count("id")).order_by()
    }
    return participation_table(counts, case_count)


def participation_table(counts: dict[tuple[str, str], int], case_count: int) -> CrossTable:
    return cross_table(
        table_id=TableId.PARTICIPATION_LEVELS,
        title=_("Citizen participation level (%)"),
        row_header=_("Participation"),
        rows=[(level.value, str(level.label)) for level in ParticipationLevel],
        columns=_ict_columns(),
        counts=counts,
        percent_base=PercentBase.COLUMN,
        base=case_count,
        notes=[_("Levels of the IAP2 spectrum of public participation; percentages are of the column's cases.")],
    )


COUNTED_FEEDBACK = ~Q(moderation=ModerationState.REJECTED)


def citizen_feedback(cases: QuerySet[InnovationCase]) -> CrossTable:
    counts = {
        (row["felt"], _ict_key(row["case__uses_ict"])): row["n"]
        for row in CitizenFeedback.objects.filter(COUNTED_FEEDBACK, case__in=cases)
        .values("felt", "case__uses_ict")
        .annotate(n=Count("id"))
        .order_by()
    }
    return feedback_table(counts)


def feedback_table(counts: dict[tuple[str, str], int]) -> CrossTable:
    return cross_table(
        table_id=TableId.CITIZEN_FEEDBACK,
        title=_("Did citizens feel the improvement? (%)"),
        row_header=_("Answer"),
        rows=[(answer.value, str(answer.label)) for answer in FeltImprovement],
        columns=_ict_columns(),
        counts=counts,
        percent_base=PercentBase.COLUMN,
        notes=[_("Answers of visitors to the awarded practices; answers whose comment was rejected are not counted.")],
    )


def _count_subquery(model, **filters) -> Coalesce:
    counted = (
        model.objects.filter(case=OuterRef("pk"), **filters)
        .order_by()
        .values("case")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def felt_by_case(cases: QuerySet[InnovationCase]) -> FeltByCaseTable:
    counted_states = [s for s in ModerationState.values if s != ModerationState.REJECTED]
    feedback = Q(feedback__moderation__in=counted_states)
    answered = CitizenFeedback.objects.filter(case=OuterRef("pk"), moderation__in=counted_states)
    found = (
        # Narrow to answered cases before grouping: the outcome subqueries then run for those only.
        cases.filter(PUBLIC_CASES)
        .filter(Exists(answered))
        .annotate(
            responses=Count("feedback", filter=feedback),
            yes=Count("feedback", filter=feedback & Q(feedback__felt=FeltImprovement.YES)),
            no=Count("feedback", filter=feedback & Q(feedback__felt=FeltImprovement.NO)),
            not_sure=Count("feedback", filter=feedback & Q(feedback__felt=FeltImprovement.NOT_SURE)),
            outcome_count=_count_subquery(Outcome),
            verified_count=_count_subquery(Outcome, verification=Verification.VERIFIED),
        )
        .filter(responses__gt=0)
        .select_related("government__parent", "cycle")
        .order_by("-responses", "-cycle__year", "government__code", "id")[:FELT_BY_CASE_LIMIT]
    )
    return felt_table(found)


def felt_table(found: Iterable) -> FeltByCaseTable:
    """The "felt it" table from cases annotated with their answer and outcome counts."""
    rows = [
        FeltCaseRow(
            key=str(case.pk),
            label=case.display_title,
            government=case.government.display_name,
            cycle=case.cycle.year,
            responses=case.responses,
            yes=case.yes,
            no=case.no,
            not_sure=case.not_sure,
            felt_percent=percent(case.yes, case.responses),
            outcomes=case.outcome_count,
            outcomes_verified=case.verified_count,
        )
        for case in found
    ]
    return FeltByCaseTable(
        id=TableId.FELT_BY_CASE,
        title=_("Citizen feedback by case, beside the claimed outcomes"),
        rows=rows,
        notes=[
            _("Awarded practices of published cycles with at least one answer, at most %(limit)s, most answered first.")
            % {"limit": FELT_BY_CASE_LIMIT}
        ],
    )


UNSPECIFIED = "unspecified"


def service_area_counts(cases: QuerySet[InnovationCase]) -> dict[tuple[int | None, str], int]:
    """``{(service area id or None, "ict"|"non_ict"): cases}`` (one query)."""
    return {
        (row["service_area_id"], _ict_key(row["uses_ict"])): row["n"]
        for row in cases.values("service_area_id", "uses_ict").annotate(n=Count("id")).order_by()
    }


def service_area_by_ict(cases: QuerySet[InnovationCase], case_count: int) -> CrossTable:
    counts = service_area_counts(cases)
    used = {area for area, _ict in counts if area is not None}
    return service_area_table(counts, case_count, _taxonomy_entries(ServiceArea, used))


def service_area_table(counts: dict[tuple[int | None, str], int], case_count: int, areas: Sequence) -> CrossTable:
    """Table 2's shape for service areas: area rows × non-ICT / ICT / total, column percentages. Cases
    without an area (submitted before areas existed) get a row of their own, when there are any."""
    rows = [(area.code, area.label) for area in areas]
    keyed = {(area.code, ict): counts.get((area.pk, ict), 0) for area in areas for ict in (NON_ICT, ICT)}
    if any(counts.get((None, ict)) for ict in (NON_ICT, ICT)):
        rows.append((UNSPECIFIED, _("Not given")))
        keyed.update({(UNSPECIFIED, ict): counts.get((None, ict), 0) for ict in (NON_ICT, ICT)})
    return cross_table(
        table_id=TableId.SERVICE_AREA_BY_ICT,
        title=_("Service areas by use of ICT (%)"),
        row_header=_("Service area"),
        rows=rows,
        columns=_ict_columns(),
        counts=keyed,
        percent_base=PercentBase.COLUMN,
        base=case_count,
        notes=[
            _(
                "The study warned that ICT-heavy awards miss services “mostly found in welfare programs”. "
                "Percentages are of the column's cases."
            )
        ],
    )


def _point_label(years: int) -> str:
    return ngettext("After %(years)s year", "After %(years)s years", years) % {"years": years}


def sustainability(cases: QuerySet[InnovationCase]) -> ShareTable:
    return sustainability_table(afterward.sustainability_counts(cases))


def sustainability_table(counted: Iterable[dict]) -> ShareTable:
    """The share of practices still running at each follow-up point, by ICT and by tier, from rows of
    ``{"years", "tier", "uses_ict", "reports", "running"}``."""
    columns = [
        *_ict_rows(),
        *((tier.value, str(tier.label)) for tier in Tier),
        (TOTAL, _("Total")),
    ]
    totals: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    points: set[int] = set()
    for row in counted:
        points.add(row["years"])
        for column in (_ict_key(row["uses_ict"]), row["tier"], TOTAL):
            totals[(row["years"], column)][0] += row["running"]
            totals[(row["years"], column)][1] += row["reports"]
    rows = []
    for years in sorted(points or DEFAULT_FOLLOW_UP_YEARS):
        cells = []
        for key, _label in columns:
            running, reports = totals.get((years, key), (0, 0))
            cells.append(ShareCell(count=running, base=reports, percent=percent(running, reports)))
        rows.append(ShareRow(key=str(years), label=_point_label(years), cells=cells))
    return ShareTable(
        id=TableId.SUSTAINABILITY,
        title=_("Practices still running at each follow-up point (%)"),
        row_header=_("Follow-up point"),
        columns=[Column(key, label) for key, label in columns],
        rows=rows,
        notes=[
            _(
                "Of the awarded practices in scope that filed their follow-up report at that point (submitted or "
                "verified): how many still run (as they were, expanded or scaled down) rather than discontinued. "
                "Reports not filed yet are not counted."
            )
        ],
    )


def outcome_kind_counts(cases: QuerySet[InnovationCase]) -> dict[tuple[int, str], int]:
    """``{(outcome kind id, "ict"|"non_ict"): cases claiming at least one outcome of the kind}``."""
    return {
        (row["kind_id"], _ict_key(row["case__uses_ict"])): row["n"]
        for row in Outcome.objects.filter(case__in=cases, kind__isnull=False)
        .values("kind_id", "case__uses_ict")
        .annotate(n=Count("case", distinct=True))
        .order_by()
    }


def outcome_kind_by_ict(cases: QuerySet[InnovationCase], case_count: int) -> CrossTable:
    counts = outcome_kind_counts(cases)
    return outcome_kind_table(counts, case_count, _taxonomy_entries(OutcomeKind, {kind for kind, _ict in counts}))


def outcome_kind_table(counts: dict[tuple[int, str], int], case_count: int, kinds: Sequence) -> CrossTable:
    """Table 3's shape for the kinds of outcome the cases claim: non-ICT / ICT / total × kinds."""
    table = reported_table(
        counts,
        case_count,
        kinds,
        table_id=TableId.OUTCOME_KIND_BY_ICT,
        title=_("Kinds of outcome claimed (%)"),
        header=_("ICT"),
    )
    table.notes.append(
        _(
            "A case counts once for each kind of outcome it claims. The study: democratic practices, human "
            "rights and services for minorities are “rarely presented as outcomes”."
        )
    )
    return table


WITH_JARGON = "jargon"
WITHOUT_JARGON = "no_jargon"


def jargon_counts(cases: QuerySet[InnovationCase]) -> list[tuple[int, int, int]]:
    """(year, cases, cases using a glossary term) per cycle: the glossary 1 query, the counts 1."""
    condition = jargon.uses_jargon(jargon.glossary())
    found = Count("id", filter=condition) if condition is not None else Value(0)
    rows = cases.values("cycle__year").annotate(n=Count("id"), jargon=found).order_by()
    return [(row["cycle__year"], row["n"], row["jargon"]) for row in rows]


def jargon_table(counted: Iterable[tuple[int, int, int]], cycles: Sequence[int]) -> CrossTable:
    counts: dict[tuple[str, str], int] = {}
    for year, n, with_jargon in counted:
        counts[(str(year), WITH_JARGON)] = with_jargon
        counts[(str(year), WITHOUT_JARGON)] = n - with_jargon
    return cross_table(
        table_id=TableId.JARGON_BY_CYCLE,
        title=_("Cases using management jargon, by cycle (%)"),
        row_header=_("Cycle"),
        rows=[(str(year), str(year)) for year in sorted(cycles)],
        columns=[
            Column(WITH_JARGON, _("Uses jargon")),
            Column(WITHOUT_JARGON, _("No jargon")),
            Column(TOTAL, _("Total")),
        ],
        counts=counts,
        percent_base=PercentBase.ROW,
        notes=[
            _(
                "A case uses jargon when a term of the glossary (BPR, TQM, MBO, …) appears in its title, "
                "summary or description, in either language. The study: such terms are “used profusely "
                "without substantiation”. Percentages are of the cycle's cases."
            )
        ],
    )


def adoption_flows(cases: QuerySet[InnovationCase]) -> FlowTable:
    return flow_table(afterward.adoption_flow_counts(cases), afterward.most_adopted(cases, MOST_ADOPTED_LIMIT))


def flow_table(counts: dict[tuple[str, str], int], top: Iterable) -> FlowTable:
    """Confirmed adoptions from ``counts[(source tier, adopter tier)]`` and the most adopted practices
    (cases annotated with ``adoption_count``)."""
    tiers = [(tier.value, str(tier.label)) for tier in Tier]
    table = cross_table(
        table_id=TableId.ADOPTION_FLOWS,
        title=_("Adoptions of awarded practices: from which tier to which (%)"),
        row_header=_("Practice from"),
        rows=tiers,
        columns=[*(Column(key, label) for key, label in tiers), Column(TOTAL, _("Total"))],
        counts=counts,
        percent_base=PercentBase.ROW,
        notes=[
            _(
                "Adoptions that the practice's own government confirmed, of the awarded practices in scope; rows "
                "are the tier of the practice's government, columns the tier of the government that adopted it; "
                "percentages are of the row's adoptions."
            ),
            _("The most adopted practices: at most %(limit)s, most adopted first.") % {"limit": MOST_ADOPTED_LIMIT},
        ],
    )
    most = [
        AdoptedRow(
            key=str(case.pk),
            # Plain strings: the tables are cached (pickled) under the revision.
            label=str(case.display_title),
            government=str(case.government.display_name),
            tier=case.tier,
            cycle=case.cycle.year,
            adoptions=case.adoption_count,
        )
        for case in top
    ]
    return FlowTable(**{name: getattr(table, name) for name in table.__dataclass_fields__}, most_adopted=most)


# --- Everything -------------------------------------------------------------------------------


# The order of the tables in a response (and on the page).
TABLE_ORDER = [
    TableId.TIER_REPRESENTATION,
    TableId.PURPOSE_BY_ICT,
    TableId.OBSTACLES_BY_ICT,
    TableId.REMEDIES_BY_ICT,
    TableId.AWARD_RATE_BY_TIER,
    TableId.ICT_BY_CYCLE,
    TableId.TIER_BY_CYCLE,
    TableId.OUTCOME_VERIFICATION,
    TableId.CITIZEN_FEEDBACK,
    TableId.FELT_BY_CASE,
    TableId.PARTICIPATION_LEVELS,
    TableId.SERVICE_AREA_BY_ICT,
    TableId.OUTCOME_KIND_BY_ICT,
    TableId.JARGON_BY_CYCLE,
    TableId.SUSTAINABILITY,
    TableId.ADOPTION_FLOWS,
]


def compute_statistics(
    *,
    scope: str,
    cycles: Sequence[int],
    include_award_rate: bool = False,
    tables: Iterable[str] | None = None,
    live: bool | None = None,
) -> Statistics:
    """The tables for ``scope`` within the cycles of those years (the caller checks who may ask):
    all of them, or only ``tables``. Read from the maintained summaries where the database keeps
    them (PostgreSQL), computed live from the cases otherwise or when ``live`` is True."""
    cycles = sorted(set(cycles))
    wanted = set(TABLE_ORDER if tables is None else tables)
    if not include_award_rate:
        wanted.discard(TableId.AWARD_RATE_BY_TIER)
    from . import summaries

    if live is None:
        live = not summaries.summaries_enabled()
    if not live:
        from . import summarised

        return summarised.compute(scope=scope, cycles=cycles, wanted=wanted)
    return compute_live_statistics(scope=scope, cycles=cycles, include_award_rate=include_award_rate, tables=wanted)


def compute_live_statistics(
    *, scope: str, cycles: Sequence[int], include_award_rate: bool = False, tables: Iterable[str] | None = None
) -> Statistics:
    """All tables for ``scope``, or only ``tables``, aggregated from the cases themselves: the
    reference the maintained summaries are checked against, and what SQLite serves. Only the
    queries of the tables asked for run (one table of the API need not compute all eleven)."""
    cycles = sorted(set(cycles))
    wanted = set(TABLE_ORDER if tables is None else tables)
    if not include_award_rate:
        wanted.discard(TableId.AWARD_RATE_BY_TIER)
    cases = cases_in_scope(scope, cycles)
    built: dict[str, Table] = {}
    # The submitted pool feeds Table 1's tests and the award rate: one query for both.
    pool = submitted_pool(cycles) if wanted & {TableId.TIER_REPRESENTATION, TableId.AWARD_RATE_BY_TIER} else {}
    if TableId.TIER_REPRESENTATION in wanted:
        built[TableId.TIER_REPRESENTATION] = tier_table = tier_representation(cases, scope, pool)
        case_count = tier_table.rows[-1].cases
    else:
        case_count = cases.count()  # submitted cases all have a tier: the same as the tier table's total
    builders = {
        TableId.PURPOSE_BY_ICT: lambda: purpose_by_ict(cases, case_count),
        TableId.OBSTACLES_BY_ICT: lambda: obstacles_by_ict(cases, case_count),
        TableId.REMEDIES_BY_ICT: lambda: remedies_by_ict(cases, case_count),
        TableId.AWARD_RATE_BY_TIER: lambda: award_rate_table(pool),
        TableId.OUTCOME_VERIFICATION: lambda: outcome_verification(cases),
        TableId.CITIZEN_FEEDBACK: lambda: citizen_feedback(cases),
        TableId.FELT_BY_CASE: lambda: felt_by_case(cases),
        TableId.PARTICIPATION_LEVELS: lambda: participation_levels(cases, case_count),
        TableId.SERVICE_AREA_BY_ICT: lambda: service_area_by_ict(cases, case_count),
        TableId.OUTCOME_KIND_BY_ICT: lambda: outcome_kind_by_ict(cases, case_count),
        TableId.JARGON_BY_CYCLE: lambda: jargon_table(jargon_counts(cases), cycles),
        TableId.SUSTAINABILITY: lambda: sustainability(cases),
        TableId.ADOPTION_FLOWS: lambda: adoption_flows(cases),
    }
    for table_id, build in builders.items():
        if table_id in wanted:
            built[table_id] = build()
    if wanted & {TableId.ICT_BY_CYCLE, TableId.TIER_BY_CYCLE}:  # one query gives both
        trends = dict(zip((TableId.ICT_BY_CYCLE, TableId.TIER_BY_CYCLE), by_cycle(cases, cycles), strict=True))
        built.update({table_id: table for table_id, table in trends.items() if table_id in wanted})
    return Statistics(
        scope=str(scope),
        cycles=cycles,
        case_count=case_count,
        tables={str(table_id): built[table_id] for table_id in TABLE_ORDER if table_id in built},
    )
