"""Reported figures are assertions: compare them with what the rules give.

A reported percentage is consistent when it equals the recomputed value rounded (half up) or
truncated to the number of decimals the document shows. One unit off in the last shown digit
beyond that is a rounding note; anything else is a mismatch.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from kinerja.core.numbers import quantize, step


class Agreement(StrEnum):
    CONSISTENT = "consistent"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


def compare(*, reported: Decimal, decimals: int, computed: Decimal) -> Agreement:
    rounded = quantize(computed, decimals)
    truncated = quantize(computed, decimals, truncate=True)
    if reported in (rounded, truncated):
        return Agreement.CONSISTENT
    if min(abs(reported - rounded), abs(reported - truncated)) <= step(decimals):
        return Agreement.ROUNDING
    return Agreement.MISMATCH
