"""A link shared before an admin changed a region's or an agency's address still leads to its page.

Regression: the address (slug) is part of every URL of a published year, its PDFs and the open data; changing
it on the admin page answered every link already shared (in a letter, on the region's website, in a printed
LKjIP) with 'not found'."""

import pytest

from kinerja.web.performance.addresses import current_path
from kinerja.web.performance.models import Agency, AuditEvent, FormerAddress, Region
from tests.web.helpers import NO_ADDRESSES, REGION_TABLES, client_for, said


@pytest.fixture
def kelola(admin):
    return client_for(admin)


def region_post(region: Region, slug: str) -> dict:
    return {"name": region.name, "slug": slug, "head": region.head_id or "", "sign_place": region.sign_place,
            "province": region.province_id or "", "former_heads-TOTAL_FORMS": 0, "former_heads-INITIAL_FORMS": 0,
            **REGION_TABLES}  # fmt: skip


def agency_post(agency: Agency, slug: str) -> dict:
    return {"region": agency.region_id, "name": agency.name, "slug": slug, "sign_place": agency.sign_place,
            "sign_date_rule": agency.sign_date_rule, "former_names-TOTAL_FORMS": 0, "former_names-INITIAL_FORMS": 0,
            **NO_ADDRESSES}  # fmt: skip


def move_region(kelola, slug: str) -> Region:
    region = Region.objects.get(name="Kabupaten Banjar")
    response = kelola.post(f"/kelola/performance/region/{region.pk}/change/", region_post(region, slug))
    assert response.status_code == 302
    return Region.objects.get(pk=region.pk)


def move_agency(kelola, agency: Agency, slug: str) -> Agency:
    response = kelola.post(f"/kelola/performance/agency/{agency.pk}/change/", agency_post(agency, slug))
    assert response.status_code == 302
    return Agency.objects.get(pk=agency.pk)


def test_links_to_a_region_whose_address_changed_lead_to_its_pages(agency, kelola, client):
    old = f"/kabupaten-banjar/{agency.slug}/2016/"
    assert client.get(old).status_code == 200
    move_region(kelola, "banjar")
    moved = client.get(old)
    assert moved.status_code == 301 and moved["Location"] == f"/banjar/{agency.slug}/2016/"
    assert "Dinas Koperasi" in said(client.get(moved["Location"]))
    # every page below it, downloads and the query string included
    assert client.get("/kabupaten-banjar/").status_code == 301
    assert client.get("/kabupaten-banjar/buku/2016.pdf")["Location"] == "/banjar/buku/2016.pdf"
    assert client.get("/kabupaten-banjar/?tahun=2016")["Location"] == "/banjar/?tahun=2016"
    assert client.head(old).status_code == 301  # link checkers ask with HEAD
    # the change is in the trail with both addresses; the admin page lists the former one
    event = AuditEvent.objects.filter(object_type="Region").latest("id")
    assert (event.before["alamat"], event.after["alamat"]) == ("kabupaten-banjar", "banjar")
    region = Region.objects.get(slug="banjar")
    assert "kabupaten-banjar" in said(kelola.get(f"/kelola/performance/region/{region.pk}/change/"))


def test_links_to_an_agency_whose_address_changed_lead_to_its_pages_also_under_a_former_region_address(
    agency, kelola, client
):
    first = f"/kabupaten-banjar/{agency.slug}/2016/"
    move_agency(kelola, agency, "diskop-umkm")
    assert client.get(first)["Location"] == "/kabupaten-banjar/diskop-umkm/2016/"
    move_region(kelola, "banjar")
    # both addresses changed since the link was made: one step to the page, not two
    response = client.get(first)
    assert response.status_code == 301 and response["Location"] == "/banjar/diskop-umkm/2016/"
    assert client.get(response["Location"]).status_code == 200


def test_only_a_get_is_sent_on_and_an_unknown_address_stays_not_found(agency, kelola, client):
    move_region(kelola, "banjar")
    # a form sent to a former address is not sent on (a redirect would turn it into a GET and lose it)
    assert kelola.post("/kabupaten-banjar/pencilan/batas-wajar/", {"x": "1"}).status_code == 404
    assert client.get("/kabupaten-tidak-ada/").status_code == 404
    assert client.get(f"/banjar/{agency.slug}-lama/2016/").status_code == 404
    assert client.get("/banjar/2099/").status_code == 404  # a current address with a page that is not there


def test_a_current_address_wins_over_a_former_one(agency, kelola, client):
    old = agency.slug
    move_agency(kelola, agency, "diskop-umkm")
    region = Region.objects.get(name="Kabupaten Banjar")
    newcomer = Agency.objects.create(region=region, name="Dinas Baru", slug=old)  # takes the free address
    assert client.get(f"/kabupaten-banjar/{old}/").status_code == 404  # its own answer: nothing published yet
    assert current_path(f"/kabupaten-banjar/{newcomer.slug}/") is None
    # an agency of another region with the same former address does not take this region's links
    tapin = Region.objects.create(name="Kabupaten Tapin")
    elsewhere = Agency.objects.create(region=tapin, name="Dinas Koperasi Tapin", slug="diskop-lama")
    elsewhere.slug = "diskop-tapin"
    elsewhere.save()
    assert client.get("/kabupaten-banjar/diskop-lama/").status_code == 404
    assert client.get("/kabupaten-tapin/diskop-lama/")["Location"] == "/kabupaten-tapin/diskop-tapin/"


def test_an_address_taken_back_is_current_again_and_the_later_one_is_former(agency, kelola, client):
    move_region(kelola, "banjar")
    move_region(kelola, "kabupaten-banjar")
    assert list(FormerAddress.objects.values_list("slug", flat=True)) == ["banjar"]
    assert client.get(f"/kabupaten-banjar/{agency.slug}/2016/").status_code == 200  # no circle of redirects
    assert client.get(f"/banjar/{agency.slug}/2016/")["Location"] == f"/kabupaten-banjar/{agency.slug}/2016/"
    # two regions left the same address: the latest to leave it has its links
    tapin = Region.objects.create(name="Kabupaten Tapin", slug="banjar-lama")
    tapin.slug = "kabupaten-tapin"
    tapin.save()
    banjar = Region.objects.get(name="Kabupaten Banjar")
    banjar.slug = "banjar-lama"
    banjar.save()
    banjar.slug = "kabupaten-banjar"
    banjar.save()
    assert client.get("/banjar-lama/")["Location"] == "/kabupaten-banjar/"


def test_an_address_changed_outside_the_admin_pages_is_kept_too(agency, client):
    old = agency.slug
    agency.slug = "dkumkm"
    agency.save()  # e.g. from the shell
    assert client.get(f"/kabupaten-banjar/{old}/2016/")["Location"] == "/kabupaten-banjar/dkumkm/2016/"
    assert FormerAddress.objects.get().agency == agency


@pytest.mark.parametrize(
    "path", ["/kabupaten%00banjar/", "/banjar/dinas%00umkm/2016/", "/%E2%80%AE/", "/" + "a" * 5000 + "/"]
)
def test_a_path_that_cannot_be_an_address_is_never_looked_up(agency, kelola, client, path):
    """A NUL (which PostgreSQL refuses in a query) or a text longer than any address answers 404, not 500."""
    move_region(kelola, "banjar")
    assert client.get(path).status_code == 404
