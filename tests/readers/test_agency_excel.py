"""The sample's 2015 form as an agency keeps it in Excel, made by hand: the sasaran merged down its
rows, the unit in its own column, figures as numbers (percentages with a percent format) mixed with
text cells, the budget below the table with the label and the amount in separate cells, and the
signature block in a column on the right. It reads to the same figures, budget, signatory and year
decision as the .txt, including the title that wrongly says 2016."""

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment

from kinerja.core.model import DocKind
from kinerja.pipeline import check_files


def form_2015(sample_path):
    result = check_files([sample_path])
    index, document = next((i, d) for i, d in enumerate(result.documents) if d.year == 2015)
    return result, index, document


def agency_workbook(document, path):
    book = Workbook()
    sheet = book.active
    sheet.title = "PK 2015"
    for text in ("PENGUKURAN KINERJA", "DINAS KOPERASI DAN UMKM", "KABUPATEN BANJAR", "TAHUN 2016"):
        sheet.append([text])  # the title as the 2015 form has it: the wrong year
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
            if not value.is_number:
                cell.value = value.raw  # "4 BPR/12 LKM": a text cell, as typed
            elif row.satuan == "%":
                cell.value, cell.number_format = float(value.number / 100), "0.00%"  # Excel keeps 0,625
            else:
                cell.value = float(value.number) if value.number % 1 else int(value.number)
                cell.number_format = "#,##0.##" if value.number % 1 else "#,##0"
        reported = row.capaian_reported
        if reported is not None and reported.is_number:
            sheet.cell(r, 6, float(reported.number)).number_format = "0.00"
    if start is not None and sheet.max_row > start:
        sheet.merge_cells(start_row=start, start_column=1, end_row=sheet.max_row, end_column=1)
    sheet.append([])
    r = sheet.max_row + 1
    sheet.cell(r, 1, "Jumlah Anggaran Kegiatan Tahun 2015")  # the label in one cell ...
    sheet.cell(r, 4, int(document.budget.anggaran.number)).number_format = '"Rp. "#,##0'  # ... the amount in another
    sheet.cell(r + 1, 1, "Jumlah Realisasi Anggaran Kegiatan Tahun 2015")
    sheet.cell(r + 1, 4, "Rp. 2.422.729.129")  # typed as text
    signed = document.signatory
    block = [f"{signed.place}, 31 Desember 2015", "Kepala Dinas,", "", "", signed.name, signed.rank,
             "NIP. 19600512 198503 1 025"]  # fmt: skip
    for i, text in enumerate(block):
        sheet.cell(r + 3 + i, 6, text or None)  # on the right, under the % column
    book.save(path)
    return path


def test_the_2015_form_reads_the_same_from_an_agency_workbook(tmp_path, sample_path):
    original, index, source = form_2015(sample_path)
    result = check_files([agency_workbook(source, tmp_path / "pk-2015.xlsx")])
    (document,) = result.documents
    assert document.kind is DocKind.PENGUKURAN
    assert [(r.sasaran, r.indikator, r.satuan) for r in document.rows] == [
        (r.sasaran, r.indikator, r.satuan) for r in source.rows
    ]
    assert [(r.target.number, r.realisasi.number) for r in document.rows] == [
        (r.target.number, r.realisasi.number) for r in source.rows
    ]
    aktif = next(r for r in document.rows if r.indikator == "Prosentase koperasi aktif")
    assert aktif.realisasi.number == Decimal("61.47")  # stored as 0,6147 with a percent format
    assert (document.budget.anggaran.number, document.budget.realisasi.number) == (2_568_891_300, 2_422_729_129)
    signed = document.signatory
    assert (signed.place, signed.date.isoformat(), signed.title, signed.name, signed.rank, signed.nip) == (
        "Martapura", "2015-12-31", "Kepala Dinas", "Ir. ACHMAD SUPRAPTO", "Pembina Utama Muda", "196005121985031025",
    )  # fmt: skip
    # the year decision: budget and signature say 2015, the title 2016, as the .txt and .docx find
    assert document.year == source.year == 2015
    errors = sorted((f.code, f.row) for f in result.findings if f.severity.value != "info")
    expected = sorted((f.code, f.row) for f in original.findings if f.document == index and f.severity.value != "info")
    assert errors == expected
    assert ("year_mismatch", None) in errors
