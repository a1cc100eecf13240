"""Public pages come from the page cache until an audited change, never for logged-in people, and
choosing a language still works for a reader whose page came from the cache."""

from decimal import Decimal

from django.test import Client

from kinerja.core import year as core
from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"


def test_public_pages_are_cached_until_an_audited_change(cached, banjar, personas):
    public = Client()
    first = public.get(f"{BASE}/2016/")
    assert first.status_code == 200 and "X-Kinerja-Cache" not in first
    second = public.get(f"{BASE}/2016/")
    assert second["X-Kinerja-Cache"] == "hit" and second.content == first.content
    assert "Content-Security-Policy" in second  # the site's headers still apply
    year = AgencyYear.objects.get(year=2016)
    AgencyYear.objects.filter(pk=year.pk).update(status="draft")  # reopened for a correction ...
    line = store.load(year).lines[0]
    store.apply(personas["operator"], year, [core.SetFigure(line.indicator_id, "target", Decimal("99.5"))],
                origin="form")  # ... an audited change  # fmt: skip
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    third = public.get(f"{BASE}/2016/")
    assert "X-Kinerja-Cache" not in third and "99,5" in third.content.decode()
    for url in ("/kabupaten-banjar/", "/nasional/"):
        public.get(url)
        assert public.get(url)["X-Kinerja-Cache"] == "hit"


def test_logged_in_people_always_get_a_fresh_page(cached, banjar, personas):
    operator = Client()
    operator.force_login(personas["operator"])
    operator.get(f"{BASE}/2016/")
    assert "X-Kinerja-Cache" not in operator.get(f"{BASE}/2016/")


def test_choosing_a_language_from_a_cached_page(cached, banjar):
    public = Client(enforce_csrf_checks=True)
    public.get("/kabupaten-banjar/")
    reader = Client(enforce_csrf_checks=True)  # a new reader: the cached page, no CSRF cookie of their own
    page = reader.get("/kabupaten-banjar/")
    assert page["X-Kinerja-Cache"] == "hit"
    chosen = reader.post("/i18n/setlang/", {"language": "en", "next": "/kabupaten-banjar/"})
    assert chosen.status_code == 302
    assert reader.cookies["django_language"].value == "en"
    english = reader.get("/kabupaten-banjar/").content.decode()
    assert '<html lang="en">' in english  # kept apart from the Indonesian page in the cache


def test_a_region_or_agency_saved_without_an_audit_event_is_not_served_stale(cached, banjar):
    """A rename from the shell (or a script) leaves no audit event: the pages kept must still go."""
    from kinerja.web.performance.models import Agency, Region

    public = Client()
    public.get("/kabupaten-banjar/")
    assert public.get("/kabupaten-banjar/")["X-Kinerja-Cache"] == "hit"
    region = Region.objects.get(slug="kabupaten-banjar")
    region.name = "Kabupaten Banjar Raya"
    region.save()
    page = public.get("/kabupaten-banjar/")
    assert "X-Kinerja-Cache" not in page and "Kabupaten Banjar Raya" in page.content.decode()
    public.get(f"{BASE}/2016/")
    agency = Agency.objects.get(slug="dinas-koperasi-dan-umkm")
    agency.slug = "dinas-kumkm"
    agency.save()
    moved = public.get(f"{BASE}/2016/")
    # the former address leads to the new one instead of the page kept under it
    assert moved.status_code == 301 and moved["Location"] == "/kabupaten-banjar/dinas-kumkm/2016/"
