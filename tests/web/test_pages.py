"""The pages people read: content, Indonesian numbers, access."""

import pytest
from django.urls import reverse

from kinerja.web.performance.models import AgencyYear, Indicator, SourceFile

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"


def test_home_goes_to_the_only_region(client, banjar):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/kabupaten-banjar/"


def test_region_overview(client, banjar):
    html = client.get("/kabupaten-banjar/").content.decode()
    assert "Dinas Koperasi dan UMKM" in html
    assert "134,03 %" in html  # uncapped mean of the 25 computable 2016 indicators
    assert "97,65 %" in html
    for year in (2013, 2014, 2015, 2016):
        assert f"{BASE}/{year}/" in html


def test_2016_form(client, banjar):
    html = client.get(f"{BASE}/2016/").content.decode()
    assert "Persentase koperasi aktif" in html
    assert "62,87 %" in html and "100,59" in html
    assert "Rp. 46.821 (juta)" in html and "19.393 orang" in html
    assert "tidak dapat dihitung" in html  # SDM yang mengikuti pelatihan, target 0
    assert "Rp 2.165.319.100" in html and "Rp 2.114.446.240" in html and "97,65 %" in html
    assert "Ir. ACHMAD SUPRAPTO" in html and "19600512 198503 1 025" in html


def test_2015_form_flags_jumlah_anggota_koperasi(client, banjar):
    html = client.get(f"{BASE}/2015/").content.decode()
    assert "capaian tertulis tidak sesuai dengan target dan realisasi" in html  # capaian_mismatch, in words
    assert "&#x27;Jumlah anggota koperasi&#x27;: tertulis 109,10" in html
    assert "tahun pada judul bertentangan dengan anggaran" in html  # year_mismatch


def test_indicator_history(client, banjar):
    indicator = Indicator.objects.get(name="Persentase koperasi aktif")
    html = client.get(reverse("performance:indicator", args=[indicator.pk])).content.decode()
    for year, value in ((2013, "59,91 %"), (2014, "60,26 %"), (2015, "61,47 %"), (2016, "62,87 %")):
        assert f">{year}<" in html and value in html
    assert "67,50 %" in html and "93,14" in html
    chart = client.get(reverse("performance:indicator_chart", args=[indicator.pk]))
    assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"
    assert b"<svg" in chart.content


def test_import_findings_page_needs_login_and_links_rows(client, banjar, personas):
    source = SourceFile.objects.get()
    url = reverse("performance:import_findings", args=[source.pk])
    assert client.get(url).status_code == 302
    client.force_login(personas["operator"])
    html = client.get(url).content.decode()
    assert "capaian_mismatch" in html and f"{BASE}/2015/#ind-" in html
    client.force_login(personas["other_operator"])
    assert client.get(url).status_code == 403


def test_draft_year_is_not_public(client, banjar, agency, personas):
    AgencyYear.objects.filter(agency=agency, year=2016).update(status=AgencyYear.Status.DRAFT)
    response = client.get(f"{BASE}/2016/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]
    assert f"{BASE}/2016/" not in client.get("/kabupaten-banjar/").content.decode()
    client.force_login(personas["other_operator"])
    assert client.get(f"{BASE}/2016/").status_code == 403
    for persona in ("operator", "head", "reviewer", "admin"):
        client.force_login(personas[persona])
        assert client.get(f"{BASE}/2016/").status_code == 200, persona


@pytest.mark.parametrize("url", ["/tidak-ada/", f"{BASE}/1999/", "/indikator/999999/"])
def test_missing_pages_are_404(client, banjar, url):
    assert client.get(url).status_code == 404


def test_indonesian_by_default_english_on_request(client, banjar):
    html = client.get(f"{BASE}/2016/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert 'lang="id"' in html and "Sasaran Strategis" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(f"{BASE}/2016/").content.decode()
    assert 'lang="en"' in html and "Strategic objective" in html
    assert "62,87 %" in html  # numbers stay Indonesian-formatted


def test_year_figure_is_derived_from_quarters(client, banjar, agency):
    from decimal import Decimal

    from kinerja.web.performance.models import Realisation

    indicator = Indicator.objects.get(agency=agency, name="Jumlah koperasi yang mengakses permodalan")
    Realisation.objects.filter(indicator=indicator, year=2016).delete()
    for quarter, value in ((1, 1), (2, 1), (3, 2)):
        Realisation.objects.create(indicator=indicator, year=2016, quarter=quarter, value=Decimal(value))
    indicator.targets.filter(year=2016).update(cumulation="sum")  # the year's own rule
    row = client.get(f"{BASE}/2016/").content.decode().split(f'id="ind-{indicator.pk}"')[1].split("</tr>")[0]
    assert "4 unit" in row and "80,00" in row  # 1 + 1 + 2 of target 5
    indicator.targets.filter(year=2016).update(cumulation="last")
    row = client.get(f"{BASE}/2016/").content.decode().split(f'id="ind-{indicator.pk}"')[1].split("</tr>")[0]
    assert "2 unit" in row and "40,00" in row


@pytest.mark.parametrize("cap, average", [(None, "134,03 %"), ("100", "92,08 %"), ("120", "96,10 %")])
def test_capaian_cap_for_averages(client, banjar, settings, cap, average):
    """The brief's domain notes: the 2016 form averages 134,03 uncapped, 92,08 capped at 100, 96,10 at 120."""
    settings.KINERJA_CAPAIAN_CAP = cap
    assert average in client.get("/kabupaten-banjar/").content.decode()


def test_the_new_pages_speak_english_on_request(client, banjar):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    data = client.get("/kabupaten-banjar/data-terbuka/").content.decode()
    assert "<h1>Open data" in data and "Data dictionary" in data
    assert "capaian_persen" in data  # column names are the data's own, in every language
    lkjip = client.get(f"{BASE}/2016/lkjip/").content.decode()
    assert "LKjIP text 2016" in lkjip and "Download the whole LKjIP" in lkjip
    year = client.get(f"{BASE}/2016/").content.decode()
    assert "Approvals:" in year and "published from an imported signed document" in year
