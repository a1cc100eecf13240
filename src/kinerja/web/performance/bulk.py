"""Bulk entry through Excel: download an agency-year as a template, upload it back, preview every
change and every problem, and only then write through the one write path — all or nothing.

The template remembers the version and the value of every figure and note it showed, so an upload
changes only what the person changed, and is refused when someone else changed it meanwhile."""

from __future__ import annotations

import io
import json
import tempfile
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection

from kinerja.core import year as core
from kinerja.core.grades import grade_name, is_grade_unit
from kinerja.core.numbers import figure_problem, format_id
from kinerja.core.values import stored_target
from kinerja.readers import ReadError, check_limits
from kinerja.readers.xlsx import value_as_shown
from kinerja.reports.xlsx import put_text

from . import store
from .forms import parse_number, parse_target
from .models import AgencyYear

SHEET = "Entri"
BUDGET_SHEET = "Anggaran"
VERSIONS_SHEET = "_versi"
COLUMNS = ("ID", "Sasaran", "Indikator", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Realisasi tahun",
           "Catatan")  # fmt: skip
FIELDS = ("target", "q1", "q2", "q3", "q4", "year")  # columns E..J
FIELD_LABELS = dict(zip(FIELDS, COLUMNS[4:10], strict=True))
FIRST_ROW = 4
MAX_EXTRA_ROWS = 1000  # blank or stray rows tolerated below the indicators
LOCALE = "[$-421]"


def template(agency_year: AgencyYear) -> bytes:
    year = store.load(agency_year)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"] = f"Entri data {agency_year.agency.name} tahun {agency_year.year}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        "Isi kolom Target sampai Catatan saja; jangan ubah kolom ID. Angka boleh diketik sebagai angka "
        "Excel atau sebagai teks berformat Indonesia (1.234,56)."
    )
    sheet.append([])
    for c, label in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=3, column=c, value=label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E5E7EB")
    versions, shown = {}, {}
    for r, line in enumerate(year.lines, start=FIRST_ROW):
        values = [line.figure(name).value for name in FIELDS]
        if is_grade_unit(line.unit):  # grades are written as grades (WTP), typed back as grades
            values = [grade_name(line.unit, value) if value is not None else None for value in values]
        values[0] = values[0] if values[0] is not None else stored_target(None, line.figure("target").raw)
        row = [line.indicator_id, line.sasaran, line.name, line.unit, *values, line.note]
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            put_text(cell, float(value) if isinstance(value, Decimal) else value)  # typed text is never a formula
            if 5 <= c <= 10:
                cell.number_format = f"{LOCALE}#,##0.##"
                cell.protection = Protection(locked=False)
            elif c == 11:
                cell.protection = Protection(locked=False)
        versions[str(line.indicator_id)] = {
            **{name: line.figure(name).version for name in FIELDS},
            "note": line.note_version,
        }
        shown[str(line.indicator_id)] = {
            **{name: _text(line.figure(name).value) for name in FIELDS},
            "target": _text(stored_target(line.figure("target").value, line.figure("target").raw)),
            "note": line.note,
        }
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=4)
    for letter, width in zip("ABCDEFGHIJK", (7, 30, 45, 14, 12, 10, 10, 10, 10, 14, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    budget = year.budget
    money = workbook.create_sheet(BUDGET_SHEET)
    money.append(["Anggaran (Rp)", "Realisasi anggaran (Rp)"])
    money.append([_float(budget.anggaran.value), _float(budget.realisasi.value)])
    for cell in money[2]:
        cell.number_format = f"{LOCALE}#,##0"
    versions["budget"] = budget.version
    shown["budget"] = {name: _text(getattr(budget, name).value) for name in core.BUDGET_FIELDS}
    hidden = workbook.create_sheet(VERSIONS_SHEET)
    hidden["A1"] = json.dumps({"agency_year": agency_year.pk, "versions": versions, "shown": shown})
    hidden.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _float(value):
    return float(value) if value is not None else None


def _text(value) -> str | None:
    return None if value is None else str(value.normalize() if isinstance(value, Decimal) else value)


def _shown_number(text, *, ranges: bool = False) -> Decimal | str | None:
    """What the template showed: a number, or (``ranges``, the target) a range as its text."""
    try:
        return None if text in (None, "") else Decimal(text)
    except (InvalidOperation, TypeError):
        return text if ranges and isinstance(text, str) else None


@dataclass
class Change:
    indicator_id: int | None  # None for the budget
    label: str
    field: str
    before: Decimal | str | None  # a target range as its text
    after: Decimal | str | None
    seen_version: int
    capaian: str = ""

    def as_dict(self) -> dict:
        return {
            "indicator_id": self.indicator_id,
            "label": self.label,
            "field": self.field,
            "before": None if self.before is None else str(self.before),
            "after": None if self.after is None else str(self.after),
            "seen_version": self.seen_version,
            "capaian": self.capaian,
        }


@dataclass
class Preview:
    changes: list[Change] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (indicator, note) changed
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    writes: list = field(default_factory=list)  # the kinerja.core.year changes to apply

    def stored(self) -> list[dict]:
        """The changes as plain data for the session, until the person confirms."""
        out = []
        for change in self.writes:
            data = {"type": type(change).__name__}
            for name in change.__slots__:
                value = getattr(change, name)
                data[name] = str(value) if isinstance(value, Decimal) else value
            out.append(data)
        return out


CHANGE_TYPES = {"SetFigure": core.SetFigure, "SetNote": core.SetNote, "SetBudget": core.SetBudget}


def from_stored(data: list[dict]) -> list:
    changes = []
    for item in data:
        kind = CHANGE_TYPES[item.pop("type")]
        if "value" in item and kind is not core.SetNote:
            item["value"] = None if item["value"] is None else Decimal(item["value"])
        changes.append(kind(**item))
    return changes


def _cell_target(value, where: str, errors: list[str], unit: str | None = None) -> Decimal | str | None:
    """The target column: a figure as ``_cell_number`` reads it, or a range typed as text ('80–90'),
    returned as the range written the kinerja way."""
    if isinstance(value, str) and value.strip() and not is_grade_unit(unit):
        try:
            target = parse_target(value, unit)
        except ValidationError:  # not a figure: read again below, which says why
            target = None
        if isinstance(target, str):
            return target
    return _cell_number(value, where, errors, unit)


def _cell_number(value, where: str, errors: list[str], unit: str | None = None) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if is_grade_unit(unit):
        try:
            return parse_number(str(value), unit)
        except Exception as exc:  # ValidationError naming the grades of the scale
            errors.append(f"{where}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
            return None
    if isinstance(value, bool):
        errors.append(f"{where}: '{value}' bukan angka.")
        return None
    if isinstance(value, Decimal):
        problem = figure_problem(value)
        if problem:
            errors.append(f"{where}: '{value}' {problem}.")
            return None
        return value
    if isinstance(value, int | float):
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            errors.append(f"{where}: '{value}' bukan angka.")
            return None
        problem = figure_problem(number)
        if problem:
            errors.append(f"{where}: '{value}' {problem}.")
            return None
        return number
    try:
        return parse_number(str(value))
    except Exception as exc:  # ValidationError with what was read
        errors.append(f"{where}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
        return None


def read_upload(agency_year: AgencyYear, data: bytes) -> Preview:
    """The template as filled in: the limits every upload gets are checked before anything is unpacked,
    and the workbook is read row by row (read-only), stopping at the row limit."""
    preview = Preview()
    with tempfile.TemporaryDirectory(prefix="kinerja-templat-") as folder:
        path = Path(folder) / "templat.xlsx"
        path.write_bytes(data)
        try:
            check_limits(path)
        except ReadError as exc:
            preview.errors.append(f"Berkas tidak dibaca: {str(exc).replace('templat.xlsx: ', '')}.")
            return preview
        except Exception as exc:  # not a zip at all
            preview.errors.append(f"Berkas tidak dapat dibuka sebagai .xlsx ({exc.__class__.__name__}).")
            return preview
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a corrupt file
            preview.errors.append(f"Berkas tidak dapat dibuka sebagai .xlsx ({exc.__class__.__name__}).")
            return preview
        try:
            return _read_template(agency_year, workbook, preview)
        finally:
            workbook.close()


def _read_template(agency_year: AgencyYear, workbook, preview: Preview) -> Preview:
    if SHEET not in workbook.sheetnames or VERSIONS_SHEET not in workbook.sheetnames:
        preview.errors.append(
            "Ini bukan templat entri kinerja: lembar 'Entri' atau data versinya tidak ada. "
            "Unduh templat dari halaman entri."
        )
        return preview
    try:
        meta = json.loads(workbook[VERSIONS_SHEET]["A1"].value or "")
    except (TypeError, ValueError):
        preview.errors.append("Data versi templat rusak; unduh templat baru.")
        return preview
    if meta.get("agency_year") != agency_year.pk:
        preview.errors.append("Templat ini untuk perangkat daerah atau tahun lain.")
        return preview
    versions = meta.get("versions", {})
    shown = meta.get("shown", {})
    year = store.load(agency_year)
    lines = {line.indicator_id: line for line in year.lines}
    seen_ids = set()
    sheet = workbook[SHEET]
    limit = len(lines) + MAX_EXTRA_ROWS  # one row per indicator; more rows are not a filled-in template
    if (sheet.max_row or 0) - FIRST_ROW + 1 > limit:
        preview.errors.append(
            f"Lembar 'Entri' berisi {sheet.max_row} baris, padahal tahun ini punya {len(lines)} indikator; "
            "unduh templat baru dan isi barisnya saja."
        )
        return preview
    for r, cells in enumerate(sheet.iter_rows(min_row=FIRST_ROW, max_col=11), start=FIRST_ROW):
        row = [value_as_shown(cell) for cell in cells]  # 62,87 % typed in a percent cell is 62,87, not 0,6287
        if r - FIRST_ROW >= limit:  # a sheet that declared fewer rows than it holds
            preview.errors.append(f"Lembar 'Entri' berisi lebih dari {limit} baris; tidak dibaca lebih lanjut.")
            return preview
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        row = tuple(row) + (None,) * (11 - len(row))
        raw_id = row[0]
        try:
            indicator_id = int(raw_id)
        except (TypeError, ValueError, OverflowError):
            preview.errors.append(
                f"Baris {r}: kolom ID '{str(raw_id)[:40]}' tidak sah; baris baru ditambahkan lewat halaman entri."
            )
            continue
        line = lines.get(indicator_id)
        if line is None:
            preview.errors.append(f"Baris {r}: indikator ID {indicator_id} tidak ada pada tahun ini.")
            continue
        if indicator_id in seen_ids:
            preview.errors.append(f"Baris {r}: indikator ID {indicator_id} muncul dua kali.")
            continue
        seen_ids.add(indicator_id)
        seen = versions.get(str(indicator_id), {})
        was = shown.get(str(indicator_id), {})
        new_values = {}
        row_changes = []
        for offset, name in enumerate(FIELDS):
            where = f"Baris {r} kolom {FIELD_LABELS[name]}"
            read = _cell_target if name == "target" else _cell_number
            new_values[name] = read(row[4 + offset], where, preview.errors, line.unit)
            before = _shown_number(was.get(name), ranges=name == "target") if name in was else line.figure(name).value
            if new_values[name] != before:
                version = int(seen.get(name, 0)) if str(seen.get(name, 0)).isdigit() else -1
                number, written = _figure(new_values[name])
                preview.writes.append(core.SetFigure(indicator_id, name, number, written, seen_version=version))
                row_changes.append(
                    Change(
                        indicator_id=indicator_id,
                        label=line.name,
                        field=FIELD_LABELS[name],
                        before=stored_target(line.figure(name).value, line.figure(name).raw)
                        if name == "target"
                        else line.figure(name).value,
                        after=new_values[name],
                        seen_version=version,
                    )
                )
        if row_changes:
            capaian = _capaian(line, new_values)
            for change in row_changes:
                change.capaian = capaian
            preview.changes.extend(row_changes)
            if new_values["target"] == 0:
                preview.warnings.append(f"'{line.name}': target 0, capaian tidak dapat dihitung.")
        note = row[10].strip() if isinstance(row[10], str) else ("" if row[10] is None else str(row[10]))
        if len(note) > core.TEXT_LIMITS["note"]:
            preview.errors.append(
                f"Baris {r}: catatan terlalu panjang (paling banyak {core.TEXT_LIMITS['note']} karakter)."
            )
            continue
        if note != was.get("note", line.note):
            version = int(seen.get("note", 0)) if str(seen.get("note", 0)).isdigit() else -1
            preview.writes.append(core.SetNote(indicator_id, note, seen_version=version))
            preview.notes.append((line.name, note))
    if BUDGET_SHEET in workbook.sheetnames:
        money = workbook[BUDGET_SHEET]
        budget = year.budget
        was = shown.get("budget", {})
        version = int(versions.get("budget", 0)) if str(versions.get("budget", 0)).isdigit() else -1
        new_budget = {}
        for column, name in ((1, "anggaran"), (2, "realisasi")):
            value = _cell_number(
                money.cell(row=2, column=column).value, f"Lembar Anggaran kolom {name}", preview.errors
            )
            new_budget[name] = value
            before = _shown_number(was.get(name)) if name in was else getattr(budget, name).value
            if value != before:
                preview.writes.append(
                    core.SetBudget(
                        name, value, format_id(value, 2, strip_zeros=True) if value is not None else "",
                        seen_version=version,
                    )
                )  # fmt: skip
                preview.changes.append(
                    Change(
                        indicator_id=None,
                        label="Anggaran",
                        field=core.LABELS[name],
                        before=getattr(budget, name).value,
                        after=value,
                        seen_version=version,
                    )
                )
        anggaran, realisasi = new_budget["anggaran"], new_budget["realisasi"]
        if anggaran is not None and realisasi is not None and realisasi > anggaran:
            preview.warnings.append("Realisasi anggaran melebihi anggaran.")
    if not preview.errors:
        try:  # the same rules the write will apply: refused here rather than after confirming
            after = year.changed(preview.writes)
        except core.Refused as exc:
            preview.errors.append(str(exc))
        else:  # saved all the same (they may be true), but the year waits for a correction or a note
            preview.warnings.extend(b.message for b in core.outside_bounds_written(after, core.diff(year, after)))
    return preview


def _figure(value: Decimal | str | None) -> tuple[Decimal | None, str]:
    """(number, text written) of a cell read: a target range is kept as its text, with no number."""
    if isinstance(value, str):
        return None, value
    return value, format_id(value, 6, strip_zeros=True) if value is not None else ""


def _capaian(line: core.Line, values: dict) -> str:
    typed = replace(line, figures={name: core.Figure(*_figure(values[name])) for name in FIELDS})
    achieved = typed.capaian
    return format_id(achieved.value, 2) if achieved.value is not None else f"tidak dapat dihitung ({achieved.reason})"


def apply(*, user, agency_year: AgencyYear, stored: list[dict]) -> int:
    """Write previewed changes, all or nothing. Conflicts or a locked year refuse the whole upload."""
    return store.apply(user, agency_year, from_stored(stored), origin="excel").count
