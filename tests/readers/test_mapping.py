"""A table of the agency's own layout read through the columns a person names (kinerja.readers.mapping)."""

from decimal import Decimal

import pytest

from kinerja.pipeline import check_mapped
from kinerja.readers import ReadError, read_lines
from kinerja.readers.layout import Line
from kinerja.readers.mapping import (
    ColumnMap,
    column_index,
    guess,
    letter,
    mapped_lines,
    parse_spec,
    problems,
    read_mapped,
)
from tests.agency_sheets import agency_sheet

MAPPING = ColumnMap(
    header=5,
    year=2016,
    columns=(("sasaran", 1), ("indikator", 2), ("target", 4), ("satuan", 3), ("realisasi", 5), ("capaian", 6)),
)


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "capaian-dishub.xlsx"
    path.write_bytes(agency_sheet())
    return path


def test_the_header_words_suggest_the_mapping(sheet):
    suggested = guess(read_lines(sheet))
    assert (suggested.header, suggested.year) == (5, 2016)  # 'TAHUN ANGGARAN 2016' above the header
    assert dict(suggested.columns) == dict(MAPPING.columns)


def test_the_rows_keep_their_lines_and_are_checked_like_any_form(sheet):
    result = check_mapped(sheet, MAPPING)
    (document,) = result.documents
    assert document.year == 2016
    assert [row.line for row in document.rows] == [6, 7, 8]
    first, second, third = document.rows
    assert (first.target.number, first.realisasi.number, first.satuan) == (Decimal(24450), Decimal(26870), "orang")
    # 26.870 ÷ 24.450 × 100 = 109,8977… → 109,90, as written; 114 ÷ 120 × 100 = 95,00, as written
    assert first.capaian.value.quantize(Decimal("0.01")) == Decimal("109.90")
    assert third.capaian.value == Decimal(95)
    assert second.sasaran == "Meningkatnya layanan angkutan"  # the merged cell above it
    codes = [(f.code, f.row) for f in result.findings]
    assert ("capaian_mismatch", 1) in codes  # 72 ÷ 80 × 100 = 90,00 against 95,00 % written
    assert ("lines_left_out", None) in codes  # 'Rata-rata capaian' with its % in a cell of its own
    assert document.signatory.name == "NAMA KEPALA DINAS" and document.signatory.place == "Martapura"


def test_a_mapping_that_does_not_fit_the_file_is_refused(sheet):
    with pytest.raises(ReadError, match="baris 50 tidak ada di berkas"):
        read_mapped(sheet, ColumnMap(header=50, year=2016, columns=MAPPING.columns))
    lines = read_lines(sheet)
    unfit = ColumnMap(header=5, year=1999, columns=(("indikator", 2), ("target", 2)))
    assert problems(unfit, lines) == [
        "pilih kolom realisasi",
        "kolom C dipilih untuk indikator kinerja dan target",
        "tahun harus antara 2000 dan 2100",
    ]


def test_only_indicator_rows_and_single_texts_are_carried_over():
    lines = [
        Line(1, ("Indikator", "Target", "Realisasi")),
        Line(2, ("Jumlah koperasi aktif", "120", "")),  # a target without realisation: still an indicator row
        Line(3, ("Catatan: angka sementara", "", "")),  # one text: kept (a note, a place and date, a name)
        Line(4, ("", "Sub total", "240")),  # figures without an indicator: left out
        Line(5, ("", "", "240")),  # a lone figure: left out too
    ]
    form, left_out = mapped_lines(lines, ColumnMap(1, 2020, (("indikator", 0), ("target", 1), ("realisasi", 2))))
    assert [line.number for line in form[3:]] == [2, 3]
    assert form[3].cells == ("", "Jumlah koperasi aktif", "120", "", "", "", "")
    assert form[4].cells == ("Catatan: angka sementara",)
    assert left_out == 2


@pytest.mark.parametrize("index, name", [(0, "A"), (6, "G"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA")])
def test_columns_are_named_as_a_spreadsheet_names_them(index, name):
    assert letter(index) == name


def test_a_mapping_survives_the_session():
    assert ColumnMap.from_dict(MAPPING.as_dict()) == MAPPING


def test_the_mapping_written_on_the_command_line():
    spec = "baris=5, tahun=2016, sasaran=B, indikator=C, satuan=D, target=E, realisasi=F, capaian=G"
    assert parse_spec(spec) == MAPPING
    assert column_index("aa") == 26 and column_index("A") == 0


@pytest.mark.parametrize(
    "spec, message",
    [
        ("tahun=2016,indikator=C", "sebutkan baris=angka"),
        ("baris=5,indikator=C", "sebutkan tahun=angka"),
        ("baris=5,tahun=2016,indikator=3", "'3' bukan nama kolom"),
        ("baris=5,tahun=2016,kolom=C", "tulis kunci=nilai"),
        ("baris=²,tahun=2016", "sebutkan baris=angka"),
        ("baris=5," * 100, "terlalu panjang"),
    ],
)
def test_a_command_line_mapping_that_cannot_be_read_says_why(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_spec(spec)


def test_check_reads_a_sheet_through_the_columns_named(sheet, capsys):
    from kinerja.cli import main

    spec = "baris=5,tahun=2016,sasaran=B,indikator=C,satuan=D,target=E,realisasi=F,capaian=G"
    assert main(["parse", str(sheet), "--kolom", spec]) == 1  # one error: the halte's 95 % written for 90 %
    out = capsys.readouterr().out
    assert "Pengukuran Kinerja 2016" in out and "Jumlah penumpang angkutan umum" in out and "capaian_mismatch" in out
    assert main(["check", str(sheet), "--kolom", "baris=5,tahun=2016,indikator=C"]) == 2
    assert "pilih kolom target" in capsys.readouterr().err
    assert main(["check", str(sheet), str(sheet), "--kolom", spec]) == 2
    assert "--kolom berlaku untuk satu berkas saja" in capsys.readouterr().err
