"""Turn a document's lines of cells into core documents.

Every reader (text, .docx, .xlsx, .pdf) produces the same thing: a list of :class:`Line`, each
a paragraph (one cell) or a table row (several cells), in reading order. This module knows the
layout of Pengukuran Kinerja forms and of the LKjIP "capaian Renstra" table and interprets the
lines, whatever file they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from kinerja.core.messages import say
from kinerja.core.model import (
    Budget,
    DocKind,
    Document,
    Row,
    Signatory,
    YearEvidence,
)
from kinerja.core.records import evolve
from kinerja.core.values import EMPTY, Value, clean_cells, read_value
from kinerja.readers.rows import COLUMN_NUMBERS, form_row, renstra_row


class Line(NamedTuple):
    number: int  # 1-based position in the source (text line, or running row number)
    cells: tuple[str, ...]


MONTHS = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "nopember": 11,
    "november": 11,
    "desember": 12,
}

_YEAR = re.compile(r"\b(?:TAHUN|Tahun|tahun)\s+((?:19|20)\d{2})\b")
_PLACE_DATE = re.compile(r"^([A-Z][A-Za-z .'-]+),\s*(\d{1,2})\s+([A-Za-z]+)\s+((?:19|20)\d{2})$")
_LKJIP_FORM = re.compile(r"^Tabel\s+3\.1\b.*\btahun\s+(\d{4})\s*$", re.I)
_LKJIP_TABLE = re.compile(r"^(Tabel|Grafik)\s+\d+\.\d+\b", re.I)
_PAGE_MARK = re.compile(r"\bHalaman\s+\d+(\s+dari\s+\d+)?\s*$", re.I)
_ABSORPTION = re.compile(r"\(\s*serapan\s+(?P<value>[\d.,]+)\s*%\s*\)\s*$", re.I)
_BUDGET_LABEL = re.compile(r"^Jumlah\s+(Realisasi\s+)?Anggaran\b", re.I)
_BUDGET = re.compile(r"^Jumlah\s+(Realisasi\s+)?Anggaran\b(?P<label>[^:]*):\s*(?P<value>.*)$", re.I)
_NIP = re.compile(r"^NIP\.?\s*:?\s*(?P<nip>[\d ]+)$", re.I)
_REGION = re.compile(r"^(KABUPATEN|KOTA|PROVINSI)\s+(.+)$", re.I)
_AGENCY = re.compile(r"^(DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH SAKIT|KECAMATAN)\b", re.I)


def _title(text: str) -> str:
    words = []
    for word in text.split():
        words.append(
            word if word.isupper() and len(word) <= 4 and word not in {"DAN", "KOTA", "DARI"} else word.capitalize()
        )
    return " ".join(w.lower() if w.lower() in {"dan", "dari", "yang"} else w for w in words)


@dataclass
class _Builder:
    kind: DocKind
    line: int
    rows: list[Row] = field(default_factory=list)
    region: str | None = None
    agency: str | None = None
    evidence: list[YearEvidence] = field(default_factory=list)
    anggaran: Value = EMPTY
    realisasi_anggaran: Value = EMPTY
    absorption_reported: Value = EMPTY
    budget_line: int | None = None
    place: str | None = None
    signed: date | None = None
    sign_title: str | None = None
    sign_lines: list[str] = field(default_factory=list)
    sign_done: bool = False  # the NIP closed the signature block
    sasaran: str | None = None
    end_block: list[tuple[int, tuple[str, ...]]] | None = None
    end_year: int | None = None
    title_open: bool = False
    last_paragraph: str = ""
    unit_column: int | None = None  # a 'Satuan' column of the header (kinerja's own tables have one)
    target_column: int | None = None  # where the header says 'Target', as the header's cells stand
    number_column: bool = False  # a 'No' column first: the row numbers are not the sasaran
    lkjip: bool = False  # Tabel 3.1 of an LKjIP (BAB III), as kinerja writes it
    closed: bool = False  # an LKjIP's later tables: not rows of this form
    budget_table: bool = False  # the LKjIP's budget table, whose total line is the year's budget
    unread: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)  # table lines with no figure
    plain_units: dict[str, str | None | bool] = field(default_factory=dict)  # readers.rows._plain_unit

    def build(self, source: str | None) -> tuple[Document, list[tuple[int | None, str, str]]]:
        notes: list[tuple[int | None, str, str]] = []
        rows = self.rows
        if self.end_block is not None:
            rows, notes = _attach_end_block(rows, self.end_block)
        inside = range(rows[0].line, rows[-1].line) if rows else range(0)
        for number, texts in self.unread:
            if number not in inside:
                continue  # above or below the rows: a heading, a note, a signature laid out in columns
            notes.append(
                (
                    None,
                    "row_unread",
                    say("read.row_unread", line=number, cells=" | ".join(texts)),
                )
            )
        budget = None
        if self.budget_line is not None:
            budget = Budget(
                anggaran=self.anggaran,
                realisasi=self.realisasi_anggaran,
                line=self.budget_line,
                absorption_reported=self.absorption_reported,
            )
        signatory = None
        if self.signed and self.sign_done:
            name, rank, nip = self.sign_lines[0], self.sign_lines[1], self.sign_lines[2]
            signatory = Signatory(
                place=self.place or "",
                date=self.signed,
                title=self.sign_title,
                name=name,
                rank=rank,
                nip=nip,
            )
        years = [e.year for e in self.evidence]
        document = Document(
            kind=self.kind,
            year=years[0] if years else None,
            rows=tuple(rows),
            source=source,
            line=self.line,
            region=self.region,
            agency=self.agency,
            budget=budget,
            signatory=signatory,
            end_year=self.end_year,
            year_evidence=tuple(self.evidence),
        )
        return document, notes


def _attach_end_block(rows, block):
    notes = []
    if len(block) != len(rows):
        notes.append(
            (
                None,
                "block_length_mismatch",
                say("read.block_length", block=len(block), rows=len(rows)),
            )
        )
    attached = []
    for i, row in enumerate(rows):
        if i < len(block):
            _, cells = block[i]
            target_cell = cells[0] if cells else ""
            pct_cell = cells[1] if len(cells) > 1 else ""
            target_akhir = read_value(target_cell, unit_hint=row.satuan)
            attached.append(evolve(row, target_akhir=target_akhir, capaian_akhir_reported=read_value(pct_cell)))
        else:
            attached.append(row)
    return attached, notes


@dataclass
class ReadResult:
    documents: list[Document]
    notes: list[tuple[int, int | None, str, str]]  # (document, row, code, message)


def interpret(lines: list[Line], source: str | None = None) -> ReadResult:
    """Interpret lines of cells as Pengukuran Kinerja forms and capaian Renstra tables."""
    builders: list[_Builder] = []
    current: _Builder | None = None
    for line in lines:
        cells = clean_cells(line.cells)
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        non_empty = [c for c in cells if c]
        if _PAGE_MARK.search(non_empty[0] if len(non_empty) == 1 else ""):
            continue  # a running header or footer of a printed page
        in_report_table = current is not None and current.closed  # the LKjIP's own budget table, below
        if (
            len(non_empty) in (2, 3)
            and not in_report_table
            and _BUDGET_LABEL.match(non_empty[0])
            and ":" not in non_empty[0].rstrip(" :")
        ):
            # a budget line laid out in cells: the label in one, the amount in another (and the absorption)
            text = f"{non_empty[0].rstrip(' :')} : {non_empty[1]}"
            if len(non_empty) == 3:
                text += (
                    f" (serapan {non_empty[2].rstrip(' %')} %)" if non_empty[2].endswith("%") else f" {non_empty[2]}"
                )
            current = _paragraph(text, line.number, current, builders)
            continue
        if len(cells) == 1 or (len(non_empty) == 1 and not cells[0] and not cells[1]):
            # one line of text, also in a column beside the table (a signature block on the right)
            current = _paragraph(non_empty[0], line.number, current, builders)
            continue
        if current is not None and current.title_open:
            current.title_open = False
        # every header names 'capaian', 'target' or 'indikator kinerja': most lines need no closer look
        words = "\t".join(non_empty).lower()
        header_like = "target" in words or "capaian" in words or "indikator kinerja" in words
        if header_like and _is_renstra_header(non_empty):
            current = _Builder(kind=DocKind.RENSTRA, line=line.number)
            builders.append(current)
            for cell in non_empty:
                match = _YEAR.search(cell)
                if match:
                    current.evidence.append(YearEvidence(year=int(match.group(1)), where="tabel", line=line.number))
            continue
        if current is None:
            continue
        if current.closed:
            if current.budget_table and len(non_empty) >= 3 and _BUDGET_LABEL.match(non_empty[0]):
                current.anggaran, current.realisasi_anggaran = read_value(non_empty[1]), read_value(non_empty[2])
                if len(non_empty) > 3:
                    current.absorption_reported = read_value(non_empty[3])
                current.budget_line = line.number
            continue
        if header_like and _is_end_block_header(non_empty):
            current.end_block = []
            match = re.search(r"\((\d{4})\)", " ".join(non_empty))
            current.end_year = int(match.group(1)) if match else None
            continue
        if header_like and _is_header(non_empty):
            units = [i for i, c in enumerate(cells) if c.strip().lower() == "satuan"]
            current.unit_column = units[0] if units else None
            current.number_column = cells[0].strip().lower() in ("no", "no.")
            targets = [i for i, c in enumerate(cells) if c.strip().lower() == "target"]
            current.target_column = targets[0] if targets else current.target_column
            for cell in non_empty:
                match = _YEAR.search(cell)
                if match:
                    current.evidence.append(YearEvidence(year=int(match.group(1)), where="tabel", line=line.number))
            continue
        if all(COLUMN_NUMBERS.match(c) for c in non_empty):
            continue
        if current.end_block is not None:
            current.end_block.append((line.number, tuple(cells)))
        elif current.kind is DocKind.RENSTRA:
            renstra_row(cells, line.number, current)
        else:
            form_row(cells, line.number, current)
    documents: list[Document] = []
    notes: list[tuple[int, int | None, str, str]] = []
    for builder in builders:
        document, doc_notes = builder.build(source)
        for row, code, message in doc_notes:
            notes.append((len(documents), row, code, message))
        documents.append(document)
    return ReadResult(documents=documents, notes=notes)


def _is_renstra_header(cells: list[str]) -> bool:
    lowered = [c.lower() for c in cells]
    return (
        any(c.startswith("no") and len(c) <= 3 for c in lowered)
        and any("indikator" in c for c in lowered)
        and any(c.startswith("capaian") for c in lowered)
    )


def _is_end_block_header(cells: list[str]) -> bool:
    return any("target akhir" in c.lower() for c in cells)


def _is_header(cells: list[str]) -> bool:
    lowered = [c.lower() for c in cells]
    if any("indikator kinerja" in c for c in lowered):
        return True
    return "target" in lowered and "realisasi" in lowered


def _paragraph(text: str, number: int, current: _Builder | None, builders: list[_Builder]):
    upper = text.upper()
    if upper.startswith("PENGUKURAN KINERJA"):
        builder = _Builder(kind=DocKind.PENGUKURAN, line=number, title_open=True)
        builders.append(builder)
        return builder
    lkjip = _LKJIP_FORM.match(text.strip())
    if lkjip:  # an LKjIP's "Tabel 3.1 Target dan realisasi kinerja tahun 2016": the year's form
        builder = _Builder(kind=DocKind.PENGUKURAN, line=number, lkjip=True)
        builder.evidence.append(YearEvidence(year=int(lkjip.group(1)), where="tabel", line=number))
        builders.append(builder)
        return builder
    if current is not None and current.lkjip and _LKJIP_TABLE.match(text.strip()):
        current.closed = True  # the report's other tables: history, Renstra, averages, efficiency
        current.budget_table = bool(re.match(r"Tabel\s+3\.5\b", text.strip(), re.I))
        return current
    if current is None:
        return None
    previous = current.last_paragraph
    current.last_paragraph = text
    if current.title_open:
        year = _YEAR.fullmatch(text.strip()) or re.fullmatch(r"TAHUN\s+(\d{4})", upper)
        if year:
            current.evidence.append(YearEvidence(year=int(year.group(1)), where="judul", line=number))
            current.title_open = False
            return current
        region = _REGION.match(text)
        if region:
            current.region = current.region or _title(text)
            return current
        if _AGENCY.match(text):
            current.agency = current.agency or _title(text)
            return current
    key, sep, value = text.partition(":")
    key_l = key.strip().lower()
    if sep and key_l in {"kabupaten", "kota", "provinsi"}:
        current.region = f"{key.strip().capitalize()} {value.strip()}"
        return current
    if sep and key_l in {"nama skpd", "nama opd", "perangkat daerah", "nama perangkat daerah", "skpd", "opd"}:
        current.agency = value.strip()
        return current
    budget = _BUDGET.match(text)
    if budget:
        value_text = budget.group("value").strip()
        year = _YEAR.search(budget.group("label"))
        if year:
            current.evidence.append(YearEvidence(year=int(year.group(1)), where="anggaran", line=number))
        stated = _ABSORPTION.search(value_text)
        if stated and budget.group(1):  # kinerja's own line: the figure, then "(serapan 97,65 %)"
            value_text = value_text[: stated.start()].strip()
            current.absorption_reported = read_value(stated.group("value"))
        cell = read_value(value_text)
        if budget.group(1):
            current.realisasi_anggaran = cell
        else:
            current.anggaran = cell
        current.budget_line = current.budget_line or number
        return current
    year_only = _YEAR.fullmatch(text.strip())
    if year_only and _BUDGET.match(previous or ""):
        current.evidence.append(YearEvidence(year=int(year_only.group(1)), where="anggaran", line=number))
        return current
    place_date = _PLACE_DATE.match(text.strip())
    if place_date and place_date.group(3).lower() in MONTHS:
        place, day, month, year = place_date.groups()
        try:
            current.signed = date(int(year), MONTHS[month.lower()], int(day))
        except ValueError:
            return current
        current.place = place.strip()
        current.evidence.append(YearEvidence(year=int(year), where="tanda tangan", line=number))
        return current
    if current.signed is not None and not current.sign_done:
        nip = _NIP.match(text.strip())
        if nip:
            digits = re.sub(r"\D", "", nip.group("nip"))
            lines = current.sign_lines
            # the name and rank stand right above the NIP; a line above them is the title, with or
            # without its comma ("Kepala Dinas," in the forms, "Kepala Dinas" in kinerja's own)
            if current.sign_title is None and len(lines) >= 3:
                current.sign_title = " ".join(lines[:-2]).rstrip(",")
                lines = lines[-2:]
            while len(lines) < 2:
                lines.append("")
            current.sign_lines = lines[:2] + [digits]
            current.sign_done = True
        elif text.rstrip().endswith(",") and current.sign_title is None and not current.sign_lines:
            current.sign_title = text.strip().rstrip(",")
        elif len(current.sign_lines) < 4:
            current.sign_lines.append(text.strip())
    return current
