"""A generated region for load tests and benchmarks: N agencies × M indicators × Y years."""

from __future__ import annotations

import random
from decimal import Decimal

from django.db import transaction

from .models import (
    Agency,
    AgencyYear,
    Budget,
    FindingRecord,
    Indicator,
    Realisation,
    Region,
    Sasaran,
    SourceFile,
    Target,
    name_key,
)

UNITS = ("orang", "unit", "%", "Rp. (juta)", "kegiatan")


@transaction.atomic
def build_region(
    *,
    agencies: int = 40,
    indicators: int = 30,
    years: int = 6,
    first_year: int = 2016,
    seed: int = 1,
    name: str = "Kabupaten Uji",
) -> Region:
    rng = random.Random(seed)
    region = Region.objects.create(name=name)
    agency_objs = Agency.objects.bulk_create(
        [Agency(region=region, name=f"Dinas Uji {i + 1:02d}", slug=f"dinas-uji-{i + 1:02d}") for i in range(agencies)]
    )
    sasaran_objs = Sasaran.objects.bulk_create(
        [Sasaran(agency=a, name=f"Sasaran {s + 1} {a.name}") for a in agency_objs for s in range(3)]
    )
    indicator_objs = Indicator.objects.bulk_create(
        [
            Indicator(agency=a, name=f"Indikator {k + 1} {a.name}", unit=UNITS[k % len(UNITS)])
            for a in agency_objs
            for k in range(indicators)
        ]
    )
    year_range = range(first_year, first_year + years)
    targets, realisations, years_objs, budgets, files = [], [], [], [], []
    for a_index, agency in enumerate(agency_objs):
        for year in year_range:
            years_objs.append(AgencyYear(agency=agency, year=year, status=AgencyYear.Status.PUBLISHED))
            anggaran = Decimal(rng.randint(1_000, 5_000)) * 1_000_000
            budgets.append(Budget(agency=agency, year=year, anggaran=anggaran, realisasi=anggaran * Decimal("0.9")))
        files.append(SourceFile(agency=agency, name=f"uji-{a_index}.xlsx", sha256=f"{a_index:064d}"))
    for i, indicator in enumerate(indicator_objs):
        agency_index = i // indicators
        sasaran = sasaran_objs[agency_index * 3 + (i % indicators) % 3]
        for year in year_range:
            target = Decimal(rng.randint(1, 1000))
            targets.append(
                Target(
                    indicator=indicator,
                    year=year,
                    value=target,
                    raw=str(target),
                    sasaran=sasaran,
                    position=i % indicators,
                    name=indicator.name,
                    name_key=name_key(indicator.name),
                    unit=indicator.unit,
                )
            )
            value = (target * Decimal(rng.uniform(0.4, 1.4))).quantize(Decimal("0.01"))
            realisations.append(Realisation(indicator=indicator, year=year, value=value, raw=str(value)))
    AgencyYear.objects.bulk_create(years_objs)
    Budget.objects.bulk_create(budgets)
    Target.objects.bulk_create(targets, batch_size=2000)
    Realisation.objects.bulk_create(realisations, batch_size=2000)
    file_objs = SourceFile.objects.bulk_create(files)
    FindingRecord.objects.bulk_create(
        [
            FindingRecord(
                file=f, agency=f.agency, year=first_year, code="capaian_mismatch", severity="error", message="uji"
            )
            for f in file_objs
        ]
    )
    return region
