"""In Chromium, through the screens alone: one Perjanjian Kinerja cascade for 2016 on the sample
agency. The operator (the agency's planner) enters the officials and units, drafts the head's PK from
the year's plan, a kepala bidang's PK cascading from it and a kepala seksi's from that; the head signs
each; a reviewer reads them; the head's PK is revised for a budget change (PK Perubahan, version 2)
while version 1 and its PDF stay as signed; the public reads the pohon kinerja."""

import hashlib

import pytest

from kinerja.web.performance.models import Agreement, Official, Region
from tests.browser.test_demo_site import OUTPUT, browser  # noqa: F401  (the shared Chromium fixture)
from tests.browser.test_entry_flow import log_in
from tests.web.conftest import agency, banjar, other_agency, personas  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"


def post_form(page, button: str) -> None:
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state("load")


def sign(page, base, url: str, number: str, day: str) -> None:
    page.goto(base + url)
    page.get_by_label("Nomor perjanjian kinerja").fill(number)
    page.get_by_label("Tanggal", exact=True).fill(day)
    post_form(page, "Tandatangani perjanjian kinerja")
    assert "ditandatangani" in page.content()


def test_a_pk_cascade_and_its_revision_through_the_screens(browser, live_server, banjar, personas):  # noqa: F811
    OUTPUT.mkdir(parents=True, exist_ok=True)
    region = Region.objects.get()
    region.sign_place = "Martapura"
    region.save()
    head_official = Official.objects.filter(agency__name="Dinas Koperasi dan UMKM").order_by("id").first()
    head_official.user = personas["head"]
    head_official.save()
    regent = Official.objects.create(region=region, name="BUPATI BANJAR (uji)", title="Bupati Banjar")
    base = live_server.url

    operator = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(operator, base, "ani")
    operator.wait_for_url("**/kerja/")

    # --- officials and units ----------------------------------------------------------------
    operator.goto(base + BASE + "/organisasi/")
    for name, title, eselon in (("SITI AMINAH, SE", "Kepala Bidang Koperasi", "III.b"),
                                ("RUDI HARTONO", "Kepala Seksi Kelembagaan", "IV.a")):  # fmt: skip
        operator.get_by_label("Nama", exact=True).fill(name)
        operator.get_by_label("Jabatan").fill(title)
        operator.get_by_label("Eselon (mis. III.a)").fill(eselon)
        operator.get_by_label("NIP").fill("19800101 200501 2 003" if eselon == "IV.a" else "")
        post_form(operator, "Tambah pejabat")
    kabid, kasi = Official.objects.get(name="SITI AMINAH, SE"), Official.objects.get(name="RUDI HARTONO")
    assert kasi.nip == "198001012005012003"
    operator.get_by_label("Nama unit").fill("Bidang Koperasi")
    operator.get_by_label("Jenis").select_option("bidang")
    operator.get_by_label("Kepala").select_option(str(kabid.pk))
    post_form(operator, "Tambah unit")
    operator.get_by_label("Nama unit").fill("Seksi Kelembagaan")
    operator.get_by_label("Jenis").select_option("seksi")
    operator.get_by_label("Induk").select_option(label="Bidang Koperasi")
    operator.get_by_label("Kepala").select_option(str(kasi.pk))
    post_form(operator, "Tambah unit")

    # --- the head's PK from the year's plan ---------------------------------------------------
    operator.goto(base + BASE + "/pk/2016/")
    operator.get_by_label("Tingkat").select_option("2")
    operator.get_by_label("Pihak pertama (kosong: kepala unit)").select_option(str(head_official.pk))
    operator.get_by_label("Pihak kedua (kosong: pihak pertama PK atasan)").select_option(str(regent.pk))
    post_form(operator, "Buat draf")
    head_pk = Agreement.objects.get(level=2)
    post_form(operator, "Ambil indikator dan program dari rencana tahun ini")
    assert head_pk.items.count() == 26
    # the head commits to outcomes: the operator removes the vehicles bought (an output)
    row = operator.locator("tr", has_text="Pengadaan kendaraan dinas")
    row.get_by_role("button", name="Hapus").click()
    operator.wait_for_load_state("load")
    assert head_pk.items.count() == 25

    head = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(head, base, "dedi")
    head.wait_for_url("**/kerja/")
    sign(head, base, f"{BASE}/pk/2016/{head_pk.pk}/", "050/012/PK-DKUMKM/2016", "2016-01-04")
    head_pk.refresh_from_db()
    first_pdf = head_pk.pdf.open("rb").read()
    supported = head_pk.items.order_by("position").first()

    # --- the kepala bidang's PK cascades from the head's -------------------------------------
    operator.goto(base + BASE + "/pk/2016/")
    operator.get_by_label("Tingkat").select_option("3")
    operator.get_by_label("Unit (kosong untuk kepala perangkat daerah)").select_option(
        label="Bidang Koperasi (SITI AMINAH, SE)"
    )
    operator.get_by_label("PK atasan (untuk eselon III dan IV)").select_option(str(head_pk.pk))
    post_form(operator, "Buat draf")
    bidang_pk = Agreement.objects.get(level=3)
    assert (bidang_pk.first_party, bidang_pk.second_party) == (kabid, head_official)
    operator.get_by_label("Sasaran Program", exact=True).fill("Meningkatnya kualitas kelembagaan koperasi")
    operator.get_by_label("Indikator kinerja", exact=True).fill("Jumlah koperasi yang dinilai sehat")
    operator.get_by_label("Satuan", exact=True).fill("unit")
    operator.get_by_label("Target (mis. 1.250 atau 62,5)").fill("40")
    operator.get_by_label("Mendukung indikator PK atasan").select_option(str(supported.pk))
    post_form(operator, "Tambah indikator")
    operator.get_by_label("Kode").fill("2.17.02.2.01")
    operator.locator("#bname").fill("Pembinaan kelembagaan koperasi")
    operator.get_by_label("Anggaran (Rp)").fill("125.000.000")
    post_form(operator, "Tambah baris anggaran")
    assert bidang_pk.budget.get().kind == "kegiatan"
    sign(head, base, f"{BASE}/pk/2016/{bidang_pk.pk}/", "050/013/PK-DKUMKM/2016", "2016-01-05")

    # --- the kepala seksi's PK cascades from the kepala bidang's -------------------------------
    operator.goto(base + BASE + "/pk/2016/")
    operator.get_by_label("Tingkat").select_option("4")
    operator.get_by_label("Unit (kosong untuk kepala perangkat daerah)").select_option(
        label="Seksi Kelembagaan (RUDI HARTONO)"
    )
    operator.get_by_label("PK atasan (untuk eselon III dan IV)").select_option(str(bidang_pk.pk))
    post_form(operator, "Buat draf")
    seksi_pk = Agreement.objects.get(level=4)
    operator.get_by_label("Sasaran Kegiatan", exact=True).fill("Terlaksananya penilaian kesehatan koperasi")
    operator.get_by_label("Indikator kinerja", exact=True).fill("Jumlah koperasi yang dinilai")
    operator.get_by_label("Target (mis. 1.250 atau 62,5)").fill("60")
    operator.get_by_label("Mendukung indikator PK atasan").select_option(label="Jumlah koperasi yang dinilai sehat")
    post_form(operator, "Tambah indikator")
    operator.locator("#bname").fill("Penilaian kesehatan koperasi simpan pinjam")
    operator.get_by_label("Anggaran (Rp)").fill("40.000.000")
    post_form(operator, "Tambah baris anggaran")
    sign(head, base, f"{BASE}/pk/2016/{seksi_pk.pk}/", "050/014/PK-DKUMKM/2016", "2016-01-06")

    # --- a reviewer reads them; the public reads the pohon kinerja ----------------------------
    reviewer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(reviewer, base, "citra")
    reviewer.wait_for_url("**/kerja/")
    reviewer.goto(base + BASE + f"/pk/2016/{seksi_pk.pk}/")
    assert "Jumlah koperasi yang dinilai sehat" in reviewer.content()  # the indicator it supports
    assert "Tandatangani" not in reviewer.content()
    public = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    public.goto(base + "/kabupaten-banjar/")
    public.get_by_role("link", name="Perjanjian Kinerja dan pohon kinerja 2016").click()
    public.wait_for_load_state("load")
    levels = public.locator(".pohon li")
    assert levels.nth(0).get_attribute("class").startswith("pohon-0")
    assert "Jumlah koperasi yang dinilai sehat" in levels.nth(1).inner_text()
    assert "Jumlah koperasi yang dinilai" in levels.nth(2).inner_text() and "pohon-2" in levels.nth(2).get_attribute(
        "class"
    )
    public.screenshot(path=str(OUTPUT / "pohon-390.png"), full_page=True)

    # --- PK Perubahan: a budget change; version 1 stays as signed ------------------------------
    operator.goto(base + BASE + f"/pk/2016/{head_pk.pk}/")
    operator.get_by_label("Alasan resmi").select_option("budget")
    operator.get_by_label("Penjelasan").fill("APBD Perubahan 2016 menghapus program pengadaan")
    post_form(operator, "Buat draf PK Perubahan")
    revised = Agreement.objects.get(level=2, version=2)
    assert operator.url.endswith(f"/pk/2016/{revised.pk}/")
    operator.locator("tr", has_text="Tersusunnya dokumen keuangan tepat waktu").get_by_role(
        "button", name="Hapus"
    ).click()
    operator.wait_for_load_state("load")
    sign(head, base, f"{BASE}/pk/2016/{revised.pk}/", "050/031/PK-DKUMKM/2016", "2016-09-01")
    revised.refresh_from_db()
    head.goto(base + BASE + f"/pk/2016/{revised.pk}/")
    assert "Perjanjian Kinerja Perubahan 2016" in head.content()
    with head.expect_download() as download:
        head.get_by_role("link", name="PDF (yang ditandatangani)").click()
    assert download.value.path().read_bytes() == revised.pdf.open("rb").read()
    head.goto(base + BASE + f"/pk/2016/{head_pk.pk}/")
    assert "sudah diganti PK Perubahan" in head.content()
    with head.expect_download() as download:
        head.get_by_role("link", name="PDF (yang ditandatangani)").click()
    old_bytes = download.value.path().read_bytes()
    assert old_bytes == first_pdf and hashlib.sha256(old_bytes).hexdigest() == head_pk.pdf_sha256
    # the kepala bidang's PK now hangs under version 2 of the head's
    public.goto(base + BASE + "/pk/2016/")
    assert "050/031/PK-DKUMKM/2016" in public.content() and "Jumlah koperasi yang dinilai sehat" in public.content()
    assert public.locator(".pohon li.pohon-1").count() == 1
