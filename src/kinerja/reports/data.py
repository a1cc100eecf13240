"""What a report is made from: an agency's year as plain data, from the database or a document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kinerja.core.categories import PERMENDAGRI_BANDS, Band
from kinerja.core.model import Achievement, Direction
from kinerja.core.values import Value


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One indicator in the year."""

    sasaran: str
    name: str
    target: Value
    realisasi: Value
    achievement: Achievement
    band: Band | None
    history: dict[int, tuple[Value, Achievement]] = field(default_factory=dict)  # earlier years, renames linked
    target_akhir: Value | None = None
    progress: Achievement | None = None
    progress_years: tuple[int, ...] = ()
    unit: str = ""
    is_iku: bool = False
    definition: str = ""
    data_source: str = ""
    responsible: str = ""
    direction: Direction = Direction.HIGHER
    standard: Decimal | None = None  # the national standard (core.year.Line.standard), in the unit
    standard_source: str = ""

    @property
    def described(self) -> bool:
        return bool(self.is_iku or self.definition or self.data_source or self.responsible)


@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetLine:
    label: str
    anggaran: Decimal | None
    realisasi: Decimal | None
    sasaran: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    name: str
    title: str = ""
    rank: str = ""
    nip: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Approval:
    """One step of the year's pass through the cycle: 'diverifikasi' by whom, on which day."""

    label: str
    who: str
    on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class Narrative:
    """The words of an agency's LKjIP that its figures cannot write, as the agency wrote them."""

    summary: str = ""  # ikhtisar eksekutif, beside the figures kinerja sums up
    introduction: str = ""  # Bab I: background and organisation
    duties: str = ""  # Bab I: tugas pokok dan fungsi
    issues: str = ""  # Bab I: isu strategis
    closing: str = ""  # Bab IV: penutup
    analyses: dict[str, tuple[str, str]] = field(default_factory=dict)  # sasaran → (causes, solutions)

    def analysis(self, sasaran: str) -> tuple[str, str]:
        return self.analyses.get(sasaran, ("", ""))


@dataclass(slots=True, kw_only=True)
class AgencyYearData:
    region: str
    agency: str
    year: int
    lines: list[Line]
    budget: BudgetLine | None = None
    budget_raw: tuple[str, str] = ("", "")  # as written, when a figure could not be read
    programs: list[BudgetLine] = field(default_factory=list)
    signatory: Person | None = None
    superior: Person | None = None
    place: str = ""
    signed_on: date | None = None
    end_year: int | None = None
    history_years: list[int] = field(default_factory=list)
    cap: Decimal | None = None  # capaian cap for averages (None: uncapped)
    bands: tuple[Band, ...] = PERMENDAGRI_BANDS  # the category scale of the region's year
    unused: list[tuple[str, str]] = field(default_factory=list)  # indicators not used this year, with the reason
    differs: int = 0  # indicators whose % capaian on the signed form differs from the recomputed one
    status: str = ""  # where the year stands in the cycle (draf … dipublikasikan), for the region book
    agreement: str = ""  # the head's Perjanjian Kinerja in force that the year is measured against
    narrative: Narrative = field(default_factory=Narrative)  # the LKjIP's words (empty: not written yet)
    approvals: list[Approval] = field(default_factory=list)  # who moved the year through the cycle, oldest first

    @property
    def absorption(self) -> Decimal | None:
        from kinerja.core.achievement import absorption

        return None if self.budget is None else absorption(self.budget.anggaran, self.budget.realisasi)
