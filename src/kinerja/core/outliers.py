"""Outliers in an indicator's series of figures, as DHIS2's outlier detection finds them.

Two methods score every figure against the whole series it belongs to (DHIS2's third, min-max, judges
each figure against the range people set for its indicator: kinerja.core.bounds):

- **z-score**: (x − mean) ÷ standard deviation (of the population). A series of n figures can never
  score above √(n − 1), so below 11 figures a threshold of 3 is out of reach: the page says so.
- **modified z-score** (Iglewicz and Hoaglin): 0,6745 × (x − median) ÷ MAD, where MAD is the median of
  the absolute deviations from the median. One wrong figure does not move the median, so it also
  finds an outlier among five yearly figures. When half the figures or more are equal the MAD is 0;
  the mean absolute deviation × 1,253314 stands in for it (as IBM SPSS does), and a series of equal
  figures has no outlier.

A figure is an outlier when the absolute value of its score is above the threshold (3,0 unless chosen).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kinerja.core.numbers import format_id

MIN_POINTS = 3  # fewer figures have no shape to stand out from
MAD_SCALE = Decimal("0.6745")  # the 0,75 quantile of the standard normal distribution
MEAN_AD_SCALE = Decimal("1.253314")  # √(π/2): the mean absolute deviation's ratio to σ
DEFAULT_THRESHOLD = Decimal(3)


class Method(StrEnum):
    Z = "z"
    MODIFIED_Z = "mz"
    MIN_MAX = "minmaks"  # no score: each figure against its indicator's batas wajar (kinerja.core.bounds)

    @property
    def label(self) -> str:
        return {Method.Z: "skor z", Method.MODIFIED_Z: "skor z termodifikasi"}.get(self, "batas wajar (min-maks)")


@dataclass(frozen=True, slots=True)
class Scored:
    """One figure of a series with its score and the centre it was measured from (mean or median)."""

    index: int
    value: Decimal
    score: Decimal
    centre: Decimal

    def outlier(self, threshold: Decimal) -> bool:
        return abs(self.score) > threshold

    def reason(self, method: Method, threshold: Decimal) -> str:
        centre = "rata-rata" if method is Method.Z else "median"
        side = "di atas" if self.score > 0 else "di bawah"
        value, middle = format_id(self.value, 2, strip_zeros=True), format_id(self.centre, 2, strip_zeros=True)
        return (
            f"{value} {side} {centre} {middle}: {method.label} {format_id(self.score, 2)} melewati ambang "
            f"±{format_id(threshold, 2, strip_zeros=True)}"
        )


def robust_spread(values: Sequence[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """The modified z-score's (centre, spread, scale): the median, the MAD and 0,6745; when the MAD is 0,
    1,253314 × the mean absolute deviation and 1. A figure's score is scale × (x − centre) ÷ spread."""
    centre = Decimal(statistics.median(values))
    spread = Decimal(statistics.median([abs(v - centre) for v in values]))
    if spread:
        return centre, spread, MAD_SCALE
    return centre, MEAN_AD_SCALE * sum((abs(v - centre) for v in values), Decimal(0)) / len(values), Decimal(1)


def scores(values: Sequence[Decimal], method: Method) -> list[Scored]:
    """Every figure's score, in order; empty when the series is too short or has no spread."""
    if len(values) < MIN_POINTS:
        return []
    if method is Method.Z:
        centre = sum(values, Decimal(0)) / len(values)
        spread = (sum(((v - centre) ** 2 for v in values), Decimal(0)) / len(values)).sqrt()
        scale = Decimal(1)
    else:
        centre, spread, scale = robust_spread(values)
    if spread == 0:
        return []
    return [Scored(i, v, scale * (v - centre) / spread, centre) for i, v in enumerate(values)]


def reachable(count: int, method: Method, threshold: Decimal) -> bool:
    """Whether a series of ``count`` figures can score above ``threshold`` at all."""
    if count < MIN_POINTS:
        return False
    if method is Method.Z:
        return Decimal(count - 1).sqrt() > threshold
    return True
