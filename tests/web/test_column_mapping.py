"""Petakan kolom: a sheet of the agency's own design (made by hand the way agencies make them: a merged title
block, their own headers, a merged sasaran cell, percent formats, a total and signatures below) imported by
naming its header row, year and columns. Figures worked out by hand."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.web.performance import kept
from kinerja.web.performance.models import (
    Agency,
    AgencyYear,
    FindingRecord,
    Membership,
    Realisation,
    Region,
    ReportedFigure,
    SourceFile,
    Target,
)
from tests.agency_sheets import agency_sheet
from tests.web.conftest import make_user
from tests.web.helpers import said

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAPPING = {"header": "5", "year": "2016", "column-sasaran": "1", "column-indikator": "2", "column-satuan": "3",
           "column-target": "4", "column-realisasi": "5", "column-capaian": "6"}  # fmt: skip


@pytest.fixture
def operator(client, db):
    region = Region.objects.create(name="Kabupaten Contoh")
    agency = Agency.objects.create(region=region, name="Dinas Perhubungan")
    client.force_login(make_user("ani", Membership.Role.OPERATOR, agency))
    return client, agency


def upload(client, agency, **extra):
    document = SimpleUploadedFile("capaian-dishub.xlsx", agency_sheet(), XLSX)
    return client.post("/impor/baru/", {"agency": agency.pk, "document": document, **extra}, follow=True)


def test_a_sheet_of_the_agencys_own_layout_is_read_through_the_columns_named(operator):
    client, agency = operator
    page = upload(client, agency)
    text = said(page)
    # no form kinerja knows: it says so and offers the mapping, with its own guess from the header's words
    assert "tidak ditemukan tabel Pengukuran Kinerja" in text and "Petakan kolom" in text
    mapping_url = page.redirect_chain[-1][0]
    assert re.search(r'<option value="5" selected>baris 5: No \| Sasaran \| Uraian Indikator', text)
    assert 'name="year" value="2016"' in text  # from 'TAHUN ANGGARAN 2016' above the header
    for field, column in (("indikator", 2), ("target", 4), ("realisasi", 5), ("satuan", 3), ("capaian", 6)):
        assert re.search(rf'id="column-{field}".*?<option value="{column}" selected>', text, re.S), field
    assert SourceFile.objects.count() == 0
    preview = said(client.post(mapping_url, MAPPING))
    assert "Jumlah penumpang angkutan umum" in preview and "capaian_mismatch" in preview
    token = re.search(r"/impor/baru/([\w-]{10,})/", preview).group(1)
    response = client.post(f"/impor/baru/{token}/", follow=True)
    source = SourceFile.objects.get()
    # the file keeps how it was read, and its findings page says so
    assert source.columns == {
        "header": 5,
        "year": 2016,
        "columns": {"sasaran": 1, "indikator": 2, "target": 4, "satuan": 3, "realisasi": 5, "capaian": 6},
    }
    assert (
        "Dibaca melalui kolom yang dipetakan: judul kolom di baris 5, tahun 2016; sasaran strategis: kolom B, "
        "indikator kinerja: kolom C, target: kolom E, satuan: kolom D, realisasi: kolom F, % capaian tertulis: kolom G."
    ) in said(response)
    passengers = Target.objects.get(indicator__agency=agency, year=2016, name="Jumlah penumpang angkutan umum")
    assert (passengers.value, passengers.unit, passengers.sasaran.name) == (
        Decimal(24450),
        "orang",
        "Meningkatnya layanan angkutan",
    )
    assert Realisation.objects.get(indicator=passengers.indicator, year=2016).value == Decimal(26870)
    # the merged sasaran cell holds for the row under it
    halte = Target.objects.get(indicator__agency=agency, year=2016, name="Persentase halte layak")
    assert halte.sasaran.name == "Meningkatnya layanan angkutan"
    # 26.870 ÷ 24.450 × 100 = 109,90 as written; 72 ÷ 80 × 100 = 90,00, written 95,00 %: a mismatch;
    # 114 ÷ 120 × 100 = 95,00 as written
    findings = FindingRecord.objects.filter(file=source)
    mismatch = findings.get(code="capaian_mismatch")
    assert "Persentase halte layak" in mismatch.message and "90,00" in mismatch.message
    assert findings.filter(code="capaian_mismatch").count() == 1
    # as written on the sheet: 95,00 % (a percent format over 0,95)
    reported = ReportedFigure.objects.get(indicator=halte.indicator, year=2016)
    assert reported.row == 1 and reported.capaian == Decimal("95.00") and reported.capaian_raw == "95,00 %"
    # the average line below the table has two cells and no indicator: left out, and said
    left_out = findings.get(code="lines_left_out")
    assert left_out.severity == "warning" and left_out.message.startswith("1 baris di bawah judul kolom tidak dibaca")
    # the signature block under it was read as in any form
    year = AgencyYear.objects.get(agency=agency, year=2016)
    assert year.signatory.name == "NAMA KEPALA DINAS" and year.signatory.nip == "196005121985031025"


@pytest.mark.parametrize(
    "changed, message",
    [
        ({"column-realisasi": ""}, "pilih kolom realisasi"),
        ({"column-realisasi": "4"}, "kolom E dipilih untuk target dan realisasi"),
        ({"year": "16"}, "tahun harus antara 2000 dan 2100"),
        ({"column-target": "99"}, "kolom target tidak ada di tabel"),
        ({"header": "500"}, "pilih baris judul kolom dari daftar"),
        ({"header": "5x"}, "pilih baris judul kolom dari daftar"),
        ({"column-target": "²"}, "kolom target tidak ada di tabel"),  # a digit to str.isdigit, not to int()
        ({"column-target": "9" * 5000}, "kolom target tidak ada di tabel"),
        ({"year": "２０１６"}, "tahun harus antara 2000 dan 2100"),  # full-width digits are not typed here
    ],
)
def test_a_mapping_that_does_not_fit_is_refused_with_the_reason(operator, changed, message):
    client, agency = operator
    mapping_url = upload(client, agency).redirect_chain[-1][0]
    response = client.post(mapping_url, {**MAPPING, **changed})
    assert response.status_code == 400 and message in said(response)
    assert SourceFile.objects.count() == 0 and Target.objects.count() == 0


def test_a_sheet_kinerja_would_misread_is_mapped_when_asked(operator):
    """Headed 'No … Uraian Indikator … Capaian Fisik', the sheet looks like an LKjIP capaian Renstra table to the
    reader; the person who knows better asks for the mapping and gets the same three rows."""
    client, agency = operator
    document = SimpleUploadedFile("dishub.xlsx", agency_sheet(realised="Capaian Fisik"), XLSX)
    page = client.post("/impor/baru/", {"agency": agency.pk, "document": document, "map_columns": "1"}, follow=True)
    text = said(page)
    assert "Petakan kolom: dishub.xlsx" in text and "tidak ditemukan tabel" not in text
    assert re.search(r'id="column-realisasi".*?<option value="5" selected>', text, re.S)  # 'capaian fisik'
    preview = said(client.post(page.redirect_chain[-1][0], MAPPING))
    token = re.search(r"/impor/baru/([\w-]{10,})/", preview).group(1)
    assert client.post(f"/impor/baru/{token}/").status_code == 302
    assert Target.objects.filter(indicator__agency=agency, year=2016).count() == 3


def test_the_mapping_can_be_asked_for_a_form_kinerja_knows(operator):
    from kinerja.web.cli import sample_path

    client, agency = operator
    document = SimpleUploadedFile("banjar.txt", sample_path().read_bytes(), "text/plain")
    page = client.post("/impor/baru/", {"agency": agency.pk, "document": document, "map_columns": "1"}, follow=True)
    text = said(page)
    assert "Petakan kolom: banjar.txt" in text and "tidak ditemukan tabel" not in text


def test_a_confirmation_without_the_kept_reading_reads_through_the_same_columns(operator):
    client, agency = operator
    mapping_url = upload(client, agency).redirect_chain[-1][0]
    preview = said(client.post(mapping_url, MAPPING))
    token = re.search(r"/impor/baru/([\w-]{10,})/", preview).group(1)
    stored = client.session[f"import:{token}"]
    assert stored["mapping"]["columns"]["target"] == 4
    from pathlib import Path

    Path(stored["path"] + kept.SUFFIX).unlink()  # as for a preview made before readings were kept
    assert client.post(f"/impor/baru/{token}/").status_code == 302
    assert Target.objects.filter(indicator__agency=agency, year=2016).count() == 3


def test_a_stale_or_foreign_mapping_page_is_refused(operator, db):
    client, agency = operator
    mapping_url = upload(client, agency).redirect_chain[-1][0]
    other = Agency.objects.create(region=agency.region, name="Dinas Lain")
    stranger = make_user("budi", Membership.Role.OPERATOR, other)
    from django.test import Client

    outsider = Client()
    outsider.force_login(stranger)
    assert "sudah tidak berlaku" in said(outsider.get(mapping_url, follow=True))  # not in their session
    assert "sudah tidak berlaku" in said(client.get("/impor/petakan/tidak-ada/", follow=True))


def test_a_file_without_any_table_is_refused_as_before_not_offered_a_mapping(operator):
    client, agency = operator
    prose = b"Laporan ini disusun sebagai bahan evaluasi.\nTidak ada tabel di dalamnya.\n"
    page = client.post("/impor/baru/", {"agency": agency.pk, "document": SimpleUploadedFile("catatan.txt", prose)})
    assert page.status_code == 200
    assert "catatan.txt: tidak ditemukan tabel Pengukuran Kinerja" in said(page) and 'name="header"' not in said(page)
    asked = {"agency": agency.pk, "document": SimpleUploadedFile("catatan.txt", prose), "map_columns": "1"}
    assert "tidak ada baris bertabel (tiga sel atau lebih) untuk dipetakan" in said(client.post("/impor/baru/", asked))
    assert SourceFile.objects.count() == 0


def test_a_corrupt_file_asked_to_be_mapped_is_refused_with_the_readers_reason(operator):
    client, agency = operator
    broken = SimpleUploadedFile("rusak.xlsx", b"PK\x03\x04 bukan buku kerja", XLSX)
    page = client.post("/impor/baru/", {"agency": agency.pk, "document": broken, "map_columns": "1"})
    assert page.status_code == 200 and "rusak.xlsx" in said(page) and 'class="error"' in said(page)
    assert SourceFile.objects.count() == 0


def test_a_preview_the_person_finds_misread_can_be_mapped_instead(operator):
    """Without the tick, the 'Capaian Fisik' sheet is previewed as an LKjIP capaian Renstra table; from that
    preview the person asks for the mapping and imports it as the year's form."""
    client, agency = operator
    document = SimpleUploadedFile("dishub.xlsx", agency_sheet(realised="Capaian Fisik"), XLSX)
    preview = said(client.post("/impor/baru/", {"agency": agency.pk, "document": document}))
    assert "Tabel capaian Renstra (LKjIP)" in preview and "Tabelnya terbaca salah" in preview
    remap = re.search(r'action="(/impor/baru/[\w-]{10,}/petakan/)"', preview).group(1)
    page = client.post(remap, follow=True)
    assert "Petakan kolom: dishub.xlsx" in said(page)
    mapped = said(client.post(page.redirect_chain[-1][0], MAPPING))
    assert "Pengukuran Kinerja 2016" in mapped and "Tabelnya terbaca salah" not in mapped  # already mapped
    token = re.search(r"/impor/baru/([\w-]{10,})/\"", mapped).group(1)
    assert client.post(f"/impor/baru/{token}/").status_code == 302
    assert Target.objects.filter(indicator__agency=agency, year=2016).count() == 3
    assert "sudah tidak berlaku" in said(client.post(remap, follow=True))  # the misread preview is gone
