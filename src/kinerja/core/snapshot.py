"""A year as published, kept as plain JSON data so that it can be shown exactly as it was.

When an admin reopens a published year, the public keeps reading the published version (with a
note that the year is being reopened) until a new version is published. :func:`dump` turns a
:class:`kinerja.core.year.Year` into JSON-safe data and :func:`load` turns it back; every figure
keeps its exact decimal text.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kinerja.core.categories import PERMENDAGRI_BANDS, Band
from kinerja.core.model import Cumulation, Direction
from kinerja.core.workflow import State
from kinerja.core.year import EMPTY, Budget, BudgetItem, Figure, Line, Signatory, Year

FORMAT = 1


def number_text(value: Decimal | None) -> str | None:
    """A figure as its exact decimal text (None stays None); text_decimal reads it back."""
    return None if value is None else str(value)


def text_decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _figure(figure: Figure) -> dict:
    return {"value": number_text(figure.value), "raw": figure.raw}


def _read_figure(data: dict | None) -> Figure:
    if not data:
        return EMPTY
    return Figure(text_decimal(data.get("value")), data.get("raw", ""))


def dump(year: Year) -> dict:
    """The year's published content: lines, budget and signatory (not versions, not open errors)."""
    return {
        "format": FORMAT,
        "agency_id": year.agency_id,
        "year": year.year,
        "lines": [
            {
                "indicator_id": line.indicator_id,
                "name": line.name,
                "unit": line.unit,
                "direction": line.direction.value,
                "cumulation": line.cumulation.value,
                "sasaran": line.sasaran,
                "position": line.position,
                "figures": {name: _figure(figure) for name, figure in line.figures.items()},
                "note": line.note,
                "evidence": line.evidence,
                "definition": line.definition,
                "data_source": line.data_source,
                "responsible": line.responsible,
                "is_iku": line.is_iku,
                "standard": number_text(line.standard),
                "standard_source": line.standard_source,
                "unused": line.unused,
            }
            for line in year.lines
        ],
        "budget": {
            "anggaran": _figure(year.budget.anggaran),
            "realisasi": _figure(year.budget.realisasi),
            "waiver": year.budget.waiver,
            "items": [
                {
                    "program": item.program,
                    "kegiatan": item.kegiatan,
                    "anggaran": number_text(item.anggaran),
                    "realisasi": number_text(item.realisasi),
                    "sasaran": item.sasaran,
                }
                for item in year.budget.items
            ],
        },
        "signatory": None
        if year.signatory is None
        else {
            "name": year.signatory.name,
            "nip": year.signatory.nip,
            "rank": year.signatory.rank,
            "title": year.signatory.title,
            "place": year.signatory.place,
            "date": year.signatory.date.isoformat() if year.signatory.date else None,
        },
    }


def load(data: dict, *, cap: Decimal | None = None, bands: tuple[Band, ...] = PERMENDAGRI_BANDS) -> Year:
    """The published year back, as it was (status published), categorised on ``bands`` (its region's scale
    for the year, which cannot change once the year is published)."""
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown snapshot format {data.get('format')!r}")
    budget = data["budget"]
    signed = data.get("signatory")
    return Year(
        agency_id=data["agency_id"],
        year=data["year"],
        status=State.PUBLISHED,
        lines=tuple(
            Line(
                indicator_id=line["indicator_id"],
                name=line["name"],
                unit=line["unit"],
                direction=Direction(line["direction"]),
                cumulation=Cumulation(line["cumulation"]),
                sasaran=line["sasaran"],
                position=line["position"],
                figures={name: _read_figure(figure) for name, figure in line["figures"].items()},
                note=line["note"],
                evidence=line["evidence"],
                definition=line["definition"],
                data_source=line["data_source"],
                responsible=line.get("responsible", ""),
                is_iku=line["is_iku"],
                standard=text_decimal(line.get("standard")),
                standard_source=line.get("standard_source", ""),
                unused=line.get("unused", ""),
            )
            for line in data["lines"]
        ),
        budget=Budget(
            anggaran=_read_figure(budget["anggaran"]),
            realisasi=_read_figure(budget["realisasi"]),
            waiver=budget.get("waiver", ""),
            items=tuple(
                BudgetItem(
                    id=None,
                    program=item["program"],
                    kegiatan=item["kegiatan"],
                    anggaran=text_decimal(item["anggaran"]),
                    realisasi=text_decimal(item["realisasi"]),
                    sasaran=item["sasaran"],
                )
                for item in budget["items"]
            ),
        ),
        signatory=None
        if signed is None
        else Signatory(
            name=signed["name"],
            nip=signed["nip"],
            rank=signed["rank"],
            title=signed["title"],
            place=signed["place"],
            date=date.fromisoformat(signed["date"]) if signed["date"] else None,
        ),
        cap=cap,
        bands=bands,
    )
