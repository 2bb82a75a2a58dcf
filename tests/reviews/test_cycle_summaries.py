"""What each cycle step will do (reviews.cycle_summaries), with exact numbers: one selector per
transition, its warnings when the step is early, and whom the e-mails of publication reach."""

import datetime as dt

import pytest
from django.utils import timezone

from cases.models import CaseState, CycleState
from reviews import cycle_summaries as summaries
from reviews.cycle_summaries import DecisionCount, EmailReach, StateCount
from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory
from tests.governments.factories import CityFactory
from tests.reviews.factories import (
    AwardDecisionFactory,
    CriterionFactory,
    ReviewAssignmentFactory,
    ReviewFactory,
    submitted_review,
)

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2031, 3, 10, 9, 0))


def cycle_in(state, **kwargs):
    return AwardCycleFactory(
        year=2031,
        state=state,
        submission_opens=NOW - dt.timedelta(days=40),
        submission_closes=NOW + dt.timedelta(days=12),
        review_deadline=(NOW + dt.timedelta(days=45)).date(),
        reviews_required=2,
        **kwargs,
    )


def reviewed(case, *, submitted: int, drafts: int = 0, unstarted: int = 0):
    criterion = CriterionFactory(cycle=case.cycle, code="overall")
    for _ in range(submitted):
        submitted_review(ReviewAssignmentFactory(case=case), {criterion: 4})
    for _ in range(drafts):
        ReviewFactory(assignment=ReviewAssignmentFactory(case=case))
    for _ in range(unstarted):
        ReviewAssignmentFactory(case=case)
    return case


def test_opening_a_cycle_warns_of_a_window_not_open_yet_and_of_missing_criteria():
    cycle = cycle_in(CycleState.DRAFT)
    summary = summaries.open_submissions_summary(cycle, now=NOW - dt.timedelta(days=41))
    assert (summary.from_state, summary.to_state, summary.cases, summary.total_cases) == ("draft", "open", [], 0)
    assert summary.emails == EmailReach(0, 0, ())
    assert summary.warnings == [
        "Submissions are accepted only from 2031-01-29: until then nobody can submit, although the cycle is open.",
        "The cycle has no review criteria yet: reviewers will have nothing to score.",
    ]
    CriterionFactory(cycle=cycle)
    assert summaries.open_submissions_summary(cycle, now=NOW).warnings == []
    assert summaries.open_submissions_summary(cycle, now=NOW + dt.timedelta(days=13)).warnings == [
        "The submission window closed on 2031-03-22: nobody will be able to submit. Change the dates first."
    ]


def test_closing_submissions_counts_the_drafts_that_can_no_longer_be_submitted():
    cycle = cycle_in(CycleState.OPEN)
    city, county = CityFactory(), CityFactory()
    for government in (city, city, county):
        CaseFactory(cycle=cycle, government=government)
    CaseFactory.create_batch(2, cycle=cycle, submitted=True)
    reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=1, unstarted=1)
    CaseFactory(cycle=cycle, state=CaseState.WITHDRAWN)
    CaseFactory(cycle=AwardCycleFactory(year=2032))  # another cycle's draft

    summary = summaries.close_submissions_summary(cycle, now=NOW)
    assert summary.cases == [
        StateCount("draft", "Draft", 3),
        StateCount("submitted", "Submitted", 2),
        StateCount("in_review", "In review", 1),
        StateCount("withdrawn", "Withdrawn", 1),
    ]
    assert (summary.total_cases, summary.drafts_closing) == (7, 3)
    assert (summary.reviews_missing, summary.open_assignments, summary.cases_without_review) == (5, 1, 2)
    assert summary.warnings == [
        "The submission deadline is 2031-03-22, 12 days from now: closing now stops everyone who is still "
        "preparing a case."
    ]
    assert summary.is_early
    after_the_deadline = summaries.close_submissions_summary(cycle, now=NOW + dt.timedelta(days=12, minutes=1))
    assert after_the_deadline.warnings == [] and not after_the_deadline.is_early


def test_closing_a_day_before_the_deadline_says_one_day():
    cycle = cycle_in(CycleState.OPEN)
    summary = summaries.close_submissions_summary(cycle, now=NOW + dt.timedelta(days=11))
    assert summary.warnings == [
        "The submission deadline is 2031-03-22, 1 day from now: closing now stops everyone who is still "
        "preparing a case."
    ]


def test_starting_to_decide_counts_the_missing_reviews_and_the_cases_nobody_can_decide():
    cycle = cycle_in(CycleState.REVIEWING)
    reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=2)
    reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=1, drafts=1)
    reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=0, unstarted=1)
    CaseFactory(cycle=cycle, submitted=True)
    reviewed(CaseFactory(cycle=cycle, state=CaseState.REVISION_REQUESTED, submitted=True), submitted=2)
    decided = reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=1)
    AwardDecisionFactory(case=decided)
    decided.state = CaseState.NOT_AWARDED
    decided.save()

    summary = summaries.start_deciding_summary(cycle, today=NOW.date())
    assert summary.cases == [
        StateCount("submitted", "Submitted", 1),
        StateCount("in_review", "In review", 3),
        StateCount("revision_requested", "Revision requested", 1),
        StateCount("not_awarded", "Not awarded", 1),
    ]
    # Missing: 0 + 1 + 2 + 2 + 0 (the decided case needs none); open: one draft, one not started.
    assert (summary.reviews_missing, summary.open_assignments, summary.cases_without_review) == (5, 2, 2)
    assert summary.decisions_missing == 5
    assert summary.emails == EmailReach(0, 0, ())
    assert summary.warnings == [
        "The review deadline is 2031-04-24, 45 days from now.",
        "5 reviews are still missing.",
        "2 cases have no submitted review yet: they cannot be decided until one is in.",
    ]


def test_starting_to_decide_on_time_with_every_review_in_is_not_early():
    cycle = cycle_in(CycleState.REVIEWING)
    reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=2)
    summary = summaries.start_deciding_summary(cycle, today=cycle.review_deadline)
    assert (summary.reviews_missing, summary.open_assignments, summary.warnings) == (0, 0, [])
    one_short = summaries.start_deciding_summary(cycle, today=cycle.review_deadline - dt.timedelta(days=1))
    assert one_short.warnings == ["The review deadline is 2031-04-24, 1 day from now."]


def test_publication_counts_the_decisions_and_whom_the_emails_reach():
    cycle = cycle_in(CycleState.DECIDING)
    grand = AwardLevelFactory(cycle=cycle, code="grand", name="Grand Prize", rank=1, quota=1)
    merit = AwardLevelFactory(cycle=cycle, code="merit", name="Merit Award", rank=2, quota=5)
    gumi, seosan = CityFactory(), CityFactory()
    SubmitterFactory.create_batch(2, government=gumi)
    SubmitterFactory(government=gumi, is_active=False)  # left: hears nothing
    SubmitterFactory(government=seosan, email="")  # no address: nothing can be sent
    SubmitterFactory(government=seosan)
    for government, level, state in [
        (gumi, grand, CaseState.AWARDED),
        (gumi, merit, CaseState.AWARDED),
        (seosan, None, CaseState.NOT_AWARDED),
    ]:
        case = reviewed(CaseFactory(cycle=cycle, government=government, in_review=True), submitted=2)
        AwardDecisionFactory(case=case, level=level)
        case.state = state
        case.save()
    CaseFactory(cycle=cycle, government=gumi, state=CaseState.WITHDRAWN)

    summary = summaries.publication_summary(cycle, today=NOW.date())
    assert summary.decisions == [
        DecisionCount("Grand Prize", 1),
        DecisionCount("Merit Award", 1),
        DecisionCount("No award", 1),
    ]
    assert summary.decisions_missing == 0
    # Two e-mails to each of the two Gumi staff (two decided cases), one to the Seosan one.
    assert summary.emails == EmailReach(messages=5, people=3, roles=("Submitter (municipal staff)",))
    assert summary.emails.sentence == "5 e-mails will be sent to 3 people (Submitter (municipal staff))."
    assert summary.warnings == ["The review deadline is 2031-04-24, 45 days from now."]


def test_publication_with_a_case_still_undecided_counts_it_as_the_overview_does():
    cycle = cycle_in(CycleState.DECIDING)
    reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=2)
    reviewed(CaseFactory(cycle=cycle, state=CaseState.REVISION_REQUESTED, submitted=True), submitted=1)
    summary = summaries.publication_summary(cycle, today=cycle.review_deadline)
    assert summary.decisions_missing == summaries.selectors.cycle_progress(cycle).awaiting_decision == 2
    assert summary.decisions == [] and summary.emails == EmailReach(0, 0, ())
    assert summary.emails.sentence == "No e-mails are sent by this step."
    assert summary.warnings == ["1 review is still missing."]


def test_one_selector_per_transition():
    assert set(summaries.SUMMARIES) == {
        CycleState.OPEN,
        CycleState.REVIEWING,
        CycleState.DECIDING,
        CycleState.PUBLISHED,
    }
    cycle = cycle_in(CycleState.OPEN)
    assert summaries.step_summary(cycle, CycleState.REVIEWING).to_state == CycleState.REVIEWING


def test_the_summaries_take_a_constant_number_of_queries(django_assert_num_queries):
    cycle = cycle_in(CycleState.REVIEWING)
    for _ in range(3):
        reviewed(CaseFactory(cycle=cycle, in_review=True), submitted=1, unstarted=1)
    with django_assert_num_queries(3):
        summaries.close_submissions_summary(cycle, now=NOW)
    with django_assert_num_queries(8):
        summaries.start_deciding_summary(cycle, today=NOW.date())


def test_a_single_email_and_person_read_naturally():
    reach = EmailReach(messages=1, people=1, roles=("Submitter (municipal staff)",))
    assert reach.sentence == "1 e-mail will be sent to 1 person (Submitter (municipal staff))."
