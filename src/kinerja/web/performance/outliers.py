"""Outlier detection over a region's figures (DHIS2's data-quality check), for its reviewers and admins.

Each indicator's realisations form one series per unit: its yearly figures (the year's realisation, entered
or made from the quarters by the indicator's rule) or its quarterly ones, across every year kept. Every
figure is scored against its series by kinerja.core.outliers; those beyond the threshold are listed, the
largest score first. The min-max method holds every figure of every year against its indicator's batas
wajar instead, as the submission checklist does (kinerja.core.year.figures_outside), whatever the length
of its series. Every figure comes from a core Year (store.load_many): five queries, whatever the number of
agencies and years."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core.bounds import Bounds
from kinerja.core.grades import is_grade_unit
from kinerja.core.numbers import Kind
from kinerja.core.outliers import Method, Scored, reachable, scores
from kinerja.core.workflow import EDITABLE, State
from kinerja.core.year import QUARTER_LABELS, QUARTERS, Line, figures_outside

from . import store
from .models import AgencyYear, Region

MAX_SHOWN = 300  # the largest scores; the page says how many more there are


@dataclass(frozen=True, slots=True)
class Point:
    year: int
    quarter: int  # 0: the year's realisation
    value: Decimal
    what: str = ""  # the min-max method's other figures: 'target', 'jumlah realisasi TW I sampai TW III'

    @property
    def label(self) -> str:
        if self.what:
            return f"{self.year} {self.what}"
        return str(self.year) if self.quarter == 0 else f"{self.year} {QUARTER_LABELS[f'q{self.quarter}']}"


@dataclass(frozen=True, slots=True)
class Outlier:
    agency: str
    indicator_id: int
    indicator: str
    unit: str
    point: Point
    scored: Scored | None  # None: found by the min-max method, which gives no score
    bounds: Bounds | None  # the range it is outside of (min-max method)
    count: int  # figures in the series
    reason: str
    agency_slug: str = ""  # for the link to the year's review screen, where the reviewer asks about it

    @property
    def rank(self) -> Decimal:
        return abs(self.scored.score) if self.scored is not None else Decimal(0)


@dataclass
class Result:
    outliers: list[Outlier] = field(default_factory=list)
    total: int = 0  # outliers found, of which the first MAX_SHOWN are listed
    series: int = 0  # series scored
    short: int = 0  # series with too few figures for the method to find anything at this threshold
    unbounded: int = 0  # series of an indicator without batas wajar (min-max method)


@dataclass
class Series:
    """One indicator's figures in one unit across the region's years, with its newest name and year."""

    agency: str
    name: str
    agency_slug: str = ""
    bounds: Bounds = field(default_factory=Bounds)
    points: list[Point] = field(default_factory=list)
    lines: list[tuple[int, Line]] = field(default_factory=list)  # (year, line): what the min-max method judges
    last_year: int = 0
    bounds_version: int = 0  # of the indicator's range when read
    editable: AgencyYear | None = None  # the latest draft or returned year that has it, where it can be changed


def region_series(region: Region, *, quarterly: bool) -> dict[tuple[int, str], Series]:
    """Every indicator's yearly (or quarterly) realisations in the region, one series per indicator and unit,
    from core Years (store.load_many): five queries, whatever the number of agencies and years. Grades
    are left out: a grade (WTP, AA) is an order, not a quantity, with no mean or median to stand out from."""
    agency_years = list(AgencyYear.objects.filter(agency__region=region).select_related("agency").defer("published"))
    loaded = store.load_many(agency_years, previous=False)
    series: dict[tuple[int, str], Series] = {}
    for ay in sorted(agency_years, key=lambda a: a.year):
        editable = State(ay.status) in EDITABLE
        for line in loaded[ay.pk].used_lines:
            if line.indicator_id is None or is_grade_unit(line.unit):
                continue
            key = (line.indicator_id, line.unit)
            kept = series.setdefault(key, Series(ay.agency.name, line.name, ay.agency.slug))
            kept.name, kept.bounds, kept.last_year = line.name, line.bounds, ay.year  # the newest name
            kept.bounds_version = line.bounds_version
            kept.lines.append((ay.year, line))
            if editable:
                kept.editable = ay
            if quarterly:
                for quarter in (1, 2, 3, 4):
                    value = line.value(f"q{quarter}")
                    if value.kind is Kind.NUMBER:
                        kept.points.append(Point(ay.year, quarter, value.number))
            elif line.realisasi.kind is Kind.NUMBER:
                kept.points.append(Point(ay.year, 0, line.realisasi.number))
    return series


def region_outliers(
    region: Region, *, method: Method, threshold: Decimal, quarterly: bool, limit: int | None = MAX_SHOWN
) -> Result:
    """Every outlier of the region's live figures (reviewers and admins read the drafts too), the ``limit``
    largest scores listed (None: all, for the download)."""
    series = region_series(region, quarterly=quarterly)
    result = Result()
    found: list[Outlier] = []
    for (indicator_id, unit), kept in series.items():
        count = len(kept.points)
        if method is Method.MIN_MAX:
            if not kept.bounds:
                result.unbounded += 1
                continue
            result.series += 1
            for year, line in kept.lines:  # every figure the checklist judges, as it judges it
                for outside in figures_outside(line):
                    quarter = int(outside.field[1]) if outside.field in QUARTERS else 0
                    what = "" if outside.field in ("year", *QUARTERS) and not outside.running else outside.label
                    point = Point(year, quarter, outside.value, what)
                    found.append(
                        Outlier(kept.agency, indicator_id, kept.name, unit, point, None, kept.bounds,
                                len(kept.lines), f"{point.label}: {outside.reason}", kept.agency_slug)
                    )  # fmt: skip
            continue
        if not reachable(count, method, threshold):
            result.short += 1
            continue
        result.series += 1
        for scored in scores([p.value for p in kept.points], method):
            if scored.outlier(threshold):
                point = kept.points[scored.index]
                found.append(
                    Outlier(kept.agency, indicator_id, kept.name, unit, point, scored, None, count,
                            f"{point.label}: {scored.reason(method, threshold)} ({count} angka)", kept.agency_slug)
                )  # fmt: skip
    found.sort(key=lambda o: (-o.rank, o.agency, o.indicator, o.point.year, o.point.quarter))
    result.total = len(found)
    result.outliers = found if limit is None else found[:limit]
    return result
