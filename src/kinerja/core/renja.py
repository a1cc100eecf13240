"""Evaluasi Renja (Permendagri 86/2017): for each programme, kegiatan and sub kegiatan of the year,
its targets and quarterly realisations in volume (K) and money (Rp), the year's realisation and
capaian, and the realisation and capaian to date against the Renstra. Column numbers follow the form
as used in practice (docs/chain.md):

 6 Renstra target at the plan's end · 7 realisation up to last year · 8 this year's target ·
 9–12 realisation TW I–IV · 13 the year's realisation (9+10+11+12, or the last quarter for a level) ·
 14 capaian of the year (13 ÷ 8 × 100) · 15 realisation to date (7 + 13) · 16 capaian to date against
 the Renstra (15 ÷ 6 × 100).

Money always adds up over the quarters. The footer gives the mean capaian (column 14) of the rows
whose capaian can be computed, and its category (≥91 ST, ≥76 T, ≥66 S, ≥51 R, else SR; or the region's scale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core import achievement as rules
from kinerja.core.categories import PERMENDAGRI_BANDS, Band, category
from kinerja.core.model import Cumulation

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True, kw_only=True)
class Pair:
    """A figure in volume (K, in the indicator's unit) and in money (Rp)."""

    k: Decimal | None = None
    rp: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    level: str  # program, kegiatan, sub_kegiatan
    code: str
    name: str
    sasaran: str = ""
    indicator: str = ""
    unit: str = ""
    cumulation: Cumulation = Cumulation.SUM
    renstra_target: Pair = Pair()  # column 6
    before: Pair = Pair()  # column 7
    target: Pair = Pair()  # column 8
    quarters: tuple[Pair, Pair, Pair, Pair] = (Pair(), Pair(), Pair(), Pair())  # columns 9–12
    responsible: str = ""  # column 17
    note: str = ""  # column 18


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluated:
    row: Row
    year: Pair  # column 13
    capaian: Pair  # column 14
    to_date: Pair  # column 15
    capaian_to_date: Pair  # column 16


def _sum(values: Sequence[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


def _last(values: Sequence[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return known[-1] if known else None


def _percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * HUNDRED


def evaluate(row: Row) -> Evaluated:
    k_quarters = [q.k for q in row.quarters]
    year_k = _sum(k_quarters) if row.cumulation is Cumulation.SUM else _last(k_quarters)
    year_rp = _sum([q.rp for q in row.quarters])
    if row.cumulation is Cumulation.SUM:
        to_date_k = _sum([row.before.k, year_k]) if year_k is not None or row.before.k is not None else None
    else:
        to_date_k = year_k if year_k is not None else row.before.k  # a level: the latest figure is the state
    to_date_rp = _sum([row.before.rp, year_rp]) if year_rp is not None or row.before.rp is not None else None
    return Evaluated(
        row=row,
        year=Pair(k=year_k, rp=year_rp),
        capaian=Pair(k=_percent(year_k, row.target.k), rp=_percent(year_rp, row.target.rp)),
        to_date=Pair(k=to_date_k, rp=to_date_rp),
        capaian_to_date=Pair(
            k=_percent(to_date_k, row.renstra_target.k), rp=_percent(to_date_rp, row.renstra_target.rp)
        ),
    )


@dataclass(frozen=True, slots=True)
class Footer:
    average_k: Decimal | None
    average_rp: Decimal | None
    band_k: Band | None
    band_rp: Band | None
    bands: tuple[Band, ...] = PERMENDAGRI_BANDS  # the scale both were categorised on


def footer(rows: Sequence[Evaluated], bands: Sequence[Band] = PERMENDAGRI_BANDS) -> Footer:
    """Mean capaian of the year (column 14) over the rows where it can be computed, K and Rp apart, each
    with its category on ``bands`` (the region's scale)."""
    k = [e.capaian.k for e in rows if e.capaian.k is not None]
    rp = [e.capaian.rp for e in rows if e.capaian.rp is not None]
    average_k = rules.average(k) if k else None
    average_rp = rules.average(rp) if rp else None
    return Footer(average_k, average_rp, category(average_k, bands), category(average_rp, bands), tuple(bands))
