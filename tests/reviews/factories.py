import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from reviews.aggregation import weighted_score
from reviews.models import (
    AwardDecision,
    Criterion,
    CriterionScore,
    OutcomeVerification,
    Recommendation,
    Review,
    ReviewAssignment,
    ReviewState,
)
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


class ReviewFactory(factory.django.DjangoModelFactory):
    """A draft review; use ``submitted_review()`` for a submitted one with scores."""

    class Meta:
        model = Review

    assignment = factory.SubFactory(ReviewAssignmentFactory)


class AwardDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardDecision

    case = factory.SubFactory(CaseFactory, in_review=True)
    level = None
    rationale = "Because."
    decided_by = factory.SubFactory(ManagerFactory)
    decided_at = factory.LazyFunction(timezone.now)


def submitted_review(
    assignment: ReviewAssignment,
    scores: dict,
    *,
    verifications: dict | None = None,
    comment: str = "",
    recommendation: str = Recommendation.AWARD,
) -> Review:
    """A submitted review of ``assignment`` with ``scores`` ({criterion: score}) and its weighted score."""
    review = Review.objects.create(
        assignment=assignment,
        state=ReviewState.SUBMITTED,
        comment_to_submitter=comment,
        recommendation=recommendation,
        declared_no_conflict=True,
        weighted_score=weighted_score((criterion.weight, score) for criterion, score in scores.items()) or Decimal(0),
        submitted_at=timezone.now(),
    )
    for criterion, score in scores.items():
        CriterionScore.objects.create(review=review, criterion=criterion, score=score)
    for outcome, status in (verifications or {}).items():
        OutcomeVerification.objects.create(review=review, outcome=outcome, status=status)
    return review


def scored_review(case, reviewer, score, **kwargs) -> Review:
    """A submitted review of ``case`` by ``reviewer`` whose weighted score is exactly ``score`` (a
    Decimal or int on the 1–5 scale of the cycle's criterion ``overall``, created on first use)."""
    criterion = CriterionFactory(cycle=case.cycle, code="overall")
    assignment = ReviewAssignmentFactory(case=case, reviewer=reviewer)
    review = submitted_review(assignment, {}, **kwargs)
    review.weighted_score = Decimal(score)
    review.save(update_fields=["weighted_score"])
    if Decimal(score) == int(score):
        CriterionScore.objects.create(review=review, criterion=criterion, score=int(score))
    return review
