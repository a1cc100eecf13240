"""Which reports exist and in which formats: one table used by the CLI and the web."""

from __future__ import annotations

from collections.abc import Callable

from kinerja.reports import build, lkjip
from kinerja.reports.data import AgencyYearData
from kinerja.reports.model import Report

KINDS: dict[str, tuple[str, Callable[[AgencyYearData], Report]]] = {
    "pengukuran": ("Pengukuran Kinerja", build.pengukuran),
    "perjanjian": ("Perjanjian Kinerja", build.perjanjian),
    "lkjip": ("Tabel LKjIP Bab III", build.lkjip),
    "lkjip-lengkap": ("LKjIP lengkap (Bab I–IV)", lkjip.full),
}
FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(report: Report, fmt: str) -> bytes:
    if fmt == "pdf":
        from kinerja.reports.pdf import render_pdf

        return render_pdf(report)
    if fmt == "docx":
        from kinerja.reports.docx import render_docx

        return render_docx(report)
    if fmt == "xlsx":
        from kinerja.reports.xlsx import render_xlsx

        return render_xlsx(report)
    raise ValueError(f"format {fmt!r} tidak dikenal")
