"""Addresses of regions and agencies: two names that make the same address, or a name that is one of the
site's own pages, still get an address of their own (before: an IntegrityError, or a page hidden)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver

from kinerja.web.performance.models import REGION_PATHS, ROOT_PATHS, Agency, Region
from kinerja.web.performance.services import find_agency


@pytest.fixture
def region(db):
    return Region.objects.create(name="Kabupaten Uji")


def test_two_names_that_make_the_same_address_get_two_addresses(region):
    first = Agency.objects.create(region=region, name="Dinas Koperasi UMKM")
    second = Agency.objects.create(region=region, name="Dinas Koperasi & UMKM")  # IntegrityError before
    third = Agency.objects.create(region=region, name="Dinas Koperasi, UMKM")
    assert (first.slug, second.slug, third.slug) == (
        "dinas-koperasi-umkm", "dinas-koperasi-umkm-2", "dinas-koperasi-umkm-3"
    )  # fmt: skip
    # the same address in another region is that region's own
    other = Region.objects.create(name="Kota Uji")
    assert Agency.objects.create(region=other, name="Dinas Koperasi UMKM").slug == "dinas-koperasi-umkm"


def test_the_command_lines_new_agency_whose_address_is_taken_is_created(region):
    Agency.objects.create(region=region, name="Dinas Koperasi UMKM")
    created = find_agency("Dinas Koperasi & UMKM", "Kabupaten Uji", create=True)
    assert created.slug == "dinas-koperasi-umkm-2" and created.name == "Dinas Koperasi & UMKM"


def test_a_name_that_is_a_page_of_the_site_gets_another_address(region):
    assert Agency.objects.create(region=region, name="Papan").slug == "papan-2"
    assert Agency.objects.create(region=region, name="RPJMD").slug == "rpjmd-2"
    assert Region.objects.create(name="Nasional").slug == "nasional-2"
    assert Agency.objects.create(region=region, name="—").slug == "perangkat-daerah"


def test_an_address_typed_by_the_admin_that_is_a_page_of_the_site_is_refused(region):
    agency = Agency(region=region, name="Dinas Data", slug="pencilan")
    with pytest.raises(ValidationError, match="dipakai halaman kinerja sendiri"):
        agency.full_clean()
    with pytest.raises(ValidationError, match="dipakai halaman kinerja sendiri"):
        Region(name="Kabupaten Impor", slug="impor").full_clean()


def _literal_heads(patterns, prefix=""):
    """The first literal segment of every route below ``prefix`` ('<slug:region>/' or '')."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _literal_heads(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def test_every_page_of_the_site_is_among_the_reserved_addresses():
    routes = list(_literal_heads(get_resolver().url_patterns))
    root = {r.split("/")[0] for r in routes if r and not r.startswith("<")}
    below_region = {
        r.split("/")[1] for r in routes if r.startswith("<slug:region>/") and not r.split("/")[1].startswith("<")
    }
    below_region.discard("")
    assert root - {"static"} <= ROOT_PATHS, root - ROOT_PATHS
    assert below_region <= REGION_PATHS, below_region - REGION_PATHS
