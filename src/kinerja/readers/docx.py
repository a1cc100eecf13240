"""Read a .docx document: its paragraphs and tables, in body order (python-docx)."""

from __future__ import annotations

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from kinerja.readers.layout import Line


def _paragraphs(tc) -> list[str]:
    return [Paragraph(p, None).text for p in tc.iter(qn("w:p"))]


def _cell_texts(row) -> tuple[str, ...]:
    """Cells of a row by grid position: a cell spanning columns is followed by empty cells."""
    texts: list[str] = []
    for tc in row._tr.tc_lst:
        span = tc.grid_span or 1
        texts.append("\n".join(_paragraphs(tc)).replace("\n", " "))
        texts.extend([""] * (span - 1))
    return tuple(texts)


def _text_block(row) -> list[str] | None:
    """A row used to lay text out rather than hold data (a signature block beside the table): at most
    two filled cells, one of several paragraphs. Its paragraphs are read as lines of their own."""
    cells = [_paragraphs(tc) for tc in row._tr.tc_lst]
    filled = [paragraphs for paragraphs in cells if any(p.strip() for p in paragraphs)]
    if not filled or len(filled) > 2 or max(len(p) for p in filled) < 3:
        return None
    return [p for paragraphs in filled for p in paragraphs if p.strip()]


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
                block_lines = _text_block(row)
                if block_lines is not None:
                    for text in block_lines:
                        number += 1
                        lines.append(Line(number, (text,)))
                    continue
                number += 1
                lines.append(Line(number, _cell_texts(row)))
    return lines
