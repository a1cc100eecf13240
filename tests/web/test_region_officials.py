"""Every official belongs to one region: an agency's officials to its region, a bupati or sekretaris daerah (no
agency) to the region they serve. An agency's PK offers, and accepts, only its own officials and its own
region's; a region's head is one of its officials; a region's admin sees and picks only that region's.

Regression: an official of no agency was everyone's: on a site of several regions, Kabupaten Banjar's PK
page offered the Bupati of every other region as second party and accepted one, and the region admin's
list of heads held every official of the country."""

import pytest

from kinerja.core.agreement import Level
from kinerja.web.performance import agreements
from kinerja.web.performance.models import Agency, Agreement, Official, Region
from tests.web.helpers import REGION_TABLES, client_for, said
from tests.web.test_migrations import agency_before, migrated_forward

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"


@pytest.fixture
def two_regents(banjar, personas):
    banjar_region = Region.objects.get(name="Kabupaten Banjar")
    tapin = Region.objects.create(name="Kabupaten Tapin")
    Agency.objects.create(region=tapin, name="Dinas Koperasi Tapin")
    ours = Official.objects.create(region=banjar_region, name="BUPATI BANJAR", title="Bupati Banjar")
    theirs = Official.objects.create(region=tapin, name="BUPATI TAPIN", title="Bupati Tapin")
    return banjar_region, ours, theirs


def test_an_agencys_official_belongs_to_its_region_and_a_regent_to_the_one_they_serve(two_regents, agency):
    region, ours, theirs = two_regents
    head = Official.objects.create(agency=agency, name="KEPALA DINAS")
    assert head.region == region  # kept in step with the agency, not typed
    assert [o.serves(agency) for o in (head, ours, theirs)] == [True, True, False]
    elsewhere = Official.objects.create(agency=Agency.objects.get(name="Dinas Koperasi Tapin"), name="KEPALA TAPIN")
    assert not elsewhere.serves(agency)
    tapin_agency = elsewhere.agency
    tapin_agency.region = region  # an agency moved to Banjar (before it kept data) takes its officials along
    tapin_agency.save()
    assert Official.objects.get(pk=elsewhere.pk).region == region


def test_the_pk_page_offers_and_accepts_only_officials_of_its_agency_and_region(two_regents, agency, personas):
    region, ours, theirs = two_regents
    operator = client_for(personas["operator"])
    page = said(operator.get(f"{BASE}/pk/2016/"))
    assert "BUPATI BANJAR" in page and "BUPATI TAPIN" not in page
    refused = said(operator.post(f"{BASE}/pk/2016/", {"level": "2", "second_party": theirs.pk}, follow=True))
    assert "bukan pejabat perangkat daerah ini" in refused
    assert not Agreement.objects.filter(agency=agency).exists()
    with pytest.raises(agreements.Refused):  # the service refuses it whatever door it comes through
        agreements.create(personas["operator"], agency, 2016, Level.ESELON_II, second_party=theirs)
    pk = agreements.create(personas["operator"], agency, 2016, Level.ESELON_II, second_party=ours)
    with pytest.raises(agreements.Refused):
        agreements.set_parties(personas["operator"], pk, first_party=None, second_party=theirs)
    assert Agreement.objects.get(pk=pk.pk).second_party == ours


def test_a_regions_admin_picks_its_head_among_its_own_officials(two_regents, admin):
    region, ours, theirs = two_regents
    url = f"/kelola/performance/region/{region.pk}/change/"
    page = said(client_for(admin).get(url))
    assert "BUPATI BANJAR" in page and "BUPATI TAPIN" not in page
    post = {"name": region.name, "slug": region.slug, "head": theirs.pk, "sign_place": "", "province": "",
            "former_heads-TOTAL_FORMS": 0, "former_heads-INITIAL_FORMS": 0, **REGION_TABLES}  # fmt: skip
    assert client_for(admin).post(url, post).status_code == 200  # the form again, with its error
    assert Region.objects.get(pk=region.pk).head is None
    assert client_for(admin).post(url, post | {"head": ours.pk}).status_code == 302
    assert Region.objects.get(pk=region.pk).head == ours
    officials = said(client_for(admin).get("/kelola/performance/official/"))
    assert "BUPATI BANJAR" in officials and "BUPATI TAPIN" not in officials


def test_the_whole_sites_superuser_is_told_when_a_head_is_another_regions_official(two_regents):
    from django.core.exceptions import ValidationError

    region, ours, theirs = two_regents
    region.head = theirs
    with pytest.raises(ValidationError) as refused:
        region.full_clean()
    assert refused.value.message_dict["head"] == ["Kepala daerah harus pejabat pemerintah daerah ini."]


def test_an_official_needs_an_agency_or_a_region(two_regents, admin):
    region, ours, theirs = two_regents
    page = said(client_for(admin).post("/kelola/performance/official/add/", {"name": "SEKDA", "title": "Sekda"}))
    assert "Pilih perangkat daerah pejabat ini, atau pemerintah daerahnya" in page
    assert not Official.objects.filter(name="SEKDA").exists()
    tapin_agency = Agency.objects.get(name="Dinas Koperasi Tapin")
    with pytest.raises(Exception) as refused:
        Official(agency=tapin_agency, region=region, name="X").full_clean()
    assert "Perangkat daerah itu milik pemerintah daerah lain." in str(refused.value)


@pytest.mark.django_db(transaction=True)
def test_the_migration_places_every_official_in_their_region():
    """Migration 0039: an agency's officials take the agency's region; an official of no agency the region
    they head, else the region of the agency whose PK names them; one nobody uses stays unplaced."""
    old, agency = agency_before("0038_former_heads")
    Official = old.get_model("performance", "Official")
    kadis = Official.objects.create(agency=agency, name="KADIS")
    regent = Official.objects.create(name="BUPATI LAMA")
    Region = old.get_model("performance", "Region")
    Region.objects.filter(pk=agency.region_id).update(head=regent)
    second = Official.objects.create(name="WAKIL BUPATI")
    old.get_model("performance", "Agreement").objects.create(agency=agency, year=2020, level=2, second_party=second)
    nobody = Official.objects.create(name="TANPA TEMPAT")
    new = migrated_forward()
    placed = dict(new.get_model("performance", "Official").objects.values_list("name", "region_id"))
    assert placed == {"KADIS": agency.region_id, "BUPATI LAMA": agency.region_id, "WAKIL BUPATI": agency.region_id,
                      "TANPA TEMPAT": None}  # fmt: skip
    assert kadis.pk and nobody.pk
