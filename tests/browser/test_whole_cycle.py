"""In Chromium, through the screens alone (no Excel): the 2017 cycle of the sample agency.

The operator starts 2017 from the 2016 plan, enters every target with the keyboard and every
realisation with one block pasted from a spreadsheet, is refused and follows the checklist's links
(a note for a worse figure, the budget), submits; the reviewer comments on one indicator and returns
the year; the operator answers from the queue and resubmits; the reviewer verifies, the head approves,
the reviewer publishes; the public reads the form with its place and date and downloads the .xlsx."""

import io
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear, Official, Region
from tests.browser.test_demo_site import OUTPUT, browser  # noqa: F401  (the shared Chromium fixture)
from tests.browser.test_entry_flow import log_in
from tests.web.conftest import agency, banjar, other_agency, personas  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")  # fmt: skip
PASTE = """
(block) => {
  const cell = document.activeElement;
  const data = new DataTransfer();
  data.setData("text/plain", block);
  cell.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
}
"""


def typed(value: Decimal) -> str:
    """A figure as an operator types it: 24.450 with '.' for thousands, 62,87 with ',' for decimals."""
    value = value.quantize(Decimal("0.01"), ROUND_HALF_UP).normalize()
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join([whole, *groups])
    if fraction:
        text += "," + fraction.ljust(2, "0")  # two decimals: never a 3-digit ',' group, which is ambiguous
    return text


def figures_2017(year_2016):
    """Targets and realisations for 2017: the 2016 figures (10 where 2016 has no number), with one
    higher-is-better realisation halved so that it is worse than 2016."""
    targets, realised, worse = [], [], None
    for line in year_2016.lines:
        target = line.target.number if line.target.is_number else Decimal(10)
        real = line.realisasi.number if line.realisasi.is_number else Decimal(10)
        if worse is None and line.direction.value == "higher" and real > 100:
            worse, real = line.name, (real / 2).quantize(Decimal(1))
        targets.append(target)
        realised.append(real)
    return targets, realised, worse


def test_the_2017_cycle_through_the_screens(browser, live_server, banjar, personas):  # noqa: F811
    OUTPUT.mkdir(parents=True, exist_ok=True)
    region = Region.objects.get()
    region.sign_place = "Martapura"  # the region's setting, as its admin enters it
    region.save()
    head_official = Official.objects.filter(agency__name="Dinas Koperasi dan UMKM").order_by("id").first()
    head_official.user = personas["head"]
    head_official.save()
    year_2016 = store.load(AgencyYear.objects.get(year=2016))
    targets, realised, worse_name = figures_2017(year_2016)
    base = live_server.url

    # --- the operator starts 2017 and fills the table ----------------------------------------
    operator = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(operator, base, "ani")
    operator.wait_for_url("**/kerja/")
    operator.goto(base + BASE + "/2016/")
    operator.get_by_label("Mulai tahun baru dari rencana tahun ini:").fill("2017")
    operator.get_by_role("button", name="Mulai", exact=True).click()
    operator.wait_for_url(f"**{BASE}/2017/entri/")
    operator.goto(base + "/kerja/")
    operator.get_by_role("link", name="Dinas Koperasi dan UMKM").click()
    operator.wait_for_url("**/2017/entri/tabel/")
    operator.wait_for_load_state("load")
    year_2017 = AgencyYear.objects.get(year=2017)
    lines = store.load(year_2017).lines
    assert [line.name for line in lines] == [line.name for line in year_2016.lines]
    operator.locator(f"#f-{lines[0].indicator_id}-target").click()
    for target in targets:  # every target with the keyboard: type, Enter moves down
        operator.keyboard.type(typed(target))
        operator.keyboard.press("Enter")
    operator.locator(f"#f-{lines[0].indicator_id}-year").click()
    operator.evaluate(PASTE, "\n".join(typed(r) for r in realised) + "\n")  # one column copied from Excel
    assert operator.locator(f"#f-{lines[-1].indicator_id}-year").input_value() == typed(realised[-1])
    aktif = next(line for line in lines if line.name == "Persentase koperasi aktif")
    # 62,87 ÷ 62,50 × 100 = 100,592 → 100,59
    operator.locator(f"#cap-{aktif.indicator_id}").filter(has_text="100,59").wait_for(timeout=10_000)
    operator.get_by_role("button", name="Simpan semua perubahan").click()
    operator.get_by_text(f"{2 * len(lines)} perubahan disimpan.").wait_for()

    # --- refused: the checklist's links lead to the note and the budget ------------------------
    operator.goto(base + BASE + "/2017/")
    operator.get_by_role("button", name="Ajukan untuk direviu").click()
    operator.get_by_text("Belum dapat diajukan: 2 hal perlu diselesaikan").wait_for()
    worse = next(line for line in lines if line.name == worse_name)
    operator.get_by_role("link", name=f"Realisasi '{worse_name}' tahun 2017 lebih buruk").first.click()
    operator.wait_for_url(f"**/2017/entri/tabel/#f-{worse.indicator_id}-note")
    operator.wait_for_load_state("load")
    note = operator.locator(f"#f-{worse.indicator_id}-note")
    note.fill("Separuh koperasi belum RAT sampai akhir tahun.")
    operator.get_by_role("button", name="Simpan semua perubahan").click()
    operator.get_by_text("1 perubahan disimpan.").wait_for()
    operator.get_by_role("link", name="Anggaran dan realisasi anggaran tahun 2017 belum dicatat").click()
    operator.wait_for_url("**/2017/entri/#anggaran")
    operator.get_by_label("Jumlah anggaran (Rp)").fill("2.300.000.000")
    operator.get_by_label("Realisasi anggaran (Rp)").fill("2.150.000.000")
    operator.get_by_role("button", name="Simpan anggaran").click()
    operator.get_by_text("Anggaran disimpan.").wait_for()
    # the LKjIP's own words, written while the year is a draft
    operator.goto(base + BASE + "/2017/lkjip/")
    operator.get_by_label("B. Tugas pokok dan fungsi").fill("Membina koperasi dan usaha mikro.")
    operator.get_by_role("button", name="Simpan naskah").click()
    operator.get_by_text("Naskah LKjIP disimpan.").wait_for()
    operator.goto(base + BASE + "/2017/entri/tabel/")
    operator.get_by_text("Semua isian lengkap; tahun ini dapat diajukan.").wait_for()
    operator.get_by_role("button", name="Ajukan untuk direviu").click()
    operator.get_by_text("Status tahun 2017: diajukan.").wait_for()

    # --- the reviewer comments on one indicator and returns the year ---------------------------
    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(reviewer, base, "citra")
    reviewer.get_by_role("heading", name="Menunggu reviu (yang paling lama lebih dulu)").wait_for()
    reviewer.get_by_role("link", name="Dinas Koperasi dan UMKM 2017").click()
    reviewer.wait_for_url("**/2017/reviu/")
    section = reviewer.locator(f"#reviu-{worse.indicator_id}")
    assert "Separuh koperasi belum RAT" in section.inner_text()  # the operator's note, on the review screen
    section.get_by_label("Komentar pada indikator ini").fill("Lampirkan daftar koperasi yang belum RAT.")
    section.get_by_role("button", name="Simpan komentar").click()
    reviewer.get_by_text("Komentar disimpan").wait_for()
    reviewer.get_by_label("Catatan / alasan (wajib)").fill("Satu indikator perlu bukti.")
    reviewer.get_by_role("button", name="Kembalikan dengan catatan").click()
    reviewer.get_by_text("Status tahun 2017: dikembalikan.").wait_for()

    # --- the operator sees it on the queue, answers, resubmits ---------------------------------
    operator.goto(base + "/kerja/")
    operator.get_by_text("Satu indikator perlu bukti.").wait_for()
    operator.get_by_role("link", name="1 komentar per indikator belum dijawab").click()
    operator.wait_for_url("**/2017/reviu/")
    answer = operator.locator(f"#reviu-{worse.indicator_id}")
    answer.get_by_label("Jawaban").fill("Daftar 12 koperasi dilampirkan sebagai bukti.")
    answer.get_by_role("button", name="Jawab").click()
    operator.get_by_text("Jawaban disimpan.").wait_for()
    operator.goto(base + BASE + "/2017/")
    operator.get_by_role("button", name="Ajukan untuk direviu").click()
    operator.get_by_text("Status tahun 2017: diajukan.").wait_for()

    # --- verify, approve, publish ----------------------------------------------------------------
    reviewer.goto(base + BASE + "/2017/reviu/")
    assert "Daftar 12 koperasi dilampirkan" in reviewer.locator(f"#reviu-{worse.indicator_id}").inner_text()
    reviewer.get_by_role("button", name="Verifikasi").click()
    reviewer.get_by_text("Status tahun 2017: diverifikasi.").wait_for()
    head = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(head, base, "dedi")
    head.get_by_role("heading", name="Menunggu persetujuan dan tanda tangan Anda").wait_for()
    head.get_by_role("link", name="Dinas Koperasi dan UMKM 2017").click()
    head.wait_for_url("**/2017/reviu/")
    head.get_by_role("button", name="Setujui dan tandatangani").click()
    head.get_by_text("Status tahun 2017: disetujui dan ditandatangani.").wait_for()
    reviewer.goto(base + "/kerja/")
    reviewer.get_by_role("link", name="Dinas Koperasi dan UMKM 2017").click()
    reviewer.get_by_role("button", name="Publikasikan").click()
    reviewer.get_by_text("Status tahun 2017: dipublikasikan.").wait_for()

    # --- the public reads the signed form and downloads the .xlsx --------------------------------
    public = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True).new_page()
    public.goto(base + BASE + "/2017/")
    today = date.today()
    signed = f"Martapura, {today.day} {MONTHS[today.month - 1]} {today.year}"
    assert signed in public.locator("body").inner_text()
    with public.expect_download() as download_info:
        public.locator("a[data-download][href$='pengukuran.xlsx']").click()
    data = Path(download_info.value.path()).read_bytes()
    sheet = load_workbook(io.BytesIO(data))["Pengukuran Kinerja"]
    header = next(r for r in range(1, 30) if sheet.cell(r, 2).value == "Indikator Kinerja")
    assert [sheet.cell(header, c).value for c in range(1, 7)] == [
        "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian",
    ]  # fmt: skip
    rows = {sheet.cell(r, 2).value: r for r in range(header + 2, header + 2 + len(lines))}
    assert sheet.cell(rows["Persentase koperasi aktif"], 3).value == "%"
    assert sheet.cell(rows["Persentase koperasi aktif"], 6).value == 100.59
    percents = [sheet.cell(r, 6).value for r in rows.values() if isinstance(sheet.cell(r, 6).value, float)]
    assert percents and all(round(p, 2) == p for p in percents)  # two decimals, as shown
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert signed in text
    public.screenshot(path=Path(OUTPUT) / "cycle-2017-public.png", full_page=True)
    # who took the year through the cycle, for everyone to read; and the agency's LKjIP text
    approvals = public.locator("p.approvals").inner_text()
    assert approvals.index("diajukan oleh ani") < approvals.index("diverifikasi oleh citra")
    assert "disetujui dan ditandatangani oleh dedi" in approvals and "dipublikasikan oleh citra" in approvals
    public.goto(base + BASE + "/2017/lkjip/")
    assert "Membina koperasi dan usaha mikro." in public.locator("main").inner_text()
    assert AgencyYear.objects.get(year=2017).status == "published"
