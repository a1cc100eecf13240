"""The least work that still reads and checks the generated form honestly: a yardstick, not a reader.

One pass over the lines. Each row's cells are cleaned; target, realisasi and the reported % are read
with their units ('.' and ',' as thousands or decimals, '21,223' settled as kinerja settles it); capaian is
worked out in Decimal and compared with the reported figure, rounded or cut to its decimals; a row
record is kept and a finding written for a mismatch or a settled ambiguity. It knows nothing of
headers, slid rows, budgets, signatures, years or other tables, so it only reads bench/generate.py's
form. bench_check.py runs it beside kinerja to show how far from the floor any Python reader lands.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import NamedTuple

_FIGURE = re.compile(
    r"(?P<plain>\d+)|(?P<dots>[1-9]\d{0,2}(?:\.\d{3})+)|(?P<commas>[1-9]\d{0,2}(?:,\d{3})+)"
    r"|(?P<decimal_comma>\d+,\d+)|(?P<decimal_dot>\d+\.\d+)"
)
_STEPS = tuple(Decimal(1).scaleb(-d) for d in range(8))
_HUNDRED = Decimal(100)


class Figure(NamedTuple):
    raw: str
    number: Decimal | None = None
    decimals: int = 0
    unit: str | None = None
    ambiguous: bool = False


class LeanRow(NamedTuple):
    index: int
    indikator: str
    target: Figure
    realisasi: Figure
    reported: Figure
    capaian: Decimal | None


def _figure(raw: str, unit: str | None) -> Figure:
    match = _FIGURE.fullmatch(raw)
    if match is None:
        return Figure(raw, unit=unit)
    form = match.lastgroup
    if form == "plain":
        return Figure(raw, Decimal(raw), 0, unit)
    if form == "dots":
        return Figure(raw, Decimal(raw.replace(".", "")), 0, unit)
    if form == "commas":
        # '21,223' is 21223 or 21,223. A count unit settles it; in this form the settled figures all
        # use ',' for thousands, so the others follow them (kinerja's rule of the table's majority).
        return Figure(raw, Decimal(raw.replace(",", "")), 0, unit, True)
    whole, fraction = raw.split("," if form == "decimal_comma" else ".")
    return Figure(raw, Decimal(whole + "." + fraction), len(fraction), unit)


def _show(number: Decimal, decimals: int) -> str:
    text = f"{number.quantize(_STEPS[decimals], ROUND_HALF_UP):,.{decimals}f}"
    return text.replace(",", "#").replace(".", ",").replace("#", ".")


def lean_pass(text: str) -> tuple[list[LeanRow], list[tuple[int, str, str]]]:
    rows: list[LeanRow] = []
    findings: list[tuple[int, str, str]] = []
    for line in text.splitlines():
        cells = [" ".join(c.replace("*", "").split()) for c in line.split("\t")]
        if len(cells) < 7 or not cells[2] or not cells[2][0].isdigit():
            continue
        target, realisasi = _figure(cells[2], cells[3]), _figure(cells[4], cells[5])
        reported = _figure(cells[6], None)
        capaian = None
        if target.number and realisasi.number is not None:
            capaian = realisasi.number / target.number * _HUNDRED
            if reported.number is not None:
                step = _STEPS[reported.decimals]
                if reported.number not in (
                    capaian.quantize(step, ROUND_HALF_UP),
                    capaian.quantize(step, ROUND_DOWN),
                ):
                    findings.append(
                        (
                            len(rows),
                            "capaian_mismatch",
                            f"'{cells[1]}': tertulis {reported.raw}, padahal realisasi "
                            f"{_show(realisasi.number, realisasi.decimals)} ÷ target "
                            f"{_show(target.number, target.decimals)} × 100 = {_show(capaian, 2)}.",
                        )
                    )
        for name, figure in (("Target", target), ("Realisasi", realisasi)):
            if figure.ambiguous:
                findings.append(
                    (
                        len(rows),
                        "ambiguous_number",
                        f"{name} '{figure.raw}' dibaca {_show(figure.number, figure.decimals)}.",
                    )
                )
        rows.append(LeanRow(len(rows), cells[1], target, realisasi, reported, capaian))
    return rows, findings
