"""The Perjanjian Kinerja of one official as a signed record, and the pohon kinerja of a year, as
Reports (PDF, DOCX and XLSX through render.py). Layout of PermenPAN-RB 53/2014 Lampiran I: the
statement page with both signature blocks (Pihak Kedua left, Pihak Pertama right), then the lampiran
with sasaran, indikator, satuan and target, and the programmes, kegiatan or sub kegiatan with anggaran.

``AgreementData`` is plain data: the web layer freezes it as JSON when the PK is signed, so a signed
version is always printed from what was signed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from kinerja.core.agreement import Level
from kinerja.core.grades import grade_name, is_grade_unit
from kinerja.core.numbers import decimals_of, format_plain
from kinerja.reports.build import BLANK_NAME, indonesian_date, nip_text, pk_statement, rupiah
from kinerja.reports.data import Person
from kinerja.reports.model import (
    Cell,
    Column,
    Formula,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Signatures,
)

ILLUSTRATIVE = (
    "DATA ILUSTRASI: dokumen contoh Kabupaten Banjar tidak memuat perjanjian kinerja ini; nama pejabat, nomor "
    "dan anggaran dibuat untuk peragaan."
)


@dataclass(kw_only=True)
class ItemData:
    sasaran: str
    indicator: str
    unit: str = ""
    target: Decimal | None = None
    target_raw: str = ""
    is_iku: bool = False
    supports: str = ""  # the indicator of the PK above it supports, as written there

    @property
    def target_text(self) -> str:
        if self.target is not None:
            return grade_name(self.unit, self.target) or format_plain(self.target)
        return self.target_raw or "–"


@dataclass(kw_only=True)
class BudgetData:
    kind: str  # Program, Kegiatan, Sub Kegiatan
    name: str
    code: str = ""
    anggaran: Decimal | None = None


@dataclass(kw_only=True)
class AgreementData:
    region: str
    agency: str
    year: int
    level: int
    unit: str = ""  # the bidang or seksi; empty for the head of agency
    number: str = ""
    version: int = 1
    revision: str = ""  # the official reason, for a PK Perubahan
    revision_note: str = ""
    first: Person | None = None
    second: Person | None = None
    place: str = ""
    signed_on: date | None = None
    items: list[ItemData] = field(default_factory=list)
    budget: list[BudgetData] = field(default_factory=list)
    illustrative: bool = False  # built by the demo where the sample documents hold no PK

    @property
    def title(self) -> str:
        return "PERJANJIAN KINERJA PERUBAHAN" if self.version > 1 else "PERJANJIAN KINERJA"

    def to_json(self) -> dict:
        data = asdict(self)
        data["signed_on"] = self.signed_on.isoformat() if self.signed_on else None
        for row in data["items"]:
            row["target"] = str(row["target"]) if row["target"] is not None else None
        for row in data["budget"]:
            row["anggaran"] = str(row["anggaran"]) if row["anggaran"] is not None else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> AgreementData:
        data = dict(data)
        data["signed_on"] = date.fromisoformat(data["signed_on"]) if data.get("signed_on") else None
        data["first"] = Person(**data["first"]) if data.get("first") else None
        data["second"] = Person(**data["second"]) if data.get("second") else None
        data["items"] = [
            ItemData(**{**row, "target": Decimal(row["target"]) if row["target"] is not None else None})
            for row in data["items"]
        ]
        data["budget"] = [
            BudgetData(**{**row, "anggaran": Decimal(row["anggaran"]) if row["anggaran"] is not None else None})
            for row in data["budget"]
        ]
        return cls(**data)


def _signature(person: Person | None, heading: str) -> Signature:
    if person is None:
        return Signature(heading=heading, title="", name=f"({BLANK_NAME})")
    return Signature(heading=heading, title=person.title, name=person.name, rank=person.rank, nip=nip_text(person.nip))


def _place_date(data: AgreementData) -> str:
    when = indonesian_date(data.signed_on) if data.signed_on else f".................... {data.year}"
    return f"{data.place}, {when}" if data.place else when


def agreement(data: AgreementData) -> Report:
    level = Level(data.level)
    who = data.unit or data.agency
    report = Report(
        title=f"{data.title.title()} {who} Tahun {data.year}",
        filename=f"perjanjian-kinerja-{data.year}-v{data.version}",
        landscape=False,
    )
    first, second = data.first, data.second
    signatures = Signatures(blocks=(_signature(second, "PIHAK KEDUA,"), _signature(first, "PIHAK PERTAMA,")))
    report.add(
        Heading(text=f"{data.title} TAHUN {data.year}"),
        Heading(text=(data.unit.upper() + " — " if data.unit else "") + data.agency.upper(), level=2),
        Heading(text=data.region.upper(), level=2),
        Paragraph(text=f"Nomor: {data.number or '....................'}", align="center"),
    )
    if data.illustrative:
        report.add(Paragraph(text=ILLUSTRATIVE, align="center"))
    if data.version > 1:
        report.add(
            Paragraph(
                text=f"Versi {data.version}, perubahan karena {data.revision}"
                + (f": {data.revision_note}" if data.revision_note else "")
                + ". Versi sebelumnya tetap berlaku sebagaimana ditandatangani sampai perubahan ini ditandatangani.",
                align="justify",
            )
        )
    report.add(
        *pk_statement(
            first_name=first.name if first else BLANK_NAME,
            first_title=first.title if first and first.title else BLANK_NAME,
            second_name=second.name if second else BLANK_NAME,
            second_title=second.title if second and second.title else BLANK_NAME,
        ),
        Paragraph(text=_place_date(data), align="center"),
        signatures,
        PageBreak(),
        Heading(text=f"LAMPIRAN {data.title} TAHUN {data.year}"),
        Heading(text=(data.unit.upper() + " — " if data.unit else "") + data.agency.upper(), level=2),
        Paragraph(text=f"Nomor: {data.number or '....................'} · {level.label}", align="center"),
    )
    rows = []
    number = 0
    previous = None
    groups: list[tuple[str, list[ItemData]]] = []
    for item in data.items:
        if item.sasaran != previous:
            groups.append((item.sasaran, []))
            previous = item.sasaran
        groups[-1][1].append(item)
    for sasaran, items in groups:
        number += 1
        for position, item in enumerate(items):
            covered = position > 0
            rows.append(
                (
                    Cell(text=str(number), rowspan=len(items)) if not covered else Cell(text="", covered=True),
                    Cell(text=sasaran, rowspan=len(items)) if not covered else Cell(text="", covered=True),
                    Cell(text=item.indicator + (" (IKU)" if item.is_iku else "")),
                    Cell(text=item.unit),
                    Cell(text=item.target_text)
                    if is_grade_unit(item.unit)  # a grade is written as the grade, in every format
                    else Cell(
                        text=item.target_text,
                        value=item.target,
                        decimals=decimals_of(item.target) if item.target is not None else 0,
                    ),
                )
            )
    report.add(
        ReportTable(
            columns=(
                Column(label="No", width=0.5),
                Column(label=level.sasaran_label, width=3.4),
                Column(label="Indikator Kinerja", width=3.8),
                Column(label="Satuan", width=1.2),
                Column(label="Target", width=1.4, numeric=True),
            ),
            rows=tuple(rows),
            numbering=True,
            sheet="Sasaran dan Target",
            caption=f"{level.sasaran_label}, indikator kinerja, satuan dan target tahun {data.year}",
        )
    )
    kind = level.budget_kind.label
    budget_rows = [
        (
            Cell(text=str(i + 1)),
            Cell(text=row.code),
            Cell(text=row.name),
            Cell(text=rupiah(row.anggaran), value=row.anggaran, decimals=0),
        )
        for i, row in enumerate(data.budget)
    ]
    total = sum((row.anggaran for row in data.budget if row.anggaran is not None), Decimal(0))
    budget_rows.append(
        (
            Cell(text=""),
            Cell(text=""),
            Cell(text=f"Jumlah Anggaran Tahun {data.year}", bold=True),
            Cell(
                text=rupiah(total),
                value=total,
                decimals=0,
                bold=True,
                formula=Formula(kind="sum", cells=tuple((r, 3) for r in range(len(data.budget)))),
            ),
        )
    )
    report.add(
        ReportTable(
            columns=(
                Column(label="No", width=0.5),
                Column(label="Kode", width=1.6),
                Column(label=kind, width=5.2),
                Column(label="Anggaran (Rp)", width=2.4, numeric=True),
            ),
            rows=tuple(budget_rows),
            footer_rows=1,
            sheet="Anggaran",
            caption=f"{kind} dan anggaran",
        ),
        Paragraph(text=_place_date(data), align="center"),
        signatures,
    )
    return report


@dataclass(kw_only=True)
class TreeRow:
    depth: int
    level: str  # eselon label
    official: str
    indicator: str
    unit: str
    target: str
    flag: str = ""  # why it is flagged, when it is


def pohon(region: str, agency: str, year: int, rows: list[TreeRow], findings: list[str]) -> Report:
    """The pohon kinerja of a year as an indented table, with its findings."""
    report = Report(title=f"Pohon Kinerja {agency} Tahun {year}", filename=f"pohon-kinerja-{year}", landscape=True)
    report.add(
        Heading(text=f"POHON KINERJA TAHUN {year}"),
        Heading(text=agency.upper(), level=2),
        Heading(text=region.upper(), level=2),
        ReportTable(
            columns=(
                Column(label="Tingkat", width=2.4),
                Column(label="Pejabat", width=3.0),
                Column(label="Indikator Kinerja", width=6.0),
                Column(label="Satuan", width=1.4),
                Column(label="Target", width=1.4, numeric=True),
                Column(label="Catatan", width=3.0),
            ),
            rows=tuple(
                (
                    Cell(text=row.level),
                    Cell(text=row.official),
                    Cell(text=("— " * row.depth) + row.indicator),
                    Cell(text=row.unit),
                    Cell(text=row.target),
                    Cell(text=row.flag),
                )
                for row in rows
            ),
            sheet="Pohon Kinerja",
            caption="Indikator tiap tingkat di bawah indikator atasan yang didukungnya",
        ),
    )
    if findings:
        report.add(Heading(text="Temuan", level=2), *(Paragraph(text=f"• {text}") for text in findings))
    return report


@dataclass(kw_only=True)
class PlanRowData:
    indicator: str
    unit: str
    target: str
    rule: str  # how the quarters make the year: "jumlah", "rata-rata" or "nilai terakhir"
    quarters: list[tuple[str, str, str, str]]  # per TW: target, anggaran, realisasi, % capaian (as shown)
    note: str = ""


def action_plan(region: str, agency: str, year: int, who: str, rows: list[PlanRowData]) -> Report:
    """Rencana Aksi with its quarterly monitoring: each quarter's target, budget, realisation and capaian."""
    report = Report(
        title=f"Rencana Aksi {agency} Tahun {year}", filename=f"rencana-aksi-{year}", landscape=True, paper="A3"
    )
    columns = [
        Column(label="No", width=0.5),
        Column(label="Indikator Kinerja", width=3.6),
        Column(label="Satuan", width=1.1),
        Column(label="Target Tahun", width=1.2, numeric=True),
    ]
    for name in ("TW I", "TW II", "TW III", "TW IV"):
        columns += [
            Column(label=f"Target {name}", width=1.0, numeric=True),
            Column(label=f"Anggaran {name} (Rp)", width=1.5, numeric=True),
            Column(label=f"Realisasi {name}", width=1.0, numeric=True),
            Column(label=f"% {name}", width=0.9, numeric=True),
        ]
    columns.append(Column(label="Catatan", width=2.4))
    table_rows = []
    for number, row in enumerate(rows, start=1):
        cells = [Cell(text=str(number)), Cell(text=row.indicator), Cell(text=row.unit), Cell(text=row.target)]
        for target, anggaran, realisasi, capaian in row.quarters:
            cells += [Cell(text=target), Cell(text=anggaran), Cell(text=realisasi), Cell(text=capaian)]
        cells.append(Cell(text="; ".join(part for part in (f"aturan {row.rule}", row.note) if part)))
        table_rows.append(tuple(cells))
    report.add(
        Heading(text=f"RENCANA AKSI TAHUN {year}"),
        Heading(text=agency.upper(), level=2),
        Heading(text=region.upper(), level=2),
        Paragraph(text=f"Perjanjian kinerja: {who}"),
        ReportTable(
            columns=tuple(columns),
            rows=tuple(table_rows),
            sheet="Rencana Aksi",
            caption="Target dan anggaran per triwulan, realisasi dan % capaian triwulan (realisasi ÷ target × 100)",
        ),
    )
    return report
