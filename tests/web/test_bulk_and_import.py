"""Bulk Excel entry and document import from the browser: preview first, nothing written before."""

import io
import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from kinerja.web.cli import sample_path
from kinerja.web.performance.models import (
    Agency,
    AgencyYear,
    AuditEvent,
    Indicator,
    LinkSuggestion,
    Membership,
    Realisation,
    Region,
    SourceFile,
    Target,
)
from tests.web.helpers import save_figure
from tests.web.test_roles import snapshot

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, year, content: bytes, name="entri.xlsx"):
    return client.post(f"{BASE}/{year}/entri/unggah/", {"workbook": SimpleUploadedFile(name, content, XLSX)})


def test_excel_round_trip_changes_exactly_three_figures(client, personas, agency):
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")  # reopened for correction
    client.force_login(personas["operator"])
    response = client.get(f"{BASE}/2016/entri/templat.xlsx")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Entri"]
    rows = {sheet.cell(r, 3).value: r for r in range(4, sheet.max_row + 1)}
    assert len(rows) == 26
    assert sheet.cell(rows["Persentase koperasi aktif"], 5).value == 62.5
    sheet.cell(rows["Persentase koperasi aktif"], 10).value = 63.1  # realisasi tahun, as a number
    sheet.cell(rows["Jumlah koperasi yang mengakses permodalan"], 5).value = "6"  # target, as text
    sheet.cell(rows["Jumlah Usaha Mikro"], 10).value = "31.500"  # Indonesian thousands, as text
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = snapshot()
    preview = upload(client, 2016, buffer.getvalue())
    assert snapshot() == before  # nothing written before confirmation
    html = preview.content.decode()
    assert "3 perubahan angka" in html
    for text in ("Persentase koperasi aktif", "63,1", "Jumlah koperasi yang mengakses permodalan", "31.500"):
        assert text in html
    token = re.search(r"/entri/unggah/([\w-]{10,})/", html).group(1)
    events_before = AuditEvent.objects.count()
    confirmed = client.post(f"{BASE}/2016/entri/unggah/{token}/", follow=True).content.decode()
    assert "3 perubahan dari Excel disimpan" in confirmed, confirmed[confirmed.find("messages") :][:600]
    aktif = Indicator.objects.get(agency=agency, name="Persentase koperasi aktif")
    assert Realisation.objects.get(indicator=aktif, year=2016, quarter=0).value == Decimal("63.1")
    permodalan = Indicator.objects.get(agency=agency, name="Jumlah koperasi yang mengakses permodalan")
    assert Target.objects.get(indicator=permodalan, year=2016).value == 6
    mikro = Target.objects.get(indicator__agency=agency, year=2016, indicator__name="Jumlah Usaha Mikro").indicator
    assert Realisation.objects.get(indicator=mikro, year=2016, quarter=0).value == 31500
    trail = list(AuditEvent.objects.filter(pk__gt=0).order_by("id")[events_before:])
    assert [(e.action, e.label, e.before, e.after) for e in trail] == [
        # the audit keeps each figure's text as the 2013 form wrote it (line 13, 16 and 18 of the sample)
        (
            "update",
            "realisasi tahun: Persentase koperasi aktif",
            {"value": "62.87", "tertulis": "62,87 %"},
            {"value": "63.1"},
        ),
        (
            "update",
            "target: Jumlah koperasi yang mengakses permodalan",
            {"value": "5", "tertulis": "5 unit"},
            {"value": "6"},
        ),
        (
            "update",
            "realisasi tahun: Jumlah Usaha Mikro",
            {"value": "31150", "tertulis": "31.150 orang/badan usaha"},
            {"value": "31500"},
        ),
    ]
    assert all(e.user == personas["operator"] for e in trail)
    assert client.post(f"{BASE}/2016/entri/unggah/{token}/").status_code == 302  # a used preview is gone
    assert AuditEvent.objects.count() == events_before + 3


def test_a_bad_upload_writes_nothing_and_says_why(client, personas, agency):
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")
    client.force_login(personas["operator"])
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/2016/entri/templat.xlsx").content))
    sheet = workbook["Entri"]
    sheet.cell(4, 5).value = "24,450"
    sheet.cell(5, 6).value = "2.119.2015.485"
    sheet.cell(6, 1).value = 999999
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = snapshot()
    html = upload(client, 2016, buffer.getvalue()).content.decode()
    assert "tidak dapat disimpan" in html
    assert "dapat dibaca 24,450 atau 24.450" in html and "2015" in html and "999999" in html
    assert "Simpan perubahan ini" not in html
    html = upload(client, 2016, b"PK\x03\x04 rusak").content.decode()
    assert "tidak dapat dibuka" in html
    assert snapshot() == before


def test_upload_of_a_stale_template_conflicts_whole(client, personas, agency):
    """Someone changed a figure after the template was downloaded: nothing of the upload is written."""
    year = AgencyYear.objects.get(agency=agency, year=2016)
    year.status = "draft"
    year.save()
    client.force_login(personas["operator"])
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/2016/entri/templat.xlsx").content))
    sheet = workbook["Entri"]
    sheet.cell(4, 5).value = 70
    sheet.cell(5, 5).value = 20000
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = upload(client, 2016, buffer.getvalue()).content.decode()
    token = re.search(r"/entri/unggah/([\w-]{10,})/", html).group(1)
    second_id = int(sheet.cell(5, 1).value)
    target = Target.objects.get(indicator_id=second_id, year=2016)
    save_figure(
        user=personas["admin"],
        agency_year=year,
        indicator=target.indicator,
        field="target",
        value=Decimal(19999),
        seen_version=target.version,
    )
    page = client.post(f"{BASE}/2016/entri/unggah/{token}/", follow=True).content.decode()
    assert "Tidak ada yang disimpan" in page and "19.999" in page
    first = Target.objects.get(indicator_id=int(sheet.cell(4, 1).value), year=2016)
    assert first.value == Decimal("62.5")  # the first row of the same upload was not written either


def test_document_import_from_the_browser(client, db):
    from kinerja.web.performance.models import Membership
    from tests.web.conftest import make_user

    region = Region.objects.create(name="Kabupaten Banjar")
    agency = Agency.objects.create(region=region, name="Dinas Koperasi dan UMKM")
    client.force_login(make_user("ani", Membership.Role.OPERATOR, agency))
    page = client.get("/impor/baru/").content.decode()
    assert "Dinas Koperasi dan UMKM" in page
    document = SimpleUploadedFile("banjar.txt", sample_path().read_bytes(), "text/plain")
    preview = client.post("/impor/baru/", {"agency": agency.pk, "document": document}).content.decode()
    assert SourceFile.objects.count() == 0 and Indicator.objects.count() == 0  # only a preview
    assert "Jumlah anggota koperasi" in preview and "capaian_mismatch" in preview
    choice = re.search(
        r'name="(link:[\d:]+)" value="([^"]+)"> \'Jumlah UMKM yang diberikan pendampingan admin\'', preview
    )
    assert choice is not None  # a probable link is the person's choice, offered in the preview
    token = re.search(r"/impor/baru/([\w-]{10,})/", preview).group(1)
    response = client.post(f"/impor/baru/{token}/", {choice.group(1): choice.group(2)})
    source = SourceFile.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/impor/{source.pk}/"
    assert source.name == "banjar.txt" and source.imported_by.username == "ani"
    linked = Indicator.objects.get(agency=agency, name="Jumlah UMKM yang diberikan pendampingan admin")
    assert sorted(Target.objects.filter(indicator=linked).values_list("year", flat=True)) == [2013, 2014, 2015]
    assert not LinkSuggestion.objects.filter(status="pending", indicator=linked).exists()
    assert AuditEvent.objects.filter(action="import", agency=agency).count() == 5


def test_document_import_refuses_bad_files_and_other_agencies(client, personas, agency, other_agency):
    client.force_login(personas["operator"])
    bad = SimpleUploadedFile("rusak.docx", b"PK\x03\x04 bukan docx", "application/octet-stream")
    html = client.post("/impor/baru/", {"agency": agency.pk, "document": bad}).content.decode()
    assert "rusak.docx" in html and ("rusak" in html or "tidak dapat dibaca" in html)
    exe = SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream")
    assert "tidak diterima" in client.post("/impor/baru/", {"agency": agency.pk, "document": exe}).content.decode()
    document = SimpleUploadedFile("banjar.txt", sample_path().read_bytes(), "text/plain")
    html = client.post("/impor/baru/", {"agency": other_agency.pk, "document": document}).content.decode()
    assert "Pilih perangkat daerah" in html
    assert SourceFile.objects.count() == 1  # only the fixture's own import


def test_an_upload_is_read_once_and_a_tampered_result_is_never_unpickled(client, db, monkeypatch, settings, tmp_path):
    """The preview's reading is kept (signed) beside the upload; confirming uses it, so the file is read
    once. A result that is not exactly what this site wrote is ignored and the upload read again."""
    from tests.web.conftest import make_user

    settings.MEDIA_ROOT = str(tmp_path)
    region = Region.objects.create(name="Kabupaten Banjar")
    agency = Agency.objects.create(region=region, name="Dinas Koperasi dan UMKM")
    client.force_login(make_user("ani", Membership.Role.OPERATOR, agency))
    reads = []
    import kinerja.isolation as isolation

    real = isolation.check_files_isolated
    monkeypatch.setattr(isolation, "check_files_isolated", lambda *a, **k: reads.append(a) or real(*a, **k))

    def preview():
        document = SimpleUploadedFile("banjar.txt", sample_path().read_bytes(), "text/plain")
        html = client.post("/impor/baru/", {"agency": agency.pk, "document": document}).content.decode()
        return re.search(r"/impor/baru/([\w-]{10,})/", html).group(1)

    token = preview()
    assert len(reads) == 1 and len(list((tmp_path / "impor").glob("*.hasil"))) == 1
    assert client.post(f"/impor/baru/{token}/").status_code == 302
    assert len(reads) == 1 and SourceFile.objects.count() == 1  # confirmed without reading the file again
    assert not list((tmp_path / "impor").iterdir())  # upload and kept result both removed

    SourceFile.objects.all().delete()
    token = preview()
    (kept,) = (tmp_path / "impor").glob("*.hasil")
    kept.write_bytes(b"\x00" * 32 + kept.read_bytes()[32:])  # a forged signature
    client.post(f"/impor/baru/{token}/")
    assert len(reads) == 3  # the forged result was not used: the upload was read again


def test_kinerjas_own_published_pdf_imports_back(client, personas, other_agency):
    """The Pengukuran Kinerja PDF that kinerja publishes reads back through the web import: one 2016
    table with its 26 rows, budget and signatory, nothing undecided."""
    pdf = client.get(f"{BASE}/2016/unduh/pengukuran.pdf").content
    assert pdf.startswith(b"%PDF")
    client.force_login(personas["other_operator"])
    document = SimpleUploadedFile("pengukuran-2016.pdf", pdf, "application/pdf")
    preview = client.post("/impor/baru/", {"agency": other_agency.pk, "document": document}).content.decode()
    assert "tidak dapat ditentukan" not in preview and "dibatalkan" not in preview
    assert "Jumlah anggota koperasi pada koperasi aktif" in preview and "2016" in preview
    token = re.search(r"/impor/baru/([\w-]{10,})/", preview).group(1)
    client.post(f"/impor/baru/{token}/")
    year = AgencyYear.objects.get(agency=other_agency, year=2016)
    assert Target.objects.filter(indicator__agency=other_agency, year=2016).count() == 26
    assert year.signatory is not None and year.signatory.name == "Ir. ACHMAD SUPRAPTO"


def test_a_percentage_typed_into_a_percent_cell_is_read_as_shown(client, personas, agency):
    """Excel keeps '63,31 %' typed into a cell formatted as a percentage as 0,6331: the template reads
    what the person saw, 63,31, not a capaian a hundred times too small."""
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")
    client.force_login(personas["operator"])
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/2016/entri/templat.xlsx").content))
    sheet = workbook["Entri"]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 3).value == "Persentase koperasi aktif")
    cell = sheet.cell(row, 10)
    cell.value, cell.number_format = 0.6331, "0.00%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = upload(client, 2016, buffer.getvalue()).content.decode()
    assert "1 perubahan angka" in html and "63,31" in html
    token = re.search(r"/entri/unggah/([\w-]{10,})/", html).group(1)
    client.post(f"{BASE}/2016/entri/unggah/{token}/")
    aktif = Indicator.objects.get(agency=agency, name="Persentase koperasi aktif")
    assert Realisation.objects.get(indicator=aktif, year=2016, quarter=0).value == Decimal("63.31")


def test_the_excel_template_carries_grades_as_grades(client, personas, agency, draft_year):
    """An indicator measured by the BPK opinion: the template shows WTP, an untouched row changes nothing,
    WDP typed as the realisation is its score 3, and a score typed instead of a grade is refused."""
    from tests.web.helpers import add_indicator

    opini = add_indicator(user=personas["operator"], agency_year=draft_year, name="Opini BPK", unit="opini BPK")
    save_figure(user=personas["operator"], agency_year=draft_year, indicator=opini, field="target", value="4")
    client.force_login(personas["operator"])
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/2017/entri/templat.xlsx").content))
    sheet = workbook["Entri"]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 3).value == "Opini BPK")
    assert sheet.cell(row, 5).value == "WTP"
    sheet.cell(row, 10).value = "WDP"
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = upload(client, 2017, buffer.getvalue()).content.decode()
    assert "1 perubahan angka" in html
    token = re.search(r"/entri/unggah/([\w-]{10,})/", html).group(1)
    client.post(f"{BASE}/2017/entri/unggah/{token}/")
    assert Realisation.objects.get(indicator=opini, year=2017, quarter=0).value == 3
    sheet.cell(row, 10).value = 3  # the score, not the grade
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = upload(client, 2017, buffer.getvalue()).content.decode()
    assert "bukan predikat pada skala opini BPK" in html


def test_the_excel_preview_says_a_figure_it_would_write_outside_its_range(client, personas, agency):
    """62,87 % typed as 6287 (the decimal comma lost in Excel): above the 0 to 100 of a percentage."""
    from kinerja.core import year as core
    from kinerja.web.performance import store

    year = AgencyYear.objects.get(agency=agency, year=2016)
    AgencyYear.objects.filter(pk=year.pk).update(status="draft")
    aktif = Indicator.objects.get(agency=agency, name="Persentase koperasi aktif")
    bounds = [
        core.SetInfo(aktif.pk, "plausible_min", Decimal(0)),
        core.SetInfo(aktif.pk, "plausible_max", Decimal(100)),
    ]
    store.apply(personas["operator"], AgencyYear.objects.get(pk=year.pk), bounds, origin="form")
    client.force_login(personas["operator"])
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/2016/entri/templat.xlsx").content))
    sheet = workbook["Entri"]
    rows = {sheet.cell(r, 3).value: r for r in range(4, sheet.max_row + 1)}
    sheet.cell(rows["Persentase koperasi aktif"], 10).value = 6287
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = upload(client, 2016, buffer.getvalue()).content.decode()
    assert (
        "Realisasi tahun &#x27;Persentase koperasi aktif&#x27; 6.287 di atas batas wajar (0 sampai 100); periksa "
        "angkanya, atau tuliskan penjelasannya di catatan." in html
    )
    assert "1 perubahan angka" in html  # a warning, not a refusal: the preview still offers to save it
