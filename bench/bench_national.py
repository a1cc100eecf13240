"""Benchmark: the pages at national scale on PostgreSQL (server time and queries, page cache off).

Run: DATABASE_URL=postgresql://… python bench/bench_national.py [--repeat 15] [--explain]
Generates the country first (bench/generate_national.py: 548 regions × 40 agencies × 25 indicators ×
6 years) unless the database already holds it. --explain prints EXPLAIN (ANALYZE, BUFFERS) of each
page's two slowest queries. Time is measured in process through Django's test client: the server's
own time, without a network or a browser.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database")
    os.environ.setdefault("KINERJA_TESTING", "1")
    os.environ["KINERJA_PAGE_CACHE_SECONDS"] = "0"  # the server's work, not the cache's
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from generate_national import FIRST_YEAR, MARKER, generate

    from kinerja.web.performance.models import Agency, AgencyYear, Indicator, Region, Target

    call_command("migrate", verbosity=0)
    if not Region.objects.filter(name=MARKER).exists():
        start = time.perf_counter()
        generate(regions=548, agencies=40, indicators=25, years=6)
        print(f"generated the country in {time.perf_counter() - start:.0f} s")
    region = Region.objects.get(name=MARKER)
    agency = Agency.objects.filter(region=region).order_by("slug").first()
    last = AgencyYear.objects.filter(agency=agency).order_by("-year").values_list("year", flat=True).first()
    published = last - 1
    indicator = Indicator.objects.filter(agency=agency).order_by("id").first()
    name = Target.objects.filter(indicator=indicator, year=published).values_list("name", flat=True).get()
    sizes = {
        "regions": Region.objects.count(),
        "agencies": Agency.objects.count(),
        "agency-years": AgencyYear.objects.count(),
        "targets": Target.objects.count(),
    }
    print("database: " + ", ".join(f"{k} {v:,}".replace(",", ".") for k, v in sizes.items()))
    pages = {
        "national": f"/nasional/?tahun={published}",
        "national, one indicator": f"/nasional/?tahun={published}&indikator={name}",
        "province": f"/{region.province.slug}/wilayah/?tahun={published}",
        "region overview": f"/{region.slug}/",
        "agency year": f"/{region.slug}/{agency.slug}/{published}/",
        "indicator": f"/indikator/{indicator.pk}/",
        "region book (PDF)": f"/{region.slug}/buku/{published}.pdf",
    }
    assert published >= FIRST_YEAR
    client = Client()
    print(f"{'page':26} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    explained = []
    for label, url in pages.items():
        response = client.get(url)  # warm up (and the first read of any average not kept yet)
        assert response.status_code == 200, (url, response.status_code)
        repeat = max(3, args.repeat // 3) if "PDF" in label else args.repeat
        times = []
        for _ in range(repeat):
            begin = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begin) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        print(
            f"{label:26} {statistics.median(times):10.1f} {percentile(times, 0.95):8.1f} {len(ctx.captured_queries):8d}"
        )
        slowest = sorted(ctx.captured_queries, key=lambda q: float(q["time"]), reverse=True)[:2]
        explained.append((label, slowest))
    if args.explain:
        with connection.cursor() as cursor:
            for label, queries in explained:
                for query in queries:
                    print(f"\n== {label}: {float(query['time']) * 1000:.1f} ms\n{query['sql'][:600]}")
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                    print("\n".join(row[0] for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
