import pytest

from cases.models import CycleState
from practices import selectors as public
from practices.models import FeltImprovement, ModerationState
from tests.cases.factories import AwardCycleFactory, CaseFactory
from tests.governments.factories import CityFactory, MetropolisFactory, ProvinceFactory
from tests.practices.factories import CitizenFeedbackFactory

pytestmark = pytest.mark.django_db


def test_practice_list_holds_only_awarded_cases_of_published_cycles():
    awarded = CaseFactory(awarded=True)
    CaseFactory(awarded=True, cycle=AwardCycleFactory(state=CycleState.DECIDING))
    CaseFactory(not_awarded=True, cycle=awarded.cycle)
    CaseFactory()
    assert list(public.practice_list()) == [awarded]


def test_feedback_counts_in_one_query(django_assert_num_queries):
    case = CaseFactory(awarded=True)
    for felt in ["yes", "yes", "yes", "no", "not_sure"]:
        CitizenFeedbackFactory(case=case, felt=felt)
    CitizenFeedbackFactory(felt=FeltImprovement.NO)  # another case
    with django_assert_num_queries(1):
        counts = public.feedback_counts(case)
    assert (counts.yes, counts.no, counts.not_sure, counts.total) == (3, 1, 1, 5)
    assert (counts.yes_percent, counts.no_percent, counts.not_sure_percent) == (60.0, 20.0, 20.0)


def test_feedback_counts_without_answers_are_zero():
    counts = public.feedback_counts(CaseFactory(awarded=True))
    assert (counts.total, counts.yes_percent) == (0, 0.0)


def test_approved_comments_and_moderation_queue():
    case = CaseFactory(awarded=True)
    approved = CitizenFeedbackFactory(case=case, comment="Shown", moderation=ModerationState.APPROVED)
    pending = CitizenFeedbackFactory(case=case, comment="Waiting", moderation=ModerationState.PENDING)
    CitizenFeedbackFactory(case=case, comment="Hidden", moderation=ModerationState.REJECTED)
    CitizenFeedbackFactory(case=case)
    assert list(public.approved_comments(case)) == [approved]
    assert list(public.pending_comments()) == [pending]


def test_visitor_answer():
    feedback = CitizenFeedbackFactory(visitor="me")
    assert public.visitor_answer(feedback.case, "me") == feedback
    assert public.visitor_answer(feedback.case, "someone else") is None
    assert public.visitor_answer(feedback.case, None) is None


def test_regions_are_the_active_upper_level_governments():
    province = ProvinceFactory(code="31")
    metropolis = MetropolisFactory(code="11")
    MetropolisFactory(code="12", is_active=False)
    CityFactory(parent=province)
    assert list(public.regions()) == [metropolis, province]


def test_headline_numbers_in_one_query(django_assert_num_queries):
    cycle_2005 = AwardCycleFactory(year=2005, published=True)
    cycle_2006 = AwardCycleFactory(year=2006, published=True)
    government = CityFactory()
    CaseFactory(awarded=True, cycle=cycle_2005, government=government, uses_ict=True)
    CaseFactory(awarded=True, cycle=cycle_2006, government=government, uses_ict=True)
    CaseFactory(awarded=True, cycle=cycle_2006)
    CaseFactory(not_awarded=True, cycle=cycle_2006, uses_ict=True)
    with django_assert_num_queries(1):
        headline = public.headline()
    assert (headline.practices, headline.governments, headline.cycles, headline.ict) == (3, 2, 2, 2)
    assert headline.ict_percent == 66.7


def test_headline_of_the_demo_data(demo_data):
    headline = public.headline()
    # Table 2 of the study: 28 of the 42 awarded cases relied mainly on ICT.
    assert (headline.practices, headline.cycles, headline.ict, headline.ict_percent) == (42, 2, 28, 66.7)


def test_latest_practices_come_from_the_latest_published_cycle():
    older = CaseFactory(awarded=True, cycle=AwardCycleFactory(year=2005, published=True))
    newer = CaseFactory(awarded=True, cycle=AwardCycleFactory(year=2006, published=True))
    assert public.latest_practices(1) == [newer]
    assert public.latest_practices() == [newer, older]
