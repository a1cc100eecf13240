"""Batas wajar: the plausible range of an indicator's figures (DHIS2's min-max values).

The people who know an indicator say which figures are plausible for it: "jumlah koperasi aktif" between
150 and 400, a percentage between 0 and 100. A figure outside (a typing slip of 21.223 for 212,23, a year's
total typed into a quarter) is not refused, since it may be true, but it must be looked at: the year
cannot be submitted until the figure is corrected or its note explains it (kinerja.core.year), and the
reviewers' outlier page lists every figure outside its range.

A range may be open on one side (only a lower or only an upper bound); both bounds are inclusive. A bound
is in the indicator's unit. A grade (WTP, AA) is an order, not a quantity, and has no range.

``suggest`` offers a range from an indicator's history, as DHIS2 generates min-max values from past data:
the figures a modified z-score of 3 would still accept, median ± 3 × MAD ÷ 0,6745 (kinerja.core.outliers),
never below 0 when no figure of the history is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.messages import Message, say
from kinerja.core.numbers import format_id
from kinerja.core.outliers import DEFAULT_THRESHOLD, MIN_POINTS, robust_spread

ZERO = Decimal(0)


def shown(value: Decimal) -> str:
    return format_id(value, 4, strip_zeros=True)


@dataclass(frozen=True, slots=True)
class Bounds:
    lower: Decimal | None = None
    upper: Decimal | None = None

    def __bool__(self) -> bool:
        return self.lower is not None or self.upper is not None

    @property
    def problem(self) -> str | None:
        """Why the range cannot be kept (its lower bound above its upper), or None."""
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            return f"Batas wajar bawah {shown(self.lower)} lebih besar daripada batas wajar atas {shown(self.upper)}."
        return None

    def text(self) -> Message:
        """'150 sampai 400', 'paling sedikit 0', 'paling banyak 100'."""
        if self.lower is not None and self.upper is not None:
            return say("bounds.between", low=shown(self.lower), high=shown(self.upper))
        if self.lower is not None:
            return say("bounds.at_least", low=shown(self.lower))
        if self.upper is not None:
            return say("bounds.at_most", high=shown(self.upper))
        return say("bounds.none")

    def outside(self, value: Decimal) -> Message | None:
        """Why ``value`` is outside the range ('149 di bawah batas wajar (150 sampai 400)'), or None when it
        is inside."""
        if self.lower is not None and value < self.lower:
            return say("bounds.below", value=shown(value), range=self.text())
        return self.above(value)

    def above(self, value: Decimal) -> Message | None:
        """Why ``value`` is above the range, or None: a part of a year's total (a quarter of a summed
        indicator) may lie below the year's range, never above it."""
        if self.upper is not None and value > self.upper:
            return say("bounds.above", value=shown(value), range=self.text())
        return None


def suggest(history: Sequence[Decimal], threshold: Decimal = DEFAULT_THRESHOLD) -> Bounds | None:
    """The range a modified z-score of ``threshold`` accepts around ``history``'s median, or None when the
    history is too short (fewer than three figures) or has no spread. Bounds are rounded outwards to two
    decimals, so every figure the score accepts stays inside."""
    if len(history) < MIN_POINTS:
        return None
    centre, spread, scale = robust_spread(history)
    if spread == 0:
        return None
    spread = spread / scale  # the spread in the figures' own unit: a score of 1
    step = Decimal("0.01")
    lower = (centre - threshold * spread).quantize(step, rounding="ROUND_FLOOR")
    upper = (centre + threshold * spread).quantize(step, rounding="ROUND_CEILING")
    if lower < 0 and min(history) >= 0:
        lower = ZERO
    return Bounds(lower, upper)
