"""Read-only serializers of the statistics dataclasses: the JSON contract of DESIGN.md §5 (and its
OpenAPI description). Keys are stable codes (tiers, taxonomy codes, ``total``); labels follow the
request's language."""

from __future__ import annotations

from rest_framework import serializers

from dashboard.significance import ASYMPTOTIC, EXACT, MONTE_CARLO
from dashboard.statistics import (
    AwardRateTable,
    CrossTable,
    FeltByCaseTable,
    FlowTable,
    PercentBase,
    Scope,
    ShareTable,
    TableId,
    TierTable,
)


def _cross_table_ids() -> list[str]:
    others = {
        TableId.TIER_REPRESENTATION,
        TableId.AWARD_RATE_BY_TIER,
        TableId.FELT_BY_CASE,
        TableId.SUSTAINABILITY,
        TableId.ADOPTION_FLOWS,
    }
    return [table_id for table_id in TableId.values if table_id not in others]


CROSS_TABLE_IDS = _cross_table_ids()


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable code of the column (taxonomy code, tier, `non_ict`, `ict`, `total`).")
    label = serializers.CharField(help_text="Label in the request's language.")


class CellSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    percent = serializers.FloatField(help_text="Half-up to one decimal, of the table's `percent_base`.")


class CrossRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    cells = CellSerializer(many=True, help_text="One cell per column, in the order of `columns`.")


class CrossTableSerializer(serializers.Serializer):
    # Each kind of table names its own ids, so a client (and the schema's oneOf) can tell them apart.
    id = serializers.ChoiceField(choices=CROSS_TABLE_IDS)
    title = serializers.CharField()
    percent_base = serializers.ChoiceField(
        choices=PercentBase.values,
        help_text="`column`: of the column's total; `row`: of the row's total; `cases`: of `base` (all cases in "
        "scope, so totals can exceed 100% when a case reports several).",
    )
    base = serializers.IntegerField()
    row_header = serializers.CharField()
    columns = ColumnSerializer(many=True)
    rows = CrossRowSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())


class TierRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="A tier (`province`, `metropolis`, `city`, `district`, `county`) or `total`.")
    label = serializers.CharField()
    cases = serializers.IntegerField()
    cases_percent = serializers.FloatField()
    cases_avg_population = serializers.IntegerField(help_text="From the population snapshot of each case.")
    national = serializers.IntegerField(help_text="Active local governments in the registry.")
    national_percent = serializers.FloatField()
    national_avg_population = serializers.IntegerField()
    representation_ratio = serializers.FloatField(
        allow_null=True,
        help_text="Case share ÷ national share, from the unrounded shares, half-up to two decimals; null when "
        "either share is undefined.",
    )


class FitTestSerializer(serializers.Serializer):
    method = serializers.ChoiceField(
        choices=[EXACT, MONTE_CARLO, ASYMPTOTIC],
        help_text="`exact_multinomial`: every possible outcome enumerated; `chi_square_monte_carlo`: a seeded "
        "simulation of the multinomial (too many outcomes to enumerate and a small expected count); `chi_square`: "
        "the χ² distribution (every expected count at least 5). All order outcomes by Pearson's X².",
    )
    statistic = serializers.FloatField(
        allow_null=True, help_text="Pearson's X²; null when the counts are impossible under the null hypothesis."
    )
    p_value = serializers.FloatField(
        allow_null=True, help_text="P(X² at least as large) if the tiers were drawn in proportion; null: no cases."
    )
    n = serializers.IntegerField(help_text="Cases tested.")
    degrees_of_freedom = serializers.IntegerField()
    too_small = serializers.BooleanField(
        help_text="Too few cases to tell: the difference is not significant and n < 20."
    )
    summary = serializers.CharField(help_text="The result in one plain sentence, in the request's language.")


class TierTestsSerializer(serializers.Serializer):
    vs_national = FitTestSerializer(
        help_text="The tier mix of the cases in scope against the national count of governments per tier."
    )
    vs_submitted = FitTestSerializer(
        help_text="The tier mix of the awarded cases against all cases submitted in the same cycles."
    )


class TierTableSerializer(serializers.Serializer):
    # Each kind of table names its own ids, so a client (and the schema's oneOf) can tell them apart.
    id = serializers.ChoiceField(choices=[TableId.TIER_REPRESENTATION])
    title = serializers.CharField()
    cases_label = serializers.CharField(help_text="What the cases are: award-winning or submitted (the scope).")
    rows = TierRowSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())
    tests = TierTestsSerializer(help_text="Is the tier mix chance? Goodness-of-fit tests.")


class AwardRateRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    submitted = serializers.IntegerField()
    awarded = serializers.IntegerField()
    award_rate = serializers.FloatField(help_text="Awarded ÷ submitted, percent half-up to one decimal.")
    award_rate_low = serializers.FloatField(allow_null=True, help_text="Wilson 95% interval, lower bound (percent).")
    award_rate_high = serializers.FloatField(allow_null=True, help_text="Wilson 95% interval, upper bound (percent).")


class AwardRateTableSerializer(serializers.Serializer):
    # Each kind of table names its own ids, so a client (and the schema's oneOf) can tell them apart.
    id = serializers.ChoiceField(choices=[TableId.AWARD_RATE_BY_TIER])
    title = serializers.CharField()
    rows = AwardRateRowSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())


class FeltCaseRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The case's id.")
    label = serializers.CharField(help_text="The case's title.")
    government = serializers.CharField()
    cycle = serializers.IntegerField()
    responses = serializers.IntegerField()
    yes = serializers.IntegerField()
    no = serializers.IntegerField()
    not_sure = serializers.IntegerField()
    felt_percent = serializers.FloatField(help_text="Answers “yes” ÷ answers.")
    outcomes = serializers.IntegerField(help_text="Outcomes the case claims.")
    outcomes_verified = serializers.IntegerField()


class FeltByCaseTableSerializer(serializers.Serializer):
    # Each kind of table names its own ids, so a client (and the schema's oneOf) can tell them apart.
    id = serializers.ChoiceField(choices=[TableId.FELT_BY_CASE])
    title = serializers.CharField()
    rows = FeltCaseRowSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())


class ShareCellSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Practices still running (as they were, expanded or scaled down).")
    base = serializers.IntegerField(help_text="Practices that filed their report at this point.")
    percent = serializers.FloatField(help_text="`count` ÷ `base`, half-up to one decimal (0 when `base` is 0).")


class ShareRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The follow-up point: years after publication (`1`, `3`, …).")
    label = serializers.CharField()
    cells = ShareCellSerializer(many=True, help_text="One cell per column, in the order of `columns`.")


class ShareTableSerializer(serializers.Serializer):
    id = serializers.ChoiceField(choices=[TableId.SUSTAINABILITY])
    title = serializers.CharField()
    row_header = serializers.CharField()
    columns = ColumnSerializer(many=True, help_text="`non_ict`, `ict`, the five tiers, `total`.")
    rows = ShareRowSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())


class AdoptedRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The practice's id.")
    label = serializers.CharField(help_text="Its title.")
    government = serializers.CharField()
    tier = serializers.CharField(help_text="The tier of the practice's government.")
    cycle = serializers.IntegerField()
    adoptions = serializers.IntegerField(help_text="Confirmed adoptions by other governments.")


class FlowTableSerializer(serializers.Serializer):
    id = serializers.ChoiceField(choices=[TableId.ADOPTION_FLOWS])
    title = serializers.CharField()
    percent_base = serializers.ChoiceField(choices=PercentBase.values, help_text="`row`: of the row's adoptions.")
    base = serializers.IntegerField(help_text="Confirmed adoptions in all.")
    row_header = serializers.CharField()
    columns = ColumnSerializer(many=True, help_text="The adopter's tier, then `total`.")
    rows = CrossRowSerializer(many=True, help_text="The tier of the practice's government, then `total`.")
    most_adopted = AdoptedRowSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField())


SERIALIZER_BY_TYPE: dict[type, type[serializers.Serializer]] = {
    TierTable: TierTableSerializer,
    CrossTable: CrossTableSerializer,
    AwardRateTable: AwardRateTableSerializer,
    FeltByCaseTable: FeltByCaseTableSerializer,
    ShareTable: ShareTableSerializer,
    FlowTable: FlowTableSerializer,
}


def serialize_table(table) -> dict:
    return SERIALIZER_BY_TYPE[type(table)](table).data


class TablesSerializer(serializers.Serializer):
    tier_representation = TierTableSerializer(help_text="Table 1 of the study.")
    purpose_by_ict = CrossTableSerializer(help_text="Table 2: purposes × non-ICT / ICT / total, column percentages.")
    obstacles_by_ict = CrossTableSerializer(help_text="Table 3: non-ICT / ICT / total × obstacle types.")
    remedies_by_ict = CrossTableSerializer(help_text="Table 4: non-ICT / ICT / total × remedy types.")
    award_rate_by_tier = AwardRateTableSerializer(required=False, help_text="Award managers only.")
    ict_by_cycle = CrossTableSerializer()
    tier_by_cycle = CrossTableSerializer()
    outcome_verification = CrossTableSerializer()
    citizen_feedback = CrossTableSerializer()
    felt_by_case = FeltByCaseTableSerializer()
    participation_levels = CrossTableSerializer()
    service_area_by_ict = CrossTableSerializer(
        help_text="Table 2's shape: service areas × non-ICT / ICT / total, column percentages."
    )
    outcome_kind_by_ict = CrossTableSerializer(
        help_text="Table 3's shape: non-ICT / ICT / total × kinds of outcome; a case counts once per kind it claims."
    )
    jargon_by_cycle = CrossTableSerializer(
        help_text="Cycles × cases using glossary jargon / not / total, row percentages."
    )
    sustainability = ShareTableSerializer(help_text="Share of practices still running at each follow-up point.")
    adoption_flows = FlowTableSerializer(help_text="Adoptions by source tier × adopter tier; the most adopted.")


class StatisticsSerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=Scope.values)
    cycles = serializers.ListField(child=serializers.IntegerField(), help_text="The cycle years counted.")
    case_count = serializers.IntegerField()
    tables = TablesSerializer()


def plain_data(serializer_class: type[serializers.Serializer], instance) -> dict:
    """What ``serializer_class(instance).data`` gives, built directly from the declared fields: the
    same keys, order and types, without DRF's per-field machinery (it took most of an uncached
    statistics request). ``tests/dashboard/test_api.py`` checks the two agree."""
    data = {}
    for name, field in serializer_class._declared_fields.items():
        if isinstance(instance, dict):
            if name not in instance:
                continue  # an optional table (the award rate)
            value = instance[name]
        else:
            value = getattr(instance, name)
        data[name] = _plain_value(field, value)
    return data


def _plain_value(field, value):
    if value is None:
        return None
    if isinstance(field, serializers.ListSerializer):
        return [plain_data(type(field.child), item) for item in value]
    if isinstance(field, serializers.Serializer):
        return plain_data(type(field), value)
    if isinstance(field, serializers.ListField):
        return [_plain_value(field.child, item) for item in value]
    if isinstance(field, serializers.IntegerField):
        return int(value)
    if isinstance(field, serializers.FloatField):
        return float(value)
    if isinstance(field, serializers.BooleanField):
        return bool(value)
    return str(value)


def table_data(table) -> dict:
    return plain_data(SERIALIZER_BY_TYPE[type(table)], table)
