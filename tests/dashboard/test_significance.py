"""The tier tests agree with scipy computed independently, on random data; the plain sentence says
what the p-value means, and when the sample is too small to tell."""

import itertools
import math

import numpy as np
import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from dashboard.significance import (
    ASYMPTOTIC,
    EXACT,
    MONTE_CARLO,
    MONTE_CARLO_DRAWS,
    compositions,
    goodness_of_fit,
    outcome_count,
    plain_sentence,
    wilson_interval,
)


def _brute_force_exact(observed: list[int], weights: list[float]) -> float:
    """Every outcome enumerated with itertools, its probability from scipy's multinomial, ordered by
    scipy's Pearson X²."""
    n, k = sum(observed), len(observed)
    probabilities = np.array(weights, dtype=float) / sum(weights)
    expected = n * probabilities
    observed_statistic = stats.chisquare(observed, expected).statistic
    total = 0.0
    for outcome in itertools.product(range(n + 1), repeat=k):
        if sum(outcome) != n:
            continue
        if stats.chisquare(outcome, expected).statistic >= observed_statistic - 1e-9 * max(1, observed_statistic):
            total += stats.multinomial.pmf(outcome, n, probabilities)
    return total


@settings(max_examples=40, deadline=None)
@given(
    data=st.integers(min_value=2, max_value=4).flatmap(
        lambda k: st.tuples(
            st.lists(st.integers(min_value=0, max_value=4), min_size=k, max_size=k).filter(lambda o: sum(o) > 0),
            st.lists(st.integers(min_value=1, max_value=90), min_size=k, max_size=k),
        )
    )
)
def test_the_exact_test_agrees_with_scipy_on_random_data(data):
    observed, weights = data
    result = goodness_of_fit(observed, weights)
    assert result.method == EXACT
    assert result.n == sum(observed)
    assert result.degrees_of_freedom == len(observed) - 1
    expected = np.array(weights) / sum(weights) * sum(observed)
    assert result.statistic == pytest.approx(stats.chisquare(observed, expected).statistic, rel=1e-9)
    assert result.p_value == pytest.approx(_brute_force_exact(observed, weights), rel=1e-7, abs=1e-12)


@settings(max_examples=25, deadline=None)
@given(
    weights=st.lists(st.integers(min_value=1, max_value=10), min_size=5, max_size=5),
    shares=st.lists(st.integers(min_value=1, max_value=10), min_size=5, max_size=5),
    n=st.integers(min_value=300, max_value=3000),
)
def test_the_chi_square_test_agrees_with_scipy_when_every_expected_count_is_large(weights, shares, n):
    # Observed counts spread by ``shares`` (so that the p-values range from tiny to large).
    observed = [n * share // sum(shares) for share in shares]
    observed[0] += n - sum(observed)
    result = goodness_of_fit(observed, weights)
    assert result.method == ASYMPTOTIC
    expected = np.array(weights) / sum(weights) * n
    reference = stats.chisquare(observed, expected)
    assert result.statistic == pytest.approx(reference.statistic, rel=1e-9)
    assert result.p_value == pytest.approx(reference.pvalue, rel=1e-6, abs=1e-300)


@settings(max_examples=15, deadline=None)
@given(
    observed=st.lists(st.integers(min_value=0, max_value=30), min_size=5, max_size=5).filter(
        lambda o: 50 <= sum(o) <= 120
    ),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_the_monte_carlo_p_value_agrees_with_scipys_monte_carlo_test(observed, seed):
    # The national profile of 2006: provinces and metropolises are expected few cases.
    weights = [9, 7, 75, 69, 86]
    result = goodness_of_fit(observed, weights)
    assert result.method == MONTE_CARLO
    n = sum(observed)
    probabilities = np.array(weights) / sum(weights)
    rng = np.random.default_rng(seed)

    def statistic(counts, axis=-1):
        return ((counts - n * probabilities) ** 2 / (n * probabilities)).sum(axis=axis)

    reference = stats.monte_carlo_test(
        np.array(observed),
        lambda size: rng.multinomial(n, probabilities, size=size[:-1]),
        statistic,
        vectorized=True,
        n_resamples=MONTE_CARLO_DRAWS,
        alternative="greater",
    )
    assert result.statistic == pytest.approx(float(reference.statistic), rel=1e-9)
    # Two independent simulations of the same p-value: they differ by sampling error only.
    p = max(result.p_value, float(reference.pvalue))
    error = 6 * math.sqrt(2 * p * (1 - p) / MONTE_CARLO_DRAWS) + 3 / MONTE_CARLO_DRAWS
    assert abs(result.p_value - float(reference.pvalue)) <= error


def test_the_monte_carlo_p_value_is_the_same_on_every_call():
    observed = [10, 9, 20, 14, 20]
    assert goodness_of_fit(observed, [9, 7, 75, 69, 86]) == goodness_of_fit(observed, [9, 7, 75, 69, 86])


def test_the_methods_switch_where_the_outcomes_become_too_many_to_enumerate():
    assert outcome_count(42, 5) == 163_185 == len(compositions(42, 5))
    assert goodness_of_fit([6, 9, 10, 7, 10], [9, 7, 75, 69, 86]).method == EXACT
    assert goodness_of_fit([12, 18, 20, 14, 20], [9, 7, 75, 69, 86]).method == MONTE_CARLO
    assert goodness_of_fit([120, 180, 200, 140, 200], [9, 7, 75, 69, 86]).method == ASYMPTOTIC


def test_the_studys_table_1_is_far_from_chance():
    result = goodness_of_fit([6, 9, 10, 7, 10], [9, 7, 75, 69, 86])
    assert (result.method, result.n, result.degrees_of_freedom, result.too_small) == (EXACT, 42, 4, False)
    assert round(result.statistic, 4) == 67.9837
    assert result.p_value < 0.001


def test_categories_the_null_excludes():
    # No government of a tier, and no case of it: the tier drops out of the test.
    dropped = goodness_of_fit([3, 0, 5], [2, 0, 6])
    assert (dropped.degrees_of_freedom, dropped.p_value) == (1, pytest.approx(_brute_force_exact([3, 5], [2, 6])))
    # A case of a tier the null gives no chance: impossible under it.
    impossible = goodness_of_fit([3, 1, 5], [2, 0, 6])
    assert (impossible.statistic, impossible.p_value) == (None, 0.0)
    nothing = goodness_of_fit([0, 0, 0], [2, 1, 6])
    assert (nothing.p_value, nothing.too_small, nothing.summary) == (None, True, "There are no cases to test.")


def test_the_plain_sentence_in_both_languages():
    assert plain_sentence(0.0004, 42, False) == (
        "A difference this large would arise by chance less than 1 time in 1,000."
    )
    assert plain_sentence(0.004, 42, False) == "A difference this large would arise by chance less than 1 time in 100."
    assert plain_sentence(0.04, 42, False) == "A difference this large would arise by chance less than 1 time in 20."
    assert plain_sentence(0.235, 42, False) == (
        "A difference this large would arise by chance about 24 times in 100: it may well be chance."
    )
    assert plain_sentence(0.9977, 42, False) == (
        "A difference this large would arise by chance about 99 times in 100: it may well be chance."
    )
    assert plain_sentence(0.6, 7, True) == (
        "With only 7 cases the sample is too small to tell whether the difference is chance."
    )
    with translation.override("ko"):
        assert plain_sentence(0.0004, 42, False) == (
            "이 정도의 차이가 우연히 나타날 확률은 1,000번에 1번도 되지 않습니다."
        )
        assert plain_sentence(0.6, 7, True) == (
            "사례가 7건뿐이어서 이 차이가 우연인지 판단하기에는 표본이 너무 작습니다."
        )


def test_too_small_only_when_the_difference_is_not_significant():
    # Eight cases, all from provinces: significant whatever the sample size.
    assert goodness_of_fit([8, 0, 0, 0, 0], [9, 7, 75, 69, 86]).too_small is False
    assert goodness_of_fit([0, 0, 3, 2, 3], [9, 7, 75, 69, 86]).too_small is True


@settings(max_examples=50, deadline=None)
@given(trials=st.integers(min_value=1, max_value=500), data=st.data())
def test_wilson_interval_agrees_with_scipy(trials, data):
    successes = data.draw(st.integers(min_value=0, max_value=trials))
    low, high = wilson_interval(successes, trials)
    reference = stats.binomtest(successes, trials).proportion_ci(method="wilson")
    assert low == pytest.approx(reference.low * 100, abs=0.05 + 1e-9)
    assert high == pytest.approx(reference.high * 100, abs=0.05 + 1e-9)
    assert low <= round(100 * successes / trials, 1) <= high


def test_wilson_interval_without_trials():
    assert wilson_interval(0, 0) is None
