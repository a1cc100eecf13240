from decimal import Decimal

import pytest

from kinerja.core.achievement import capaian, renstra_progress
from kinerja.core.categories import category
from kinerja.core.model import Cumulation, Direction
from kinerja.core.reconcile import Agreement, compare
from kinerja.core.values import read_value


def cap(target, realisasi, direction=Direction.HIGHER):
    return capaian(target=read_value(target), realisasi=read_value(realisasi), direction=direction)


def test_higher_is_better():
    assert cap("62,50 %", "62,87 %").value.quantize(Decimal("0.01")) == Decimal("100.59")


def test_lower_is_better_uses_two_t_minus_r_floored_at_zero():
    assert cap("10", "8", Direction.LOWER).value == Decimal(120)
    assert cap("10", "15", Direction.LOWER).value == Decimal(50)
    assert cap("10", "25", Direction.LOWER).value == Decimal(0)


def test_zero_target_is_undefined_not_zero():
    result = cap("0 orang", "140 orang")
    assert result.value is None
    assert "target 0" in result.reason


def test_zero_target_met_on_lower_is_better():
    assert cap("0", "0", Direction.LOWER).value == Decimal(100)


@pytest.mark.parametrize(
    "realisasi, word", [("-", "tidak diisi"), ("4 BPR/12 LKM", "teks"), ("2.119.2015.485", "tidak dapat dibaca")]
)
def test_missing_textual_or_malformed_realisation_is_undefined_with_reason(realisasi, word):
    result = cap("10 unit", realisasi)
    assert result.value is None
    assert word in result.reason


@pytest.mark.parametrize(
    "value, label",
    [
        (Decimal("100.59"), "Sangat Tinggi"),
        (Decimal("91"), "Sangat Tinggi"),
        (Decimal("90.5"), "Tinggi"),
        (Decimal("76"), "Tinggi"),
        (Decimal("75.99"), "Sedang"),
        (Decimal("66"), "Sedang"),
        (Decimal("65.5"), "Rendah"),
        (Decimal("51"), "Rendah"),
        (Decimal("50.99"), "Sangat Rendah"),
        (Decimal(0), "Sangat Rendah"),
    ],
)
def test_categories_close_the_gaps_of_the_printed_scale(value, label):
    assert category(value).label == label


def test_category_of_undefined_is_none():
    assert category(None) is None


@pytest.mark.parametrize(
    "reported, decimals, computed, agreement",
    [
        (Decimal("101.42"), 2, Decimal(142) / 140 * 100, Agreement.CONSISTENT),  # truncated
        (Decimal("518"), 0, Decimal(1555) / 300 * 100, Agreement.CONSISTENT),
        (Decimal("109.10"), 2, Decimal(26870) / 24450 * 100, Agreement.MISMATCH),
        (Decimal("137.09"), 2, Decimal(64184) / 46821 * 100, Agreement.ROUNDING),
        (Decimal("132"), 0, Decimal(19048) / 14340 * 100, Agreement.CONSISTENT),
        (Decimal("0.034"), 3, Decimal(3) / 88 * 100, Agreement.MISMATCH),
    ],
)
def test_reported_percentages(reported, decimals, computed, agreement):
    assert compare(reported=reported, decimals=decimals, computed=computed) is agreement


def test_renstra_progress_last_and_sum():
    years = [read_value("748 orang"), read_value("1.555 orang")]
    end = read_value("2.248 orang")
    last = renstra_progress(realisasi=years, target_akhir=end, direction=Direction.HIGHER, cumulation=Cumulation.LAST)
    total = renstra_progress(realisasi=years, target_akhir=end, direction=Direction.HIGHER, cumulation=Cumulation.SUM)
    assert last.value.quantize(Decimal("0.01")) == Decimal("69.17")
    assert total.value.quantize(Decimal("0.01")) == Decimal("102.45")
    assert "jumlah" in total.rule and "terakhir" in last.rule


def test_renstra_progress_with_a_missing_year_is_undefined():
    result = renstra_progress(
        realisasi=[read_value("-"), read_value("5")],
        target_akhir=read_value("10"),
        direction=Direction.HIGHER,
        cumulation=Cumulation.SUM,
    )
    assert result.value is None and result.reason


def test_year_from_quarters_follows_the_cumulation_rule():
    from kinerja.core.achievement import year_from_quarters

    quarters = [Decimal(10), Decimal(20), None, Decimal(5)]
    assert year_from_quarters(quarters, Cumulation.SUM) == Decimal(35)
    assert year_from_quarters(quarters, Cumulation.LAST) == Decimal(5)
    assert year_from_quarters(quarters, Cumulation.AVERAGE) == Decimal(35) / 3  # (10 + 20 + 5) ÷ 3 entered
    assert year_from_quarters([None, None, None, None], Cumulation.SUM) is None
    assert year_from_quarters([None, None, None, None], Cumulation.AVERAGE) is None


def test_renstra_progress_of_a_mean():
    # the years' mean against the end target: (60 + 70 + 80) ÷ 3 = 70; 70 ÷ 80 × 100 = 87,5
    years = [read_value("60 %"), read_value("70 %"), read_value("80 %")]
    mean = renstra_progress(
        realisasi=years, target_akhir=read_value("80 %"), direction=Direction.HIGHER, cumulation=Cumulation.AVERAGE
    )
    assert mean.value == Decimal("87.5") and mean.rule.startswith("rata-rata realisasi")
    gap = renstra_progress(
        realisasi=[read_value("-"), read_value("70 %")], target_akhir=read_value("80 %"),
        direction=Direction.HIGHER, cumulation=Cumulation.AVERAGE,
    )  # fmt: skip
    assert gap.value is None and gap.reason == "realisasi tidak diisi"  # a year left out would bend the mean


def test_average_with_and_without_cap():
    from kinerja.core.achievement import average, average_rule

    values = [Decimal(80), Decimal(150), Decimal(100)]
    assert average(values) == Decimal(110)
    assert average(values, cap=Decimal(100)) == Decimal("93.33333333333333333333333333")
    assert average([], cap=Decimal(100)) is None
    assert "tanpa batas atas" in average_rule(None) and "100" in average_rule(Decimal(100))
