"""Exact values on hand-made scores (no database)."""

from decimal import Decimal

from reviews.aggregation import (
    DISAGREEMENT_SHARE_OF_RANGE,
    ScoredReview,
    aggregate_cases,
    consensus_verification,
    disagreement_threshold,
    is_disagreement,
    mean,
    median,
    std,
    verified_percent,
    weighted_score,
    z_scores,
)

D = Decimal


def test_weighted_score_stays_on_the_scale_whatever_the_weights():
    weights = [D("0.20"), D("0.30"), D("0.20"), D("0.15"), D("0.15")]
    assert weighted_score(zip(weights, [5, 5, 4, 5, 5], strict=True)) == D("4.8000")
    assert weighted_score([(2, 5), (1, 2)]) == D("4.0000")
    assert weighted_score([(1, 1), (1, 2), (1, 2)]) == D("1.6667")
    assert weighted_score([]) is None


def test_mean_median_std_of_an_odd_count():
    values = [D(1), D(2), D(6)]
    assert mean(values) == D("3.0000")
    assert median(values) == D("2.0000")
    # population: sqrt(((1-3)² + (2-3)² + (6-3)²) / 3) = sqrt(14/3)
    assert std(values) == D("2.1602")


def test_median_of_an_even_count_is_the_mean_of_the_two_middle_values():
    values = [D(10), D(1), D(3), D(2)]
    assert median(values) == D("2.5000")
    assert mean(values) == D("4.0000")


def test_single_value_has_zero_spread_and_no_disagreement():
    assert mean([D("3.5")]) == D("3.5000")
    assert median([D("3.5")]) == D("3.5000")
    assert std([D("3.5")]) == D("0.0000")
    assert is_disagreement([D("3.5")], D("1.0")) is False
    assert mean([]) is None and median([]) is None and std([]) is None


def test_disagreement_threshold_is_a_quarter_of_the_scale_range():
    assert D("0.25") == DISAGREEMENT_SHARE_OF_RANGE
    assert disagreement_threshold(1, 5) == D("1.0000")
    assert disagreement_threshold(0, 10) == D("2.5000")
    assert is_disagreement([D(1), D(3)], D("1.0")) is True  # std exactly 1.0
    assert is_disagreement([D("1.1"), D(3)], D("1.0")) is False  # std 0.95


# Reviewer 1 scores cases 1 and 2 (4, 2): mean 3, std 1 -> z +1, -1.
# Reviewer 2 scores cases 1, 2, 3 (5, 3, 4): mean 4, std sqrt(2/3) -> z +1.2247, -1.2247, 0.
# Reviewer 3 scores case 3 only (1): one score -> z 0.
REVIEWS = [
    ScoredReview(case_id=1, reviewer_id=1, score=D(4)),
    ScoredReview(case_id=2, reviewer_id=1, score=D(2)),
    ScoredReview(case_id=1, reviewer_id=2, score=D(5)),
    ScoredReview(case_id=2, reviewer_id=2, score=D(3)),
    ScoredReview(case_id=3, reviewer_id=2, score=D(4)),
    ScoredReview(case_id=3, reviewer_id=3, score=D(1)),
]


def test_z_scores_per_reviewer_with_one_score_giving_zero():
    zs = {key: value.quantize(D("0.0001")) for key, value in z_scores(REVIEWS).items()}
    assert zs == {
        (1, 1): D("1.0000"),
        (2, 1): D("-1.0000"),
        (1, 2): D("1.2247"),
        (2, 2): D("-1.2247"),
        (3, 2): D("0.0000"),
        (3, 3): D("0.0000"),
    }


def test_reviewer_with_identical_scores_gives_zero():
    reviews = [ScoredReview(case_id=1, reviewer_id=9, score=D(3)), ScoredReview(case_id=2, reviewer_id=9, score=D(3))]
    assert set(z_scores(reviews).values()) == {D(0)}


def test_aggregate_cases_with_normalisation():
    figures = aggregate_cases(
        [1, 2, 3, 4],
        REVIEWS,
        threshold=D("1.0"),
        outcome_consensus={1: ["verified", "partly", "verified"], 2: [], 3: ["not_verified"]},
    )
    one, two, three, four = figures[1], figures[2], figures[3], figures[4]
    assert (one.count, one.mean, one.median, one.std) == (2, D("4.5000"), D("4.5000"), D("0.5000"))
    # (1 + 1.224744871) / 2 = 1.1123724: the harsh reviewer 1 and the lenient reviewer 2 weigh the same.
    assert one.z_mean == D("1.1124")
    assert one.disagreement is False
    assert one.verified_percent == 66.7
    assert (two.count, two.mean, two.median, two.std, two.z_mean) == (
        2,
        D("2.5000"),
        D("2.5000"),
        D("0.5000"),
        D("-1.1124"),
    )
    assert two.verified_percent is None
    # Case 3: scores 4 and 1 -> std 1.5, disagreement; both z-scores are 0 (mean of reviewer 2, single score).
    assert (three.count, three.mean, three.std, three.z_mean, three.disagreement) == (
        2,
        D("2.5000"),
        D("1.5000"),
        D("0.0000"),
        True,
    )
    assert three.verified_percent == 0.0
    assert (four.count, four.mean, four.median, four.std, four.z_mean, four.disagreement) == (
        0,
        None,
        None,
        None,
        None,
        False,
    )


def test_consensus_verification_majority_ties_to_the_cautious_side():
    assert consensus_verification(["verified", "verified", "partly"]) == "verified"
    assert consensus_verification(["verified", "partly"]) == "partly"
    assert consensus_verification(["partly", "not_verified"]) == "not_verified"
    assert consensus_verification([]) == "pending"
    assert consensus_verification(["pending"]) == "pending"


def test_verified_percent():
    assert verified_percent(["verified", "partly", "verified"]) == 66.7
    assert verified_percent(["verified"]) == 100.0
    assert verified_percent([]) is None
