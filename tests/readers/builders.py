"""Save the sample's lines as .docx and .xlsx the way an agency's office files hold them."""

from __future__ import annotations

from pathlib import Path

import docx
from openpyxl import Workbook


def blocks(text: str):
    """Paragraph lines and runs of tab-separated lines (tables), in order."""
    table: list[list[str]] = []
    for line in text.splitlines():
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield "table", table
            table = []
        yield "paragraph", line
    if table:
        yield "table", table


def write_docx(text: str, path: Path) -> Path:
    document = docx.Document()
    for kind, content in blocks(text):
        if kind == "paragraph":
            document.add_paragraph(content)
            continue
        width = max(len(r) for r in content)
        table = document.add_table(rows=len(content), cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(content):
            for c, cell in enumerate(cells):
                table.cell(r, c).text = cell
    document.save(path)
    return path


def write_xlsx(text: str, path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Pengukuran Kinerja"
    for kind, content in blocks(text):
        if kind == "paragraph":
            sheet.append([content])
        else:
            for cells in content:
                sheet.append(cells)
    workbook.save(path)
    return path
