"""Charts per quarter for leaders: the indicator page shows each year quarter by quarter (the quarter's
figure, the year so far by the indicator's rule, the capaian so far against the year's target) and draws the
latest such year; the public sees only published years."""

from decimal import Decimal

import pytest
from django.test import Client

from kinerja.core import year as core
from kinerja.core.model import Cumulation
from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear, Indicator
from tests.web.helpers import client_for, said


@pytest.fixture
def training(team):
    """'Jumlah pelatihan UMKM', a flow with a target of 100: TW I 20, TW II 25, TW III 30 written in 2020."""
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    figures = {"target": core.Figure(Decimal(100))} | {
        q: core.Figure(Decimal(v)) for q, v in (("q1", 20), ("q2", 25), ("q3", 30))
    }
    line = core.Line(indicator_id=None, ref="a", name="Jumlah pelatihan UMKM", unit="kegiatan", sasaran="S",
                     cumulation=Cumulation.SUM, figures=figures)  # fmt: skip
    store.apply(people["operator"], year, [core.AddLine(line)], origin="form")
    return Indicator.objects.get(name="Jumlah pelatihan UMKM"), year, people


def rows(page: str) -> list[str]:
    import re

    body = page[page.index('<table class="quarters">') :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r)).strip() for r in body.split("<tr>")[1:]]


def test_the_year_quarter_by_quarter(training):
    indicator, year, people = training
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    page = said(Client().get(f"/indikator/{indicator.pk}/"))
    # a flow adds up: 20 → 20 of 100 (20,00 %), 20 + 25 = 45 (45,00 %), 45 + 30 = 75 (75,00 %)
    assert rows(page) == [
        "2020 TW I 100 kegiatan 20 kegiatan 20 kegiatan 20,00",
        "TW II 100 kegiatan 25 kegiatan 45 kegiatan 45,00",
        "TW III 100 kegiatan 30 kegiatan 75 kegiatan 75,00",
    ]
    assert f"/indikator/{indicator.pk}/triwulan-2020.svg" in page
    chart = Client().get(f"/indikator/{indicator.pk}/triwulan-2020.svg")
    assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"
    svg = chart.content.decode()
    assert "TW III" in svg and "Target 2020" in svg and "Jumlah pelatihan UMKM" in svg


def test_a_draft_years_quarters_are_for_the_agency_only(training):
    indicator, year, people = training
    assert Client().get(f"/indikator/{indicator.pk}/triwulan-2020.svg").status_code in (302, 404)
    operator = client_for(people["operator"])
    assert "TW II" in said(operator.get(f"/indikator/{indicator.pk}/"))
    assert operator.get(f"/indikator/{indicator.pk}/triwulan-2020.svg").status_code == 200
    assert operator.get(f"/indikator/{indicator.pk}/triwulan-2019.svg").status_code == 404  # no such year


def test_no_quarters_no_quarter_section(team):
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    line = core.Line(indicator_id=None, ref="a", name="Indeks kepuasan", unit="%", sasaran="S",
                     figures={"target": core.Figure(Decimal(80)), "year": core.Figure(Decimal(82))})  # fmt: skip
    store.apply(people["operator"], year, [core.AddLine(line)], origin="form")
    indicator = Indicator.objects.get(name="Indeks kepuasan")
    page = client_for(people["operator"]).get(f"/indikator/{indicator.pk}/").content.decode()
    assert 'class="quarters"' not in page and "triwulan-2020.svg" not in page
