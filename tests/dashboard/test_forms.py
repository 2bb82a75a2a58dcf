import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from cases.models import CycleState
from dashboard.forms import StatsFilterForm
from tests.accounts.factories import ReviewerFactory
from tests.cases.factories import AwardCycleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycles(db):
    AwardCycleFactory(year=2005, published=True, closed=True)
    AwardCycleFactory(year=2006, published=True, closed=True)
    AwardCycleFactory(year=2007, state=CycleState.OPEN)
    AwardCycleFactory(year=2008, state=CycleState.DRAFT)


def form(query: str, user=None) -> StatsFilterForm:
    return StatsFilterForm(QueryDict(query) or None, user=user or AnonymousUser())


def test_defaults_are_the_awarded_scope_and_every_published_cycle(cycles):
    assert form("").filters() == ("awarded", [2005, 2006])
    assert [value for value, _label in form("").fields["cycle"].choices] == [2005, 2006]


def test_an_empty_cycle_value_means_every_cycle(cycles):
    empty = form("cycle=&cycle=")
    assert empty.is_valid()
    assert empty.filters() == ("awarded", [2005, 2006])
    assert form("cycle=&cycle=2006").filters() == ("awarded", [2006])


def test_chosen_cycles(cycles):
    chosen = form("cycle=2006&cycle=2005")
    assert chosen.is_valid()
    assert chosen.filters() == ("awarded", [2005, 2006])
    assert form("cycle=2006").filters() == ("awarded", [2006])


def test_the_public_cannot_choose_submitted_scope_or_unpublished_cycles(cycles):
    submitted = form("scope=submitted")
    assert not submitted.is_valid()
    assert submitted.errors == {"scope": ["Only reviewers and award managers may see all submitted cases."]}
    assert submitted.filters() == ("awarded", [2005, 2006])
    unpublished = form("cycle=2007")
    assert unpublished.errors == {"cycle": ["2007 is not one of the award cycles you can choose."]}


def test_staff_may_choose_the_submitted_scope_of_any_cycle_past_its_draft(cycles):
    reviewer = ReviewerFactory()
    assert form("scope=submitted", reviewer).filters() == ("submitted", [2005, 2006, 2007])
    assert form("scope=submitted&cycle=2007", reviewer).filters() == ("submitted", [2007])
    assert form("scope=submitted&cycle=2008", reviewer).errors == {
        "cycle": ["2008 is not one of the award cycles you can choose."]
    }
    # In the awarded scope only published cycles have awards to count.
    awarded = form("scope=awarded&cycle=2007", reviewer)
    assert awarded.errors == {"cycle": ["No awarded cases are published for 2007: choose among 2005, 2006."]}
