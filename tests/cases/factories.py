import datetime as dt

import factory
from django.utils import timezone

from cases.models import (
    Attachment,
    AwardCycle,
    AwardLevel,
    CaseObstacle,
    CaseRemedy,
    CaseState,
    CycleState,
    InnovationCase,
    ObstacleType,
    Outcome,
    ParticipantKind,
    Purpose,
    RemedyType,
)
from tests.governments.factories import CityFactory


class PurposeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Purpose
        django_get_or_create = ("code",)

    code = "service_improvement"
    name = factory.LazyAttribute(lambda o: o.code.replace("_", " ").capitalize())
    name_local = factory.LazyAttribute(lambda o: f"{o.code} (ko)")


class ObstacleTypeFactory(PurposeFactory):
    class Meta:
        model = ObstacleType
        django_get_or_create = ("code",)

    code = "conflict_of_interest"


class RemedyTypeFactory(PurposeFactory):
    class Meta:
        model = RemedyType
        django_get_or_create = ("code",)

    code = "induced_cooperation"


class ParticipantKindFactory(PurposeFactory):
    class Meta:
        model = ParticipantKind
        django_get_or_create = ("code",)

    code = "citizens"


class AwardCycleFactory(factory.django.DjangoModelFactory):
    """An open cycle by default: submissions opened yesterday and close in 30 days."""

    class Meta:
        model = AwardCycle
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2100 + n)
    title = factory.LazyAttribute(lambda o: f"{o.year} Awards")
    title_local = factory.LazyAttribute(lambda o: f"{o.year}년 혁신상")
    submission_opens = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    submission_closes = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    review_deadline = factory.LazyFunction(lambda: (timezone.now() + dt.timedelta(days=60)).date())
    state = CycleState.OPEN
    reviews_required = 2

    class Params:
        published = factory.Trait(state=CycleState.PUBLISHED, published_at=factory.LazyFunction(timezone.now))
        closed = factory.Trait(
            submission_opens=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=60)),
            submission_closes=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1)),
        )


class AwardLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardLevel
        django_get_or_create = ("cycle", "code")

    cycle = factory.SubFactory(AwardCycleFactory)
    code = "grand"
    name = "Grand Prize"
    name_local = "대상"
    rank = 1
    quota = 2


class CaseFactory(factory.django.DjangoModelFactory):
    """A draft by default. Use ``submitted=True`` (or a later state) for a case with its snapshot."""

    class Meta:
        model = InnovationCase
        skip_postgeneration_save = True

    cycle = factory.SubFactory(AwardCycleFactory)
    government = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Innovation {n}")
    title_local = factory.Sequence(lambda n: f"혁신 {n}")
    summary = "A one-stop service centre."
    summary_local = "원스톱 민원실."
    purpose = factory.SubFactory(PurposeFactory)
    uses_ict = False
    state = CaseState.DRAFT

    class Params:
        submitted = factory.Trait(
            state=CaseState.SUBMITTED,
            tier=factory.SelfAttribute("government.tier"),
            population=factory.SelfAttribute("government.population"),
            submitted_at=factory.LazyFunction(timezone.now),
        )
        in_review = factory.Trait(submitted=True, state=CaseState.IN_REVIEW)
        awarded = factory.Trait(
            submitted=True, state=CaseState.AWARDED, cycle=factory.SubFactory(AwardCycleFactory, published=True)
        )
        not_awarded = factory.Trait(submitted=True, state=CaseState.NOT_AWARDED)

    @factory.post_generation
    def obstacles(self, create, extracted, **kwargs):
        """``obstacles=["lack_of_expertise", ...]`` adds those obstacle types."""
        for code in extracted or []:
            CaseObstacle.objects.create(case=self, obstacle_type=ObstacleTypeFactory(code=code))

    @factory.post_generation
    def remedies(self, create, extracted, **kwargs):
        for code in extracted or []:
            CaseRemedy.objects.create(case=self, remedy_type=RemedyTypeFactory(code=code))


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    case = factory.SubFactory(CaseFactory)
    indicator = "Processing time"
    indicator_local = "처리 시간"
    unit = "days"
    baseline = 10
    result = 3


class AttachmentFactory(factory.django.DjangoModelFactory):
    """A stored attachment's row (the file itself is not written)."""

    class Meta:
        model = Attachment

    case = factory.SubFactory(CaseFactory)
    file = "attachments/x/report.pdf"
    original_name = "report.pdf"
    content_type = "application/pdf"
    size = 1
    uploaded_by = factory.SubFactory("tests.accounts.factories.ManagerFactory")
