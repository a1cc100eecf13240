"""An indicator's year quarter by quarter, as a leader follows it: each quarter's figure, the year so far by
the indicator's cumulation, and the capaian so far against the year's target."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kinerja.core.model import Cumulation, Direction
from kinerja.core.numbers import quantize
from kinerja.core.year import Figure, Line


def line(cumulation, target, quarters, direction=Direction.HIGHER, unit="unit"):
    figures = {"target": Figure(Decimal(target))}
    figures |= {
        q: Figure(Decimal(v)) for q, v in zip(("q1", "q2", "q3", "q4"), quarters, strict=False) if v is not None
    }
    return Line(indicator_id=1, name="Uji", unit=unit, cumulation=cumulation, direction=direction, figures=figures)


def progress(found):
    return [(p.label, p.value.number, p.to_date.number, quantize(p.capaian.value, 2)) for p in found]


def test_a_flow_adds_up_toward_the_years_target():
    # target 100: 20 → 20 (20,00 %), +25 → 45 (45,00 %), +30 → 75 (75,00 %), +35 → 110 (110,00 %)
    found = line(Cumulation.SUM, 100, ["20", "25", "30", "35"]).quarter_progress()
    assert progress(found) == [
        ("TW I", 20, 20, Decimal("20.00")), ("TW II", 25, 45, Decimal("45.00")),
        ("TW III", 30, 75, Decimal("75.00")), ("TW IV", 35, 110, Decimal("110.00")),
    ]  # fmt: skip


def test_a_level_is_the_quarter_itself_and_a_missing_quarter_is_left_out():
    # target 80 %: TW I 60 → 60 ÷ 80 = 75,00 %; TW II not written; TW III 70 → 70 ÷ 80 = 87,50 %
    found = line(Cumulation.LAST, 80, ["60", None, "70"], unit="%").quarter_progress()
    assert progress(found) == [("TW I", 60, 60, Decimal("75.00")), ("TW III", 70, 70, Decimal("87.50"))]


def test_a_mean_is_the_mean_so_far():
    # target 10: TW I 8 → 8 (80,00 %); TW II 12 → (8 + 12) ÷ 2 = 10 (100,00 %)
    found = line(Cumulation.AVERAGE, 10, ["8", "12"]).quarter_progress()
    assert progress(found) == [("TW I", 8, 8, Decimal("80.00")), ("TW II", 12, 10, Decimal("100.00"))]


def test_lower_is_better_counts_so_far_by_its_own_formula():
    # kredit macet, target 10 %: TW I 12 → (2 × 10 − 12) ÷ 10 × 100 = 80,00 %
    found = line(Cumulation.LAST, 10, ["12"], direction=Direction.LOWER, unit="%").quarter_progress()
    assert progress(found) == [("TW I", 12, 12, Decimal("80.00"))]


def test_no_quarters_no_progress():
    assert line(Cumulation.SUM, 100, []).quarter_progress() == ()


quarter_values = st.lists(
    st.one_of(st.none(), st.decimals(min_value=0, max_value=10**9, places=2)), min_size=4, max_size=4
)


@given(quarters=quarter_values, cumulation=st.sampled_from(list(Cumulation)))
def test_the_last_quarter_so_far_is_the_years_realisation(quarters, cumulation):
    """Whatever the quarters and the rule, where the year stands after its last written quarter is the year's
    realisation kinerja stores and checks (Line.realisasi, from the quarters when no yearly figure is written)."""
    figures = {"target": Figure(Decimal(100))} | {
        q: Figure(v) for q, v in zip(("q1", "q2", "q3", "q4"), quarters, strict=True) if v is not None
    }
    found = Line(indicator_id=1, name="Uji", unit="unit", cumulation=cumulation, figures=figures)
    points = found.quarter_progress()
    assert [p.quarter for p in points] == [
        q for q, v in zip(("q1", "q2", "q3", "q4"), quarters, strict=True) if v is not None
    ]
    if points:
        assert points[-1].to_date.number == found.realisasi.number
        assert points[-1].capaian == found.capaian
    else:
        assert not found.realisasi.is_number
