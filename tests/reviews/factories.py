import datetime as dt
from decimal import Decimal

import factory

from reviews.models import Criterion, ReviewAssignment
from tests.accounts.factories import ManagerFactory, ReviewerFactory
from tests.cases.factories import AwardCycleFactory, CaseFactory


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion
        django_get_or_create = ("cycle", "code")

    cycle = factory.SubFactory(AwardCycleFactory)
    code = factory.Sequence(lambda n: f"criterion-{n}")
    name = factory.LazyAttribute(lambda o: o.code.capitalize())
    name_local = factory.LazyAttribute(lambda o: f"{o.code} (ko)")
    weight = Decimal("1.00")
    scale_min = 1
    scale_max = 5


class ReviewAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAssignment

    case = factory.SubFactory(CaseFactory, in_review=True)
    reviewer = factory.SubFactory(ReviewerFactory)
    due_on = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=14))
    assigned_by = factory.SubFactory(ManagerFactory)
