import pytest

from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.cases.factories import AwardCycleFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory, ProvinceFactory

from .factories import years_ago


@pytest.fixture
def province(db):
    return ProvinceFactory(code="37", name="Gyeongsangbuk-do", name_local="경상북도")


@pytest.fixture
def city(province):
    return CityFactory(code="37050", name="Gumi", name_local="구미시", parent=province)


@pytest.fixture
def other_city(province):
    return CityFactory(code="34050", name="Seosan", name_local="서산시")


@pytest.fixture
def cycle(db):
    """Published two years ago and some days: its one-year follow-up has come, its three-year one not."""
    return AwardCycleFactory(year=2090, published=True, closed=True, published_at=years_ago(2))


@pytest.fixture
def practice(cycle, city):
    case = CaseFactory(cycle=cycle, government=city, awarded=True, title="Web GIS for investors")
    OutcomeFactory(case=case, indicator="Days to a permit", baseline=30, result=7, order=1)
    OutcomeFactory(case=case, indicator="Firms attracted", unit="firms", baseline=2, result=12, order=2)
    return case


@pytest.fixture
def submitter(city):
    return SubmitterFactory(username="gumi-staff", government=city)


@pytest.fixture
def other_submitter(other_city):
    return SubmitterFactory(username="seosan-staff", government=other_city)


@pytest.fixture
def reviewer(db):
    return ReviewerFactory(username="reviewer-kim")


@pytest.fixture
def conflicted_reviewer(province):
    return ReviewerFactory(username="reviewer-lee", government=province)


@pytest.fixture
def manager(db):
    return ManagerFactory(username="boss")
