"""Readers: documents in (text, .docx, .xlsx, .pdf) → core documents out.

Each format module only turns its file into lines of cells; ``kinerja.readers.layout``
interprets those lines the same way for every format.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kinerja.readers.layout import Line, ReadResult, interpret


class ReadError(Exception):
    """A file that cannot be read at all (missing, corrupt, unsupported)."""


SUFFIXES = (".txt", ".text", ".docx", ".xlsx", ".pdf")


def read_lines(path: Path) -> list[Line]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReadError(f"{path}: berkas tidak ditemukan")
    try:
        if suffix == ".docx":
            from kinerja.readers.docx import lines_from_docx

            return lines_from_docx(path)
        if suffix == ".xlsx":
            from kinerja.readers.xlsx import lines_from_xlsx

            return lines_from_xlsx(path)
        if suffix == ".pdf":
            from kinerja.readers.pdf import lines_from_pdf

            return lines_from_pdf(path)
        data = path.read_bytes()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReadError(f"{path.name}: berkas rusak atau bukan {suffix} yang sah ({exc.__class__.__name__})") from exc
    except Exception as exc:  # a third-party parser failing on a corrupt file
        raise ReadError(f"{path.name}: berkas tidak dapat dibaca ({exc.__class__.__name__}: {exc})") from exc
    if b"\x00" in data[:4096]:
        raise ReadError(f"{path.name}: bukan berkas teks, .docx, .xlsx atau .pdf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    from kinerja.readers.text import lines_from_text

    return lines_from_text(text)


def read_path(path: str | Path) -> ReadResult:
    path = Path(path)
    result = interpret(read_lines(path), source=path.name)
    if not result.documents:
        raise ReadError(f"{path.name}: tidak ditemukan tabel Pengukuran Kinerja atau tabel capaian Renstra")
    return result
