"""Rencana Aksi rules, each worked out by hand."""

from decimal import Decimal as D

from kinerja.core.action_plan import problem, quarter_capaian
from kinerja.core.model import Cumulation, Direction


def plan(target, quarters, cumulation, direction=Direction.HIGHER, reason=""):
    return problem(
        indicator="Jumlah koperasi dibina", target=None if target is None else D(target),
        quarters={q: None if v is None else D(v) for q, v in zip((1, 2, 3, 4), quarters, strict=True)},
        cumulation=cumulation, direction=direction, reason=reason,
    )  # fmt: skip


def test_counts_add_up_to_the_year():
    assert plan(1200, (300, 300, 300, 300), Cumulation.SUM) is None  # 4 × 300 = 1.200
    found = plan(1200, (300, 300, 300, 250), Cumulation.SUM)
    assert found.code == "renaksi_sum_mismatch"
    assert "300 + 300 + 300 + 250 = 1.150" in found.message and "1.200" in found.message


def test_a_level_reaches_the_year_by_the_fourth_quarter():
    assert plan("62.5", (55, 58, 60, "62.5"), Cumulation.LAST) is None
    found = plan("62.5", (55, 58, 60, 61), Cumulation.LAST)
    assert found.code == "renaksi_last_short" and "TW IV 61" in found.message and "62,5" in found.message
    # lower is better: a rate of 4,5 at TW IV meets a year target of 5
    assert plan(5, (6, "5.5", 5, "4.5"), Cumulation.LAST, Direction.LOWER) is None
    assert plan(5, (6, "5.5", 5, "5.5"), Cumulation.LAST, Direction.LOWER).code == "renaksi_last_short"


def test_a_mean_of_the_quarters_is_the_years_target():
    # tingkat hunian 70, 80, 90, 80: (70 + 80 + 90 + 80) ÷ 4 = 80
    assert plan(80, (70, 80, 90, 80), Cumulation.AVERAGE) is None
    found = plan(80, (70, 80, 90, 70), Cumulation.AVERAGE)  # 310 ÷ 4 = 77,5
    assert found.code == "renaksi_average_mismatch"
    assert "(70 + 80 + 90 + 70) ÷ 4 = 77,5" in found.message and "target tahunan 80" in found.message


def test_a_written_reason_accepts_a_plan_that_does_not_add_up_and_gaps_are_named():
    assert plan(1200, (300, 300, 300, 250), Cumulation.SUM, reason="kegiatan TW IV dipindah ke APBD-P") is None
    found = plan(1200, (300, None, 300, None), Cumulation.SUM)
    assert found.code == "renaksi_missing" and "TW II, TW IV" in found.message


def test_a_quarters_capaian_follows_the_years_rule():
    assert quarter_capaian(D(300), D(315), Direction.HIGHER).value == D(105)  # 315 ÷ 300 × 100
    assert quarter_capaian(D(5), D("4.5"), Direction.LOWER).value == D(110)  # (2 × 5 − 4,5) ÷ 5 × 100
    assert quarter_capaian(D(300), None, Direction.HIGHER).value is None  # no realisation yet: not 0


def test_a_plan_problem_is_said_in_english_with_the_same_figures():
    # 300 + 300 + 300 + 250 = 1.150, not the 1.200 of the year
    found = plan(1200, (300, 300, 300, 250), Cumulation.SUM)
    assert found.message.in_language("en") == (
        "'Jumlah koperasi dibina' summed over the quarters: 300 + 300 + 300 + 250 = 1.150, not the yearly target "
        "1.200. Adjust the quarterly targets or write the reason."
    )
    assert plan(1200, (300, None, 300, None), Cumulation.SUM).message.in_language("en") == (
        "'Jumlah koperasi dibina': the target of TW II, TW IV is not filled in."
    )
