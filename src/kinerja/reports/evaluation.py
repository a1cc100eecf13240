"""The result of the SAKIP evaluation of one agency (Laporan Hasil Evaluasi, LHE) as a Report: the LKE sheet
(each component and part with its weight, the share given and its value, component sums and the total as
spreadsheet formulas), the predikat, the evaluator's notes, the recommendations with the agency's follow-up,
and the evaluator's signature block."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kinerja.core.dates import indonesian_date
from kinerja.core.evaluation import Sheet
from kinerja.core.numbers import format_id, format_plain
from kinerja.reports.model import (
    Cell,
    Column,
    Formula,
    Heading,
    Paragraph,
    Report,
    ReportTable,
    Signature,
    Signatures,
)


@dataclass(kw_only=True)
class EvaluationData:
    region: str
    agency: str
    year: int
    sheet: Sheet
    notes: dict[str, str] = field(default_factory=dict)
    recommendations: list[tuple[str, str, bool]] = field(default_factory=list)  # text, follow-up, done
    final: bool = False
    finalized_on: date | None = None
    evaluator: str = ""


def _number(value, decimals: int = 2) -> Cell:
    return Cell(text=format_id(value, decimals), value=value, decimals=decimals)


def lhe(data: EvaluationData) -> Report:
    sheet = data.sheet
    report = Report(
        title=f"Hasil Evaluasi SAKIP {data.agency} {data.year}",
        filename=f"evaluasi-sakip-{data.year}",
        landscape=False,
    )
    report.add(
        Heading(text="LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH"),
        Heading(text=f"{data.agency.upper()} — {data.region.upper()} — TAHUN {data.year}", level=2),
        Paragraph(
            text=f"Lembar Kerja Evaluasi menurut {sheet.template.regulation}."
            + ("" if data.final else " DRAF: evaluasi belum ditetapkan."),
            align="center",
        ),  # fmt: skip
    )
    columns = (
        Column(label="Komponen / sub komponen", width=4),
        Column(label="Bobot", width=1, numeric=True),
        Column(label="Nilai (% bobot)", width=1.3, numeric=True, percent=True),
        Column(label="Nilai", width=1, numeric=True),
    )
    rows: list[tuple[Cell, ...]] = []
    component_rows = []
    for component, value in sheet.components:
        first = len(rows)
        component_rows.append(first)
        parts = [s for s in sheet.parts if s.part in component.parts]
        inner = (first + 1, first + len(parts)) if len(parts) > 1 else None
        sum_cells = tuple((r, 3) for r in range(inner[0], inner[1] + 1)) if inner else ()
        whole = parts[0] if not inner else None
        rows.append((
            Cell(text=component.name, bold=True),
            Cell(text=format_plain(component.weight), value=component.weight, decimals=0, bold=True),
            _share(whole) if whole else Cell(text=""),
            Cell(text=format_id(value, 2), value=value, bold=True,
                 formula=_value_formula(first) if whole and whole.value is not None else
                 (Formula(kind="sum", cells=sum_cells) if sum_cells else None)),
        ))  # fmt: skip
        if inner:
            for scored in parts:
                at = len(rows)
                rows.append((
                    Cell(text=f"    {scored.part.name}"),
                    Cell(text=format_plain(scored.part.weight), value=scored.part.weight, decimals=1),
                    _share(scored),
                    Cell(text=format_id(scored.value, 2), value=scored.value,
                         formula=_value_formula(at) if scored.value is not None else None)
                    if scored.value is not None else Cell(text="–"),
                ))  # fmt: skip
    total_cells = tuple((r, 3) for r in component_rows)
    rows.append((
        Cell(text="Nilai akhir", bold=True),
        Cell(text="100", value=sum(c.weight for c in sheet.template.components), decimals=0, bold=True),
        Cell(text=""),
        Cell(text=format_id(sheet.total, 2), value=sheet.total, bold=True,
             formula=Formula(kind="sum", cells=total_cells)),
    ))  # fmt: skip
    caption = "Nilai = bobot × nilai (% bobot) ÷ 100; nilai komponen = jumlah sub komponennya."
    report.add(ReportTable(columns=columns, rows=tuple(rows), sheet="LKE", footer_rows=1, caption=caption))
    if sheet.complete:
        code, meaning = sheet.predikat
        report.add(Paragraph(text=f"Nilai akhir {format_id(sheet.total, 2)}: predikat {code} ({meaning}).", bold=True))
    else:
        missing = "; ".join(sheet.template.label(part) for part in sheet.missing[:6])
        report.add(Paragraph(text=f"Belum lengkap: belum dinilai {missing}. Predikat belum dapat ditentukan."))
    notes = [(c.name, data.notes.get(c.code, "")) for c in sheet.template.components if data.notes.get(c.code)]
    if notes:
        report.add(Heading(text="Catatan hasil evaluasi", level=3))
        report.add(*(Paragraph(text=f"{name}: {text}") for name, text in notes))
    report.add(Heading(text="Rekomendasi dan tindak lanjut", level=3))
    if data.recommendations:
        report.add(ReportTable(
            columns=(Column(label="No", width=0.5), Column(label="Rekomendasi", width=4),
                     Column(label="Tindak lanjut perangkat daerah", width=4), Column(label="Status", width=1.2)),
            rows=tuple((Cell(text=str(i)), Cell(text=text), Cell(text=follow or "–"),
                        Cell(text="selesai" if done else "dalam proses" if follow else "belum"))
                       for i, (text, follow, done) in enumerate(data.recommendations, start=1)),
            sheet="Rekomendasi",
        ))  # fmt: skip
    else:
        report.add(Paragraph(text="Belum ada rekomendasi."))
    when = data.finalized_on
    place_date = indonesian_date(when) if when else "(belum ditetapkan)"
    report.add(Signatures(blocks=(Signature(heading=place_date, title="Evaluator", name=data.evaluator or "–"),)))
    return report


def _share(scored) -> Cell:
    if scored is None or scored.share is None:
        return Cell(text="–")
    return Cell(
        text=f"{format_plain(scored.share)} %", value=scored.share, decimals=max(0, -scored.share.as_tuple().exponent)
    )


def _value_formula(row: int) -> Formula:
    """bobot × nilai (% bobot) ÷ 100, over the row's own cells."""
    return Formula(kind="share", cells=((row, 1), (row, 2)))
