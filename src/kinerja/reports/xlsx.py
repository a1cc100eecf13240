"""Render a Report as XLSX (openpyxl): numbers as numbers with Indonesian display formats,
formulas where a reader expects to see how a figure was made, frozen headers, print setup."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.drawing.image import Image as XlImage
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kinerja.reports.model import Cell, Heading, Image, PageBreak, Paragraph, Report, ReportTable, Signatures

# [$-421] is Indonesian: Excel shows 1.234,56 whatever the reader's own locale.
LOCALE = "[$-421]"
BAND_FILL = {"ST": "DCFCE7", "T": "E0F2FE", "S": "FEF9C3", "R": "FFEDD5", "SR": "FEE2E2"}
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E5E7EB")


def number_format(cell: Cell, *, percent: bool) -> str:
    decimals = "0" * cell.decimals
    pattern = "#,##0" + (f".{decimals}" if decimals else "")
    text = cell.text
    if percent or text.endswith(" %"):
        return f'{LOCALE}{pattern}" %"' if text.endswith(" %") else f"{LOCALE}{pattern}"
    if text.startswith("Rp. ") and text.endswith(" (juta)"):
        return f'{LOCALE}"Rp. "{pattern}" (juta)"'
    if text.startswith("Rp. "):
        return f'{LOCALE}"Rp. "{pattern}'
    unit = re.sub(r"^[\d.,-]+\s*", "", text)
    if unit and unit != text:
        return f'{LOCALE}{pattern}" {unit.replace(chr(34), "")}"'
    return f"{LOCALE}{pattern}"


class _Sheets:
    def __init__(self, workbook: Workbook):
        self.workbook = workbook
        self.names: set[str] = set()
        self.sheet = None
        self.row = 1
        self.cached: dict[tuple[str, str], float] = {}  # (sheet, cell) → what its formula comes to

    def new(self, name: str):
        base = re.sub(r"[\[\]:*?/\\]", "-", name or "Laporan")[:28] or "Laporan"
        title, n = base, 2
        while title.lower() in self.names:
            title = f"{base[:25]} {n}"
            n += 1
        self.names.add(title.lower())
        if self.sheet is None:
            self.sheet = self.workbook.active
            self.sheet.title = title
        else:
            self.sheet = self.workbook.create_sheet(title)
        self.row = 1
        return self.sheet


def put_text(cell, text) -> None:
    """Text a person typed goes in as text: a leading '=' is never a live formula in kinerja's files."""
    cell.value = text
    if isinstance(text, str) and text:
        cell.data_type = "s"


def _write_text(sheets: _Sheets, text: str, *, bold=False, size=10, center=False, width=8) -> None:
    cell = sheets.sheet.cell(row=sheets.row, column=1)
    put_text(cell, text)
    cell.font = Font(bold=bold, size=size)
    if center:
        sheets.sheet.merge_cells(start_row=sheets.row, start_column=1, end_row=sheets.row, end_column=width)
        cell.alignment = Alignment(horizontal="center")
    sheets.row += 1


def _write_amounts(sheets: _Sheets, block: Paragraph) -> None:
    """A budget line as cells a reader can add up: the label, the amount in rupiah, the percentage."""
    sheet = sheets.sheet
    put_text(sheet.cell(row=sheets.row, column=1), f"{block.label} :")
    amount = sheet.cell(
        row=sheets.row, column=4, value=int(block.amount) if block.amount % 1 == 0 else float(block.amount)
    )
    amount.number_format = f'{LOCALE}"Rp. "#,##0'
    if block.percent is not None:
        share = sheet.cell(row=sheets.row, column=5, value=float(block.percent / 100))
        share.number_format = f'{LOCALE}"(serapan "0.00%")"'
    sheets.row += 1


def _computed(table: ReportTable) -> dict[tuple[int, int], float]:
    """What each formula cell of the table comes to, worked out as a spreadsheet would from the values written
    in the cells it names (SUM and AVERAGE skip empty and text cells; an empty cell is 0 in a ratio or a
    difference). A formula a spreadsheet would answer with an error or with "" has no entry."""
    results: dict[tuple[int, int], float | None] = {}

    def value(row: int, column: int) -> float | None:
        cell = table.rows[row][column]
        if cell.formula is None:
            numeric = cell.value is not None and table.columns[column].numeric and not cell.covered
            return float(cell.value) if numeric else None
        if (row, column) not in results:
            results[(row, column)] = None  # a formula naming itself comes to nothing
            results[(row, column)] = _evaluate(cell.formula, [value(r, c) for r, c in cell.formula.cells])
        return results[(row, column)]

    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            if cell.formula is not None and not cell.covered:
                value(r, c)
    return {key: number for key, number in results.items() if number is not None}


def _evaluate(formula, operands: list[float | None]) -> float | None:
    numbers = [n for n in operands if n is not None]
    if formula.kind == "sum":
        return sum(numbers)
    if formula.kind == "average":
        return sum(numbers) / len(numbers) if numbers else None
    first, second = (n or 0.0 for n in operands[:2])
    if formula.kind == "ratio":
        return first / second * 100 if second else None
    if formula.kind == "share":
        return first * second / 100
    return first - second


def _table(sheets: _Sheets, table: ReportTable) -> None:
    sheet = sheets.sheet
    computed = _computed(table)
    start = sheets.row
    total = sum(c.width for c in table.columns)
    for c, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row=start, column=c)
        put_text(cell, column.label)  # labels name years and plans, and may one day name what was typed
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        letter = get_column_letter(c)
        current = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(current, round(110 * column.width / total, 1))
        if table.numbering:
            numbered = sheet.cell(row=start + 1, column=c, value=f"({c})")
            numbered.font, numbered.fill, numbered.border = Font(bold=True), HEADER_FILL, BORDER
            numbered.alignment = Alignment(horizontal="center")
    header_rows = 2 if table.numbering else 1
    first = start + header_rows

    def address(row: int, column: int) -> str:
        return f"{get_column_letter(column + 1)}{first + row}"

    for r, row in enumerate(table.rows):
        y = first + r
        for c, cell in enumerate(row):
            target = sheet.cell(row=y, column=c + 1)
            target.border = BORDER
            if cell.covered:
                continue
            column = table.columns[c]
            if cell.formula is not None:
                cells = [address(rr, cc) for rr, cc in cell.formula.cells]
                if cell.formula.kind == "sum":
                    target.value = f"=SUM({','.join(cells)})" if cells else 0
                elif cell.formula.kind == "average":
                    target.value = f"=AVERAGE({','.join(cells)})"
                elif cell.formula.kind == "ratio":
                    target.value = f'=IF({cells[1]}=0,"",{cells[0]}/{cells[1]}*100)'
                elif cell.formula.kind == "share":
                    target.value = f"={cells[0]}*{cells[1]}/100"
                else:
                    target.value = f"={cells[0]}-{cells[1]}"
                target.number_format = number_format(cell, percent=column.percent)
                if (r, c) in computed:
                    sheets.cached[(sheet.title, target.coordinate)] = computed[(r, c)]
            elif cell.value is not None and column.numeric:
                target.value = float(cell.value) if cell.decimals else int(cell.value)
                target.number_format = number_format(cell, percent=column.percent)
            else:
                put_text(target, cell.text)
            target.alignment = Alignment(
                horizontal="right" if column.numeric else "left", vertical="top", wrap_text=not column.numeric
            )
            if cell.bold:
                target.font = Font(bold=True)
            if cell.band in BAND_FILL:
                target.fill = PatternFill("solid", fgColor=BAND_FILL[cell.band])
            if cell.rowspan > 1:
                sheet.merge_cells(start_row=y, start_column=c + 1, end_row=y + cell.rowspan - 1, end_column=c + 1)
    sheets.row = first + len(table.rows)
    for note in table.notes:
        cell = sheet.cell(row=sheets.row, column=1)
        put_text(cell, note)  # a note may start with an indicator's name as typed
        cell.font = Font(italic=True, size=8)
        sheets.row += 1
    sheets.row += 1
    if sheet.freeze_panes is None:
        sheet.freeze_panes = sheet.cell(row=first, column=1)
        sheet.print_title_rows = f"{start}:{first - 1}"


def render_xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheets = _Sheets(workbook)
    pending: list = []  # headings and text that belong above the next table
    collecting = True
    width = 8
    for block in report.blocks:
        if isinstance(block, ReportTable):
            sheets.new(block.sheet or f"Tabel {len(sheets.names) + 1}")
            width = len(block.columns)
            for item in pending:
                _write_block(sheets, item, width)
            pending, collecting = [], False
            _table(sheets, block)
        elif isinstance(block, PageBreak):
            collecting = True
        elif collecting or isinstance(block, Heading):
            pending.append(block)
            collecting = True
        else:
            _write_block(sheets, block, width)
    if sheets.sheet is None:
        sheets.new("Laporan")
    for item in pending:
        _write_block(sheets, item, width)
    for sheet in workbook.worksheets:
        sheet.page_setup.orientation = "landscape" if report.landscape else "portrait"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.oddFooter.center.text = f"{report.title} — &P / &N"
    workbook.properties.title = report.title
    workbook.properties.creator = "kinerja"
    workbook.calculation.fullCalcOnLoad = True  # a spreadsheet program works every formula out again
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_cached_values(buffer.getvalue(), [sheet.title for sheet in workbook.worksheets], sheets.cached)


def _with_cached_values(data: bytes, titles: list[str], cached: dict[tuple[str, str], float]) -> bytes:
    """openpyxl writes a formula with an empty result; a viewer that does not calculate (a phone's preview,
    a program reading the file) then shows an empty cell. Each formula gets the figure it comes to."""
    if not cached:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            content = source.read(item.filename)
            match = _SHEET_FILE.fullmatch(item.filename)
            if match and int(match.group(1)) <= len(titles):
                figures = {ref: number for (sheet, ref), number in cached.items() if sheet == titles[int(match[1]) - 1]}
                content = _FORMULA_CELL.sub(
                    lambda m, figures=figures: _cached_cell(m, figures.get(m.group("ref"))), content.decode("utf-8")
                ).encode("utf-8")
            out.writestr(item, content)
    return buffer.getvalue()


_SHEET_FILE = re.compile(r"xl/worksheets/sheet(\d+)\.xml")
_FORMULA_CELL = re.compile(r'<c r="(?P<ref>[A-Z]+\d+)"(?P<attrs>[^>]*)><f>(?P<formula>[^<]*)</f><v\s*/?>(?:</v>)?</c>')


def _cached_cell(match: re.Match, number: float | None) -> str:
    if number is None:
        return match.group(0)
    return f'<c r="{match.group("ref")}"{match.group("attrs")}><f>{match.group("formula")}</f><v>{number!r}</v></c>'


def _write_block(sheets: _Sheets, block, width: int) -> None:
    if isinstance(block, Heading):
        _write_text(
            sheets,
            block.text,
            bold=True,
            size={1: 13, 2: 11}.get(block.level, 10),
            center=block.level <= 2,
            width=width,
        )
    elif isinstance(block, Paragraph) and block.amount is not None:
        _write_amounts(sheets, block)
    elif isinstance(block, Paragraph):
        _write_text(sheets, block.text, bold=block.bold, center=block.align == "center", width=width)
    elif isinstance(block, Image):
        image = XlImage(io.BytesIO(block.png))
        scale = min(1.0, 900 / image.width)
        image.width, image.height = image.width * scale, image.height * scale
        sheets.sheet.add_image(image, f"A{sheets.row}")
        sheets.row += int(image.height / 20) + 2
        _write_text(sheets, block.caption, size=8)
    elif isinstance(block, Signatures):
        sheets.row += 1
        count = len(block.blocks)
        for i, s in enumerate(block.blocks):
            column = max(1, width - (count - i) * 2 + 1) if count > 1 else max(1, width - 1)
            lines = [s.heading, s.title, "", "", s.name, s.rank, s.nip]
            for offset, text in enumerate(lines):
                cell = sheets.sheet.cell(row=sheets.row + offset, column=column)
                put_text(cell, text or None)
                if text and text == s.name:
                    cell.font = Font(bold=True, underline="single")
        sheets.row += 8
