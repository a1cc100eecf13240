"""Deteksi pencilan: a region's reviewers find the figures far from the rest of their indicator's series.
Scores worked out by hand (see tests/core/test_outliers.py for the formulas)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.core import year as core
from kinerja.web.performance import store
from kinerja.web.performance.models import Agency, AgencyYear, Membership
from tests.web.conftest import make_user
from tests.web.helpers import client_for, said

URL = "/kabupaten-uji/pencilan/"
YEARLY = {2016: "10", 2017: "12", 2018: "11", 2019: "13", 2020: "100"}  # 100: ten times the others


def fill(operator, agency, yearly: dict[int, str], quarters: dict[int, tuple[str, ...]] | None = None,
         name: str = "Usaha dibina"):  # fmt: skip
    """One indicator over the years: its yearly realisation, or its four quarters."""
    quarters = quarters or {}
    for year in sorted(set(yearly) | set(quarters)):
        ay, _ = store.open_year(operator, agency, year)
        loaded = store.load(ay)
        if not loaded.lines:
            line = core.Line(indicator_id=None, ref="a", name=name, unit="unit", sasaran="Usaha",
                             figures={"target": core.Figure(Decimal(12))})  # fmt: skip
            store.apply(operator, ay, [core.AddLine(line)], origin="form")
            loaded = store.load(ay)
        indicator_id = loaded.lines[0].indicator_id
        changes = [core.SetFigure(indicator_id, "target", Decimal(12))]
        if year in yearly:
            changes.append(core.SetFigure(indicator_id, "year", Decimal(yearly[year])))
        for number, value in enumerate(quarters.get(year, ()), start=1):
            changes.append(core.SetFigure(indicator_id, f"q{number}", Decimal(value)))
        store.apply(operator, AgencyYear.objects.get(pk=ay.pk), changes, origin="form")


@pytest.fixture
def series(team):
    agency, people = team
    fill(people["operator"], agency, YEARLY)
    return agency, people


def test_the_reviewer_sees_the_wrong_year_among_five(series):
    _, people = series
    page = said(client_for(people["reviewer"]).get(URL))
    # median 12, MAD 1: 0,6745 × (100 − 12) ÷ 1 = 59,36; the other years score at most 0,6745 × 2 = 1,35
    assert "1 pencilan dari 1 seri yang dinilai" in page
    row = page[page.index("Usaha dibina") :]
    assert "<td>2020</td>" in row and '<td class="num">100</td>' in row and '<td class="num">12,00</td>' in row
    assert '<td class="num">59,36</td>' in row
    assert "2016" not in row[: row.index("</tr>")]


def test_the_z_score_says_five_years_are_too_few(series):
    _, people = series
    page = said(client_for(people["reviewer"]).get(URL, {"metode": "z"}))
    # √(5 − 1) = 2 < 3: the series cannot have an outlier by z-score at this threshold
    assert "0 pencilan dari 0 seri yang dinilai; 1 seri terlalu pendek" in page
    assert "Tidak ada pencilan dengan metode dan ambang ini." in page
    assert "paling sedikit 11 angka" in page


def test_quarters_are_a_longer_series(team):
    """Three years of four quarters: eleven of 50 and one of 150. z(150) = (150 − 58,33) ÷ 27,64 = 3,32:
    mean (11 × 50 + 150) ÷ 12 = 58,333; variance (11 × 69,444 + 8.402,78) ÷ 12 = 763,89; σ = 27,639."""
    agency, people = team
    fill(people["operator"], agency, {}, {2018: ("50",) * 4, 2019: ("50",) * 4, 2020: ("50", "50", "150", "50")})
    page = said(client_for(people["reviewer"]).get(URL, {"metode": "z", "data": "triwulan"}))
    row = page[page.index("Usaha dibina") :]
    assert "<td>2020 TW III</td>" in row and '<td class="num">150</td>' in row
    assert '<td class="num">58,33</td>' in row and '<td class="num">3,32</td>' in row
    # thresholds typed the Indonesian way: 3,2 still finds it (3,32 > 3,2); above √11 = 3,32 twelve quarters
    # can never score high enough, and the page says the series is too short for it
    lower = said(client_for(people["reviewer"]).get(URL, {"metode": "z", "data": "triwulan", "ambang": "3,2"}))
    assert 'value="3,2"' in lower and "1 pencilan dari 1 seri yang dinilai" in lower
    higher = said(client_for(people["reviewer"]).get(URL, {"metode": "z", "data": "triwulan", "ambang": "3,5"}))
    assert 'value="3,5"' in higher and "0 pencilan dari 0 seri yang dinilai; 1 seri terlalu pendek" in higher


@pytest.mark.parametrize(
    "typed, message",
    [("tiga", "Ambang 'tiga' tidak terbaca sebagai satu angka; dipakai 3."), ("25", "Ambang 25 di luar 1 sampai 10")],
)
def test_a_threshold_that_is_not_a_figure_in_range_is_said_and_the_default_used(series, typed, message):
    _, people = series
    page = said(client_for(people["reviewer"]).get(URL, {"ambang": typed}))
    assert message in page and "1 pencilan dari 1 seri" in page


def test_only_the_regions_reviewers_and_admins_may_look(series):
    _, people = series
    assert client_for(people["operator"]).get(URL).status_code == 403
    assert client_for(people["admin"]).get(URL).status_code == 200
    assert Client().get(URL).status_code == 302  # to the login


def test_the_page_costs_the_same_queries_for_one_agency_or_three(series):
    agency, people = series
    reviewer = client_for(people["reviewer"])
    reviewer.get(URL)
    with CaptureQueriesContext(connection) as one:
        reviewer.get(URL)
    for name in ("Dinas Dua", "Dinas Tiga"):
        other = Agency.objects.create(region=agency.region, name=name)
        operator = make_user(f"op-{name}", Membership.Role.OPERATOR, other)
        fill(operator, other, YEARLY)
    with CaptureQueriesContext(connection) as three:
        page = said(reviewer.get(URL))
    assert "3 pencilan dari 3 seri yang dinilai" in page
    assert len(three.captured_queries) == len(one.captured_queries)


def test_every_outlier_downloads_as_csv_without_formulas(team):
    import csv
    import io

    agency, people = team
    fill(people["operator"], agency, YEARLY, name='=HYPERLINK("http://contoh")')
    page = said(client_for(people["reviewer"]).get(URL))
    assert "ambang=3&amp;format=csv" in page or "ambang=3&format=csv" in page
    response = client_for(people["reviewer"]).get(URL, {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="pencilan-kabupaten-uji-tahunan-mz.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:8] == ["perangkat_daerah", "indikator", "satuan", "periode", "angka", "pusat", "skor",
                           "angka_dalam_seri"]  # fmt: skip
    # 0,6745 × (100 − 12) ÷ 1 = 59,356; the name that would be a formula is kept as text
    assert rows[1][:10] == ["Dinas Uji", "'=HYPERLINK(\"http://contoh\")", "unit", "2020", "100", "12", "59.356", "5",
                            "mz", "3"]  # fmt: skip
    assert len(rows) == 2


def test_each_outlier_leads_to_its_year_on_the_review_screen(series):
    agency, people = series
    reviewer = client_for(people["reviewer"])
    page = said(reviewer.get(URL))
    indicator_id = store.load(AgencyYear.objects.get(agency=agency, year=2020)).lines[0].indicator_id
    link = f"/kabupaten-uji/dinas-uji/2020/reviu/#reviu-{indicator_id}"
    assert f'<a href="{link}">Tanyakan di layar reviu</a>' in page
    review = said(reviewer.get(link.split("#")[0]))
    assert f'id="reviu-{indicator_id}"' in review  # the anchor the link names is the indicator's section
