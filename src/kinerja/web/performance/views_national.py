"""The national page and a province's page: regions ranked, links down to each region, and one
indicator compared across regions."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from . import national
from .models import Region
from .pagecache import public_page

SEARCH_ABOVE = 60  # regions: above this, shared indicator names are searched, not listed


def _year(request, years: list[int]) -> int | None:
    raw = request.GET.get("tahun", "")
    if raw.isdigit() and len(raw) == 4 and int(raw) in years:
        return int(raw)
    return years[0] if years else None


def _page(request, regions: list[Region], title: str, scope: Region | None):
    years = national.years_available(request.user, regions)
    year = _year(request, years)
    ranks = national.ranking(request.user, regions, year) if year else []
    # a province lists every shared name; the whole country (thousands of names) is searched instead
    searched = len(regions) > SEARCH_ABOVE
    search = request.GET.get("cari", "").strip()[:200]
    names = []
    if year and (not searched or len(search) >= 3):
        names = national.shared_names(request.user, regions, year, search=search if searched else None)
    asked = request.GET.get("indikator", "")[:1000]
    comparison = national.compare(request.user, regions, year, asked) if (year and asked) else None
    return render(
        request,
        "performance/national.html",
        {
            "title": title,
            "scope": scope,
            "years": years,
            "year": year,
            "ranks": ranks,
            "names": names,
            "searched": searched,
            "search": search,
            "asked": asked,
            "comparison": comparison,
        },
    )


@require_safe
@public_page
def country(request):
    regions = list(Region.objects.order_by("name"))
    return _page(request, regions, "Kinerja pemerintah daerah se-Indonesia", None)


@require_safe
@public_page
def province(request, region):
    province = get_object_or_404(Region, slug=region)
    regencies = list(province.regencies.order_by("name"))
    if not regencies and not province.is_province:
        raise Http404("Halaman ini untuk provinsi.")
    return _page(request, [province, *regencies], f"Kinerja pemerintah daerah {province.name}", province)
