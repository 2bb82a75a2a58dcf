"""The summarised statistics read their rows from indexes in the tables' order (EXPLAIN on
PostgreSQL, on generated data with fresh planner statistics)."""

import re

import pytest
from django.db import connection, transaction

from cases.models import AwardCycle
from dashboard.statistics import Scope
from dashboard.summarised import most_answered
from innovation.generate import generate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the summaries are kept by PostgreSQL triggers"),
]


def _explain_without_sorting(queryset) -> str:
    """The plan when sorting costs more than anything else: at a few thousand cases sorting the few
    hundred answered ones is the cheaper plan, at a million it is not; this shows whether an index
    gives the order at all (without one, the plan still sorts)."""
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_most_answered_cases_are_read_in_order_from_one_index():
    from innovation.management.commands.load_demo import Command

    Command().handle(password="bench-password-123", if_empty=False)
    generate(2000, seed=17)  # ends with ANALYZE
    years = list(AwardCycle.objects.values_list("year", flat=True))
    plan = _explain_without_sorting(most_answered(Scope.AWARDED, years))
    # Before, every case tied at the top count was joined and sorted by its sort key (14,325 of them,
    # 142 ms, at 1M cases); now the first hundred index entries that pass are read (10 ms).
    assert "case_feedback_order_idx" in plan and not re.search(r"\bSort\b", plan), plan
