"""Rules of a stored year that issue 12 made visible: which figure is the year's, the rule offered by
unit, indicators not used this year, the budget a submission needs, and the published snapshot."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kinerja.core import snapshot
from kinerja.core import year as core
from kinerja.core.model import Cumulation, Direction
from kinerja.core.units import default_cumulation
from kinerja.core.workflow import Refused


def line(indicator_id, name, *, unit="orang", cumulation=Cumulation.LAST, **figures):
    return core.Line(
        indicator_id=indicator_id,
        name=name,
        unit=unit,
        cumulation=cumulation,
        sasaran="S",
        figures={k: core.Figure(Decimal(v)) for k, v in figures.items()},
    )


def test_the_year_figure_says_which_quarter_and_rule():
    # the case: 7.000 / 8.000 / 9.000 / 8.150 with the "last" rule is 8.150, from TW IV
    last = line(1, "Jumlah anggota", target="35000", q1="7000", q2="8000", q3="9000", q4="8150")
    assert last.realisasi.number == Decimal("8150")
    assert last.realisasi_rule == "TW IV, aturan nilai terakhir"
    # 8.150 ÷ 35.000 × 100 = 23,285...
    assert last.capaian.value.quantize(Decimal("0.01")) == Decimal("23.29")
    summed = replace(last, cumulation=Cumulation.SUM)
    assert summed.realisasi.number == Decimal("32150")  # 7.000 + 8.000 + 9.000 + 8.150
    assert summed.realisasi_rule == "jumlah TW I + TW II + TW III + TW IV, aturan jumlah kumulatif"
    two = line(2, "Dua triwulan", target="10", q1="3", q2="4")
    assert two.realisasi_rule == "TW II, aturan nilai terakhir"
    assert line(3, "Kosong", target="1").realisasi_rule == "belum ada realisasi"


@pytest.mark.parametrize(
    ("unit", "rule"),
    [
        ("orang", "sum"),  # people trained during the year add up
        ("kegiatan", "sum"),
        ("Rp. (juta)", "sum"),
        ("rupiah", "sum"),
        ("%", "last"),  # a percentage is a level
        ("persen", "last"),
        ("tahun", "last"),  # a count of years is a level reached
        ("indeks", "last"),
        ("", "last"),
        (None, "last"),
    ],
)
def test_the_rule_offered_for_the_first_quarters_follows_the_unit(unit, rule):
    assert default_cumulation(unit) == rule


def year_of(*lines, budget=None):
    return core.Year(agency_id=1, year=2020, lines=lines, budget=budget or core.Budget())


def test_an_indicator_not_used_this_year_leaves_the_average_and_the_checklist():
    a = line(1, "A", target="100", year="80")  # 80 %
    b = line(2, "B", target="50", year="60")  # 120 %
    c = line(3, "C")  # no target yet
    year = year_of(a, b, c)
    assert year.average() == Decimal("100")  # (80 + 120) ÷ 2
    with pytest.raises(Refused, match="sudah memiliki realisasi"):
        year.changed([core.SetSetting(2, "unused", "Tidak dianggarkan tahun ini.")])
    cleared = year.changed([core.SetFigure(2, "year", None), core.SetSetting(2, "unused", "Tidak dianggarkan.")])
    assert cleared.line(2).unused == "Tidak dianggarkan."
    assert cleared.average() == Decimal("80")  # only A counts now
    unused_c = cleared.changed([core.SetSetting(3, "unused", "Program dihapus dalam APBD-P.")])
    assert not any(b.indicator_id == 3 for b in unused_c.blockers())  # no target asked of an unused line
    assert any(b.indicator_id == 3 and b.kind == "target" for b in cleared.blockers())
    differences = core.diff(cleared, unused_c)
    assert [(d.field, d.before, d.after) for d in differences] == [("unused", "", "Program dihapus dalam APBD-P.")]


def test_a_year_without_its_budget_needs_a_stated_reason():
    a = line(1, "A", target="100", year="80")
    blockers = year_of(a).blockers()
    assert [(b.kind, b.field) for b in blockers] == [("budget", "anggaran")]
    assert "Anggaran dan realisasi anggaran tahun 2020 belum dicatat" in blockers[0].message
    half = year_of(a, budget=core.Budget(anggaran=core.Figure(Decimal(1000))))
    assert [b.message.split(" tahun")[0] for b in half.blockers()] == ["Realisasi anggaran"]
    recorded = year_of(a, budget=core.Budget(anggaran=core.Figure(Decimal(1000)), realisasi=core.Figure(Decimal(900))))
    assert recorded.blockers() == []
    waived = year_of(a).changed([core.SetBudgetWaiver("  DPA belum disahkan; menyusul.  ")])
    assert waived.budget.waiver == "DPA belum disahkan; menyusul."
    assert waived.blockers() == []
    with pytest.raises(Refused, match="terlalu panjang"):
        year_of(a).changed([core.SetBudgetWaiver("x" * 2001)])


def test_a_published_snapshot_reads_back_exactly():
    year = core.Year(
        agency_id=7,
        year=2016,
        lines=(
            replace(line(1, "Persentase koperasi aktif", unit="%", target="62.50", year="62.87"), note="Naik."),
            replace(line(2, "Angka kredit macet", unit="%", target="10", year="8"), direction=Direction.LOWER),
            replace(line(3, "Dihapus", target="5"), unused="Tidak dianggarkan."),
        ),
        budget=core.Budget(
            anggaran=core.Figure(Decimal("2165319100")),
            realisasi=core.Figure(None, "2.119.2015.485"),
            items=(core.BudgetItem(id=4, program="Program A", anggaran=Decimal("100.5")),),
        ),
        signatory=core.Signatory(
            name="Ir. ACHMAD SUPRAPTO", nip="196005121985031025", place="Martapura", date=date(2017, 1, 16)
        ),  # fmt: skip
    )
    import json

    back = snapshot.load(json.loads(json.dumps(snapshot.dump(year))))
    assert [(x.name, x.target.number, x.realisasi.number, x.direction, x.note, x.unused) for x in back.lines] == [
        (x.name, x.target.number, x.realisasi.number, x.direction, x.note, x.unused) for x in year.lines
    ]
    # 62,87 ÷ 62,50 × 100 = 100,592; (2 × 10 − 8) ÷ 10 × 100 = 120
    assert [x.capaian.value.quantize(Decimal("0.01")) for x in back.lines[:2]] == [Decimal("100.59"), Decimal("120.00")]
    assert back.budget.anggaran.value == Decimal("2165319100") and back.budget.realisasi.raw == "2.119.2015.485"
    assert back.budget.items[0].anggaran == Decimal("100.5")
    assert back.signatory == year.signatory and back.status == "published"
    with pytest.raises(ValueError, match="format"):
        snapshot.load({"format": 99})
