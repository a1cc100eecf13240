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


def report_pages(region: Region):
    """Pages and files built from an agency year's report data (its earlier years, end targets, PK, text)."""
    agency_year = AgencyYear.objects.filter(agency__region=region).order_by("agency__name", "-year").first()
    year = f"/{region.slug}/{agency_year.agency.slug}/{agency_year.year}"
    return [
        f"{year}/lkjip/",
        f"{year}/unduh/lkjip-lengkap.docx",
        f"/{region.slug}/data-terbuka/capaian-{agency_year.year}.csv",
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
    # the agency year for its operator: 20, the region's scale, the agency's and the region's former names
    assert max(large_counts) <= 23
    small_counts = [query_count(client, url) for url in report_pages(small)]
    large_counts = [query_count(client, url) for url in report_pages(large)]
    assert small_counts == large_counts
    # the reports: 25, the agency's and the region's former names, the region's former heads; the open data
    # names the region once more for its title (the name of that year)
    assert max(large_counts) <= 29


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
    # each year keeps its signature block as signed: no official is read, however the years were fetched
    assert queries(list(signed[:1])) == queries(list(signed)) == queries(list(signed.select_related("signatory")))
    # a year kept before signature blocks were (no signer): its officials in one query
    AgencyYear.objects.update(signer=None)
    unsigned = AgencyYear.objects.exclude(signatory=None).order_by("year")
    assert queries(list(unsigned[:1])) == queries(list(unsigned)) == queries(list(signed)) + 1


@pytest.mark.django_db
def test_the_evaluation_page_and_the_board_do_not_grow_with_the_agency(client):
    """The LKE page (the sheet, kinerja's facts from 3 or 30 indicators) and the status board with each
    agency's predikat: the same number of queries for a small and a large region."""
    from kinerja.web.performance import evaluation
    from kinerja.web.performance.models import Agency, Membership
    from tests.web.conftest import make_user

    small = build_region(agencies=2, indicators=3, years=2, name="Kabupaten Kecil")
    large = build_region(agencies=40, indicators=30, years=6, name="Kabupaten Besar", seed=2)
    user = make_user("rita", "reviewer", region=small)
    Membership.objects.create(user=user, role="reviewer", region=large)
    client.force_login(user)
    counts = []
    for region in (small, large):
        agency = Agency.objects.filter(region=region).order_by("name").first()
        year = AgencyYear.objects.filter(agency=agency).order_by("-year").first().year
        parts = {"perencanaan", "pengukuran", "pelaporan", "evaluasi", "capaian"}
        evaluation.save(user, agency, year, {"version": "0", **{f"s_{p}.nilai": "70" for p in parts}})
        evaluation.add_recommendation(user, agency, year, "Lengkapi IKU.")
        client.get(f"/{region.slug}/papan/")  # renews the session once, not the page's own
        counts.append([query_count(client, f"/{region.slug}/{agency.slug}/evaluasi/{year}/"),
                       query_count(client, f"/{region.slug}/papan/?tahun={year}")])  # fmt: skip
    assert counts[0] == counts[1], counts
