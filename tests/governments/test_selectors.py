import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governments.selectors import national_profile
from tests.governments.factories import CityFactory, CountyFactory, ProvinceFactory

pytestmark = pytest.mark.django_db

# The study's Table 1, right-hand side: national profile 2006 (count, % of all, average population).
STUDY_NATIONAL_PROFILE = {
    "province": (9, 3.7, 2_901_296),
    "metropolis": (7, 2.8, 3_268_588),
    "city": (75, 30.5, 283_711),
    "district": (69, 28.0, 324_397),
    "county": (86, 35.0, 55_380),
}


def test_national_profile_of_the_registry_equals_the_study_table_1(registry):
    with CaptureQueriesContext(connection) as queries:
        profile = national_profile()
    assert len(queries) == 1
    by_key = {row.key: row for row in profile}
    assert [row.key for row in profile] == ["province", "metropolis", "city", "district", "county", "total"]
    for tier, (count, share, average) in STUDY_NATIONAL_PROFILE.items():
        assert (by_key[tier].count, by_key[tier].percent, by_key[tier].average_population) == (count, share, average)
    # The study prints 396,037 for the total; its own rows give 97,416,178 / 246 = 396,000.7.
    total = by_key["total"]
    assert (total.count, total.percent, total.population_total, total.average_population) == (
        246,
        100.0,
        97_416_178,
        396_001,
    )


def test_national_profile_rounds_half_up_and_ignores_inactive_governments():
    province = ProvinceFactory(population=3)
    CityFactory(parent=province, population=2)
    CityFactory(parent=province, population=3)  # city average 2.5 -> 3 (half-up, not banker's 2)
    CountyFactory(parent=province, population=1_000_000, is_active=False)
    by_key = {row.key: row for row in national_profile()}
    assert by_key["city"].average_population == 3
    assert by_key["city"].percent == 66.7
    assert by_key["province"].percent == 33.3
    assert by_key["county"].count == 0
    assert by_key["county"].average_population == 0
    assert by_key["total"].count == 3
    assert by_key["total"].average_population == 3  # 8 / 3 = 2.67


def test_national_profile_of_an_empty_registry_is_all_zero():
    profile = national_profile()
    assert all(row.count == 0 and row.percent == 0.0 and row.average_population == 0 for row in profile)
