import factory

from governments.models import LocalGovernment, Tier


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalGovernment
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9{n:03d}")
    name = factory.Sequence(lambda n: f"Province {n}")
    name_local = factory.Sequence(lambda n: f"도 {n}")
    tier = Tier.PROVINCE
    parent = None
    population = 2_000_000
    population_year = 2006


class MetropolisFactory(ProvinceFactory):
    name = factory.Sequence(lambda n: f"Metropolis {n}")
    tier = Tier.METROPOLIS


class CityFactory(ProvinceFactory):
    code = factory.Sequence(lambda n: f"9{n:04d}")
    name = factory.Sequence(lambda n: f"City {n}")
    tier = Tier.CITY
    parent = factory.SubFactory(ProvinceFactory)
    population = 300_000


class CountyFactory(CityFactory):
    name = factory.Sequence(lambda n: f"County {n}")
    tier = Tier.COUNTY
    population = 50_000


class DistrictFactory(CityFactory):
    name = factory.Sequence(lambda n: f"District {n}")
    tier = Tier.DISTRICT
    parent = factory.SubFactory(MetropolisFactory)
