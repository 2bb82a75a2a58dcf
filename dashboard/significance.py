"""Is a difference in the tier mix chance? Goodness-of-fit tests and Wilson intervals, as plain
computation (no database access here).

The question Table 1 raises: were the awarded cases drawn from the tiers in the proportions of the
national profile (or of the submitted pool)? Under that null hypothesis the tier counts of ``n``
cases are multinomial. Every method orders outcomes by Pearson's X² (how far the counts are from the
expected ones), so they estimate the same p-value, P(X² ≥ the observed X²):

- ``exact_multinomial``: every possible outcome enumerated (when there are few enough of them);
- ``chi_square_monte_carlo``: a seeded simulation of the multinomial, when there are too many
  outcomes to enumerate and some expected count is small (the χ² approximation would be poor);
- ``chi_square``: the χ² distribution, when every expected count is at least 5.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from scipy import stats
from scipy.special import gammaln

from core.numbers import round_half_up

EXACT = "exact_multinomial"
MONTE_CARLO = "chi_square_monte_carlo"
ASYMPTOTIC = "chi_square"
# Enumerate at most this many outcomes (5 tiers: up to 49 cases; 42 in the study).
EXACT_LIMIT = 300_000
MONTE_CARLO_DRAWS = 20_000
MONTE_CARLO_SEED = 20_060_101  # fixed, so that the same data always give the same p-value
SMALL_EXPECTED = 5
# Below this many cases, a difference that is not significant says little (the test has no power).
TOO_SMALL = 20
# X² of two outcomes that differ only by floating-point error count as equal.
TOLERANCE = 1e-9
Z_95 = 1.959963984540054
METHOD_LABELS = {
    EXACT: gettext_lazy("exact multinomial test"),
    MONTE_CARLO: gettext_lazy("χ² test, p-value simulated"),
    ASYMPTOTIC: gettext_lazy("χ² test"),
}


@dataclass(frozen=True)
class FitTest:
    method: str
    statistic: float | None  # Pearson's X²; None when the observed counts are impossible under the null
    p_value: float | None  # None when there is nothing to test (no cases, or one category)
    n: int
    degrees_of_freedom: int
    too_small: bool
    summary: str

    @property
    def method_label(self) -> str:
        return str(METHOD_LABELS[self.method])


def _chi_square(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    return (((observed - expected) ** 2) / expected).sum(axis=-1)


@lru_cache(maxsize=8)
def compositions(n: int, k: int) -> np.ndarray:
    """Every way of putting ``n`` cases into ``k`` categories, one row each (built column by column,
    without a Python loop over the outcomes)."""
    if k == 1:
        return np.array([[n]], dtype=np.int64)
    parts = np.arange(n + 1, dtype=np.int64)[:, None]
    for _column in range(k - 2):
        left = n - parts.sum(axis=1) + 1  # how many values the next column can take in each row
        rows = np.repeat(np.arange(len(parts)), left)
        starts = np.repeat(np.cumsum(left) - left, left)
        parts = np.column_stack([parts[rows], np.arange(int(left.sum()), dtype=np.int64) - starts])
    return np.column_stack([parts, n - parts.sum(axis=1)])


def outcome_count(n: int, k: int) -> int:
    return math.comb(n + k - 1, k - 1)


def exact_p_value(observed: np.ndarray, probabilities: np.ndarray) -> float:
    n, k = int(observed.sum()), len(observed)
    outcomes = compositions(n, k)
    expected = n * probabilities
    log_pmf = gammaln(n + 1) - gammaln(outcomes + 1).sum(axis=1) + (outcomes * np.log(probabilities)).sum(axis=1)
    statistic = _chi_square(observed, expected)
    extreme = _chi_square(outcomes, expected) >= statistic - TOLERANCE * max(1.0, statistic)
    return float(min(1.0, np.exp(log_pmf[extreme]).sum()))


def monte_carlo_p_value(observed: np.ndarray, probabilities: np.ndarray, draws: int = MONTE_CARLO_DRAWS) -> float:
    n = int(observed.sum())
    expected = n * probabilities
    statistic = _chi_square(observed, expected)
    simulated = np.random.default_rng(MONTE_CARLO_SEED).multinomial(n, probabilities, size=draws)
    extreme = int((_chi_square(simulated, expected) >= statistic - TOLERANCE * max(1.0, statistic)).sum())
    # The observed sample counts as one of the draws, so the p-value is never 0.
    return (extreme + 1) / (draws + 1)


def plain_sentence(p_value: float | None, n: int, too_small: bool) -> str:
    """What the test says, in one sentence a citizen can read."""
    if p_value is None or n == 0:
        return _("There are no cases to test.")
    if too_small:
        return _("With only %(n)s cases the sample is too small to tell whether the difference is chance.") % {"n": n}
    if p_value < 0.001:
        return _("A difference this large would arise by chance less than 1 time in 1,000.")
    if p_value < 0.01:
        return _("A difference this large would arise by chance less than 1 time in 100.")
    if p_value < 0.05:
        return _("A difference this large would arise by chance less than 1 time in 20.")
    # At most 99: "100 times in 100" would read as a certainty.
    times = min(99, int(round_half_up(Decimal(str(p_value)) * 100)))
    return _("A difference this large would arise by chance about %(times)s times in 100: it may well be chance.") % {
        "times": times
    }


def goodness_of_fit(observed: Sequence[int], weights: Sequence[float]) -> FitTest:
    """Test whether ``observed`` counts are a multinomial sample with probabilities proportional to
    ``weights`` (e.g. the national count of governments per tier)."""
    observed_all = np.array(observed, dtype=np.int64)
    weights_all = np.array(weights, dtype=float)
    n = int(observed_all.sum())
    if weights_all.sum() <= 0 or n == 0:
        return FitTest(EXACT, None, None, n, 0, True, plain_sentence(None, n, True))
    possible = weights_all > 0
    if observed_all[~possible].sum() > 0:
        # Cases in a category the null gives no chance at all: impossible under it.
        return FitTest(EXACT, None, 0.0, n, int(possible.sum()) - 1, False, plain_sentence(0.0, n, False))
    observed_counts = observed_all[possible]
    probabilities = weights_all[possible] / weights_all[possible].sum()
    k = len(observed_counts)
    if k <= 1:
        return FitTest(EXACT, 0.0, 1.0, n, 0, n < TOO_SMALL, plain_sentence(1.0, n, n < TOO_SMALL))
    expected = n * probabilities
    statistic = float(_chi_square(observed_counts, expected))
    if outcome_count(n, k) <= EXACT_LIMIT:
        method, p_value = EXACT, exact_p_value(observed_counts, probabilities)
    elif expected.min() < SMALL_EXPECTED:
        method, p_value = MONTE_CARLO, monte_carlo_p_value(observed_counts, probabilities)
    else:
        method = ASYMPTOTIC
        p_value = float(stats.chi2.sf(statistic, k - 1))
    too_small = n < TOO_SMALL and p_value >= 0.05
    return FitTest(method, statistic, p_value, n, k - 1, too_small, plain_sentence(p_value, n, too_small))


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float] | None:
    """Wilson score interval of a proportion, as (low, high) percentages; None without trials."""
    if not trials:
        return None
    p = successes / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    denominator = 1 + z * z / trials
    low, high = max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator)
    return (
        float(round_half_up(Decimal(repr(low * 100)), 1)),
        float(round_half_up(Decimal(repr(high * 100)), 1)),
    )
