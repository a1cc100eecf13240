"""The region's IKU measured: Bappeda says which agency indicator measures an RPJMD IKU (one of an agency
sasaran serving its sasaran); the RPJMD page then shows each year's realisation and capaian against the
RPJMD target, and the progress toward the RPJMD end target, by the core rules, published years for the
public; a unit that differs is said, not computed."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core import year as core
from kinerja.web.performance import rpjmd as writes
from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear, AuditEvent, Indicator, RpjmdIndicator, Sasaran
from tests.web.helpers import client_for, said
from tests.web.test_rpjmd import plan  # noqa: F401  (the Banjar RPJMD 2016–2021 fixture)

ACTIVE = "Persentase koperasi aktif"


@pytest.fixture
def linked(plan, agency):  # noqa: F811
    region, rpjmd, sasaran, url = plan
    Sasaran.objects.filter(agency=agency, name__startswith="Terciptanya koperasi dan UMKM yang mampu").update(
        rpjmd_sasaran=sasaran
    )
    return region, rpjmd, sasaran, url


def measure(client, url, iku, indicator):
    iku = RpjmdIndicator.objects.select_related("measured_by__agency").get(pk=iku.pk)
    data = {
        "form": "measure",
        "pk": iku.pk,
        "seen": writes.fingerprint(iku),
        "indicator": indicator.pk if indicator else "",
    }
    return client.post(url, data, follow=True)


def iku_rows(page: str) -> list[str]:
    import re

    rows = [r for r in page.split("<tr") if 'class="iku-measure"' in r[:30]]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", "<tr" + r.split("</tr>")[0])).strip() for r in rows]


def test_bappeda_measures_an_iku_by_an_agency_indicator(linked, personas):
    region, rpjmd, sasaran, url = linked
    iku, active = RpjmdIndicator.objects.get(), Indicator.objects.get(name=ACTIVE)
    bappeda = client_for(personas["reviewer"])
    assert "Disimpan." in said(measure(bappeda, url, iku, active))
    assert RpjmdIndicator.objects.get().measured_by == active
    event = AuditEvent.objects.filter(origin="rpjmd").latest("id")
    assert event.after == {"diukur dengan": f"Dinas Koperasi dan UMKM: {ACTIVE}"} and event.before == {
        "diukur dengan": None
    }
    realisation, capaian = iku_rows(said(Client().get(url)))
    # 2016 (published): 62,87 % against the RPJMD's 55 → 62,87 ÷ 55 × 100 = 114,309… → 114,31;
    # 2017–2021 have no published realisation; toward the end target 67,5: 62,87 ÷ 67,5 × 100 = 93,14
    assert realisation.startswith("Realisasi (Dinas Koperasi dan UMKM: Persentase koperasi aktif) 62,87 % – – – – –")
    assert capaian == "% capaian (dihitung) 114,31 – – – – – 93,14 %"


def test_a_draft_realisation_is_for_those_who_may_read_it(linked, personas, draft_year):
    region, rpjmd, sasaran, url = linked
    iku, active = RpjmdIndicator.objects.get(), Indicator.objects.get(name=ACTIVE)
    bappeda = client_for(personas["reviewer"])
    measure(bappeda, url, iku, active)
    store.apply(personas["operator"], AgencyYear.objects.get(pk=draft_year.pk),
                [core.SetFigure(active.pk, "year", Decimal(64))], origin="form")  # fmt: skip
    # the reviewer reads the 2017 draft: 64 ÷ 57,5 × 100 = 111,304… → 111,30; 64 ÷ 67,5 × 100 = 94,81
    assert iku_rows(said(bappeda.get(url)))[1] == "% capaian (dihitung) 114,31 111,30 – – – – 94,81 %"
    assert iku_rows(said(Client().get(url)))[1] == "% capaian (dihitung) 114,31 – – – – – 93,14 %"  # the public


def test_only_an_indicator_of_a_serving_sasaran_and_only_bappeda(linked, personas):
    region, rpjmd, sasaran, url = linked
    iku = RpjmdIndicator.objects.get()
    office = Indicator.objects.filter(name__startswith="Pelayanan administrasi").first()  # its sasaran serves nothing
    page = said(measure(client_for(personas["reviewer"]), url, iku, office))
    assert "bukan indikator dari sasaran perangkat daerah yang mendukung sasaran RPJMD ini" in page
    assert RpjmdIndicator.objects.get().measured_by is None
    active = Indicator.objects.get(name=ACTIVE)
    assert measure(client_for(personas["operator"]), url, iku, active).status_code == 403
    assert RpjmdIndicator.objects.get().measured_by is None
    # the form offers the serving sasaran's indicators only
    form = said(client_for(personas["reviewer"]).get(url))
    assert f'<option value="{active.pk}">Dinas Koperasi dan UMKM: {ACTIVE}</option>' in form
    assert f'value="{office.pk}"' not in form


def test_units_that_differ_are_said_not_computed(linked, personas):
    region, rpjmd, sasaran, url = linked
    iku, active = RpjmdIndicator.objects.get(), Indicator.objects.get(name=ACTIVE)
    measure(client_for(personas["reviewer"]), url, iku, active)
    RpjmdIndicator.objects.filter(pk=iku.pk).update(unit="orang")
    page = said(Client().get(url))
    assert "satuan IKU 'orang' berbeda dengan satuan indikator '%'" in page
    assert iku_rows(page)[1] == "% capaian (dihitung) – – – – – – –"


def test_unmeasuring_and_a_stale_form(linked, personas):
    region, rpjmd, sasaran, url = linked
    iku, active = RpjmdIndicator.objects.get(), Indicator.objects.get(name=ACTIVE)
    bappeda = client_for(personas["reviewer"])
    stale = writes.fingerprint(RpjmdIndicator.objects.get())
    measure(bappeda, url, iku, active)
    page = said(bappeda.post(url, {"form": "measure", "pk": iku.pk, "seen": stale, "indicator": ""}, follow=True))
    assert "sudah diubah pengguna lain" in page and RpjmdIndicator.objects.get().measured_by == active
    fresh = writes.fingerprint(RpjmdIndicator.objects.select_related("measured_by__agency").get())
    for garbage in ("abc", "1e999", "٣", "9" * 40):
        page = said(
            bappeda.post(url, {"form": "measure", "pk": iku.pk, "seen": fresh, "indicator": garbage}, follow=True)
        )
        assert "Pilihan indikator tidak sah" in page and RpjmdIndicator.objects.get().measured_by == active, garbage
    measure(bappeda, url, iku, None)
    assert RpjmdIndicator.objects.get().measured_by is None and not iku_rows(said(Client().get(url)))


def test_the_page_keeps_its_queries_however_many_ikus_are_measured(linked, personas):
    region, rpjmd, sasaran, url = linked
    active = Indicator.objects.get(name=ACTIVE)
    RpjmdIndicator.objects.update(measured_by=active)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get(url).status_code == 200
        return len([q for q in ctx.captured_queries if "performance_" in q["sql"]])

    one = queries()
    for k in range(4):
        sasaran.indicators.create(name=f"IKU tambahan {k}", unit="%", measured_by=active).targets.create(
            year=2016, value=50 + k
        )
    assert queries() == one


def table_rows(content: bytes) -> list[list[str]]:
    import io

    import docx

    document = docx.Document(io.BytesIO(content))
    table = document.tables[0]  # the IKU table; the signature block is laid out as a table after it
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_regional_governments_measurement_form(linked, personas, draft_year):
    region, rpjmd, sasaran, url = linked
    iku, active = RpjmdIndicator.objects.get(), Indicator.objects.get(name=ACTIVE)
    bappeda = client_for(personas["reviewer"])
    measure(bappeda, url, iku, active)
    sasaran.indicators.create(name="Pertumbuhan ekonomi", unit="%", position=9).targets.create(year=2016, value=5)
    assert f"/rpjmd/{rpjmd.pk}/capaian-2016.pdf" in said(Client().get(url))
    rows = table_rows(Client().get(f"{url}capaian-2016.docx").content)
    body = [r for r in rows if r[0] in ("1", "2")]
    # 62,87 ÷ 55 × 100 = 114,31 (Sangat Tinggi, ≥ 91); toward 67,5: 62,87 ÷ 67,5 × 100 = 93,14
    assert body[0][2:] == [ACTIVE, "%", "55 %", "62,87 %", "114,31", "Sangat Tinggi", "67,5 %", "93,14",
                           f"Dinas Koperasi dan UMKM: {ACTIVE}"]  # fmt: skip
    assert body[1][2:] == ["Pertumbuhan ekonomi", "%", "5 %", "–", "–", "–", "–", "–", "belum diukur"]
    store.apply(personas["operator"], AgencyYear.objects.get(pk=draft_year.pk),
                [core.SetFigure(active.pk, "year", Decimal(64))], origin="form")  # fmt: skip
    public_2017 = [r for r in table_rows(Client().get(f"{url}capaian-2017.docx").content) if r[0] == "1"]
    assert public_2017[0][5] == "–"  # the 2017 draft is not public
    bappeda_2017 = [r for r in table_rows(bappeda.get(f"{url}capaian-2017.docx").content) if r[0] == "1"]
    assert bappeda_2017[0][5:7] == ["64 %", "111,30"]  # 64 ÷ 57,5 × 100 = 111,304…
    # the region's own scale from 2017 (no signed year yet): 111,30 is Baik (≥ 100, < 120) there, not Sangat Tinggi
    from kinerja.web.performance.models import CategoryScale

    CategoryScale.objects.create(
        region=region, from_year=2017, bands="120 | SB | Sangat Baik\n100 | B | Baik\n | K | Kurang"
    )
    bappeda_2017 = [r for r in table_rows(bappeda.get(f"{url}capaian-2017.docx").content) if r[0] == "1"]
    assert bappeda_2017[0][5:8] == ["64 %", "111,30", "Baik"]
    assert [r for r in table_rows(bappeda.get(f"{url}capaian-2016.docx").content) if r[0] == "1"][0][
        7
    ] == "Sangat Tinggi"
    assert Client().get(f"{url}capaian-2030.pdf").status_code == 404
    assert Client().get(f"{url}capaian-2016.odt").status_code == 404


def test_the_iku_results_are_open_data(linked, personas):
    import csv
    import io
    import json

    region, rpjmd, sasaran, url = linked
    iku, active = RpjmdIndicator.objects.get(), Indicator.objects.get(name=ACTIVE)
    measure(client_for(personas["reviewer"]), url, iku, active)
    data = f"/{region.slug}/data-terbuka"
    text = Client().get(f"{data}/iku-2016.csv").content.decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    # 62,87 ÷ 55 × 100 = 114,31; toward the end target: 62,87 ÷ 67,5 × 100 = 93,14
    assert (row["periode_rpjmd"], row["iku"], row["target"], row["realisasi"]) == ("2016–2021", ACTIVE, "55", "62.87")
    assert (row["capaian_persen"], row["kategori"], row["progres_persen"]) == ("114.31", "Sangat Tinggi", "93.14")
    assert row["diukur_dengan"] == f"Dinas Koperasi dan UMKM: {ACTIVE}"
    (kept,) = json.loads(Client().get(f"{data}/iku-2016.json").content)["baris"]
    assert kept["capaian_persen"] == 114.31 and kept["target_akhir"] == 67.5
    # 2015 is published but no RPJMD covers it: no IKU dataset that year
    assert Client().get(f"{data}/iku-2015.csv").status_code == 404
    page = said(Client().get(f"{data}/"))
    assert f"{data}/iku-2016.csv" in page and f"{data}/iku-2015.csv" not in page and "tidak ada RPJMD" in page
    catalogue = json.loads(Client().get(f"{data}/katalog.jsonld").content)
    assert sum(1 for d in catalogue["dcat:dataset"] if d["dct:identifier"].split("-")[-2] == "iku") == 1


def test_bappedas_queue_names_the_iku_not_measured_yet(linked, personas):
    region, rpjmd, sasaran, url = linked
    bappeda = client_for(personas["reviewer"])
    assert "1 IKU belum punya indikator perangkat daerah yang mengukurnya" in said(bappeda.get("/kerja/"))
    measure(bappeda, url, RpjmdIndicator.objects.get(), Indicator.objects.get(name=ACTIVE))
    assert "IKU daerah yang belum diukur" not in said(bappeda.get("/kerja/"))
    assert "IKU daerah yang belum diukur" not in said(client_for(personas["operator"]).get("/kerja/"))
