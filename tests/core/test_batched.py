"""``read_together``: several values() reads (and hand-written ones) in one statement on PostgreSQL,
giving exactly the rows each read gives on its own; one after the other elsewhere."""

import pytest
from django.db import connection
from django.db.models import Count, Sum, Value

from cases.models import ObstacleType, Purpose
from core.batched import RawRead, read_together
from governments.models import LocalGovernment
from tests.governments.factories import CityFactory, CountyFactory, ProvinceFactory
from tests.querycount import assert_database_query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    province = ProvinceFactory(population=2_000_000)
    CityFactory(parent=province, population=300_000, name="Jeonju City")
    CityFactory(parent=province, population=120_000, name="Namwon City")
    CountyFactory(parent=province, population=27_000, name="Muju County", is_active=False)
    Purpose.objects.create(code="p1", name="Efficiency", name_local="효율", order=2)
    ObstacleType.objects.create(code="o1", name="Lack of resources", name_local="자원 부족", order=1)


def _reads():
    return [
        LocalGovernment.objects.filter(is_active=True)
        .values("tier")
        .annotate(count=Count("id"), population_total=Sum("population"))
        .order_by("tier"),
        LocalGovernment.objects.filter(name__endswith="City")
        .values("name", "parent__tier", "is_active")
        .order_by("name"),
        Purpose.objects.annotate(taxonomy=Value("purpose"))
        .values("taxonomy", "code", "name_local", "order")
        .order_by()
        .union(
            ObstacleType.objects.annotate(taxonomy=Value("obstacle"))
            .values("taxonomy", "code", "name_local", "order")
            .order_by()
        )
        .order_by("code"),
        LocalGovernment.objects.filter(name="nobody").values("name"),
        RawRead("SELECT %s, %s", (7, "한글 'quoted' %"), ("number", "text")),
    ]


def _one_by_one(reads):
    found = []
    for read in reads:
        if isinstance(read, RawRead):
            with connection.cursor() as cursor:
                cursor.execute(read.sql, list(read.params))
                found.append([dict(zip(read.names, row, strict=True)) for row in cursor.fetchall()])
        else:
            found.append(list(read))
    return found


def test_the_rows_are_those_of_each_read_on_its_own(registry):
    expected = [
        [
            {"tier": "city", "count": 2, "population_total": 420_000},
            {"tier": "province", "count": 1, "population_total": 2_000_000},
        ],
        [
            {"name": "Jeonju City", "parent__tier": "province", "is_active": True},
            {"name": "Namwon City", "parent__tier": "province", "is_active": True},
        ],
        [
            {"taxonomy": "obstacle", "code": "o1", "name_local": "자원 부족", "order": 1},
            {"taxonomy": "purpose", "code": "p1", "name_local": "효율", "order": 2},
        ],
        [],
        [{"number": 7, "text": "한글 'quoted' %"}],
    ]
    assert _one_by_one(_reads()) == expected
    assert read_together(_reads(), using="default") == expected


def test_they_cost_one_query_on_postgresql_and_one_each_elsewhere(registry):
    reads = _reads()
    with assert_database_query_count(1 if connection.vendor == "postgresql" else len(reads)):
        read_together(reads, using="default")


def test_nothing_to_read_is_no_query():
    with assert_database_query_count(0):
        assert read_together([], using="default") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="elsewhere querysets are simply evaluated")
def test_only_rows_as_dicts_can_be_read_together(registry):
    with pytest.raises(TypeError):
        read_together([LocalGovernment.objects.all()], using="default")


def test_a_read_that_can_match_nothing_costs_nothing(registry):
    nothing = LocalGovernment.objects.filter(pk__in=[]).values("name")
    names = LocalGovernment.objects.filter(is_active=False).values("name")
    with assert_database_query_count(1):
        assert read_together([nothing, names], using="default") == [[], [{"name": "Muju County"}]]
    with assert_database_query_count(0):
        assert read_together([nothing], using="default") == [[]]
