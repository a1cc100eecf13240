"""The RPJMD and the Renstra as Reports (PDF, DOCX, XLSX through render.py), from plain rows: the
web layer gathers them, these builders lay them out (landscape, one table per section)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.categories import Band
from kinerja.core.grades import grade_name
from kinerja.core.model import Achievement
from kinerja.core.numbers import Kind, format_id, format_plain, quantize
from kinerja.core.snapshot import number_text, text_decimal
from kinerja.core.values import Value, write_value
from kinerja.reports.model import Cell, Column, Heading, Paragraph, Report, ReportTable, Signature, Signatures


def _figure(value, unit: str = "") -> Cell:
    if value is None or value == "":
        return Cell(text="–")
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError:
        return Cell(text=str(value))  # a target range kept as its text ('80–90'), never a number
    grade = grade_name(unit, number)
    if grade is not None:
        return Cell(text=grade)  # a grade is written as the grade, in every format
    return Cell(text=format_plain(number), value=number)


def _money(value) -> Cell:
    if value is None:
        return Cell(text="–")
    return Cell(text=format_id(value, 0), value=value, decimals=0)


@dataclass(kw_only=True)
class TargetRow:
    """One indicator (or programme) with its targets per year."""

    group: str  # the sasaran, tujuan or programme it belongs to
    name: str
    unit: str = ""
    baseline: Decimal | None = None
    targets: dict[int, Decimal | str | None] = field(default_factory=dict)
    end: Decimal | None = None
    code: str = ""
    pagu: Decimal | None = None
    note: str = ""


def _target_table(title: str, sheet: str, years: list[int], rows: list[TargetRow], *, with_code=False, with_pagu=False,
                  with_baseline=True) -> ReportTable:  # fmt: skip
    columns = [Column(label="No", width=0.4), Column(label="Kelompok", width=3.0)]
    if with_code:
        columns.append(Column(label="Kode", width=1.2))
    columns += [Column(label="Indikator / uraian", width=3.4), Column(label="Satuan", width=0.9)]
    if with_baseline:
        columns.append(Column(label="Kondisi awal", width=1.0, numeric=True))
    columns += [Column(label=str(y), width=0.9, numeric=True) for y in years]
    columns.append(Column(label="Target akhir", width=1.0, numeric=True))
    if with_pagu:
        columns.append(Column(label="Pagu (Rp)", width=1.8, numeric=True))
    columns.append(Column(label="Catatan", width=2.0))
    body = []
    for number, row in enumerate(rows, start=1):
        cells = [Cell(text=str(number)), Cell(text=row.group)]
        if with_code:
            cells.append(Cell(text=row.code))
        cells += [Cell(text=row.name), Cell(text=row.unit)]
        if with_baseline:
            cells.append(_figure(row.baseline, row.unit))
        cells += [_figure(row.targets.get(y), row.unit) for y in years]
        cells.append(_figure(row.end, row.unit))
        if with_pagu:
            cells.append(_money(row.pagu))
        cells.append(Cell(text=row.note))
        body.append(tuple(cells))
    return ReportTable(columns=tuple(columns), rows=tuple(body), sheet=sheet, caption=title)


def rpjmd(region: str, start: int, end: int, rows: list[TargetRow], links: list[tuple[str, str, str]],
          illustrative: bool = False) -> Report:  # fmt: skip
    """Tujuan/sasaran with their IKU and targets; then which agency sasaran serve each RPJMD sasaran."""
    report = Report(title=f"RPJMD {region} {start}–{end}", filename=f"rpjmd-{start}-{end}", paper="A4")
    report.add(Heading(text=f"RPJMD {region.upper()} {start}–{end}"))
    if illustrative:
        report.add(Paragraph(text="DATA ILUSTRASI: dokumen contoh tidak memuat RPJMD.", align="center"))
    years = list(range(start, end + 1))
    report.add(
        _target_table("Sasaran dan indikator kinerja utama", "IKU", years, rows),
        ReportTable(
            columns=(
                Column(label="Sasaran RPJMD", width=4.0),
                Column(label="Perangkat daerah", width=3.0),
                Column(label="Sasaran perangkat daerah yang mendukung", width=5.0),
            ),
            rows=tuple((Cell(text=a), Cell(text=b), Cell(text=c)) for a, b, c in links),
            sheet="Keterkaitan",
            caption="Sasaran perangkat daerah yang mendukung sasaran RPJMD",
        ),
    )
    return report


def renstra(agency: str, region: str, start: int, end: int, *, tujuan: list[TargetRow], indicators: list[TargetRow],
            programs: list[TargetRow]) -> Report:  # fmt: skip
    report = Report(title=f"Renstra {agency} {start}–{end}", filename=f"renstra-{start}-{end}")
    years = list(range(start, end + 1))
    report.add(
        Heading(text=f"RENCANA STRATEGIS {agency.upper()} {start}–{end}"),
        Heading(text=region.upper(), level=2),
        _target_table("Tujuan dan indikator tujuan", "Tujuan", years, tujuan),
        _target_table(
            "Sasaran, indikator, kondisi awal, target tahunan dan target akhir", "Sasaran", years, indicators
        ),
        _target_table(
            "Program dan kegiatan, target tahunan, target akhir dan pagu",
            "Program",
            years,
            programs,
            with_code=True,
            with_pagu=True,
            with_baseline=False,
        ),  # fmt: skip
    )
    return report


@dataclass(frozen=True, kw_only=True)
class IkuResult:
    """One IKU of the region in one year: its RPJMD target, the realisation of the agency indicator that
    measures it, the capaian and the progress toward the RPJMD end target (kinerja.core's rules)."""

    sasaran: str
    name: str
    unit: str
    target: Value
    realisasi: Value
    capaian: Achievement | None  # None: the IKU is not measured by any agency indicator
    end: Value
    progress: Achievement | None
    source: str = ""  # "Dinas …: indikator …"
    band: Band | None = None  # the capaian's category on the region's scale for the year


def _value_json(value: Value) -> dict:
    return {"kind": value.kind.value, "raw": value.raw, "number": number_text(value.number),
            "decimals": value.decimals, "unit": value.unit, "reason": value.reason,
            "bounds": [str(b) for b in value.bounds] if value.bounds else None}  # fmt: skip


def _value_from(data: dict) -> Value:
    bounds = tuple(Decimal(b) for b in data["bounds"]) if data.get("bounds") else None
    return Value(kind=Kind(data["kind"]), raw=data["raw"], number=text_decimal(data["number"]),
                 decimals=data["decimals"], unit=data["unit"], reason=data["reason"], bounds=bounds)  # fmt: skip


def _achievement_json(achievement: Achievement | None) -> dict | None:
    if achievement is None:
        return None
    return {"value": number_text(achievement.value), "rule": achievement.rule, "reason": achievement.reason}


def _achievement_from(data: dict | None) -> Achievement | None:
    return None if data is None else Achievement(text_decimal(data["value"]), data["rule"], data["reason"])


def iku_results_json(results: list[IkuResult]) -> list[dict]:
    """The results as plain JSON data, every figure with its exact decimal text: what a settled year keeps."""
    return [
        {
            "sasaran": r.sasaran,
            "name": r.name,
            "unit": r.unit,
            "target": _value_json(r.target),
            "realisasi": _value_json(r.realisasi),
            "capaian": _achievement_json(r.capaian),
            "end": _value_json(r.end),
            "progress": _achievement_json(r.progress),
            "source": r.source,
            "band": None
            if r.band is None
            else {"lower": str(r.band.lower), "code": r.band.code, "label": r.band.label, "tone": r.band.tone},
        }
        for r in results
    ]


def iku_results_from_json(rows: list[dict]) -> list[IkuResult]:
    return [
        IkuResult(
            sasaran=row["sasaran"],
            name=row["name"],
            unit=row["unit"],
            target=_value_from(row["target"]),
            realisasi=_value_from(row["realisasi"]),
            capaian=_achievement_from(row["capaian"]),
            end=_value_from(row["end"]),
            progress=_achievement_from(row["progress"]),
            source=row["source"],
            band=None
            if row["band"] is None
            else Band(Decimal(row["band"]["lower"]), row["band"]["code"], row["band"]["label"], row["band"]["tone"]),
        )
        for row in rows
    ]


def _percent(achievement: Achievement | None) -> Cell:
    if achievement is None or achievement.value is None:
        return Cell(text="–")
    return Cell(text=format_id(achievement.value, 2), value=quantize(achievement.value, 2), decimals=2)


def iku_measurement(region: str, year: int, start: int, end: int, results: list[IkuResult], *, head: Signature,
                    illustrative: bool = False) -> Report:  # fmt: skip
    """The regional government's Pengukuran Kinerja of one year: each IKU of the RPJMD against its yearly
    target, measured by the agency indicator Bappeda named, with the progress toward the RPJMD end target."""
    report = Report(title=f"Pengukuran Kinerja {region} Tahun {year}", filename=f"pengukuran-kinerja-pemda-{year}")
    report.add(
        Heading(text="PENGUKURAN KINERJA PEMERINTAH DAERAH"),
        Heading(text=region.upper(), level=2),
        Heading(text=f"TAHUN {year}", level=2),
        Paragraph(text=f"Indikator kinerja utama RPJMD {start}–{end}.", align="center"),
    )
    if illustrative:
        report.add(Paragraph(text="DATA ILUSTRASI: dokumen contoh tidak memuat RPJMD.", align="center"))
    rows, notes = [], []
    for number, r in enumerate(results, start=1):
        band = r.band if r.capaian is not None and r.capaian.value is not None else None
        rows.append(
            (
                Cell(text=str(number)),
                Cell(text=r.sasaran),
                Cell(text=r.name),
                Cell(text=r.unit),
                Cell(text=write_value(r.target)),
                Cell(text=write_value(r.realisasi)),
                _percent(r.capaian),
                Cell(text=band.label if band else "–", band=band.tone if band else None),
                Cell(text=write_value(r.end)),
                _percent(r.progress),
                Cell(text=r.source or "belum diukur"),
            )
        )
        if r.capaian is not None and r.capaian.value is None and r.capaian.reason:
            notes.append(f"{r.name}: {r.capaian.reason}.")
    report.add(
        ReportTable(
            columns=(
                Column(label="No", width=0.4),
                Column(label="Sasaran RPJMD", width=2.6),
                Column(label="Indikator kinerja utama", width=2.8),
                Column(label="Satuan", width=0.8),
                Column(label=f"Target {year}", width=1.2, numeric=True),
                Column(label=f"Realisasi {year}", width=1.2, numeric=True),
                Column(label="% Capaian", width=0.9, numeric=True, percent=True),
                Column(label="Kategori", width=1.1),
                Column(label=f"Target akhir ({end})", width=1.1, numeric=True),
                Column(label="% Progres", width=0.9, numeric=True, percent=True),
                Column(label="Diukur dengan", width=2.4),
            ),
            rows=tuple(rows),
            numbering=True,
            notes=(
                *notes,
                "% capaian dihitung oleh kinerja dari realisasi indikator perangkat daerah yang mengukur IKU, "
                "menurut arah indikator itu; % progres terhadap target akhir RPJMD menurut aturan kumulasinya.",
            ),
            sheet="IKU",
            caption=f"Capaian indikator kinerja utama tahun {year}",
        ),
        Signatures(blocks=(head,)),
    )
    return report
