"""Visible approvals: who submitted, verified, approved and published a year, and when, on the year's page
(for the public too) and under the signature of its documents; a returned pass is not shown as approved,
and the public reads the trail of the published version while an admin has the year reopened."""

import io
from decimal import Decimal

import docx
import pytest
from django.test import Client
from django.utils import timezone

from kinerja.core import year as core
from kinerja.web.performance import cycle, store
from kinerja.web.performance.models import AgencyYear
from tests.web.helpers import client_for

BASE = "/kabupaten-uji/dinas-uji/2020"


@pytest.fixture
def year_2020(team):
    agency, people = team
    people["reviewer"].first_name, people["reviewer"].last_name = "Citra", "Lestari"
    people["reviewer"].save()
    year, _ = store.open_year(people["operator"], agency, 2020)
    line = core.Line(indicator_id=None, ref="a", name="Jumlah koperasi sehat", unit="unit", sasaran="S",
                     figures={"target": core.Figure(Decimal(40)), "year": core.Figure(Decimal(30))})  # fmt: skip
    budget = [core.SetBudget("anggaran", Decimal(1_000_000)), core.SetBudget("realisasi", Decimal(900_000))]
    store.apply(people["operator"], year, [core.AddLine(line), *budget], origin="form")
    return year, people


def act(year, user, action, comment=""):
    cycle.act(user=user, agency_year=AgencyYear.objects.get(pk=year.pk), action=action, comment=comment)


def approvals_line(page: str) -> str:
    start = page.index('<p class="approvals">')
    return page[start : page.index("</p>", start)]


def test_the_page_and_the_signed_form_name_who_approved_and_when(year_2020):
    year, people = year_2020
    act(year, people["operator"], "submit")
    act(year, people["reviewer"], "return", "Bukti belum lengkap.")
    act(year, people["operator"], "submit")
    act(year, people["reviewer"], "verify")
    act(year, people["head"], "approve")
    act(year, people["reviewer"], "publish")
    today = timezone.localdate()
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]  # fmt: skip
    day = f"{today.day} {months[today.month - 1]} {today.year}"
    line = approvals_line(Client().get(f"{BASE}/").content.decode())  # the public reads it
    # the pass that stands: from the second submission; the return is in the history, not among the approvals
    assert line.count("diajukan oleh opi") == 1 and "dikembalikan" not in line
    assert "diverifikasi oleh Citra Lestari" in line  # a full name when the account has one
    assert "disetujui dan ditandatangani oleh kadis" in line and "dipublikasikan oleh Citra Lestari" in line
    assert line.index("diajukan") < line.index("diverifikasi") < line.index("disetujui") < line.index("dipublikasikan")
    document = docx.Document(io.BytesIO(Client().get(f"{BASE}/unduh/pengukuran.docx").content))
    (said,) = [p.text for p in document.paragraphs if p.text.startswith("Persetujuan di kinerja:")]
    assert said == (
        f"Persetujuan di kinerja: diajukan oleh opi ({day}); diverifikasi oleh Citra Lestari ({day}); "
        f"disetujui dan ditandatangani oleh kadis ({day}); dipublikasikan oleh Citra Lestari ({day})."
    )


def test_a_reopened_year_keeps_its_published_trail_for_the_public(year_2020):
    year, people = year_2020
    for who, action in (("operator", "submit"), ("reviewer", "verify"), ("head", "approve"), ("reviewer", "publish")):
        act(year, people[who], action)
    act(year, people["admin"], "reopen", "Target salah ketik.")
    assert "dipublikasikan oleh Citra Lestari" in approvals_line(Client().get(f"{BASE}/").content.decode())
    # the agency's people see the year as it stands: reopened, nothing approved in this pass yet
    assert '<p class="approvals">' not in client_for(people["operator"]).get(f"{BASE}/").content.decode()


def test_a_draft_never_submitted_shows_no_approvals(year_2020):
    year, people = year_2020
    page = client_for(people["operator"]).get(f"{BASE}/").content.decode()
    assert '<p class="approvals">' not in page
    document = docx.Document(io.BytesIO(client_for(people["operator"]).get(f"{BASE}/unduh/pengukuran.docx").content))
    assert not [p for p in document.paragraphs if p.text.startswith("Persetujuan di kinerja:")]


def test_a_year_published_from_an_imported_signed_document_says_so(banjar):
    page = Client().get("/kabupaten-banjar/dinas-koperasi-dan-umkm/2016/").content.decode()
    assert "dipublikasikan dari dokumen bertanda tangan yang diimpor oleh sistem" in approvals_line(page)
