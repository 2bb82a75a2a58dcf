"""Query budget of the submitters' list of their cases (``my_cases``): the same, exact number of
queries for n and 10 n cases (tests/querycount.py)."""

import pytest
from django.urls import reverse

from cases.models import CaseState
from tests.accounts.factories import SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, CaseFactory
from tests.querycount import assert_database_query_count

pytestmark = pytest.mark.django_db

N = 3
# The session, the user, the cases with their cycles and purposes, the open cycles, the user's government.
MY_CASES = 6


@pytest.mark.parametrize("n", [N, 10 * N])
def test_my_cases_in_a_fixed_number_of_queries(client, n):
    """Drafts of an open cycle (editable), submitted cases and awarded ones of a published cycle."""
    submitter = SubmitterFactory()
    open_cycle = AwardCycleFactory()
    published = AwardCycleFactory(published=True)
    for index in range(n):
        kind = index % 3
        if kind == 0:
            CaseFactory(cycle=open_cycle, government=submitter.government)
        elif kind == 1:
            CaseFactory(cycle=open_cycle, government=submitter.government, submitted=True)
        else:
            CaseFactory(cycle=published, government=submitter.government, awarded=True)
    CaseFactory(cycle=open_cycle)  # another government's: not listed
    sign_in(client, submitter)
    with assert_database_query_count(MY_CASES):
        response = client.get(reverse("cases:my_cases"))
    assert response.status_code == 200
    cases = response.context["cases"]
    assert len(cases) == n
    assert sum(case.editable for case in cases) == len([c for c in cases if c.state == CaseState.DRAFT])
