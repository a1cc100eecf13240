"""An agency renamed by a reorganisation (SOTK) keeps its former name on the years already signed: their
Pengukuran Kinerja, LKjIP and pages say the name they were signed under, the years after it the new name.

Regression: documents were printed with the agency's current name, so renaming the Dinas Koperasi dan UMKM
in 2017 retitled its published 2013–2016 forms."""

import pytest
from django.test import Client

from kinerja.web.cli import SAMPLE_AGENCY
from kinerja.web.performance.models import Agency, AgencyName, AgencyYear, Region
from tests.web.helpers import NO_ADDRESSES, client_for, docx_text, said

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
NEW = "Dinas Koperasi, Usaha Kecil dan Perdagangan"


def rename(admin, agency: Agency, name: str, former: list[tuple[int, str]] = ()) -> None:
    """The admin's change form of the agency, posted with a new name (and former names typed in its table)."""
    post = {
        "region": agency.region_id, "name": name, "slug": agency.slug, "sign_place": agency.sign_place,
        "sign_date_rule": agency.sign_date_rule, "former_names-TOTAL_FORMS": len(former),
        "former_names-INITIAL_FORMS": 0,
        **NO_ADDRESSES, "former_names-MIN_NUM_FORMS": 0, "former_names-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, (year, old) in enumerate(former):
        post |= {f"former_names-{i}-until_year": year, f"former_names-{i}-name": old}
    response = client_for(admin).post(f"/kelola/performance/agency/{agency.pk}/change/", post)
    assert response.status_code == 302, said(response)[:3000]


def test_a_former_name_holds_up_to_the_last_year_it_was_used(db):
    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Koperasi, UKM dan Perdagangan")
    AgencyName.objects.create(agency=agency, until_year=2016, name="Dinas Koperasi dan UMKM")
    AgencyName.objects.create(agency=agency, until_year=2014, name="Kantor Koperasi")
    named = {year: Agency.objects.get(pk=agency.pk).name_in(year) for year in range(2012, 2019)}
    assert named == {
        2012: "Kantor Koperasi", 2013: "Kantor Koperasi", 2014: "Kantor Koperasi",
        2015: "Dinas Koperasi dan UMKM", 2016: "Dinas Koperasi dan UMKM",
        2017: "Dinas Koperasi, UKM dan Perdagangan", 2018: "Dinas Koperasi, UKM dan Perdagangan",
    }  # fmt: skip


def test_renaming_keeps_the_published_years_under_the_name_they_were_signed_with(agency, personas, admin, draft_year):
    rename(admin, agency, NEW)
    # 2013–2016 were imported published, 2017 is a draft: the former name holds up to 2016
    assert list(AgencyName.objects.filter(agency=agency).values_list("until_year", "name")) == [(2016, SAMPLE_AGENCY)]
    published = docx_text(Client().get(f"{BASE}/2016/unduh/pengukuran.docx").content)
    assert SAMPLE_AGENCY.upper() in published and f"Perangkat Daerah : {SAMPLE_AGENCY}" in published
    assert NEW not in published and NEW.upper() not in published
    page = said(Client().get(f"{BASE}/2016/"))
    assert f"{SAMPLE_AGENCY} (kini {NEW})" in page
    operator = client_for(personas["operator"])
    draft = docx_text(operator.get(f"{BASE}/2017/unduh/pengukuran.docx").content)
    assert f"Perangkat Daerah : {NEW}" in draft and SAMPLE_AGENCY.upper() not in draft
    assert "(kini" not in said(operator.get(f"{BASE}/2017/"))


def test_a_second_rename_keeps_each_name_on_its_own_years(banjar, agency, admin, draft_year):
    rename(admin, agency, "Dinas Koperasi dan Usaha Mikro")
    AgencyYear.objects.filter(pk=draft_year.pk).update(status=AgencyYear.Status.SUBMITTED)  # 2017 now signed off
    rename(admin, Agency.objects.get(pk=agency.pk), NEW, former=[])
    names = list(AgencyName.objects.filter(agency=agency).values_list("until_year", "name"))
    assert names == [(2016, SAMPLE_AGENCY), (2017, "Dinas Koperasi dan Usaha Mikro")]
    renamed = Agency.objects.get(pk=agency.pk)
    assert [renamed.name_in(y) for y in (2016, 2017, 2018)] == [SAMPLE_AGENCY, "Dinas Koperasi dan Usaha Mikro", NEW]


def test_a_former_name_the_admin_typed_is_kept_and_a_rename_before_any_signed_year_keeps_none(db, personas, admin):
    region = Region.objects.get(name="Kabupaten Banjar")
    fresh = Agency.objects.create(region=region, name="Dinas Baru")
    AgencyYear.objects.create(agency=fresh, year=2020)  # a draft: nothing signed yet
    rename(admin, fresh, "Dinas Baru Sekali")
    assert not AgencyName.objects.filter(agency=fresh).exists()
    rename(admin, Agency.objects.get(pk=fresh.pk), "Dinas Baru Sekali", former=[(2012, "Kantor Lama")])
    assert Agency.objects.get(pk=fresh.pk).name_in(2012) == "Kantor Lama"


def test_a_renstra_is_printed_under_the_name_the_agency_has_at_its_end(agency, personas, admin, draft_year):
    """A plan that ended before the reorganisation keeps the former name; one running across it is revised under
    the new name. Never today's date: the same file every time."""
    from kinerja.web.performance.models import PlanPeriod

    rename(admin, agency, NEW)  # the former name holds up to 2016
    ended, _ = PlanPeriod.objects.get_or_create(agency=agency, start_year=2011, end_year=2015)
    running, _ = PlanPeriod.objects.get_or_create(agency=agency, start_year=2016, end_year=2021)
    reader = client_for(personas["reviewer"])
    old = docx_text(reader.get(f"{BASE}/rencana-strategis/{ended.pk}.docx").content)
    new = docx_text(reader.get(f"{BASE}/rencana-strategis/{running.pk}.docx").content)
    assert SAMPLE_AGENCY.upper() in old.upper() and NEW.upper() not in old.upper()
    assert NEW.upper() in new.upper() and SAMPLE_AGENCY.upper() not in new.upper()


@pytest.mark.parametrize("year, said_", [("1899", "Tahun paling awal 2000."), ("99999", "Tahun paling akhir 2100.")])
def test_a_former_names_year_out_of_reach_is_refused_with_the_reason(agency, admin, year, said_):
    post = {
        "region": agency.region_id, "name": agency.name, "slug": agency.slug, "sign_place": agency.sign_place,
        "sign_date_rule": agency.sign_date_rule, "former_names-TOTAL_FORMS": 1, "former_names-INITIAL_FORMS": 0,
        **NO_ADDRESSES,
        "former_names-MIN_NUM_FORMS": 0, "former_names-MAX_NUM_FORMS": 1000,
        "former_names-0-until_year": year, "former_names-0-name": "Kantor Lama",
    }  # fmt: skip
    response = client_for(admin).post(f"/kelola/performance/agency/{agency.pk}/change/", post)
    assert response.status_code == 200 and said_ in said(response)
    assert not AgencyName.objects.filter(agency=agency).exists()


def test_a_rename_with_the_former_name_typed_in_the_same_form_keeps_the_typed_one(agency, admin, draft_year):
    """Regression: the rename added its own former name for 2016 before the typed one was saved, and the second
    row for 2016 broke the form with a server error."""
    rename(admin, agency, NEW, former=[(2016, "Dinas Koperasi dan Usaha Mikro Kecil Menengah")])
    names = list(AgencyName.objects.filter(agency=agency).values_list("until_year", "name"))
    assert names == [(2016, "Dinas Koperasi dan Usaha Mikro Kecil Menengah")]
