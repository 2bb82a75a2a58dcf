import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from cases.models import CaseState, CycleState
from reviews import selectors, services
from reviews.models import ReviewState
from tests.accounts.factories import ReviewerFactory, SubmitterFactory
from tests.cases.factories import CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory
from tests.reviews.factories import ReviewAssignmentFactory, ReviewFactory, scored_review

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def scored_cycle(cycle):
    """The hand-made scores of test_aggregation, stored: reviewer 1 (4, 2), reviewer 2 (5, 3, 4), reviewer 3 (1)."""
    r1, r2, r3 = (ReviewerFactory(username=f"r{n}") for n in (1, 2, 3))
    one = CaseFactory(cycle=cycle, in_review=True, title="One")
    two = CaseFactory(cycle=cycle, in_review=True, title="Two")
    three = CaseFactory(cycle=cycle, in_review=True, title="Three")
    kept, disputed = OutcomeFactory(case=one), OutcomeFactory(case=one)
    scored_review(one, r1, 4, verifications={kept: "verified", disputed: "verified"})
    scored_review(one, r2, 5, verifications={kept: "verified", disputed: "partly"})
    scored_review(two, r1, 2)
    scored_review(two, r2, 3)
    scored_review(three, r2, 4)
    scored_review(three, r3, 1)
    ReviewFactory(assignment=ReviewAssignmentFactory(case=three))  # a draft: not counted
    return cycle, one, two, three


# The cases, their reviews, outcome consensus and more (5), then the substantiation: outcomes with
# evidence 1, the glossary 1.
RANKING_QUERIES = 7


def test_ranking_exact_values_in_a_fixed_number_of_queries(scored_cycle, django_assert_num_queries):
    cycle, one, two, three = scored_cycle
    with django_assert_num_queries(RANKING_QUERIES):
        rows = selectors.ranking(cycle, sort="z_mean")
    figures = [
        (row.case, row.count, row.mean, row.median, row.std, row.z_mean, row.disagreement, row.verified_percent)
        for row in rows
    ]
    assert figures == [
        (one, 2, D("4.5000"), D("4.5000"), D("0.5000"), D("1.1124"), False, 50.0),
        (three, 2, D("2.5000"), D("2.5000"), D("1.5000"), D("0.0000"), True, None),
        (two, 2, D("2.5000"), D("2.5000"), D("0.5000"), D("-1.1124"), False, None),
    ]


def test_ranking_query_count_does_not_grow_with_cases(scored_cycle, django_assert_num_queries):
    cycle = scored_cycle[0]
    for n in range(5):
        case = CaseFactory(cycle=cycle, in_review=True)
        OutcomeFactory(case=case)
        scored_review(case, ReviewerFactory(username=f"extra{n}"), 3)
    with django_assert_num_queries(RANKING_QUERIES):
        assert len(selectors.ranking(cycle)) == 8


def test_one_row_of_the_ranking_equals_its_row_in_the_whole_ranking(scored_cycle, django_assert_num_queries):
    """A manager's case page reads one row (six queries: four of the scores, the outcomes' evidence
    and the glossary) instead of ranking the whole cycle."""
    cycle, one, two, three = scored_cycle
    other = CaseFactory(cycle=cycle, in_review=True)  # no review yet
    whole = {row.case.pk: row for row in selectors.ranking(cycle)}
    for case in (one, two, three, other):
        case = selectors.get_case(case.pk)
        getattr(case, "decision", None)  # the page reads it anyway
        with django_assert_num_queries(6):
            row = selectors.ranking_row(case)
        assert row == whole[case.pk]
    assert selectors.ranking_row(CaseFactory(cycle=cycle)) is None  # a draft is not ranked


def test_ranking_sorts_by_each_column(scored_cycle):
    cycle, one, two, three = scored_cycle
    assert [r.case for r in selectors.ranking(cycle, sort="z_mean", descending=False)] == [two, three, one]
    assert [r.case for r in selectors.ranking(cycle, sort="std")] == [three, one, two]
    assert [r.case for r in selectors.ranking(cycle, sort="mean")] == [one, two, three]  # ties by id
    assert [r.case for r in selectors.ranking(cycle, sort="title", descending=False)] == [one, three, two]
    for key in selectors.SORT_KEYS:
        assert len(selectors.ranking(cycle, sort=key)) == 3


def test_ranking_counts_a_single_review_and_cases_without_reviews(cycle):
    lone = CaseFactory(cycle=cycle, in_review=True)
    scored_review(lone, ReviewerFactory(), 3)
    empty = CaseFactory(cycle=cycle, submitted=True)
    CaseFactory(cycle=cycle)  # a draft is not ranked
    rows = {row.case: row for row in selectors.ranking(cycle)}
    assert set(rows) == {lone, empty}
    assert (rows[lone].count, rows[lone].mean, rows[lone].median, rows[lone].std, rows[lone].z_mean) == (
        1,
        D("3.0000"),
        D("3.0000"),
        D("0.0000"),
        D("0.0000"),
    )
    assert (rows[empty].count, rows[empty].mean, rows[empty].disagreement) == (0, None, False)


def test_suggestion_balances_load_and_skips_conflicts(cycle, city, province):
    a = ReviewerFactory(username="a-free")
    b = ReviewerFactory(username="b-province", government=province)
    c = ReviewerFactory(username="c-free")
    gumi = CaseFactory(cycle=cycle, government=city, submitted=True)
    other = CaseFactory(cycle=cycle, government=CityFactory(code="99999"), submitted=True)
    suggestions = [(s.case, s.reviewer) for s in selectors.suggest_assignments(cycle)]
    assert suggestions == [(gumi, a), (gumi, c), (other, b), (other, a)]


def test_suggestion_counts_existing_assignments(cycle, manager):
    a = ReviewerFactory(username="a")
    b = ReviewerFactory(username="b")
    first = CaseFactory(cycle=cycle, submitted=True)
    services.assign_reviewer(actor=manager, case=first, reviewer=a)
    second = CaseFactory(cycle=cycle, submitted=True)
    # a already has one case: b takes the first; then both have one, and the tie goes by username.
    suggested = [(s.case, s.reviewer) for s in selectors.suggest_assignments(cycle)]
    assert suggested == [(first, b), (second, a), (second, b)]


def test_my_assignments_marks_overdue(reviewer, cycle):
    late = ReviewAssignmentFactory(reviewer=reviewer, due_on=dt.date(2020, 1, 1), case__cycle=cycle)
    done = ReviewAssignmentFactory(reviewer=reviewer, due_on=dt.date(2020, 1, 2), case__cycle=cycle)
    ReviewFactory(
        assignment=done,
        state=ReviewState.SUBMITTED,
        declared_no_conflict=True,
        weighted_score=3,
        recommendation="award",
        submitted_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    future = ReviewAssignmentFactory(reviewer=reviewer, due_on=dt.date(2099, 1, 1), case__cycle=cycle)
    ReviewAssignmentFactory(case__cycle=cycle)  # someone else's
    rows = selectors.my_assignments(reviewer, today=dt.date(2021, 1, 1))
    # What is to do comes first, soonest due first; the submitted review last.
    assert [(row.assignment, row.overdue, row.review_state, row.work) for row in rows] == [
        (late, True, "", "not_started"),
        (future, False, "", "not_started"),
        (done, False, "submitted", "submitted"),
    ]


def test_visible_reviews_by_role(cycle, manager, city):
    case = CaseFactory(cycle=cycle, government=city, in_review=True)
    reviewer = ReviewerFactory()
    submitted = scored_review(case, reviewer, 4, comment="Good")
    draft = ReviewFactory(assignment=ReviewAssignmentFactory(case=case))
    own_staff = SubmitterFactory(government=city)
    assert set(selectors.visible_reviews(manager)) == {submitted, draft}
    assert list(selectors.visible_reviews(reviewer)) == [submitted]
    assert list(selectors.visible_reviews(own_staff)) == []  # not before publication
    assert list(selectors.visible_reviews(AnonymousUser())) == []
    cycle.state = CycleState.PUBLISHED
    cycle.published_at = cycle.submission_closes
    cycle.save()
    assert list(selectors.visible_reviews(own_staff)) == [submitted]
    assert list(selectors.visible_reviews(SubmitterFactory())) == []
    assert selectors.comments_to_submitter(own_staff, case) == ["Good"]


def test_the_overview_counts_what_the_publish_rule_waits_for(manager, cycle, case):
    from core.rules import allowed, refusal_message
    from tests.cases.factories import CaseFactory

    cycle.state = CycleState.DECIDING
    cycle.save()
    CaseFactory(cycle=cycle, submitted=True, state=CaseState.REVISION_REQUESTED)
    case.state = CaseState.IN_REVIEW
    case.save()
    progress = selectors.cycle_progress(cycle)
    assert progress.awaiting_decision == 2  # the case in review and the one out for revision
    assert not allowed(manager, "reviews.publish_cycle", cycle)
    assert refusal_message(manager, "reviews.publish_cycle", cycle) == (
        f"{progress.awaiting_decision} case(s) still await a decision; decide them before publishing."
    )
