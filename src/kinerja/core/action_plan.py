"""Rencana Aksi: the quarterly targets (TW I–IV) of a PK indicator, and how each quarter is judged.

For an indicator whose year figure adds the quarters up (a count of things done, money spent) the four
quarterly targets must add up to the year's target. For a level (a percentage, an index, the last
figure counts) the TW IV target must reach the year's target. Otherwise the planner writes why
(LLDIKTI SAKIP's rule; docs/chain.md). A quarter's capaian follows the same core rule as the year's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core import achievement as rules
from kinerja.core.messages import say
from kinerja.core.model import Achievement, Cumulation, Direction
from kinerja.core.numbers import format_plain, quantize
from kinerja.core.values import Value, stored_value

QUARTERS = (1, 2, 3, 4)
CODES = {
    "renaksi_missing": "warning",
    "renaksi_sum_mismatch": "error",
    "renaksi_average_mismatch": "error",
    "renaksi_last_short": "error",
}
NAMES = {1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV"}


@dataclass(frozen=True, slots=True)
class PlanProblem:
    code: str  # one of CODES
    message: str


def problem(
    *, indicator: str, target: Decimal | None, quarters: Mapping[int, Decimal | None], cumulation: Cumulation,
    direction: Direction, reason: str = "",
) -> PlanProblem | None:  # fmt: skip
    """Why these quarterly targets do not carry the year's target, or None. A written ``reason``
    accepts a plan that does not add up (the reason is shown wherever the plan is)."""
    if reason.strip():
        return None
    missing = [NAMES[q] for q in QUARTERS if quarters.get(q) is None]
    if missing:
        return PlanProblem("renaksi_missing", say("renaksi.missing", indicator=indicator, quarters=", ".join(missing)))
    if target is None:
        return None
    if cumulation in (Cumulation.SUM, Cumulation.AVERAGE):
        total = sum((quarters[q] for q in QUARTERS), Decimal(0))
        parts = " + ".join(format_plain(quarters[q]) for q in QUARTERS)
        if cumulation is Cumulation.SUM:
            year, code, how = total, "renaksi_sum_mismatch", say("renaksi.summed", parts=parts)
        else:
            year, code = total / len(QUARTERS), "renaksi_average_mismatch"
            how = say("renaksi.averaged", parts=parts)
        if year == target:
            return None
        return PlanProblem(
            code,
            say(
                "renaksi.mismatch",
                indicator=indicator,
                how=how,
                year=format_plain(quantize(year, 2)),
                target=format_plain(target),
            ),
        )
    last = quarters[4]
    short = last < target if direction is Direction.HIGHER else last > target
    if short:
        return PlanProblem(
            "renaksi_last_short",
            say("renaksi.last_short", indicator=indicator, last=format_plain(last), target=format_plain(target)),
        )
    return None


def quarter_capaian(
    target: Decimal | None, realisation: Decimal | None, direction: Direction, unit: str | None = None
) -> Achievement:
    """A quarter's capaian: its realisation against its own target, by the year's rule."""
    return rules.capaian(target=_value(target, unit), realisasi=_value(realisation, unit), direction=direction)


def _value(number: Decimal | None, unit: str | None) -> Value:
    return stored_value(number, "", unit or None)
