"""An Inspektorat's form kept in Excel by hand, with indicators measured by grades: the BPK's audit
opinion and the SAKIP predikat. The sasaran merged down its rows, a percent-formatted capaian, an
indicator whose target and realisation are words ('Baik', 'Sangat baik'), a note line inside the table
and a two-column signature block below it.

Before grades were read, 'Opini BPK | WTP | WDP | 75' became an indicator named 'WDP' with target 75
in a row "slid two columns", 'Predikat SAKIP | BB | B | 80' vanished without a word, and 'Indeks
kepuasan | Baik | Sangat baik' became an indicator named 'Sangat baik'."""

import io

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment

from kinerja.core.grades import OPINI, PREDIKAT
from kinerja.core.values import write_value
from kinerja.pipeline import check_files
from kinerja.reports.build import pengukuran
from kinerja.reports.from_documents import agency_year_from_documents
from kinerja.reports.render import render

ROWS = [
    # sasaran, indikator, target, realisasi, % capaian as typed
    ("Meningkatnya akuntabilitas keuangan daerah", "Opini BPK atas laporan keuangan", "WTP", "WDP", 0.75),
    (None, "Predikat SAKIP", "BB", "B", 80),
    (None, "Nilai evaluasi AKIP", "A", "BB", 100),
    ("Meningkatnya kualitas pelayanan", "Indeks kepuasan masyarakat", "Baik", "Sangat baik", None),
    (None, "Catatan: angka 2016 sementara", None, None, "lihat lampiran"),
    (None, "Persentase temuan yang ditindaklanjuti", "90 %", "95 %", 105.56),
    (None, "Predikat SAKIP OPD binaan", "B", "-", None),
]


@pytest.fixture
def form(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "PK 2016"
    for text in ("PENGUKURAN KINERJA", "INSPEKTORAT", "KABUPATEN BANJAR", "TAHUN 2016"):
        sheet.append([text])
    sheet.append([])
    sheet.append(["Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"])
    first = sheet.max_row + 1
    for sasaran, indikator, target, realisasi, pct in ROWS:
        sheet.append([sasaran, indikator, target, realisasi, pct])
        if isinstance(pct, float) and pct < 1:
            sheet.cell(row=sheet.max_row, column=5).number_format = "0%"  # 0,75 shown as 75%
    sheet.merge_cells(start_row=first, start_column=1, end_row=first + 2, end_column=1)
    sheet.merge_cells(start_row=first + 3, start_column=1, end_row=first + 6, end_column=1)
    sheet.cell(row=first, column=1).alignment = Alignment(vertical="top", wrap_text=True)
    sheet.append([])
    for left, right in (
        ("Mengetahui,", "Martapura, 30 Desember 2016"),
        ("Bupati Banjar,", "Inspektur,"),
        ("H. KHALILURRAHMAN", "NAMA INSPEKTUR"),
        (None, "Pembina Utama Muda"),
        (None, "NIP. 19630817 198903 1 010"),
    ):
        sheet.append([left, None, None, right])
    path = tmp_path / "pengukuran-inspektorat-2016.xlsx"
    book.save(path)
    return path


def test_grades_are_read_in_their_rows_and_their_capaian_checked(form):
    result = check_files([form])
    (document,) = result.documents
    rows = {row.indikator: row for row in document.rows}
    assert list(rows) == [r[1] for r in ROWS if not r[1].startswith("Catatan")]
    assert all(row.slid is None for row in document.rows)
    opini = rows["Opini BPK atas laporan keuangan"]
    assert (opini.satuan, write_value(opini.target), write_value(opini.realisasi)) == (OPINI, "WTP", "WDP")
    assert opini.capaian.value == 75  # WDP 3 ÷ WTP 4 × 100, as the form says (75%)
    predikat = rows["Predikat SAKIP"]
    assert (predikat.satuan, predikat.capaian.value) == (PREDIKAT, 80)  # B 4 ÷ BB 5 × 100
    binaan = rows["Predikat SAKIP OPD binaan"]
    assert (write_value(binaan.target), binaan.capaian.value) == ("B", None)  # 'B' named by the indicator
    codes = sorted((f.code, f.row) for f in result.findings)
    evaluasi = rows["Nilai evaluasi AKIP"].index
    kepuasan = rows["Indeks kepuasan masyarakat"]  # words under Target and Realisasi: read in place, not slid
    assert (kepuasan.sasaran, kepuasan.target.raw, kepuasan.realisasi.raw) == (
        "Meningkatnya kualitas pelayanan",
        "Baik",
        "Sangat baik",
    )
    assert codes == [
        ("capaian_mismatch", evaluasi),
        ("grade_by_name", binaan.index),
        ("realisasi_missing", binaan.index),
        ("realisasi_text", kepuasan.index),
        ("row_unread", None),
    ]
    mismatch = next(f for f in result.findings if f.code == "capaian_mismatch")
    # realisasi BB (5) against target A (6): 5 ÷ 6 × 100 = 83,333… → 83,33, not the 100 written
    assert "realisasi BB (skor 5) ÷ target A (skor 6) × 100 = 83,33" in mismatch.message
    by_name = next(f for f in result.findings if f.code == "grade_by_name")
    assert by_name.severity.value == "info" and by_name.message == (
        "Target 'B' pada 'Predikat SAKIP OPD binaan' dibaca sebagai predikat SAKIP B (skor 4) karena nama "
        "indikator menyebut predikat SAKIP; tanpa itu 'B' hanya sebuah huruf."
    )  # B is the 4th grade from the bottom: D 1, C 2, CC 3, B 4
    unread = next(f for f in result.findings if f.code == "row_unread")
    assert "Catatan: angka 2016 sementara | lihat lampiran" in unread.message and unread.severity.value == "warning"
    said = next(f for f in result.findings if f.code == "realisasi_text").message
    assert said == (
        "Realisasi 'Indeks kepuasan masyarakat' berupa teks 'Sangat baik', bukan satu angka, sehingga % capaian "
        "tidak dapat dihitung."
    )
    # the two-column signature block below the table is not a table line
    assert not any("Mengetahui" in f.message or "Bupati" in f.message for f in result.findings)


def test_the_report_writes_the_grades_not_their_scores(form):
    data = agency_year_from_documents(check_files([form]))
    book = openpyxl.load_workbook(io.BytesIO(render(pengukuran(data), "xlsx")))
    cells = [[c.value for c in row] for row in book.active.iter_rows()]
    opini = next(r for r in cells if "Opini BPK atas laporan keuangan" in r)
    assert "WTP" in opini and "WDP" in opini and 4 not in opini and 3 not in opini
    import pdfplumber

    with pdfplumber.open(io.BytesIO(render(pengukuran(data), "pdf"))) as pdf:
        lines = "\n".join(page.extract_text() for page in pdf.pages).splitlines()
    opini = next(line for line in lines if "Opini BPK" in line)
    assert "WTP" in opini and "WDP" in opini and "75,00" in opini


def test_the_lkjip_charts_name_the_grades(form):
    """The LKjIP's small multiples draw an opinion against the grades, not the scores 1 … 4."""
    from matplotlib.figure import Figure

    from kinerja.reports import charts

    figure = Figure()
    axes = figure.subplots()
    assert charts.grade_axis(axes, "Opini BPK")
    assert [label.get_text() for label in axes.get_yticklabels()] == ["TMP", "TW", "WDP", "WTP"]
    assert not charts.grade_axis(figure.subplots(), "orang")
    data = agency_year_from_documents(check_files([form]))
    assert charts.series_grid(data.lines, [2016], 2016)[:4] == b"\x89PNG"
