"""Checks on the Renstra itself: an end target that an earlier year already passed.

A level indicator (the last figure counts: members, a percentage, an index) whose end target is below a
realisation already reached was most probably given an annual target in the end-target column, or a
figure with a lost thousands group: "Jumlah anggota koperasi: target akhir 19.518, realisasi 2016 26.847".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.messages import say
from kinerja.core.model import Cumulation, Direction
from kinerja.core.numbers import format_plain

CODES = {"renstra_end_below_realised": "warning"}


@dataclass(frozen=True, slots=True)
class PlanFinding:
    code: str
    message: str


def end_target_problem(
    *, name: str, end_target: Decimal | None, cumulation: Cumulation, direction: Direction,
    realised: Mapping[int, Decimal | None],
) -> PlanFinding | None:  # fmt: skip
    """Why this end target cannot be right, or None. Flows (counts that add up over the years) are not
    judged: their end target is a total, and one year's figure says nothing against it."""
    if end_target is None or cumulation is not Cumulation.LAST:
        return None
    for year, value in sorted(realised.items()):
        if value is None:
            continue
        passed = value > end_target if direction is Direction.HIGHER else value < end_target
        if passed:
            better = say("plan.higher" if direction is Direction.HIGHER else "plan.lower")
            return PlanFinding(
                "renstra_end_below_realised",
                say(
                    "plan.end_below_realised",
                    name=name,
                    end_target=format_plain(end_target),
                    year=year,
                    value=format_plain(value),
                    better=better,
                ),
            )
    return None
