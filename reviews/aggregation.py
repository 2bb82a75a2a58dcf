"""Pure functions that turn submitted reviews into per-case figures (no database access).

Choices, documented here and tested in tests/reviews/test_aggregation.py:

- A review's **weighted score** is Σ(weight × score) / Σ(weight): it stays on the criteria's scale
  (e.g. 1–5), whatever the weights add up to.
- The **standard deviation** is the *population* one (divide by n): the reviews of a case are all the
  reviews there are, not a sample of a larger set, and a single review then has a spread of 0.
- The **normalised score** of a review is the reviewer's z-score: (score − the reviewer's mean over
  their submitted reviews in the cycle) / the reviewer's population standard deviation. A reviewer
  with only one score, or whose scores are all equal (std 0), gives z = 0: nothing can be said about
  their leniency, so their review neither lifts nor sinks the case. A case's normalised score is the
  mean of its reviews' z-scores, so that a harsh and a lenient reviewer weigh the same.
- **Disagreement**: a case with at least two reviews whose std is at least
  ``DISAGREEMENT_SHARE_OF_RANGE`` of the scale's range (1.0 on a 1–5 scale).
- The **consensus verification** of an outcome is the status most submitted reviews gave; a tie goes
  to the more cautious status (not verified < partly verified < verified). No verification: pending.
- **Share of outcomes verified**: outcomes whose consensus is "verified" / all outcomes of the case,
  a percentage half-up to one decimal (``core.numbers.percent``); None when there are no outcomes.

All arithmetic is Decimal; results are rounded half-up to ``PLACES`` decimals.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from cases.models import Verification
from core.numbers import percent, round_half_up

PLACES = 4
# Share of the scale's range (max − min) from which the reviewers of a case are said to disagree:
# on a 1–5 scale, a standard deviation of 1.0 or more.
DISAGREEMENT_SHARE_OF_RANGE = Decimal("0.25")
# From the most cautious to the most favourable: ties in the consensus go to the first.
VERIFICATION_ORDER = (Verification.NOT_VERIFIED, Verification.PARTLY, Verification.VERIFIED)


def _round(value: Decimal) -> Decimal:
    return round_half_up(value, PLACES)


def weighted_score(scores: Iterable[tuple[Decimal | int, int]]) -> Decimal | None:
    """Σ(weight × score) / Σ(weight) for ``(weight, score)`` pairs; None when there are none."""
    pairs = [(Decimal(weight), Decimal(score)) for weight, score in scores]
    total_weight = sum((weight for weight, _ in pairs), Decimal(0))
    if not pairs or not total_weight:
        return None
    return _round(sum((weight * score for weight, score in pairs), Decimal(0)) / total_weight)


def _mean(values: Sequence[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def _std(values: Sequence[Decimal]) -> Decimal:
    centre = _mean(values)
    with localcontext() as context:
        context.prec = 28
        return (sum(((value - centre) ** 2 for value in values), Decimal(0)) / len(values)).sqrt()


def mean(values: Sequence[Decimal]) -> Decimal | None:
    return _round(_mean(values)) if values else None


def median(values: Sequence[Decimal]) -> Decimal | None:
    """The middle value; for an even count, the mean of the two middle ones."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return _round(ordered[middle])
    return _round((ordered[middle - 1] + ordered[middle]) / 2)


def std(values: Sequence[Decimal]) -> Decimal | None:
    """Population standard deviation (0 for a single value)."""
    return _round(_std(values)) if values else None


def disagreement_threshold(scale_min: int, scale_max: int) -> Decimal:
    return _round(DISAGREEMENT_SHARE_OF_RANGE * (scale_max - scale_min))


def is_disagreement(values: Sequence[Decimal], threshold: Decimal) -> bool:
    return len(values) >= 2 and _std(values) >= threshold


@dataclass(frozen=True)
class ScoredReview:
    case_id: int
    reviewer_id: int
    score: Decimal


def z_scores(reviews: Sequence[ScoredReview]) -> dict[tuple[int, int], Decimal]:
    """(case id, reviewer id) -> the review's z-score within its reviewer's scores (unrounded)."""
    by_reviewer: dict[int, list[Decimal]] = defaultdict(list)
    for review in reviews:
        by_reviewer[review.reviewer_id].append(Decimal(review.score))
    spread = {}
    for reviewer_id, values in by_reviewer.items():
        deviation = _std(values) if len(values) > 1 else Decimal(0)
        spread[reviewer_id] = (_mean(values), deviation)
    result = {}
    for review in reviews:
        centre, deviation = spread[review.reviewer_id]
        result[(review.case_id, review.reviewer_id)] = (
            (Decimal(review.score) - centre) / deviation if deviation else Decimal(0)
        )
    return result


def consensus_verification(statuses: Iterable[str]) -> str:
    """The status most reviews gave; ties go to the more cautious one; none given: pending."""
    counts = Counter(status for status in statuses if status in VERIFICATION_ORDER)
    if not counts:
        return Verification.PENDING
    top = max(counts.values())
    return next(status for status in VERIFICATION_ORDER if counts[status] == top)


def verified_percent(consensus: Sequence[str]) -> float | None:
    """Share of a case's outcomes whose consensus is "verified"; None when it has none."""
    if not consensus:
        return None
    return percent(sum(1 for status in consensus if status == Verification.VERIFIED), len(consensus))


@dataclass(frozen=True)
class CaseAggregate:
    case_id: int
    count: int
    mean: Decimal | None
    median: Decimal | None
    std: Decimal | None
    z_mean: Decimal | None
    disagreement: bool
    verified_percent: float | None


def aggregate_cases(
    case_ids: Iterable[int],
    reviews: Sequence[ScoredReview],
    *,
    threshold: Decimal,
    outcome_consensus: dict[int, list[str]] | None = None,
) -> dict[int, CaseAggregate]:
    """Per case: count, mean, median, std of weighted scores, mean z-score, disagreement flag and
    share of outcomes verified. ``reviews`` are all the submitted reviews of the cycle (the z-scores
    need each reviewer's other reviews); ``outcome_consensus`` maps a case to its outcomes' consensus."""
    zs = z_scores(reviews)
    by_case: dict[int, list[ScoredReview]] = defaultdict(list)
    for review in reviews:
        by_case[review.case_id].append(review)
    outcome_consensus = outcome_consensus or {}
    result = {}
    for case_id in case_ids:
        case_reviews = by_case.get(case_id, [])
        values = [Decimal(review.score) for review in case_reviews]
        z_values = [zs[(review.case_id, review.reviewer_id)] for review in case_reviews]
        result[case_id] = CaseAggregate(
            case_id=case_id,
            count=len(values),
            mean=mean(values),
            median=median(values),
            std=std(values),
            z_mean=mean(z_values),
            disagreement=is_disagreement(values, threshold),
            verified_percent=verified_percent(outcome_consensus.get(case_id, [])),
        )
    return result


def display_score(value: Decimal | None) -> str:
    """A score or weighted total as pages show it: half-up to two decimals, without trailing zeros
    (3.5 is "3.5", 4 is "4", 3.6667 is "3.67"); "—" for none. static/js/review_form.js shows the
    running total by the same rule."""
    if value is None:
        return "—"
    rounded = round_half_up(Decimal(value), 2)
    text = f"{rounded:.2f}".rstrip("0").rstrip(".")
    return text
