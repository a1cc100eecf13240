"""A Word form that went through review with Track Changes on, as Bappeda and agencies pass it back and forth:
a realisation corrected (24.450 struck out, 26.870 inserted), a row deleted, the % typed into a content
control of the agency's template, a stray digit formatted as hidden text. kinerja reads what Word shows
with the changes accepted. Before, the inserted 26.870 and the content control's % were read as empty
cells, the deleted row as a live one, and the hidden digit made 300 read as 3000."""

from decimal import Decimal

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from kinerja.pipeline import check_files
from kinerja.readers import ReadError

TRACKED = 'w:id="{id}" w:author="Bappeda" w:date="2017-01-20T09:00:00Z"'


def _replace(cell, old: str, new: str, n: int) -> None:
    """What Word writes when a reviewer overtypes a figure with Track Changes on."""
    paragraph = cell.paragraphs[0]._p
    paragraph.append(parse_xml(f'<w:del {nsdecls("w")} {TRACKED.format(id=n)}><w:r><w:delText>{old}</w:delText>'
                               "</w:r></w:del>"))  # fmt: skip
    paragraph.append(parse_xml(f'<w:ins {nsdecls("w")} {TRACKED.format(id=n + 1)}><w:r><w:t>{new}</w:t></w:r>'
                               "</w:ins>"))  # fmt: skip


def _in_control(cell, text: str) -> None:
    """A figure typed into a content control of the template ('Klik untuk mengisi')."""
    cell.paragraphs[0]._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Capaian"/></w:sdtPr><w:sdtContent><w:r><w:t>{text}</w:t>'
        "</w:r></w:sdtContent></w:sdt>"
    ))  # fmt: skip


def test_a_reviewed_word_form_reads_as_accepted(tmp_path):
    out = docx.Document()
    for text in ("PENGUKURAN KINERJA", "DINAS KOPERASI DAN UMKM", "KABUPATEN BANJAR", "TAHUN 2016"):
        out.add_paragraph(text)
    rows = [
        ("Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "%"),
        ("Meningkatnya koperasi", "Jumlah koperasi aktif", "24.450", None, None),
        ("", "Jumlah koperasi yang dibubarkan", "10", "4", "40,00"),
        ("", "Jumlah UMKM binaan", "300", "250", "83,33"),
    ]
    table = out.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            if text is not None:
                table.cell(r, c).text = text
    _replace(table.cell(1, 3), "24.450", "26.870", 1)
    hidden = table.cell(3, 2).paragraphs[0].add_run("0")  # a stray digit formatted as hidden text
    hidden.font.hidden = True
    _in_control(table.cell(1, 4), "109,90")
    deleted = table.rows[2]._tr
    deleted.get_or_add_trPr().append(parse_xml(f"<w:del {nsdecls('w')} {TRACKED.format(id=3)}/>"))
    path = tmp_path / "pk-2016-reviu.docx"
    out.save(path)

    result = check_files([path])
    rows_read = {row.indikator: row for row in result.documents[0].rows}
    assert list(rows_read) == ["Jumlah koperasi aktif", "Jumlah UMKM binaan"]  # the deleted row is gone
    assert rows_read["Jumlah UMKM binaan"].target.number == Decimal(300)  # not 3000: the hidden 0 is not shown
    koperasi = rows_read["Jumlah koperasi aktif"]
    assert koperasi.realisasi.number == Decimal(26870)  # the inserted figure, not the struck-out one
    assert koperasi.capaian_reported.number == Decimal("109.90")
    # 26.870 ÷ 24.450 × 100 = 109,8977… → 109,90, as the content control says
    assert f"{koperasi.capaian.value:.2f}" == "109.90"
    assert not [f for f in result.findings if f.severity.value == "error"], result.findings


def test_a_form_inside_a_frame_table_is_read(tmp_path):
    """The form's table placed inside a one-cell table that frames the page (a letterhead template): its rows
    are read as the form's rows. Before, the frame's one cell swallowed them as lines of text and the file
    was 'checked' with no row and no finding."""
    out = docx.Document()
    for text in ("PENGUKURAN KINERJA", "DINAS KOPERASI DAN UMKM", "TAHUN 2016"):
        out.add_paragraph(text)
    frame = out.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "Lampiran I"
    form = frame.add_table(rows=3, cols=5)
    for r, values in enumerate([
        ("Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "%"),
        ("Meningkatnya koperasi", "Jumlah koperasi aktif", "24.450 unit", "26.870 unit", "109,90"),
        ("", "Jumlah UMKM binaan", "300 unit", "250 unit", "83,33"),
    ]):  # fmt: skip
        for c, text in enumerate(values):
            form.cell(r, c).text = text
    path = tmp_path / "pk-bingkai.docx"
    out.save(path)
    rows = check_files([path]).documents[0].rows
    # 26.870 ÷ 24.450 × 100 = 109,90; 250 ÷ 300 × 100 = 83,33
    assert [(r.indikator, r.target.number, r.realisasi.number, f"{r.capaian.value:.2f}") for r in rows] == [
        ("Jumlah koperasi aktif", Decimal(24450), Decimal(26870), "109.90"),
        ("Jumlah UMKM binaan", Decimal(300), Decimal(250), "83.33"),
    ]


def test_a_form_with_no_row_read_is_refused_with_why(tmp_path):
    """A title and a header with nothing under them is not a form 'with no findings'."""
    path = tmp_path / "kosong.txt"
    path.write_text("PENGUKURAN KINERJA\nTAHUN 2016\n\nSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\t%\n")
    with pytest.raises(ReadError, match="ada judul Pengukuran Kinerja tahun 2016, tetapi tidak ada satu pun baris"):
        check_files([path])
