"""A table laid out the agency's own way, read through the columns a person names ("petakan kolom").

Many agencies keep their figures in a sheet of their own design: other headers ('Rencana', 'Capaian
Fisik'), other column orders, a title block and signatures around it. When kinerja finds no form it knows,
the person importing names the header row, the year and the column of each field. The rows under the
header are then rewritten as kinerja's Pengukuran Kinerja form and read and checked like any document:
every figure is read the Indonesian way, every ambiguity and mismatch is a finding, and each row keeps its
line number in the file, so every figure still points at the row it came from. Lines of one cell below the
table (budget totals, the place and date, the signature) are read as in any form; other lines are left
out and counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kinerja.core.messages import say
from kinerja.core.values import clean_cells
from kinerja.readers.layout import Line, ReadResult, interpret

FIELDS = ("sasaran", "indikator", "target", "satuan", "realisasi", "capaian")
REQUIRED = ("indikator", "target", "realisasi")
LABELS = {
    "sasaran": "Sasaran strategis",
    "indikator": "Indikator kinerja",
    "target": "Target",
    "satuan": "Satuan",
    "realisasi": "Realisasi",
    "capaian": "% capaian tertulis",
}
# what a header cell says for each field, in the words agencies use
HEADER_WORDS = {
    "sasaran": ("sasaran",),
    "indikator": ("indikator", "uraian"),
    "target": ("target", "rencana"),
    "satuan": ("satuan", "sat."),
    "realisasi": ("realisasi", "capaian fisik", "hasil"),
    "capaian": ("capaian", "%", "persen"),
}
MAX_COLUMNS = 40  # columns offered for mapping: a performance table has a dozen
PREVIEW_LINES = 40
FIRST_YEAR, LAST_YEAR = 2000, 2100
_YEAR = re.compile(r"\b(20\d{2})\b")


@dataclass(frozen=True, slots=True)
class ColumnMap:
    header: int  # the header row's line number: the table's rows are the lines below it
    year: int
    columns: tuple[tuple[str, int], ...]  # (field, 0-based column), for the fields named

    def column(self, name: str) -> int | None:
        return next((index for field, index in self.columns if field == name), None)

    def as_dict(self) -> dict:
        return {"header": self.header, "year": self.year, "columns": dict(self.columns)}

    @classmethod
    def from_dict(cls, data: dict) -> ColumnMap:
        columns = tuple((name, int(data["columns"][name])) for name in FIELDS if name in data["columns"])
        return cls(header=int(data["header"]), year=int(data["year"]), columns=columns)


def describe(mapping: ColumnMap) -> str:
    """'judul kolom di baris 5, tahun 2016; indikator kinerja: kolom C, target: kolom E, …'."""
    named = ", ".join(f"{LABELS[name].lower()}: kolom {letter(index)}" for name, index in mapping.columns)
    return f"judul kolom di baris {mapping.header}, tahun {mapping.year}; {named}"


def problems(mapping: ColumnMap, lines: list[Line]) -> list[str]:
    """Why the mapping cannot be read (in Bahasa Indonesia), or nothing."""
    found = []
    named = dict(mapping.columns)
    for name in REQUIRED:
        if name not in named:
            found.append(f"pilih kolom {LABELS[name].lower()}")
    used: dict[int, str] = {}
    for name, index in mapping.columns:
        if not 0 <= index < MAX_COLUMNS:
            found.append(f"kolom {LABELS[name].lower()} di luar tabel")
        elif index in used:
            found.append(
                f"kolom {letter(index)} dipilih untuk {LABELS[used[index]].lower()} dan {LABELS[name].lower()}"
            )
        used.setdefault(index, name)
    if not FIRST_YEAR <= mapping.year <= LAST_YEAR:
        found.append(f"tahun harus antara {FIRST_YEAR} dan {LAST_YEAR}")
    if not any(line.number == mapping.header for line in lines):
        found.append(f"baris {mapping.header} tidak ada di berkas")
    return found


def letter(index: int) -> str:
    """A column's name as a spreadsheet shows it: 0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


SPEC_KEYS = {"baris": "header", "tahun": "year", **{name: name for name in FIELDS}}
_LETTERS = re.compile(r"[A-Z]{1,2}")


def column_index(name: str) -> int:
    """A spreadsheet column's name back to its 0-based index: A → 0, AA → 26 (ValueError when it is none)."""
    name = name.strip().upper()
    if not _LETTERS.fullmatch(name):
        raise ValueError(f"'{name[:10]}' bukan nama kolom (A, B, …, AA)")
    index = 0
    for char in name:
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def parse_spec(text: str) -> ColumnMap:
    """The mapping written on the command line: 'baris=5,tahun=2016,indikator=C,target=E,realisasi=F' (and
    sasaran, satuan, capaian when there are such columns). ValueError saying what is wrong."""
    if len(text) > 300:
        raise ValueError("pemetaan kolom terlalu panjang")
    values: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in SPEC_KEYS:
            raise ValueError(f"'{part[:30]}': tulis kunci=nilai dengan kunci {', '.join(SPEC_KEYS)}")
        values[SPEC_KEYS[key]] = value.strip()
    for needed, word in (("header", "baris"), ("year", "tahun")):
        if not (values.get(needed, "").isascii() and values.get(needed, "").isdigit()):
            raise ValueError(f"sebutkan {word}=angka")
    columns = tuple((name, column_index(values[name])) for name in FIELDS if name in values)
    return ColumnMap(header=int(values["header"][:6]), year=int(values["year"][:6]), columns=columns)


SPEC_HELP = (
    "tabel bersusunan lain: baris judul kolom, tahun dan kolom setiap isian, mis. "
    "'baris=5,tahun=2016,indikator=C,target=E,realisasi=F,satuan=D,sasaran=B,capaian=G' (satu berkas)"
)


def from_command_line(spec: str | None, files) -> ColumnMap | None:
    """The columns named with --kolom, or None without it; ReadError saying what is wrong."""
    from kinerja.readers import ReadError

    if spec is None:
        return None
    if len(files) != 1:
        raise ReadError("--kolom berlaku untuk satu berkas saja")
    try:
        return parse_spec(spec)
    except ValueError as exc:
        raise ReadError(f"--kolom: {exc}") from None


def mapped_lines(lines: list[Line], mapping: ColumnMap) -> tuple[list[Line], int]:
    """The table as kinerja's form (title, header, one line per indicator row, one-cell lines kept) and the
    number of lines below the header left out (neither a row with an indicator and a figure, nor one cell)."""
    form = [
        Line(mapping.header, ("PENGUKURAN KINERJA",)),
        Line(mapping.header, (f"TAHUN {mapping.year}",)),
        Line(mapping.header, ("Sasaran Strategis", "Indikator Kinerja", "Target", "", "Realisasi", "", "%")),
    ]
    index = {name: mapping.column(name) for name in FIELDS}
    left_out = 0
    for line in lines:
        if line.number <= mapping.header:
            continue
        cells = clean_cells(line.cells)

        def cell(name: str, cells=cells) -> str:
            at = index[name]
            return cells[at] if at is not None and at < len(cells) else ""

        indikator, target, realisasi = cell("indikator"), cell("target"), cell("realisasi")
        non_empty = [c for c in cells if c]
        if indikator and (target or realisasi):
            unit = cell("satuan")
            form.append(Line(line.number, (cell("sasaran"), indikator, target, unit, realisasi, unit, cell("capaian"))))
        elif len(non_empty) == 1 and any(ch.isalpha() for ch in non_empty[0]):
            form.append(Line(line.number, (non_empty[0],)))  # a text: a budget total, a place and date, a name
        elif non_empty:
            left_out += 1
    return form, left_out


def read_mapped(path: Path, mapping: ColumnMap) -> ReadResult:
    """The file read through ``mapping``; ReadError when the mapping does not fit it or no row is read."""
    from kinerja.readers import ReadError, checked, read_lines

    lines = read_lines(path)
    found = problems(mapping, lines)
    if found:
        raise ReadError(f"{path.name}: " + "; ".join(found))
    form, left_out = mapped_lines(lines, mapping)
    result = checked(interpret(form, source=path.name), path)
    if left_out:
        result.notes.append((0, None, "lines_left_out", say("read.lines_left_out", count=left_out)))
    return result


def preview(lines: list[Line]) -> list[Line]:
    """The first lines with their cells, as the mapping page shows them (cut to MAX_COLUMNS and 80
    characters a cell)."""
    shown = []
    for line in lines:
        if any(c.strip() for c in line.cells):
            shown.append(Line(line.number, tuple(c.strip()[:80] for c in line.cells[:MAX_COLUMNS])))
        if len(shown) >= PREVIEW_LINES:
            break
    return shown


def guess(lines: list[Line]) -> ColumnMap | None:
    """The header row, year and columns as the header's words suggest, for the form's first answer."""
    for line in lines:
        lowered = [c.strip().lower() for c in line.cells]
        if not any("indikator" in c or "uraian" in c for c in lowered):
            continue
        columns: dict[str, int] = {}
        for name in FIELDS:
            for at, text in enumerate(lowered[:MAX_COLUMNS]):
                if at not in columns.values() and any(word in text for word in HEADER_WORDS[name]):
                    if name == "sasaran" and "indikator" in text:
                        continue
                    columns[name] = at
                    break
        year = next((int(m.group(1)) for ln in lines if ln.number <= line.number for c in ln.cells
                     for m in [_YEAR.search(c)] if m), 0)  # fmt: skip
        return ColumnMap(line.number, year, tuple((name, columns[name]) for name in FIELDS if name in columns))
    return None
