"""Above one region: regions ranked by mean capaian and by how many agencies published, for the
country or one province, and one indicator compared across regions. Every figure comes from the
core rules: each year's average as kept on its row (averages.py), lines through store.load_visible.
A page's number of queries does not grow with the regions."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Min

from kinerja.core import achievement as rules
from kinerja.core import snapshot
from kinerja.core.names import normalize_name

from . import averages, store
from .access import visible_years_q
from .averages import PLACES
from .models import Agency, AgencyYear, Region, Target
from .models import name_key as key_of


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


def refresh_averages(agency_years) -> int:
    """Work out the averages of the rows among ``agency_years`` (a queryset) whose basis is not the
    current one; returns how many were written. Two queries when there is nothing to do: one."""
    current = averages.basis()
    stale = list(agency_years.exclude(average_basis=current).defer("published"))
    if not stale:
        return 0
    live = store.load_many(stale, previous=False)
    kept = AgencyYear.objects.filter(pk__in=[ay.pk for ay in stale], published__isnull=False)
    published = dict(kept.values_list("pk", "published"))
    cap = averages.capaian_cap()
    for ay in stale:
        ay.average = averages.stored(live[ay.pk])
        ay.published_average = averages.stored(snapshot.load(published[ay.pk], cap=cap)) if ay.pk in published else None
        ay.average_basis = current
    AgencyYear.objects.bulk_update(stale, ["average", "published_average", "average_basis"], batch_size=500)
    return len(stale)


def years_available(user, regions) -> list[int]:
    query = AgencyYear.objects.filter(agency__region__in=regions).filter(visible_years_q(user)).order_by()
    return sorted(query.values_list("year", flat=True).distinct(), reverse=True)


def _visible(user, regions, year: int):
    return (
        AgencyYear.objects.filter(agency__region__in=regions, year=year)
        .filter(visible_years_q(user))
        .defer("published")
    )


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
    refresh_averages(visible)
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


def shared_names(user, regions: list[Region], year: int, *, search: str | None = None, minimum: int = 2,
                 limit: int = 30) -> list[str]:  # fmt: skip
    """Indicator names (as the year's forms write them) used in at least ``minimum`` regions: all of
    them, or with ``search`` (the country's page) the first ``limit`` whose normalised name contains it.
    Names are compared by Target.name_key: "Prosentase" and "Persentase" are one indicator."""
    targets = Target.objects.filter(year=year, indicator__agency__in=_visible(user, regions, year).values("agency"))
    if search is not None:
        keys = (
            Target.objects.filter(year=year, name_key__contains=normalize_name(search))
            .order_by("name_key").values_list("name_key", flat=True).distinct()[:limit]
        )  # fmt: skip
        targets = targets.filter(name_key__in=list(keys))
    rows = (
        targets.order_by().values("name_key")
        .annotate(n=Count("indicator__agency__region_id", distinct=True), shown=Min("name"))
        .filter(n__gte=minimum)
    )  # fmt: skip
    return sorted(row["shown"] for row in rows)


def compare(user, regions: list[Region], year: int, name: str) -> Comparison:
    """Every agency's line of the year whose indicator has this name (spelling normalised): only
    those lines are loaded."""
    comparison = Comparison(name=name)
    key = key_of(name)
    visible = _visible(user, regions, year)
    ids = list(
        Target.objects.filter(year=year, name_key=key, indicator__agency__in=visible.values("agency"))
        .values_list("indicator_id", flat=True)
    )  # fmt: skip
    if not ids:
        return comparison
    agency_years = list(visible.filter(agency__indicators__in=ids).distinct().select_related("agency__region"))
    loaded = store.load_visible(user, agency_years, previous=False, indicators=ids)
    for ay in sorted(agency_years, key=lambda a: (a.agency.region.name, a.agency.name)):
        for line in loaded[ay.pk].used_lines:
            if key_of(line.name) == key:
                comparison.rows.append((ay.agency.region, ay.agency, line))
    return comparison
