"""The practices page and the cases API read their pages from indexes that match each filter and
the list's order (EXPLAIN on PostgreSQL, on generated data with fresh planner statistics)."""

import re

import pytest
from django.db import connection
from django.http import QueryDict

from cases.filters import CaseFilter
from cases.selectors import public_cases
from innovation.generate import generate

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans are PostgreSQL's")

# (query string of the filters, the index that must serve the page)
FILTERED_PAGES = [
    ("", "case_public_sort_idx"),
    ("tier=city", "case_public_tier_idx"),
    ("ict=true", "case_public_ict_idx"),
    ("tier=city&ict=true", "case_public_tier_ict_idx"),
    ("participation=involve", "case_public_participation_idx"),
    ("region=37", "case_public_region_idx"),
]
# Cycles: a range of the list's order (the years' stretch of the sort index), however it is read.
CYCLE_PAGES = ["cycle=2015", "cycle=2012&cycle=2015"]


def _explain(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _filtered(query: str):
    filterset = CaseFilter(QueryDict(query), queryset=public_cases())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


@pytest.mark.django_db
def test_pages_are_read_in_order_from_the_index_of_their_filter():
    from innovation.management.commands.load_demo import Command

    Command().handle(password="bench-password-123", if_empty=False)
    generate(2000, seed=13)  # ends with ANALYZE
    for query, index in FILTERED_PAGES:
        plan = _explain(_filtered(query).order_by("sort_key")[:12])
        assert index in plan and not re.search(r"\bSort\b", plan), (query, plan)

    for query in CYCLE_PAGES:
        plan = _explain(_filtered(query).order_by("sort_key")[:12])
        assert "case_public_sort_idx" in plan and "sort_key >= " in plan and "sort_key < " in plan, (query, plan)

    # A later page walks the same index (at 2,000 cases page 50 would be past most of them).
    page_5 = _explain(_filtered("").order_by("sort_key")[4 * 12 : 5 * 12])
    assert "case_public_sort_idx" in page_5 and not re.search(r"\bSort\b", page_5), page_5

    after = public_cases().order_by("sort_key").values_list("sort_key", flat=True)[100]
    next_page = _explain(public_cases().filter(sort_key__gt=after).order_by("sort_key")[:51])
    assert "case_public_sort_idx" in next_page and "Index Cond: (sort_key >" in next_page, next_page

    # The bounded count of a filtered list can be read from its index alone: sort_key is in every
    # list index. At 2,000 cases a table scan is cheaper, so scans of the table are priced out here;
    # at a million the planner picks the index by itself (docs/performance.md).
    for query, index in FILTERED_PAGES:
        bounded = _filtered(query).order_by().values("sort_key")[:1001]
        sql, params = bounded.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN SELECT count(*) FROM ({sql}) counted", params)  # noqa: S608 (our SQL)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        # Any list index whose leading columns are the filter serves (unfiltered: any of them); the
        # filter on tier and ICT together needs the one that holds both.
        used = index if "&" in query else "case_public_"
        assert f"Index Only Scan using {used}" in plan and "Filter:" not in plan, (query, plan)

    # The search indexes: at this size the planner rightly scans the few public rows instead; the
    # bench at a million cases shows them at work (docs/performance.md).
