"""Bulk entry through Excel: download an agency-year as a template, upload it back, preview every
change and every problem, and only then write — all or nothing."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.core import achievement as rules
from kinerja.core.model import Cumulation, Direction
from kinerja.core.numbers import format_id
from kinerja.core.values import stored_value
from kinerja.core.workflow import Refused

from . import entry
from .forms import parse_number
from .models import AgencyYear, Budget, Indicator, Realisation, Target

SHEET = "Entri"
BUDGET_SHEET = "Anggaran"
VERSIONS_SHEET = "_versi"
COLUMNS = ("ID", "Sasaran", "Indikator", "Satuan", "Target", "TW I", "TW II", "TW III", "TW IV", "Realisasi tahun",
           "Catatan")  # fmt: skip
FIELDS = ("target", "q1", "q2", "q3", "q4", "year")  # columns E..J
FIELD_LABELS = dict(zip(FIELDS, COLUMNS[4:10], strict=True))
FIRST_ROW = 4
LOCALE = "[$-421]"


def _current(agency_year: AgencyYear):
    targets = list(
        Target.objects.filter(indicator__agency=agency_year.agency, year=agency_year.year)
        .select_related("indicator", "sasaran")
        .order_by("position", "id")
    )
    ids = [t.indicator_id for t in targets]
    realisations = {
        (r.indicator_id, r.quarter): r for r in Realisation.objects.filter(indicator_id__in=ids, year=agency_year.year)
    }
    return targets, realisations


def template(agency_year: AgencyYear) -> bytes:
    targets, realisations = _current(agency_year)
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
    versions = {}
    for r, target in enumerate(targets, start=FIRST_ROW):
        indicator = target.indicator
        values = [target.value] + [
            realisations[(indicator.id, q)].value if (indicator.id, q) in realisations else None
            for q in (1, 2, 3, 4, 0)
        ]
        note = realisations[(indicator.id, 0)].note if (indicator.id, 0) in realisations else ""
        row = [indicator.id, target.sasaran.name, indicator.name, indicator.unit, *values, note]
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c, value=float(value) if isinstance(value, Decimal) else value)
            if 5 <= c <= 10:
                cell.number_format = f"{LOCALE}#,##0.##"
                cell.protection = Protection(locked=False)
            elif c == 11:
                cell.protection = Protection(locked=False)
        versions[str(indicator.id)] = {
            "target": target.version,
            **{
                f: realisations[(indicator.id, q)].version if (indicator.id, q) in realisations else 0
                for f, q in zip(FIELDS[1:], (1, 2, 3, 4, 0), strict=True)
            },
        }
    numbers = DataValidation(type="custom", formula1="TRUE", allow_blank=True)
    sheet.add_data_validation(numbers)
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=4)
    for letter, width in zip("ABCDEFGHIJK", (7, 30, 45, 14, 12, 10, 10, 10, 10, 14, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    budget = Budget.objects.filter(agency=agency_year.agency, year=agency_year.year).first()
    money = workbook.create_sheet(BUDGET_SHEET)
    money.append(["Anggaran (Rp)", "Realisasi anggaran (Rp)"])
    money.append(
        [
            float(budget.anggaran) if budget and budget.anggaran is not None else None,
            float(budget.realisasi) if budget and budget.realisasi is not None else None,
        ]
    )
    for cell in money[2]:
        cell.number_format = f"{LOCALE}#,##0"
    versions["budget"] = budget.version if budget else 0
    hidden = workbook.create_sheet(VERSIONS_SHEET)
    hidden["A1"] = json.dumps({"agency_year": agency_year.pk, "versions": versions})
    hidden.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class Change:
    indicator_id: int | None  # None for the budget
    label: str
    field: str
    before: Decimal | None
    after: Decimal | None
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


def _cell_number(value, where: str, errors: list[str]) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        errors.append(f"{where}: '{value}' bukan angka.")
        return None
    if isinstance(value, int | float):
        try:
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            errors.append(f"{where}: '{value}' bukan angka.")
            return None
    try:
        return parse_number(str(value))
    except Exception as exc:  # ValidationError with what was read
        errors.append(f"{where}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
        return None


def read_upload(agency_year: AgencyYear, data: bytes) -> Preview:
    preview = Preview()
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a corrupt file
        preview.errors.append(f"Berkas tidak dapat dibuka sebagai .xlsx ({exc.__class__.__name__}).")
        return preview
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
    targets, realisations = _current(agency_year)
    by_id = {t.indicator_id: t for t in targets}
    seen_ids = set()
    sheet = workbook[SHEET]
    for r, row in enumerate(sheet.iter_rows(min_row=FIRST_ROW, max_col=11, values_only=True), start=FIRST_ROW):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        raw_id = row[0]
        try:
            indicator_id = int(raw_id)
        except (TypeError, ValueError):
            preview.errors.append(
                f"Baris {r}: kolom ID '{raw_id}' tidak sah; baris baru ditambahkan lewat halaman entri."
            )
            continue
        target = by_id.get(indicator_id)
        if target is None:
            preview.errors.append(f"Baris {r}: indikator ID {indicator_id} tidak ada pada tahun ini.")
            continue
        if indicator_id in seen_ids:
            preview.errors.append(f"Baris {r}: indikator ID {indicator_id} muncul dua kali.")
            continue
        seen_ids.add(indicator_id)
        indicator = target.indicator
        new_values = {}
        for offset, name in enumerate(FIELDS):
            new_values[name] = _cell_number(row[4 + offset], f"Baris {r} kolom {FIELD_LABELS[name]}", preview.errors)
        old_values = {"target": target.value}
        for name, quarter in zip(FIELDS[1:], (1, 2, 3, 4, 0), strict=True):
            old = realisations.get((indicator_id, quarter))
            old_values[name] = old.value if old else None
        row_changes = []
        for name in FIELDS:
            if new_values[name] != old_values[name] and not (
                new_values[name] is not None and old_values[name] is not None and new_values[name] == old_values[name]
            ):
                row_changes.append(
                    Change(
                        indicator_id=indicator_id,
                        label=indicator.name,
                        field=name,
                        before=old_values[name],
                        after=new_values[name],
                        seen_version=int(versions.get(str(indicator_id), {}).get(name, 0)),
                    )
                )
        if row_changes:
            capaian = _capaian(indicator, new_values)
            for change in row_changes:
                change.capaian = capaian
            preview.changes.extend(row_changes)
            if new_values["target"] == 0:
                preview.warnings.append(f"'{indicator.name}': target 0, capaian tidak dapat dihitung.")
        note = (row[10] or "").strip() if isinstance(row[10], str) else ("" if row[10] is None else str(row[10]))
        old_note = realisations[(indicator_id, 0)].note if (indicator_id, 0) in realisations else ""
        if note != old_note:
            preview.notes.append((indicator.name, note))
    if BUDGET_SHEET in workbook.sheetnames:
        money = workbook[BUDGET_SHEET]
        budget = Budget.objects.filter(agency=agency_year.agency, year=agency_year.year).first()
        for column, name in ((1, "anggaran"), (2, "realisasi")):
            value = _cell_number(
                money.cell(row=2, column=column).value, f"Lembar Anggaran kolom {name}", preview.errors
            )
            old = getattr(budget, name) if budget else None
            if value != old:
                preview.changes.append(
                    Change(
                        indicator_id=None,
                        label="Anggaran",
                        field=name,
                        before=old,
                        after=value,
                        seen_version=int(versions.get("budget", 0)),
                    )
                )
        budget_new = {c.field: c.after for c in preview.changes if c.indicator_id is None}
        anggaran = budget_new.get("anggaran", budget.anggaran if budget else None)
        realisasi = budget_new.get("realisasi", budget.realisasi if budget else None)
        if anggaran is not None and realisasi is not None and realisasi > anggaran:
            preview.warnings.append("Realisasi anggaran melebihi anggaran.")
    return preview


def _capaian(indicator: Indicator, values: dict) -> str:
    unit = indicator.unit or None
    realisasi = values["year"]
    if realisasi is None:
        realisasi = rules.year_from_quarters(
            [values[q] for q in ("q1", "q2", "q3", "q4")], Cumulation(indicator.cumulation)
        )
    achieved = rules.capaian(
        target=stored_value(values["target"], "", unit),
        realisasi=stored_value(realisasi, "", unit),
        direction=Direction(indicator.direction),
    )
    return format_id(achieved.value, 2) if achieved.value is not None else f"tidak dapat dihitung ({achieved.reason})"


def apply(*, user, agency_year: AgencyYear, changes: list[dict], notes: list[tuple[str, str]]) -> int:
    """Write previewed changes, all or nothing. Conflicts or a locked year refuse the whole upload."""
    count = 0
    with transaction.atomic():
        by_indicator: dict[int, list[entry.Edit]] = {}
        budget_edits = []
        for change in changes:
            value = None if change["after"] is None else Decimal(change["after"])
            edit = entry.Edit(
                field=change["field"],
                value=value,
                seen_version=change["seen_version"],
                raw=format_id(value, 2, strip_zeros=True) if value is not None else "",
            )
            if change["indicator_id"] is None:
                budget_edits.append(edit)
            else:
                by_indicator.setdefault(change["indicator_id"], []).append(edit)
        note_by_name = dict(notes)
        indicators = {i.id: i for i in Indicator.objects.filter(pk__in=by_indicator, agency=agency_year.agency)}
        for indicator_id, edits in by_indicator.items():
            indicator = indicators.get(indicator_id)
            if indicator is None:
                raise Refused("Indikator dalam unggahan tidak ditemukan lagi.")
            count += entry.save_indicator_year(
                user=user,
                agency_year=agency_year,
                indicator=indicator,
                edits=edits,
                note=note_by_name.pop(indicator.name, None),
            )
        for name, note in note_by_name.items():
            indicator = Indicator.objects.filter(agency=agency_year.agency, name=name).first()
            if indicator is not None:
                count += entry.save_indicator_year(
                    user=user, agency_year=agency_year, indicator=indicator, edits=[], note=note
                )
        if budget_edits:
            current = Budget.objects.filter(agency=agency_year.agency, year=agency_year.year).first()
            fields = {e.field for e in budget_edits}
            for name in ("anggaran", "realisasi"):
                if name not in fields:
                    budget_edits.append(
                        entry.Edit(
                            field=name,
                            value=getattr(current, name) if current else None,
                            seen_version=budget_edits[0].seen_version,
                        )
                    )
            count += entry.save_budget(user=user, agency_year=agency_year, edits=budget_edits)
    return count
