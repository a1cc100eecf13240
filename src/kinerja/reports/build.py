"""Report builders: an agency's year (plain data) → a Report, the same for PDF, DOCX and XLSX."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from decimal import Decimal

from kinerja.core.achievement import absorption as rules_absorption
from kinerja.core.achievement import average, average_rule, meets_standard
from kinerja.core.categories import PERMENDAGRI_BANDS, Band, category, scale_sentence
from kinerja.core.dates import indonesian_date
from kinerja.core.grades import is_grade_unit
from kinerja.core.numbers import format_id, quantize
from kinerja.core.values import stored_value, write_value
from kinerja.reports.data import AgencyYearData, Line, Person
from kinerja.reports.model import (
    Cell,
    Column,
    Formula,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Signatures,
)

UNDEFINED = "tidak dapat dihitung"
EFFICIENCY_RULE = (
    "Efisiensi dibandingkan sebagai selisih rata-rata capaian kinerja dan serapan anggaran (praktik LKjIP): "
    "efisien bila capaian kinerja ≥ serapan anggaran."
)


def nip_text(nip: str) -> str:
    if len(nip) == 18 and nip.isdigit():
        return f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return f"NIP. {nip}" if nip else ""


def rupiah(value: Decimal | None, raw: str = "") -> str:
    if value is None:
        return f"tidak terbaca (tertulis: {raw})" if raw else "–"
    return f"Rp. {format_id(value, 0)}"


def percent_cell(value: Decimal | None, *, bands: Sequence[Band] | None = None, marker: str = "") -> Cell:
    """A % capaian, coloured by its category on ``bands`` (the year's scale) when they are given."""
    if value is None:
        return Cell(text=UNDEFINED + marker)
    found = category(value, bands) if bands else None
    # The number written into a spreadsheet is the one shown: rounded to two decimals, like the text.
    shown = quantize(value, 2)
    return Cell(text=format_id(value, 2), value=shown, decimals=2, band=found.tone if found else None)


def band_cell(band: Band | None, *, bold: bool = False) -> Cell:
    return Cell(text=band.label if band else "–", band=band.tone if band else None, bold=bold)


def unit_text(line: Line) -> str:
    """The unit of a line: as stored, else as the target or realisation was written."""
    if line.unit:
        return line.unit
    for value in (line.target, line.realisasi):
        if value is not None and getattr(value, "unit", None):
            return value.unit
    return ""


def value_cell(value) -> Cell:
    number = value.number if value is not None and value.is_number else None
    if number is not None and is_grade_unit(value.unit):
        return Cell(text=write_value(value))  # a grade is written as the grade, in every format
    return Cell(text=write_value(value), value=number, decimals=value.decimals if number is not None else 0)


def by_sasaran(lines: list[Line]) -> OrderedDict[str, list[Line]]:
    groups: OrderedDict[str, list[Line]] = OrderedDict()
    for line in lines:
        groups.setdefault(line.sasaran, []).append(line)
    return groups


def undefined_reason(line: Line) -> str:
    reason = line.achievement.reason or ""
    return reason if UNDEFINED in reason else f"capaian {UNDEFINED} karena {reason}"


def mean(values: list[Decimal], cap: Decimal | None = None) -> Decimal | None:
    return average(values, cap=cap)


def mean_capaian(lines: list[Line], cap: Decimal | None = None) -> Decimal | None:
    """The mean % capaian of the lines whose capaian can be computed (the others are left out)."""
    return average([line.achievement.value for line in lines if line.achievement.defined], cap=cap)


def head_title(region: str) -> str:
    kind, _, name = region.partition(" ")
    return {"kabupaten": f"Bupati {name}", "kota": f"Wali Kota {name}", "provinsi": f"Gubernur {name}"}.get(
        kind.lower(), f"Kepala Daerah {region}"
    )


# --- Pengukuran Kinerja -----------------------------------------------------------------------


def measurement_table(data: AgencyYearData) -> ReportTable:
    rows: list[tuple[Cell, ...]] = []
    notes: list[str] = []
    marker_of: dict[int, str] = {}
    for group_lines in by_sasaran(data.lines).values():
        for position, line in enumerate(group_lines):
            sasaran = (
                Cell(text=line.sasaran, rowspan=len(group_lines)) if position == 0 else Cell(text="", covered=True)
            )
            marker = ""
            if not line.achievement.defined:
                marker_of[id(line)] = marker = (
                    "*" * (len(marker_of) + 1) if len(marker_of) < 3 else f" ({len(marker_of) + 1})"
                )
                notes.append(f"{marker.strip()} {line.name}: {undefined_reason(line)}.")
            rows.append(
                (
                    sasaran,
                    Cell(text=line.name),
                    Cell(text=unit_text(line)),
                    value_cell(line.target),
                    value_cell(line.realisasi),
                    percent_cell(line.achievement.value, marker=marker),
                )
            )
    notes.extend(f"Tidak digunakan tahun {data.year}: {name} ({reason})." for name, reason in data.unused)
    notes.append(
        "% capaian dihitung ulang oleh kinerja: realisasi ÷ target × 100 untuk indikator yang makin tinggi makin baik; "
        "(2 × target − realisasi) ÷ target × 100 untuk yang makin rendah makin baik."
    )
    return ReportTable(
        columns=(
            Column(label="Sasaran Strategis", width=3.2),
            Column(label="Indikator Kinerja", width=3.6),
            Column(label="Satuan", width=1.0),
            Column(label="Target", width=1.7, numeric=True),
            Column(label="Realisasi", width=1.7, numeric=True),
            Column(label="% Capaian", width=1.2, numeric=True, percent=True),
        ),
        rows=tuple(rows),
        numbering=True,
        notes=tuple(notes),
        sheet="Pengukuran Kinerja",
        caption=f"Pengukuran kinerja tahun {data.year}",
    )


def _budget_paragraphs(data: AgencyYearData) -> list[Paragraph]:
    if data.budget is None:
        return [Paragraph(text=f"Jumlah Anggaran Kegiatan Tahun {data.year} : belum dicatat")]
    absorption = data.absorption
    serapan = f" (serapan {format_id(absorption, 2)} %)" if absorption is not None else ""
    budget_label = f"Jumlah Anggaran Kegiatan Tahun {data.year}"
    spent_label = f"Jumlah Realisasi Anggaran Kegiatan Tahun {data.year}"
    return [
        Paragraph(
            text=f"{budget_label} : {rupiah(data.budget.anggaran, data.budget_raw[0])}",
            label=budget_label,
            amount=data.budget.anggaran,
        ),
        Paragraph(
            text=f"{spent_label} : {rupiah(data.budget.realisasi, data.budget_raw[1])}{serapan}",
            label=spent_label,
            amount=data.budget.realisasi,
            percent=quantize(absorption, 2) if absorption is not None else None,
        ),
    ]


def signature(data: AgencyYearData, person: Person | None, heading: str, fallback_title: str) -> Signature:
    if person is None:
        return Signature(heading=heading, title=fallback_title, name="(....................................)")
    return Signature(
        heading=heading,
        title=person.title or fallback_title,
        name=person.name,
        rank=person.rank,
        nip=nip_text(person.nip),
    )


def place_and_date(data: AgencyYearData) -> str:
    """Above the head's signature: 'Martapura, 31 Desember 2016'."""
    return f"{data.place}, {indonesian_date(data.signed_on)}" if data.place else indonesian_date(data.signed_on)


def pengukuran_blocks(data: AgencyYearData) -> list:
    place_date = place_and_date(data)
    recomputed = []
    if data.differs:
        recomputed = [
            Heading(text="HASIL HITUNG ULANG", level=2),
            Paragraph(
                text=f"% capaian pada lembar ini dihitung ulang oleh kinerja dan berbeda dari formulir yang "
                f"ditandatangani pada {data.differs} indikator. Formulir asli yang ditandatangani tetap disimpan "
                f"sebagaimana adanya; lembar ini bukan penggantinya.",
                align="justify",
            ),
        ]
    return [
        Heading(text="PENGUKURAN KINERJA"),
        *recomputed,
        Heading(text=data.agency.upper(), level=2),
        Heading(text=data.region.upper(), level=2),
        Heading(text=f"TAHUN {data.year}", level=2),
        Paragraph(text=f"Pemerintah Daerah : {data.region}"),
        Paragraph(text=f"Perangkat Daerah : {data.agency}"),
        *([Paragraph(text=f"Diukur terhadap : {data.agreement}")] if data.agreement else []),
        measurement_table(data),
        *_budget_paragraphs(data),
        Signatures(blocks=(signature(data, data.signatory, place_date, "Kepala Perangkat Daerah"),)),
        *approval_blocks(data),
    ]


def approval_blocks(data: AgencyYearData) -> list:
    """Under the signature: who took the year through the cycle in kinerja, and when."""
    if not data.approvals:
        return []
    steps = "; ".join(f"{a.label} oleh {a.who} ({indonesian_date(a.on)})" for a in data.approvals)
    return [Paragraph(text=f"Persetujuan di kinerja: {steps}.", align="justify")]


def definitions_table(data: AgencyYearData) -> ReportTable:
    """Lampiran: what each indicator means, where its figure comes from and who answers for it."""
    return ReportTable(
        columns=(
            Column(label="No", width=0.5),
            Column(label="Indikator Kinerja", width=3.2),
            Column(label="IKU", width=0.6),
            Column(label="Definisi / rumus", width=3.6),
            Column(label="Sumber data", width=1.8),
            Column(label="Penanggung jawab", width=1.8),
        ),
        rows=tuple(
            (
                Cell(text=str(number)),
                Cell(text=line.name),
                Cell(text="IKU" if line.is_iku else ""),
                Cell(text=line.definition or "–"),
                Cell(text=line.data_source or "–"),
                Cell(text=line.responsible or "–"),
            )
            for number, line in enumerate(data.lines, start=1)
        ),
        sheet="Definisi Indikator",
        caption=f"Lampiran: definisi operasional indikator kinerja tahun {data.year}",
    )


def standard_shown(line: Line) -> str:
    """The national standard with its unit, as the indicator's figures are written: '90 %'."""
    return write_value(stored_value(line.standard, "", line.unit or None))


def standard_verdict(line: Line) -> str:
    """The realisation against the national standard in words, read in the indicator's direction:
    'di atas standar, terpenuhi'; '' for an indicator without a standard."""
    if line.standard is None:
        return ""
    meets = meets_standard(line.realisasi, line.standard, line.direction)
    if meets is None:
        return "belum dapat dibandingkan (realisasi bukan satu angka)"
    number = line.realisasi.number
    relation = "di atas" if number > line.standard else "di bawah" if number < line.standard else "sama dengan"
    return f"{relation} standar, {'terpenuhi' if meets else 'belum terpenuhi'}"


def standards_table(data: AgencyYearData) -> ReportTable:
    """Bab III A.4: this year's realisation against the national standard, for the indicators that have one."""
    lines = [line for line in data.lines if line.standard is not None]
    return ReportTable(
        columns=(
            Column(label="No", width=0.5),
            Column(label="Indikator Kinerja", width=3.4),
            Column(label="Realisasi", width=1.5, numeric=True),
            Column(label="Standar nasional", width=1.5, numeric=True),
            Column(label="Dasar standar", width=2.4),
            Column(label="Keterangan", width=2.2),
        ),
        rows=tuple(
            (
                Cell(text=str(number)),
                Cell(text=line.name),
                Cell(text=write_value(line.realisasi)),
                Cell(text=standard_shown(line)),
                Cell(text=line.standard_source or "–"),
                Cell(text=standard_verdict(line)),
            )
            for number, line in enumerate(lines, start=1)
        ),
        sheet="Standar Nasional",
        caption=f"Perbandingan realisasi tahun {data.year} dengan standar nasional",
    )


def standards_blocks(data: AgencyYearData) -> list:
    if not any(line.standard is not None for line in data.lines):
        return []
    return [Heading(text="Perbandingan dengan standar nasional", level=3), standards_table(data)]


def definitions_blocks(data: AgencyYearData) -> list:
    if not any(line.described for line in data.lines):
        return []
    return [PageBreak(), Heading(text="LAMPIRAN: DEFINISI OPERASIONAL INDIKATOR", level=2), definitions_table(data)]


def pengukuran(data: AgencyYearData) -> Report:
    report = Report(
        title=f"Pengukuran Kinerja {data.agency} Tahun {data.year}", filename=f"pengukuran-kinerja-{data.year}"
    )
    return report.add(*pengukuran_blocks(data), *definitions_blocks(data))


# --- Perjanjian Kinerja -----------------------------------------------------------------------


BLANK_NAME = "...................................."


def pk_statement(*, first_name: str, first_title: str, second_name: str, second_title: str) -> list[Paragraph]:
    """The body of a Perjanjian Kinerja's statement page (PermenPAN-RB 53/2014): the two parties and
    the pledge, the same for the PK built from a year and for a signed PK record."""
    return [
        Paragraph(
            text="Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
            "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
            align="justify",
        ),
        Paragraph(text=f"Nama : {first_name}"),
        Paragraph(text=f"Jabatan : {first_title}"),
        Paragraph(text="selanjutnya disebut pihak pertama."),
        Paragraph(text=f"Nama : {second_name}"),
        Paragraph(text=f"Jabatan : {second_title}"),
        Paragraph(text="selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
        Paragraph(
            text="Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
            "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
            "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
            align="justify",
        ),
        Paragraph(
            text="Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
            "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
            "dan sanksi.",
            align="justify",
        ),
    ]


def perjanjian(data: AgencyYearData) -> Report:
    report = Report(
        title=f"Perjanjian Kinerja {data.agency} Tahun {data.year}",
        filename=f"perjanjian-kinerja-{data.year}",
        landscape=False,
    )
    head = data.signatory
    superior_title = data.superior.title if data.superior and data.superior.title else head_title(data.region)
    first = signature(data, head, "PIHAK PERTAMA,", f"Kepala {data.agency}")
    second = signature(data, data.superior, "PIHAK KEDUA,", superior_title)
    place = f"{data.place}, " if data.place else ""
    report.add(
        Heading(text=f"PERJANJIAN KINERJA TAHUN {data.year}"),
        Heading(text=data.agency.upper(), level=2),
        Heading(text=data.region.upper(), level=2),
        *pk_statement(
            first_name=head.name if head else BLANK_NAME,
            first_title=head.title if head and head.title else f"Kepala {data.agency}",
            second_name=data.superior.name if data.superior else BLANK_NAME,
            second_title=superior_title,
        ),
        Paragraph(text=f"{place}.................... {data.year}", align="center"),
        Signatures(blocks=(second, first)),
        PageBreak(),
        Heading(text=f"LAMPIRAN PERJANJIAN KINERJA TAHUN {data.year}"),
        Heading(text=data.agency.upper(), level=2),
    )
    rows = []
    number = 0
    for sasaran, lines in by_sasaran(data.lines).items():
        number += 1
        for position, line in enumerate(lines):
            covered = position > 0
            rows.append(
                (
                    Cell(text=str(number), rowspan=len(lines)) if not covered else Cell(text="", covered=True),
                    Cell(text=sasaran, rowspan=len(lines)) if not covered else Cell(text="", covered=True),
                    Cell(text=line.name),
                    value_cell(line.target),
                )
            )
    report.add(
        ReportTable(
            columns=(
                Column(label="No", width=0.5),
                Column(label="Sasaran Strategis", width=3.5),
                Column(label="Indikator Kinerja", width=4.5),
                Column(label="Target", width=1.8, numeric=True),
            ),
            rows=tuple(rows),
            numbering=True,
            sheet="Sasaran dan Target",
            caption=f"Sasaran strategis, indikator kinerja dan target tahun {data.year}",
        )
    )
    programs = data.programs or ([data.budget] if data.budget else [])
    budget_rows = [
        (
            Cell(text=str(i + 1)),
            Cell(text=p.label),
            Cell(text=rupiah(p.anggaran), value=p.anggaran, decimals=0),
            Cell(text=p.sasaran or ""),
        )
        for i, p in enumerate(programs)
    ]
    total = sum((p.anggaran for p in programs if p.anggaran is not None), Decimal(0))
    budget_rows.append(
        (
            Cell(text=""),
            Cell(text=f"Jumlah Anggaran Tahun {data.year}", bold=True),
            Cell(
                text=rupiah(total),
                value=total,
                decimals=0,
                bold=True,
                formula=Formula(kind="sum", cells=tuple((r, 2) for r in range(len(programs)))),
            ),
            Cell(text=""),
        )
    )
    report.add(
        ReportTable(
            columns=(
                Column(label="No", width=0.5),
                Column(label="Program / Kegiatan", width=5.5),
                Column(label="Anggaran (Rp)", width=2.2, numeric=True),
                Column(label="Keterangan", width=2.5),
            ),
            rows=tuple(budget_rows),
            footer_rows=1,
            sheet="Anggaran",
            caption="Program dan anggaran",
        ),
        Paragraph(text=f"{place}.................... {data.year}", align="center"),
        Signatures(blocks=(second, first)),
    )
    return report


# --- LKjIP chapter III ------------------------------------------------------------------------


def lkjip(data: AgencyYearData, *, with_charts: bool = True) -> Report:
    report = Report(title=f"LKjIP {data.agency} Tahun {data.year} — Bab III", filename=f"lkjip-bab-iii-{data.year}")
    report.add(
        Heading(text="BAB III AKUNTABILITAS KINERJA"),
        Heading(text=f"{data.agency} — {data.region} — Tahun {data.year}", level=2),
        *([Paragraph(text=f"Target tahun ini menurut {data.agreement}.")] if data.agreement else []),
        *achievement_blocks(data),
        *standards_blocks(data),
        *budget_blocks(data),
    )
    report.add(*definitions_blocks(data))
    if with_charts:
        report.add(*chart_blocks(data))
    return report


def achievement_blocks(data: AgencyYearData) -> list:
    """LKjIP Bab III A: the year's figures against its targets, earlier years, the Renstra and per sasaran."""
    return [
        Heading(text="A. Capaian Kinerja Organisasi", level=2),
        Heading(text=f"Tabel 3.1 Target dan realisasi kinerja tahun {data.year}", level=3),
        _table_target_realisation(data),
        Heading(text="Tabel 3.2 Realisasi dan capaian tahun ini dibandingkan tahun-tahun sebelumnya", level=3),
        _table_history(data),
        Heading(text="Tabel 3.3 Realisasi sampai dengan tahun ini terhadap target akhir Renstra", level=3),
        _table_renstra(data),
        Heading(text="Tabel 3.4 Rata-rata capaian per sasaran strategis", level=3),
        _table_sasaran(data),
        Paragraph(text=f"Rata-rata capaian: {average_rule(data.cap)}."),
    ]


def budget_blocks(data: AgencyYearData) -> list:
    """LKjIP Bab III B: the budget, its absorption and the efficiency against the capaian."""
    return [
        Heading(text="B. Realisasi Anggaran", level=2),
        Heading(text="Tabel 3.5 Serapan anggaran", level=3),
        _table_budget(data),
        Heading(text="Tabel 3.6 Efisiensi: capaian kinerja dibandingkan serapan anggaran", level=3),
        _table_efficiency(data),
        Paragraph(text=EFFICIENCY_RULE),
    ]


def chart_blocks(data: AgencyYearData) -> list:
    from kinerja.reports import charts  # matplotlib: loaded only for a report that draws

    per_sasaran = [(sasaran, mean_capaian(lines, data.cap)) for sasaran, lines in by_sasaran(data.lines).items()]
    blocks = [
        Heading(text="Grafik", level=2),
        Image(
            png=charts.capaian_per_sasaran(per_sasaran, data.bands),
            caption="Grafik 3.1 Rata-rata capaian per sasaran strategis",
        ),
    ]
    years = [*data.history_years, data.year]
    if len(years) > 1:
        blocks.append(
            Image(
                png=charts.series_grid(data.lines, years, data.year),
                caption="Grafik 3.2 Realisasi per tahun setiap indikator (garis putus: target tahun ini)",
            )
        )
    return blocks


def _table_target_realisation(data: AgencyYearData) -> ReportTable:
    rows = []
    for i, line in enumerate(data.lines):
        rows.append(
            (
                Cell(text=str(i + 1)),
                Cell(text=line.sasaran),
                Cell(text=line.name),
                Cell(text=unit_text(line)),
                value_cell(line.target),
                value_cell(line.realisasi),
                percent_cell(line.achievement.value, bands=data.bands),
                band_cell(line.band),
            )
        )
    notes = tuple(f"{line.name}: {undefined_reason(line)}." for line in data.lines if not line.achievement.defined)
    return ReportTable(
        columns=(
            Column(label="No", width=0.4),
            Column(label="Sasaran Strategis", width=2.6),
            Column(label="Indikator Kinerja", width=3.1),
            Column(label="Satuan", width=0.9),
            Column(label="Target", width=1.5, numeric=True),
            Column(label="Realisasi", width=1.5, numeric=True),
            Column(label="% Capaian", width=1.1, numeric=True, percent=True),
            Column(label="Kategori", width=1.2),
        ),
        rows=tuple(rows),
        notes=notes + (scale_sentence(data.bands),),
        sheet="3.1 Target-Realisasi",
        caption=f"Target dan realisasi kinerja tahun {data.year}",
    )


def _table_history(data: AgencyYearData) -> ReportTable:
    years = [*data.history_years, data.year]
    columns = [Column(label="No", width=0.4), Column(label="Indikator Kinerja", width=3.6)]
    for year in years:
        columns.append(Column(label=f"Realisasi {year}", width=1.4, numeric=True))
        columns.append(Column(label=f"% Capaian {year}", width=1.0, numeric=True, percent=True))
    rows = []
    for i, line in enumerate(data.lines):
        cells = [Cell(text=str(i + 1)), Cell(text=line.name)]
        for year in years:
            realisasi, achievement = (
                (line.realisasi, line.achievement) if year == data.year else line.history.get(year, (None, None))
            )
            cells.append(value_cell(realisasi) if realisasi is not None else Cell(text="–"))
            cells.append(percent_cell(achievement.value) if achievement is not None else Cell(text="–"))
        rows.append(tuple(cells))
    return ReportTable(
        columns=tuple(columns),
        rows=tuple(rows),
        notes=("Indikator yang berganti nama antartahun dihubungkan sebagai satu indikator.",),
        sheet="3.2 Antartahun",
        caption="Realisasi dan capaian per tahun",
    )


def _table_renstra(data: AgencyYearData) -> ReportTable:
    end = f" ({data.end_year})" if data.end_year else ""
    rows = []
    rules = set()
    for i, line in enumerate(data.lines):
        progress = line.progress
        if progress is not None:
            rules.add(progress.rule)
        rows.append(
            (
                Cell(text=str(i + 1)),
                Cell(text=line.name),
                value_cell(line.realisasi),
                value_cell(line.target_akhir) if line.target_akhir is not None else Cell(text="–"),
                percent_cell(progress.value) if progress is not None else Cell(text="–"),
                Cell(text=", ".join(map(str, line.progress_years)) if progress is not None else ""),
            )
        )
    notes = tuple(f"Aturan: {rule}." for rule in sorted(rules)) or ("Target akhir Renstra belum dicatat.",)
    return ReportTable(
        columns=(
            Column(label="No", width=0.4),
            Column(label="Indikator Kinerja", width=4.0),
            Column(label=f"Realisasi {data.year}", width=1.6, numeric=True),
            Column(label=f"Target akhir Renstra{end}", width=1.6, numeric=True),
            Column(label="% Progres", width=1.1, numeric=True, percent=True),
            Column(label="Tahun yang dihitung", width=1.4),
        ),
        rows=tuple(rows),
        notes=notes,
        sheet="3.3 Renstra",
        caption="Realisasi terhadap target akhir Renstra",
    )


def _table_sasaran(data: AgencyYearData) -> ReportTable:
    rows = []
    groups = by_sasaran(data.lines)
    for i, (sasaran, lines) in enumerate(groups.items()):
        values = [line.achievement.value for line in lines if line.achievement.defined]
        average = mean(values, data.cap)
        rows.append(
            (
                Cell(text=str(i + 1)),
                Cell(text=sasaran),
                Cell(text=str(len(lines)), value=Decimal(len(lines)), decimals=0),
                Cell(text=str(len(values)), value=Decimal(len(values)), decimals=0),
                percent_cell(average, bands=data.bands),
                band_cell(category(average, data.bands)),
            )
        )
    all_values = [line.achievement.value for line in data.lines if line.achievement.defined]
    overall = mean(all_values, data.cap)
    rows.append(
        (
            Cell(text=""),
            Cell(text="Rata-rata seluruh indikator", bold=True),
            Cell(text=str(len(data.lines)), value=Decimal(len(data.lines)), decimals=0, bold=True),
            Cell(text=str(len(all_values)), value=Decimal(len(all_values)), decimals=0, bold=True),
            Cell(text=format_id(overall, 2) if overall is not None else UNDEFINED, value=overall, bold=True),
            band_cell(category(overall, data.bands), bold=True),
        )
    )
    return ReportTable(
        columns=(
            Column(label="No", width=0.4),
            Column(label="Sasaran Strategis", width=5.0),
            Column(label="Jumlah indikator", width=1.1, numeric=True),
            Column(label="Dapat dihitung", width=1.1, numeric=True),
            Column(label="Rata-rata % capaian", width=1.3, numeric=True, percent=True),
            Column(label="Kategori", width=1.3),
        ),
        rows=tuple(rows),
        footer_rows=1,
        sheet="3.4 Per sasaran",
        caption="Rata-rata capaian per sasaran",
    )


def _table_budget(data: AgencyYearData) -> ReportTable:
    lines = data.programs or ([data.budget] if data.budget else [])
    rows = []
    for i, line in enumerate(lines):
        absorption = rules_absorption(line.anggaran, line.realisasi)
        rows.append(
            (
                Cell(text=line.label),
                Cell(text=rupiah(line.anggaran), value=line.anggaran, decimals=0),
                Cell(
                    text=rupiah(line.realisasi, data.budget_raw[1] if line is data.budget else ""),
                    value=line.realisasi,
                    decimals=0,
                ),
                Cell(
                    text=format_id(absorption, 2) if absorption is not None else "–",
                    value=absorption,
                    formula=Formula(kind="ratio", cells=((i, 2), (i, 1))) if absorption is not None else None,
                ),
            )
        )
    if not rows:
        rows.append((Cell(text="Anggaran belum dicatat"), Cell(text="–"), Cell(text="–"), Cell(text="–")))
    return ReportTable(
        columns=(
            Column(label="Program / Sasaran", width=5.0),
            Column(label="Anggaran (Rp)", width=2.0, numeric=True),
            Column(label="Realisasi (Rp)", width=2.0, numeric=True),
            Column(label="% Serapan", width=1.2, numeric=True, percent=True),
        ),
        rows=tuple(rows),
        notes=("% serapan = realisasi anggaran ÷ anggaran × 100.",),
        sheet="3.5 Anggaran",
        caption="Serapan anggaran",
    )


def _table_efficiency(data: AgencyYearData) -> ReportTable:
    values = [line.achievement.value for line in data.lines if line.achievement.defined]
    performance = mean(values, data.cap)
    absorption = data.absorption
    if performance is not None and absorption is not None:
        gap = performance - absorption
        verdict = "efisien" if gap >= 0 else "belum efisien"
        gap_cell = Cell(text=format_id(gap, 2), value=gap, formula=Formula(kind="difference", cells=((0, 0), (0, 1))))
    else:
        verdict, gap_cell = "tidak dapat dibandingkan", Cell(text="–")
    return ReportTable(
        columns=(
            Column(label="Rata-rata % capaian kinerja", width=2.0, numeric=True, percent=True),
            Column(label="% Serapan anggaran", width=2.0, numeric=True, percent=True),
            Column(label="Selisih (capaian − serapan)", width=2.0, numeric=True),
            Column(label="Keterangan", width=2.0),
        ),
        rows=(
            (
                percent_cell(performance),
                Cell(text=format_id(absorption, 2) if absorption is not None else "–", value=absorption),
                gap_cell,
                Cell(text=verdict),
            ),
        ),
        sheet="3.6 Efisiensi",
        caption="Capaian kinerja dibandingkan serapan anggaran",
    )


# --- the regency-wide book --------------------------------------------------------------------


def book(region: str, year: int, agencies: list[AgencyYearData]) -> Report:
    report = Report(
        title=f"Pengukuran Kinerja Perangkat Daerah {region} Tahun {year}", filename=f"buku-pengukuran-kinerja-{year}"
    )
    rows = []
    bands = agencies[0].bands if agencies else PERMENDAGRI_BANDS  # one region, one year: one scale
    for i, data in enumerate(agencies):
        values = [line.achievement.value for line in data.lines if line.achievement.defined]
        counts = {band.code: 0 for band in bands}
        for line in data.lines:
            if line.band is not None:
                counts[line.band.code] = counts.get(line.band.code, 0) + 1
        average = mean(values, data.cap)
        rows.append(
            (
                Cell(text=str(i + 1)),
                Cell(text=data.agency),
                Cell(text=str(len(data.lines)), value=Decimal(len(data.lines)), decimals=0),
                percent_cell(average, bands=bands),
                *(Cell(text=str(counts[b.code]), value=Decimal(counts[b.code]), decimals=0) for b in bands),
                Cell(text=str(len(data.lines) - len(values)), value=Decimal(len(data.lines) - len(values)), decimals=0),
                Cell(text=format_id(data.absorption, 2) if data.absorption is not None else "–", value=data.absorption),
                Cell(text=data.status or "–"),
            )
        )
    report.add(
        Heading(text=f"PENGUKURAN KINERJA PERANGKAT DAERAH {region.upper()}"),
        Heading(text=f"TAHUN {year}", level=2),
        Heading(text="Ringkasan", level=2),
        ReportTable(
            columns=(
                Column(label="No", width=0.4),
                Column(label="Perangkat Daerah", width=4.0),
                Column(label="Indikator", width=0.9, numeric=True),
                Column(label="Rata-rata % capaian", width=1.3, numeric=True, percent=True),
                *(Column(label=b.code, width=0.6, numeric=True) for b in bands),
                Column(label="n/a", width=0.6, numeric=True),
                Column(label="% Serapan", width=1.1, numeric=True, percent=True),
                Column(label="Status", width=1.4),
            ),
            rows=tuple(rows),
            notes=(
                f"Rata-rata capaian: {average_rule(agencies[0].cap if agencies else None)}.",
                "; ".join(f"{b.code} {b.label}" for b in bands) + "; n/a: capaian tidak dapat dihitung.",
                scale_sentence(bands),
            ),
            sheet="Ringkasan",
            caption=f"Ringkasan capaian perangkat daerah tahun {year}",
        ),
    )
    for data in agencies:
        report.add(PageBreak(), *pengukuran_blocks(data))
    return report
