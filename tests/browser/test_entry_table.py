"""In Chromium: the operator lands on the work queue, fills the one-screen table with the keyboard
and one pasted block copied from a spreadsheet, sees capaian live, and saves everything at once."""

from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.web.performance import store
from kinerja.web.performance.models import Agency, Membership, Region
from tests.browser.test_demo_site import OUTPUT, browser  # noqa: F401  (the shared Chromium fixture)
from tests.browser.test_entry_flow import log_in
from tests.web.conftest import make_user
from tests.web.helpers import add_indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASTE = """
(block) => {
  const cell = document.activeElement;
  const data = new DataTransfer();
  data.setData("text/plain", block);
  cell.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
}
"""


@pytest.fixture
def two_lines(transactional_db):
    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    operator = make_user("opi", Membership.Role.OPERATOR, agency)
    year, _ = store.open_year(operator, agency, 2030)
    add_indicator(user=operator, agency_year=year, name="Jumlah koperasi aktif", unit="unit", cumulation="last")
    add_indicator(user=operator, agency_year=year, name="Jumlah pelatihan UMKM", unit="kegiatan", cumulation="last")
    return year


def test_keyboard_and_a_pasted_block_fill_the_year(browser, live_server, two_lines):  # noqa: F811
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "opi")
    page.get_by_role("heading", name="Tahun yang perlu diisi").wait_for()
    page.get_by_role("link", name="Dinas Uji").click()
    page.wait_for_url("**/entri/tabel/")  # the new page, not the queue that was already loaded
    page.wait_for_load_state("load")  # the table's script is deferred: type only once it listens
    lines = store.load(two_lines).lines
    first, second = lines[0].indicator_id, lines[1].indicator_id
    page.locator(f"#f-{first}-target").click()
    page.keyboard.type("40")
    page.keyboard.press("Enter")  # moves down to the next row's target
    page.keyboard.type("100")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")  # caret at the end: on to TW I of the first row
    assert page.evaluate("document.activeElement.id") == f"f-{first}-q1"
    # no quarters yet: each row asks its rule, preselected by unit (units and kegiatan are counts: summed);
    # active cooperatives are a level at the year's end, so the operator picks "last" for that row
    assert page.locator(f"#f-{first}-rule").input_value() == "sum"
    assert page.locator(f"#f-{second}-rule").input_value() == "sum"
    page.select_option(f"#f-{first}-rule", "last")
    page.locator(f"#f-{first}-q1").focus()
    page.evaluate(PASTE, "30\t32\t35\t36\n20\t25\t25\t30\n")  # two rows × four quarters, as Excel copies them
    assert page.locator(f"#f-{second}-q4").input_value() == "30"
    # 36 ÷ 40 = 90,00 (the last quarter of a level); (20 + 25 + 25 + 30) ÷ 100 = 100,00 (a sum)
    page.locator(f"#cap-{first}").filter(has_text="90,00").wait_for(timeout=10_000)
    page.locator(f"#cap-{second}").filter(has_text="100,00").wait_for(timeout=10_000)
    assert (
        "jumlah TW I + TW II + TW III + TW IV, aturan jumlah kumulatif" in page.locator(f"#rule-{second}").inner_text()
    )
    page.screenshot(path=Path(OUTPUT) / "table-1280.png", full_page=True)
    page.get_by_role("button", name="Simpan semua perubahan").click()
    page.get_by_text("11 perubahan disimpan.").wait_for()  # 10 figures, and the rule asked of the second row
    year = store.load(two_lines)
    assert year.line(first).figure("target").value == 40 and year.line(second).figure("q4").value == 30
    assert year.line(second).realisasi.number == Decimal(100)
    assert year.line(first).cumulation.value == "last" and year.line(second).cumulation.value == "sum"
    context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844})
    page = phone.new_page()
    log_in(page, live_server.url, "opi")
    page.goto(live_server.url + "/kabupaten-uji/dinas-uji/2030/entri/tabel/")
    cell = page.locator(f"#f-{first}-q4")
    box = cell.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390  # every field of a row fits the phone
    page.screenshot(path=Path(OUTPUT) / "table-390.png", full_page=True)
    phone.close()


def test_a_target_range_and_a_mean_of_the_quarters_in_the_table(browser, live_server, two_lines):  # noqa: F811
    """A satisfaction target written 80–90 and measured as the mean of its quarters: (85 + 95) ÷ 2 = 90 lies
    inside the range, capaian 100,00 live; a realisation of 70 against '60 s.d. 65' on the other row is
    above its top: 70 ÷ 65 × 100 = 107,69."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "opi")
    page.goto(live_server.url + "/kabupaten-uji/dinas-uji/2030/entri/tabel/")
    page.wait_for_load_state("load")
    lines = store.load(two_lines).lines
    first, second = lines[0].indicator_id, lines[1].indicator_id
    page.locator(f"#f-{first}-target").fill("80–90")
    page.select_option(f"#f-{first}-rule", "average")
    page.locator(f"#f-{first}-q1").fill("85")
    page.locator(f"#f-{first}-q2").fill("95")
    page.locator(f"#f-{second}-target").fill("60 s.d. 65")
    page.locator(f"#f-{second}-year").fill("70")
    page.locator(f"#f-{second}-year").press("Tab")
    page.locator(f"#cap-{first}").filter(has_text="100,00").wait_for(timeout=10_000)
    page.locator(f"#cap-{second}").filter(has_text="107,69").wait_for(timeout=10_000)
    assert "(TW I + TW II) ÷ 2, aturan rata-rata" in page.locator(f"#rule-{first}").inner_text()
    page.get_by_role("button", name="Simpan semua perubahan").click()
    page.get_by_text("6 perubahan disimpan.").wait_for()  # 5 figures, and the rule asked of the first row
    year = store.load(two_lines)
    assert year.line(first).figure("target").raw == "80–90" and year.line(first).cumulation.value == "average"
    assert f"{year.line(second).capaian.value:.2f}" == "107.69"
    assert year.line(second).figure("target").raw == "60–65"  # kept the kinerja way, as every door keeps a range
    assert page.locator(f"#f-{first}-target").input_value() == "80–90"  # typed back as written
    context.close()
