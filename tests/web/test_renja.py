"""Evaluasi Renja through the page and in its files: a golden test whose every expected figure is
worked out by hand here, read back from the rendered XLSX cells and PDF text."""

import io

import openpyxl
import pdfplumber
import pytest
from django.test import Client

from kinerja.web.performance.models import AgencyYear, AuditEvent, RenjaRow
from tests.web.helpers import client_for

ROW = {
    "form": "add", "level": "kegiatan", "code": "2.17.02.2.01", "name": "Pembinaan kelembagaan koperasi",
    "sasaran": "Meningkatnya kualitas kelembagaan koperasi", "indicator": "Jumlah koperasi dibina", "unit": "unit",
    "renstra_k": "500", "renstra_rp": "600.000.000", "target_k": "120", "target_rp": "125.000.000",
    "responsible": "Bidang Koperasi",
}  # fmt: skip
FIGURES = {
    "renstra_k": "500", "renstra_rp": "600.000.000", "before_k": "310", "before_rp": "380.000.000",
    "target_k": "120", "target_rp": "125.000.000", "q1_k": "20", "q1_rp": "15.000.000", "q2_k": "35",
    "q2_rp": "30.000.000", "q3_k": "30", "q3_rp": "40.000.000", "q4_k": "25", "q4_rp": "36.250.000",
}  # fmt: skip


@pytest.fixture
def evaluated(banjar, agency, personas):
    operator = client_for(personas["operator"])
    url = f"/{agency.region.slug}/{agency.slug}/renja/2016/"
    operator.post(url, ROW)
    row = RenjaRow.objects.get()
    operator.post(url, {"form": "save", "row": row.pk, **FIGURES})
    operator.post(url, {"form": "factors", "supporting": "Pendampingan PPKL", "hindering": "RAT terlambat",
                        "follow_up": "Bimbingan teknis RAT"})  # fmt: skip
    return agency, url, operator


def test_the_evaluation_table_is_worked_out_by_the_rules(evaluated):
    agency, url, operator = evaluated
    book = openpyxl.load_workbook(io.BytesIO(Client().get(url.rstrip("/") + ".xlsx").content))
    sheet = book["Evaluasi Renja"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r and r[0] == "1 No")
    line = next(r for r in rows if r and r[2] == "2.17.02.2.01")
    cell = dict(zip(header, line, strict=True))
    # 13 = 9+10+11+12: 20 + 35 + 30 + 25 = 110 unit; 15 + 30 + 40 + 36,25 juta = 121.250.000
    assert cell["13 K"] == 110 and cell["13 Rp"] == 121_250_000
    # 14 = 13 ÷ 8 × 100: 110 ÷ 120 = 91,67 %; 121,25 ÷ 125 = 97,00 %
    assert cell["14 K"] == pytest.approx(91.67) and cell["14 Rp"] == 97
    # 15 = 7 + 13: 310 + 110 = 420; 380 + 121,25 juta = 501.250.000
    assert cell["15 K"] == 420 and cell["15 Rp"] == 501_250_000
    # 16 = 15 ÷ 6 × 100: 420 ÷ 500 = 84,00 %; 501,25 ÷ 600 = 83,54 %
    assert cell["16 K"] == 84
    assert cell["16 Rp"] == pytest.approx(83.54)
    assert cell["17 Penanggung jawab"] == "Bidang Koperasi"
    with pdfplumber.open(io.BytesIO(Client().get(url.rstrip("/") + ".pdf").content)) as pdf:
        assert pdf.pages[0].width > 1190  # A3 landscape: 1190,55 pt wide
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "EVALUASI TERHADAP HASIL RENJA" in text and "121.250.000" in text and "91,67" in text
    assert "600.000.000" in text and "501.250.000" in text  # whole in their cells, not wrapped
    assert "13 Realisasi 2016; 14 Capaian 2016 (%)" in text.replace("\n", " ")  # the legend names the columns
    # footer: one row, so the averages are its own capaian; 91,67 ≥ 91 and 97,00 ≥ 91: Sangat Tinggi
    assert "Rata-rata capaian kinerja (kolom 14, K): 91,67 % — predikat Sangat Tinggi" in text
    assert "97,00 % — predikat Sangat Tinggi" in text
    assert "Faktor penghambat: RAT terlambat" in text and "Tindak lanjut: Bimbingan teknis RAT" in text


def test_renja_is_entered_by_the_operator_audited_and_public_once_the_year_is(evaluated, personas):
    agency, url, operator = evaluated
    assert AuditEvent.objects.filter(origin="renja", agency=agency).count() == 3
    page = operator.post(url, {"form": "add", "level": "kegiatan", "name": "X", "target_rp": "-5"}, follow=True)
    assert "tidak boleh negatif" in page.content.decode() and RenjaRow.objects.count() == 1
    page = operator.post(url, {"form": "add", "level": "kegiatan", "name": "X", "target_k": "1,2,3"}, follow=True)
    assert "Target tahun ini (K)" in page.content.decode() and RenjaRow.objects.count() == 1
    other = client_for(personas["other_operator"])
    row = RenjaRow.objects.get()
    assert other.post(url, {"form": "remove", "row": row.pk}).status_code == 403
    assert Client().get(url).status_code == 200  # 2016 is published
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft", published_at=None)
    assert Client().get(url).status_code == 404
    assert Client().get(url.rstrip("/") + ".xlsx").status_code == 404
