"""Which category scale decides a year's categories, and when a region's scale may still change.

A year is categorised on its region's scale version with the latest ``from_year`` not after it, and on
the Permendagri scale before the first version. A version may be added, changed or removed only while no
year it decides (from its ``from_year`` up to the next version) has been signed or published: a signed
form and a published result keep the categories they were given."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Q

from kinerja.core.categories import PERMENDAGRI_BANDS, Band, parse_scale
from kinerja.core.workflow import State

from .models import AgencyYear, CategoryScale

Versions = list[tuple[int, str]]  # (from_year, bands as text), oldest first


def choose(versions: Versions, year: int) -> tuple[Band, ...]:
    chosen = PERMENDAGRI_BANDS
    for from_year, text in versions:
        if from_year > year:
            break
        chosen = parse_scale(text)
    return chosen


def of_region(region_id: int, year: int) -> tuple[Band, ...]:
    """The scale of one region's year: one query."""
    versions = list(
        CategoryScale.objects.filter(region_id=region_id).order_by("from_year").values_list("from_year", "bands")
    )
    return choose(versions, year)


def by_agency(agency_ids: Iterable[int]) -> dict[int, Versions]:
    """Every scale version of the agencies' regions, per agency: one query whatever their number."""
    out: dict[int, Versions] = defaultdict(list)
    rows = (
        CategoryScale.objects.filter(region__agencies__id__in=list(agency_ids))
        .order_by("from_year")
        .values_list("region__agencies__id", "from_year", "bands")
    )
    for agency_id, from_year, text in rows:
        out[agency_id].append((from_year, text))
    return out


def _locked(region_id: int, start: int, end: int | None) -> list[tuple[str, int]]:
    """Agencies and years of the region from ``start`` up to ``end`` that were signed or published."""
    years = AgencyYear.objects.filter(agency__region_id=region_id, year__gte=start).filter(
        Q(status__in=[State.APPROVED, State.PUBLISHED]) | Q(published_at__isnull=False)
    )
    if end is not None:
        years = years.filter(year__lt=end)
    return list(years.order_by("year", "agency__name").values_list("agency__name", "year")[:6])


def check_change(region_id: int, from_year: int, *, exclude: int | None = None) -> None:
    """ValidationError when a version from ``from_year`` (added, changed or removed) would change the
    categories of a signed or published year. ``exclude``: the version being changed."""
    later = CategoryScale.objects.filter(region_id=region_id, from_year__gt=from_year)
    if exclude is not None:
        later = later.exclude(pk=exclude)
    end = later.order_by("from_year").values_list("from_year", flat=True).first()
    locked = _locked(region_id, from_year, end)
    if locked:
        shown = ", ".join(f"{name} {year}" for name, year in locked[:5]) + (" …" if len(locked) > 5 else "")
        if end is None:
            span = f"tahun {from_year} dan sesudahnya"
        elif end - 1 > from_year:
            span = f"tahun {from_year}–{end - 1}"
        else:
            span = f"tahun {from_year}"
        raise ValidationError(
            f"Skala untuk {span} tidak dapat diubah: tahun yang sudah ditandatangani atau dipublikasikan "
            f"memakai skala yang berlaku saat itu ({shown}). Tetapkan skala baru mulai tahun sesudahnya."
        )
