"""A region that was renamed (a Kabupaten that became a Kota) keeps its former name on the years already signed:
their Pengukuran Kinerja, LKjIP, region book and open data say the name they were signed under, the years after
it the new name.

Regression: every document printed the region's current name, so renaming the region on the admin page
retitled the published forms of every agency of every year, and made the bupati of those years a wali kota."""

import json

from django.test import Client

from kinerja.web.cli import SAMPLE_REGION
from kinerja.web.performance.models import AgencyYear, AuditEvent, Region, RegionName
from tests.web.helpers import REGION_TABLES, client_for, docx_text, said

NEW = "Kota Martapura"


def rename(admin, region: Region, name: str, former: list[tuple[int, str]] = ()) -> Region:
    """The admin's change form of the region, posted with a new name (and former names typed in its table)."""
    post = {
        "name": name, "slug": region.slug, "head": region.head_id or "", "sign_place": region.sign_place,
        "province": region.province_id or "", "former_heads-TOTAL_FORMS": 0, "former_heads-INITIAL_FORMS": 0,
        **REGION_TABLES, "former_names-TOTAL_FORMS": len(former),
    }  # fmt: skip
    for i, (year, old) in enumerate(former):
        post |= {f"former_names-{i}-until_year": year, f"former_names-{i}-name": old}
    response = client_for(admin).post(f"/kelola/performance/region/{region.pk}/change/", post)
    assert response.status_code == 302, said(response)[:3000]
    return Region.objects.get(pk=region.pk)


def test_a_former_region_name_holds_up_to_the_last_year_it_was_used(db):
    region = Region.objects.create(name="Kota Martapura")
    RegionName.objects.create(region=region, until_year=2016, name="Kabupaten Banjar")
    RegionName.objects.create(region=region, until_year=2010, name="Kabupaten Daerah Tingkat II Banjar")
    named = {year: Region.objects.get(pk=region.pk).name_in(year) for year in (2009, 2010, 2011, 2016, 2017)}
    assert named == {
        2009: "Kabupaten Daerah Tingkat II Banjar", 2010: "Kabupaten Daerah Tingkat II Banjar",
        2011: "Kabupaten Banjar", 2016: "Kabupaten Banjar", 2017: "Kota Martapura",
    }  # fmt: skip


def test_renaming_the_region_keeps_the_published_years_under_the_name_they_were_signed_with(
    agency, personas, admin, draft_year
):
    region = rename(admin, agency.region, NEW)
    # 2013–2016 were imported published, 2017 is a draft: the former name holds up to 2016
    assert list(region.former_names.values_list("until_year", "name")) == [(2016, SAMPLE_REGION)]
    base = f"/{region.slug}/{agency.slug}"
    published = docx_text(Client().get(f"{base}/2016/unduh/pengukuran.docx").content)
    assert f"Pemerintah Daerah : {SAMPLE_REGION}" in published and NEW not in published
    assert SAMPLE_REGION.upper() in published and NEW.upper() not in published
    lkjip = docx_text(Client().get(f"{base}/2016/unduh/lkjip-lengkap.docx").content)
    assert SAMPLE_REGION in lkjip and NEW not in lkjip
    csv = Client().get(f"/{region.slug}/data-terbuka/capaian-2016.csv").content.decode("utf-8-sig")
    assert SAMPLE_REGION in csv and NEW not in csv
    catalogue = json.loads(Client().get(f"/{region.slug}/data-terbuka/katalog.jsonld").content)
    titles = [d["dct:title"] for d in catalogue["dcat:dataset"]]
    assert any(t.endswith(f"{SAMPLE_REGION}, 2016") for t in titles) and not any(f"{NEW}, 2016" in t for t in titles)
    assert f"{SAMPLE_REGION} (kini {NEW})" in said(Client().get(f"{base}/2016/"))  # the year's page says both
    operator = client_for(personas["operator"])
    draft = docx_text(operator.get(f"{base}/2017/unduh/pengukuran.docx").content)
    assert f"Pemerintah Daerah : {NEW}" in draft and SAMPLE_REGION not in draft
    assert "(kini" not in said(operator.get(f"{base}/2017/"))
    # the rename and the former name it kept are in the trail
    renamed = AuditEvent.objects.filter(object_type="Region").latest("id")
    assert (renamed.before["nama"], renamed.after["nama"]) == (SAMPLE_REGION, NEW)


def test_a_region_renamed_twice_keeps_each_name_on_its_own_years(agency, admin, draft_year):
    region = rename(admin, agency.region, "Kota Banjar")
    AgencyYear.objects.filter(pk=draft_year.pk).update(status=AgencyYear.Status.SUBMITTED)  # 2017 now signed off
    region = rename(admin, region, NEW)
    assert list(region.former_names.values_list("until_year", "name")) == [(2016, SAMPLE_REGION), (2017, "Kota Banjar")]
    assert [region.name_in(y) for y in (2016, 2017, 2018)] == [SAMPLE_REGION, "Kota Banjar", NEW]


def test_a_former_region_name_the_admin_typed_is_kept_and_a_rename_before_any_signed_year_keeps_none(db, admin):
    from kinerja.web.performance.models import Agency, Membership

    region = Region.objects.create(name="Kabupaten Baru")
    Membership.objects.create(user=admin, role=Membership.Role.ADMIN, region=region)
    AgencyYear.objects.create(agency=Agency.objects.create(region=region, name="Dinas Baru"), year=2020)  # a draft
    region = rename(admin, region, "Kota Baru")
    assert not region.former_names.exists()
    region = rename(admin, region, "Kota Baru", former=[(2012, "Kabupaten Lama")])
    assert region.name_in(2012) == "Kabupaten Lama" and region.name_in(2013) == "Kota Baru"
