"""Render a Report as DOCX (python-docx): real Word tables and styles an agency can still edit."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from kinerja.reports.model import Heading, Image, PageBreak, Paragraph, Report, ReportTable, Signatures

BAND_FILL = {"ST": "DCFCE7", "T": "E0F2FE", "S": "FEF9C3", "R": "FFEDD5", "SR": "FEE2E2"}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _set_cell(cell, text: str, *, bold=False, right=False, size=8) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _table(document, table: ReportTable, width_cm: float) -> None:
    header_rows = 2 if table.numbering else 1
    grid = document.add_table(rows=header_rows + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Every cell, found once. python-docx's grid.cell(r, c) and column.cells walk the whole table on
    # each call: a 200-row LKjIP table took seconds.
    cells = [row.cells for row in grid.rows]
    total = sum(c.width for c in table.columns)
    for c, column in enumerate(table.columns):
        for row_cells in cells:
            row_cells[c].width = Cm(width_cm * column.width / total)
        _set_cell(cells[0][c], column.label, bold=True)
        cells[0][c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cells[0][c], "E5E7EB")
        if table.numbering:
            _set_cell(cells[1][c], f"({c + 1})", bold=True)
            cells[1][c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _shade(cells[1][c], "E5E7EB")
    for r in range(header_rows):
        _repeat_header(grid.rows[r])
    for r, row in enumerate(table.rows):
        y = header_rows + r
        for c, cell in enumerate(row):
            if cell.covered:
                continue
            target = cells[y][c]
            _set_cell(target, cell.text, bold=cell.bold, right=table.columns[c].numeric)
            if cell.band in BAND_FILL:
                _shade(target, BAND_FILL[cell.band])
            if cell.rowspan > 1:
                target.merge(cells[y + cell.rowspan - 1][c])
                # merging concatenates the covered cells' empty paragraphs: keep the one with the text
                for extra in target.paragraphs[1:]:
                    extra._element.getparent().remove(extra._element)
    for note in table.notes:
        paragraph = document.add_paragraph(note, style="Caption")
        paragraph.paragraph_format.space_after = Pt(0)
    document.add_paragraph()


def _signatures(document, block: Signatures) -> None:
    count = max(2, len(block.blocks))
    grid = document.add_table(rows=1, cols=count)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    start = count - len(block.blocks)
    for i, s in enumerate(block.blocks):
        cell = grid.cell(0, start + i)
        cell.text = ""
        lines = [
            (s.heading, False),
            (s.title, False),
            ("", False),
            ("", False),
            (s.name, True),
            (s.rank, False),
            (s.nip, False),
        ]
        first = True
        for text, bold in lines:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            run = paragraph.add_run(text)
            run.bold = bold
            run.underline = bold


def render_docx(report: Report) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if report.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    width_cm = (section.page_width - section.left_margin - section.right_margin) / 360000
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    document.core_properties.title = report.title
    document.core_properties.author = "kinerja"
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.size = Pt({1: 14, 2: 12, 3: 10.5}[level])
    for block in report.blocks:
        if isinstance(block, Heading):
            heading = document.add_heading(block.text, level=min(block.level, 3))
            if block.level <= 2:
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            paragraph.alignment = ALIGN[block.align]
            run = paragraph.add_run(block.text)
            run.bold = block.bold
        elif isinstance(block, ReportTable):
            _table(document, block, width_cm)
        elif isinstance(block, Image):
            document.add_picture(io.BytesIO(block.png), width=Cm(min(block.width_cm, width_cm)))
            document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            document.add_paragraph(block.caption, style="Caption").alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Signatures):
            _signatures(document, block)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
