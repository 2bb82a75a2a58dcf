"""A ranked search read once (cases.search.RankedResults) gives the ranked queryset's order exactly
(PostgreSQL: the ranked path), and falls back to it when the queryset was filtered further."""

import pytest
from django.db import connection
from django.http import QueryDict

from cases.filters import CaseFilter
from cases.search import RankedResults
from cases.selectors import public_cases
from tests.cases.factories import AwardCycleFactory, CaseFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the ranked search is PostgreSQL's"),
]


def _ranked(query: str):
    filterset = CaseFilter(QueryDict(query), queryset=public_cases())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


def test_ranked_results_keep_the_ranked_order_ties_included():
    cycle = AwardCycleFactory(year=2005, published=True)
    for repeat in (1, 3, 1, 2, 3, 1, 0):
        CaseFactory(awarded=True, cycle=cycle, summary=" ".join(["groundwater"] * repeat) or "nothing", uses_ict=True)
    CaseFactory(awarded=True, cycle=cycle, title="Wells", summary="groundwater", uses_ict=False)
    for query in ("q=groundwater", "q=ground", "q=water", "q=groundwater&ict=true", "q=nothing"):
        ranked = _ranked(query)
        expected = list(ranked.values_list("pk", flat=True))
        results = RankedResults(ranked, public_cases())
        assert results.ids == expected and expected, query
        assert [case.pk for case in results[1:3]] == expected[1:3]

    # Filtered after the search: the one-pass read no longer describes it, the queryset is read.
    narrowed = _ranked("q=groundwater").filter(uses_ict=False)
    assert RankedResults(narrowed, public_cases()).ids == list(narrowed.values_list("pk", flat=True))
    assert len(RankedResults(narrowed, public_cases())) == 1
