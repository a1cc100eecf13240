"""Open data of a region (Satu Data Indonesia): a catalogue page with the data dictionary, each year's
datasets as CSV and JSON, and a DCAT catalogue a data portal can harvest. Published years only, whoever
asks: open data is what the region has published, never a draft a logged-in reader happens to see."""

from __future__ import annotations

import json

from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kinerja.reports import opendata

from .access import PUBLIC, visible_years_q
from .models import Agency, AgencyYear, Region, Rpjmd
from .pagecache import public_page
from .reporting import region_year_data
from .rpjmd_measurement import year_results


def published_years(region: Region) -> list[dict]:
    """Each year with a published agency year: how many agencies and when the last was published (1 query)."""
    return list(
        AgencyYear.objects.filter(agency__region=region)
        .filter(visible_years_q(PUBLIC))
        .values("year")
        .annotate(agencies=Count("id"), updated=Max("published_at"))
        .order_by("-year")
    )


def rpjmd_years(region: Region) -> set[int]:
    """The years an RPJMD of the region covers: those that have an IKU dataset (one query)."""
    return {
        year
        for start, end in Rpjmd.objects.filter(region=region).values_list("start_year", "end_year")
        for year in range(start, end + 1)
    }


def _offered(chosen, year: int, covered: set[int]) -> bool:
    return chosen is not opendata.IKU or year in covered


def _updated(found: dict):
    return found["updated"].date() if found["updated"] else None


@require_safe
@public_page
def catalogue(request, region):
    region = get_object_or_404(Region, slug=region)
    years = published_years(region)
    covered = rpjmd_years(region)
    for found in years:
        found["datasets"] = [(d, _offered(d, found["year"], covered)) for d in opendata.DATASETS.values()]
    return render(
        request,
        "performance/opendata.html",
        {
            "region": region,
            "years": years,
            "agencies": Agency.objects.filter(region=region).count(),
            "datasets": list(opendata.DATASETS.values()),
            "formats": list(opendata.FORMATS),
        },
    )


@require_safe
@public_page
def download(request, region, dataset, year, fmt):
    region = get_object_or_404(Region, slug=region)
    chosen = opendata.DATASETS.get(dataset)
    if chosen is None or fmt not in opendata.FORMATS:
        raise Http404(_("Data ini tidak tersedia."))
    found = next((y for y in published_years(region) if y["year"] == year), None)
    if found is None:
        raise Http404(_("Belum ada data tahun ini yang dipublikasikan."))
    if chosen is opendata.IKU:
        plans = list(Rpjmd.objects.filter(region=region, start_year__lte=year, end_year__gte=year))
        if not plans:
            raise Http404(_("Belum ada RPJMD yang mencakup tahun ini."))
        rows = [
            row
            for plan in plans
            for row in opendata.iku_rows(
                region.name_in(year), year, f"{plan.start_year}–{plan.end_year}", year_results(plan, year, PUBLIC)
            )
        ]
    else:
        agencies = region_year_data(region, year, PUBLIC)
        rows = (opendata.capaian_rows if chosen is opendata.CAPAIAN else opendata.anggaran_rows)(agencies)
    content = opendata.render(chosen, rows, fmt, region=region.name_in(year), year=year, updated=_updated(found))
    response = HttpResponse(content, content_type=opendata.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{region.slug}-{chosen.key}-{year}.{fmt}"'
    return response


@require_safe
@public_page
def dcat(request, region):
    """The region's datasets as a DCAT catalogue in JSON-LD (what CKAN's DCAT harvester and data.go.id read)."""
    region = get_object_or_404(Region, slug=region)
    page = request.build_absolute_uri(reverse("performance:opendata", args=[region.slug]))
    datasets = []
    covered = rpjmd_years(region)
    for found in published_years(region):
        year = found["year"]
        for chosen in opendata.DATASETS.values():
            if not _offered(chosen, year, covered):
                continue
            distributions = []
            for fmt, media in opendata.FORMATS.items():
                url = request.build_absolute_uri(
                    reverse("performance:opendata_download", args=[region.slug, chosen.key, year, fmt])
                )
                distributions.append(
                    {
                        "@type": "dcat:Distribution",
                        "dct:title": f"{chosen.title} {year} ({fmt.upper()})",
                        "dcat:downloadURL": {"@id": url},
                        "dcat:mediaType": media.split(";")[0],
                        "dct:format": fmt.upper(),
                    }
                )
            updated = _updated(found)
            datasets.append(
                {
                    "@type": "dcat:Dataset",
                    "@id": f"{page}#{chosen.key}-{year}",
                    "dct:identifier": f"{region.slug}-{chosen.key}-{year}",
                    "dct:title": f"{chosen.title}, {region.name_in(year)}, {year}",
                    "dct:description": chosen.description,
                    "dct:publisher": {"@type": "foaf:Organization", "foaf:name": f"Pemerintah {region.name}"},
                    "dct:temporal": {
                        "@type": "dct:PeriodOfTime",
                        "dcat:startDate": f"{year}-01-01",
                        "dcat:endDate": f"{year}-12-31",
                    },  # fmt: skip
                    "dct:spatial": region.name_in(year),
                    "dct:language": "id",
                    "dct:modified": updated.isoformat() if updated else None,
                    "dcat:keyword": ["SAKIP", "kinerja", "perangkat daerah", chosen.key],
                    "dcat:landingPage": {"@id": page},
                    "dcat:distribution": distributions,
                }
            )
    catalogue = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@type": "dcat:Catalog",
        "@id": page,
        "dct:title": f"Data terbuka kinerja {region.name}",
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": f"Pemerintah {region.name}"},
        "dct:language": "id",
        "dcat:dataset": datasets,
    }
    content = json.dumps(catalogue, ensure_ascii=False, indent=1).encode("utf-8")
    return HttpResponse(content, content_type="application/ld+json")
