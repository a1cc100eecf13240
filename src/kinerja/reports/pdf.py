"""Render a Report as PDF (reportlab): A4, repeated table headers, fonts that carry Indonesian text."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Image as PdfImage
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph

from kinerja.reports.model import Heading, Image, PageBreak, Paragraph, Report, ReportTable, Signatures

BAND_FILL = {
    "ST": colors.HexColor("#dcfce7"),
    "T": colors.HexColor("#e0f2fe"),
    "S": colors.HexColor("#fef9c3"),
    "R": colors.HexColor("#ffedd5"),
    "SR": colors.HexColor("#fee2e2"),
}
HEADER_FILL = colors.HexColor("#e5e7eb")


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """DejaVu Sans (shipped with matplotlib, a dependency) covers Indonesian text and ≥ ÷ × – symbols.
    The font files are found without importing matplotlib (half a second a report needs no charts for)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    folder = Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"
    if not (folder / "DejaVuSans.ttf").is_file():  # an unusual installation: ask matplotlib itself
        import matplotlib

        folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Oblique", str(folder / "DejaVuSans-Oblique.ttf")))
    pdfmetrics.registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-Bold",
    )
    return "DejaVuSans", "DejaVuSans-Bold"


def _styles():
    regular, bold = fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=9, leading=11.5)
    return {
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12.5, leading=15, alignment=TA_CENTER),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=10.5, leading=13, alignment=TA_CENTER),
        "h3": ParagraphStyle("h3", parent=base, fontName=bold, fontSize=9.5, leading=12, spaceBefore=8, spaceAfter=3),
        "left": ParagraphStyle("left", parent=base, spaceAfter=2),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER, spaceAfter=2),
        "justify": ParagraphStyle("justify", parent=base, alignment=TA_JUSTIFY, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontName=bold, fontSize=7.5, leading=9, alignment=TA_CENTER),
        "note": ParagraphStyle("note", parent=base, fontSize=7, leading=8.5, textColor=colors.HexColor("#374151")),
        "caption": ParagraphStyle("caption", parent=base, fontSize=8, alignment=TA_CENTER),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_CENTER, leading=12),
        "bold_cell": ParagraphStyle("bold_cell", parent=base, fontName=bold, fontSize=7.5, leading=9),
        "bold_right": ParagraphStyle(
            "bold_right", parent=base, fontName=bold, fontSize=7.5, leading=9, alignment=TA_RIGHT
        ),
    }


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _table(table: ReportTable, width: float, styles) -> list:
    total = sum(c.width for c in table.columns)
    widths = [width * c.width / total for c in table.columns]
    if table.compact:
        styles = {**styles, **{k: ParagraphStyle(f"{k}_compact", parent=styles[k], fontSize=6.5, leading=7.8)
                                for k in ("head", "cell", "cell_right", "bold_cell", "bold_right")}}  # fmt: skip
    header = [PdfParagraph(_text(c.label), styles["head"]) for c in table.columns]
    data = [header]
    if table.numbering:
        data.append([PdfParagraph(f"({i + 1})", styles["head"]) for i in range(len(table.columns))])
    header_rows = len(data)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, row in enumerate(table.rows):
        cells = []
        for c, cell in enumerate(row):
            if cell.covered:
                cells.append("")
                continue
            numeric = table.columns[c].numeric
            style = styles[
                ("bold_right" if numeric else "bold_cell") if cell.bold else ("cell_right" if numeric else "cell")
            ]
            cells.append(PdfParagraph(_text(cell.text), style))
            y = header_rows + r
            if cell.rowspan > 1:
                commands.append(("SPAN", (c, y), (c, y + cell.rowspan - 1)))
            if cell.band in BAND_FILL:
                commands.append(("BACKGROUND", (c, y), (c, y), BAND_FILL[cell.band]))
        data.append(cells)
    if table.footer_rows:
        commands.append(("BACKGROUND", (0, len(data) - table.footer_rows), (-1, -1), colors.HexColor("#f3f4f6")))
    flowable = Table(data, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    flowable.setStyle(TableStyle(commands))
    parts: list = [flowable]
    for note in table.notes:
        parts.append(PdfParagraph(_text(note), styles["note"]))
    parts.append(Spacer(1, 6))
    return parts


def _signatures(block: Signatures, width: float, styles):
    columns = []
    for s in block.blocks:
        # every line is text: only the spacing and the name's emphasis are markup, made here
        lines = [escape(s.heading or ""), escape(s.title or ""), "<br/><br/>", f"<u><b>{escape(s.name)}</b></u>"]
        lines += [escape(s.rank or ""), escape(s.nip or "")]
        columns.append(PdfParagraph("<br/>".join(line for line in lines if line), styles["sign"]))
    if len(columns) == 1:
        columns = ["", columns[0]]
    table = Table([columns], colWidths=[width / len(columns)] * len(columns))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 10), table])


def render_pdf(report: Report) -> bytes:
    styles = _styles()
    paper = A3 if report.paper == "A3" else A4
    pagesize = landscape(paper) if report.landscape else paper
    buffer = io.BytesIO()
    margin = 1.5 * cm
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=report.title,
        author="kinerja",
        subject=report.title,
    )
    width = pagesize[0] - 2 * margin
    story: list = []
    for block in report.blocks:
        if isinstance(block, Heading):
            style = styles[{1: "h1", 2: "h2"}.get(block.level, "h3")]
            if block.level >= 3:
                story.append(CondPageBreak(4 * cm))
            story.append(PdfParagraph(_text(block.text), style))
        elif isinstance(block, Paragraph):
            text = f"<b>{_text(block.text)}</b>" if block.bold else _text(block.text)
            story.append(
                PdfParagraph(text, styles[{"center": "center", "justify": "justify"}.get(block.align, "left")])
            )
        elif isinstance(block, ReportTable):
            story.append(Spacer(1, 4))
            story.extend(_table(block, width, styles))
        elif isinstance(block, Image):
            image = PdfImage(io.BytesIO(block.png))
            scale = min(block.width_cm * cm, width) / image.imageWidth
            image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
            max_height = pagesize[1] - 2 * margin - 2 * cm
            if image.drawHeight > max_height:
                shrink = max_height / image.drawHeight
                image.drawWidth, image.drawHeight = image.drawWidth * shrink, max_height
            story.append(KeepTogether([image, PdfParagraph(_text(block.caption), styles["caption"])]))
        elif isinstance(block, Signatures):
            story.append(_signatures(block, width, styles))
        elif isinstance(block, PageBreak):
            story.append(PdfPageBreak())
    regular, _ = fonts()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(regular, 7)
        canvas.drawString(margin, margin / 2, report.title)
        canvas.drawRightString(pagesize[0] - margin, margin / 2, f"Halaman {doc.page}")
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
