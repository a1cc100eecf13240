"""Files in, checked documents out: the reading and checking pipeline used by every front end."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kinerja.core import achievement
from kinerja.core.checks import CheckResult, check_documents, row_json
from kinerja.core.findings import Finding
from kinerja.core.messages import structure
from kinerja.core.model import Document
from kinerja.core.numbers import json_number, quantize
from kinerja.readers import read_path
from kinerja.readers.mapping import ColumnMap, read_mapped


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file is read and checked.

    Reading builds tens of thousands of small tuples (cells, values, rows) that hold no reference cycles;
    the collector would walk all of them again at every generation-2 pass, a fifth of the time of a
    10.000-row form. Reference counting still frees everything; the collector is resumed afterwards
    (unless it was already off) and catches up on its next pass.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_files(paths: Iterable[str | Path]) -> CheckResult:
    """Read every file and check all their tables together. Raises ReadError for a bad file."""
    documents: list[Document] = []
    notes: list[tuple[int, int | None, str, str]] = []
    with _collector_paused():
        for path in paths:
            result = read_path(path)
            offset = len(documents)
            documents.extend(result.documents)
            notes.extend((offset + d, row, code, message) for d, row, code, message in result.notes)
        return check_documents(documents, notes)


def check_mapped(path: str | Path, mapping: ColumnMap) -> CheckResult:
    """A table of the agency's own layout, read through the columns a person named, and checked."""
    with _collector_paused():
        result = read_mapped(Path(path), mapping)
        return check_documents(result.documents, result.notes)


def document_json(document: Document, *, with_source: bool) -> dict:
    budget = None
    if document.budget is not None:
        b = document.budget
        absorption = achievement.absorption(b.anggaran.number, b.realisasi.number)
        budget = {
            "anggaran": json_number(b.anggaran.number) if b.anggaran.is_number else None,
            "realisasi": json_number(b.realisasi.number) if b.realisasi.is_number else None,
            "serapan": json_number(quantize(absorption, 2)) if absorption is not None else None,
        }
    signatory = None
    if document.signatory is not None:
        s = document.signatory
        signatory = {
            "place": s.place,
            "date": s.date.isoformat(),
            "name": s.name,
            "rank": s.rank,
            "nip": s.nip,
            "title": s.title,
        }
    data = {
        "kind": document.kind.value,
        "year": document.year,
        "region": document.region,
        "agency": document.agency,
        "rows": [row_json(row) for row in document.rows],
        "budget": budget,
        "signatory": signatory,
    }
    if document.end_year is not None:
        data["end_year"] = document.end_year
    if with_source:
        data["source"] = document.source
    return data


def finding_json(finding: Finding) -> dict:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "document": finding.document,
        "row": finding.row,
        "field": finding.field,
        "reported": finding.reported,
        "expected": finding.expected,
        "message": finding.message,
        "said": structure(finding.message),
    }


def result_json(result: CheckResult, *, with_source: bool) -> dict:
    return {
        "documents": [document_json(d, with_source=with_source) for d in result.documents],
        "findings": [finding_json(f) for f in result.findings],
    }
