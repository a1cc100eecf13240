"""Read a .docx document: its paragraphs and tables, in body order (python-docx).

A paragraph is read as Word shows the document with every tracked change accepted: text inserted with
Track Changes on is read, deleted text, deleted table rows and text formatted as hidden are not, and text
inside content controls, hyperlinks and fields is read as shown. (python-docx's own ``Paragraph.text``
drops inserted text and content controls: a figure corrected under review would be read as empty.)"""

from __future__ import annotations

from docx import Document as open_docx
from docx.oxml.ns import qn

from kinerja.readers.layout import Line

_P, _T, _TBL, _TR, _TC, _SDT = (qn(f"w:{name}") for name in ("p", "t", "tbl", "tr", "tc", "sdt"))
_SDT_CONTENT, _BR, _R, _VANISH = qn("w:sdtContent"), qn("w:br"), qn("w:r"), qn("w:vanish")
_CHARACTERS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
# What Word does not show as the paragraph's text: deleted and moved-away text, properties, field codes,
# drawings and text boxes (their paragraphs are not the form's), and the duplicate a file keeps for old readers.
_NOT_SHOWN = frozenset(
    (
        *(qn(f"w:{name}") for name in ("del", "moveFrom", "pPr", "rPr", "instrText", "drawing", "pict", "object")),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    )
)


def _hidden(run) -> bool:
    """A run formatted as hidden text (Font › Hidden): Word neither shows nor prints it."""
    properties = run.find(qn("w:rPr"))
    vanish = properties.find(_VANISH) if properties is not None else None
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


def paragraph_text(p) -> str:
    """The paragraph's text as Word shows it with tracked changes accepted (a line break is '\\n')."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in _CHARACTERS:
                parts.append(_CHARACTERS[tag])
            elif tag == _BR:
                parts.append("" if child.get(qn("w:type")) in ("page", "column") else "\n")
            elif tag not in _NOT_SHOWN and tag != _P and not (tag == _R and _hidden(child)):
                walk(child)

    walk(p)
    return "".join(parts)


def _paragraphs(tc) -> list[str]:
    return [paragraph_text(p) for p in tc.iter(_P)]


def _deleted(tr) -> bool:
    """A table row deleted with Track Changes on: struck through in Word, gone once accepted."""
    properties = tr.find(qn("w:trPr"))
    return properties is not None and properties.find(qn("w:del")) is not None


def _cells(tr) -> list:
    """The row's cells, also those inside a content control that wraps cells."""
    cells = []
    for child in tr:
        if child.tag == _TC:
            cells.append(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            cells.extend(c for c in (content if content is not None else ()) if c.tag == _TC)
    return cells


def _cell_texts(cells) -> tuple[str, ...]:
    """Cells of a row by grid position: a cell spanning columns is followed by empty cells."""
    texts: list[str] = []
    for tc in cells:
        span = tc.grid_span or 1
        texts.append("\n".join(_paragraphs(tc)).replace("\n", " "))
        texts.extend([""] * (span - 1))
    return tuple(texts)


def _text_block(cells) -> list[str] | None:
    """A row used to lay text out rather than hold data (a signature block beside the table): at most
    two filled cells, one of several paragraphs. Its paragraphs are read as lines of their own."""
    paragraphs_of = [_paragraphs(tc) for tc in cells]
    filled = [paragraphs for paragraphs in paragraphs_of if any(p.strip() for p in paragraphs)]
    if not filled or len(filled) > 2 or max(len(p) for p in filled) < 3:
        return None
    return [p for paragraphs in filled for p in paragraphs if p.strip()]


def _blocks(parent):
    """Paragraphs and tables in body order, also those inside a content control around them."""
    for block in parent.iterchildren():
        if block.tag in (_P, _TBL):
            yield block
        elif block.tag == _SDT:
            content = block.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _rows(tbl):
    for child in tbl.iterchildren():
        if child.tag == _TR:
            yield child
        elif child.tag == _SDT:  # rows inside a content control
            content = child.find(_SDT_CONTENT)
            yield from (r for r in (content if content is not None else ()) if r.tag == _TR)


def _wrapped(cells) -> bool:
    """A row of a layout table: one of its cells holds a table of its own (a form placed inside a frame)."""
    return any(child.tag == _TBL for tc in cells for child in tc.iterchildren())


def lines_from_docx(path) -> list[Line]:
    document = open_docx(path)
    lines: list[Line] = []
    count = [0]  # running line number: one per paragraph (its line breaks share it), one per row

    def number() -> int:
        count[0] += 1
        return count[0]

    def paragraph(p) -> None:
        at = number()
        for part in paragraph_text(p).split("\n"):
            lines.append(Line(at, (part,)))

    def table(tbl) -> None:
        for tr in _rows(tbl):
            if _deleted(tr):
                continue
            cells = _cells(tr)
            if _wrapped(cells):  # the frame's cells read in order: their paragraphs, and the tables inside
                for tc in cells:
                    for child in _blocks(tc):
                        (paragraph if child.tag == _P else table)(child)
                continue
            block_lines = _text_block(cells)
            if block_lines is not None:
                for text in block_lines:
                    lines.append(Line(number(), (text,)))
                continue
            lines.append(Line(number(), _cell_texts(cells)))

    for block in _blocks(document.element.body):
        (paragraph if block.tag == _P else table)(block)
    return lines
