"""Grades read as figures: the BPK's audit opinion and the SAKIP predikat. Scores worked out by hand from
the scales (WTP 4, WDP 3, TW 2, TMP 1; AA 7, A 6, BB 5, B 4, CC 3, C 2, D 1)."""

from decimal import Decimal

import pytest

from kinerja.core.achievement import capaian
from kinerja.core.grades import OPINI, PREDIKAT, grade_name, read_grade, scale_named, scale_of
from kinerja.core.model import Direction
from kinerja.core.numbers import Kind
from kinerja.core.units import normalize_unit
from kinerja.core.values import formula_term, plain_figure, read_value, stored_value, write_value


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("WTP", None, (OPINI, 4)),
        ("wdp", None, (OPINI, 3)),
        (" TMP ", None, (OPINI, 1)),
        ("TW", None, None),  # also triwulan: only where the scale is named
        ("TW", OPINI, (OPINI, 2)),
        ("AA", None, (PREDIKAT, 7)),
        ("BB", None, (PREDIKAT, 5)),
        ("CC", None, (PREDIKAT, 3)),
        ("A", None, None),  # a letter
        ("A", PREDIKAT, (PREDIKAT, 6)),
        ("D", PREDIKAT, (PREDIKAT, 1)),
        ("WTP", PREDIKAT, None),  # not a grade of that scale
        ("Baik", None, None),
    ],
)
def test_a_grade_is_read_as_its_rank_on_its_scale(text, hint, expected):
    assert read_grade(text, hint) == expected


def test_units_and_names_that_name_a_scale():
    assert normalize_unit("Opini BPK") == OPINI and normalize_unit("opini") == OPINI
    assert normalize_unit("Predikat") == PREDIKAT and normalize_unit("predikat SAKIP") == PREDIKAT
    assert scale_of("Opini  bpk") == OPINI and scale_of("orang") is None and scale_of(None) is None
    assert scale_named("Opini BPK atas LKPD") == OPINI
    assert scale_named("Predikat SAKIP perangkat daerah") == PREDIKAT and scale_named("Nilai AKIP") == PREDIKAT
    assert scale_named("Jumlah koperasi aktif") is None
    assert scale_named("Opini BPK dan predikat SAKIP") is None  # two scales: neither


def test_capaian_of_grades_is_the_ratio_of_their_scores():
    # realisasi WDP (3) against target WTP (4): 3 ÷ 4 × 100 = 75,00
    wdp, wtp = read_value("WDP"), read_value("WTP")
    assert capaian(target=wtp, realisasi=wdp, direction=Direction.HIGHER).value == Decimal("75")
    # realisasi B (4) against target BB (5): 4 ÷ 5 × 100 = 80,00
    b, bb = read_value("B", unit_hint="predikat"), read_value("BB")
    assert capaian(target=bb, realisasi=b, direction=Direction.HIGHER).value == Decimal("80")
    # realisasi AA (7) against target A (6): 7 ÷ 6 × 100 = 116,666… → shown 116,67
    aa, a = read_value("AA"), read_value("A", unit_hint=PREDIKAT)
    assert round(capaian(target=a, realisasi=aa, direction=Direction.HIGHER).value, 2) == Decimal("116.67")


def test_a_grade_is_shown_as_the_grade_never_as_its_score():
    value = read_value("wtp")
    assert (value.kind, value.number, value.unit) == (Kind.NUMBER, Decimal(4), OPINI)
    assert write_value(value) == "WTP" and formula_term(value) == "WTP (skor 4)"
    # stored: the number, the text typed and the indicator's unit as the operator spelled it
    assert write_value(stored_value(Decimal(3), "WDP", "Opini BPK")) == "WDP"
    assert write_value(stored_value(Decimal(5), "", "predikat")) == "BB"
    assert plain_figure(Decimal(2), "opini BPK") == "TW" and plain_figure(Decimal("1234.5")) == "1.234,5"
    assert grade_name(OPINI, Decimal("2.5")) is None and grade_name(OPINI, 9) is None  # not a score of it


def test_a_figure_is_not_taken_for_a_score():
    """'4' under a unit 'opini BPK' is not read as WTP: a number is never turned into a grade."""
    value = read_value("4", unit_hint="opini BPK")
    assert value.number == Decimal(4) and value.unit is None and write_value(value) == "4"
    text = read_value("Baik", unit_hint="opini BPK")
    assert text.kind is Kind.TEXT


def _opinion_line(unit, target, realisasi):
    from kinerja.core import year as y

    figures = {"target": y.Figure(*target), "year": y.Figure(*realisasi)}
    return y.Year(agency_id=1, year=2024, lines=(y.Line(indicator_id=1, name="Opini BPK", unit=unit, figures=figures),))


def test_a_unit_moving_to_or_from_a_scale_carries_no_figure_over():
    """Before, '%' → 'opini BPK' kept 75 and 80 as scores (shown '75 opini BPK'), and 'opini BPK' → '%'
    turned WTP and WDP into 4 % and 3 %: a stored figure silently read in another unit."""
    from kinerja.core import year as y
    from kinerja.core.workflow import Refused

    percent = _opinion_line("%", (Decimal(75), "75"), (Decimal(80), "80"))
    with pytest.raises(Refused, match=r"dari '%' menjadi 'opini BPK' selama target 75 %, realisasi tahun 80 %"):
        percent.changed([y.SetSetting(1, "unit", "opini BPK")])
    graded = _opinion_line(OPINI, (Decimal(4), "WTP"), (Decimal(3), "WDP"))
    with pytest.raises(Refused, match="selama target WTP, realisasi tahun WDP masih tercatat"):
        graded.changed([y.SetSetting(1, "unit", "%")])
    with pytest.raises(Refused, match="menjadi 'predikat SAKIP'"):  # WTP = 4 is not the predikat B = 4
        graded.changed([y.SetSetting(1, "unit", PREDIKAT)])
    # a figure written anew with the unit, in either order, is read in the new unit
    unit, target = y.SetSetting(1, "unit", OPINI), y.SetFigure(1, "target", Decimal(4), "WTP")
    realisasi = y.SetFigure(1, "year", Decimal(3), "WDP")
    for changes in ([unit, target, realisasi], [realisasi, target, unit]):
        line = percent.changed(changes).line(1)
        assert write_value(line.target) == "WTP" and line.capaian.value == 75  # 3 ÷ 4 × 100
    # emptied first, then the unit changes freely; a unit within the same kind keeps its figures
    emptied = percent.changed([y.SetFigure(1, "target", None), y.SetFigure(1, "year", None)])
    assert emptied.changed([y.SetSetting(1, "unit", OPINI)]).line(1).unit == OPINI
    assert percent.changed([y.SetSetting(1, "unit", "persen")]).line(1).target.number == 75
    assert graded.changed([y.SetSetting(1, "unit", "Opini BPK")]).line(1).target.number == 4
