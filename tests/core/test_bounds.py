"""Batas wajar (DHIS2's min-max values): the range, its reasons, the range suggested from history, and the
submission it holds back until a figure outside is corrected or explained. Figures worked out by hand."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core import year as core
from kinerja.core.bounds import Bounds, suggest
from kinerja.core.outliers import Method, scores
from kinerja.core.workflow import Refused

D = Decimal


def test_a_range_holds_both_of_its_bounds_and_says_which_side_a_figure_left():
    bounds = Bounds(D(150), D(400))
    assert bounds.outside(D(150)) is None and bounds.outside(D(400)) is None  # inclusive
    assert bounds.outside(D(149)) == "149 di bawah batas wajar (150 sampai 400)"
    assert bounds.outside(D("21223")) == "21.223 di atas batas wajar (150 sampai 400)"
    assert bounds.outside(D("212.23")) is None


def test_a_range_open_on_one_side():
    assert Bounds(lower=D(0)).outside(D(-1)) == "-1 di bawah batas wajar (paling sedikit 0)"
    assert Bounds(lower=D(0)).outside(D(10**9)) is None
    assert Bounds(upper=D(100)).outside(D("100.5")) == "100,5 di atas batas wajar (paling banyak 100)"
    assert not Bounds() and Bounds(upper=D(0))  # an upper bound of 0 is a range all the same


def test_a_lower_bound_above_the_upper_is_no_range():
    assert Bounds(D(400), D(150)).problem == "Batas wajar bawah 400 lebih besar daripada batas wajar atas 150."
    assert Bounds(D(150), D(150)).problem is None


def test_the_suggestion_is_what_the_modified_z_score_accepts():
    # median 200; absolute deviations 0, 10, 10, 5, 5 → sorted 0, 5, 5, 10, 10: MAD 5; σ-like spread
    # 5 ÷ 0,6745 = 7,41290; 3 × 7,41290 = 22,2387: 200 − 22,2387 = 177,7613 → 177,76 (rounded down),
    # 200 + 22,2387 = 222,2387 → 222,24 (rounded up)
    history = [D(200), D(210), D(190), D(205), D(195)]
    assert suggest(history) == Bounds(D("177.76"), D("222.24"))
    # the same method on the outlier page: a figure just inside scores under 3, one just outside above 3
    inside = scores([*history, D("222.23")], Method.MODIFIED_Z)[-1].score
    assert inside <= 3


def test_the_suggestion_never_goes_below_zero_for_a_history_that_never_did():
    # median 2; deviations 1, 0, 8: MAD 1; 3 × 1 ÷ 0,6745 = 4,44774: 2 − 4,44774 < 0 → 0; 2 + 4,44774 → 6,45
    assert suggest([D(1), D(2), D(10)]) == Bounds(D(0), D("6.45"))
    # a history with a negative figure (a growth rate) keeps its negative lower bound: −2 − 4,44774 → −6,45
    assert suggest([D(-3), D(-2), D(6)]) == Bounds(D("-6.45"), D("2.45"))


def test_when_most_of_the_history_is_equal_the_mean_absolute_deviation_stands_in():
    # median 10, MAD 0 (three deviations of 0); mean absolute deviation 6 ÷ 4 = 1,5 × 1,253314 = 1,879971;
    # 3 × 1,879971 = 5,639913: 10 − 5,639913 = 4,360087 → 4,36; 10 + 5,639913 = 15,639913 → 15,64
    assert suggest([D(10), D(10), D(10), D(16)]) == Bounds(D("4.36"), D("15.64"))


def test_no_suggestion_from_too_little_or_a_flat_history():
    assert suggest([D(5), D(6)]) is None
    assert suggest([D(7)] * 6) is None


@given(st.lists(st.decimals(min_value=-(10**6), max_value=10**6, places=2), min_size=3, max_size=12))
def test_every_figure_the_score_accepts_lies_inside_the_suggestion(history):
    bounds = suggest(history)
    if bounds is None:
        return
    for scored in scores(history, Method.MODIFIED_Z):
        if abs(scored.score) <= 3:
            assert bounds.outside(scored.value) is None


def line(**kwargs) -> core.Line:
    figures = {name: core.Figure(D(value)) for name, value in kwargs.pop("figures", {}).items()}
    return core.Line(indicator_id=1, name="Koperasi aktif", unit="unit", sasaran="S", figures=figures, **kwargs)


def year_of(*lines: core.Line) -> core.Year:
    return core.Year(agency_id=1, year=2020, lines=lines, budget=core.Budget(waiver="Anggaran dicatat terpisah."))


def test_a_figure_outside_holds_the_submission_until_corrected_or_explained():
    outside = line(figures={"target": "250", "q1": "21223", "year": "212"}, plausible_min=D(150), plausible_max=D(400))
    blockers = [b for b in year_of(outside).blockers() if b.kind == "bounds"]
    assert [(b.field, b.message) for b in blockers] == [
        (
            "q1",
            "Realisasi TW I 'Koperasi aktif' 21.223 di atas batas wajar (150 sampai 400); periksa angkanya, atau "
            "tuliskan penjelasannya di catatan.",
        )
    ]
    assert blockers[0].kind_label == "Angka di luar batas wajar tanpa catatan"
    explained = replace(outside, note="TW I memuat data kumulatif lima tahun; diperbaiki TW II.")
    assert not [b for b in year_of(explained).blockers() if b.kind == "bounds"]
    assert core.outside_bounds(explained)  # still said on the entry page, with the note beside it
    inside = line(figures={"target": "250", "year": "212"}, plausible_min=D(150), plausible_max=D(400))
    assert not [b for b in year_of(inside).blockers() if b.kind == "bounds"]


def test_a_grade_has_no_range():
    graded = replace(line(figures={"year": "4"}, plausible_max=D(1)), unit="opini BPK")
    assert core.outside_bounds(graded) == []


def test_a_range_is_kept_only_as_figures_with_the_lower_not_above_the_upper():
    year = year_of(line(figures={"target": "250"}))
    changed = year.changed([core.SetInfo(1, "plausible_min", D(150)), core.SetInfo(1, "plausible_max", D(400))])
    assert changed.lines[0].bounds == Bounds(D(150), D(400))
    with pytest.raises(Refused, match="Batas wajar bawah 500 lebih besar daripada batas wajar atas 400"):
        changed.changed([core.SetInfo(1, "plausible_min", D(500))])
    with pytest.raises(Refused, match="Batas wajar atas harus berupa satu angka"):
        year.changed([core.SetInfo(1, "plausible_max", "empat ratus")])
    with pytest.raises(Refused, match="Batas wajar bawah terlalu panjang"):
        year.changed([core.SetInfo(1, "plausible_min", D("1E+40"))])
    # the range travels with the indicator into the next year
    assert changed.lines[0].for_next_year().bounds == Bounds(D(150), D(400))


def test_a_summed_indicators_quarters_are_parts_of_the_year_and_their_running_total_is_held_to_the_top():
    """Pelatihan, 30 to 50 a year, summed over the quarters: 10, 12, 11, 15 are each below 30 and fine
    (10 + 12 + 11 + 15 = 48 ≤ 50); with 30 in TW III the running total 10 + 12 + 30 = 52 passes 50 there."""
    summed = dict(cumulation=core.Cumulation.SUM, plausible_min=D(30), plausible_max=D(50))
    fine = line(figures={"target": "40", "q1": "10", "q2": "12", "q3": "11", "q4": "15"}, **summed)
    assert core.figures_outside(fine) == []
    over = line(figures={"target": "40", "q1": "10", "q2": "12", "q3": "30", "q4": "5"}, **summed)
    (outside,) = core.figures_outside(over)  # said once, where the total passes the top, not again in TW IV
    assert (outside.field, outside.value, outside.running) == ("q3", D(52), True)
    assert [b.message for b in core.outside_bounds(over)] == [
        "Jumlah realisasi TW I sampai TW III 'Koperasi aktif' 52 di atas batas wajar (30 sampai 50); periksa "
        "angkanya, atau tuliskan penjelasannya di catatan."
    ]
    # a first quarter alone above the top is said as itself; the year's entered total below the range too
    alone = line(figures={"q1": "60", "year": "25"}, **summed)
    assert [(o.label, o.reason) for o in core.figures_outside(alone)] == [
        ("realisasi tahun", "25 di bawah batas wajar (30 sampai 50)"),
        ("realisasi TW I", "60 di atas batas wajar (30 sampai 50)"),
    ]
    # a level's quarters are each held against the whole range
    level = line(figures={"q1": "10"}, plausible_min=D(30), plausible_max=D(50))
    assert [o.reason for o in core.figures_outside(level)] == ["10 di bawah batas wajar (30 sampai 50)"]


def test_a_summed_quarter_is_never_negative_when_its_years_range_is_not():
    summed = dict(cumulation=core.Cumulation.SUM, plausible_min=D(30), plausible_max=D(50))
    minus = line(figures={"q1": "20", "q2": "-5"}, **summed)
    assert [(o.field, o.reason) for o in core.figures_outside(minus)] == [
        ("q2", "-5 negatif, padahal batas wajar tahunnya (30 sampai 50) tidak pernah negatif")
    ]
    # a range that allows negative years (a change, a growth) allows negative quarters too
    growth = line(figures={"q1": "-5"}, cumulation=core.Cumulation.SUM, plausible_min=D(-50), plausible_max=D(50))
    assert core.figures_outside(growth) == []
