"""What an admin changes on the admin pages is in kinerja's audit trail like any other change: an entry
deadline moved or removed, a role given or taken away, an agency renamed, an official's rank or NIP
corrected, a new head of region, with the values before and after.

Regression: these were changed on the admin pages with no audit event: an admin could give an operator three
more weeks, make someone head of agency or change a head's NIP, and the trail said nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kinerja.web.performance.models import AuditEvent, EntryWindow, Membership, Region
from tests.web.conftest import make_user
from tests.web.helpers import NO_ADDRESSES, REGION_TABLES, client_for


@pytest.fixture
def kelola(admin):
    """The admin of Kabupaten Banjar's browser on the admin site."""
    return client_for(admin)


def window_post(region: Region, closes: str) -> dict:
    return {"region": region.pk, "year": 2017, "quarter": 1, "opens_at_0": "2017-04-01", "opens_at_1": "08:00:00",
            "closes_at_0": closes, "closes_at_1": "16:00:00"}  # fmt: skip


def test_moving_and_removing_an_entry_deadline_is_in_the_trail(banjar, kelola, personas, settings):
    region = Region.objects.get(name="Kabupaten Banjar")
    assert kelola.post("/kelola/performance/entrywindow/add/", window_post(region, "2017-04-15")).status_code == 302
    window = EntryWindow.objects.get()
    assert window.closes_at == datetime(2017, 4, 15, 16, tzinfo=ZoneInfo(settings.TIME_ZONE))
    url = f"/kelola/performance/entrywindow/{window.pk}/change/"
    assert kelola.post(url, window_post(region, "2017-05-06")).status_code == 302  # three weeks more
    events = AuditEvent.objects.filter(object_type="EntryWindow").order_by("id")
    created, moved = events
    assert (created.action, created.region_id, created.year, created.user) == (
        AuditEvent.Action.CREATE, region.pk, 2017, personas["admin"])  # fmt: skip
    assert moved.before["ditutup"] == "15-04-2017 16:00" and moved.after["ditutup"] == "06-05-2017 16:00"
    assert moved.before["dibuka"] == moved.after["dibuka"] == "01-04-2017 08:00"
    assert moved.label == "jendela entri 2017 TW 1"
    kelola.post(url, window_post(region, "2017-05-06"))  # saved unchanged: nothing to record
    assert AuditEvent.objects.filter(object_type="EntryWindow").count() == 2
    listing = {"action": "delete_selected", "_selected_action": [window.pk], "post": "yes"}
    assert kelola.post("/kelola/performance/entrywindow/", listing).status_code == 302
    assert not EntryWindow.objects.exists()
    removed = AuditEvent.objects.filter(object_type="EntryWindow").latest("id")
    assert removed.action == AuditEvent.Action.DELETE and removed.before["ditutup"] == "06-05-2017 16:00"


def test_giving_and_taking_a_role_is_in_the_trail(agency, kelola, personas):
    fajar = make_user("fajar", Membership.Role.REVIEWER)
    post = {"user": fajar.pk, "role": Membership.Role.HEAD, "agency": agency.pk, "region": ""}
    assert kelola.post("/kelola/performance/membership/add/", post).status_code == 302
    given = Membership.objects.get(user=fajar, role=Membership.Role.HEAD)
    event = AuditEvent.objects.get(object_type="Membership")
    assert (event.action, event.agency, event.region_id) == (AuditEvent.Action.CREATE, agency, agency.region_id)
    assert event.after == {"pengguna": "fajar", "peran": "kepala perangkat daerah", "perangkat daerah": agency.name,
                           "pemerintah daerah": agency.region.name}  # fmt: skip
    assert kelola.post(f"/kelola/performance/membership/{given.pk}/delete/", {"post": "yes"}).status_code == 302
    taken = AuditEvent.objects.filter(object_type="Membership").latest("id")
    assert taken.action == AuditEvent.Action.DELETE and taken.before["peran"] == "kepala perangkat daerah"
    assert taken.user == personas["admin"]


def test_renaming_an_agency_and_correcting_an_official_is_in_the_trail(agency, kelola, personas):
    from kinerja.web.performance.models import Official
    from tests.web.test_agency_names import NEW

    post = {"region": agency.region_id, "name": NEW, "slug": agency.slug, "sign_place": agency.sign_place,
            "sign_date_rule": agency.sign_date_rule, "former_names-TOTAL_FORMS": 0,
            "former_names-INITIAL_FORMS": 0, **NO_ADDRESSES}  # fmt: skip
    assert kelola.post(f"/kelola/performance/agency/{agency.pk}/change/", post).status_code == 302
    renamed = AuditEvent.objects.get(object_type="Agency")
    assert (renamed.before["nama"], renamed.after["nama"], renamed.agency) == (agency.name, NEW, agency)
    assert renamed.region_id == agency.region_id and renamed.user == personas["admin"]
    head = Official.objects.filter(agency=agency).first()
    post = {"name": head.name, "title": head.title, "rank": "Pembina Utama Muda", "nip": head.nip, "grade": "IV/c",
            "eselon": head.eselon, "agency": agency.pk, "region": ""}  # fmt: skip
    assert kelola.post(f"/kelola/performance/official/{head.pk}/change/", post).status_code == 302
    corrected = AuditEvent.objects.get(object_type="Official")
    assert (corrected.before["pangkat"], corrected.after["pangkat"]) == (head.rank, "Pembina Utama Muda")
    assert corrected.after["pemerintah daerah"] == agency.region.name and corrected.agency == agency


def test_a_former_head_typed_corrected_and_removed_in_the_regions_table_is_in_the_trail(banjar, kelola):
    from kinerja.web.performance.models import FormerHead

    region = Region.objects.get(name="Kabupaten Banjar")
    url = f"/kelola/performance/region/{region.pk}/change/"
    base = {"name": region.name, "slug": region.slug, "head": "", "sign_place": "", "province": "",
            "former_heads-MIN_NUM_FORMS": 0, "former_heads-MAX_NUM_FORMS": 1000}  # fmt: skip
    row = {"until_year": 2010, "name": "H. Gusti Khairul Saleh", "title": "Bupati Banjar", "rank": "", "nip": ""}
    typed = {f"former_heads-0-{k}": v for k, v in row.items()}
    added = kelola.post(
        url, base | typed | {"former_heads-TOTAL_FORMS": 1, "former_heads-INITIAL_FORMS": 0, **REGION_TABLES}
    )
    assert added.status_code == 302
    kept = FormerHead.objects.get()
    existing = {"former_heads-TOTAL_FORMS": 1, "former_heads-INITIAL_FORMS": 1, **REGION_TABLES,
                "former_heads-0-id": kept.pk,
                "former_heads-0-region": region.pk}  # fmt: skip
    assert kelola.post(url, base | typed | existing | {"former_heads-0-until_year": 2011}).status_code == 302
    assert FormerHead.objects.get().until_year == 2011
    removed = kelola.post(
        url, base | typed | existing | {"former_heads-0-until_year": 2011, "former_heads-0-DELETE": "on"}
    )
    assert removed.status_code == 302 and not FormerHead.objects.exists()
    events = list(AuditEvent.objects.filter(object_type="FormerHead").order_by("id"))
    assert [e.action for e in events] == [AuditEvent.Action.CREATE, AuditEvent.Action.UPDATE, AuditEvent.Action.DELETE]
    assert all(e.region_id == region.pk and e.object_id == kept.pk for e in events)
    assert events[0].after["until_year"] == "2010" and events[0].after["name"] == "H. Gusti Khairul Saleh"
    assert (events[1].before["until_year"], events[1].after["until_year"]) == ("2010", "2011")
    assert events[2].before["until_year"] == "2011" and events[2].after is None


def test_letting_an_agency_in_after_its_window_closed_is_in_the_trail(agency, kelola, personas):
    from kinerja.web.performance.models import WindowReopening

    post = {"agency": agency.pk, "year": 2017, "quarter": 2, "until_0": "2017-07-20", "until_1": "16:00:00",
            "reason": "Server dinas mati saat batas waktu"}  # fmt: skip
    assert kelola.post("/kelola/performance/windowreopening/add/", post).status_code == 302
    reopening = WindowReopening.objects.get()
    assert reopening.by == personas["admin"]
    url = f"/kelola/performance/windowreopening/{reopening.pk}/"
    assert kelola.post(f"{url}change/", post | {"until_0": "2017-07-27"}).status_code == 302  # one week more
    assert kelola.post(f"{url}delete/", {"post": "yes"}).status_code == 302
    events = list(AuditEvent.objects.filter(object_type="WindowReopening").order_by("id"))
    assert [e.action for e in events] == [AuditEvent.Action.CREATE, AuditEvent.Action.UPDATE, AuditEvent.Action.DELETE]
    assert all((e.agency, e.year, e.label) == (agency, 2017, "entri TW 2 dibuka kembali") for e in events)
    assert events[0].after["alasan"] == "Server dinas mati saat batas waktu"
    assert (events[1].before["sampai"], events[1].after["sampai"]) == ("20-07-2017 16:00", "27-07-2017 16:00")
    assert events[2].before["sampai"] == "27-07-2017 16:00"
