"""The Rencana Aksi through Excel: download a PK's quarterly targets and budget as a workbook, fill it
in (as a planner does, by hand: numbers typed as Excel numbers or as Indonesian text), upload it back.
Every row is checked by the same rule as the page (kinerja.core.action_plan); the upload is saved all
or nothing. Limits come before parsing: the zip is checked, the sheet read read-only, rows capped."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill, Protection

from kinerja.core.numbers import decimal_text
from kinerja.core.workflow import Refused
from kinerja.readers import ReadError, check_limits
from kinerja.readers.xlsx import value_as_shown
from kinerja.reports.xlsx import put_text

from . import action_plans
from .bulk import _cell_number
from .models import Agreement

SHEET = "Rencana Aksi"
HEADER = (
    "ID", "Indikator", "Satuan", "Target tahun",
    "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
    "Anggaran TW I", "Anggaran TW II", "Anggaran TW III", "Anggaran TW IV", "Alasan",
)  # fmt: skip
MAX_EXTRA_ROWS = 1000
LOCALE = "[$-421]"


def template(agreement: Agreement) -> bytes:
    import io

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    who = agreement.first_party.name if agreement.first_party_id else agreement.get_level_display()
    agency = agreement.agency.name_in(agreement.year)
    sheet["A1"] = f"Rencana Aksi {agency} tahun {agreement.year} — {who} (PK versi {agreement.version})"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = "Isi target dan anggaran per triwulan, dan alasan bila target triwulan tidak membawa target tahunan."
    for c, label in enumerate(HEADER, start=1):
        cell = sheet.cell(row=3, column=c, value=label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E5E7EB")
    for r, row in enumerate(action_plans.rows(agreement, with_realisations=False), start=4):
        values = [
            row.item.pk, row.item.indicator, row.item.unit, row.item.target,
            *(c.target for c in row.quarters), *(c.anggaran for c in row.quarters), row.item.plan_reason,
        ]  # fmt: skip
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            put_text(cell, float(value) if isinstance(value, Decimal) else value)  # typed text is never a formula
            if 5 <= c <= 13:
                cell.protection = Protection(locked=False)
            if 4 <= c <= 12:
                cell.number_format = f"{LOCALE}#,##0.##"
    for letter, width in zip("ABCDEFGHIJKLM", (7, 45, 12, 12, 11, 11, 11, 11, 14, 14, 14, 14, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read(agreement: Agreement, data: bytes) -> tuple[dict, list[str]]:
    """{item id: ({quarter: (target, anggaran)}, reason)} as typed, and the problems found reading it."""
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kinerja-renaksi-") as folder:
        path = Path(folder) / "renaksi.xlsx"
        path.write_bytes(data)
        try:
            check_limits(path)
            workbook = load_workbook(path, read_only=True, data_only=True)
        except ReadError as exc:
            return {}, [f"Berkas tidak dibaca: {str(exc).replace('renaksi.xlsx: ', '')}."]
        except Exception as exc:  # not a zip, or a workbook openpyxl cannot open
            return {}, [f"Berkas tidak dapat dibuka sebagai .xlsx ({exc.__class__.__name__})."]
        try:
            return _read(agreement, workbook, errors)
        finally:
            workbook.close()


def _read(agreement: Agreement, workbook, errors: list[str]) -> tuple[dict, list[str]]:
    if SHEET not in workbook.sheetnames:
        return {}, [f"Lembar '{SHEET}' tidak ada; unduh templat Rencana Aksi dari halaman Rencana Aksi."]
    items = {item.pk: item for item in agreement.items.all()}
    sheet = workbook[SHEET]
    header_row, header = None, {}
    limit = len(items) + MAX_EXTRA_ROWS
    found: dict = {}
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if number > limit + 10:
            errors.append(f"Lembar '{SHEET}' berisi lebih dari {limit} baris; isi baris indikator saja.")
            break
        cells = [value_as_shown(cell) for cell in row]
        if header_row is None:
            labels = [str(c).strip() if c is not None else "" for c in cells]
            if "ID" in labels and "Target TW I" in labels:
                header_row, header = number, {label: i for i, label in enumerate(labels) if label}
            continue
        raw_id = cells[header["ID"]] if header["ID"] < len(cells) else None
        if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
            continue  # a blank row, or the notes a person writes below the table
        try:
            item_id = int(float(str(raw_id).strip()))
        except ValueError:
            continue  # a block of text below the table
        if item_id not in items:
            errors.append(f"Baris {number}: ID {item_id} bukan indikator perjanjian kinerja ini.")
            continue

        entries = {}
        for q, name in enumerate(("TW I", "TW II", "TW III", "TW IV"), start=1):
            target = _cell_number(_cell(cells, header, f"Target {name}"), f"Baris {number}, Target {name}", errors)
            anggaran = _cell_number(
                _cell(cells, header, f"Anggaran {name}"), f"Baris {number}, Anggaran {name}", errors
            )
            entries[q] = (_typed(target), _typed(anggaran))
        reason = _cell(cells, header, "Alasan")
        found[item_id] = (entries, str(reason).strip()[:2000] if reason is not None else "")
    if header_row is None:
        errors.append("Baris judul kolom (ID, Target TW I, …) tidak ditemukan; pakai templat Rencana Aksi.")
    return found, errors


def _cell(cells: list, header: dict, label: str):
    index = header.get(label)
    return cells[index] if index is not None and index < len(cells) else None


def _typed(value: Decimal | None) -> str:
    """A number read from a cell, written back the way a person types it for action_plans.save."""
    if value is None:
        return ""
    text = decimal_text(value)
    whole, _, fraction = text.partition(".")
    return whole + ("," + fraction if fraction else "")


def apply(user, agreement: Agreement, found: dict) -> int:
    """Save every row, or none: the first refusal names its row and undoes the others."""
    items = {item.pk: item for item in agreement.items.all()}
    with transaction.atomic():
        for item_id, (entries, reason) in found.items():
            try:
                action_plans.save(user, agreement, items[item_id], entries, reason)
            except Refused as exc:
                raise Refused(gettext("Tidak ada yang disimpan: %(exc)s") % {"exc": exc}) from None
    return len(found)
