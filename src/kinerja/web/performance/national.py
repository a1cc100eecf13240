"""Above one region: regions ranked by mean capaian and by how many agencies published, for the
country or one province, and one indicator compared across regions. Every figure comes from the
core Year (store.load_visible); a page's number of queries does not grow with the regions."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.core import achievement as rules
from kinerja.core.names import normalize_name

from . import store
from .access import visible_years_q
from .models import Agency, AgencyYear, Region


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
    query = AgencyYear.objects.filter(agency__region__in=regions).filter(visible_years_q(user))
    return sorted(set(query.values_list("year", flat=True)), reverse=True)


def _visible(user, regions, year: int) -> list[AgencyYear]:
    return list(
        AgencyYear.objects.filter(agency__region__in=regions, year=year)
        .filter(visible_years_q(user))
        .select_related("agency__region")
    )


def ranking(user, regions: list[Region], year: int) -> list[RegionRank]:
    """Regions ranked by mean capaian of the year (ties and regions without data last), with the
    share of their agencies whose year is published."""
    counts = Counter(Agency.objects.filter(region__in=regions).values_list("region_id", flat=True))
    parents = set(Region.objects.filter(province__in=regions).values_list("province_id", flat=True))
    visible = _visible(user, regions, year)
    loaded = store.load_visible(user, visible, previous=False)
    by_region: dict[int, list[Decimal]] = defaultdict(list)
    published: Counter = Counter()
    for ay in visible:
        published[ay.agency.region_id] += 1
        average = loaded[ay.pk].average()
        if average is not None:
            by_region[ay.agency.region_id].append(average)
    ranks = [
        RegionRank(
            region=region,
            agencies=counts.get(region.pk, 0),
            published=published.get(region.pk, 0),
            average=rules.average(by_region[region.pk]) if by_region.get(region.pk) else None,
            is_parent=region.pk in parents,
        )
        for region in regions
    ]
    ranks.sort(key=lambda r: (r.average is None, -(r.average or 0), r.region.name))
    for position, rank in enumerate(r for r in ranks if r.average is not None):
        rank.rank = position + 1
    return ranks


def shared_names(user, regions: list[Region], year: int, minimum: int = 2) -> list[str]:
    """Indicator names (as the year's forms write them) used in at least ``minimum`` regions."""
    from .models import Target

    visible = AgencyYear.objects.filter(agency__region__in=regions, year=year).filter(visible_years_q(user))
    pairs = Target.objects.filter(year=year, indicator__agency__in=visible.values("agency")).values_list(
        "name", "indicator__agency__region_id"
    )
    regions_of: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, str] = {}
    for name, region_id in pairs:
        key = normalize_name(name)
        regions_of[key].add(region_id)
        shown.setdefault(key, name)
    return sorted(shown[k] for k, ids in regions_of.items() if len(ids) >= minimum)


def compare(user, regions: list[Region], year: int, name: str) -> Comparison:
    """Every agency's line of the year whose indicator has this name (spelling normalised)."""
    wanted = normalize_name(name)
    visible = _visible(user, regions, year)
    loaded = store.load_visible(user, visible, previous=False)
    comparison = Comparison(name=name)
    for ay in sorted(visible, key=lambda a: (a.agency.region.name, a.agency.name)):
        for line in loaded[ay.pk].used_lines:
            if normalize_name(line.name) == wanted:
                comparison.rows.append((ay.agency.region, ay.agency, line))
    return comparison
