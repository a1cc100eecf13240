"""In Chromium, on the demo: Bappeda writes a validation rule with the form's selects and sees how it
stands in every year; an admin merges the sample's pending indicator link with a written reason."""

import re

import pytest

from tests.browser.test_demo_site import OUTPUT, browser  # noqa: F401  (the Chromium fixture)
from tests.demo_server import running_demo

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with running_demo(tmp_path_factory.mktemp("demo")) as (base, output):
        passwords = dict(re.findall(r"^\s+(\w+)\s+\w+\s+(\S+)$", output, re.M))
        yield base, passwords


def log_in(page, base, username, password):
    page.goto(base + "/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state("load")


def test_bappeda_writes_a_rule_and_an_admin_merges_a_link(browser, demo):  # noqa: F811
    OUTPUT.mkdir(parents=True, exist_ok=True)
    base, passwords = demo
    agency = base + "/kabupaten-banjar/dinas-koperasi-dan-umkm"
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # the data-confirm question before a merge
    log_in(page, base, "reviewer", passwords["reviewer"])
    page.goto(agency + "/aturan/")
    assert "terpenuhi" in page.locator("section.rule").first.inner_text()  # the demo's example rule
    page.get_by_label("Nama aturan").fill("Lulusan magang tidak melebihi peserta")
    page.locator("select[name=l_ind_0]").select_option(label="Jumlah UMKM peserta magang")
    page.locator("select[name=operator]").select_option("≤")
    page.locator("select[name=r_ind_0]").select_option(label="Jumlah UMKM")
    page.get_by_role("button", name="Simpan aturan").click()
    page.wait_for_load_state("load")
    assert "Aturan disimpan" in page.content()
    rule = page.locator("section.rule", has_text="Lulusan magang tidak melebihi peserta")
    # 2015: 5 ≤ 31.150; 2014: 3 ≤ 10.253; 2013: 2 ≤ 5.932
    assert rule.inner_text().count("terpenuhi") == 3
    page.screenshot(path=OUTPUT / "rules.png", full_page=True)
    context.close()

    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, base, "admin", passwords["admin"])
    page.goto(agency + "/tautan/")
    suggestion = page.locator("section.link-suggestion").first
    assert "pendampingan admin" in suggestion.inner_text() and "hanya admin" in suggestion.inner_text()
    page.screenshot(path=OUTPUT / "links.png", full_page=True)
    suggestion.locator("textarea[name=reason]").fill("Nama disingkat pada form 2014 dan 2015.")
    suggestion.get_by_role("button", name="Gabungkan").click()
    page.wait_for_load_state("load")
    assert "Digabung: kini satu indikator" in page.content()
    assert "Tidak ada usulan tautan yang menunggu" in page.content()
    context.close()
