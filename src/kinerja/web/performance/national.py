"""Above one region: regions ranked by mean capaian and by how many agencies published, for the
country or one province, and one indicator compared across regions. Every figure comes from the
core rules: each year's average as kept on its row (averages.py), lines through store.load_visible.
A page's number of queries does not grow with the regions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count

from kinerja.core import achievement as rules
from kinerja.core.names import normalize_name

from . import averages, store
from .access import visible_years_q
from .averages import PLACES
from .models import Agency, AgencyYear, Region, Target


@dataclass
class RegionRank:
    region: Region
    agencies: int = 0
    published: int = 0  # agencies whose year the reader sees (published, for the public)
    average: Decimal | None = None  # mean of the agencies' year averages
    rank: int | None = None
    is_parent: bool = False  # a province with regencies of its own: its page links down to them

    @property
    def published_share(self) -> Decimal | None:
        return Decimal(self.published * 100) / self.agencies if self.agencies else None


@dataclass
class Comparison:
    name: str
    rows: list[tuple[Region, Agency, object]] = field(default_factory=list)  # (region, agency, Line)

    @property
    def average(self) -> Decimal | None:
        values = [line.capaian.value for _, _, line in self.rows if line.capaian.value is not None]
        return rules.average(values) if values else None


def years_available(user, regions) -> list[int]:
    query = AgencyYear.objects.filter(agency__region__in=regions).filter(visible_years_q(user)).order_by()
    return sorted(query.values_list("year", flat=True).distinct(), reverse=True)


def _visible(user, regions, year: int):
    return AgencyYear.objects.filter(agency__region__in=regions, year=year).filter(visible_years_q(user))


def ranking(user, regions: list[Region], year: int) -> list[RegionRank]:
    """Regions ranked by mean capaian of the year (ties and regions without data last), with the
    share of their agencies whose year is published. Four queries whatever the number of regions:
    each year's average is kept on its row (averages.py)."""
    counts = dict(
        Agency.objects.filter(region__in=regions).order_by().values("region_id").annotate(n=Count("id"))
        .values_list("region_id", "n")
    )  # fmt: skip
    parents = set(Region.objects.filter(province__in=regions).values_list("province_id", flat=True))
    visible = _visible(user, regions, year)
    averages.refresh(visible)
    figures = {
        row["agency__region_id"]: row
        for row in visible.order_by()
        .annotate(figure=averages.visible_average(user))
        .values("agency__region_id")
        .annotate(published=Count("id"), mean=Avg("figure"))
    }
    ranks = []
    for region in regions:
        row = figures.get(region.pk, {})
        mean = row.get("mean")
        ranks.append(
            RegionRank(
                region=region,
                agencies=counts.get(region.pk, 0),
                published=row.get("published", 0),
                average=Decimal(mean).quantize(PLACES) if mean is not None else None,
                is_parent=region.pk in parents,
            )
        )
    ranks.sort(key=lambda r: (r.average is None, -(r.average or 0), r.region.name))
    for position, rank in enumerate(r for r in ranks if r.average is not None):
        rank.rank = position + 1
    return ranks


def _spellings(user, regions: list[Region], year: int) -> dict[str, list[str]]:
    """The year's indicator names as written, grouped by their normalised spelling: one query, of
    distinct names (a few thousand for the whole country), not of every line."""
    visible = _visible(user, regions, year)
    names = (
        Target.objects.filter(year=year, indicator__agency__in=visible.values("agency"))
        .order_by().values_list("name", flat=True).distinct()
    )  # fmt: skip
    grouped: dict[str, list[str]] = defaultdict(list)
    for name in names:
        grouped[normalize_name(name)].append(name)
    return grouped


def shared_names(user, regions: list[Region], year: int, minimum: int = 2) -> list[str]:
    """Indicator names (as the year's forms write them) used in at least ``minimum`` regions."""
    visible = _visible(user, regions, year)
    rows = (
        Target.objects.filter(year=year, indicator__agency__in=visible.values("agency"))
        .order_by().values("name").annotate(n=Count("indicator__agency__region_id", distinct=True))
        .values_list("name", "n")
    )  # fmt: skip
    counts: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for name, n in rows:
        counts[normalize_name(name)].append((name, n))
    shared = {key for key, spelt in counts.items() if max(n for _, n in spelt) >= minimum}
    # a name spelt differently in different regions: count its regions exactly (one more query)
    unsure = {name: key for key, spelt in counts.items() if key not in shared and len(spelt) > 1 for name, _ in spelt}
    if unsure:
        regions_of: dict[str, set[int]] = defaultdict(set)
        pairs = Target.objects.filter(
            year=year, name__in=list(unsure), indicator__agency__in=visible.values("agency")
        ).values_list("name", "indicator__agency__region_id")
        for name, region_id in pairs:
            regions_of[unsure[name]].add(region_id)
        shared |= {key for key, ids in regions_of.items() if len(ids) >= minimum}
    return sorted(min(name for name, _ in counts[key]) for key in shared)


def compare(user, regions: list[Region], year: int, name: str) -> Comparison:
    """Every agency's line of the year whose indicator has this name (spelling normalised): only
    those lines are loaded."""
    wanted = _spellings(user, regions, year).get(normalize_name(name), [])
    comparison = Comparison(name=name)
    if not wanted:
        return comparison
    visible = _visible(user, regions, year)
    ids = list(
        Target.objects.filter(year=year, name__in=wanted, indicator__agency__in=visible.values("agency"))
        .values_list("indicator_id", flat=True)
    )  # fmt: skip
    agency_years = list(visible.filter(agency__indicators__in=ids).distinct().select_related("agency__region"))
    loaded = store.load_visible(user, agency_years, previous=False, indicators=ids)
    for ay in sorted(agency_years, key=lambda a: (a.agency.region.name, a.agency.name)):
        for line in loaded[ay.pk].used_lines:
            if normalize_name(line.name) == normalize_name(name):
                comparison.rows.append((ay.agency.region, ay.agency, line))
    return comparison
