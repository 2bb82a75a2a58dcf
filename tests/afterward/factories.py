import datetime as dt

import factory
from django.utils import timezone

from afterward.models import Adoption, AdoptionKind, FollowUpReport, ReportState
from tests.cases.factories import CaseFactory
from tests.governments.factories import CityFactory


def years_ago(years: int, days: int = 10) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=365 * years + days)


class FollowUpReportFactory(factory.django.DjangoModelFactory):
    """A due report of an awarded practice (``years_after`` 1, due today)."""

    class Meta:
        model = FollowUpReport

    case = factory.SubFactory(CaseFactory, awarded=True)
    years_after = 1
    due_on = factory.LazyFunction(timezone.localdate)
    deadline = factory.LazyAttribute(lambda o: o.due_on + dt.timedelta(days=90))
    state = ReportState.DUE


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adoption

    source = factory.SubFactory(CaseFactory, awarded=True)
    adopter = factory.SubFactory(CityFactory)
    adopter_tier = factory.SelfAttribute("adopter.tier")
    kind = AdoptionKind.ADOPTED
    adopted_on = factory.LazyFunction(timezone.localdate)
    recorded_by = factory.SubFactory(
        "tests.accounts.factories.SubmitterFactory", government=factory.SelfAttribute("..adopter")
    )
