"""Batas wajar suggested from history (kinerja.core.bounds.suggest): on one indicator's form, and for a whole
region at once, as DHIS2's min-max value generation: the region's admins set the suggested ranges of the
indicators they tick, each through the one write path (store.apply, audited with origin ``bounds``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from kinerja.core import year as core
from kinerja.core.bounds import Bounds, suggest
from kinerja.core.grades import is_grade_unit
from kinerja.core.workflow import Refused

from . import store
from .access import is_admin
from .models import AgencyYear, Region
from .outliers import Series, region_series

METHOD = "median ± 3 × MAD ÷ 0,6745"


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


@dataclass(frozen=True, slots=True)
class Proposal:
    """A range suggested for one indicator of the region that has none yet."""

    indicator_id: int
    agency: str
    name: str
    unit: str
    bounds: Bounds
    years: tuple[int, ...]
    series: Series

    @property
    def editable(self) -> AgencyYear | None:
        return self.series.editable


@dataclass
class Proposals:
    proposals: list[Proposal]
    bounded: int = 0  # indicators that have a range already
    short: int = 0  # indicators with too few yearly figures (fewer than three) or figures that do not vary


def region_proposals(region: Region) -> Proposals:
    """For every indicator of the region without a range, the range suggested from all its yearly
    realisations in its newest unit. Five queries, whatever the number of agencies and years."""
    newest: dict[int, tuple[str, Series]] = {}
    for (indicator_id, unit), kept in region_series(region, quarterly=False).items():
        if indicator_id not in newest or kept.last_year > newest[indicator_id][1].last_year:
            newest[indicator_id] = (unit, kept)
    out = Proposals([])
    for indicator_id, (unit, kept) in newest.items():
        if kept.bounds:
            out.bounded += 1
            continue
        bounds = suggest([p.value for p in kept.points])
        if bounds is None:
            out.short += 1
            continue
        years = tuple(sorted({p.year for p in kept.points}))
        out.proposals.append(Proposal(indicator_id, kept.agency, kept.name, unit, bounds, years, kept))
    out.proposals.sort(key=lambda p: (p.agency, p.name, p.indicator_id))
    return out


def apply_proposals(user, region: Region, indicator_ids: set[int]) -> tuple[list[str], list[str]]:
    """Set the suggested range of each ticked indicator (suggested again now, never taken from the request)
    in the latest draft or returned year that has it: one write per agency year, all its ranges at once;
    when that write is refused (someone changed an indicator's settings since), each of its indicators is
    tried alone, so one stale indicator leaves the others. Returns what was set and what not, each with its
    reason. Admins of the region only."""
    if not is_admin(user, region.pk):
        raise PermissionDenied("Batas wajar dari usulan ditetapkan oleh admin pemerintah daerah ini.")
    proposals = {p.indicator_id: p for p in region_proposals(region).proposals}
    done: list[str] = []
    skipped: list[str] = []
    by_year: dict[int, list[Proposal]] = {}
    for indicator_id in sorted(indicator_ids):
        proposal = proposals.get(indicator_id)
        if proposal is None:
            skipped.append(f"Indikator #{indicator_id}: sudah memiliki batas wajar atau tidak ada usulan.")
        elif proposal.editable is None:
            skipped.append(
                f"{_who(proposal)}: tidak ada tahun draf atau dikembalikan yang memuatnya; buka tahun berikutnya dulu."
            )
        else:
            by_year.setdefault(proposal.editable.pk, []).append(proposal)
    for group in by_year.values():
        try:
            _set(user, group)
        except Refused:
            for proposal in group:
                try:
                    _set(user, [proposal])
                except Refused as exc:
                    skipped.append(f"{_who(proposal)}: {exc}")
                else:
                    done.append(f"{_who(proposal)}: {proposal.bounds.text()}")
        else:
            done.extend(f"{_who(p)}: {p.bounds.text()}" for p in group)
    return done, skipped


def _who(proposal: Proposal) -> str:
    return f"'{proposal.name}' ({proposal.agency})"


def _set(user, group: list[Proposal]) -> None:
    """The suggested ranges of ``group`` (indicators of one agency year), in one write."""
    changes = []
    for p in group:
        seen = p.series.bounds_version
        changes.append(core.SetInfo(p.indicator_id, "plausible_min", p.bounds.lower, seen_version=seen))
        changes.append(core.SetInfo(p.indicator_id, "plausible_max", p.bounds.upper, seen_version=seen))
    years = sorted({year for p in group for year in p.years})
    comment = f"Usulan dari realisasi tahun {', '.join(map(str, years))} ({METHOD})."
    store.apply(user, group[0].editable, changes, origin="bounds", comment=comment)
