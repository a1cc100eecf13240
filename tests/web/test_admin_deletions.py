"""The admin pages are no side door past the write path: an agency or a Renstra that keeps years, documents or
a trail is not deleted there, a Renstra's years and a sasaran's name are not changed there (the Renstra page
does it, with its locks and audit); a record added by mistake may still be deleted, and that is audited.

Regression: a region's admin could delete the Dinas Koperasi dan UMKM on its admin page, and with it its four
published years, its imported documents and its audit trail (which no one may delete); delete its Renstra
and with it the end targets its published years are measured against; and rename a sasaran that published
years print, with no trace."""

import pytest

from kinerja.web.performance.models import (
    Agency,
    AgencyYear,
    AuditEvent,
    EndTarget,
    PlanPeriod,
    Region,
    Sasaran,
    SourceFile,
)
from tests.web.helpers import NO_ADDRESSES, client_for, said


@pytest.fixture
def kelola(admin):
    """The admin of Kabupaten Banjar's browser on the admin site."""
    return client_for(admin)


def test_an_agency_with_published_years_is_not_deleted_and_the_page_says_why(agency, kelola):
    trail = AuditEvent.objects.filter(agency=agency).count()
    assert trail > 0
    url = f"/kelola/performance/agency/{agency.pk}/delete/"
    assert kelola.get(url).status_code == 403
    assert kelola.post(url, {"post": "yes"}).status_code == 403
    assert Agency.objects.filter(pk=agency.pk).exists()
    # the sample holds four yearly forms (2013–2016), all imported as published, from one text file
    assert AgencyYear.objects.filter(agency=agency).count() == 4 and SourceFile.objects.filter(agency=agency).exists()
    assert AuditEvent.objects.filter(agency=agency).count() == trail
    page = said(kelola.get(f"/kelola/performance/agency/{agency.pk}/change/"))
    assert "tidak: menyimpan 4 tahun" in page and "diubah namanya, bukan dihapus" in page
    listing = kelola.post("/kelola/performance/agency/", {"action": "delete_selected", "_selected_action": [agency.pk]})
    assert Agency.objects.filter(pk=agency.pk).exists() and listing.status_code in (200, 302)


def test_an_agency_added_by_mistake_is_deleted_and_the_trail_says_so(banjar, kelola, personas):
    region = Region.objects.get(name="Kabupaten Banjar")
    added = {"region": region.pk, "name": "Dinas Salah Ketik", "slug": "dinas-salah-ketik", "sign_place": "",
             "sign_date_rule": "approval", "former_names-TOTAL_FORMS": 0, "former_names-INITIAL_FORMS": 0,
             **NO_ADDRESSES}  # fmt: skip
    assert kelola.post("/kelola/performance/agency/add/", added).status_code == 302  # added on the admin page
    mistake = Agency.objects.get(name="Dinas Salah Ketik")
    official = {"name": "KEPALA SALAH", "title": "", "rank": "", "nip": "", "grade": "", "eselon": "",
                "agency": mistake.pk, "region": ""}  # fmt: skip
    assert kelola.post("/kelola/performance/official/add/", official).status_code == 302
    assert AuditEvent.objects.filter(agency=mistake).count() == 2  # its creation and its official's
    assert "ya: belum menyimpan apa pun" in said(kelola.get(f"/kelola/performance/agency/{mistake.pk}/change/"))
    assert kelola.post(f"/kelola/performance/agency/{mistake.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Agency.objects.filter(pk=mistake.pk).exists()
    event = AuditEvent.objects.get(object_type="Agency", action=AuditEvent.Action.DELETE)
    assert (event.region_id, event.agency_id, event.user, event.before["nama"]) == (
        region.pk, None, personas["admin"], "Dinas Salah Ketik")  # fmt: skip
    # what was recorded about it stays, now as the region's: its creation, its official, its deletion
    kept = AuditEvent.objects.filter(region=region, agency=None, object_type__in=["Agency", "Official"])
    assert sorted(kept.values_list("object_type", "action")) == [
        ("Agency", AuditEvent.Action.CREATE), ("Agency", AuditEvent.Action.DELETE),
        ("Official", AuditEvent.Action.CREATE)]  # fmt: skip


def test_a_renstra_in_use_is_neither_deleted_nor_changed_on_the_admin_page(agency, kelola):
    plan = PlanPeriod.objects.filter(agency=agency).first()
    assert plan is not None and EndTarget.objects.filter(plan=plan).exists()
    ends = EndTarget.objects.filter(plan=plan).count()
    assert kelola.post(f"/kelola/performance/planperiod/{plan.pk}/delete/", {"post": "yes"}).status_code == 403
    change = {"agency": agency.pk, "start_year": plan.start_year + 1, "end_year": plan.end_year + 1}
    assert kelola.post(f"/kelola/performance/planperiod/{plan.pk}/change/", change).status_code == 403
    kept = PlanPeriod.objects.get(pk=plan.pk)
    assert (kept.start_year, kept.end_year) == (plan.start_year, plan.end_year)
    assert EndTarget.objects.filter(plan=plan).count() == ends
    assert kelola.get("/kelola/performance/planperiod/add/").status_code == 403  # added on the Renstra page
    assert "tidak: menyimpan" in said(kelola.get(f"/kelola/performance/planperiod/{plan.pk}/change/"))


def test_a_renstra_added_by_mistake_is_deleted_and_the_trail_says_so(agency, kelola):
    mistake = PlanPeriod.objects.create(agency=agency, start_year=2031, end_year=2026 + 10)
    assert kelola.post(f"/kelola/performance/planperiod/{mistake.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not PlanPeriod.objects.filter(pk=mistake.pk).exists()
    event = AuditEvent.objects.get(object_type="PlanPeriod", action=AuditEvent.Action.DELETE)
    assert (event.agency, event.before) == (agency, {"awal": 2031, "akhir": 2036})


def test_a_sasaran_that_published_years_print_is_not_renamed_on_the_admin_page(agency, kelola):
    sasaran = Sasaran.objects.filter(agency=agency, targets__isnull=False).first()  # every year is published
    name = sasaran.name
    post = {"agency": agency.pk, "name": "Sasaran lain", "plan": sasaran.plan_id or "", "tujuan": ""}
    assert kelola.post(f"/kelola/performance/sasaran/{sasaran.pk}/change/", post).status_code == 403
    assert kelola.post(f"/kelola/performance/sasaran/{sasaran.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Sasaran.objects.get(pk=sasaran.pk).name == name
    assert kelola.get(f"/kelola/performance/sasaran/{sasaran.pk}/change/").status_code == 200  # still to look up


def test_an_agency_that_keeps_data_stays_in_its_region(agency, personas):
    from kinerja.web.performance.models import Membership

    tapin = Region.objects.create(name="Kabupaten Tapin")
    user = personas["admin"]  # admin of Banjar, and now of Tapin too: both are in their region list
    user.is_staff = True
    user.save()
    Membership.objects.create(user=user, role=Membership.Role.ADMIN, region=tapin)
    client = client_for(user)
    url = f"/kelola/performance/agency/{agency.pk}/change/"
    assert 'name="region"' not in said(client.get(url))
    post = {"region": tapin.pk, "name": agency.name, "slug": agency.slug, "sign_place": agency.sign_place,
            "sign_date_rule": agency.sign_date_rule, "former_names-TOTAL_FORMS": 0,
            "former_names-INITIAL_FORMS": 0, **NO_ADDRESSES}  # fmt: skip
    client.post(url, post)
    assert Agency.objects.get(pk=agency.pk).region.name == "Kabupaten Banjar"
    fresh = Agency.objects.create(region=agency.region, name="Dinas Baru")  # keeps nothing yet: may still move
    assert 'name="region"' in said(client.get(f"/kelola/performance/agency/{fresh.pk}/change/"))
