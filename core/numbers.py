"""Rounding as DESIGN.md §5 prescribes: half-up, never banker's rounding or binary floats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: Decimal | int, places: int = 0) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> float:
    """``part`` as a percentage of ``whole``, half-up to one decimal; 0.0 when ``whole`` is 0."""
    if not whole:
        return 0.0
    return float(round_half_up(Decimal(part) * 100 / Decimal(whole), 1))


def average(total: int, count: int) -> int:
    """Whole-number average, half-up; 0 when there is nothing to average."""
    if not count:
        return 0
    return int(round_half_up(Decimal(total) / Decimal(count)))


def ratio(numerator: float, denominator: float, places: int = 2) -> float:
    if not denominator:
        return 0.0
    return float(round_half_up(Decimal(str(numerator)) / Decimal(str(denominator)), places))
