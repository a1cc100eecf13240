"""Read an .xlsx workbook: every sheet's rows in order; a row with one cell is a paragraph.

A cell is read as the person sees it in Excel: a number with a percent format (Excel stores
"62,87 %" as 0,6287) is read as 62,87 %, with the decimals its format shows; a number with a format of
fixed decimals ('0.00', '#,##0.00') as it shows (a % worked out by a formula, 109,8977505112474, is the
109,90 on the page); a number in General format as stored, to at most six decimals (a formula's binary
noise, 83,33333333333334, is not a figure anyone wrote). A number cell is never ambiguous: '1,555' from a
number cell is 1,555, whatever the same text typed would allow (kinerja.core.values.ShownNumber)."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from kinerja.core.numbers import MAX_DECIMALS, MAX_WHOLE_DIGITS, decimals_of, format_plain, quantize
from kinerja.core.values import ShownNumber
from kinerja.readers.layout import Line

_PERCENT = re.compile(r'(?<!\\)%(?=(?:[^"]*"[^"]*")*[^"]*$)')  # a % that is not escaped or quoted


def _percent_decimals(number_format: str | None) -> int | None:
    """The decimals a percent format shows ('0.00%' → 2), or None when the format is no percentage."""
    if not number_format or not _PERCENT.search(number_format):
        return None
    section = number_format.split(";")[0]
    match = re.search(r"\.([0#?]+)", section)
    return len(match.group(1)) if match else 0


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literal text, escapes, [$-421] and colours, padding


def _fixed_decimals(number_format: str | None) -> int | None:
    """The decimals a number format fixes ('0.00' → 2, '"Rp. "#,##0' → 0), or None for General, a date or
    time, text or a scientific format, which fix none."""
    if not number_format or number_format.lower() == "general":
        return None
    section = _QUOTED.sub("", number_format.split(";")[0])
    if re.search(r"[eEyYmMdDhHsS@]", section) or not re.search(r"[0#?]", section):
        return None
    match = re.search(r"\.([0#?]+)", section)
    return len(match.group(1)) if match else 0


def _shown_number(cell) -> ShownNumber | None:
    """A number cell as the person sees it (see the module's note); None for any other cell, and for a
    figure beyond kinerja's limits, which is then read as text and refused with its reason."""
    value = cell.value
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    number_format = getattr(cell, "number_format", None)
    decimals = _percent_decimals(number_format)
    if decimals is not None:
        number, unit = quantize(number * 100, decimals), "%"
    else:
        unit = None
        decimals = _fixed_decimals(number_format)
        if decimals is None:
            decimals = min(decimals_of(number), MAX_DECIMALS)
        number = quantize(number, decimals)
    if len(str(abs(int(number)))) > MAX_WHOLE_DIGITS:
        return None
    return ShownNumber.of(number, decimals, unit)


def value_as_shown(cell):
    """A cell's value as the person saw it: a number in a percent-formatted cell is the percentage
    shown (Excel keeps 62,87 % as 0,6287), exactly; anything else as it is."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _percent_decimals(getattr(cell, "number_format", None)) is not None:
            return Decimal(repr(value)) * 100
    return value


def _cell_text(cell) -> str:
    from kinerja.readers import MAX_CELL_CHARS, ReadError

    value = cell.value
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise ReadError(
            f"sel {getattr(cell, 'coordinate', '')} berisi {len(value)} karakter; paling banyak {MAX_CELL_CHARS}"
        )
    if isinstance(value, float) or (
        isinstance(value, int)
        and not isinstance(value, bool)
        and _percent_decimals(getattr(cell, "number_format", None)) is not None
    ):
        shown = _shown_number(cell)
        if shown is not None:
            return shown
    return _text(value)


_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember")  # fmt: skip


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # a date cell, as a form writes it: 31 Desember 2016
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # A number stored as a number: write it the Indonesian way so it reads back unchanged.
        return format_plain(Decimal(repr(value)))
    return str(value)


def _join_place_and_date(row, cells: list[str]) -> None:
    """'Martapura,' in one cell and the date in the next look like one line in the sheet and are one line to
    kinerja: 'Martapura, 31 Desember 2016', where the signature block begins."""
    for i in range(len(cells) - 1):
        if cells[i].rstrip().endswith(",") and isinstance(getattr(row[i + 1], "value", None), date):
            cells[i], cells[i + 1] = f"{cells[i].rstrip()} {cells[i + 1]}", ""


def lines_from_xlsx(path) -> list[Line]:
    from kinerja.readers import MAX_XLSX_COLUMNS, MAX_XLSX_ROWS, ReadError

    workbook = load_workbook(path, read_only=True, data_only=True)
    lines: list[Line] = []
    number = 0
    for sheet in workbook.worksheets:
        if (sheet.max_column or 0) > MAX_XLSX_COLUMNS:
            workbook.close()
            raise ReadError(f"lembar '{sheet.title}' berisi {sheet.max_column} kolom; paling banyak {MAX_XLSX_COLUMNS}")
        if (sheet.max_row or 0) > MAX_XLSX_ROWS:
            workbook.close()
            raise ReadError(f"lembar '{sheet.title}' berisi {sheet.max_row} baris; paling banyak {MAX_XLSX_ROWS}")
        for seen, row in enumerate(sheet.iter_rows(max_col=MAX_XLSX_COLUMNS), start=1):
            if seen > MAX_XLSX_ROWS:  # a sheet that declared fewer rows than it holds
                workbook.close()
                raise ReadError(f"lembar '{sheet.title}' berisi lebih dari {MAX_XLSX_ROWS} baris")
            number += 1
            cells = [_cell_text(c) for c in row]
            _join_place_and_date(row, cells)
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                lines.append(Line(number, ("",)))
                continue
            lines.append(Line(number, tuple(cells) if len(cells) > 1 or not cells[0] else (cells[0],)))
    workbook.close()
    return lines
