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
import zipfile
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import iterparse

from kinerja.core.dates import indonesian_date
from kinerja.core.messages import Listed, say
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


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # a date cell, as a form writes it: 31 Desember 2016
        return indonesian_date(value)
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


def _hidden(archive: zipfile.ZipFile, sheet) -> tuple[set[int], set[int]]:
    """The rows and columns hidden in a sheet (1-based), read from its XML as a stream: openpyxl's read-only
    sheets do not keep them."""
    from kinerja.readers import MAX_XLSX_ROWS

    rows, columns = set(), set()
    member = getattr(sheet, "_worksheet_path", None)
    if not member:
        return rows, columns
    seen = 0
    with archive.open(member.lstrip("/")) as stream:
        for _, element in iterparse(stream):  # openpyxl's own parser, defused when defusedxml is installed
            tag = element.tag.rpartition("}")[2]
            if tag == "row":
                seen += 1
                if seen > MAX_XLSX_ROWS:  # the reading that follows refuses such a sheet, saying why
                    break
                if element.get("hidden") in ("1", "true") and (element.get("r") or "").isdigit():
                    rows.add(int(element.get("r")))
                element.clear()
            elif tag == "col":
                if element.get("hidden") in ("1", "true"):
                    low, high = int(element.get("min", "0")), int(element.get("max", "0"))
                    columns.update(range(low, min(high, MAX_COLUMNS_SEEN) + 1))
            elif tag == "c":
                element.clear()
    return rows, columns


MAX_COLUMNS_SEEN = 16384  # Excel's last column (XFD): a hidden range beyond it means nothing


def _ranges(numbers: list[int], name=str) -> str:
    """1, 2, 3, 7 → '1–3, 7' (``name`` writes each number, e.g. as a column letter)."""
    parts, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(name(start) if start == n else f"{name(start)}–{name(n)}")
            start = None
    return ", ".join(parts[:10]) + (" …" if len(parts) > 10 else "")


def lines_from_xlsx(path, notes: list[str] | None = None) -> list[Line]:
    """Every visible sheet's rows; hidden rows, columns and sheets are left out, as the printed form leaves
    them out, and each is said in ``notes``."""
    notes = notes if notes is not None else []
    workbook = load_workbook(path, read_only=True, data_only=True)
    archive = zipfile.ZipFile(path)
    lines: list[Line] = []
    number = 0
    try:
        for sheet in workbook.worksheets:
            number = _sheet_lines(sheet, archive, lines, number, notes)
    finally:
        archive.close()
        workbook.close()
    return lines


def _sheet_lines(sheet, archive: zipfile.ZipFile, lines: list[Line], number: int, notes: list[str]) -> int:
    """Append one sheet's visible rows to ``lines``; returns the running row number."""
    from kinerja.readers import MAX_XLSX_COLUMNS, MAX_XLSX_ROWS, ReadError

    if (sheet.max_column or 0) > MAX_XLSX_COLUMNS:
        raise ReadError(f"lembar '{sheet.title}' berisi {sheet.max_column} kolom; paling banyak {MAX_XLSX_COLUMNS}")
    if (sheet.max_row or 0) > MAX_XLSX_ROWS:
        raise ReadError(f"lembar '{sheet.title}' berisi {sheet.max_row} baris; paling banyak {MAX_XLSX_ROWS}")
    if getattr(sheet, "sheet_state", "visible") != "visible":
        notes.append(say("read.hidden_sheet", sheet=sheet.title))
        return number
    hidden_rows, hidden_columns = _hidden(archive, sheet)
    skipped = []
    for seen, row in enumerate(sheet.iter_rows(min_row=1, min_col=1, max_col=MAX_XLSX_COLUMNS), start=1):
        if seen > MAX_XLSX_ROWS:  # a sheet that declared fewer rows than it holds
            raise ReadError(f"lembar '{sheet.title}' berisi lebih dari {MAX_XLSX_ROWS} baris")
        number += 1
        # rows and cells come by position from row 1 and column A (gaps as empty cells), so the row's number
        # is ``seen`` and a cell's column its place in the row
        if seen in hidden_rows:
            if any(getattr(c, "value", None) not in (None, "") for c in row):
                skipped.append(seen)
            continue
        if hidden_columns:
            row = tuple(c for column, c in enumerate(row, start=1) if column not in hidden_columns)
        cells = [_cell_text(c) for c in row]
        _join_place_and_date(row, cells)
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            lines.append(Line(number, ("",)))
            continue
        lines.append(Line(number, tuple(cells) if len(cells) > 1 or not cells[0] else (cells[0],)))
    left_out = []
    if skipped:
        left_out.append(say("read.hidden_rows", ranges=_ranges(sorted(skipped))))
    used = sorted(c for c in hidden_columns if c <= (sheet.max_column or 0))
    if used:
        left_out.append(say("read.hidden_columns", ranges=_ranges(used, get_column_letter)))
    if left_out:
        notes.append(say("read.hidden_cells", sheet=sheet.title, hidden=Listed(tuple(left_out))))
    return number
