from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core.numbers import Convention, Kind, format_id, read_number
from kinerja.core.values import read_value


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("19.393", Decimal("19393"), None),
        ("62,87", Decimal("62.87"), None),
        ("2.165.319.100", Decimal("2165319100"), None),
        ("0,25 %", Decimal("0.25"), "%"),
        ("Rp. 46.821 (juta)", Decimal("46821"), "Rp. (juta)"),
        ("195.000 Rp. (juta)", Decimal("195000"), "Rp. (juta)"),
        ("24,450 orang", Decimal("24450"), "orang"),
        ("1,425 unit", Decimal("1425"), "unit"),
        ("61.47%", Decimal("61.47"), "%"),
        ("0.034", Decimal("0.034"), None),
        ("8 orang / badan usaha", Decimal("8"), "orang/badan usaha"),
        ("68 orang/badan us", Decimal("68"), "orang/badan usaha"),
        ("<i>7 buah</i>", Decimal("7"), "buah"),
        ("55,000,000 Rp. (juta)", Decimal("55000000"), "Rp. (juta)"),
        ("1.234,56", Decimal("1234.56"), None),
        ("1,234.56", Decimal("1234.56"), None),
    ],
)
def test_reads_indonesian_figures(text, value, unit):
    read = read_value(text)
    assert read.kind is Kind.NUMBER
    assert read.number == value
    assert read.unit == unit


def test_dash_is_missing_and_keeps_unit():
    read = read_value("- Rp. (juta)")
    assert read.kind is Kind.MISSING
    assert read.unit == "Rp. (juta)"
    assert read_value("-").kind is Kind.MISSING


def test_composite_text_is_kept_as_text():
    read = read_value("4 BPR/12 LKM")
    assert read.kind is Kind.TEXT
    assert read.text == "4 BPR/12 LKM"


def test_malformed_groups_are_an_error_not_a_guess():
    read = read_value("Rp. 2.119.2015.485")
    assert read.kind is Kind.ERROR
    assert read.number is None
    assert "2015" in read.reason


def test_decimal_in_count_unit_is_an_error():
    read = read_value("31.15 orang/badan usaha")
    assert read.kind is Kind.ERROR
    assert "bilangan bulat" in read.reason


def test_single_comma_group_keeps_both_readings_without_unit():
    read = read_value("44,000")
    assert read.ambiguous
    assert {c[0] for c in read.candidates} == {Decimal("44.000"), Decimal("44000")}


def test_count_unit_chooses_whole_reading_and_says_why():
    read = read_value("24,450 orang")
    assert not read.ambiguous
    assert read.convention is Convention.EN
    assert "orang" in read.reason
    assert read.chosen_from == (Decimal("24.450"), Decimal("24450"))


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (Decimal("1234.56"), 2, "1.234,56"),
        (Decimal("2165319100"), 0, "2.165.319.100"),
        (Decimal("101.428571"), 2, "101,43"),
        (Decimal("-0.5"), 1, "-0,5"),
        (Decimal("0.005"), 2, "0,01"),
        (Decimal("999.995"), 2, "1.000,00"),
        (Decimal("-0.001"), 2, "0,00"),  # rounds to zero: no minus sign before it
        (Decimal("-1234567.5"), 0, "-1.234.568"),
        (1234567, 0, "1.234.567"),  # a whole number as Python holds it
        (Decimal("1E+5"), 0, "100.000"),  # an exponent, as Decimal keeps some figures
        (Decimal("123"), 0, "123"),
    ],
)
def test_format_id(value, decimals, text):
    assert format_id(value, decimals) == text


@pytest.mark.parametrize(
    "value, decimals, text",
    [(Decimal("62.50"), 3, "62,5"), (Decimal("24450"), 3, "24.450"), (Decimal("24.45"), 3, "24,45")],
)
def test_format_id_strips_zeros_of_the_fraction_when_asked(value, decimals, text):
    assert format_id(value, decimals, strip_zeros=True) == text


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
)
def test_format_then_read_gives_the_value_back(value):
    text = format_id(value, 2)
    read = read_number(text)
    assert read.kind is Kind.NUMBER
    assert read.value == value
    assert not read.ambiguous


@given(st.integers(min_value=0, max_value=10**15))
def test_whole_numbers_round_trip_in_count_units(value):
    read = read_value(format_id(value, 0) + " orang")
    assert read.number == value


@given(st.text(max_size=40))
def test_reading_arbitrary_text_never_raises(text):
    read = read_value(text)
    assert read.kind in (Kind.NUMBER, Kind.MISSING, Kind.TEXT, Kind.ERROR)
    if read.kind is Kind.NUMBER:
        assert isinstance(read.number, Decimal)
    if read.kind is Kind.ERROR:
        assert read.reason


@given(st.text(alphabet="0123456789.,- %", max_size=20))
def test_reading_number_like_text_never_raises(text):
    read = read_number(text)
    assert read.kind in (Kind.NUMBER, Kind.MISSING, Kind.TEXT, Kind.ERROR)
    if read.kind is Kind.ERROR:
        assert read.reason


def test_absurdly_long_figures_are_errors():
    assert read_number("9" * 19).kind is Kind.ERROR
    assert read_number("1,1234567").kind is Kind.ERROR
    assert read_number("9" * 18).kind is Kind.NUMBER


def test_decimal_text_is_plain_machine_text_with_the_decimals_a_figure_has():
    from kinerja.core.numbers import decimal_text

    assert decimal_text(Decimal("62.870")) == "62.87"
    assert decimal_text(Decimal("2E+4")) == "20000"  # never the exponent
    assert decimal_text(Decimal("0.050")) == "0.05"
    assert decimal_text(None) is None


def test_a_stored_figure_shows_the_decimals_it_was_written_with_in_its_unit():
    from kinerja.core.values import stored_value

    # the same text, remembered once per unit: '1,555' of people is 1555 (whole), of a percentage 1,555
    assert stored_value(Decimal(1555), "1,555", "orang").decimals == 0
    assert stored_value(Decimal("1.555"), "1,555", "%").decimals == 3
    assert stored_value(Decimal(1555), "1,555", "orang").decimals == 0
    # 62,50 stays 62,50 whatever exponent the database hands back; a text that reads otherwise is not used
    assert stored_value(Decimal("62.5"), "62,50", "%").decimals == 2
    assert stored_value(Decimal("62.500000"), "62,50", "%").decimals == 2
    assert stored_value(Decimal("62.870000"), "", "%").decimals == 2
    assert stored_value(Decimal("7"), "62,50", "%").decimals == 0
