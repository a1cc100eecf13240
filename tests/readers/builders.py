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


def write_pdf(text: str, path: Path) -> Path:
    """A text-based PDF with ruled tables, as a word processor exports it (reportlab)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=7, leading=8)
    story = []
    for kind, content in blocks(text):
        if kind == "paragraph":
            story.append(Paragraph(escape(content), styles["BodyText"]) if content.strip() else Spacer(1, 4))
            continue
        width = max(len(r) for r in content)
        rows = [[Paragraph(escape(c), cell) for c in r] + [""] * (width - len(r)) for r in content]
        widths = [(landscape(A4)[0] - 72) / width] * width
        if width >= 5:  # the indicator columns get the room
            widths = [110, 150] + [(landscape(A4)[0] - 72 - 260) / (width - 2)] * (width - 2)
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=36, rightMargin=36).build(story)
    return path


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<i>", "\x00")
        .replace("</i>", "\x01")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\x00", "<i>")
        .replace("\x01", "</i>")
        .replace("**", "")
    )
