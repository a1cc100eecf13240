"""Reads for the pages. Every figure comes from a kinerja.core.year.Year loaded by store.py;
query counts stay constant."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from kinerja.core import achievement as rules
from kinerja.core.achievement import meets_standard
from kinerja.core.categories import PERMENDAGRI_BANDS, Band, describe_scale, is_permendagri, scale_sentence
from kinerja.core.model import Achievement, Cumulation, Direction
from kinerja.core.reconcile import compare
from kinerja.core.values import Value, stored_value
from kinerja.core.year import Line
from kinerja.core.year import live_findings as core_live_findings

from . import store
from .access import visible_years_q
from .models import (
    Agency,
    AgencyYear,
    EndTarget,
    FindingRecord,
    Indicator,
    Region,
    ReportedFigure,
)

OPEN_SEVERITIES = ("error", "warning")

# --- region overview --------------------------------------------------------------------------


@dataclass
class AgencySummary:
    agency: Agency
    years: list[int] = field(default_factory=list)
    year: int | None = None
    average: Decimal | None = None
    bands: list[tuple[Band, int]] = field(default_factory=list)  # lines per category, in the overview's columns
    counts: Counter = field(default_factory=Counter)  # lines per category code, on the year's own scale
    scale: tuple[Band, ...] = ()  # the scale of the year shown
    undefined: int = 0
    indicators: int = 0
    absorption: Decimal | None = None
    open_findings: int = 0
    errors: int = 0
    late: list[str] = field(default_factory=list)


def region_overview(region: Region, user) -> list[AgencySummary]:
    agencies = list(Agency.objects.filter(region=region).order_by("name"))
    visible = list(AgencyYear.objects.filter(agency__region=region).filter(visible_years_q(user)).defer("published"))
    years_of: dict[int, list[int]] = defaultdict(list)
    latest: dict[int, AgencyYear] = {}
    for ay in sorted(visible, key=lambda a: a.year):
        years_of[ay.agency_id].append(ay.year)
        latest[ay.agency_id] = ay
    loaded = store.load_visible(user, latest.values(), previous=False)
    findings = Counter()
    errors = Counter()
    visible_set = {(ay.agency_id, ay.year) for ay in visible}
    for agency_id, year, severity, n in (
        FindingRecord.objects.filter(agency__region=region, resolved=False, severity__in=OPEN_SEVERITIES)
        .values_list("agency_id", "year", "severity")
        .annotate(n=Count("id"))
    ):
        if (agency_id, year) in visible_set:
            findings[agency_id] += n
            if severity == "error":
                errors[agency_id] += n
    from .windows import late_agencies

    late = late_agencies(region)
    summaries = []
    for agency in agencies:
        ay = latest.get(agency.id)
        summary = AgencySummary(agency=agency, years=years_of.get(agency.id, []), year=ay.year if ay else None)
        if ay is not None:
            year = loaded[ay.pk]
            summary.indicators = len(year.used_lines)
            summary.scale = year.bands
            for line in year.used_lines:
                band = line.band
                if band is None:
                    summary.undefined += 1
                else:
                    summary.counts[band.code] += 1
            summary.average = year.average()
            summary.absorption = year.budget.absorption
        summary.open_findings = findings[agency.id]
        summary.errors = errors[agency.id]
        summary.late = late.get(agency.id, [])
        summaries.append(summary)
    return summaries


@dataclass(frozen=True)
class ScaleUsed:
    """A category scale the overview's years were categorised on, and which of them."""

    bands: tuple[Band, ...]
    years: tuple[int, ...]

    @property
    def described(self) -> str:
        return describe_scale(self.bands)

    @property
    def is_permendagri(self) -> bool:
        return is_permendagri(self.bands)


def overview_columns(summaries: list[AgencySummary]) -> tuple[list[Band], list[ScaleUsed]]:
    """The overview's category columns and the scales behind them. Each agency's lines keep the category
    of their own year's scale; when the years shown were categorised on different scales (the region
    changed its scale), the columns are every category of them, the newest scale's first, and each
    summary's ``bands`` is filled in those columns."""
    years_of: dict[tuple[Band, ...], set[int]] = defaultdict(set)
    for summary in summaries:
        if summary.year is not None:
            years_of[summary.scale].add(summary.year)
    used = sorted(years_of.items(), key=lambda item: max(item[1]), reverse=True)
    columns: dict[str, Band] = {}
    for bands, _ in used or [(PERMENDAGRI_BANDS, set())]:
        for band in bands:
            columns.setdefault(band.code, band)
    for summary in summaries:
        summary.bands = [(band, summary.counts[band.code]) for band in columns.values()]
    return list(columns.values()), [ScaleUsed(bands, tuple(sorted(years))) for bands, years in used]


# --- agency year ------------------------------------------------------------------------------


@dataclass
class FormRow:
    line: Line
    indicator_id: int
    name: str
    sasaran: str
    target: Value
    realisasi: Value
    capaian: Achievement
    band: Band | None
    reported: ReportedFigure | None
    agreement: str | None
    findings: list[FindingRecord] = field(default_factory=list)

    @property
    def open_findings(self) -> list[FindingRecord]:
        return [f for f in self.findings if f.severity != "info"]

    @property
    def info_findings(self) -> list[FindingRecord]:
        return [f for f in self.findings if f.severity == "info"]


@dataclass
class FormGroup:
    sasaran: str
    rows: list[FormRow]
    average: Decimal | None

    @property
    def span(self) -> int:
        """Table rows the group takes: one per indicator, one more under each with findings."""
        return len(self.rows) + sum(1 for row in self.rows if row.findings)


@dataclass
class AgencyYearView:
    agency_year: AgencyYear
    year: object  # kinerja.core.year.Year
    groups: list[FormGroup]
    budget: object  # kinerja.core.year.Budget
    document_findings: list[FindingRecord]
    average: Decimal | None
    years: list[int]
    finding_counts: dict[str, int]
    undefined_notes: list[FormRow]

    @property
    def average_band(self) -> Band | None:
        return self.year.band(self.average)

    @property
    def scale(self) -> str:
        """Which scale the categories are on, as a report's note says it."""
        return scale_sentence(self.year.bands)


def _agreement(reported: ReportedFigure | None, achieved: Achievement) -> str | None:
    if reported is None or reported.capaian is None or achieved.value is None:
        return None
    return compare(reported=reported.capaian, decimals=reported.capaian_decimals, computed=achieved.value).value


def agency_year_view(agency_year: AgencyYear, user, year=None) -> AgencyYearView:
    return agency_year_views([agency_year], user, {agency_year.pk: year} if year is not None else None)[agency_year.pk]


def agency_year_views(agency_years, user, years: dict | None = None) -> dict[int, AgencyYearView]:
    """The form view of each year (a region's book: every agency's), in a constant number of queries.
    ``years`` gives core Years already loaded, by AgencyYear id."""
    agency_years = list(agency_years)
    loaded = dict(years or {})
    missing = [ay for ay in agency_years if ay.pk not in loaded]
    loaded.update(store.load_visible(user, missing) if missing else {})
    ids = [line.indicator_id for ay in agency_years for line in loaded[ay.pk].lines]
    wanted_years = {ay.year for ay in agency_years}
    reported: dict[tuple[int, int], ReportedFigure] = {}
    for figure in ReportedFigure.objects.filter(
        indicator_id__in=ids, year__in=wanted_years, table__kind="pengukuran_kinerja"
    ).order_by("table__file__imported_at", "id"):
        reported[(figure.indicator_id, figure.year)] = figure  # the latest imported form wins
    findings: dict[tuple[int, int], list[FindingRecord]] = defaultdict(list)
    for finding in (
        FindingRecord.objects.filter(agency__in={ay.agency_id for ay in agency_years}, year__in=wanted_years)
        .filter(resolved=False)
        .select_related("figure", "table")
        .order_by("table__index", "figure__row", "id")
    ):
        findings[(finding.agency_id, finding.year)].append(finding)
    visible_years: dict[int, list[int]] = defaultdict(list)
    for agency_id, year in (
        AgencyYear.objects.filter(agency__in={ay.agency_id for ay in agency_years})
        .filter(visible_years_q(user))
        .order_by("year")
        .values_list("agency_id", "year")
    ):
        visible_years[agency_id].append(year)
    return {
        ay.pk: _view(ay, loaded[ay.pk], reported, findings[(ay.agency_id, ay.year)], visible_years[ay.agency_id])
        for ay in agency_years
    }


def _view(agency_year, year, reported, findings, years) -> AgencyYearView:
    by_indicator: dict[int, list[FindingRecord]] = defaultdict(list)
    document_findings = []
    for finding in findings:
        if finding.figure_id is not None and finding.table.kind == "pengukuran_kinerja":
            by_indicator[finding.figure.indicator_id].append(finding)
        elif finding.figure_id is None:
            document_findings.append(finding)
    groups: list[FormGroup] = []
    undefined = []
    for group in year.groups():
        rows = []
        for line in group.lines:
            achieved = line.capaian
            figure = reported.get((line.indicator_id, year.year))
            row = FormRow(
                line=line,
                indicator_id=line.indicator_id,
                name=line.name,
                sasaran=line.sasaran,
                target=line.target,
                realisasi=line.realisasi,
                capaian=achieved,
                band=line.band,
                reported=figure,
                agreement=_agreement(figure, achieved),
                findings=by_indicator.get(line.indicator_id, []),
            )
            if not achieved.defined and not line.unused:
                undefined.append(row)
            rows.append(row)
        groups.append(FormGroup(sasaran=group.sasaran, rows=rows, average=group.average))
    counts = Counter(f.severity for f in findings)
    return AgencyYearView(
        agency_year=agency_year,
        year=year,
        groups=groups,
        budget=year.budget,
        document_findings=document_findings,
        average=year.average(),
        years=years,
        finding_counts={s: counts.get(s, 0) for s in ("error", "warning", "info")},
        undefined_notes=undefined,
    )


# --- indicator history ------------------------------------------------------------------------


@dataclass
class YearPoint:
    year: int
    name: str
    target: Value
    realisasi: Value
    capaian: Achievement
    band: Band | None
    reported: ReportedFigure | None
    agreement: str | None
    quarters: tuple = ()  # kinerja.core.year.QuarterPoint of each quarter with a figure
    standard: Value | None = None  # the national standard the year compared with, if any
    meets_standard: bool | None = None  # kinerja.core.achievement.meets_standard


@dataclass
class RenstraProgress:
    plan: object
    end_target: Value
    achievement: Achievement
    reported: str | None
    years: list[int]


@dataclass
class IndicatorView:
    indicator: Indicator
    name: str
    unit: str
    direction: Direction | None
    cumulation: Cumulation | None
    points: list[YearPoint]
    names: list[tuple[int, str]]
    progress: list[RenstraProgress]
    findings: list[FindingRecord]
    latest: Line | None = None  # the latest year the person may read: its description is the one shown
    definitions: list[tuple[int, str]] = field(default_factory=list)  # per year, when they differ

    @property
    def standard(self) -> Value | None:
        """The latest year's national standard (its source: ``latest.standard_source``)."""
        return _standard(self.latest) if self.latest else None

    @property
    def definition_changed(self) -> bool:
        return len({text for _, text in self.definitions}) > 1

    @property
    def has_standard(self) -> bool:
        return any(point.standard is not None for point in self.points)


def indicator_view(indicator: Indicator, user) -> IndicatorView:
    """An indicator's series over the years its agency shows ``user``, found by its id."""
    visible = list(
        AgencyYear.objects.filter(agency_id=indicator.agency_id).filter(visible_years_q(user)).defer("published")
    )
    loaded = store.load_visible(user, visible, previous=False, indicators=[indicator.id])
    lines: dict[int, Line] = {}
    for ay in visible:
        line = loaded[ay.pk].line(indicator.id)
        if line is not None:
            lines[ay.year] = line
    figures = {}
    renstra_figures = {}
    for figure in (
        ReportedFigure.objects.filter(indicator=indicator, year__in=list(lines)).select_related("table").order_by("id")
    ):
        if figure.table.kind == "pengukuran_kinerja":
            figures[figure.year] = figure
        else:
            renstra_figures[figure.year] = figure
    points = []
    for year, line in sorted(lines.items()):
        figure = figures.get(year) or renstra_figures.get(year)
        achieved = line.capaian
        points.append(
            YearPoint(
                year=year,
                name=line.name,
                target=line.target,
                realisasi=line.realisasi,
                capaian=achieved,
                band=line.band,
                reported=figure,
                agreement=_agreement(figure, achieved),
                quarters=line.quarter_progress(),
                standard=_standard(line),
                meets_standard=meets_standard(line.realisasi, line.standard, line.direction),
            )
        )
    latest = lines[max(lines)] if lines else None
    progress = []
    for end in EndTarget.objects.filter(indicator=indicator).select_related("plan").order_by("plan__start_year"):
        plan = end.plan
        years = [y for y in sorted(lines) if plan.start_year <= y <= plan.end_year]
        if not years:
            continue
        unit = lines[years[-1]].unit or None
        progress.append(
            RenstraProgress(
                plan=plan,
                end_target=stored_value(end.value, end.raw, unit),
                achievement=renstra_progress([lines[y] for y in years], end),
                reported=renstra_figures[years[-1]].capaian_akhir_raw if years[-1] in renstra_figures else None,
                years=years,
            )
        )
    findings = list(
        FindingRecord.objects.filter(figure__indicator=indicator, resolved=False, year__in=list(lines))
        .select_related("figure")
        .order_by("year", "id")
    )
    return IndicatorView(
        indicator=indicator,
        name=latest.name if latest else "",
        unit=latest.unit if latest else "",
        direction=latest.direction if latest else None,
        cumulation=latest.cumulation if latest else None,
        points=points,
        names=[(year, line.name) for year, line in sorted(lines.items())],
        progress=progress,
        findings=findings,
        latest=latest,
        definitions=[(year, line.definition) for year, line in sorted(lines.items())],
    )


def _standard(line: Line) -> Value | None:
    return stored_value(line.standard, "", line.unit or None) if line.standard is not None else None


def renstra_progress(lines: list[Line], end) -> Achievement:
    """Progress toward an end target by the rule of the latest year's indicator (direction, cumulation)."""
    latest = lines[-1]
    return rules.renstra_progress(
        realisasi=[line.realisasi for line in lines],
        target_akhir=stored_value(end.value, end.raw, latest.unit or None),
        direction=Direction(latest.direction),
        cumulation=Cumulation(latest.cumulation),
    )


def import_findings(source_file) -> dict[str, list[FindingRecord]]:
    grouped: dict[str, list[FindingRecord]] = defaultdict(list)
    for finding in (
        FindingRecord.objects.filter(file=source_file)
        .select_related("figure__indicator", "table")
        .order_by("code", "table__index", "figure__row")
    ):
        grouped[finding.code].append(finding)
    order = {"error": 0, "warning": 1, "info": 2}
    return dict(sorted(grouped.items(), key=lambda item: (min(order[f.severity] for f in item[1]), item[0])))


# --- live findings of entered years -----------------------------------------------------------


@dataclass
class LiveFinding:
    code: str
    severity: str
    message: str
    indicator_id: int | None


def live_findings(agency_year: AgencyYear, view: AgencyYearView) -> list[LiveFinding]:
    """For a year that no imported form describes: every document check run on the stored figures,
    with the agency's earlier visible years (unit changes, jumps). Constant queries."""
    if any(row.reported for group in view.groups for row in group.rows):
        return []  # the imported form's own findings stand
    earlier = store.earlier_years(agency_year.agency_id, [y for y in view.years if y < agency_year.year])
    years = [*earlier, view.year]
    return [
        LiveFinding(f.code, f.severity.value, f.message, indicator_id) for f, indicator_id in core_live_findings(years)
    ]
