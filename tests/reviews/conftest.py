from decimal import Decimal

import pytest

from cases.models import CycleState
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory, ProvinceFactory
from tests.reviews.factories import CriterionFactory


@pytest.fixture
def manager(db):
    return ManagerFactory(username="boss")


@pytest.fixture
def province(db):
    return ProvinceFactory(code="37", name="Gyeongsangbuk-do", name_local="경상북도")


@pytest.fixture
def city(province):
    return CityFactory(code="37050", name="Gumi", name_local="구미시", parent=province)


@pytest.fixture
def cycle(db):
    """A cycle being reviewed, with two criteria (weights 2 and 1, scale 1–5) and two award levels."""
    cycle = AwardCycleFactory(year=2099, state=CycleState.REVIEWING, reviews_required=2)
    CriterionFactory(cycle=cycle, code="novelty", name="Novelty", weight=Decimal("2.00"), order=1)
    CriterionFactory(cycle=cycle, code="effect", name="Effectiveness", weight=Decimal("1.00"), order=2)
    AwardLevelFactory(cycle=cycle, code="grand", name="Grand Prize", rank=1, quota=1)
    AwardLevelFactory(cycle=cycle, code="merit", name="Merit Award", name_local="장려상", rank=2, quota=5)
    return cycle


@pytest.fixture
def criteria(cycle):
    return list(cycle.criteria.order_by("order"))


@pytest.fixture
def case(cycle, city):
    case = CaseFactory(cycle=cycle, government=city, submitted=True, title="One-stop firm service")
    OutcomeFactory(case=case, indicator="Firms attracted")
    return case


@pytest.fixture
def submitter(city):
    return SubmitterFactory(username="gumi", government=city)


@pytest.fixture
def reviewer(db):
    return ReviewerFactory(username="rev-free", first_name="Min-jun", last_name="Kim")


@pytest.fixture
def reviewer_province(province):
    return ReviewerFactory(username="rev-province", government=province)
