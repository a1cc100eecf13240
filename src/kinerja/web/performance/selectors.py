"""Reads for the pages. Every figure is computed by kinerja.core; query counts stay constant."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count

from kinerja.core import achievement as rules
from kinerja.core.achievement import Band
from kinerja.core.model import Achievement, Cumulation, Direction
from kinerja.core.reconcile import compare
from kinerja.core.values import Value, stored_value

from .access import visible_years_q
from .models import (
    Agency,
    AgencyYear,
    Budget,
    EndTarget,
    FindingRecord,
    Indicator,
    IndicatorName,
    Realisation,
    Region,
    ReportedFigure,
    Target,
)

OPEN_SEVERITIES = ("error", "warning")
BAND_CODES = [band.code for band in rules.PERMENDAGRI_BANDS]


def year_realisation(year_row: tuple | None, quarters: dict[int, tuple], cumulation: str, unit: str | None) -> Value:
    """The year's realisation: the yearly figure, else derived from the quarters by the indicator's rule."""
    if year_row is not None and (year_row[0] is not None or year_row[1]):
        return stored_value(year_row[0], year_row[1], unit)
    if quarters:
        ordered = [quarters.get(q, (None, ""))[0] for q in (1, 2, 3, 4)]
        derived = rules.year_from_quarters(ordered, Cumulation(cumulation))
        if derived is not None:
            return stored_value(derived, "", unit)
    return stored_value(None, "", unit)


class RealisationIndex:
    """Realisations fetched in one query, looked up per indicator and year."""

    def __init__(self, realisations):
        self.years: dict[tuple[int, int], tuple] = {}
        self.quarters: dict[tuple[int, int], dict[int, tuple]] = defaultdict(dict)
        for indicator_id, year, quarter, value, raw in realisations:
            if quarter == Realisation.YEAR:
                self.years[(indicator_id, year)] = (value, raw)
            else:
                self.quarters[(indicator_id, year)][quarter] = (value, raw)

    def value(self, indicator_id: int, year: int, cumulation: str, unit: str | None) -> Value:
        return year_realisation(
            self.years.get((indicator_id, year)), self.quarters.get((indicator_id, year), {}), cumulation, unit
        )


def realisation_index(queryset) -> RealisationIndex:
    return RealisationIndex(queryset.values_list("indicator_id", "year", "quarter", "value", "raw"))


def compute(target: Value, realisasi: Value, direction: str) -> tuple[Achievement, Band | None]:
    achieved = rules.capaian(target=target, realisasi=realisasi, direction=Direction(direction))
    return achieved, rules.category(achieved.value)


def capaian_cap() -> Decimal | None:
    """The region's cap on capaian when averaging (KINERJA_CAPAIAN_CAP: empty, 100 or 120)."""
    cap = getattr(settings, "KINERJA_CAPAIAN_CAP", None)
    return Decimal(cap) if cap not in (None, "") else None


def mean(values: list[Decimal]) -> Decimal | None:
    return rules.average(values, cap=capaian_cap())


# --- region overview --------------------------------------------------------------------------


@dataclass
class AgencySummary:
    agency: Agency
    years: list[int] = field(default_factory=list)
    year: int | None = None
    average: Decimal | None = None
    bands: dict[str, int] = field(default_factory=dict)
    undefined: int = 0
    indicators: int = 0
    absorption: Decimal | None = None
    open_findings: int = 0
    errors: int = 0
    late: list[str] = field(default_factory=list)


def region_overview(region: Region, user) -> list[AgencySummary]:
    agencies = list(Agency.objects.filter(region=region).order_by("name"))
    visible = list(
        AgencyYear.objects.filter(agency__region=region).filter(visible_years_q(user)).values_list("agency_id", "year")
    )
    years_of: dict[int, list[int]] = defaultdict(list)
    for agency_id, year in sorted(visible):
        years_of[agency_id].append(year)
    latest = {agency_id: years[-1] for agency_id, years in years_of.items()}
    wanted = set(latest.items())
    targets = [
        t
        for t in Target.objects.filter(indicator__agency__region=region, year__in=set(latest.values())).values_list(
            "indicator_id",
            "indicator__agency_id",
            "year",
            "value",
            "raw",
            "indicator__direction",
            "indicator__cumulation",
            "indicator__unit",
        )
        if (t[1], t[2]) in wanted
    ]
    realised = realisation_index(
        Realisation.objects.filter(indicator__agency__region=region, year__in=set(latest.values()))
    )
    budgets = {
        (b.agency_id, b.year): b for b in Budget.objects.filter(agency__region=region, year__in=set(latest.values()))
    }
    findings = Counter()
    errors = Counter()
    visible_set = set(visible)
    for agency_id, year, severity, n in (
        FindingRecord.objects.filter(agency__region=region, resolved=False, severity__in=OPEN_SEVERITIES)
        .values_list("agency_id", "year", "severity")
        .annotate(n=Count("id"))
    ):
        if (agency_id, year) in visible_set:
            findings[agency_id] += n
            if severity == "error":
                errors[agency_id] += n
    per_agency: dict[int, list] = defaultdict(list)
    for indicator_id, agency_id, year, value, raw, direction, cumulation, unit in targets:
        realisasi = realised.value(indicator_id, year, cumulation, unit)
        per_agency[agency_id].append(compute(stored_value(value, raw, unit), realisasi, direction))
    from .windows import late_agencies

    late = late_agencies(region)
    summaries = []
    for agency in agencies:
        summary = AgencySummary(agency=agency, years=years_of.get(agency.id, []), year=latest.get(agency.id))
        computed = per_agency.get(agency.id, [])
        summary.indicators = len(computed)
        summary.bands = {code: 0 for code in BAND_CODES}
        values = []
        for achieved, band in computed:
            if band is None:
                summary.undefined += 1
            else:
                summary.bands[band.code] += 1
                values.append(achieved.value)
        summary.average = mean(values)
        budget = budgets.get((agency.id, summary.year))
        summary.absorption = budget.absorption if budget else None
        summary.open_findings = findings[agency.id]
        summary.errors = errors[agency.id]
        summary.late = late.get(agency.id, [])
        summaries.append(summary)
    return summaries


# --- agency year ------------------------------------------------------------------------------


@dataclass
class FormRow:
    indicator: Indicator
    sasaran_id: int
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
    groups: list[FormGroup]
    budget: Budget | None
    document_findings: list[FindingRecord]
    average: Decimal | None
    years: list[int]
    finding_counts: dict[str, int]
    undefined_notes: list[FormRow]


def _agreement(reported: ReportedFigure | None, achieved: Achievement) -> str | None:
    if reported is None or reported.capaian is None or achieved.value is None:
        return None
    return compare(reported=reported.capaian, decimals=reported.capaian_decimals, computed=achieved.value).value


def agency_year_view(agency_year: AgencyYear, user) -> AgencyYearView:
    agency, year = agency_year.agency, agency_year.year
    targets = list(
        Target.objects.filter(indicator__agency=agency, year=year)
        .select_related("indicator", "sasaran")
        .order_by("position", "id")
    )
    ids = [t.indicator_id for t in targets]
    realised = realisation_index(Realisation.objects.filter(indicator_id__in=ids, year=year))
    reported = {}
    for figure in ReportedFigure.objects.filter(
        indicator_id__in=ids, year=year, table__kind="pengukuran_kinerja"
    ).order_by("table__file__imported_at", "id"):
        reported[figure.indicator_id] = figure  # the latest imported form wins
    findings = list(
        FindingRecord.objects.filter(agency=agency, year=year, resolved=False)
        .select_related("figure", "table")
        .order_by("table__index", "figure__row", "id")
    )
    by_indicator: dict[int, list[FindingRecord]] = defaultdict(list)
    document_findings = []
    for finding in findings:
        if finding.figure_id is not None and finding.table.kind == "pengukuran_kinerja":
            by_indicator[finding.figure.indicator_id].append(finding)
        elif finding.figure_id is None:
            document_findings.append(finding)
    groups: list[FormGroup] = []
    all_values = []
    undefined = []
    for target in targets:
        indicator = target.indicator
        unit = indicator.unit or None
        realisasi = realised.value(indicator.id, year, indicator.cumulation, unit)
        achieved, band = compute(stored_value(target.value, target.raw, unit), realisasi, indicator.direction)
        figure = reported.get(indicator.id)
        row = FormRow(
            indicator=indicator,
            sasaran_id=target.sasaran_id,
            sasaran=target.sasaran.name,
            target=stored_value(target.value, target.raw, unit),
            realisasi=realisasi,
            capaian=achieved,
            band=band,
            reported=figure,
            agreement=_agreement(figure, achieved),
            findings=by_indicator.get(indicator.id, []),
        )
        if not achieved.defined:
            undefined.append(row)
        if groups and groups[-1].sasaran == row.sasaran:
            groups[-1].rows.append(row)
        else:
            groups.append(FormGroup(sasaran=row.sasaran, rows=[row], average=None))
    for group in groups:
        values = [r.capaian.value for r in group.rows if r.capaian.defined]
        group.average = mean(values)
        all_values.extend(values)
    years = sorted(
        AgencyYear.objects.filter(agency=agency).filter(visible_years_q(user)).values_list("year", flat=True)
    )
    counts = Counter(f.severity for f in findings)
    return AgencyYearView(
        agency_year=agency_year,
        groups=groups,
        budget=Budget.objects.filter(agency=agency, year=year).first(),
        document_findings=document_findings,
        average=mean(all_values),
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
    points: list[YearPoint]
    names: list[tuple[int, str]]
    progress: list[RenstraProgress]
    findings: list[FindingRecord]


def indicator_view(indicator: Indicator, user) -> IndicatorView:
    visible = set(
        AgencyYear.objects.filter(agency_id=indicator.agency_id)
        .filter(visible_years_q(user))
        .values_list("year", flat=True)
    )
    unit = indicator.unit or None
    targets = [t for t in Target.objects.filter(indicator=indicator).order_by("year") if t.year in visible]
    index = realisation_index(Realisation.objects.filter(indicator=indicator))
    names = {n.year: n.name for n in IndicatorName.objects.filter(indicator=indicator) if n.year in visible}
    figures = {}
    renstra_figures = {}
    for figure in ReportedFigure.objects.filter(indicator=indicator).select_related("table").order_by("id"):
        if figure.year not in visible:
            continue
        if figure.table.kind == "pengukuran_kinerja":
            figures[figure.year] = figure
        else:
            renstra_figures[figure.year] = figure
    points = []
    realised: dict[int, Value] = {}
    for target in targets:
        realisasi = index.value(indicator.id, target.year, indicator.cumulation, unit)
        realised[target.year] = realisasi
        target_value = stored_value(target.value, target.raw, unit)
        achieved, band = compute(target_value, realisasi, indicator.direction)
        figure = figures.get(target.year) or renstra_figures.get(target.year)
        points.append(
            YearPoint(
                year=target.year,
                name=names.get(target.year, indicator.name),
                target=target_value,
                realisasi=realisasi,
                capaian=achieved,
                band=band,
                reported=figure,
                agreement=_agreement(figure, achieved),
            )
        )
    progress = []
    for end in EndTarget.objects.filter(indicator=indicator).select_related("plan").order_by("plan__start_year"):
        plan = end.plan
        years = [y for y in sorted(realised) if plan.start_year <= y <= plan.end_year]
        if not years:
            continue
        achievement = rules.renstra_progress(
            realisasi=[realised[y] for y in years],
            target_akhir=stored_value(end.value, end.raw, unit),
            direction=Direction(indicator.direction),
            cumulation=Cumulation(indicator.cumulation),
        )
        figure = renstra_figures.get(years[-1])
        progress.append(
            RenstraProgress(
                plan=plan,
                end_target=stored_value(end.value, end.raw, unit),
                achievement=achievement,
                reported=figure.capaian_akhir_raw if figure else None,
                years=years,
            )
        )
    findings = list(
        FindingRecord.objects.filter(figure__indicator=indicator, resolved=False, year__in=visible)
        .select_related("figure")
        .order_by("year", "id")
    )
    return IndicatorView(
        indicator=indicator,
        points=points,
        names=sorted(names.items()),
        progress=progress,
        findings=findings,
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
