"""The whole LKjIP (PermenPAN-RB 53/2014): kinerja writes what the figures say, the agency writes its own
words on the LKjIP page while the year is editable, every save is audited, the public reads the text as
published, and the document carries both in the order of the regulation."""

import io
import re
from decimal import Decimal

import docx
import pytest
from django.test import Client

from kinerja.core import year as core
from kinerja.reports import lkjip as report
from kinerja.reports.render import render
from kinerja.web.performance import cycle, store
from kinerja.web.performance.models import AgencyYear, AuditEvent, LkjipText
from kinerja.web.performance.reporting import agency_year_data
from tests.web.helpers import client_for, publish, said

BASE = "/kabupaten-uji/dinas-uji"
PAGE = f"{BASE}/2020/lkjip/"
SASARAN = ("Meningkatnya koperasi sehat", "Meningkatnya pelayanan perizinan")


@pytest.fixture
def year_2020(team):
    """Two sasaran, one indicator each: 30 of 40 (75,00 %, Sedang) and 12 of 10 (120,00 %, Sangat Tinggi);
    a budget of Rp 1.000.000, Rp 900.000 spent (90,00 %)."""
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    changes = [
        core.AddLine(core.Line(indicator_id=None, ref=ref, name=name, unit=unit, sasaran=sasaran, figures={
            "target": core.Figure(Decimal(target)), "year": core.Figure(Decimal(realised))}))
        for ref, name, unit, sasaran, target, realised in (
            ("a", "Jumlah koperasi sehat", "unit", SASARAN[0], 40, 30),
            ("b", "Jumlah izin terbit", "izin", SASARAN[1], 10, 12),
        )
    ]  # fmt: skip
    changes += [core.SetBudget("anggaran", Decimal(1_000_000)), core.SetBudget("realisasi", Decimal(900_000))]
    store.apply(people["operator"], year, changes, origin="form")
    return AgencyYear.objects.get(pk=year.pk), people


def form(version=0, **texts) -> dict:
    data = {"version": str(version), "sasaran_0": SASARAN[0], "sasaran_1": SASARAN[1]}
    return {**data, **texts}


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


class Everyone:
    is_authenticated = True
    is_superuser = True


def test_what_the_figures_say_is_written_by_kinerja(year_2020):
    agency_year, _ = year_2020
    sentences = report.overview(agency_year_data(agency_year, Everyone()))
    assert sentences[0] == (
        "Pada tahun 2020, Dinas Uji mengukur kinerjanya dengan 2 indikator kinerja untuk 2 sasaran strategis."
    )
    # (30 ÷ 40 × 100 + 12 ÷ 10 × 100) ÷ 2 = (75,00 + 120,00) ÷ 2 = 97,50: Sangat Tinggi (≥ 91)
    assert sentences[1].startswith("Rata-rata capaian seluruh indikator 97,50 %, kategori Sangat Tinggi")
    assert sentences[2] == "Menurut kategori: 1 indikator Sangat Tinggi, 1 indikator Sedang."  # 75 is ≥66, <76
    assert sentences[3] == "Dari anggaran Rp. 1.000.000, terealisasi Rp. 900.000 (serapan 90,00 %)."


def test_the_operator_writes_the_agencys_words_and_the_document_carries_them(year_2020):
    agency_year, people = year_2020
    operator = client_for(people["operator"])
    texts = {
        "introduction": "Dinas Uji dibentuk dengan Perda 5/2016.\n\nDinas dipimpin seorang kepala dinas.",
        "duties": "Melaksanakan urusan koperasi dan UKM.",
        "issues": "Banyak koperasi tidak aktif.",
        "causes_0": "Sepuluh koperasi belum menyelenggarakan RAT.",
        "solutions_0": "Pendampingan RAT pada triwulan I.",
        "closing": "Demikian laporan ini disusun.",
    }
    response = operator.post(PAGE, form(**texts))
    assert response.status_code == 302
    record = LkjipText.objects.get(agency_year=agency_year)
    assert record.version == 1 and record.analyses == {
        SASARAN[0]: {"causes": texts["causes_0"], "solutions": texts["solutions_0"]}
    }
    event = AuditEvent.objects.get(origin="lkjip")
    assert (
        event.user == people["operator"] and event.before["duties"] == "" and event.after["duties"] == texts["duties"]
    )
    text = docx_text(operator.get(f"{BASE}/2020/unduh/lkjip-lengkap.docx").content)
    chapters = [line for line in text.splitlines() if re.match(r"^(KATA PENGANTAR|IKHTISAR|BAB [IV]+|LAMPIRAN)", line)]
    assert chapters == [
        "KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN",
    ]  # fmt: skip
    # a blank line makes two paragraphs; the agency's words sit in their chapters
    assert "Dinas Uji dibentuk dengan Perda 5/2016.\nDinas dipimpin seorang kepala dinas." in text
    bab_three = text[text.index("BAB III") : text.index("BAB IV")]
    assert f"Sasaran 1: {SASARAN[0]}" in bab_three and texts["causes_0"] in bab_three
    assert "Jumlah koperasi sehat: target 40 unit, realisasi 30 unit, capaian 75,00 %, kategori Sedang." in bab_three
    # the second sasaran's analysis was not written: the document says so instead of inventing it
    second = bab_three[bab_three.index(f"Sasaran 2: {SASARAN[1]}") :]
    assert second.count(report.NOT_WRITTEN) == 2
    assert "Demikian laporan ini disusun." in text[text.index("BAB IV") : text.index("LAMPIRAN")]
    page = operator.get(PAGE).content.decode()
    assert f"Bab III analisis sasaran: {SASARAN[1]}" in page and "Bab I A." not in page  # what is still missing


def test_saving_the_same_text_again_changes_nothing(year_2020):
    agency_year, people = year_2020
    operator = client_for(people["operator"])
    operator.post(PAGE, form(duties="Urusan koperasi."))
    operator.post(PAGE, form(version=1, duties="Urusan koperasi."))
    assert LkjipText.objects.get(agency_year=agency_year).version == 1
    assert AuditEvent.objects.filter(origin="lkjip").count() == 1


def test_two_people_writing_at_once_the_second_keeps_what_they_typed(year_2020):
    agency_year, people = year_2020
    operator, admin = client_for(people["operator"]), client_for(people["admin"])
    operator.post(PAGE, form(duties="Tulisan operator."))
    response = admin.post(PAGE, form(version=0, duties="Tulisan admin yang belum tersimpan."))
    assert response.status_code == 200  # the page again, not a redirect
    page = said(response)
    assert "telah diubah oleh opi" in page and "Tulisan admin yang belum tersimpan." in page
    assert LkjipText.objects.get(agency_year=agency_year).duties == "Tulisan operator."
    for version in ("", "abc", "9" * 40):  # a page that does not say what it showed cannot write over a text
        data = {k: v for k, v in form(duties="Tanpa versi.").items() if k != "version"}
        response = admin.post(PAGE, {**data, **({"version": version} if version else {})})
        assert "telah diubah oleh opi" in said(response), version
    assert LkjipText.objects.get(agency_year=agency_year).duties == "Tulisan operator."


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("duties", "Tugas\x00pokok", "karakter kendali yang tidak terlihat (kode 0)"),
        ("closing", "x" * 20_001, "terlalu panjang (paling banyak 20000 karakter)"),
    ],
)
def test_text_that_cannot_be_kept_is_refused_and_nothing_is_saved(year_2020, field, typed, message):
    agency_year, people = year_2020
    response = client_for(people["operator"]).post(PAGE, form(**{field: typed, "issues": "Isu yang sah."}))
    assert message in said(response)
    assert not LkjipText.objects.filter(agency_year=agency_year).exists()


def test_a_sasaran_renamed_meanwhile_is_refused(year_2020):
    agency_year, people = year_2020
    data = form(causes_0="Analisis untuk sasaran lama.")
    data["sasaran_0"] = "Meningkatnya koperasi (nama lama)"
    response = client_for(people["operator"]).post(PAGE, data)
    assert "Sasaran tahun ini berubah sejak halaman dibuka" in said(response)
    assert not LkjipText.objects.filter(agency_year=agency_year).exists()


def test_only_the_agencys_editors_write_and_only_while_the_year_is_editable(year_2020):
    agency_year, people = year_2020
    assert client_for(people["reviewer"]).post(PAGE, form(duties="Reviewer menulis.")).status_code == 403
    assert client_for(people["head"]).post(PAGE, form(duties="Kepala menulis.")).status_code == 403
    operator = client_for(people["operator"])
    operator.post(PAGE, form(duties="Sebelum diajukan."))
    cycle.act(user=people["operator"], agency_year=agency_year, action="submit")
    response = operator.post(PAGE, form(version=1, duties="Sesudah diajukan."))
    assert "naskah LKjIP hanya dapat diubah selama tahun itu masih draf atau dikembalikan" in said(response)
    assert LkjipText.objects.get(agency_year=agency_year).duties == "Sebelum diajukan."
    page = operator.get(PAGE).content.decode()
    assert 'name="duties"' not in page and "Sebelum diajukan." in page  # read, not a form


def test_the_public_reads_the_text_as_published_while_the_year_is_reopened(year_2020):
    agency_year, people = year_2020
    operator = client_for(people["operator"])
    operator.post(PAGE, form(duties="Tugas sebagaimana dipublikasikan."))
    publish(agency_year, people)
    assert "Tugas sebagaimana dipublikasikan." in Client().get(PAGE).content.decode()
    cycle.act(user=people["admin"], agency_year=AgencyYear.objects.get(pk=agency_year.pk), action="reopen",
              comment="Naskah diperbaiki.")  # fmt: skip
    assert operator.post(PAGE, form(version=1, duties="Tugas dalam perbaikan.")).status_code == 302
    public = Client().get(PAGE).content.decode()
    assert "Tugas sebagaimana dipublikasikan." in public and "Tugas dalam perbaikan." not in public
    assert "Belum diisi" not in public  # the checklist of missing parts is for the agency's people
    public_doc = docx_text(Client().get(f"{BASE}/2020/unduh/lkjip-lengkap.docx").content)
    assert "Tugas sebagaimana dipublikasikan." in public_doc and "Tugas dalam perbaikan." not in public_doc
    assert "Tugas dalam perbaikan." in operator.get(PAGE).content.decode()  # the agency sees its draft


def test_a_draft_is_not_public(year_2020):
    response = Client().get(PAGE)
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_the_whole_lkjip_renders_in_every_format(year_2020):
    agency_year, _ = year_2020
    data = agency_year_data(agency_year, Everyone())
    built = report.full(data, with_charts=False)
    for fmt in ("pdf", "docx", "xlsx"):
        assert len(render(built, fmt)) > 1000, fmt


def test_the_operators_queue_counts_the_parts_still_to_write(year_2020):
    agency_year, people = year_2020
    operator = client_for(people["operator"])
    # Bab I A, B, C, Bab IV, and the analysis of each of the two sasaran: 4 + 2 = 6
    assert "naskah LKjIP: 6 bagian belum diisi" in said(operator.get("/kerja/"))
    operator.post(PAGE, form(duties="Urusan koperasi.", causes_1="Izin daring.", solutions_1="Perluas layanan."))
    assert "naskah LKjIP: 4 bagian belum diisi" in said(operator.get("/kerja/"))
