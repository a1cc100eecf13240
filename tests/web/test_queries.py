"""A page's number of queries does not grow with the agencies, indicators or years it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.web.performance.models import AgencyYear, Indicator, Region
from kinerja.web.performance.synthetic import build_region


def query_count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def pages(region: Region):
    agency_year = AgencyYear.objects.filter(agency__region=region).order_by("agency__name", "-year").first()
    indicator = Indicator.objects.filter(agency=agency_year.agency).first()
    return [
        f"/{region.slug}/",
        f"/{region.slug}/{agency_year.agency.slug}/{agency_year.year}/",
        reverse("performance:indicator", args=[indicator.pk]),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["public", "reviewer", "operator"])
def test_query_counts_are_constant(client, who):
    from kinerja.web.performance.models import Agency, Membership
    from tests.web.conftest import make_user

    small = build_region(agencies=2, indicators=3, years=2, name="Kabupaten Kecil")
    large = build_region(agencies=40, indicators=30, years=6, name="Kabupaten Besar", seed=2)
    assert Indicator.objects.filter(agency__region=large).count() == 1200
    if who != "public":
        user = make_user(who, who)
        for region in (small, large):  # an operator of the agency each page shows
            if who == "operator":
                agency = Agency.objects.filter(region=region).order_by("name").first()
                Membership.objects.create(user=user, role=who, agency=agency)
        client.force_login(user)
        client.get(pages(small)[0])  # renews the session (a write at most once a minute), not the page's own
    small_counts = [query_count(client, url) for url in pages(small)]
    large_counts = [query_count(client, url) for url in pages(large)]
    assert small_counts == large_counts
    assert max(large_counts) <= 20


def test_loading_years_reads_their_signatories_in_one_query_however_the_caller_fetched_them(banjar):
    """The rules page passed years without joining their signatory: load_many then read each signatory
    on its own (one query per year)."""
    from kinerja.web.performance import store

    def queries(agency_years) -> int:
        with CaptureQueriesContext(connection) as captured:
            years = store.load_many(agency_years)
        assert all(y.signatory is not None for y in years.values())  # Banjar's forms are all signed
        return len(captured)

    signed = AgencyYear.objects.exclude(signatory=None).order_by("year")
    assert signed.count() == 4
    assert queries(list(signed[:1])) == queries(list(signed)) == queries(list(signed.select_related("signatory"))) + 1
