import factory

from practices.models import CitizenFeedback, FeltImprovement
from tests.cases.factories import CaseFactory


class CitizenFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenFeedback

    case = factory.SubFactory(CaseFactory, awarded=True)
    felt = FeltImprovement.YES
    visitor = factory.Sequence(lambda n: f"visitor-{n}")
