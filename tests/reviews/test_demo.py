from decimal import Decimal

import pytest
from django.db.models import Sum

from cases.demo import award_level_codes
from cases.models import AwardCycle, CaseState, InnovationCase
from reviews import selectors
from reviews.demo import load_demo_reviews
from reviews.models import AwardDecision, Criterion, Review, ReviewAssignment, ReviewState
from reviews.permissions import conflict_reason

pytestmark = pytest.mark.django_db


def test_demo_criteria_decisions_and_reviews_match_the_awards(demo_data):
    for cycle in AwardCycle.objects.all():
        criteria = Criterion.objects.filter(cycle=cycle)
        assert list(criteria.values_list("code", flat=True)) == [
            "novelty",
            "effectiveness",
            "participation",
            "transferability",
            "sustainability",
        ]
        assert criteria.aggregate(total=Sum("weight"))["total"] == Decimal("1.00")
    assert InnovationCase.objects.filter(state=CaseState.AWARDED).count() == 42
    levels = award_level_codes()
    for decision in AwardDecision.objects.select_related("case__cycle", "case__government", "level"):
        case = decision.case
        expected = levels.get((case.cycle.year, case.government.code, case.title))
        assert (decision.level.code if decision.level else None) == expected
        assert decision.decided_by.username == "manager"
    assert (
        AwardDecision.objects.count()
        == InnovationCase.objects.filter(
            cycle__year__in=(2005, 2006), state__in=(CaseState.AWARDED, CaseState.NOT_AWARDED)
        ).count()
    )
    for assignment in ReviewAssignment.objects.select_related("case__government", "reviewer__government"):
        assert conflict_reason(assignment.reviewer, assignment.case) is None


def test_demo_scores_rank_awarded_above_not_awarded(demo_data):
    for year in (2005, 2006):
        rows = selectors.ranking(AwardCycle.objects.get(year=year))
        awarded = [row.mean for row in rows if row.case.state == CaseState.AWARDED]
        not_awarded = [row.mean for row in rows if row.case.state == CaseState.NOT_AWARDED]
        grand = [row.mean for row in rows if row.decision and row.decision.level and row.decision.level.code == "grand"]
        assert min(awarded) > max(not_awarded)
        assert min(grand) > max(m for m in awarded if m not in grand)
        assert all(row.count >= 2 for row in rows)
        for usage in selectors.level_usage(AwardCycle.objects.get(year=year)):
            assert usage.used <= usage.level.quota


def test_demo_open_assignments_in_2007_and_idempotence(demo_data):
    open_ones = ReviewAssignment.objects.filter(case__cycle__year=2007)
    assert open_ones.count() == 6
    assert set(open_ones.values_list("reviewer__username", flat=True)) == {"reviewer1", "reviewer2", "reviewer3"}
    assert set(open_ones.values_list("case__state", flat=True)) == {CaseState.IN_REVIEW}
    assert not Review.objects.filter(assignment__case__cycle__year=2007).exists()
    before = (Review.objects.count(), AwardDecision.objects.count(), ReviewAssignment.objects.count())
    result = load_demo_reviews()
    assert (result.reviews, result.decisions, result.open_assignments) == (0, 0, 0)
    assert (Review.objects.count(), AwardDecision.objects.count(), ReviewAssignment.objects.count()) == before
    assert set(Review.objects.values_list("state", flat=True)) == {ReviewState.SUBMITTED}
