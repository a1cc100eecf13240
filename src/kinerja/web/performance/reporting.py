"""Report data from the database: an agency's year as kinerja.reports.data, with a constant
number of queries. Every figure comes from kinerja.core (through the selectors)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import prefetch_related_objects
from django.utils import timezone

from kinerja.core.values import stored_value
from kinerja.core.year import Signatory
from kinerja.reports.data import AgencyYearData, Approval, BudgetLine, Line, Person

from . import approvals, lkjip, selectors, store
from .access import visible_years_q
from .models import AgencyYear, EndTarget, FormerHead, Official


def person(official: Official | FormerHead | Signatory | None, fallback_title: str = "") -> Person | None:
    """Who signs as a report names them (an official, a former head of region, or a year's signature block
    as signed), the title falling back when none is recorded."""
    if official is None:
        return None
    return Person(name=official.name, title=official.title or fallback_title, rank=official.rank, nip=official.nip)


def agency_year_data(agency_year: AgencyYear, user, view=None) -> AgencyYearData:
    return agency_years_data([agency_year], user, {agency_year.pk: view} if view is not None else None)[0]


def agency_years_data(agency_years, user, views: dict | None = None) -> list[AgencyYearData]:
    """Report data of each year (a region's book: every agency's) in a constant number of queries."""
    agency_years = list(agency_years)
    # the agency's and the region's names and the head of region printed that year
    prefetch_related_objects(
        [ay.agency for ay in agency_years], "former_names", "region__former_names", "region__head",
        "region__former_heads",
    )  # fmt: skip
    views = dict(views or {})
    missing = [ay for ay in agency_years if ay.pk not in views]
    views.update(selectors.agency_year_views(missing, user) if missing else {})
    wanted = {(ay.agency_id, y) for ay in agency_years for y in views[ay.pk].years if y != ay.year}
    earlier = [
        ay
        for ay in AgencyYear.objects.filter(agency__in={a for a, _ in wanted}, year__in={y for _, y in wanted}).defer(
            "published"
        )
        if (ay.agency_id, ay.year) in wanted
    ]
    loaded = store.load_visible(user, earlier, previous=False)
    others: dict[int, dict[int, object]] = defaultdict(dict)
    for ay in earlier:
        others[ay.agency_id][ay.year] = loaded[ay.pk]
    ids = [line.indicator_id for view in views.values() for line in view.year.lines]
    ends: dict[int, list[EndTarget]] = defaultdict(list)
    for end in EndTarget.objects.filter(indicator_id__in=ids).select_related("plan"):
        ends[end.indicator_id].append(end)
    agreements = _agreements_in_force(agency_years)
    out = [_data(ay, views[ay.pk], others[ay.agency_id], ends) for ay in agency_years]
    words = lkjip.narratives(user, agency_years)
    steps = approvals.trails(user, agency_years)
    for ay, data in zip(agency_years, out, strict=True):
        data.agreement = agreements.get((ay.agency_id, ay.year), "")
        data.narrative = words[ay.pk]
        data.approvals = [Approval(label=s.label, who=s.who, on=timezone.localtime(s.at).date()) for s in steps[ay.pk]]
    return out


def _agreements_in_force(agency_years) -> dict[tuple[int, int], str]:
    """Which signed PK of the head of agency each year is measured against (one query)."""
    from kinerja.reports.build import indonesian_date

    from .models import Agreement

    wanted = {(ay.agency_id, ay.year) for ay in agency_years}
    found = {}
    for a in Agreement.objects.filter(
        agency__in={a for a, _ in wanted}, year__in={y for _, y in wanted}, level=2, status=Agreement.Status.SIGNED
    ).order_by("version"):
        kind = "Perjanjian Kinerja Perubahan" if a.version > 1 else "Perjanjian Kinerja"
        found[(a.agency_id, a.year)] = (
            f"{kind} nomor {a.number}, versi {a.version}, ditandatangani {indonesian_date(a.signed_on)}"
        )
    return found


def _data(agency_year: AgencyYear, view, others: dict, ends: dict) -> AgencyYearData:
    agency = agency_year.agency
    year = view.year
    end_targets = {}
    for line in year.lines:
        for end in ends.get(line.indicator_id, ()):
            if end.plan.start_year <= year.year <= end.plan.end_year:
                end_targets[line.indicator_id] = end
    history_years: set[int] = set()
    lines = []
    unused = []
    for row in (row for group in view.groups for row in group.rows):
        line = row.line
        if line.unused:
            unused.append((line.name, line.unused))
            continue
        history = {}
        series = {year.year: line}
        for other_year, other in sorted(others.items()):
            other_line = other.line(line.indicator_id)
            if other_line is None:
                continue
            series[other_year] = other_line
            if other_year < year.year:
                history[other_year] = (other_line.realisasi, other_line.capaian)
                history_years.add(other_year)
        end = end_targets.get(line.indicator_id)
        progress, progress_years, target_akhir = None, (), None
        if end is not None:
            target_akhir = stored_value(end.value, end.raw, line.unit or None)
            progress_years = tuple(y for y in sorted(series) if end.plan.start_year <= y <= year.year)
            progress = selectors.renstra_progress([series[y] for y in progress_years], end)
        lines.append(
            Line(
                sasaran=row.sasaran,
                name=row.reported.name if row.reported else line.name,
                target=row.target,
                realisasi=row.realisasi,
                achievement=row.capaian,
                band=row.band,
                history=history,
                target_akhir=target_akhir,
                progress=progress,
                progress_years=progress_years,
                unit=line.unit,
                is_iku=line.is_iku,
                definition=line.definition,
                data_source=line.data_source,
                responsible=line.responsible,
                direction=line.direction,
                standard=line.standard,
                standard_source=line.standard_source,
            )
        )
    budget = None
    raw = ("", "")
    programs = []
    b = year.budget
    if b.anggaran.value is not None or b.realisasi.value is not None or b.anggaran.raw or b.items:
        budget = BudgetLine(label="Jumlah anggaran kegiatan", anggaran=b.anggaran.value, realisasi=b.realisasi.value)
        raw = (b.anggaran.raw, b.realisasi.raw)
        programs = [
            BudgetLine(
                label=f"{item.program} — {item.kegiatan}" if item.kegiatan else item.program,
                anggaran=item.anggaran,
                realisasi=item.realisasi,
                sasaran=item.sasaran or None,
            )
            for item in b.items
        ]
    end_years = {e.plan.end_year for e in end_targets.values()}
    region = agency.region
    return AgencyYearData(
        region=region.name_in(year.year),
        agency=agency.name_in(year.year),
        year=year.year,
        lines=lines,
        budget=budget,
        budget_raw=raw,
        programs=programs,
        signatory=person(year.signatory, f"Kepala {agency.name_in(year.year)}"),
        superior=person(region.head_in(year.year)),
        place=year.signatory.place if year.signatory else agency_year.signed_place,
        signed_on=year.signatory.date if year.signatory else agency_year.signed_on,
        end_year=max(end_years) if end_years else None,
        history_years=sorted(history_years),
        cap=year.cap,
        bands=year.bands,
        unused=unused,
        differs=sum(1 for group in view.groups for row in group.rows if row.agreement in ("mismatch", "rounding")),
        status=str(agency_year.get_status_display()),
    )


def region_year_data(region, year: int, user) -> list[AgencyYearData]:
    years = (
        AgencyYear.objects.filter(agency__region=region, year=year)
        .filter(visible_years_q(user))
        .select_related("agency__region", "signatory")
        .order_by("agency__name")
        .defer("published")
    )
    return agency_years_data(years, user)
