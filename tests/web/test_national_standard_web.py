"""An indicator's national standard, typed on the indicator's form, compared in the LKjIP (Bab III A.4) and on
the indicator's page, in the indicator's direction. Figures worked out by hand in each test."""

from decimal import Decimal

import pytest

from kinerja.core import year as core
from kinerja.core.model import Direction
from kinerja.reports import opendata
from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear, AuditEvent, Indicator
from kinerja.web.performance.reporting import agency_year_data
from tests.web.helpers import client_for, docx_text, entry_post, said

BASE = "/kabupaten-uji/dinas-uji"
SOURCE = "SPM bidang kesehatan (Permenkes 4/2019)"


@pytest.fixture
def year_2020(team):
    """Balita gizi baik 92,5 % of a target of 95 % (higher is better); angka kematian ibu 120 of a target of
    100 per 100.000 kelahiran hidup (lower is better)."""
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    lines = [
        core.Line(indicator_id=None, ref="a", name="Persentase balita gizi baik", unit="%", sasaran="Gizi",
                  figures={"target": core.Figure(Decimal(95)), "year": core.Figure(Decimal("92.5"))}),
        core.Line(indicator_id=None, ref="b", name="Angka kematian ibu", unit="per 100.000 KH", sasaran="Gizi",
                  direction=Direction.LOWER,
                  figures={"target": core.Figure(Decimal(100)), "year": core.Figure(Decimal(120))}),
    ]  # fmt: skip
    store.apply(people["operator"], year, [core.AddLine(line) for line in lines], origin="form")
    return AgencyYear.objects.get(pk=year.pk), people


def indicator(name: str) -> Indicator:
    return Indicator.objects.get(name=name)


def test_the_operator_types_the_standard_and_its_source_and_the_change_is_audited(year_2020):
    _, people = year_2020
    operator = client_for(people["operator"])
    gizi = indicator("Persentase balita gizi baik")
    page = entry_post(operator, gizi.pk, standard="90", standard_source=SOURCE)
    assert "2 perubahan disimpan" in page
    gizi.refresh_from_db()
    assert (gizi.standard, gizi.standard_source) == (Decimal(90), SOURCE)
    event = AuditEvent.objects.get(indicator_id=gizi.pk, label__contains="standar nasional", after__has_key="standard")
    assert event.before == {"standard": None} and event.after == {"standard": "90"}
    # the form shows it back the Indonesian way, says in which unit to type it, and saving it unchanged changes nothing
    form = operator.get(f"{BASE}/2020/entri/{gizi.pk}/").content.decode()
    assert 'name="meta-standard" value="90"' in form and "Dalam satuan indikator, misalnya 90 untuk 90 %" in form
    assert "perubahan disimpan" not in entry_post(operator, gizi.pk, standard="90", standard_source=SOURCE)
    assert entry_post(operator, gizi.pk, standard="87,5", standard_source=SOURCE).count("1 perubahan disimpan") == 1
    gizi.refresh_from_db()
    assert gizi.standard == Decimal("87.5")


@pytest.mark.parametrize(
    "typed, message",
    [
        ("24,450", "'24,450' dapat dibaca 24,450 atau 24.450"),  # never guessed
        ("sembilan puluh", "bukan angka"),
        ("80–90", "adalah rentang"),
    ],
)
def test_a_standard_that_is_not_one_clear_figure_is_refused_with_what_was_read(year_2020, typed, message):
    _, people = year_2020
    gizi = indicator("Persentase balita gizi baik")
    page = entry_post(client_for(people["operator"]), gizi.pk, standard=typed)
    assert message in page and "perubahan disimpan" not in page
    gizi.refresh_from_db()
    assert gizi.standard is None


def test_the_lkjip_compares_the_realisation_with_the_standard_in_the_indicators_direction(year_2020):
    agency_year, people = year_2020
    operator = client_for(people["operator"])
    entry_post(operator, indicator("Persentase balita gizi baik").pk, standard="90", standard_source=SOURCE)
    entry_post(operator, indicator("Angka kematian ibu").pk, standard="100")
    text = docx_text(operator.get(f"{BASE}/2020/unduh/lkjip-lengkap.docx").content)
    bab_three = text[text.index("BAB III") : text.index("BAB IV")]
    # 92,5 ≥ 90 where higher is better: met. 120 > 100 where lower is better: not met.
    assert (
        "Persentase balita gizi baik: target 95 %, realisasi 92,5 %, capaian 97,37 %, kategori Sangat Tinggi. "
        f"Dibandingkan standar nasional 90 % ({SOURCE}): di atas standar, terpenuhi." in bab_three
    )  # 92,5 ÷ 95 × 100 = 97,368… → 97,37
    assert "Dibandingkan standar nasional 100 per 100.000 KH: di atas standar, belum terpenuhi." in bab_three
    assert "Perbandingan dengan standar nasional" in bab_three
    # the ikhtisar eksekutif counts them: of two indicators with a standard, one met it
    assert "Dari 2 indikator yang memiliki standar nasional, 1 memenuhinya (Persentase balita gizi baik)." in text
    assert f"1\tPersentase balita gizi baik\t92,5 %\t90 %\t{SOURCE}\tdi atas standar, terpenuhi" in text
    assert "2\tAngka kematian ibu\t120 per 100.000 KH\t100 per 100.000 KH\t–\tdi atas standar, belum terpenuhi" in text
    # the Bab III tables alone carry the same comparison
    tables = docx_text(operator.get(f"{BASE}/2020/unduh/lkjip.docx").content)
    assert f"1\tPersentase balita gizi baik\t92,5 %\t90 %\t{SOURCE}\tdi atas standar, terpenuhi" in tables


def test_without_any_standard_the_lkjip_has_no_comparison_to_make(year_2020):
    _, people = year_2020
    text = docx_text(client_for(people["operator"]).get(f"{BASE}/2020/unduh/lkjip-lengkap.docx").content)
    assert "standar nasional" not in text.lower()


def test_the_indicators_page_says_whether_each_year_met_the_standard(year_2020):
    _, people = year_2020
    operator = client_for(people["operator"])
    death = indicator("Angka kematian ibu")
    assert "Standar nasional" not in said(operator.get(f"/indikator/{death.pk}/"))
    entry_post(operator, death.pk, standard="125", standard_source="RPJMN 2020–2024")
    page = said(operator.get(f"/indikator/{death.pk}/"))
    # 120 ≤ 125 where lower is better: met
    assert "<dt>Standar nasional</dt><dd>125 per 100.000 KH (RPJMN 2020–2024)</dd>" in page
    assert "125 per 100.000 KH: standar terpenuhi" in page


def test_a_changed_standard_is_undone_from_its_history(year_2020):
    _, people = year_2020
    operator = client_for(people["operator"])
    gizi = indicator("Persentase balita gizi baik")
    entry_post(operator, gizi.pk, standard="90")
    entry_post(operator, gizi.pk, standard="87,5")
    newest = AuditEvent.objects.filter(indicator_id=gizi.pk, after__has_key="standard").latest("id")
    assert newest.before == {"standard": "90"} and newest.after == {"standard": "87.5"}
    answer = said(operator.post(f"{BASE}/2020/entri/{gizi.pk}/batalkan/{newest.pk}/", follow=True))
    assert "Perubahan dibatalkan" in answer
    gizi.refresh_from_db()
    assert gizi.standard == Decimal(90)


def test_a_new_indicator_can_come_with_its_standard(year_2020):
    _, people = year_2020
    operator = client_for(people["operator"])
    answer = operator.post(f"{BASE}/2020/entri/baru/", {
        "sasaran": "Gizi", "name": "Cakupan imunisasi dasar lengkap", "unit": "%", "direction": "higher",
        "cumulation": "last", "target": "95", "standard": "93,5", "standard_source": SOURCE,
    }, follow=True)  # fmt: skip
    assert "Indikator 'Cakupan imunisasi dasar lengkap' ditambahkan." in said(answer)
    added = indicator("Cakupan imunisasi dasar lengkap")
    assert (added.standard, added.standard_source) == (Decimal("93.5"), SOURCE)


class Everyone:
    is_authenticated = True
    is_superuser = True


def test_open_data_carries_the_standard_and_whether_it_was_met(year_2020):
    agency_year, people = year_2020
    operator = client_for(people["operator"])
    entry_post(operator, indicator("Persentase balita gizi baik").pk, standard="90", standard_source=SOURCE)
    entry_post(operator, indicator("Angka kematian ibu").pk, standard="100")
    rows = opendata.capaian_rows([agency_year_data(AgencyYear.objects.get(pk=agency_year.pk), Everyone())])
    by_name = {row["indikator"]: row for row in rows}
    gizi, death = by_name["Persentase balita gizi baik"], by_name["Angka kematian ibu"]
    assert (gizi["standar_nasional"], gizi["dasar_standar"], gizi["memenuhi_standar"]) == (Decimal(90), SOURCE, "ya")
    assert (death["standar_nasional"], death["memenuhi_standar"]) == (Decimal(100), "tidak")  # 120 > 100, lower
    csv_text = opendata.to_csv(opendata.CAPAIAN, rows).decode("utf-8-sig")
    header = csv_text.splitlines()[0].split(",")
    assert header[-3:] == ["standar_nasional", "dasar_standar", "memenuhi_standar"]
