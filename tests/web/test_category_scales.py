"""A region's own category scale, set by its admin from a year on: every page, report and open-data row of the
years it decides uses it, and a signed or published year keeps the categories it was given. Figures worked out
by hand in each test."""

from collections import Counter
from decimal import Decimal

import pytest

from kinerja.core import snapshot
from kinerja.core import year as core
from kinerja.core.categories import PERMENDAGRI_BANDS, parse_scale
from kinerja.reports import build, lkjip, opendata
from kinerja.web.cli import SAMPLE_AGENCY
from kinerja.web.performance import scales, selectors, store
from kinerja.web.performance.models import AgencyYear, AuditEvent, CategoryScale, Membership, Region
from kinerja.web.performance.reporting import agency_year_data, region_year_data
from tests.web.conftest import make_user
from tests.web.helpers import client_for, docx_text, said

BASE = "/kabupaten-uji/dinas-uji"
ADD = "/kelola/performance/categoryscale/add/"
FOUR = "90,5 | SB | Sangat Baik\n75 | B | Baik\n50 | C | Cukup\n | K | Kurang"


@pytest.fixture
def year_2020(team):
    """Cakupan layanan 77 of a target of 85: 77 ÷ 85 × 100 = 90,59 % (Tinggi on the Permendagri scale, under 91;
    Sangat Baik on FOUR, from 90,5). Desa terlayani 74 of 100: 74 % (Sedang, from 66; Cukup on FOUR, under 75).
    Their mean (90,588 + 74) ÷ 2 = 82,29 %: Tinggi (from 76), and Baik on FOUR (from 75, under 90,5)."""
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    lines = [
        core.Line(indicator_id=None, ref="a", name="Cakupan layanan", unit="%", sasaran="Layanan",
                  figures={"target": core.Figure(Decimal(85)), "year": core.Figure(Decimal(77))}),
        core.Line(indicator_id=None, ref="b", name="Desa terlayani", unit="desa", sasaran="Layanan",
                  figures={"target": core.Figure(Decimal(100)), "year": core.Figure(Decimal(74))}),
    ]  # fmt: skip
    store.apply(people["operator"], year, [core.AddLine(line) for line in lines], origin="form")
    return AgencyYear.objects.get(pk=year.pk), people


def add_scale(admin, *, from_year: int, bands: str = FOUR, region: Region | None = None, note: str = "Perbup 7/2020"):
    region = region or Region.objects.get(name="Kabupaten Uji")
    post = {"region": region.pk, "from_year": from_year, "bands": bands, "note": note}
    return said(client_for(admin).post(ADD, post, follow=True))


def test_the_admin_sets_a_scale_and_the_years_it_decides_are_categorised_on_it(year_2020):
    agency_year, people = year_2020
    reviewer = client_for(people["reviewer"])
    page = said(reviewer.get(f"{BASE}/2020/"))
    assert "Tinggi" in page and "Sangat Baik" not in page
    assert "Kategori menurut skala Permendagri 86/2017: ≥91 Sangat Tinggi" in page
    add_scale(people["admin"], from_year=2020, bands="90,5|SB|Sangat Baik\n75 | B |  Baik\n50|C|Cukup\n|K|Kurang")
    kept = CategoryScale.objects.get()
    assert kept.bands == FOUR.replace("90,5 |", "90,5 |")  # kept as kinerja writes it, whatever spacing was typed
    event = AuditEvent.objects.get(object_type="CategoryScale")
    assert event.region.name == "Kabupaten Uji" and event.year == 2020 and event.after["kategori"] == FOUR
    assert event.comment == "Perbup 7/2020"
    page = said(reviewer.get(f"{BASE}/2020/"))
    assert "Sangat Baik" in page and "Cukup" in page  # 90,59 % and 74 %
    assert '<span class="chip band-t">Baik</span></td></tr></tfoot>' in page  # the mean, 82,29 %: the second tone
    assert "Kategori menurut skala kategori yang ditetapkan daerah: ≥90,5 Sangat Baik, ≥75 Baik, ≥50 Cukup" in page
    # the region overview counts the lines in the scale's own columns and says which scale it is
    overview = said(reviewer.get("/kabupaten-uji/"))
    assert '<abbr title="Sangat Baik">SB</abbr>' in overview and "Skala kategori daerah: SB ≥ 90,5; B ≥ 75" in overview
    assert '<abbr title="Sangat Tinggi">ST</abbr>' not in overview
    # the LKjIP says the mean's category on it: 82,29 % is Baik
    text = docx_text(client_for(people["operator"]).get(f"{BASE}/2020/unduh/lkjip-lengkap.docx").content)
    assert "Rata-rata capaian seluruh indikator 82,29 %, kategori Baik" in text
    assert "Cakupan layanan: target 85 %, realisasi 77 %, capaian 90,59 %, kategori Sangat Baik." in text
    assert "Menurut kategori: 1 indikator Sangat Baik, 1 indikator Cukup." in text
    assert "Kategori menurut skala kategori yang ditetapkan daerah: ≥90,5 Sangat Baik, ≥75 Baik, ≥50 Cukup" in text
    # the admin's list says each version in one line; its form shows how to write one
    site = client_for(people["admin"])
    assert "SB ≥ 90,5; B ≥ 75; C ≥ 50; K &lt; 50" in site.get("/kelola/performance/categoryscale/").content.decode()
    assert "Kategori terendah tanpa batas bawah" in said(site.get(ADD))
    change = said(site.get(f"/kelola/performance/categoryscale/{kept.pk}/change/"))
    assert "ya: belum ada tahun yang ditandatangani atau dipublikasikan dengan skala ini" in change
    # the year before keeps the Permendagri scale
    assert scales.of_region(agency_year.agency.region_id, 2019) == PERMENDAGRI_BANDS


def test_the_region_book_has_a_column_per_category_of_the_scale(year_2020):
    agency_year, people = year_2020
    add_scale(people["admin"], from_year=2019)
    data = region_year_data(agency_year.agency.region, 2020, people["reviewer"])
    (summary, *_) = build.book("Kabupaten Uji", 2020, data).tables()
    assert [c.label for c in summary.columns][4:8] == ["SB", "B", "C", "K"]
    # one line SB, none B, one line C, none K
    assert [cell.text for cell in summary.rows[0][4:8]] == ["1", "0", "1", "0"]


def test_the_entry_preview_colours_the_capaian_by_the_scale(year_2020):
    agency_year, people = year_2020
    add_scale(people["admin"], from_year=2020)
    line = store.load(agency_year).by_name("Cakupan layanan")
    preview = (
        client_for(people["operator"])
        .get("/api/capaian/", {"indikator": line.indicator_id, "tahun": 2020, "target": "85", "year": "70"})
        .json()
    )
    # 70 ÷ 85 × 100 = 82,35: Baik, the second of four bands, coloured with the second tone
    assert (preview["capaian"], preview["kategori"], preview["kode"], preview["warna"]) == ("82,35", "Baik", "B", "T")


@pytest.mark.parametrize(
    "typed, reason",
    [
        ("1.000 | A | Istimewa\n | B | Biasa", "dapat dibaca 1.000 atau 1,000"),
        ("90 | ST | Sangat Tinggi\n95 | T | Tinggi\n | R | Rendah", "batas 95 harus lebih kecil"),
        ("90 | ST | Sangat Tinggi", "skala memerlukan 2 sampai 7 baris"),
    ],
)
def test_a_scale_that_cannot_be_used_is_refused_with_the_reason_and_nothing_is_kept(year_2020, typed, reason):
    _, people = year_2020
    page = add_scale(people["admin"], from_year=2021, bands=typed)
    assert reason in page
    assert not CategoryScale.objects.exists() and not AuditEvent.objects.filter(object_type="CategoryScale").exists()


def test_a_published_year_keeps_its_categories(banjar, personas):
    """The Banjar years 2013–2016 were imported as signed and published: a scale from 2015 would change the
    categories of 2015 and 2016, so it is refused naming them; from 2017 on it is taken."""
    admin = personas["admin"]
    banjar_region = Region.objects.get(name="Kabupaten Banjar")
    page = add_scale(admin, from_year=2015, region=banjar_region)
    assert "Skala untuk tahun 2015 dan sesudahnya tidak dapat diubah" in page
    assert f"{SAMPLE_AGENCY} 2015" in page and f"{SAMPLE_AGENCY} 2016" in page
    assert not CategoryScale.objects.exists()
    add_scale(admin, from_year=2017, region=banjar_region)
    assert CategoryScale.objects.get().from_year == 2017
    # a version set before the years were published (here, written straight into the database) is locked too:
    # neither changed nor removed, and its page says why
    old = CategoryScale.objects.create(region=banjar_region, from_year=2016, bands=FOUR)
    site = client_for(admin)
    change = said(site.get(f"/kelola/performance/categoryscale/{old.pk}/change/"))
    assert "Skala untuk tahun 2016 tidak dapat diubah" in change and f"{SAMPLE_AGENCY} 2016" in change
    post = {"region": banjar_region.pk, "from_year": 2016, "bands": "80 | A | Atas\n | B | Bawah", "note": ""}
    refused = said(site.post(f"/kelola/performance/categoryscale/{old.pk}/change/", post, follow=True))
    assert "tidak dapat diubah" in refused
    old.refresh_from_db()
    assert old.bands == FOUR
    assert site.post(f"/kelola/performance/categoryscale/{old.pk}/delete/", {"post": "yes"}).status_code == 403
    assert CategoryScale.objects.filter(pk=old.pk).exists()


def test_a_reopened_year_shows_the_public_its_published_categories_on_its_scale(year_2020):
    """A published year that an admin reopened is read from its published version by the public: on the
    same scale as before (a published year's scale cannot change)."""
    agency_year, people = year_2020
    add_scale(people["admin"], from_year=2020)
    year = store.load(agency_year)
    AgencyYear.objects.filter(pk=agency_year.pk).update(
        published=snapshot.dump(year), status="verified", published_at="2021-03-01T00:00:00Z"
    )
    reopened = AgencyYear.objects.get(pk=agency_year.pk)
    stranger = make_user("warga", Membership.Role.REVIEWER, region=Region.objects.create(name="Kota Lain"))
    public = store.load_visible(stranger, [reopened])
    assert public[reopened.pk].line(year.by_name("Cakupan layanan").indicator_id).band.code == "SB"


def test_an_admin_of_another_region_cannot_set_this_regions_scale(year_2020):
    other = Region.objects.create(name="Kota Lain")
    outsider = make_user("adminlain", Membership.Role.ADMIN, region=other)
    page = add_scale(outsider, from_year=2021)
    assert "Masukkan pilihan yang valid" in page  # the region is not one of theirs
    assert not CategoryScale.objects.exists()


def test_the_lkjip_overview_counts_categories_of_the_scale(year_2020):
    agency_year, people = year_2020
    add_scale(people["admin"], from_year=2020)
    data = agency_year_data(AgencyYear.objects.get(pk=agency_year.pk), people["operator"])
    assert data.bands == parse_scale(FOUR)
    said_ = " ".join(lkjip.overview(data))
    assert "kategori Baik" in said_ and "1 indikator Sangat Baik, 1 indikator Cukup" in said_
    # open data says each indicator's category on the same scale
    rows = {row["indikator"]: (row["capaian_persen"], row["kategori"]) for row in opendata.capaian_rows([data])}
    assert rows == {"Cakupan layanan": (Decimal("90.59"), "Sangat Baik"), "Desa terlayani": (Decimal("74.00"), "Cukup")}


def test_an_overview_of_years_on_two_scales_has_every_category_and_names_each_scale():
    """Agency A's latest year (2021) is on the region's new scale, agency B's (2020) on the Permendagri one: each
    keeps its own categories; the columns are the new scale's four, then the Permendagri five (none shared)."""
    four = parse_scale(FOUR)
    a = selectors.AgencySummary(agency=None, year=2021, scale=four, counts=Counter({"SB": 2, "C": 1}))
    b = selectors.AgencySummary(agency=None, year=2020, scale=PERMENDAGRI_BANDS, counts=Counter({"T": 3}))
    none_yet = selectors.AgencySummary(agency=None)
    columns, used = selectors.overview_columns([a, b, none_yet])
    assert [band.code for band in columns] == ["SB", "B", "C", "K", "ST", "T", "S", "R", "SR"]
    assert [n for _, n in a.bands] == [2, 0, 1, 0, 0, 0, 0, 0, 0]
    assert [n for _, n in b.bands] == [0, 0, 0, 0, 0, 3, 0, 0, 0]
    assert [n for _, n in none_yet.bands] == [0] * 9
    assert [(scale.years, scale.is_permendagri) for scale in used] == [((2021,), False), ((2020,), True)]
    assert used[0].described == "SB ≥ 90,5; B ≥ 75; C ≥ 50; K < 50"
