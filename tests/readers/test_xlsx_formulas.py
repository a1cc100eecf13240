"""An Excel form as agencies make it: the % capaian worked out by a formula (=E6/C6*100) in a cell formatted
'0.00'. Excel saves the formula with the figure it came to in full binary precision (109,89775051124744);
the person sees 109,90. Before, kinerja read the stored float, refused it as too long
(malformed_number on every row) and read a number cell '1,555' as if it had been typed, ambiguous."""

import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook

from kinerja.isolation import check_files_isolated
from kinerja.pipeline import check_files

HEADER = ["Sasaran Strategis", "Indikator Kinerja", "Target", "", "Realisasi", "", "%"]


def _as_excel_saves(workbook: Workbook, results: dict[str, float], path) -> None:
    """Save as Excel does: each formula cell keeps the figure it came to (openpyxl alone writes none)."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    source, out = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, result in results.items():
                    text = re.sub(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/?>(</v>)?', rf"\g<1><v>{result!r}</v>", text)
                data = text.encode()
            target.writestr(item, data)
    path.write_bytes(out.getvalue())


def _form(rows: list[list], formats: dict[str, str]) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    for line in (["PENGUKURAN KINERJA"], ["DINAS KOPERASI DAN UMKM"], ["TAHUN 2016"], [], HEADER, *rows):
        sheet.append(line)
    for ref, number_format in formats.items():
        sheet[ref].number_format = number_format
    return workbook


def test_a_capaian_worked_out_by_a_formula_reads_as_the_cell_shows_it(tmp_path):
    workbook = _form(
        [
            ["Meningkatnya koperasi", "Jumlah koperasi aktif", 24450, "unit", 26870, "unit", "=E6/C6*100"],
            ["", "Jumlah UMKM binaan", 300, "unit", 250, "unit", "=E7/C7*100"],
            ["", "Persentase koperasi sehat", 40, "%", 43, "%", "=ROUND(E8/C8*100,2)"],
        ],
        {"G6": "0.00", "G7": "General", "G8": "#,##0.00"},
    )
    path = tmp_path / "rumus.xlsx"
    _as_excel_saves(workbook, {"G6": 26870 / 24450 * 100, "G7": 250 / 300 * 100, "G8": 107.5}, path)
    result = check_files([path])
    rows = {row.indikator: row for row in result.documents[0].rows}
    # 26.870 ÷ 24.450 × 100 = 109,8977… shown as 109,90 by the format '0.00'
    koperasi = rows["Jumlah koperasi aktif"].capaian_reported
    assert (koperasi.raw, koperasi.number, koperasi.decimals) == ("109,90", Decimal("109.90"), 2)
    # General: 250 ÷ 300 × 100 = 83,333333333333343 in binary, read to six decimals: 83,333333
    assert rows["Jumlah UMKM binaan"].capaian_reported.number == Decimal("83.333333")
    # 43 ÷ 40 × 100 = 107,5, shown '#,##0.00' as 107,50
    assert rows["Persentase koperasi sehat"].capaian_reported.raw == "107,50"
    codes = {finding.code for finding in result.findings}
    assert not codes & {"malformed_number", "capaian_mismatch", "ambiguous_number"}, codes


def test_a_number_cell_is_never_ambiguous(tmp_path):
    """1,555 typed as a number (Excel in an Indonesian locale stores 1.555) beside a text cell '1,234,567',
    which says ',' separates thousands in this table: the number cell is still 1,555, not 1.555 read as
    thousands, and nothing is reported about it."""
    workbook = _form(
        [
            ["Meningkatnya layanan", "Indeks kepuasan anggota", 1.5, "indeks", 1.555, "indeks", "=E6/C6*100"],
            ["", "Omzet UMKM binaan", "1,234,567", "Rp", "1,300,000", "Rp", "=105.3"],
        ],
        {"G6": "0.00", "G7": "0.00"},
    )
    path = tmp_path / "angka.xlsx"
    _as_excel_saves(workbook, {"G6": 1.555 / 1.5 * 100, "G7": 105.3}, path)
    result = check_files([path])
    rows = {row.indikator: row for row in result.documents[0].rows}
    index = rows["Indeks kepuasan anggota"]
    assert index.realisasi.number == Decimal("1.555") and not index.realisasi.chosen_from
    # 1,555 ÷ 1,5 × 100 = 103,666… → 103,67, as the cell shows it
    assert index.capaian_reported.raw == "103,67" and f"{index.capaian.value:.2f}" == "103.67"
    assert rows["Omzet UMKM binaan"].target.number == Decimal(1234567)  # the text cell, read as typed
    assert not [f for f in result.findings if f.row == index.index], result.findings
    # the web app reads an upload in a child process: the reading comes back from it the same
    (document,) = check_files_isolated([path], seconds=60).documents
    assert document.rows[0].realisasi == index.realisasi


def test_a_formula_that_failed_is_said_with_what_it_means(tmp_path):
    """'#REF!' in the % column (a column deleted under the formula) and '#VALUE!' as a target: each is a figure
    the document does not hold, said with the meaning of the error; the row does not slide, and kinerja
    still works out the capaian it can: 250 ÷ 300 × 100 = 83,33."""
    workbook = _form(
        [
            ["Meningkatnya koperasi", "Jumlah UMKM binaan", 300, "unit", 250, "unit", "#REF!"],
            ["", "Jumlah koperasi aktif", "#VALUE!", "unit", 120, "unit", "#VALUE!"],
        ],
        {},
    )
    path = tmp_path / "galat.xlsx"
    workbook.save(path)
    assert workbook.active["G6"].data_type == "e"  # stored as Excel stores an error, not as text
    result = check_files([path])
    rows = {row.indikator: row for row in result.documents[0].rows}
    umkm, koperasi = rows["Jumlah UMKM binaan"], rows["Jumlah koperasi aktif"]
    assert f"{umkm.capaian.value:.2f}" == "83.33"
    assert koperasi.realisasi.number == 120 and not koperasi.slid  # '#VALUE!' stayed the target
    said = {(f.row, f.field): f.message for f in result.findings if f.code == "malformed_number"}
    assert "galat rumus #REF!: rumusnya merujuk sel yang sudah dihapus" in said[(umkm.index, "capaian_reported")]
    assert "galat rumus #VALUE!: rumusnya menghitung dengan teks" in said[(koperasi.index, "target")]
    # a form printed from such a sheet says the same
    text = tmp_path / "galat.txt"
    text.write_text(
        "PENGUKURAN KINERJA\nTAHUN 2016\n\nSasaran Strategis\tIndikator Kinerja\tTarget\t\tRealisasi\t\t%\n"
        "Meningkatnya koperasi\tJumlah koperasi aktif\t0\tunit\t5\tunit\t#DIV/0!\n",
        encoding="utf-8",
    )
    printed = check_files([text])
    assert any("galat rumus #DIV/0!: rumusnya membagi dengan nol" in f.message for f in printed.findings)


def test_a_signature_date_in_a_date_cell(tmp_path):
    """'Martapura,' in one cell and 31-12-2016 in the next, a date cell: the signature block is found."""
    workbook = _form([["Meningkatnya koperasi", "Jumlah koperasi aktif", 100, "unit", 110, "unit", 110]], {})
    sheet = workbook.active
    for line in ([], ["", "", "", "", "Martapura,", datetime(2016, 12, 31)], ["", "", "", "", "Kepala Dinas,"],
                 ["", "", "", "", "Drs. NAMA KEPALA"], ["", "", "", "", "NIP. 19600512 198503 1 025"]):  # fmt: skip
        sheet.append(line)
    sheet["F8"].number_format = "dd/mm/yyyy"
    path = tmp_path / "tanggal.xlsx"
    workbook.save(path)
    signed = check_files([path]).documents[0].signatory
    assert (signed.place, signed.date, signed.nip) == ("Martapura", date(2016, 12, 31), "196005121985031025")


def test_hidden_rows_columns_and_sheets_are_left_out_and_said(tmp_path):
    """An agency's sheet as it is kept from year to year: last Renstra's indicator hidden in row 7, a helper
    column of formulas hidden in D, and last year's form on a hidden sheet. The printed, signed form shows
    none of them, so kinerja reads none of them and says so (hidden_cells). Before, the hidden row became an
    indicator and the helper column slid every row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PK 2016"
    for line in (["PENGUKURAN KINERJA"], ["DINAS KOPERASI DAN UMKM"], ["TAHUN 2016"], [],
                 ["Sasaran Strategis", "Indikator Kinerja", "Target", "bantu", "Realisasi", "%"],
                 ["Meningkatnya koperasi", "Jumlah koperasi aktif", 24450, 2, 26870, 109.9],
                 ["", "Jumlah koperasi simpan pinjam (Renstra lama)", 40, 2, 10, 25],
                 ["", "Jumlah UMKM binaan", 300, 2, 250, 83.33]):  # fmt: skip
        sheet.append(line)
    sheet.row_dimensions[7].hidden = True
    sheet.column_dimensions["D"].hidden = True
    old = workbook.create_sheet("PK 2015")
    old.append(["PENGUKURAN KINERJA TAHUN 2015"])
    old.sheet_state = "hidden"
    path = tmp_path / "tersembunyi.xlsx"
    workbook.save(path)
    result = check_files([path])
    rows = result.documents[0].rows
    assert [r.indikator for r in rows] == ["Jumlah koperasi aktif", "Jumlah UMKM binaan"]
    # 26.870 ÷ 24.450 × 100 = 109,90: the realisation is read from its own column, not the helper's 2
    assert rows[0].realisasi.number == Decimal(26870) and f"{rows[0].capaian.value:.2f}" == "109.90"
    assert not [r for r in rows if r.slid]
    said = [f.message for f in result.findings if f.code == "hidden_cells"]
    assert said == [
        "Lembar 'PK 2016': baris 7 dan kolom D tersembunyi dan tidak dibaca, seperti tidak tercetak pada formulir; "
        "tampilkan bila isinya termasuk formulir.",
        "Lembar 'PK 2015' tersembunyi di buku kerja ini dan tidak dibaca.",
    ]
    assert {f.severity.value for f in result.findings if f.code == "hidden_cells"} == {"info"}
