"""In Chromium: overview → 2016 form of Dinas Koperasi dan UMKM → one indicator's history."""

import os
import shutil
from pathlib import Path

import pytest

from tests.demo_server import running_demo

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OUTPUT = Path(__file__).resolve().parents[2] / "test-results" / "browser"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        if os.environ.get("KINERJA_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (KINERJA_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with running_demo(tmp_path_factory.mktemp("demo")) as (base, _):
        yield base


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=["laptop", "phone"]
)
def test_overview_to_form_to_indicator(browser, site, viewport):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    name = "laptop" if viewport["width"] > 800 else "phone"
    page = browser.new_page(viewport=viewport)
    page.goto(site + "/")
    assert page.locator("h1").inner_text().startswith("Kinerja perangkat daerah Kabupaten Banjar")
    page.screenshot(path=OUTPUT / f"{name}-1-overview.png", full_page=True)

    page.locator("table.overview").get_by_role("link", name="2016", exact=True).click()
    page.wait_for_url("**/dinas-koperasi-dan-umkm/2016/")
    row = page.locator("tr", has_text="Persentase koperasi aktif").first
    assert "62,87 %" in row.inner_text() and "100,59" in row.inner_text()
    page.screenshot(path=OUTPUT / f"{name}-2-form-2016.png", full_page=True)

    page.get_by_role("link", name="Persentase koperasi aktif").click()
    page.wait_for_url("**/indikator/*/")
    table = page.locator("table.series").inner_text()
    for value in ("59,91 %", "60,26 %", "61,47 %", "62,87 %"):
        assert value in table
    page.locator("figure.chart img").wait_for()
    assert page.evaluate("document.querySelector('figure.chart img').naturalWidth") > 0
    page.screenshot(path=OUTPUT / f"{name}-3-indicator.png", full_page=True)
    page.close()


def test_open_data_from_the_region_page(browser, site):
    """The public finds the open data from the region's page, reads its dictionary on a phone without the
    page sliding sideways, and downloads a year's figures as CSV."""
    import csv
    import io

    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page.goto(site + "/kabupaten-banjar/")
    page.get_by_role("link", name="Data terbuka", exact=False).click()
    page.wait_for_url("**/kabupaten-banjar/data-terbuka/")
    assert page.locator("h1").inner_text().startswith("Data terbuka")
    assert page.locator("table.dictionary").count() == 3  # capaian, anggaran, iku
    assert page.locator("table.dictionary code", has_text="serapan_persen").count() == 1
    # the wide tables scroll inside their frame; the page itself does not
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=OUTPUT / "phone-open-data.png", full_page=True)
    row = page.locator("tr", has=page.locator("th", has_text="2016"))
    with page.expect_download() as download:
        row.get_by_role("link", name="CSV").first.click()
    assert download.value.suggested_filename == "kabupaten-banjar-capaian-2016.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    found = {r["indikator"]: r for r in csv.DictReader(io.StringIO(text))}
    # 26.847 ÷ 19.393 × 100 = 138,436… → 138,44, written for machines as 138.44
    assert found["Jumlah anggota koperasi pada koperasi aktif"]["capaian_persen"] == "138.44"
    page.close()
