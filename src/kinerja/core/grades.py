"""Qualitative figures: a grade on an ordered scale, read as its score.

Some indicators are measured by a grade, not a count: the BPK's audit opinion on the financial
statements (WTP, WDP, TW, TMP) and the predikat of the SAKIP evaluation (AA … D). Agencies write the
grade itself in the target and realisation cells, and report a capaian for it. kinerja reads a grade
as a number whose unit names the scale: its score, the grade's rank counted from the bottom of the
scale (WTP = 4 … TMP = 1, as e-SAKIP systems already score audit opinions; AA = 7 … D = 1). Capaian
and every check then work as for any figure (realisasi WDP against target WTP: 3 ÷ 4 × 100 = 75,00),
and everything written shows the grade, never its score alone.

A grade that could be something else ('TW' is also triwulan, 'A' … 'D' are letters) is read as a
grade only where the row or the indicator's unit names its scale.
"""

from __future__ import annotations

import re
from decimal import Decimal

OPINI = "opini BPK"
PREDIKAT = "predikat SAKIP"

# Each scale from its lowest grade up: a grade's score is its position, counted from 1.
SCALES: dict[str, tuple[str, ...]] = {
    OPINI: ("TMP", "TW", "WDP", "WTP"),
    PREDIKAT: ("D", "C", "CC", "B", "BB", "A", "AA"),
}
_SCORES = {unit: {grade: rank for rank, grade in enumerate(grades, start=1)} for unit, grades in SCALES.items()}
# Grades that name their scale on their own, wherever they stand.
_DISTINCT = {grade: unit for unit, grades in SCALES.items() for grade in grades if len(grade) >= 2 and grade != "TW"}
# How documents name the scales in a unit cell or a 'Satuan' column.
UNIT_NAMES = {
    "opini": OPINI,
    "opini bpk": OPINI,
    "opini audit": OPINI,
    "opini audit bpk": OPINI,
    "predikat": PREDIKAT,
    "predikat sakip": PREDIKAT,
    "predikat akip": PREDIKAT,
}


_NAMES_OPINI = re.compile(r"\bopini\b", re.IGNORECASE)
_NAMES_PREDIKAT = re.compile(r"\bpredikat\b|\bs?akip\b", re.IGNORECASE)


def scale_named(text: str) -> str | None:
    """The scale an indicator's name speaks of ('Opini BPK atas LKPD', 'Predikat SAKIP'), or None."""
    opini, predikat = bool(_NAMES_OPINI.search(text)), bool(_NAMES_PREDIKAT.search(text))
    if opini == predikat:
        return None
    return OPINI if opini else PREDIKAT


def read_grade(text: str, unit: str | None = None) -> tuple[str, int] | None:
    """(scale unit, score) of a grade, or None. With ``unit`` a scale, any grade of that scale; without,
    only a grade that names its scale on its own."""
    key = text.strip().upper()
    if unit in _SCORES:
        score = _SCORES[unit].get(key)
        return (unit, score) if score else None
    scale = _DISTINCT.get(key)
    return (scale, _SCORES[scale][key]) if scale else None


def scale_of(unit: str | None) -> str | None:
    """The scale a unit names, however it was capitalised or spaced ('Opini BPK', 'predikat'), or None."""
    if not unit:
        return None
    if unit in SCALES:
        return unit
    return UNIT_NAMES.get(" ".join(unit.lower().split()))


def is_grade_unit(unit: str | None) -> bool:
    return scale_of(unit) is not None


def grade_name(unit: str | None, score: Decimal | int | None) -> str | None:
    """The grade a score stands for on the unit's scale, or None (not a scale, or not one of its scores)."""
    unit = scale_of(unit)
    if unit is None or score is None:
        return None
    grades = SCALES[unit]
    if score != int(score) or not 1 <= int(score) <= len(grades):
        return None
    return grades[int(score) - 1]


def scale_text(unit: str) -> str:
    """The grades of a scale from the highest down, for messages: 'WTP, WDP, TW, TMP'."""
    return ", ".join(reversed(SCALES[unit]))
