"""Open data: a region's published figures as machine-readable tables (CSV and JSON) with their dictionary.

Satu Data Indonesia (Perpres 39/2019) asks government data to come with its metadata and in an open,
machine-readable format. Three datasets per year, made from the same report data as the signed documents
(kinerja.reports.data and .plans), so every figure is the one the reports print:

- ``capaian``: one row per indicator of every agency's published year, with target, realisasi, the
  recomputed % capaian, its category and the progress against the Renstra end target;
- ``anggaran``: one row per agency's budget total and per programme/kegiatan line, with absorption;
- ``iku``: one row per IKU of the RPJMD covering the year, measured by the agency indicator Bappeda named.

Numbers are machine numbers ('.' for decimals, no thousands separator); each figure also has a column
with the text people read ('46.821 orang', '80–90 %', 'WTP'). In CSV, a text cell that a spreadsheet
would run as a formula (it starts with =, +, -, @ or a control character) gets a leading apostrophe; JSON
keeps every text as it is. Nothing here touches the database or Django.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kinerja.core.achievement import absorption, meets_standard
from kinerja.core.grades import is_grade_unit
from kinerja.core.messages import register, say
from kinerja.core.model import Achievement
from kinerja.core.numbers import Kind, decimal_text, json_number, quantize
from kinerja.core.values import Value, write_value
from kinerja.reports.build import unit_text
from kinerja.reports.data import AgencyYearData, BudgetLine
from kinerja.reports.opendata_dictionary import OPENDATA
from kinerja.reports.plans import IkuResult

register(OPENDATA)
TEXT, NUMBER, INTEGER, DATE = (say(f"opendata.kind.{kind}") for kind in ("teks", "angka", "bilangan bulat", "tanggal"))


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str  # TEXT, NUMBER, INTEGER or DATE
    description: str


@dataclass(frozen=True, slots=True)
class Dataset:
    key: str
    title: str
    description: str
    fields: tuple[Field, ...]


# Columns every dataset of an agency's year has, and one two datasets describe alike: one description each.
_SHARED = ("wilayah", "perangkat_daerah", "tahun", "realisasi_tertulis")


def _dataset(key: str, columns: tuple[tuple[str, str], ...]) -> Dataset:
    """A dataset whose title, description and column descriptions are the catalog's ``opendata.<key>.…``
    (``opendata.<column>`` for the shared ones), said in the page's language."""
    fields = tuple(
        Field(name, kind, say(f"opendata.{name}" if name in _SHARED else f"opendata.{key}.{name}"))
        for name, kind in columns
    )
    return Dataset(key, say(f"opendata.{key}.title"), say(f"opendata.{key}.description"), fields)


_COMMON = (("wilayah", TEXT), ("perangkat_daerah", TEXT), ("tahun", INTEGER))

CAPAIAN = _dataset(
    "capaian",
    (
        *_COMMON,
        ("sasaran", TEXT),
        ("indikator", TEXT),
        ("iku", TEXT),
        ("satuan", TEXT),
        ("target", NUMBER),
        ("target_bawah", NUMBER),
        ("target_atas", NUMBER),
        ("target_tertulis", TEXT),
        ("realisasi", NUMBER),
        ("realisasi_tertulis", TEXT),
        ("capaian_persen", NUMBER),
        ("kategori", TEXT),
        ("keterangan_capaian", TEXT),
        ("target_akhir_renstra", NUMBER),
        ("target_akhir_tertulis", TEXT),
        ("capaian_renstra_persen", NUMBER),
        ("standar_nasional", NUMBER),
        ("dasar_standar", TEXT),
        ("memenuhi_standar", TEXT),
    ),
)
ANGGARAN = _dataset(
    "anggaran",
    (
        *_COMMON,
        ("jenis", TEXT),
        ("uraian", TEXT),
        ("sasaran", TEXT),
        ("anggaran", NUMBER),
        ("realisasi", NUMBER),
        ("serapan_persen", NUMBER),
    ),
)
IKU = _dataset(
    "iku",
    (
        ("wilayah", TEXT),
        ("tahun", INTEGER),
        ("periode_rpjmd", TEXT),
        ("sasaran_rpjmd", TEXT),
        ("iku", TEXT),
        ("satuan", TEXT),
        ("target", NUMBER),
        ("realisasi", NUMBER),
        ("realisasi_tertulis", TEXT),
        ("capaian_persen", NUMBER),
        ("kategori", TEXT),
        ("keterangan_capaian", TEXT),
        ("target_akhir", NUMBER),
        ("progres_persen", NUMBER),
        ("diukur_dengan", TEXT),
    ),
)

DATASETS = {d.key: d for d in (CAPAIAN, ANGGARAN, IKU)}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

# A cell starting with one of these is a formula (or its start) to a spreadsheet program.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _number(value: Value | None) -> Decimal | None:
    """The machine number of a figure: none for a grade (its score is a rank, not a quantity) or a range."""
    if value is None or not value.is_number or is_grade_unit(value.unit):
        return None
    return value.number


def _bounds(value: Value | None) -> tuple[Decimal | None, Decimal | None]:
    if value is None or value.kind is not Kind.RANGE or value.bounds is None:
        return None, None
    return value.bounds


def _percent(achievement: Achievement | None) -> Decimal | None:
    if achievement is None or achievement.value is None:
        return None
    return quantize(achievement.value, 2)


def capaian_rows(agencies: Iterable[AgencyYearData]) -> list[dict]:
    rows = []
    for data in agencies:
        for line in data.lines:
            low, high = _bounds(line.target)
            percent = _percent(line.achievement)
            rows.append(
                {
                    "wilayah": data.region,
                    "perangkat_daerah": data.agency,
                    "tahun": data.year,
                    "sasaran": line.sasaran,
                    "indikator": line.name,
                    "iku": "ya" if line.is_iku else "tidak",
                    "satuan": unit_text(line),
                    "target": _number(line.target),
                    "target_bawah": low,
                    "target_atas": high,
                    "target_tertulis": write_value(line.target, empty=""),
                    "realisasi": _number(line.realisasi),
                    "realisasi_tertulis": write_value(line.realisasi, empty=""),
                    "capaian_persen": percent,
                    "kategori": line.band.label if line.band is not None and percent is not None else "",
                    "keterangan_capaian": "" if percent is not None else (line.achievement.reason or ""),
                    "target_akhir_renstra": _number(line.target_akhir),
                    "target_akhir_tertulis": write_value(line.target_akhir, empty="") if line.target_akhir else "",
                    "capaian_renstra_persen": _percent(line.progress),
                    "standar_nasional": line.standard,
                    "dasar_standar": line.standard_source if line.standard is not None else "",
                    "memenuhi_standar": _yes_no(meets_standard(line.realisasi, line.standard, line.direction)),
                }
            )
    return rows


def _yes_no(answer: bool | None) -> str:
    return "" if answer is None else "ya" if answer else "tidak"


def _budget_row(data: AgencyYearData, kind: str, line: BudgetLine) -> dict:
    spent = absorption(line.anggaran, line.realisasi)
    return {
        "wilayah": data.region,
        "perangkat_daerah": data.agency,
        "tahun": data.year,
        "jenis": kind,
        "uraian": line.label,
        "sasaran": line.sasaran or "",
        "anggaran": line.anggaran,
        "realisasi": line.realisasi,
        "serapan_persen": None if spent is None else quantize(spent, 2),
    }


def anggaran_rows(agencies: Iterable[AgencyYearData]) -> list[dict]:
    rows = []
    for data in agencies:
        if data.budget is not None:
            rows.append(_budget_row(data, "jumlah", data.budget))
        rows.extend(_budget_row(data, "program", line) for line in data.programs)
    return rows


def iku_rows(region: str, year: int, period: str, results: Iterable[IkuResult]) -> list[dict]:
    rows = []
    for r in results:
        percent = _percent(r.capaian)
        band = r.band if percent is not None else None
        reason = "belum diukur oleh indikator perangkat daerah" if r.capaian is None else (r.capaian.reason or "")
        rows.append(
            {
                "wilayah": region,
                "tahun": year,
                "periode_rpjmd": period,
                "sasaran_rpjmd": r.sasaran,
                "iku": r.name,
                "satuan": r.unit,
                "target": _number(r.target),
                "realisasi": _number(r.realisasi),
                "realisasi_tertulis": write_value(r.realisasi, empty=""),
                "capaian_persen": percent,
                "kategori": band.label if band else "",
                "keterangan_capaian": "" if percent is not None else reason,
                "target_akhir": _number(r.end),
                "progres_persen": _percent(r.progress),
                "diukur_dengan": r.source,
            }
        )
    return rows


def safe_text(text: str) -> str:
    """A text cell a spreadsheet opens as text: one that would start a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, int):
        return str(value)
    return safe_text(str(value))


def to_csv(dataset: Dataset, rows: list[dict]) -> bytes:
    """RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheet programs read the letters right)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [f.name for f in dataset.fields]
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in names])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json_cell(value):
    return json_number(value) if isinstance(value, Decimal) else value


def to_json(dataset: Dataset, rows: list[dict], *, region: str, year: int, updated: date | None) -> bytes:
    document = {
        "dataset": dataset.key,
        "judul": dataset.title,
        "deskripsi": dataset.description,
        "wilayah": region,
        "tahun": year,
        "diperbarui": updated.isoformat() if updated else None,
        "kolom": [{"nama": f.name, "jenis": f.kind, "keterangan": f.description} for f in dataset.fields],
        "baris": [{name: _json_cell(value) for name, value in row.items()} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def render(dataset: Dataset, rows: list[dict], fmt: str, *, region: str, year: int, updated) -> bytes:
    if fmt == "csv":
        return to_csv(dataset, rows)
    return to_json(dataset, rows, region=region, year=year, updated=updated)
