"""Report data from the database: an agency's year as kinerja.reports.data, with a constant
number of queries. Every figure comes from kinerja.core (through the selectors)."""

from __future__ import annotations

from collections import defaultdict

from kinerja.core import achievement as rules
from kinerja.core.model import Cumulation, Direction
from kinerja.core.values import stored_value
from kinerja.reports.data import AgencyYearData, BudgetLine, Line, Person

from . import selectors
from .access import visible_years_q
from .models import AgencyYear, BudgetItem, EndTarget, Official, Realisation, Target


def _person(official: Official | None, fallback_title: str = "") -> Person | None:
    if official is None:
        return None
    return Person(name=official.name, title=official.title or fallback_title, rank=official.rank, nip=official.nip)


def agency_year_data(agency_year: AgencyYear, user) -> AgencyYearData:
    agency, year = agency_year.agency, agency_year.year
    view = selectors.agency_year_view(agency_year, user)
    rows = [row for group in view.groups for row in group.rows]
    ids = [row.indicator.id for row in rows]
    visible = set(view.years)
    targets = defaultdict(dict)
    for indicator_id, target_year, value, raw in Target.objects.filter(indicator_id__in=ids).values_list(
        "indicator_id", "year", "value", "raw"
    ):
        if target_year in visible:
            targets[indicator_id][target_year] = (value, raw)
    index = selectors.realisation_index(Realisation.objects.filter(indicator_id__in=ids))
    end_targets = {}
    for end in EndTarget.objects.filter(
        indicator_id__in=ids, plan__start_year__lte=year, plan__end_year__gte=year
    ).select_related("plan"):
        end_targets[end.indicator_id] = end
    history_years: set[int] = set()
    lines = []
    for row in rows:
        indicator = row.indicator
        unit = indicator.unit or None
        history = {}
        realised = {}
        for other_year, (value, raw) in sorted(targets[indicator.id].items()):
            realisasi = index.value(indicator.id, other_year, indicator.cumulation, unit)
            realised[other_year] = realisasi
            if other_year < year:
                achieved, _ = selectors.compute(stored_value(value, raw, unit), realisasi, indicator.direction)
                history[other_year] = (realisasi, achieved)
                history_years.add(other_year)
        end = end_targets.get(indicator.id)
        progress, progress_years, target_akhir = None, (), None
        if end is not None:
            target_akhir = stored_value(end.value, end.raw, unit)
            progress_years = tuple(y for y in sorted(realised) if end.plan.start_year <= y <= year)
            progress = rules.renstra_progress(
                realisasi=[realised[y] for y in progress_years],
                target_akhir=target_akhir,
                direction=Direction(indicator.direction),
                cumulation=Cumulation(indicator.cumulation),
            )
        lines.append(
            Line(
                sasaran=row.sasaran,
                name=row.reported.name if row.reported else indicator.name,
                target=row.target,
                realisasi=row.realisasi,
                achievement=row.capaian,
                band=row.band,
                history=history,
                target_akhir=target_akhir,
                progress=progress,
                progress_years=progress_years,
            )
        )
    budget = None
    raw = ("", "")
    programs = []
    if view.budget is not None:
        b = view.budget
        budget = BudgetLine(label="Jumlah anggaran kegiatan", anggaran=b.anggaran, realisasi=b.realisasi)
        raw = (b.anggaran_raw, b.realisasi_raw)
        programs = [
            BudgetLine(
                label=f"{item.program} — {item.kegiatan}" if item.kegiatan else item.program,
                anggaran=item.anggaran,
                realisasi=item.realisasi,
                sasaran=item.sasaran.name if item.sasaran else None,
            )
            for item in BudgetItem.objects.filter(budget=b).select_related("sasaran").order_by("id")
        ]
    end_years = {e.plan.end_year for e in end_targets.values()}
    region = agency.region
    return AgencyYearData(
        region=region.name,
        agency=agency.name,
        year=year,
        lines=lines,
        budget=budget,
        budget_raw=raw,
        programs=programs,
        signatory=_person(agency_year.signatory, f"Kepala {agency.name}"),
        superior=_person(Official.objects.filter(pk=region.head_id).first()) if region.head_id else None,
        place=agency_year.signed_place,
        signed_on=agency_year.signed_on,
        end_year=max(end_years) if end_years else None,
        history_years=sorted(history_years),
        cap=selectors.capaian_cap(),
    )


def region_year_data(region, year: int, user) -> list[AgencyYearData]:
    years = (
        AgencyYear.objects.filter(agency__region=region, year=year)
        .filter(visible_years_q(user))
        .select_related("agency__region", "signatory")
        .order_by("agency__name")
    )
    return [agency_year_data(agency_year, user) for agency_year in years]
