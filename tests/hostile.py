"""Hostile files, generated at test time (nothing of the kind is committed): each is small on disk and
enormous, or endless, once a naive reader opens it. Used by tests/test_hostile_files.py and
bench/bench_hostile.py."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

MB = 1024 * 1024
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _stream(archive: zipfile.ZipFile, member: str, head: bytes, filler: bytes, megabytes: int, tail: bytes):
    with archive.open(member, "w", force_zip64=True) as part:
        part.write(head)
        chunk = filler * (MB // len(filler))
        for _ in range(megabytes):
            part.write(chunk)
        part.write(tail)


def xlsx_huge_string(path: Path, megabytes: int = 512) -> Path:
    """An .xlsx whose one shared string is ``megabytes`` long (the issue's 3 GB string, smaller)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        _stream(archive, "xl/sharedStrings.xml", b"<sst><si><t>", b"A", megabytes, b"</t></si></sst>")
    return path


def docx_bomb(path: Path, megabytes: int = 512) -> Path:
    """A .docx whose document.xml unpacks to ``megabytes`` of one paragraph's text."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        _stream(archive, "word/document.xml", b"<w:document><w:body><w:p><w:r><w:t>", b" ", megabytes,
                b"</w:t></w:r></w:p></w:body></w:document>")  # fmt: skip
    return path


def xlsx_many_rows(path: Path, rows: int = 1_000_000, declared: bool = True, versions: str = "{}") -> Path:
    """A workbook with an 'Entri' sheet of ``rows`` rows (and the template's version sheet holding
    ``versions``), written as raw XML so that making it takes a second; ``declared`` writes the sheet's
    dimension as Excel does."""
    sheet_head = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main">' + (f'<dimension ref="A1:K{rows}"/>' if declared else "") + "<sheetData>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Entri" sheetId="1" r:id="rId1"/><sheet name="_versi" sheetId="2" r:id="rId2"/>'
        "</sheets></workbook>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        "</Relationships>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        archive.writestr(
            "xl/worksheets/sheet2.xml",
            sheet_head.replace(f'<dimension ref="A1:K{rows}"/>', "")
            + f'<row r="1"><c r="A1" t="inlineStr"><is><t>{escape(versions)}</t></is></c></row>'
            + "</sheetData></worksheet>",
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(sheet_head.encode())
            block = []
            for r in range(1, rows + 1):
                block.append(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>')
                if len(block) == 10_000:
                    part.write("".join(block).encode())
                    block = []
            part.write(("".join(block) + "</sheetData></worksheet>").encode())
    return path


def pdf_stream_bomb(path: Path, megabytes: int = 400) -> Path:
    """A one-page PDF whose content stream inflates to ``megabytes`` (a few hundred KiB on disk)."""
    inflater = zlib.compressobj(9)
    packed = inflater.compress(b"0 0 m\n" * (MB // 6) * megabytes) + inflater.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def pdf_many_pages(path: Path, pages: int = 2000) -> Path:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    for _ in range(pages):
        drawing.drawString(72, 720, "Pengukuran Kinerja")
        drawing.showPage()
    drawing.save()
    return path


def text_many_tables(path: Path, sample: Path, megabytes: float = 9.4) -> Path:
    """The sample's forms repeated until the file is ``megabytes`` long: thousands of tables."""
    text = sample.read_text(encoding="utf-8")
    copies = int(megabytes * MB / len(text.encode("utf-8"))) + 1
    path.write_text(text * copies, encoding="utf-8")
    return path


def all_files(folder: Path, sample: Path) -> dict[str, Path]:
    """Every hostile document (the template is for the Excel entry, not the document import)."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "xlsx-huge-string": xlsx_huge_string(folder / "string.xlsx"),
        "docx-bomb": docx_bomb(folder / "bom.docx"),
        "pdf-stream-bomb": pdf_stream_bomb(folder / "aliran.pdf"),
        "pdf-2000-pages": pdf_many_pages(folder / "halaman.pdf"),
        "text-9mb-tables": text_many_tables(folder / "tabel.txt", sample),
        "xlsx-1m-rows": xlsx_many_rows(folder / "baris.xlsx"),
    }
