"""Hostile or oversized files are refused before parsing, with the reason, cheaply."""

import subprocess
import sys
import time
import zipfile

import pytest
from openpyxl import Workbook
from reportlab.pdfgen import canvas

from kinerja.pipeline import check_files
from kinerja.readers import MAX_PDF_PAGES, MAX_XLSX_ROWS, ReadError


def bomb(path, member: str, megabytes: int):
    """A valid zip whose one part unpacks to ``megabytes`` of the same byte: a few hundred KiB packed."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w") as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
    return path


def test_a_compression_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = bomb(tmp_path / "bom.docx", "word/document.xml", 64)
    assert path.stat().st_size < 1024 * 1024
    begin = time.perf_counter()
    with pytest.raises(ReadError, match="bom kompresi"):
        check_files([path])
    assert time.perf_counter() - begin < 5  # refused from the zip's directory, not by unpacking


def test_the_command_line_says_so_and_exits_2(tmp_path):
    path = bomb(tmp_path / "bom.xlsx", "xl/worksheets/sheet1.xml", 64)
    done = subprocess.run([sys.executable, "-m", "kinerja.cli", "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 2 and "bom kompresi" in done.stderr and "Traceback" not in done.stderr


def test_too_many_rows_or_pages_are_refused(tmp_path):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Entri")
    for i in range(MAX_XLSX_ROWS + 1):
        sheet.append([i])
    rows = tmp_path / "baris.xlsx"
    workbook.save(rows)
    with pytest.raises(ReadError, match="baris"):
        check_files([rows])
    pages = tmp_path / "halaman.pdf"
    drawing = canvas.Canvas(str(pages))
    for _ in range(MAX_PDF_PAGES + 1):
        drawing.showPage()
    drawing.save()
    with pytest.raises(ReadError, match="halaman"):
        check_files([pages])


def test_a_text_file_with_nul_after_its_first_kilobytes_is_refused(tmp_path, sample_path):
    from kinerja.readers import ReadError, read_path

    path = tmp_path / "form.txt"
    path.write_text(sample_path.read_text(encoding="utf-8") + "catatan\x00akhir\n", encoding="utf-8")
    assert path.stat().st_size > 4096
    with pytest.raises(ReadError, match="bukan berkas teks"):
        read_path(path)
