"""The regional government's Pengukuran Kinerja of a year, settled by Bappeda: printed as settled whatever changes
after, from published figures only; the year's RPJMD targets locked until an admin withdraws the settlement
with a reason.

Regression: the region's form had no sign-off of its own. Bappeda could change the RPJMD target of a past year,
or measure an IKU by another indicator, and the printed form of that year followed: the document the bupati
signed could no longer be printed as signed."""

from datetime import date

import pytest
from django.test import Client

from kinerja.core.dates import indonesian_date
from kinerja.web.performance.models import AuditEvent, Indicator, RegionMeasurement, RpjmdIndicator, RpjmdTarget
from tests.web.helpers import client_for, docx_text, said
from tests.web.test_iku import ACTIVE, linked, measure  # noqa: F401  (the RPJMD with its IKU's sasaran served)
from tests.web.test_rpjmd import TARGETS, _edit, _seen, plan  # noqa: F401


@pytest.fixture
def measured(linked, personas):  # noqa: F811
    region, rpjmd, sasaran, url = linked
    iku = RpjmdIndicator.objects.get()
    measure(client_for(personas["reviewer"]), url, iku, Indicator.objects.get(name=ACTIVE))
    return region, rpjmd, iku, url


def form_2016(rpjmd, client=None) -> str:
    client = client or Client()
    return docx_text(client.get(f"/{rpjmd.region.slug}/rpjmd/{rpjmd.pk}/capaian-2016.docx").content)


def settle(client, url, year):
    return said(client.post(url, {"form": "settle", "year": year}, follow=True))


def test_a_settled_year_is_printed_as_settled_whatever_changes_after(measured, personas):
    region, rpjmd, iku, url = measured
    bappeda = client_for(personas["reviewer"])
    before = form_2016(rpjmd)
    # 2016 published: 62,87 % against the RPJMD's 55 → 62,87 ÷ 55 × 100 = 114,309… → 114,31; undated until settled
    today = indonesian_date(date.today())
    assert "62,87 %" in before and "114,31" in before and today not in before
    assert "Pengukuran kinerja tahun itu ditetapkan." in settle(bappeda, url, 2016)
    settled = RegionMeasurement.objects.get()
    assert (settled.year, settled.settled_by, settled.withdrawn_at) == (2016, personas["reviewer"], None)
    printed = form_2016(rpjmd)
    assert "62,87 %" in printed and "114,31" in printed
    assert f"\t{today}\nBupati Banjar" in printed  # dated when settled, above the head of region of 2016
    page = said(Client().get(url))
    assert "ditetapkan" in page
    assert "berubah sejak ditetapkan" not in said(bappeda.get(url))
    # Bappeda measures the IKU by nothing: the live page follows, the settled form does not, and the page says so
    measure(bappeda, url, iku, None)
    assert f"Angka berubah sejak ditetapkan ({iku.name}); formulir tetap seperti saat ditetapkan." in said(
        bappeda.get(url)
    )
    assert RpjmdIndicator.objects.get().measured_by is None
    assert form_2016(rpjmd) == printed
    csv = Client().get(f"/{region.slug}/data-terbuka/iku-2016.csv").content.decode("utf-8-sig")
    assert "62,87" in csv or "62.87" in csv  # the open data of a settled year are the settled figures
    event = AuditEvent.objects.filter(origin="rpjmd", action=AuditEvent.Action.WORKFLOW).get()
    assert event.after == {"tahun": 2016, "IKU": 1, "dengan capaian": 1} and event.user == personas["reviewer"]
    assert "pengukuran kinerja 2016 ditetapkan" in said(bappeda.get(f"/{region.slug}/rpjmd/riwayat/"))


def test_the_targets_of_a_settled_year_are_locked_and_the_others_are_not(measured, personas):
    region, rpjmd, iku, url = measured
    bappeda = client_for(personas["reviewer"])
    settle(bappeda, url, 2016)
    seen = _seen(said(bappeda.get(url)), "edit_indicator", iku.pk)
    refused = said(_edit(bappeda, url, iku, seen, target_2016="50"))
    assert "Target tahun 2016 tidak diubah: pengukuran kinerja pemerintah daerah tahun itu sudah ditetapkan" in refused
    assert RpjmdTarget.objects.get(indicator=iku, year=2016).value == 55
    assert "Disimpan." in said(_edit(bappeda, url, iku, seen, target_2017="58"))  # 2017 is not settled
    assert RpjmdTarget.objects.get(indicator=iku, year=2017).value == 58
    seen = _seen(said(bappeda.get(url)), "remove_indicator", iku.pk)
    removal = said(bappeda.post(url, {"form": "remove_indicator", "pk": iku.pk, "seen": seen}, follow=True))
    assert "Tidak dihapus: pengukuran kinerja pemerintah daerah tahun 2016 sudah ditetapkan" in removal
    assert RpjmdIndicator.objects.filter(pk=iku.pk).exists()


def test_a_draft_never_reaches_a_settled_form_and_a_year_is_settled_once(measured, personas, draft_year):
    from decimal import Decimal

    from kinerja.core import year as core
    from kinerja.web.performance import store
    from kinerja.web.performance.models import AgencyYear

    region, rpjmd, iku, url = measured
    active = Indicator.objects.get(name=ACTIVE)
    store.apply(personas["operator"], AgencyYear.objects.get(pk=draft_year.pk),
                [core.SetFigure(active.pk, "year", Decimal(64))], origin="form")  # fmt: skip
    bappeda = client_for(personas["reviewer"])
    assert "64 %" in docx_text(bappeda.get(f"/{region.slug}/rpjmd/{rpjmd.pk}/capaian-2017.docx").content)  # reads it
    refused = settle(bappeda, url, 2017)
    assert "Belum ada realisasi tahun 2017 yang dipublikasikan untuk IKU mana pun" in refused
    assert not RegionMeasurement.objects.exists()
    settle(bappeda, url, 2016)
    assert "Pengukuran kinerja pemerintah daerah tahun 2016 sudah ditetapkan." in settle(bappeda, url, 2016)
    assert RegionMeasurement.objects.count() == 1
    assert Client().post(url, {"form": "settle", "year": 2018}).status_code == 403  # not the public's
    assert RegionMeasurement.objects.count() == 1


def test_an_admin_withdraws_a_settlement_with_a_reason(measured, personas, admin):
    region, rpjmd, iku, url = measured
    bappeda = client_for(personas["reviewer"])
    settle(bappeda, url, 2016)
    settled = RegionMeasurement.objects.get()
    assert bappeda.post(url, {"form": "withdraw", "pk": settled.pk, "reason": "salah"}).status_code == 403
    kelola = client_for(admin)
    assert "Tuliskan alasan pembatalan penetapan." in said(
        kelola.post(url, {"form": "withdraw", "pk": settled.pk, "reason": "  "}, follow=True)
    )
    reason = "Target 2016 salah ketik dalam RPJMD; dikoreksi sesuai Perda RPJMD."
    assert "Penetapan dibatalkan." in said(kelola.post(url, {"form": "withdraw", "pk": settled.pk, "reason": reason},
                                                        follow=True))  # fmt: skip
    withdrawn = RegionMeasurement.objects.get()
    assert (withdrawn.withdrawn_by, withdrawn.withdrawn_reason) == (admin, reason)  # kept, not deleted
    event = AuditEvent.objects.filter(origin="rpjmd", action=AuditEvent.Action.WORKFLOW).latest("id")
    assert event.after == {"tahun": 2016, "alasan": reason} and event.user == admin
    # the target may be corrected again, and the form follows the data until it is settled anew
    seen = _seen(said(bappeda.get(url)), "edit_indicator", iku.pk)
    assert "Disimpan." in said(_edit(bappeda, url, iku, seen, target_2016="50"))
    # 62,87 ÷ 50 × 100 = 125,74
    live = form_2016(rpjmd)
    assert "125,74" in live and indonesian_date(date.today()) not in live
    settle(bappeda, url, 2016)
    assert RegionMeasurement.objects.filter(withdrawn_at=None).count() == 1 and "125,74" in form_2016(rpjmd)


def test_the_page_offers_to_settle_the_years_up_to_this_one_and_the_admin_to_withdraw(
    measured, personas, admin, monkeypatch
):
    from django.utils import timezone

    region, rpjmd, iku, url = measured
    bappeda = client_for(personas["reviewer"])
    settle(bappeda, url, 2016)
    page = said(bappeda.get(url))
    assert "Tetapkan 2016" not in page and "Tetapkan 2021" in page and 'value="withdraw"' not in page  # not hers
    assert 'value="withdraw"' in said(client_for(admin).get(url))
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2018, 6, 30))  # the page seen in mid-2018
    page = said(bappeda.get(url))
    assert "Tetapkan 2018<" in page and "Tetapkan 2019<" not in page  # a year still to come has nothing to settle


def test_the_form_is_dated_the_day_the_head_signs_it(measured, personas):
    region, rpjmd, iku, url = measured
    bappeda = client_for(personas["reviewer"])

    def settle_on(day: str) -> str:
        return said(bappeda.post(url, {"form": "settle", "year": 2016, "signed_on": day}, follow=True))

    assert "ditandatangani pada tahun 2016 atau sesudahnya" in settle_on("2015-12-31")
    tomorrow = date.fromordinal(date.today().toordinal() + 1).isoformat()
    assert "Tanggal penandatanganan tidak boleh setelah hari ini." in settle_on(tomorrow)
    assert "Tanggal 'kemarin' tidak dapat dibaca; pilih tanggal dari kalender." in settle_on("kemarin")
    assert not RegionMeasurement.objects.exists()
    assert "Pengukuran kinerja tahun itu ditetapkan." in settle_on("2017-03-15")  # with the LKjIP, in March
    assert "\t15 Maret 2017\nBupati Banjar" in form_2016(rpjmd)
