"""Batas wajar on the indicator's form: a range suggested from the indicator's other years (kinerja.core.bounds)."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.core import year as core
from kinerja.core.bounds import Bounds, suggest
from kinerja.core.grades import is_grade_unit

from . import store
from .models import AgencyYear


@dataclass(frozen=True, slots=True)
class Suggestion:
    bounds: Bounds
    years: tuple[int, ...]  # the years whose realisations it comes from


def suggestion(agency_year: AgencyYear, line: core.Line) -> Suggestion | None:
    """The range the modified z-score accepts around the indicator's realisations of its other years in
    the same unit (this year's own figure left out: it is the one being judged), or None when there are
    fewer than three of them or they do not vary. Five queries, whatever the number of years."""
    if line.indicator_id is None or is_grade_unit(line.unit):
        return None
    others = AgencyYear.objects.filter(agency_id=agency_year.agency_id).exclude(pk=agency_year.pk).defer("published")
    loaded = store.load_many(list(others), previous=False, indicators=[line.indicator_id])
    history: dict[int, core.Line] = {}
    for year in loaded.values():
        found = year.line(line.indicator_id)
        if found is not None and not found.unused and found.unit == line.unit and found.realisasi.is_number:
            history[year.year] = found
    bounds = suggest([history[y].realisasi.number for y in sorted(history)])
    return Suggestion(bounds, tuple(sorted(history))) if bounds else None
