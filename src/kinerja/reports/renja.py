"""The Evaluasi Renja form (Permendagri 86/2017) as a Report: one row per programme, kegiatan and sub
kegiatan with columns 1–18 (K and Rp side by side), then the footer: average capaian, category,
supporting and hindering factors, follow-up. A3 landscape in PDF: 28 columns do not fit A4."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.categories import scale_steps
from kinerja.core.numbers import format_id, format_plain
from kinerja.core.renja import Evaluated, Footer
from kinerja.reports.model import Cell, Column, Heading, Paragraph, Report, ReportTable

LEVELS = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}


@dataclass(kw_only=True)
class RenjaData:
    region: str
    agency: str
    year: int
    rows: list[Evaluated]
    footer: Footer
    supporting: str = ""
    hindering: str = ""
    follow_up: str = ""
    illustrative: bool = False


def _k(value: Decimal | None) -> Cell:
    return Cell(text=format_plain(value) if value is not None else "–", value=value)


def _rp(value: Decimal | None) -> Cell:
    return Cell(text=format_id(value, 0) if value is not None else "–", value=value, decimals=0)


def _pct(value: Decimal | None) -> Cell:
    if value is None:
        return Cell(text="–")
    shown = value.quantize(Decimal("0.01"))
    return Cell(text=format_id(value, 2), value=shown, decimals=2)


def footer_text(f: Footer) -> str:
    def shown(value):
        return f"{format_id(value, 2)} %" if value is not None else "–"

    return (
        f"Rata-rata capaian kinerja (kolom 14, K): {shown(f.average_k)} — predikat "
        f"{f.band_k.label if f.band_k else '–'}; rata-rata capaian anggaran (kolom 14, Rp): {shown(f.average_rp)} — "
        f"predikat {f.band_rp.label if f.band_rp else '–'}. Predikat: {scale_steps(f.bands)}, di bawahnya "
        f"{f.bands[-1].label}."
    )


def evaluation(data: RenjaData) -> Report:
    report = Report(
        title=f"Evaluasi Renja {data.agency} Tahun {data.year}", filename=f"evaluasi-renja-{data.year}", paper="A3"
    )
    columns = [
        Column(label="1 No", width=0.45),
        Column(label="2 Sasaran", width=1.6),
        Column(label="3 Kode", width=1.25),
        Column(label="4 Program / Kegiatan / Sub Kegiatan", width=2.0),
        Column(label="5 Indikator (satuan)", width=1.8),
    ]
    labels = (
        (6, "Target Renstra akhir"), (7, "Realisasi s.d. tahun lalu"), (8, f"Target {data.year}"),
        (9, "Realisasi TW I"), (10, "Realisasi TW II"), (11, "Realisasi TW III"), (12, "Realisasi TW IV"),
        (13, f"Realisasi {data.year}"), (14, f"Capaian {data.year} (%)"), (15, "Realisasi s.d. tahun ini"),
        (16, "Capaian s.d. tahun ini thd Renstra (%)"),
    )  # fmt: skip
    for number, _label in labels:  # numbered as on the form; the legend under the table names them
        percent = number in (14, 16)
        columns += [
            Column(label=f"{number} K", width=1.2, numeric=True, percent=percent),
            Column(label=f"{number} Rp", width=1.2 if percent else 2.3, numeric=True, percent=percent),
        ]
    columns += [Column(label="17 Penanggung jawab", width=1.1), Column(label="18 Ket.", width=0.9)]
    legend = (
        "Kolom: "
        + "; ".join(f"{number} {label}" for number, label in labels)
        + ("; 17 unit penanggung jawab; 18 keterangan. K: kinerja (volume, dalam satuan indikator); Rp: anggaran.")
    )
    rows = []
    for number, e in enumerate(data.rows, start=1):
        r = e.row
        cells = [
            Cell(text=str(number)),
            Cell(text=r.sasaran),
            Cell(text=r.code),
            Cell(text=f"{LEVELS.get(r.level, r.level)}: {r.name}", bold=r.level == "program"),
            Cell(text=f"{r.indicator} ({r.unit})" if r.unit else r.indicator),
        ]
        for pair in (r.renstra_target, r.before, r.target, *r.quarters, e.year):
            cells += [_k(pair.k), _rp(pair.rp)]
        cells += [_pct(e.capaian.k), _pct(e.capaian.rp), _k(e.to_date.k), _rp(e.to_date.rp)]
        cells += [_pct(e.capaian_to_date.k), _pct(e.capaian_to_date.rp), Cell(text=r.responsible), Cell(text=r.note)]
        rows.append(tuple(cells))
    f = data.footer
    report.add(
        Heading(text=f"EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH {data.agency.upper()}"),
        Heading(text=f"{data.region.upper()} — PERIODE PELAKSANAAN TAHUN {data.year}", level=2),
    )
    if data.illustrative:
        report.add(
            Paragraph(
                text="DATA ILUSTRASI: dokumen contoh tidak memuat Renja; baris-baris ini dibuat untuk peragaan.",
                align="center",
            )
        )
    report.add(
        ReportTable(
            columns=tuple(columns),
            rows=tuple(rows),
            sheet="Evaluasi Renja",
            compact=True,
            caption="Evaluasi hasil Renja: 13 = 9+10+11+12 (nilai TW terakhir untuk indikator tingkat); "
            "14 = 13 ÷ 8 × 100; 15 = 7 + 13; 16 = 15 ÷ 6 × 100.",
            notes=(legend,),
        ),
        Paragraph(text=footer_text(f)),
        Paragraph(text=f"Faktor pendorong: {data.supporting or '–'}"),
        Paragraph(text=f"Faktor penghambat: {data.hindering or '–'}"),
        Paragraph(text=f"Tindak lanjut: {data.follow_up or '–'}"),
    )
    return report
