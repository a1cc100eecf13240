"""A report as plain data: headings, paragraphs, tables, images, signatures.

Builders (build.py) make a Report once; each renderer (pdf.py, docx.py, xlsx.py) turns the same
Report into bytes, so the three formats carry the same content. Nothing here touches the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    label: str
    width: float = 1.0  # relative
    numeric: bool = False
    percent: bool = False  # a percentage figure (xlsx display format)


@dataclass(frozen=True, slots=True, kw_only=True)
class Formula:
    """How a reader of the spreadsheet expects a figure to be made, over (row, column) cells of the
    same table: "sum" and "average" of the cells; "ratio" cells[0] ÷ cells[1] × 100;
    "difference" cells[0] − cells[1]; "share" cells[0] × cells[1] ÷ 100 (a weight times a percentage of
    it). The xlsx renderer writes it as an Excel formula; the other
    formats show the cell's value."""

    kind: Literal["sum", "average", "ratio", "difference", "share"]
    cells: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    text: str
    value: Decimal | None = None  # the number behind the text, when there is one
    decimals: int = 2
    rowspan: int = 1
    covered: bool = False  # inside another cell's rowspan
    bold: bool = False
    band: str | None = None  # achievement category code, for colour
    formula: Formula | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportTable:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    numbering: bool = False  # a "(1) (2) (3)" row under the header, as the forms have
    footer_rows: int = 0  # the last rows are totals / averages
    notes: tuple[str, ...] = ()
    sheet: str = ""  # worksheet name in the xlsx
    compact: bool = False  # a smaller type in PDF, for forms with many columns (the Evaluasi Renja)


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    text: str
    align: Literal["left", "center", "justify"] = "left"
    bold: bool = False
    # a budget line: spreadsheets write the label, the amount (Rp) and the percentage as cells of their own
    label: str = ""
    amount: Decimal | None = None
    percent: Decimal | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    png: bytes
    caption: str
    width_cm: float = 16.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    heading: str  # "PIHAK PERTAMA", or the place and date
    title: str  # jabatan
    name: str
    rank: str = ""
    nip: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Signatures:
    blocks: tuple[Signature, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PageBreak:
    pass


Block = Heading | Paragraph | ReportTable | Image | Signatures | PageBreak


@dataclass(slots=True, kw_only=True)
class Report:
    title: str
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = True
    filename: str = "laporan"
    paper: str = "A4"  # "A3" for forms too wide for A4 (the Evaluasi Renja's 28 columns)

    def add(self, *blocks: Block) -> Report:
        self.blocks.extend(blocks)
        return self

    def tables(self) -> list[ReportTable]:
        return [b for b in self.blocks if isinstance(b, ReportTable)]
