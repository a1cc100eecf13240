"""Reported figures are assertions: compare them with what the rules give.

A reported percentage is consistent when it equals the recomputed value rounded (half up) or
truncated to the number of decimals the document shows. One unit off in the last shown digit
beyond that is a rounding note; anything else is a mismatch.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from kinerja.core.numbers import step


class Agreement(StrEnum):
    CONSISTENT = "consistent"
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


def compare(*, reported: Decimal, decimals: int, computed: Decimal) -> Agreement:
    unit = step(decimals)  # numbers.quantize, written out: a form's every row comes here, some rows four times
    try:
        rounded = computed.quantize(unit, rounding=ROUND_HALF_UP)
        truncated = computed.quantize(unit, rounding=ROUND_DOWN)
    except InvalidOperation:  # beyond the context's precision: compared as it is
        rounded = truncated = computed
    if reported == rounded or reported == truncated:
        return Agreement.CONSISTENT
    if min(abs(reported - rounded), abs(reported - truncated)) <= unit:
        return Agreement.ROUNDING
    return Agreement.MISMATCH
