"""What kinerja keeps as text (kinerja.core.text), and how the readers treat control characters."""

import pytest

from kinerja.core.numbers import Kind
from kinerja.core.text import text_problem
from kinerja.core.values import clean_cell, read_value


@pytest.mark.parametrize(
    "text",
    ["", "Persentase UMKM naik kelas", "baris 1\nbaris 2", "a\tb", "x\r\ny", "Rp. 2.165.319.100 – “é” ١٢٣", "\x7f"],
)
def test_what_a_person_can_type_is_text(text):
    assert text_problem(text) is None


@pytest.mark.parametrize(
    ("text", "code", "position"),
    [("\x00", 0, 1), ("ab\x01", 1, 3), ("\x08", 8, 1), ("a\x0bb", 11, 2), ("\x0c", 12, 1), ("..\x1f", 31, 3)],
)
def test_control_characters_are_named_with_their_code_and_place(text, code, position):
    assert text_problem(text) == (
        f"berisi karakter kendali yang tidak terlihat (kode {code}) pada huruf ke-{position}; "
        "hapus karakter itu lalu kirim lagi"
    )


def test_a_lone_surrogate_is_not_text():
    assert "kode 55296" in text_problem("a\ud800")


def test_a_read_cell_turns_control_characters_into_spaces_and_never_joins_digits():
    assert clean_cell("Jumlah\x0ckoperasi\x01aktif") == "Jumlah koperasi aktif"
    trailing = read_value("19.393\x0c")
    assert trailing.kind is Kind.NUMBER and trailing.number == 19393
    inside = read_value("1\x012")  # shown as "12" by a viewer, but two figures: not read as 12
    assert inside.kind is Kind.TEXT and inside.number is None
