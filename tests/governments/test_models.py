import pytest
from django.db import IntegrityError, transaction

from governments.models import LocalGovernment, Tier
from tests.governments.factories import CityFactory, DistrictFactory, MetropolisFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


def _refused(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        LocalGovernment.objects.create(population_year=2006, name="X", name_local="엑스", **fields)


def test_unknown_tier_is_refused_by_the_database():
    _refused(code="A1", tier="village", population=10)


def test_negative_population_is_refused_by_the_database():
    _refused(code="A1", tier=Tier.PROVINCE, population=-1)


def test_duplicate_code_is_refused_by_the_database():
    ProvinceFactory(code="31")
    _refused(code="31", tier=Tier.PROVINCE, population=1)


def test_lower_level_without_parent_is_refused():
    _refused(code="A1", tier=Tier.CITY, population=1)


def test_upper_level_with_parent_is_refused():
    _refused(code="A1", tier=Tier.PROVINCE, population=1, parent=ProvinceFactory())


@pytest.mark.parametrize(
    ("tier", "parent_factory"),
    [(Tier.CITY, MetropolisFactory), (Tier.DISTRICT, ProvinceFactory), (Tier.COUNTY, CityFactory)],
)
def test_parent_of_the_wrong_tier_is_refused_by_the_database(tier, parent_factory):
    _refused(code="A1", tier=tier, population=1, parent=parent_factory())


def test_reparenting_to_the_wrong_tier_is_refused_by_the_database():
    city = CityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        LocalGovernment.objects.filter(pk=city.pk).update(parent=MetropolisFactory())


def test_changing_the_tier_of_a_government_with_members_is_refused():
    district = DistrictFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        LocalGovernment.objects.filter(pk=district.parent_id).update(tier=Tier.PROVINCE)


@pytest.mark.parametrize(
    ("tier", "parent_factory"),
    [
        (Tier.CITY, ProvinceFactory),
        (Tier.COUNTY, ProvinceFactory),
        (Tier.COUNTY, MetropolisFactory),
        (Tier.DISTRICT, MetropolisFactory),
    ],
)
def test_lower_level_with_parent_of_the_right_tier_is_accepted(tier, parent_factory):
    government = LocalGovernment.objects.create(
        code="A1", name="X", name_local="엑스", tier=tier, parent=parent_factory(), population=0, population_year=2006
    )
    assert government.pk is not None


def test_display_name_follows_the_language():
    from django.utils import translation

    city = CityFactory(
        name="Gumi-si", name_local="구미시", parent=ProvinceFactory(name="Gyeongsangbuk-do", name_local="경상북도")
    )
    with translation.override("en"):
        assert city.display_name == "Gumi-si, Gyeongsangbuk-do"
    with translation.override("ko"):
        assert city.display_name == "경상북도 구미시"
