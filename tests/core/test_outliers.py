"""Outlier scores (DHIS2's outlier detection), worked out by hand."""

from decimal import Decimal

import pytest

from kinerja.core.outliers import Method, reachable, scores

SERIES = [Decimal(v) for v in ("10", "12", "11", "13", "100")]


def test_the_modified_z_score_finds_one_wrong_figure_among_five():
    # median 12; absolute deviations 2, 0, 1, 1, 88 → sorted 0, 1, 1, 2, 88: MAD 1
    # 100: 0,6745 × (100 − 12) ÷ 1 = 59,356; 10: 0,6745 × (10 − 12) ÷ 1 = −1,349
    scored = scores(SERIES, Method.MODIFIED_Z)
    assert scored[4].centre == 12
    assert scored[4].score == Decimal("59.3560")
    assert scored[0].score == Decimal("-1.3490")
    assert [s.index for s in scored if s.outlier(Decimal(3))] == [4]
    assert scored[4].reason(Method.MODIFIED_Z, Decimal(3)) == (
        "100 di atas median 12: skor z termodifikasi 59,36 melewati ambang ±3"
    )


def test_the_z_score_of_five_figures_stays_below_three():
    # mean 146 ÷ 5 = 29,2; squared deviations 368,64 + 295,84 + 331,24 + 262,44 + 5.012,64 = 6.270,8;
    # ÷ 5 = 1.254,16; σ = 35,4141; z(100) = 70,8 ÷ 35,4141 = 1,9992: under 3, and under √(5 − 1) = 2
    scored = scores(SERIES, Method.Z)
    assert scored[4].centre == Decimal("29.2")
    assert round(scored[4].score, 4) == Decimal("1.9992")
    assert not any(s.outlier(Decimal(3)) for s in scored)
    assert not reachable(5, Method.Z, Decimal(3))
    assert not reachable(10, Method.Z, Decimal(3))  # √9 = 3: not above
    assert reachable(11, Method.Z, Decimal(3))  # √10 = 3,16
    assert reachable(5, Method.MODIFIED_Z, Decimal(3))


def test_a_z_score_among_many_quarters():
    # twelve quarters of 50 and one of 150: mean (12 × 50 + 150) ÷ 13 = 57,6923; deviations −7,6923 (×12) and
    # 92,3077; variance (12 × 59,1716 + 8.520,71) ÷ 13 = 710,0592; σ = 26,6470; z(150) = 92,3077 ÷ 26,6470 = 3,4641
    values = [Decimal(50)] * 12 + [Decimal(150)]
    scored = scores(values, Method.Z)
    assert round(scored[-1].score, 4) == Decimal("3.4641")  # = √12, the largest a lone figure can reach
    assert [s.index for s in scored if s.outlier(Decimal(3))] == [12]


def test_when_most_figures_are_equal_the_mean_absolute_deviation_stands_in():
    # median 20, MAD 0 (three of five deviations are 0); mean absolute deviation (0 + 0 + 0 + 1 + 30) ÷ 5 = 6,2
    # 50: (50 − 20) ÷ (1,253314 × 6,2) = 30 ÷ 7,770547 = 3,8607
    values = [Decimal(v) for v in ("20", "20", "20", "21", "50")]
    scored = scores(values, Method.MODIFIED_Z)
    assert round(scored[4].score, 4) == Decimal("3.8607")
    assert round(scored[3].score, 4) == Decimal("0.1287")  # 1 ÷ 7,770547


@pytest.mark.parametrize("method", list(Method))
def test_equal_figures_and_short_series_have_no_outlier(method):
    assert scores([Decimal(7)] * 6, method) == []
    assert scores([Decimal(1), Decimal(1000)], method) == []  # two figures: nothing to stand out from
