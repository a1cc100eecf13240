"""Read a .docx document: its paragraphs and tables, in body order (python-docx)."""

from __future__ import annotations

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from kinerja.readers.layout import Line


def _cell_texts(row) -> tuple[str, ...]:
    """Cells of a row by grid position: a cell spanning columns is followed by empty cells."""
    texts: list[str] = []
    for tc in row._tr.tc_lst:
        span = tc.grid_span or 1
        text = "\n".join(Paragraph(p, None).text for p in tc.iter(qn("w:p")))
        texts.append(text.replace("\n", " "))
        texts.extend([""] * (span - 1))
    return tuple(texts)


def lines_from_docx(path) -> list[Line]:
    document = open_docx(path)
    lines: list[Line] = []
    number = 0
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            number += 1
            for part in Paragraph(block, document).text.split("\n"):
                lines.append(Line(number, (part,)))
        elif block.tag == qn("w:tbl"):
            for row in Table(block, document).rows:
                number += 1
                lines.append(Line(number, _cell_texts(row)))
    return lines
