"""The short ways through reading a form are the long way, only faster.

Most lines of a form are already clean, and most rows are 'sasaran, indikator, target, unit, realisasi,
unit, %' with bare figures. ``clean_cells`` and ``readers.rows._plain_row`` take those in one go; these
tests hold each to the general path it stands in for, on cells drawn from what agencies write.
"""

import gc
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.core.model import DocKind
from kinerja.core.numbers import Convention, Kind
from kinerja.core.values import ShownNumber, Value, clean_cell, clean_cells
from kinerja.pipeline import check_files
from kinerja.readers import ReadError
from kinerja.readers.layout import _Builder
from kinerja.readers.rows import _plain_row, form_row, general_form_row

# What the cells of a form hold: bare figures of both conventions, figures with units, marks, grades,
# ranges, words, units, dirt ('*', double spaces, a tag, a form feed) and nothing.
# fmt: off
FIGURES = ["12", "1.555", "24,450", "62,87", "61.47", "1.000,5", "2.165.319.100", "2,165,319.10", "0", "100",
           "99,995", "0,00", "1,2,3", "1.2.3", "007", "1234567890123456789012", "12.5", "1.5555"]
OTHER = ["-", "n/a", "–", "*12*", " 7 ", "12 orang", "Rp. 46.821 (juta)", "80-90 %", "WTP", "BB", "B", "TW",
         "#REF!", "100 %", "Baik", "4 BPR/12 LKM", "<b>5</b>", "1\x0c2", "", "-5", "+3", "7 s.d. 8 bulan"]
UNITS = ["orang", "unit", "%", "Rp. (juta)", "Rp.", "kegiatan", "dokumen", "kali", "bulan", "predikat", "WTP",
         "nilai", "persen", "orang/badan us", "", "-", "12"]
NAMES = ["Indikator uji", "Jumlah UMKM", "Persentase koperasi aktif", "Tingkat kepuasan", "Rasio", "Nilai SAKIP",
         "Predikat SAKIP", "Baik", "wtp", "3", "", "Angka kematian"]
# fmt: on

cell = st.sampled_from(FIGURES + OTHER + UNITS + NAMES)


@st.composite
def form_cells(draw):
    """Seven cells shaped like a form row, each sometimes replaced by any other cell; or any row at all."""
    if draw(st.booleans()):
        shaped = [
            draw(st.sampled_from(["", "Sasaran 1", "Meningkatnya kinerja UMKM"])),
            draw(st.sampled_from(NAMES)),
            draw(st.sampled_from(FIGURES)),
            draw(st.sampled_from(UNITS)),
            draw(st.sampled_from(FIGURES)),
            draw(st.sampled_from(UNITS)),
            draw(st.sampled_from(FIGURES)),
        ]
        for i in draw(st.lists(st.integers(0, 6), max_size=2)):
            shaped[i] = draw(cell)
        return shaped
    return draw(st.lists(cell, min_size=1, max_size=9))


def builder(unit_column=None, number_column=False, target_column=None, sasaran=None):
    b = _Builder(kind=DocKind.PENGUKURAN, line=1)
    b.unit_column, b.number_column, b.target_column, b.sasaran = unit_column, number_column, target_column, sasaran
    return b


@settings(max_examples=3000, deadline=None)
@given(
    cells=form_cells(),
    unit_column=st.sampled_from([None, None, 3]),
    number_column=st.sampled_from([False, False, True]),
    target_column=st.sampled_from([None, 2, 3]),
    sasaran=st.sampled_from([None, "Sasaran lama"]),
)
def test_a_plain_row_is_read_as_the_general_path_reads_it(cells, unit_column, number_column, target_column, sasaran):
    quick, general = (builder(unit_column, number_column, target_column, sasaran) for _ in range(2))
    taken = _plain_row(list(cells), 9, quick)
    general_form_row(list(cells), 9, general)
    if taken:
        assert quick.rows == general.rows
        assert quick.sasaran == general.sasaran
        assert quick.unread == general.unread == []
    else:
        assert quick.rows == [] and quick.sasaran == sasaran  # declined: left the table as it found it


def test_the_common_row_takes_the_short_way_and_reads_every_figure():
    b = builder()
    assert _plain_row(["Sasaran 1", "Jumlah UMKM", "24,450", "orang", "26.870", "orang", "109,90"], 4, b)
    (row,) = b.rows
    # '24,450 orang': a count is whole, so 24450, not 24,45; '26.870' is 26870 by the Indonesian rule
    assert row.target.number == Decimal(24450) and row.target.chosen_from == (Decimal("24.450"), Decimal(24450))
    assert row.realisasi.number == Decimal(26870) and row.realisasi.unit == "orang"
    assert row.capaian_reported.number == Decimal("109.90") and row.capaian_reported.decimals == 2
    assert (row.sasaran, row.indikator, row.satuan, row.line, row.slid) == (
        "Sasaran 1", "Jumlah UMKM", "orang", 4, None)  # fmt: skip
    # the same row with a unit column, or a word where the target stands, is not the plain row
    assert not _plain_row(["", "Jumlah UMKM", "24,450", "orang", "26.870", "orang", "109,90"], 5, builder(3))
    assert not _plain_row(["", "Jumlah UMKM", "Baik", "orang", "26.870", "orang", "109,90"], 5, builder())


def test_a_row_the_short_way_declines_still_reaches_the_table():
    b = builder()
    form_row(["", "Rasio", "12", "-", "13", "", "108,33"], 7, b)  # a missing mark where the unit stands
    general = builder()
    general_form_row(["", "Rasio", "12", "-", "13", "", "108,33"], 7, general)
    assert b.rows == general.rows and len(b.rows) == 1


dirty = st.text(alphabet=st.sampled_from(list("ab1.,*< >\t\x0c\x00\xa0\u2003\u200bé%")), max_size=12)


@settings(max_examples=3000, deadline=None)
@given(st.lists(dirty, max_size=8))
def test_clean_cells_cleans_as_clean_cell_does(cells):
    assert clean_cells(tuple(cells)) == [clean_cell(c) for c in cells]


def test_clean_cells_keeps_what_a_reader_knows_and_takes_any_cell():
    shown = ShownNumber("1,555", Value(Kind.NUMBER, "1,555", Decimal("1.555"), 3, None, Convention.ID))
    cleaned = clean_cells(("Jumlah", shown, None, " 7 "))
    assert cleaned == ["Jumlah", "1,555", "", "7"]
    assert type(cleaned[1]) is ShownNumber and cleaned[1].value.number == Decimal("1.555")


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_pauses_the_cycle_collector_and_gives_it_back(tmp_path, enabled):
    form = tmp_path / "form.txt"
    form.write_text(
        "PENGUKURAN KINERJA\nSasaran\tIndikator Kinerja\tTarget\t\tRealisasi\t\t%\n"
        "Sasaran 1\tJumlah UMKM\t24.450\torang\t26.870\torang\t109,90\n",
        encoding="utf-8",
    )
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"bukan zip")
    (gc.enable if enabled else gc.disable)()
    try:
        check_files([form])
        assert gc.isenabled() is enabled
        with pytest.raises(ReadError):
            check_files([broken])
        assert gc.isenabled() is enabled  # also when a file is refused half-way
    finally:
        gc.enable()
