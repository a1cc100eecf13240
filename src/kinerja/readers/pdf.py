"""Read a text-based PDF (pdfplumber): tables as rows of cells, other text as paragraphs."""

from __future__ import annotations

import pdfplumber

from kinerja.readers.layout import Line

SCANNED = (
    "berkas PDF ini tidak berisi teks, hanya gambar halaman (hasil pindaian atau foto). kinerja membaca teks, "
    "tidak menebak angka dari gambar; unggah berkas Word atau Excel aslinya, atau PDF yang disimpan langsung "
    "dari berkas itu"
)


def lines_from_pdf(path) -> list[Line]:
    lines: list[Line] = []
    number = 0
    with pdfplumber.open(path) as pdf:
        if pdf.pages and not any(page.chars for page in pdf.pages):
            from kinerja.readers import ReadError

            raise ReadError(SCANNED)
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes):
                x = (obj["x0"] + obj["x1"]) / 2
                y = (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            items: list[tuple[float, list[tuple[str, ...]]]] = []
            text_page = page.filter(outside)
            for text_line in text_page.extract_text_lines():
                items.append((text_line["top"], [(text_line["text"],)]))
            for table in tables:
                rows = [tuple((c or "").replace("\n", " ") for c in row) for row in table.extract()]
                items.append((table.bbox[1], rows))
            for _, rows in sorted(items, key=lambda item: item[0]):
                for cells in rows:
                    number += 1
                    lines.append(Line(number, cells))
    return lines
