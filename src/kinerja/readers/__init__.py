"""Readers: documents in (text, .docx, .xlsx, .pdf) → core documents out.

Each format module only turns its file into lines of cells; ``kinerja.readers.layout``
interprets those lines the same way for every format.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from kinerja.core.model import DocKind
from kinerja.readers.layout import Line, ReadResult, interpret


class ReadError(Exception):
    """A file that cannot be read at all (missing, corrupt, unsupported)."""


SUFFIXES = (".txt", ".text", ".docx", ".xlsx", ".pdf")


def limit_setting(name: str, default: int) -> int:
    """A limit from the environment (KINERJA_<NAME>), else its default; a bad value keeps the default."""
    import os

    try:
        value = int(os.environ.get(f"KINERJA_{name}", default))
    except ValueError:
        return default
    return value if value > 0 else default


MB = 1024 * 1024
# Limits checked before a file is parsed: far above any performance document, far below what
# would hurt the machine. A file beyond them is refused with the reason, never half read. Each is a
# setting (README, "Settings").
MAX_UNPACKED_BYTES = limit_setting("MAX_UNPACKED_MB", 200) * MB  # all parts of a .docx/.xlsx together, unpacked
MAX_PART_RATIO = limit_setting("MAX_PART_RATIO", 200)  # a part unpacking to more than this × its packed size: a bomb
MAX_PARTS = limit_setting("MAX_PARTS", 10_000)
MAX_TEXT_BYTES = limit_setting("MAX_TEXT_MB", 20) * MB
MAX_PDF_PAGES = limit_setting("MAX_PDF_PAGES", 300)
MAX_PDF_STREAM_BYTES = limit_setting("MAX_PDF_STREAM_MB", 100) * MB  # all of a PDF's compressed streams, unpacked
MAX_XLSX_ROWS = limit_setting("MAX_XLSX_ROWS", 100_000)
MAX_XLSX_COLUMNS = limit_setting("MAX_XLSX_COLUMNS", 200)
MAX_CELL_CHARS = limit_setting("MAX_CELL_CHARS", 20_000)
MAX_TABLES = limit_setting("MAX_TABLES", 60)  # tables of one file: a year's form has one, an LKjIP a few dozen
MAX_TABLE_ROWS = limit_setting("MAX_TABLE_ROWS", 20_000)  # rows of all tables of one file together


def check_limits(path: Path) -> None:
    """Refuse, before parsing, a file whose size, parts or pages no performance document has."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise ReadError(f"{path.name}: terlalu banyak bagian ({len(infos)}) untuk sebuah dokumen")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED_BYTES:
                raise ReadError(
                    f"{path.name}: isinya {total // (1024 * 1024)} MiB setelah dibuka; paling banyak "
                    f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MiB"
                )
            for info in infos:
                if info.file_size > 1024 * 1024 and info.file_size > MAX_PART_RATIO * max(info.compress_size, 1):
                    raise ReadError(
                        f"{path.name}: bagian {info.filename} membesar {info.file_size // max(info.compress_size, 1)}× "
                        "saat dibuka (bom kompresi); tidak dibaca"
                    )
    elif suffix == ".pdf":
        _check_pdf_streams(path)
        pages = _pdf_page_count(path)
        if pages is not None and pages > MAX_PDF_PAGES:
            raise ReadError(f"{path.name}: {pages} halaman; paling banyak {MAX_PDF_PAGES} halaman")
    elif path.stat().st_size > MAX_TEXT_BYTES:
        raise ReadError(f"{path.name}: berkas teks lebih dari {MAX_TEXT_BYTES // (1024 * 1024)} MiB")


_STREAM = re.compile(rb"stream\r?\n")


def _check_pdf_streams(path: Path) -> None:
    """Unpack every Flate stream of the PDF in small steps, keeping nothing, and refuse the file once
    the streams together exceed MAX_PDF_STREAM_BYTES (a compressed-stream bomb), before any parser
    holds them in memory."""
    import zlib

    data = path.read_bytes()  # at most the upload limit
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        inflater = zlib.decompressobj()
        chunk = data[start:end]
        try:
            while chunk:
                out = inflater.decompress(chunk, 1024 * 1024)
                total += len(out)
                if total > MAX_PDF_STREAM_BYTES:
                    raise ReadError(
                        f"{path.name}: aliran data PDF membesar lebih dari {MAX_PDF_STREAM_BYTES // MB} MiB saat "
                        "dibuka (bom kompresi); tidak dibaca"
                    )
                chunk = inflater.unconsumed_tail
                if not out:
                    break
        except zlib.error:
            continue  # not a Flate stream (images, plain text): nothing to unpack here


def _pdf_page_count(path: Path) -> int | None:
    from pypdfium2 import PdfDocument  # installed with pdfplumber; counts pages without parsing them

    try:
        document = PdfDocument(str(path))
    except Exception:  # an unreadable PDF is reported by the reader itself
        return None
    try:
        return len(document)
    finally:
        document.close()


# Formats an office still saves in, and the one kinerja reads instead: said with how to get there.
RESAVE_AS = {".xls": ".xlsx", ".ods": ".xlsx", ".doc": ".docx", ".odt": ".docx", ".rtf": ".docx"}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of Word 97–2003 .doc and Excel 97–2003 .xls


def resave_hint(suffix: str, head: bytes = b"") -> str | None:
    """What to tell a person who has a file in an older office format (by its suffix, or by its first bytes
    when it was renamed), or None."""
    suffix = suffix.lower()
    if head.startswith(_OLE2):
        new = ".docx" if suffix in (".doc", ".docx") else ".xlsx" if suffix in (".xls", ".xlsx") else ".docx/.xlsx"
        old = "Word/Excel 97–2003"
    elif suffix in RESAVE_AS:
        new, old = RESAVE_AS[suffix], suffix
    else:
        return None
    return (
        f"berkas ini berformat lama ({old}), yang tidak dibaca kinerja; buka di Word, Excel atau LibreOffice, "
        f"simpan ulang sebagai {new} (Simpan Sebagai / Save As), lalu unggah berkas {new} itu"
    )


def read_lines(path: Path, notes: list[str] | None = None) -> list[Line]:
    """The document's lines of cells. ``notes`` collects what the reader left out on purpose and why (rows,
    columns and sheets hidden in a workbook), for the file's first table."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(f"{path}: berkas tidak ditemukan")
    with path.open("rb") as opened:
        hint = resave_hint(suffix, opened.read(8))
    if hint:
        raise ReadError(f"{path.name}: {hint}")
    try:
        check_limits(path)
        if suffix == ".docx":
            from kinerja.readers.docx import lines_from_docx

            return lines_from_docx(path)
        if suffix == ".xlsx":
            from kinerja.readers.xlsx import lines_from_xlsx

            return lines_from_xlsx(path, notes)
        if suffix == ".pdf":
            from kinerja.readers.pdf import lines_from_pdf

            return lines_from_pdf(path)
        data = path.read_bytes()
    except ReadError as exc:
        if path.name in str(exc):
            raise
        raise ReadError(f"{path.name}: {exc}") from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(f"{path.name}: berkas rusak atau bukan {suffix} yang sah ({exc.__class__.__name__})") from exc
    except Exception as exc:  # a third-party parser failing on a corrupt file
        raise ReadError(f"{path.name}: berkas tidak dapat dibaca ({exc.__class__.__name__}: {exc})") from exc
    if b"\x00" in data:  # a text file holds no NUL anywhere; PostgreSQL could not store one either
        raise ReadError(f"{path.name}: bukan berkas teks, .docx, .xlsx atau .pdf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    from kinerja.readers.text import lines_from_text

    return lines_from_text(text)


class NoTableFound(ReadError):
    """A file that reads, but holds no table kinerja recognises: its columns may still be named by hand
    (kinerja.readers.mapping)."""


def read_path(path: str | Path) -> ReadResult:
    path = Path(path)
    left_out: list[str] = []
    result = interpret(read_lines(path, left_out), source=path.name)
    if result.documents:
        result.notes[:0] = [(0, None, "hidden_cells", message) for message in left_out]
    return checked(result, path)


def checked(result: ReadResult, path: Path) -> ReadResult:
    """``result`` when it holds tables with rows within the limits; ReadError saying what is wrong."""
    if len(result.documents) > MAX_TABLES:
        raise ReadError(f"{path.name}: {len(result.documents)} tabel dalam satu berkas; paling banyak {MAX_TABLES}")
    rows = sum(len(d.rows) for d in result.documents)
    if rows > MAX_TABLE_ROWS:
        raise ReadError(f"{path.name}: {rows} baris tabel dalam satu berkas; paling banyak {MAX_TABLE_ROWS}")
    if not result.documents:
        raise NoTableFound(f"{path.name}: tidak ditemukan tabel Pengukuran Kinerja atau tabel capaian Renstra")
    if not rows:  # a title and perhaps a header, and nothing under it: never "no findings" for an empty form
        first = result.documents[0]
        title = "Pengukuran Kinerja" if first.kind is DocKind.PENGUKURAN else "tabel capaian Renstra"
        when = f" tahun {first.year}" if first.year else ""
        raise ReadError(
            f"{path.name}: ada judul {title}{when}, tetapi tidak ada satu pun baris indikator yang terbaca di "
            "bawahnya (nama indikator dengan target dan realisasinya)"
        )
    return result
