"""In Chromium: an operator enters a quarter in Indonesian format, sees capaian update, submits;
a reviewer returns it with a comment."""

from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.core import year as core
from kinerja.web.performance import store
from kinerja.web.performance.models import Agency, AgencyYear, Membership, Region
from kinerja.web.performance.store import open_year
from tests.browser.test_demo_site import OUTPUT, browser  # noqa: F401  (the shared Chromium fixture)
from tests.web.conftest import make_user
from tests.web.helpers import add_indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "kata-sandi-uji-123"


@pytest.fixture
def draft(transactional_db):
    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    operator = make_user("opi", Membership.Role.OPERATOR, agency)
    make_user("rere", Membership.Role.REVIEWER)
    agency_year, _ = open_year(operator, agency, 2030)
    add_indicator(
        user=operator,
        agency_year=agency_year,
        name="Persentase koperasi aktif",
        unit="%",
        direction="higher",
        cumulation="last",
        sasaran_name="Koperasi sehat",
        target=Decimal(70),
    )
    budget = [core.SetBudget("anggaran", Decimal(1_000_000)), core.SetBudget("realisasi", Decimal(900_000))]
    store.apply(operator, agency_year, budget, origin="form")  # a submission needs its budget
    return agency_year


def log_in(page, base, username):
    page.goto(base + "/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_operator_enters_and_submits_reviewer_returns(browser, live_server, draft):  # noqa: F811
    OUTPUT.mkdir(parents=True, exist_ok=True)
    base = live_server.url
    year_url = base + "/kabupaten-uji/dinas-uji/2030/"
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    log_in(page, base, "opi")
    page.goto(year_url + "entri/")
    page.get_by_role("link", name="Ubah").click()
    page.wait_for_url("**/entri/*/")  # the indicator's page, not the list that was already loaded
    page.wait_for_load_state("load")  # entry.js is deferred: type only once it listens
    page.get_by_label("Realisasi TW I", exact=True).fill("61,25")
    live = page.locator("#capaian-live")
    live.filter(has_text="87,50").wait_for(timeout=10_000)
    assert "Tinggi" in live.inner_text()
    page.get_by_label("Realisasi TW I", exact=True).fill("61.25.3")
    live.filter(has_text="tidak dapat dibaca").wait_for(timeout=10_000)
    page.get_by_label("Realisasi TW I", exact=True).fill("61,25")
    live.filter(has_text="87,50").wait_for(timeout=10_000)
    page.screenshot(path=Path(OUTPUT) / "entry-1-live-capaian.png", full_page=True)
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("1 perubahan disimpan.").wait_for()
    page.goto(year_url)
    assert "61,25 %" in page.locator("table.form").inner_text()
    page.get_by_role("button", name="Ajukan untuk direviu").click()
    page.get_by_text("Status tahun 2030: diajukan.").wait_for()
    page.screenshot(path=Path(OUTPUT) / "entry-2-submitted.png", full_page=True)
    context.close()

    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    log_in(page, base, "rere")
    page.goto(year_url)
    page.get_by_label("Catatan / alasan (wajib)").fill("Lampirkan bukti RAT koperasi.")
    page.get_by_role("button", name="Kembalikan dengan catatan").click()
    page.get_by_text("Status tahun 2030: dikembalikan.").wait_for()
    assert "Lampirkan bukti RAT koperasi." in page.locator("main").inner_text()
    page.screenshot(path=Path(OUTPUT) / "entry-3-returned.png", full_page=True)
    context.close()
    assert AgencyYear.objects.get(pk=draft.pk).status == "returned"


def test_operator_sets_a_plausible_range_and_sees_a_figure_outside_it(browser, live_server, draft):  # noqa: F811
    """A percentage lies between 0 and 100: 612,5 typed for 61,25 is said before it is saved, on the form
    after it is saved, and holds back the submission until the note explains it."""
    base = live_server.url
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    log_in(page, base, "opi")
    page.goto(base + "/kabupaten-uji/dinas-uji/2030/entri/")
    page.get_by_role("link", name="Ubah").click()
    page.wait_for_url("**/entri/*/")
    page.wait_for_load_state("load")
    page.locator("summary", has_text="Batas wajar").click()
    page.get_by_label("Batas wajar bawah").fill("0")
    page.get_by_label("Batas wajar atas").fill("100")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("2 perubahan disimpan.").wait_for()
    page.wait_for_load_state("load")
    page.get_by_label("Realisasi TW I", exact=True).fill("612,5")
    live = page.locator("#capaian-live")
    # 612,5 ÷ 70 × 100 = 875,00; and above the range
    live.filter(has_text="realisasi TW I 612,5 di atas batas wajar (0 sampai 100)").wait_for(timeout=10_000)
    assert "875,00" in live.inner_text()
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("1 perubahan disimpan.").wait_for()
    warning = "Realisasi TW I 'Persentase koperasi aktif' 612,5 di atas batas wajar (0 sampai 100)"
    assert warning in page.locator("p.bound-warning").inner_text()
    page.goto(base + "/kabupaten-uji/dinas-uji/2030/")
    page.get_by_role("button", name="Ajukan untuk direviu").click()
    page.get_by_text(warning, exact=False).first.wait_for()
    assert AgencyYear.objects.get(pk=draft.pk).status == "draft"
    page.screenshot(path=Path(OUTPUT) / "entry-3-outside-range.png", full_page=True)
    context.close()
