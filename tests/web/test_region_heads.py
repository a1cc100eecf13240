"""A new head of region (bupati, wali kota, gubernur) leaves the years already signed to the former one: the
Perjanjian Kinerja of those years names them as second party and the region's Pengukuran Kinerja of the
RPJMD as its signatory; the years after name the new head.

Regression: both documents were printed with the region's current head, so electing a new bupati made him
the second party of every past year's PK, and the signatory of the region's published IKU measurements."""

import pytest
from django.test import Client

from kinerja.web.performance.models import AgencyYear, FormerHead, Official, Region
from tests.web.helpers import REGION_TABLES, client_for, docx_text, said
from tests.web.test_rpjmd import plan  # noqa: F401  (the Banjar RPJMD 2016–2021 fixture)

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
FORMER = "H. Pangeran Khairul Saleh"
NEW = "H. Khalilurrahman"


def change_head(admin, region: Region, head: Official, former: list[tuple[int, str, str]] = ()) -> str:
    """The admin's change form of the region, posted with another head (and former heads typed in its
    table: last year, name, NIP); the answer page's text when the form was refused, else ''."""
    post = {
        "name": region.name, "slug": region.slug, "head": head.pk, "sign_place": region.sign_place,
        "province": region.province_id or "", "former_heads-TOTAL_FORMS": len(former),
        "former_heads-INITIAL_FORMS": 0,
        **REGION_TABLES, "former_heads-MIN_NUM_FORMS": 0, "former_heads-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, (year, name, nip) in enumerate(former):
        post |= {f"former_heads-{i}-until_year": year, f"former_heads-{i}-name": name,
                 f"former_heads-{i}-title": "Bupati Banjar", f"former_heads-{i}-nip": nip}  # fmt: skip
    response = client_for(admin).post(f"/kelola/performance/region/{region.pk}/change/", post)
    return "" if response.status_code == 302 else said(response)


@pytest.fixture
def regents(banjar):
    """Banjar with its bupati of 2016 as head, and the one elected after him as an official not yet head."""
    region = Region.objects.get(name="Kabupaten Banjar")
    former = Official.objects.create(region=region, name=FORMER, title="Bupati Banjar")
    region.head = former
    region.save()
    return region, former, Official.objects.create(region=region, name=NEW, title="Bupati Banjar")


def test_a_former_head_holds_up_to_the_last_year_they_served(db):
    region = Region.objects.create(name="Kabupaten Uji")
    region.head = Official.objects.create(region=region, name="Bupati Kini", title="Bupati Uji")
    region.save()
    FormerHead.objects.create(region=region, until_year=2015, name="Bupati Kedua", title="Bupati Uji")
    FormerHead.objects.create(region=region, until_year=2010, name="Bupati Pertama")
    named = {year: Region.objects.get(pk=region.pk).head_in(year).name for year in (2009, 2010, 2011, 2015, 2016)}
    assert named == {2009: "Bupati Pertama", 2010: "Bupati Pertama", 2011: "Bupati Kedua", 2015: "Bupati Kedua",
                     2016: "Bupati Kini"}  # fmt: skip
    headless = Region.objects.create(name="Kota Uji")
    assert headless.head_in(2016) is None


def test_a_new_head_leaves_the_signed_years_perjanjian_kinerja_to_the_former_one(regents, admin, draft_year, personas):
    region, former, new = regents
    assert change_head(admin, region, new) == ""
    # 2013–2016 were imported published, 2017 is a draft: the former head holds up to 2016, as he was recorded
    kept = FormerHead.objects.get(region=region)
    assert (kept.until_year, kept.name, kept.title) == (2016, FORMER, "Bupati Banjar")
    signed = docx_text(Client().get(f"{BASE}/2016/unduh/perjanjian.docx").content)
    assert f"Nama : {FORMER}" in signed and NEW not in signed
    draft = docx_text(client_for(personas["operator"]).get(f"{BASE}/2017/unduh/perjanjian.docx").content)
    assert f"Nama : {NEW}" in draft and FORMER not in draft
    # the former head's record may change or go: what the signed years print stays
    former.delete()
    assert f"Nama : {FORMER}" in docx_text(Client().get(f"{BASE}/2016/unduh/perjanjian.docx").content)


def test_the_regions_measurement_form_of_a_past_year_is_signed_by_the_head_of_that_year(regents, admin, plan):  # noqa: F811
    region, former, new = regents
    _, rpjmd, _, url = plan
    assert change_head(admin, region, new) == ""
    past = docx_text(Client().get(f"{url}capaian-2016.docx").content)
    assert FORMER in past and NEW not in past
    AgencyYear.objects.filter(agency__region=region, year=2016).update(status=AgencyYear.Status.DRAFT)
    # the record the change kept stays even when the years are reopened; the admin corrects it by hand
    assert FORMER in docx_text(Client().get(f"{url}capaian-2016.docx").content)
    later = docx_text(Client().get(f"{url}capaian-2018.docx").content)
    assert NEW in later and FORMER not in later


def test_a_former_head_the_admin_typed_is_kept_and_a_change_before_any_signed_year_keeps_none(db, regents, admin):
    region, former, new = regents
    # typed with the change: a term ending 2015, and the year the change would keep (2016) covered by it
    assert change_head(admin, region, new, [(2015, "H. Rusli", ""), (2016, FORMER, "")]) == ""
    assert list(FormerHead.objects.filter(region=region).values_list("until_year", "name")) == [
        (2015, "H. Rusli"), (2016, FORMER)]  # fmt: skip
    fresh = Region.objects.create(name="Kabupaten Baru", head=new)
    assert change_head(admin, fresh, former) == ""  # no agency has signed a year yet: nothing to keep
    assert not FormerHead.objects.filter(region=fresh).exists()


@pytest.mark.parametrize(
    ("year", "nip", "says"),
    [
        (1999, "", "Tahun paling awal 2000."),
        (2101, "", "Tahun paling akhir 2100."),
        (2016, "12345", "NIP"),
    ],
)
def test_the_admin_is_told_what_is_wrong_with_a_former_head(regents, admin, year, nip, says):
    region, former, new = regents
    page = change_head(admin, region, new, [(year, "H. Rusli", nip)])
    assert says in page
    assert not FormerHead.objects.exists()
    assert Region.objects.get(pk=region.pk).head == former  # the refused form changed nothing
