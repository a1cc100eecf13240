"""The RPJMD: entered by the region's Bappeda (reviewer), linked from an agency's Renstra sasaran,
shown both ways, at the root of the pohon kinerja; constant queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.agreement import Level
from kinerja.web.performance import agreements
from kinerja.web.performance.models import Agency, Official, Region, Rpjmd, RpjmdIndicator, RpjmdSasaran, Sasaran
from kinerja.web.performance.pohon import year_tree


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def plan(banjar, personas):
    region = Region.objects.get(name="Kabupaten Banjar")
    bappeda = client_for(personas["reviewer"])
    page = bappeda.post(f"/{region.slug}/rpjmd/", {"start_year": "2016", "end_year": "2021"})
    plan = Rpjmd.objects.get(region=region)
    assert page["Location"] == f"/{region.slug}/rpjmd/{plan.pk}/"
    url = page["Location"]
    bappeda.post(url, {"form": "tujuan", "name": "Meningkatkan perekonomian daerah yang berdaya saing"})
    tujuan = plan.tujuan.get()
    bappeda.post(url, {"form": "sasaran", "tujuan": tujuan.pk, "name": "Meningkatnya daya saing koperasi dan UMKM"})
    sasaran = RpjmdSasaran.objects.get()
    targets = {
        f"target_{y}": v for y, v in zip(range(2016, 2022), ("55", "57,5", "60", "62,5", "65", "67,5"), strict=True)
    }
    bappeda.post(url, {"form": "indicator", "sasaran": sasaran.pk, "name": "Persentase koperasi aktif", "unit": "%",
                       "baseline": "52,75", "end_target": "67,5", **targets})  # fmt: skip
    return region, plan, sasaran, url


def test_bappeda_enters_the_rpjmd_with_yearly_targets(plan, personas):
    region, rpjmd, sasaran, url = plan
    indicator = RpjmdIndicator.objects.get()
    assert (indicator.baseline, indicator.end_target) == (Decimal("52.75"), Decimal("67.5"))
    assert dict(indicator.targets.values_list("year", "value")) == {
        2016: Decimal(55), 2017: Decimal("57.5"), 2018: Decimal(60), 2019: Decimal("62.5"), 2020: Decimal(65),
        2021: Decimal("67.5"),
    }  # fmt: skip
    page = Client().get(url).content.decode()  # public
    assert "Persentase koperasi aktif" in page and "57,5" in page and "52,75" in page
    operator = client_for(personas["operator"])
    assert operator.post(url, {"form": "tujuan", "name": "X"}).status_code == 403  # an agency's operator cannot
    bappeda = client_for(personas["reviewer"])
    page = bappeda.post(f"/{region.slug}/rpjmd/", {"start_year": "2021", "end_year": "2016"}, follow=True)
    assert "Periode RPJMD tidak sah" in page.content.decode() and Rpjmd.objects.count() == 1
    page = bappeda.post(url, {"form": "indicator", "sasaran": sasaran.pk, "name": "Y", "target_2016": "1,2,3"},
                        follow=True)  # fmt: skip
    assert "Target 2016" in page.content.decode() and RpjmdIndicator.objects.count() == 1


def test_an_agency_sasaran_serves_an_rpjmd_sasaran_shown_both_ways(plan, agency, personas):
    region, rpjmd, target, url = plan
    operator = client_for(personas["operator"])
    mine = Sasaran.objects.filter(agency=agency).order_by("id").first()
    operator.post(f"/{region.slug}/{agency.slug}/renstra/rpjmd/", {"sasaran": mine.pk, "rpjmd_sasaran": target.pk})
    mine.refresh_from_db()
    assert mine.rpjmd_sasaran == target
    renstra = operator.get(f"/{region.slug}/{agency.slug}/renstra/").content.decode()
    assert f'<option value="{target.pk}" selected>' in renstra
    assert agency.name in Client().get(url).content.decode()  # the RPJMD page names the agency serving it
    # another region's RPJMD sasaran is refused
    other = Region.objects.create(name="Kabupaten Lain")
    foreign = RpjmdSasaran.objects.create(
        tujuan=Rpjmd.objects.create(region=other, start_year=2016, end_year=2021).tujuan.create(name="T"), name="S"
    )
    page = operator.post(f"/{region.slug}/{agency.slug}/renstra/rpjmd/",
                         {"sasaran": mine.pk, "rpjmd_sasaran": foreign.pk}, follow=True)  # fmt: skip
    assert "pemerintah daerah lain" in page.content.decode()
    mine.refresh_from_db()
    assert mine.rpjmd_sasaran == target


def test_the_pohon_kinerja_starts_at_the_rpjmd_sasaran(plan, agency, personas):
    region, rpjmd, target, url = plan
    Sasaran.objects.filter(agency=agency, name__startswith="Terciptanya koperasi dan UMKM yang mampu").update(
        rpjmd_sasaran=target
    )
    head = Official.objects.filter(agency=agency).first()
    regent = Official.objects.create(agency=None, name="BUPATI", title="Bupati Banjar")
    pk = agreements.create(personas["operator"], agency, 2016, Level.ESELON_II, first_party=head, second_party=regent)
    agreements.fill_from_year(personas["operator"], pk)
    rows = year_tree(agency, 2016).rows()
    assert (rows[0].depth, rows[0].level, rows[0].indicator) == (0, "RPJMD", target.name)
    assert (rows[1].depth, rows[1].indicator) == (1, "Persentase koperasi aktif")
    assert all(r.depth == 0 for r in rows if r.indicator.startswith("Pelayanan administrasi"))  # not linked


def test_the_rpjmd_page_keeps_its_queries_whatever_its_size(plan, personas):
    region, rpjmd, sasaran, url = plan

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert Client().get(url).status_code == 200
        return len(ctx.captured_queries)

    small = queries()
    tujuan = rpjmd.tujuan.create(name="Tujuan dua", position=2)
    for i in range(4):
        s = tujuan.sasaran.create(name=f"Sasaran {i}")
        for k in range(3):
            s.indicators.create(name=f"IKU {i}.{k}").targets.create(year=2016, value=k)
        Sasaran.objects.create(agency=Agency.objects.first(), name=f"Sasaran PD {i}", rpjmd_sasaran=s)
    assert queries() == small


def test_the_rpjmd_and_renstra_are_downloaded_and_read_back(plan, agency, personas):
    import io

    import openpyxl
    import pdfplumber

    region, rpjmd, target, url = plan
    Sasaran.objects.filter(agency=agency, name__startswith="Terciptanya koperasi dan UMKM yang mampu").update(
        rpjmd_sasaran=target
    )
    public = Client()
    book = openpyxl.load_workbook(io.BytesIO(public.get(url.rstrip("/") + ".xlsx").content))
    rows = [[c.value for c in row] for row in book["IKU"].iter_rows()]
    header = next(r for r in rows if r and r[0] == "No")
    line = dict(zip(header, next(r for r in rows if r and r[2] == "Persentase koperasi aktif"), strict=True))
    assert (line["Kondisi awal"], line["2017"], line["Target akhir"]) == (52.75, 57.5, 67.5)
    links = [[c.value for c in row] for row in book["Keterkaitan"].iter_rows()]
    assert any(r[1] == agency.name and str(r[2]).startswith("Terciptanya koperasi") for r in links)
    with pdfplumber.open(io.BytesIO(public.get(url.rstrip("/") + ".pdf").content)) as pdf:
        assert "RPJMD KABUPATEN BANJAR 2016–2021" in pdf.pages[0].extract_text()
    page = public.get(f"/{region.slug}/{agency.slug}/rencana-strategis/").content.decode()
    plan_period = agency.plans.order_by("start_year").first()
    download = f"/{region.slug}/{agency.slug}/rencana-strategis/{plan_period.pk}.xlsx"
    assert download in page
    book = openpyxl.load_workbook(io.BytesIO(public.get(download).content))
    rows = [[c.value for c in row] for row in book["Sasaran"].iter_rows()]
    anggota = next(r for r in rows if r and str(r[2]).startswith("Jumlah anggota koperasi"))
    assert 19518 in anggota and "terlampaui" in (anggota[-1] or "")  # the end target and its warning
