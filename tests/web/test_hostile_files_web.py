"""The issue's hostile files through the web, as an operator: a message naming the limit, within
seconds, and nothing written or kept."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import hostile
from tests.test_hostile_files import EXPECTED
from tests.test_hostile_files import files as files  # the generated files, once per module


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(set(EXPECTED) - {"xlsx-1m-rows"}))
def test_the_web_import_refuses_with_the_limit(files, name, banjar, personas, client, settings, tmp_path):
    from kinerja.web.performance.models import Agency, AgencyYear, AuditEvent, SourceFile

    settings.MEDIA_ROOT = str(tmp_path)
    client.force_login(personas["operator"])
    agency = Agency.objects.get(name="Dinas Koperasi dan UMKM")
    before = (AgencyYear.objects.count(), SourceFile.objects.count(), AuditEvent.objects.count())
    upload = SimpleUploadedFile(files[name].name, files[name].read_bytes())
    begin = time.perf_counter()
    response = client.post("/impor/baru/", {"agency": agency.pk, "document": upload})
    assert time.perf_counter() - begin < 10
    page = response.content.decode()
    assert response.status_code == 200 and EXPECTED[name] in page
    assert (AgencyYear.objects.count(), SourceFile.objects.count(), AuditEvent.objects.count()) == before
    assert not list((tmp_path / "impor").iterdir())  # the refused upload is not kept


@pytest.mark.django_db
def test_an_entry_template_of_a_million_rows_is_refused(banjar, personas, client, tmp_path):
    import json

    from kinerja.web.performance.models import AgencyYear

    year = AgencyYear.objects.get(year=2016)
    AgencyYear.objects.filter(pk=year.pk).update(status="draft")
    client.force_login(personas["operator"])
    base = "/kabupaten-banjar/dinas-koperasi-dan-umkm/2016/entri/unggah/"
    versions = json.dumps({"agency_year": year.pk, "versions": {}, "shown": {}})
    million = hostile.xlsx_many_rows(tmp_path / "juta.xlsx", versions=versions)
    assert million.stat().st_size < 10 * 1024 * 1024
    begin = time.perf_counter()
    declared = client.post(base, {"workbook": SimpleUploadedFile("entri.xlsx", million.read_bytes())})
    assert time.perf_counter() - begin < 10
    assert "berisi 1000000 baris, padahal tahun ini punya 26 indikator" in declared.content.decode()
    # the same without the sheet's declared size: read row by row and stopped at the limit
    hidden = hostile.xlsx_many_rows(tmp_path / "tanpa-ukuran.xlsx", rows=5_000, declared=False, versions=versions)
    response = client.post(base, {"workbook": SimpleUploadedFile("entri.xlsx", hidden.read_bytes())})
    assert "berisi lebih dari 1026 baris" in response.content.decode()  # 26 indicators + 1.000 rows of slack
