"""`kinerja verify`: each published year compared with the version kept when it was published, and each stored
mean capaian with its figures' mean. A change made behind kinerja's back is named with both values; the data
kinerja itself wrote (the Banjar sample imported as signed documents, a year through its cycle) shows none.
"""

from decimal import Decimal

from kinerja.cli import main
from kinerja.core import year as core
from kinerja.web.performance import store
from kinerja.web.performance.integrity import verify
from kinerja.web.performance.models import AgencyYear, Target
from tests.web.helpers import publish, ready_year


def test_what_kinerja_wrote_shows_no_difference(agency, capsys):
    years = AgencyYear.objects.filter(agency=agency)
    assert all(ay.published is not None for ay in years)  # imported signed documents keep their published version
    assert main(["verify"]) == 0
    assert capsys.readouterr().out.strip() == (
        "4 tahun diperiksa, 4 di antaranya dibandingkan dengan versi terbitnya: tidak ada perbedaan."
    )


def test_a_published_figure_changed_in_the_database_is_named_with_both_values(agency, capsys):
    # 2015: Jumlah anggota koperasi, target written '24,450' (read 24.450 orang); someone edits it in the database
    row = Target.objects.get(indicator__agency=agency, year=2015, name="Jumlah anggota koperasi")
    assert (row.value, row.raw) == (Decimal(24450), "24,450")
    Target.objects.filter(pk=row.pk).update(value=Decimal(24540), raw="", definition="Diubah")
    assert main(["verify", "--region", "kabupaten banjar"]) == 1
    out = capsys.readouterr().out
    assert (
        "Dinas Koperasi dan UMKM 2015: 'Jumlah anggota koperasi': target tersimpan 24.540, versi terbit '24,450'" in out
    )
    assert (
        "Dinas Koperasi dan UMKM 2015: 'Jumlah anggota koperasi': definisi tersimpan 'Diubah', versi terbit ''" in out
    )
    # the year's stored mean was worked out with 26.870 ÷ 24.450 = 109,90 %, its figures now give 26.870 ÷ 24.540
    assert "Dinas Koperasi dan UMKM 2015: rata-rata capaian tersimpan " in out
    assert out.strip().endswith("4 tahun diperiksa, 4 di antaranya dibandingkan dengan versi terbitnya: 3 perbedaan.")


def test_a_stored_mean_that_its_figures_do_not_give_is_named(team):
    """30 of 40 (75 %) and 12 of 10 (120 %): the mean is (75 + 120) ÷ 2 = 97,5; a stored 99 is said."""
    agency, people = team
    year, _ = store.open_year(people["operator"], agency, 2020)
    lines = [
        core.Line(indicator_id=None, ref=ref, name=name, unit="unit", sasaran="S",
                  figures={"target": core.Figure(Decimal(t)), "year": core.Figure(Decimal(r))})
        for ref, name, t, r in (("a", "Koperasi sehat", 40, 30), ("b", "Izin terbit", 10, 12))
    ]  # fmt: skip
    store.apply(people["operator"], year, [core.AddLine(line) for line in lines], origin="form")
    assert AgencyYear.objects.get(pk=year.pk).average == Decimal("97.5")
    assert verify().differences == []
    AgencyYear.objects.filter(pk=year.pk).update(average=Decimal(99))
    (difference,) = verify().differences
    assert str(difference) == "Dinas Uji 2020: rata-rata capaian tersimpan 99, dihitung dari angkanya 97,5"


def test_a_year_published_through_its_cycle_shows_no_difference_and_a_reopened_one_is_not_compared(team):
    agency, people = team
    published = publish(ready_year(people, agency, 2020), people)
    done = verify()
    assert (done.years, done.published, done.differences) == (1, 1, [])
    from kinerja.web.performance import cycle

    cycle.act(user=people["admin"], agency_year=published, action="reopen", comment="Perbaikan target.")
    reopened = AgencyYear.objects.get(pk=published.pk)
    (indicator_id,) = [line.indicator_id for line in store.load(reopened).lines]
    store.apply(people["operator"], reopened, [core.SetFigure(indicator_id, "target", Decimal(50))], origin="form")
    done = verify()  # the reopened year differs from its published version by design: not a finding
    assert (done.published, done.differences) == (0, [])


def test_the_regions_board_says_what_differs_to_its_reviewers(agency, personas):
    from tests.web.helpers import client_for, said

    board = "/kabupaten-banjar/papan/?tahun=2015"
    reviewer = client_for(personas["reviewer"])
    assert "Berbeda dari yang dipublikasikan" not in said(reviewer.get(board))
    row = Target.objects.get(indicator__agency=agency, year=2015, name="Jumlah anggota koperasi")
    Target.objects.filter(pk=row.pk).update(value=Decimal(24540), raw="")
    page = said(reviewer.get(board))
    assert "Berbeda dari yang dipublikasikan" in page
    assert "2015</a>: 'Jumlah anggota koperasi': target tersimpan 24.540, versi terbit '24,450'" in page
    assert "Berbeda dari yang dipublikasikan" not in said(reviewer.get("/kabupaten-banjar/papan/?tahun=2016"))


def test_a_number_kept_with_other_decimals_is_the_same_number(agency):
    """A published version kept by one database ('24450.000000') compared on another that keeps '24450' (a restore
    from SQLite to PostgreSQL): the same number, no difference; its text as written still compares as text."""
    ay = AgencyYear.objects.get(agency=agency, year=2015)
    kept = ay.published
    for line in kept["lines"]:
        for figure in line["figures"].values():
            if figure.get("value") is not None:
                figure["value"] = str(Decimal(figure["value"]).normalize())
    AgencyYear.objects.filter(pk=ay.pk).update(published=kept)
    assert verify().differences == []


def test_a_published_lkjip_text_changed_in_the_database_is_named(team):
    from kinerja.web.performance import lkjip
    from kinerja.web.performance.models import LkjipText

    agency, people = team
    year = ready_year(people, agency, 2020)
    lkjip.save(people["operator"], year, {"duties": "Tugas sebagaimana ditandatangani."}, sasaran=["Koperasi"],
               seen_version=0)  # fmt: skip
    publish(year, people)
    assert verify().differences == []
    LkjipText.objects.filter(agency_year=year).update(duties="Tugas diubah sesudahnya.")
    (difference,) = verify().differences
    assert (
        str(difference) == "Dinas Uji 2020: naskah LKjIP (tugas pokok dan fungsi) tersimpan berbeda dari versi terbit"
    )
