"""Read an .xlsx workbook: every sheet's rows in order; a row with one cell is a paragraph."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from kinerja.core.numbers import format_plain
from kinerja.readers.layout import Line


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # A number stored as a number: write it the Indonesian way so it reads back unchanged.
        return format_plain(Decimal(repr(value)))
    return str(value)


def lines_from_xlsx(path) -> list[Line]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    lines: list[Line] = []
    number = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            number += 1
            cells = [_text(v) for v in row]
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                lines.append(Line(number, ("",)))
                continue
            lines.append(Line(number, tuple(cells) if len(cells) > 1 or not cells[0] else (cells[0],)))
    workbook.close()
    return lines
