"""A signed form scanned to PDF, as agencies file it: pages that are pictures, with no text in them. kinerja says
so and what to upload instead; before, it said only that no table was found."""

import io

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from kinerja.cli import main
from kinerja.pipeline import check_files
from kinerja.readers import ReadError


def _scan(path) -> None:
    picture = Image.new("L", (1240, 1754), 255)  # an A4 page at 150 dpi, grey as a scanner gives it
    pen = ImageDraw.Draw(picture)
    pen.text((100, 100), "PENGUKURAN KINERJA TAHUN 2016", fill=0)
    for row in range(12):
        pen.rectangle((100, 200 + 60 * row, 1140, 260 + 60 * row), outline=0)
        pen.text((110, 220 + 60 * row), f"Indikator {row + 1}    24.450    26.870    109,90", fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    page = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        page.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, *A4)
        page.showPage()
    page.save()


def test_a_scanned_pdf_is_said_to_hold_no_text(tmp_path, capsys):
    path = tmp_path / "pk-2016-ditandatangani.pdf"
    _scan(path)
    with pytest.raises(ReadError, match="tidak berisi teks, hanya gambar halaman") as said:
        check_files([path])
    assert "unggah berkas Word atau Excel aslinya" in str(said.value)
    assert main(["check", str(path)]) == 2
    assert "hasil pindaian" in capsys.readouterr().err
