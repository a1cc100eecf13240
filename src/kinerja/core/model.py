"""The core model of what a performance document holds.

Readers fill these records from a file; the checks add the recomputed figures; the database
and the reports read them. Nothing here knows about files, Django or output formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from operator import attrgetter
from typing import NamedTuple

from kinerja.core.values import EMPTY, Value


class DocKind(StrEnum):
    PENGUKURAN = "pengukuran_kinerja"
    RENSTRA = "capaian_renstra"


class Direction(StrEnum):
    HIGHER = "higher"  # realisasi above target is good
    LOWER = "lower"  # realisasi below target is good (rates of failure, incidents)


class Cumulation(StrEnum):
    SUM = "sum"  # a flow: the years of the plan add up toward the end target
    LAST = "last"  # a level or percentage: the latest value is compared with the end target
    AVERAGE = "average"  # a mean over the periods (Kemenkeu's "rata-rata"): the quarters' and the years' mean


class Achievement(NamedTuple):
    """A recomputed percentage, or why there is none."""

    value: Decimal | None
    rule: str
    reason: str | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None


class Row(NamedTuple):
    """One indicator line of a table as read, and, once checked, its recomputed figures.

    Rows and their values are immutable tuples rather than frozen dataclasses: reading a form of
    10.000 lines builds and copies them tens of thousands of times, and a tuple is built four times
    faster. Copy one with ``kinerja.core.records.evolve``.
    """

    index: int
    line: int | None
    indikator: str
    sasaran: str | None = None
    satuan: str | None = None
    target: Value = EMPTY
    realisasi: Value = EMPTY
    capaian_reported: Value = EMPTY
    realisasi_prev: Value = EMPTY
    target_akhir: Value = EMPTY
    capaian_akhir_reported: Value = EMPTY
    direction: Direction = Direction.HIGHER
    cumulation: Cumulation = Cumulation.LAST
    slid: str | None = None  # how a row whose cells slid was recovered
    capaian: Achievement | None = None
    capaian_akhir: Achievement | None = None
    category: str | None = None


# The fields of a Row that hold a cell's Value, in form order, and a getter of all of them at once.
VALUE_FIELDS = (
    "target",
    "realisasi",
    "capaian_reported",
    "realisasi_prev",
    "target_akhir",
    "capaian_akhir_reported",
)
row_values = attrgetter(*VALUE_FIELDS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Budget:
    anggaran: Value = EMPTY
    realisasi: Value = EMPTY
    line: int | None = None
    absorption_reported: Value = EMPTY  # "(serapan 97,65 %)" after the realisation, as kinerja writes it


@dataclass(frozen=True, slots=True, kw_only=True)
class Signatory:
    place: str
    date: date
    title: str | None
    name: str
    rank: str
    nip: str


@dataclass(frozen=True, slots=True, kw_only=True)
class YearEvidence:
    year: int
    where: str  # "judul", "anggaran", "tanda tangan", "tabel"
    line: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    kind: DocKind
    year: int | None
    rows: tuple[Row, ...]
    source: str | None = None
    line: int | None = None
    region: str | None = None
    agency: str | None = None
    budget: Budget | None = None
    signatory: Signatory | None = None
    end_year: int | None = None  # the Renstra end year of a capaian_renstra table
    year_evidence: tuple[YearEvidence, ...] = field(default_factory=tuple)
