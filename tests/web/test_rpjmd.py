"""The RPJMD: entered by the region's Bappeda (reviewer), linked from an agency's Renstra sasaran,
shown both ways, at the root of the pohon kinerja; constant queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core.agreement import Level
from kinerja.web.performance import agreements
from kinerja.web.performance.models import Agency, Official, Region, Rpjmd, RpjmdIndicator, RpjmdSasaran, Sasaran
from kinerja.web.performance.pohon import year_tree
from tests.web.helpers import client_for


@pytest.fixture
def plan(banjar, personas):
    region = Region.objects.get(name="Kabupaten Banjar")
    bappeda = client_for(personas["reviewer"])
    page = bappeda.post(f"/{region.slug}/rpjmd/", {"start_year": "2016", "end_year": "2021"})
    plan = Rpjmd.objects.get(region=region)
    assert page["Location"] == f"/{region.slug}/rpjmd/{plan.pk}/"
    url = page["Location"]
    bappeda.post(url, {"form": "tujuan", "name": "Meningkatkan perekonomian daerah yang berdaya saing"})
    tujuan = plan.tujuan.get()
    bappeda.post(url, {"form": "sasaran", "tujuan": tujuan.pk, "name": "Meningkatnya daya saing koperasi dan UMKM"})
    sasaran = RpjmdSasaran.objects.get()
    targets = {
        f"target_{y}": v for y, v in zip(range(2016, 2022), ("55", "57,5", "60", "62,5", "65", "67,5"), strict=True)
    }
    bappeda.post(url, {"form": "indicator", "sasaran": sasaran.pk, "name": "Persentase koperasi aktif", "unit": "%",
                       "baseline": "52,75", "end_target": "67,5", **targets})  # fmt: skip
    return region, plan, sasaran, url


def test_bappeda_enters_the_rpjmd_with_yearly_targets(plan, personas):
    region, rpjmd, sasaran, url = plan
    indicator = RpjmdIndicator.objects.get()
    assert (indicator.baseline, indicator.end_target) == (Decimal("52.75"), Decimal("67.5"))
    assert dict(indicator.targets.values_list("year", "value")) == {
        2016: Decimal(55), 2017: Decimal("57.5"), 2018: Decimal(60), 2019: Decimal("62.5"), 2020: Decimal(65),
        2021: Decimal("67.5"),
    }  # fmt: skip
    page = Client().get(url).content.decode()  # public
    assert "Persentase koperasi aktif" in page and "57,5" in page and "52,75" in page
    operator = client_for(personas["operator"])
    assert operator.post(url, {"form": "tujuan", "name": "X"}).status_code == 403  # an agency's operator cannot
    bappeda = client_for(personas["reviewer"])
    page = bappeda.post(f"/{region.slug}/rpjmd/", {"start_year": "2021", "end_year": "2016"}, follow=True)
    assert "Periode RPJMD tidak sah" in page.content.decode() and Rpjmd.objects.count() == 1
    page = bappeda.post(url, {"form": "indicator", "sasaran": sasaran.pk, "name": "Y", "target_2016": "1,2,3"},
                        follow=True)  # fmt: skip
    assert "Target 2016" in page.content.decode() and RpjmdIndicator.objects.count() == 1


def test_an_agency_sasaran_serves_an_rpjmd_sasaran_shown_both_ways(plan, agency, personas):
    region, rpjmd, target, url = plan
    operator = client_for(personas["operator"])
    mine = Sasaran.objects.filter(agency=agency).order_by("id").first()
    operator.post(f"/{region.slug}/{agency.slug}/renstra/rpjmd/", {"sasaran": mine.pk, "rpjmd_sasaran": target.pk})
    mine.refresh_from_db()
    assert mine.rpjmd_sasaran == target
    renstra = operator.get(f"/{region.slug}/{agency.slug}/renstra/").content.decode()
    assert f'<option value="{target.pk}" selected>' in renstra
    assert agency.name in Client().get(url).content.decode()  # the RPJMD page names the agency serving it
    # another region's RPJMD sasaran is refused
    other = Region.objects.create(name="Kabupaten Lain")
    foreign = RpjmdSasaran.objects.create(
        tujuan=Rpjmd.objects.create(region=other, start_year=2016, end_year=2021).tujuan.create(name="T"), name="S"
    )
    page = operator.post(f"/{region.slug}/{agency.slug}/renstra/rpjmd/",
                         {"sasaran": mine.pk, "rpjmd_sasaran": foreign.pk}, follow=True)  # fmt: skip
    assert "pemerintah daerah lain" in page.content.decode()
    mine.refresh_from_db()
    assert mine.rpjmd_sasaran == target


def test_the_pohon_kinerja_starts_at_the_rpjmd_sasaran(plan, agency, personas):
    region, rpjmd, target, url = plan
    Sasaran.objects.filter(agency=agency, name__startswith="Terciptanya koperasi dan UMKM yang mampu").update(
        rpjmd_sasaran=target
    )
    head = Official.objects.filter(agency=agency).first()
    regent = Official.objects.create(region=region, name="BUPATI", title="Bupati Banjar")
    pk = agreements.create(personas["operator"], agency, 2016, Level.ESELON_II, first_party=head, second_party=regent)
    agreements.fill_from_year(personas["operator"], pk)
    rows = year_tree(agency, 2016).rows()
    assert (rows[0].depth, rows[0].level, rows[0].indicator) == (0, "RPJMD", target.name)
    assert (rows[1].depth, rows[1].indicator) == (1, "Persentase koperasi aktif")
    assert all(r.depth == 0 for r in rows if r.indicator.startswith("Pelayanan administrasi"))  # not linked


@pytest.mark.parametrize("who", ["public", "reviewer"])  # the editor's page adds the correction forms
def test_the_rpjmd_page_keeps_its_queries_whatever_its_size(plan, personas, who):
    region, rpjmd, sasaran, url = plan
    client = Client() if who == "public" else client_for(personas[who])

    def queries():  # the page's own: the session's idle-time stamp is written now and then, not per record
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len([q for q in ctx.captured_queries if "performance_" in q["sql"]])

    small = queries()
    tujuan = rpjmd.tujuan.create(name="Tujuan dua", position=2)
    for i in range(4):
        s = tujuan.sasaran.create(name=f"Sasaran {i}")
        for k in range(3):
            s.indicators.create(name=f"IKU {i}.{k}").targets.create(year=2016, value=k)
        Sasaran.objects.create(agency=Agency.objects.first(), name=f"Sasaran PD {i}", rpjmd_sasaran=s)
    assert queries() == small


def test_the_rpjmd_and_renstra_are_downloaded_and_read_back(plan, agency, personas):
    import io

    import openpyxl
    import pdfplumber

    region, rpjmd, target, url = plan
    Sasaran.objects.filter(agency=agency, name__startswith="Terciptanya koperasi dan UMKM yang mampu").update(
        rpjmd_sasaran=target
    )
    public = Client()
    book = openpyxl.load_workbook(io.BytesIO(public.get(url.rstrip("/") + ".xlsx").content))
    rows = [[c.value for c in row] for row in book["IKU"].iter_rows()]
    header = next(r for r in rows if r and r[0] == "No")
    line = dict(zip(header, next(r for r in rows if r and r[2] == "Persentase koperasi aktif"), strict=True))
    assert (line["Kondisi awal"], line["2017"], line["Target akhir"]) == (52.75, 57.5, 67.5)
    links = [[c.value for c in row] for row in book["Keterkaitan"].iter_rows()]
    assert any(r[1] == agency.name and str(r[2]).startswith("Terciptanya koperasi") for r in links)
    with pdfplumber.open(io.BytesIO(public.get(url.rstrip("/") + ".pdf").content)) as pdf:
        assert "RPJMD KABUPATEN BANJAR 2016–2021" in pdf.pages[0].extract_text()
    page = public.get(f"/{region.slug}/{agency.slug}/rencana-strategis/").content.decode()
    plan_period = agency.plans.order_by("start_year").first()
    download = f"/{region.slug}/{agency.slug}/rencana-strategis/{plan_period.pk}.xlsx"
    assert download in page
    book = openpyxl.load_workbook(io.BytesIO(public.get(download).content))
    rows = [[c.value for c in row] for row in book["Sasaran"].iter_rows()]
    anggota = next(r for r in rows if r and str(r[2]).startswith("Jumlah anggota koperasi"))
    assert 19518 in anggota and "terlampaui" in (anggota[-1] or "")  # the end target and its warning


# --- corrections, removals and the region's RPJMD history ------------------------------------------


def _seen(page: str, form: str, pk: int) -> str:
    """The fingerprint the page put in the form ``form`` of record ``pk``: what a browser sends back."""
    import re

    match = re.search(
        rf'name="form" value="{form}"><input type="hidden" name="pk" value="{pk}">'
        r'<input type="hidden" name="seen" value="([0-9a-f]{16})">',
        page,
    )
    assert match, f"no {form} form for {pk}"
    return match.group(1)


TARGETS = ("55", "57,5", "60", "62,5", "65", "67,5")  # as the fixture typed them, 2016–2021


def _edit(client, url, indicator, seen, **changes):
    fields = {"name": "Persentase koperasi aktif", "unit": "%", "baseline": "52,75", "end_target": "67,5"}
    fields |= {f"target_{y}": v for y, v in zip(range(2016, 2022), TARGETS, strict=True)}
    fields |= changes
    return client.post(url, {"form": "edit_indicator", "pk": indicator.pk, "seen": seen, **fields}, follow=True)


def test_bappeda_corrects_an_iku_and_the_region_history_keeps_before_and_after(plan, personas):
    from kinerja.web.performance.models import AuditEvent, RpjmdTarget

    region, rpjmd, sasaran, url = plan
    indicator = RpjmdIndicator.objects.get()
    bappeda = client_for(personas["reviewer"])
    seen = _seen(bappeda.get(url).content.decode(), "edit_indicator", indicator.pk)
    # 2017 was typed 57,5 instead of 58; the end target is 70; the 2021 target was never agreed
    page = _edit(bappeda, url, indicator, seen, target_2017="58", end_target="70", target_2021="").content.decode()
    assert "Disimpan." in page
    indicator.refresh_from_db()
    assert indicator.end_target == Decimal(70) and indicator.baseline == Decimal("52.75")
    assert dict(RpjmdTarget.objects.filter(indicator=indicator).values_list("year", "value")) == {
        2016: Decimal(55), 2017: Decimal(58), 2018: Decimal(60), 2019: Decimal("62.5"), 2020: Decimal(65),
    }  # fmt: skip
    event = AuditEvent.objects.get(action="update", origin="rpjmd")
    assert (event.region_id, event.agency_id, event.user.username) == (region.pk, None, "citra")
    assert event.before == {"target 2017": "57.5", "target 2021": "67.5", "target akhir": "67.5"}
    assert event.after == {"target 2017": "58", "target 2021": None, "target akhir": "70"}
    assert event.label == "RPJMD 2016–2021: indikator Persentase koperasi aktif dikoreksi"
    # the same form sent again changes nothing and writes no event
    seen = _seen(bappeda.get(url).content.decode(), "edit_indicator", indicator.pk)
    page = _edit(bappeda, url, indicator, seen, target_2017="58", end_target="70", target_2021="").content.decode()
    assert "Tidak ada yang berubah." in page and AuditEvent.objects.filter(action="update", origin="rpjmd").count() == 1
    history = bappeda.get(f"/{region.slug}/rpjmd/riwayat/").content.decode()
    assert "target 2017: 57,5" in history and "target 2017: 58" in history and "target akhir: 70" in history
    assert history.index("dikoreksi") < history.index("RPJMD 2016–2021: indikator Persentase koperasi aktif<")
    assert "Riwayat perubahan RPJMD" in bappeda.get(url).content.decode()
    # the trail is for the region's Bappeda, Inspektorat and admin; an operator and the public do not read it
    assert client_for(personas["operator"]).get(f"/{region.slug}/rpjmd/riwayat/").status_code == 403
    assert Client().get(f"/{region.slug}/rpjmd/riwayat/").status_code == 302
    assert "Riwayat perubahan RPJMD" not in Client().get(url).content.decode()


def test_a_correction_from_a_page_opened_before_another_change_is_refused(plan, personas):
    region, rpjmd, sasaran, url = plan
    indicator = RpjmdIndicator.objects.get()
    first, second = client_for(personas["reviewer"]), client_for(personas["admin"])
    old = _seen(first.get(url).content.decode(), "edit_indicator", indicator.pk)
    fresh = _seen(second.get(url).content.decode(), "edit_indicator", indicator.pk)
    assert old == fresh
    assert "Disimpan." in _edit(second, url, indicator, fresh, baseline="53").content.decode()
    page = _edit(first, url, indicator, old, end_target="75").content.decode()
    assert "sudah diubah pengguna lain" in page
    indicator.refresh_from_db()
    assert (indicator.baseline, indicator.end_target) == (Decimal(53), Decimal("67.5"))  # the second kept, no mix
    # renaming with a stale page is refused the same way
    tujuan = rpjmd.tujuan.get()
    page = first.post(url, {"form": "rename_tujuan", "pk": tujuan.pk, "seen": "0" * 16, "name": "Baru"}, follow=True)
    assert "sudah diubah pengguna lain" in page.content.decode()
    tujuan.refresh_from_db()
    assert tujuan.name.startswith("Meningkatkan perekonomian")


def test_bad_corrections_are_refused_naming_the_field(plan, personas):
    from kinerja.core.workflow import Refused
    from kinerja.web.performance import rpjmd as writes

    region, rpjmd, sasaran, url = plan
    indicator = RpjmdIndicator.objects.get()
    bappeda = client_for(personas["reviewer"])
    seen = _seen(bappeda.get(url).content.decode(), "edit_indicator", indicator.pk)
    page = _edit(bappeda, url, indicator, seen, target_2018="1,2,3").content.decode()
    assert "Target 2018" in page
    page = _edit(bappeda, url, indicator, seen, name="").content.decode()
    assert "Indikator tidak boleh kosong" in page
    with pytest.raises(Refused, match="Sasaran"):
        writes.rename(personas["reviewer"], sasaran, "x" * 2001, seen=writes.fingerprint(sasaran))
    indicator.refresh_from_db()
    assert indicator.name == "Persentase koperasi aktif" and indicator.targets.get(year=2018).value == Decimal(60)
    # an agency's operator may neither correct nor remove the region's plan
    operator = client_for(personas["operator"])
    assert _edit(operator, url, indicator, seen, baseline="1").status_code == 403
    assert operator.post(url, {"form": "remove_indicator", "pk": indicator.pk, "seen": seen}).status_code == 403
    assert RpjmdIndicator.objects.filter(pk=indicator.pk).exists()


def _remove(client, url, page, form, pk):
    return client.post(url, {"form": form, "pk": pk, "seen": _seen(page, form, pk)}, follow=True)


def test_removal_waits_until_no_agency_serves_it_and_keeps_what_was_removed(plan, agency, personas):
    from kinerja.web.performance.models import AuditEvent

    region, rpjmd, sasaran, url = plan
    operator, bappeda = client_for(personas["operator"]), client_for(personas["reviewer"])
    mine = Sasaran.objects.filter(agency=agency).order_by("id").first()
    operator.post(f"/{region.slug}/{agency.slug}/renstra/rpjmd/", {"sasaran": mine.pk, "rpjmd_sasaran": sasaran.pk})
    tujuan = rpjmd.tujuan.get()
    page = bappeda.get(url).content.decode()
    for form, pk in (("remove_sasaran", sasaran.pk), ("remove_tujuan", tujuan.pk)):
        answer = _remove(bappeda, url, page, form, pk)
        assert f"{agency.name}: {mine.name}" in answer.content.decode()
    assert RpjmdSasaran.objects.filter(pk=sasaran.pk).exists()
    periods = bappeda.get(f"/{region.slug}/rpjmd/").content.decode()
    answer = _remove(bappeda, f"/{region.slug}/rpjmd/", periods, "remove", rpjmd.pk)
    assert "masih berisi tujuan" in answer.content.decode() and Rpjmd.objects.filter(pk=rpjmd.pk).exists()
    # the agency lets go; then the tujuan goes with its sasaran and IKU, all named in the trail
    operator.post(f"/{region.slug}/{agency.slug}/renstra/rpjmd/", {"sasaran": mine.pk, "rpjmd_sasaran": ""})
    page = bappeda.get(url).content.decode()
    answer = _remove(bappeda, url, page, "remove_tujuan", tujuan.pk)
    assert "Dihapus." in answer.content.decode()
    assert not RpjmdSasaran.objects.exists() and not RpjmdIndicator.objects.exists()
    removed = AuditEvent.objects.get(action="delete", object_type="RpjmdTujuan")
    assert removed.region_id == region.pk
    assert removed.before == {
        "nama": "Meningkatkan perekonomian daerah yang berdaya saing",
        "sasaran": ["Meningkatnya daya saing koperasi dan UMKM"],
        "indikator": ["Persentase koperasi aktif"],
    }
    periods = bappeda.get(f"/{region.slug}/rpjmd/").content.decode()
    _remove(bappeda, f"/{region.slug}/rpjmd/", periods, "remove", rpjmd.pk)
    assert not Rpjmd.objects.filter(pk=rpjmd.pk).exists()
    history = bappeda.get(f"/{region.slug}/rpjmd/riwayat/").content.decode()
    # the agency's link and unlink are in the region's RPJMD history too, under the agency's name
    assert history.count(agency.name) == 2 and "RPJMD 2016–2021: periode" in history
    # period, tujuan, sasaran and IKU added (4), the link and its undoing (2), the tujuan and the period removed (2)
    assert AuditEvent.objects.filter(region=region, origin="rpjmd").count() == 8


def test_every_audit_event_names_its_region(plan, agency, personas):
    from kinerja.web.performance.models import AuditEvent

    region, rpjmd, sasaran, url = plan
    events = AuditEvent.objects.select_related("agency")
    assert events.filter(agency__isnull=False).exists() and events.filter(agency__isnull=True).exists()
    assert not events.filter(region__isnull=True).exists()
    assert all(e.region_id == e.agency.region_id for e in events.filter(agency__isnull=False))


def test_events_written_before_the_region_column_get_their_region(plan, agency, personas):
    """Migration 0022 fills the region of earlier events: from the agency, or from the RPJMD record."""
    import importlib

    from django.apps import apps

    from kinerja.web.performance.models import AuditEvent, RpjmdTujuan

    region, rpjmd, sasaran, url = plan
    gone = RpjmdTujuan.objects.create(rpjmd=rpjmd, name="dihapus lewat basis data")
    gone_id = gone.pk
    gone.delete()
    AuditEvent.objects.create(action="create", object_type="RpjmdTujuan", object_id=gone_id, origin="rpjmd")
    AuditEvent.objects.update(region=None)  # as every event was before the column existed
    migration = importlib.import_module("kinerja.web.performance.migrations.0022_audit_region")
    migration.fill_regions(apps, None)
    events = AuditEvent.objects.select_related("agency")
    assert all(e.region_id == e.agency.region_id for e in events.filter(agency__isnull=False))
    rpjmd_events = events.filter(origin="rpjmd", agency__isnull=True)
    assert {e.object_type for e in rpjmd_events} >= {"Rpjmd", "RpjmdTujuan", "RpjmdSasaran", "RpjmdIndicator"}
    assert list(rpjmd_events.filter(region__isnull=True).values_list("object_id", flat=True)) == [gone_id]
    assert rpjmd_events.filter(region=region).count() == 4  # the record gone leaves its event without a region
