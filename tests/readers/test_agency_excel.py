"""The sample's 2015 and 2016 forms as an agency keeps them in Excel and Word, made by hand: the
sasaran merged down its rows, the unit in its own column, figures as numbers (percentages with a
percent format) mixed with text cells as typed, the budget below the table with the label and the
amount in separate cells, and the signature block on the right. Each reads to the same rows, figures,
budget, signatory, findings and year decision as the .txt, including the 2015 title that wrongly
says 2016."""

import re
from decimal import Decimal

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment

from kinerja.core.model import DocKind
from kinerja.core.numbers import format_id
from kinerja.pipeline import check_files

TITLE_YEAR = {2015: 2016, 2016: 2016}  # the 2015 form's title says 2016
AGENCY_TITLE = {2015: "DINAS KOPERASI DAN USAHA MIKRO", 2016: "DINAS KOPERASI DAN UMKM"}  # as the forms have them
ACROSS_YEARS = {"unit_changed", "magnitude_outlier", "agency_name_differs"}  # need the sample's other forms


def form(sample_path, year):
    result = check_files([sample_path])
    index, document = next((i, d) for i, d in enumerate(result.documents) if d.year == year and d.rows[0].sasaran)
    return result, index, document


def typed(value) -> str | None:
    """A figure as it was typed: an ambiguous '24,450' stays text, exactly as the form has it."""
    return value.raw if value.raw and re.fullmatch(r"\d{1,3},\d{3}", value.raw.strip()) else None


def rupiah(value) -> str:
    return f"Rp. {format_id(value.number, 0)}"


def signature_lines(document) -> list[str]:
    signed = document.signatory
    day = f"{signed.date.day} Desember {signed.date.year}"
    return [f"{signed.place}, {day}", "Kepala Dinas,", "", "", signed.name, signed.rank, "NIP. 19600512 198503 1 025"]


def workbook(document, path):
    book = Workbook()
    sheet = book.active
    sheet.title = f"PK {document.year}"
    for text in (
        "PENGUKURAN KINERJA",
        AGENCY_TITLE[document.year],
        "KABUPATEN BANJAR",
        f"TAHUN {TITLE_YEAR[document.year]}",
    ):
        sheet.append([text])
    sheet.append([])
    sheet.append(["Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian"])
    start = None
    for row in document.rows:
        r = sheet.max_row + 1
        if start is None or row.sasaran != sheet.cell(start, 1).value:
            if start is not None and r - 1 > start:
                sheet.merge_cells(start_row=start, start_column=1, end_row=r - 1, end_column=1)
            start = r
            sheet.cell(r, 1, row.sasaran).alignment = Alignment(vertical="top", wrap_text=True)
        sheet.cell(r, 2, row.indikator)
        sheet.cell(r, 3, row.satuan)
        for column, value in ((4, row.target), (5, row.realisasi)):
            cell = sheet.cell(r, column)
            if not value.is_number or typed(value):
                cell.value = typed(value) or value.raw  # "4 BPR/12 LKM", "24,450": text cells, as typed
            elif row.satuan == "%":
                cell.value, cell.number_format = float(value.number / 100), "0.00%"  # Excel keeps 0,625
            else:
                cell.value = float(value.number) if value.number % 1 else int(value.number)
                cell.number_format = "#,##0.##" if value.number % 1 else "#,##0"
        reported = row.capaian_reported
        if reported is not None and typed(reported):
            sheet.cell(r, 6, typed(reported))
        elif reported is not None and reported.is_number:
            sheet.cell(r, 6, float(reported.number)).number_format = "0.00"
        elif reported is not None and reported.raw:
            sheet.cell(r, 6, reported.raw)
    if start is not None and sheet.max_row > start:
        sheet.merge_cells(start_row=start, start_column=1, end_row=sheet.max_row, end_column=1)
    sheet.append([])
    r = sheet.max_row + 1
    sheet.cell(r, 1, f"Jumlah Anggaran Kegiatan Tahun {document.year}")  # the label in one cell ...
    sheet.cell(r, 4, int(document.budget.anggaran.number)).number_format = '"Rp. "#,##0'  # ... the amount in another
    sheet.cell(r + 1, 1, f"Jumlah Realisasi Anggaran Kegiatan Tahun {document.year}")
    sheet.cell(r + 1, 4, rupiah(document.budget.realisasi))  # typed as text
    for i, text in enumerate(signature_lines(document)):
        sheet.cell(r + 3 + i, 6, text or None)  # on the right, under the % column
    book.save(path)
    return path


def word(document, path):
    out = docx.Document()
    for text in (
        "PENGUKURAN KINERJA",
        AGENCY_TITLE[document.year],
        "KABUPATEN BANJAR",
        f"TAHUN {TITLE_YEAR[document.year]}",
    ):
        out.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = out.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target",
                                                  "Realisasi", "% Capaian"), strict=True):  # fmt: skip
        cell.text = text
    first = None
    for row in document.rows:
        cells = table.add_row().cells
        index = len(table.rows) - 1
        if first is None or row.sasaran != table.cell(first, 0).text:
            if first is not None and index - 1 > first:
                table.cell(first, 0).merge(table.cell(index - 1, 0))  # the sasaran merged down its rows
            first = index
            cells[0].text = row.sasaran
        cells[1].text = row.indikator
        cells[2].text = row.satuan or ""
        cells[3].text = row.target.raw or ""
        cells[4].text = row.realisasi.raw or ""
        cells[5].text = (row.capaian_reported.raw or "") if row.capaian_reported is not None else ""
    if first is not None and len(table.rows) - 1 > first:
        table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0))
    out.add_paragraph("")
    budget = out.add_table(rows=2, cols=2)  # label and amount side by side, without a colon
    budget.cell(0, 0).text = f"Jumlah Anggaran Kegiatan Tahun {document.year}"
    budget.cell(0, 1).text = rupiah(document.budget.anggaran)
    budget.cell(1, 0).text = f"Jumlah Realisasi Anggaran Kegiatan Tahun {document.year}"
    budget.cell(1, 1).text = rupiah(document.budget.realisasi)
    signature = out.add_table(rows=1, cols=2)  # the signature block in the right-hand cell
    right = signature.cell(0, 1)
    lines = signature_lines(document)
    right.text = lines[0]
    for text in lines[1:]:
        right.add_paragraph(text)
    out.save(path)
    return path


@pytest.mark.parametrize("year", [2015, 2016])
@pytest.mark.parametrize("build", [workbook, word], ids=["xlsx", "docx"])
def test_an_agency_file_reads_the_same_as_the_text(tmp_path, sample_path, year, build):
    original, index, source = form(sample_path, year)
    suffix = ".xlsx" if build is workbook else ".docx"
    result = check_files([build(source, tmp_path / f"formulir{suffix}")])  # a name without a year in it
    (document,) = result.documents
    assert document.kind is DocKind.PENGUKURAN
    assert [(r.sasaran, r.indikator, r.satuan) for r in document.rows] == [
        (r.sasaran, r.indikator, r.satuan) for r in source.rows
    ]
    assert [(r.target.number, r.realisasi.number) for r in document.rows] == [
        (r.target.number, r.realisasi.number) for r in source.rows
    ]
    assert (document.budget.anggaran.number, document.budget.realisasi.number) == (
        source.budget.anggaran.number, source.budget.realisasi.number,
    )  # fmt: skip
    signed, expected = document.signatory, source.signatory
    assert (signed.place, signed.date, signed.title, signed.name, signed.rank, signed.nip) == (
        expected.place, expected.date, "Kepala Dinas", expected.name, expected.rank, expected.nip,
    )  # fmt: skip
    # the year decision: 2015's budget and signature say 2015 and its title 2016, as in the .txt
    assert document.year == source.year == year
    found = sorted((f.code, f.row, f.severity.value) for f in result.findings)
    wanted = sorted(
        (f.code, f.row, f.severity.value)
        for f in original.findings
        if f.document == index and f.code not in ACROSS_YEARS
    )
    assert found == wanted
    if year == 2015:
        assert ("year_mismatch", None, "error") in found


def test_percent_cells_read_as_shown(tmp_path, sample_path):
    _, _, source = form(sample_path, 2015)
    result = check_files([workbook(source, tmp_path / "pk.xlsx")])
    aktif = next(r for r in result.documents[0].rows if r.indikator == "Prosentase koperasi aktif")
    assert aktif.realisasi.number == Decimal("61.47")  # stored as 0,6147 with a percent format
