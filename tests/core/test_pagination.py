import pytest

from cases.models import InnovationCase
from core.pagination import CappedPaginator
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_a_capped_paginator_counts_no_further_than_its_cap():
    for _ in range(5):
        CaseFactory()
    capped = CappedPaginator(InnovationCase.objects.all(), 2, cap=3)
    assert (capped.count, capped.capped, capped.num_pages) == (4, True, 2)
    assert [case.pk for case in capped.page(2)] == list(InnovationCase.objects.values_list("pk", flat=True)[2:4])
    exact = CappedPaginator(InnovationCase.objects.all(), 2, cap=10)
    assert (exact.count, exact.capped, exact.num_pages) == (5, False, 3)
