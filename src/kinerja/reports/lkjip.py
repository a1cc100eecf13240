"""The whole LKjIP, the yearly performance report of an agency (outline of PermenPAN-RB 53/2014):
kata pengantar, ikhtisar eksekutif, Bab I pendahuluan, Bab II perencanaan kinerja, Bab III akuntabilitas kinerja (the
Bab III tables of kinerja.reports.build, an analysis per sasaran, the budget), Bab IV penutup, and the
Pengukuran Kinerja form as lampiran.

kinerja writes every sentence that figures can say (how many indicators, the mean capaian, the
categories, the absorption, each indicator's result) from the same data as the signed forms; the agency's
own words (background, duties, strategic issues, causes and solutions per sasaran, closing) come from
``data.narrative``. A part not written yet says so in the document, never filled with stock text.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from kinerja.core.achievement import absorption, average_rule, meets_standard
from kinerja.core.categories import category
from kinerja.core.numbers import format_id
from kinerja.core.values import write_value
from kinerja.reports import build
from kinerja.reports.data import AgencyYearData, Line, Narrative
from kinerja.reports.model import Cell, Column, Heading, PageBreak, Paragraph, Report, ReportTable, Signatures

NOT_WRITTEN = "(Bagian ini belum diisi oleh perangkat daerah.)"


def _written(text: str) -> list[Paragraph]:
    """The agency's text, a paragraph for each block between blank lines; or the mark of a part not written."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [block for block in blocks if block]
    if not blocks:
        return [Paragraph(text=NOT_WRITTEN)]
    return [Paragraph(text=block, align="justify") for block in blocks]


def _percent(value: Decimal | None) -> str:
    return f"{format_id(value, 2)} %" if value is not None else build.UNDEFINED


def overview(data: AgencyYearData) -> list[str]:
    """The figures of the year in sentences: the ikhtisar eksekutif as kinerja can write it."""
    groups = build.by_sasaran(data.lines)
    sentences = [
        f"Pada tahun {data.year}, {data.agency} mengukur kinerjanya dengan {len(data.lines)} indikator kinerja "
        f"untuk {len(groups)} sasaran strategis."
    ]
    average = build.mean_capaian(data.lines, data.cap)
    if average is None:
        sentences.append("Belum ada indikator yang capaiannya dapat dihitung.")
    else:
        band = category(average, data.bands)
        sentences.append(
            f"Rata-rata capaian seluruh indikator {_percent(average)}, kategori {band.label} "
            f"(rata-rata: {average_rule(data.cap)})."
        )
        counts = {band.label: 0 for band in data.bands}
        for line in data.lines:
            if line.achievement.defined and line.band is not None:
                counts[line.band.label] = counts.get(line.band.label, 0) + 1
        parts = [f"{n} indikator {label}" for label, n in counts.items() if n]
        sentences.append(f"Menurut kategori: {', '.join(parts)}.")
    undefined = [line.name for line in data.lines if not line.achievement.defined]
    if undefined:
        sentences.append(
            f"{len(undefined)} indikator tidak dapat dihitung capaiannya ({'; '.join(undefined)}); alasannya "
            f"tercantum pada Tabel 3.1."
        )
    standards = [line for line in data.lines if line.standard is not None]
    if standards:
        met = [line for line in standards if meets_standard(line.realisasi, line.standard, line.direction)]
        sentences.append(
            f"Dari {len(standards)} indikator yang memiliki standar nasional, {len(met)} memenuhinya"
            + (f" ({'; '.join(line.name for line in met)})." if met else ".")
        )
    if data.budget is None or data.budget.anggaran is None:
        sentences.append(f"Anggaran tahun {data.year} belum dicatat.")
    else:
        spent = data.absorption
        sentences.append(
            f"Dari anggaran {build.rupiah(data.budget.anggaran)}, terealisasi "
            f"{build.rupiah(data.budget.realisasi, data.budget_raw[1])}"
            + (f" (serapan {_percent(spent)})." if spent is not None else ".")
        )
    return sentences


def _cover(data: AgencyYearData) -> list:
    return [
        Heading(text="LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)"),
        Heading(text=data.agency.upper(), level=2),
        Heading(text=data.region.upper(), level=2),
        Heading(text=f"TAHUN {data.year}", level=2),
        *([Paragraph(text=f"Status data: {data.status}.", align="center")] if data.status else []),
    ]


def _foreword(data: AgencyYearData) -> list:
    """Kata pengantar: what the report is and under which rule, signed by the head of agency."""
    return [
        PageBreak(),
        Heading(text="KATA PENGANTAR"),
        Paragraph(
            text=f"Laporan Kinerja Instansi Pemerintah (LKjIP) {data.agency} Tahun {data.year} disusun sebagai wujud "
            f"pertanggungjawaban atas pencapaian sasaran strategis yang ditetapkan dalam Rencana Strategis dan "
            f"Perjanjian Kinerja tahun {data.year}, sebagaimana diamanatkan Peraturan Presiden Nomor 29 Tahun 2014 "
            f"tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.",
            align="justify",
        ),
        Paragraph(
            text="Laporan ini menyajikan target, realisasi dan capaian setiap indikator kinerja, perbandingannya "
            "dengan tahun-tahun sebelumnya dan dengan target akhir Renstra, serta realisasi anggaran. Setiap "
            "persentase capaian dihitung dari target dan realisasi yang tercatat, dengan rumus yang sama untuk "
            "seluruh laporan.",
            align="justify",
        ),
        Signatures(
            blocks=(build.signature(data, data.signatory, build.place_and_date(data), "Kepala Perangkat Daerah"),)
        ),
    ]


def _summary(data: AgencyYearData) -> list:
    blocks: list = [PageBreak(), Heading(text="IKHTISAR EKSEKUTIF")]
    blocks += [Paragraph(text=sentence, align="justify") for sentence in overview(data)]
    if data.narrative.summary.strip():
        blocks += _written(data.narrative.summary)
    return blocks


def _chapter_one(data: AgencyYearData) -> list:
    words = data.narrative
    return [
        PageBreak(),
        Heading(text="BAB I PENDAHULUAN"),
        Heading(text="A. Latar Belakang dan Organisasi", level=3),
        *_written(words.introduction),
        Heading(text="B. Tugas Pokok dan Fungsi", level=3),
        *_written(words.duties),
        Heading(text="C. Isu Strategis", level=3),
        *_written(words.issues),
    ]


def _plan_table(data: AgencyYearData, *, end: bool) -> ReportTable:
    label = f"Target akhir Renstra ({data.end_year})" if end and data.end_year else "Target akhir Renstra"
    rows = []
    for lines in build.by_sasaran(data.lines).values():
        for position, line in enumerate(lines):
            rows.append(
                (
                    Cell(text=str(len(rows) + 1)),
                    Cell(text=line.sasaran, rowspan=len(lines)) if position == 0 else Cell(text="", covered=True),
                    Cell(text=line.name),
                    build.value_cell(line.target_akhir) if end else build.value_cell(line.target),
                )
            )
    return ReportTable(
        columns=(
            Column(label="No", width=0.4),
            Column(label="Sasaran Strategis", width=3.0),
            Column(label="Indikator Kinerja", width=3.4),
            Column(label=label if end else f"Target {data.year}", width=1.6, numeric=True),
        ),
        rows=tuple(rows),
        notes=("Target akhir Renstra belum dicatat.",) if end and not any(x.target_akhir for x in data.lines) else (),
        sheet="2.1 Renstra" if end else "2.2 PK",
        caption="Sasaran, indikator dan target akhir Renstra" if end else f"Perjanjian Kinerja tahun {data.year}",
    )


def _chapter_two(data: AgencyYearData) -> list:
    agreement = (
        f"Target tahun {data.year} ditetapkan dalam {data.agreement}."
        if data.agreement
        else f"Perjanjian Kinerja tahun {data.year} belum tercatat ditandatangani di kinerja; target di bawah ini "
        f"adalah target tahun itu yang tercatat."
    )
    return [
        PageBreak(),
        Heading(text="BAB II PERENCANAAN KINERJA"),
        Heading(text="A. Rencana Strategis", level=3),
        Paragraph(
            text=f"Sasaran strategis dan indikator kinerja {data.agency} beserta target akhir periode Renstra:",
            align="justify",
        ),
        _plan_table(data, end=True),
        Heading(text=f"B. Perjanjian Kinerja Tahun {data.year}", level=3),
        Paragraph(text=agreement, align="justify"),
        _plan_table(data, end=False),
    ]


def indicator_sentence(line: Line) -> str:
    figures = f"target {write_value(line.target)}, realisasi {write_value(line.realisasi)}"
    if not line.achievement.defined:
        return f"{line.name}: {figures}; {build.undefined_reason(line)}.{_standard_sentence(line)}"
    band = f", kategori {line.band.label}" if line.band is not None else ""
    return f"{line.name}: {figures}, capaian {_percent(line.achievement.value)}{band}.{_standard_sentence(line)}"


def _standard_sentence(line: Line) -> str:
    """' Dibandingkan standar nasional 90 % (SPM …): di atas standar, terpenuhi.' where there is a standard."""
    if line.standard is None:
        return ""
    source = f" ({line.standard_source})" if line.standard_source else ""
    return f" Dibandingkan standar nasional {build.standard_shown(line)}{source}: {build.standard_verdict(line)}."


def _sasaran_blocks(data: AgencyYearData) -> list:
    blocks: list = [Heading(text="Analisis capaian per sasaran strategis", level=3)]
    for number, (sasaran, lines) in enumerate(build.by_sasaran(data.lines).items(), start=1):
        average = build.mean_capaian(lines, data.cap)
        band = category(average, data.bands)
        summary = f"Diukur dengan {len(lines)} indikator; rata-rata capaian {_percent(average)}"
        blocks += [
            Heading(text=f"Sasaran {number}: {sasaran}", level=3),
            Paragraph(text=summary + (f", kategori {band.label}." if band else "."), align="justify"),
            *(Paragraph(text=f"• {indicator_sentence(line)}") for line in lines),
        ]
        causes, solutions = data.narrative.analysis(sasaran)
        blocks += [Paragraph(text="Penyebab keberhasilan atau kegagalan:", bold=True), *_written(causes)]
        blocks += [Paragraph(text="Solusi dan langkah ke depan:", bold=True), *_written(solutions)]
        programs = [p for p in data.programs if p.sasaran == sasaran]
        if programs:
            blocks.append(Paragraph(text="Program dan kegiatan pendukung:", bold=True))
            for program in programs:
                spent = absorption(program.anggaran, program.realisasi)
                serapan = f", serapan {_percent(spent)}" if spent is not None else ""
                blocks.append(
                    Paragraph(
                        text=f"• {program.label}: anggaran {build.rupiah(program.anggaran)}, realisasi "
                        f"{build.rupiah(program.realisasi)}{serapan}."
                    )
                )
    return blocks


def _chapter_three(data: AgencyYearData, with_charts: bool) -> list:
    return [
        PageBreak(),
        Heading(text="BAB III AKUNTABILITAS KINERJA"),
        *build.achievement_blocks(data),
        *build.standards_blocks(data),
        *_sasaran_blocks(data),
        *build.budget_blocks(data),
        *(build.chart_blocks(data) if with_charts else []),
    ]


def _chapter_four(data: AgencyYearData) -> list:
    average = build.mean_capaian(data.lines, data.cap)
    said = (
        f"Rata-rata capaian kinerja {data.agency} tahun {data.year} adalah {_percent(average)} "
        f"(kategori {category(average, data.bands).label})."
        if average is not None
        else f"Capaian kinerja {data.agency} tahun {data.year} belum dapat dihitung."
    )
    return [
        PageBreak(),
        Heading(text="BAB IV PENUTUP"),
        Paragraph(text=said, align="justify"),
        *_written(data.narrative.closing),
    ]


def full(data: AgencyYearData, *, with_charts: bool = True) -> Report:
    report = Report(
        title=f"Laporan Kinerja Instansi Pemerintah {data.agency} Tahun {data.year}",
        filename=f"lkjip-{data.year}",
        landscape=False,
    )
    report.add(
        *_cover(data),
        *_foreword(data),
        *_summary(data),
        *_chapter_one(data),
        *_chapter_two(data),
        *_chapter_three(data, with_charts),
        *_chapter_four(data),
        PageBreak(),
        Heading(text="LAMPIRAN"),
        *build.pengukuran_blocks(data),
        *build.definitions_blocks(data),
    )
    return report


def missing_parts(words: Narrative, sasaran: Iterable[str]) -> list[str]:
    """The parts of the agency's own words still empty (the LKjIP page and the operator's work queue list
    them); ``sasaran`` are the year's, each wanting its causes and solutions."""
    missing = [
        label
        for label, text in (
            ("Bab I A. Latar belakang dan organisasi", words.introduction),
            ("Bab I B. Tugas pokok dan fungsi", words.duties),
            ("Bab I C. Isu strategis", words.issues),
            ("Bab IV Penutup", words.closing),
        )
        if not text.strip()
    ]
    for name in dict.fromkeys(sasaran):
        causes, solutions = words.analysis(name)
        if not causes.strip() or not solutions.strip():
            missing.append(f"Bab III analisis sasaran: {name}")
    return missing
