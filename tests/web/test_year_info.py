"""What describes an indicator in a year (its definition, data source, who answers for it, whether it is an
IKU, its national standard and what sets it) belongs to that year, like its name and unit: a change made in
next year's draft never moves a published year, its signed LKjIP or its open data.

Regression: these were kept once per indicator, so an operator typing 2021's new SPM figure in the 2021
draft rewrote the comparison of the published 2020 LKjIP (Bab III A.4) and its appendix of definitions."""

from decimal import Decimal

import pytest
from django.test import Client

from kinerja.core import year as core
from kinerja.reports import opendata
from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear, AuditEvent, Indicator, Target
from kinerja.web.performance.reporting import agency_year_data
from tests.web.helpers import client_for, docx_text, entry_post, publish, said

BASE = "/kabupaten-uji/dinas-uji"
NAME = "Persentase balita gizi baik"
SPM_2019 = "SPM kesehatan (Permenkes 4/2019)"
SPM_2021 = "SPM kesehatan (Permenkes 6/2024)"
DEFINITION_2020 = "Balita dengan BB/TB normal dibagi balita ditimbang dikali 100"
DEFINITION_2021 = "Balita gizi baik menurut standar antropometri baru dibagi balita diukur dikali 100"


@pytest.fixture
def two_years(team):
    """2020: target 95 %, realisasi 92,5 %, standard 90 % (met: 92,5 ≥ 90), an IKU, published.
    2021: opened from it as a draft, target 95 %, realisasi 93 %."""
    agency, people = team
    operator = client_for(people["operator"])
    year, _ = store.open_year(people["operator"], agency, 2020)
    line = core.Line(indicator_id=None, ref="a", name=NAME, unit="%", sasaran="Gizi",
                     figures={"target": core.Figure(Decimal(95)), "year": core.Figure(Decimal("92.5"))})  # fmt: skip
    changes = [core.AddLine(line), core.SetBudget("anggaran", Decimal(1000)), core.SetBudget("realisasi", Decimal(900))]
    store.apply(people["operator"], year, changes, origin="form")
    gizi = Indicator.objects.get(name=NAME)
    entry_post(operator, gizi.pk, standard="90", standard_source=SPM_2019, definition=DEFINITION_2020,
               data_source="Puskesmas", responsible="Bidang Kesehatan Masyarakat", is_iku="on")  # fmt: skip
    published = publish(year, people)
    assert published.status == "published"
    draft, _ = store.open_year(people["operator"], agency, 2021)
    store.apply(people["operator"], draft, [
        core.SetFigure(gizi.pk, "target", Decimal(95)), core.SetFigure(gizi.pk, "year", Decimal(93)),
    ], origin="form")  # fmt: skip
    return gizi, people, operator


def bab_three(text: str) -> str:
    return text[text.index("BAB III") : text.index("BAB IV")]


def test_next_years_draft_carries_last_years_description_over(two_years):
    gizi, _, operator = two_years
    line = store.load(AgencyYear.objects.get(year=2021)).line(gizi.pk)
    assert (line.standard, line.standard_source, line.definition, line.is_iku) == (
        Decimal(90),
        SPM_2019,
        DEFINITION_2020,
        True,
    )
    form = operator.get(f"{BASE}/2021/entri/{gizi.pk}/").content.decode()
    assert 'name="meta-standard" value="90"' in form


def test_a_change_in_the_draft_year_leaves_the_published_year_as_it_was_signed(two_years):
    gizi, _, operator = two_years
    # 2021: the new SPM asks 95 %, the definition changed, and the indicator is no longer an IKU (box unticked)
    typed = {"definition": DEFINITION_2021, "data_source": "Puskesmas", "responsible": "Bidang Kesehatan Masyarakat"}
    page = entry_post(operator, gizi.pk, year=2021, standard="95", standard_source=SPM_2021, **typed)
    assert "4 perubahan disimpan" in page  # standard, its source, definition, IKU
    kept = {t.year: t for t in Target.objects.filter(indicator=gizi)}
    assert (kept[2020].standard, kept[2020].standard_source, kept[2020].is_iku) == (Decimal(90), SPM_2019, True)
    assert (kept[2021].standard, kept[2021].standard_source, kept[2021].is_iku) == (Decimal(95), SPM_2021, False)
    assert kept[2020].definition == DEFINITION_2020 and kept[2021].definition == DEFINITION_2021

    # the public's 2020 LKjIP: 92,5 against 90 (met), the IKU and the definition of 2020
    public = docx_text(Client().get(f"{BASE}/2020/unduh/lkjip-lengkap.docx").content)
    assert f"Dibandingkan standar nasional 90 % ({SPM_2019}): di atas standar, terpenuhi." in bab_three(public)
    assert f"1\t{NAME}\t92,5 %\t90 %\t{SPM_2019}\tdi atas standar, terpenuhi" in public
    assert SPM_2021 not in public
    assert DEFINITION_2020 in public and DEFINITION_2021 not in public
    assert f"{NAME}\tIKU\t{DEFINITION_2020}\tPuskesmas" in public
    # the 2021 draft, read by its operator: 93 against 95 (not met: 93 < 95), no IKU
    draft = docx_text(operator.get(f"{BASE}/2021/unduh/lkjip-lengkap.docx").content)
    assert f"Dibandingkan standar nasional 95 % ({SPM_2021}): di bawah standar, belum terpenuhi." in bab_three(draft)
    assert f"{NAME}\t\t{DEFINITION_2021}\tPuskesmas" in draft

    # open data of 2020 still says 90, met
    rows = opendata.capaian_rows([agency_year_data(AgencyYear.objects.get(year=2020), None)])
    assert (rows[0]["standar_nasional"], rows[0]["memenuhi_standar"], rows[0]["iku"]) == (Decimal(90), "ya", "ya")

    # the indicator's page compares each year with its own standard
    shown = said(Client().get(f"/indikator/{gizi.pk}/"))
    assert "90 %: standar terpenuhi" in shown
    assert DEFINITION_2020 in shown and DEFINITION_2021 not in shown  # the public reads 2020: 2021 is a draft
    assert DEFINITION_2021 in said(operator.get(f"/indikator/{gizi.pk}/"))  # its operator reads the draft too
    assert "Definisi per tahun" not in shown  # the public reads one year: nothing changed for it
    per_year = said(operator.get(f"/indikator/{gizi.pk}/"))
    assert f"<dt>2020</dt><dd>{DEFINITION_2020}</dd><dt>2021</dt><dd>{DEFINITION_2021}</dd>" in per_year

    # the change is in 2021's history, on 2021's row
    event = AuditEvent.objects.get(indicator_id=gizi.pk, after__has_key="standard", year=2021)
    assert event.object_type == "Target" and event.before == {"standard": "90"} and event.after == {"standard": "95"}


def test_the_published_years_description_cannot_be_changed_from_its_own_form(two_years):
    gizi, _, operator = two_years
    response = operator.post(f"{BASE}/2020/entri/{gizi.pk}/", {"meta-standard": "80"})
    assert response.status_code in (302, 403) or "perubahan disimpan" not in said(response)
    assert Target.objects.get(indicator=gizi, year=2020).standard == Decimal(90)


def test_undoing_a_change_of_the_draft_year_restores_the_draft_year_only(two_years):
    gizi, _, operator = two_years
    entry_post(operator, gizi.pk, year=2021, standard="95", standard_source=SPM_2019, definition=DEFINITION_2020,
               data_source="Puskesmas", responsible="Bidang Kesehatan Masyarakat", is_iku="on")  # fmt: skip
    event = AuditEvent.objects.get(indicator_id=gizi.pk, after__has_key="standard", year=2021)
    answer = said(operator.post(f"{BASE}/2021/entri/{gizi.pk}/batalkan/{event.pk}/", follow=True))
    assert "Perubahan dibatalkan" in answer
    assert {t.year: t.standard for t in Target.objects.filter(indicator=gizi)} == {2020: Decimal(90), 2021: Decimal(90)}


def test_a_stale_form_is_refused_for_the_description_and_the_range_separately(two_years):
    """The year's description and the indicator's batas wajar have versions of their own: a description saved
    meanwhile makes a form's description stale, not its range."""
    gizi, people, _ = two_years
    draft = AgencyYear.objects.get(year=2021)
    shown = store.load(draft).line(gizi.pk)
    operator = people["operator"]
    store.apply(operator, draft, [core.SetInfo(gizi.pk, "definition", "Baru", shown.info_version)], origin="form")
    with pytest.raises(core.Conflict):
        store.apply(
            operator, draft, [core.SetInfo(gizi.pk, "data_source", "Dinkes", shown.info_version)], origin="form"
        )
    bound = core.SetInfo(gizi.pk, "plausible_max", Decimal(100), shown.bounds_version)
    applied = store.apply(operator, draft, [bound], origin="form")
    assert applied.count == 1
