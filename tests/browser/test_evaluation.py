"""In Chromium: the Inspektorat's reviewer fills the LKE sheet of a 2030 year (PermenPAN-RB 88/2021), saves it,
writes a recommendation and makes the evaluation final, confirming the dialog; the page then shows the
predikat worked out by hand."""

import pytest

from kinerja.web.performance import store
from kinerja.web.performance.models import Agency, Evaluation, Membership, Region
from tests.browser.test_demo_site import OUTPUT, browser  # noqa: F401  (the shared Chromium fixture)
from tests.browser.test_entry_flow import log_in
from tests.web.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def year_to_evaluate(transactional_db):
    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    operator = make_user("opi", Membership.Role.OPERATOR, agency)
    make_user("rita", Membership.Role.REVIEWER, region=region)
    store.open_year(operator, agency, 2030)
    return agency


def test_the_reviewer_scores_and_finalises_the_sheet(browser, live_server, year_to_evaluate):  # noqa: F811
    OUTPUT.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, "rita")
    page.goto(live_server.url + "/kabupaten-uji/dinas-uji/evaluasi/2030/")
    assert "PermenPAN-RB 88/2021" in page.content()
    # every part at 80 % except evaluasi's kualitas at 62,5 %: 100 × 0,8 = 80 less 7,5 × 0,175 = 1,3125 → 78,69
    for field in page.locator("input[name^='s_']").all():
        field.fill("62,5" if field.get_attribute("name") == "s_evaluasi.kualitas" else "80")
    page.get_by_role("button", name="Simpan nilai dan catatan").click()
    page.get_by_text("12 nilai atau catatan disimpan.").wait_for()
    assert page.locator("#nilai-akhir").inner_text() == "78,69"
    assert page.locator("#predikat").inner_text() == "BB"  # >70–80
    page.get_by_label("Rekomendasi baru").fill("Susun Rencana Aksi setiap triwulan.")
    page.get_by_role("button", name="Tambah rekomendasi").click()
    page.get_by_text("Rekomendasi ditambahkan.").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Tetapkan evaluasi").click()
    page.get_by_text("Evaluasi ditetapkan: predikat BB.").wait_for()
    page.screenshot(path=str(OUTPUT / "evaluasi-lke.png"), full_page=True)
    assert Evaluation.objects.get().status == "final"
    assert page.locator("input[name^='s_']").count() == 0  # a final sheet is read, not edited
    context.close()
