"""Benchmark: each report for one agency (the Banjar sample, 2016) in each format, and the
regency-wide book for 40 generated agencies × 30 indicators.

Run: python bench/bench_reports.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


class Everyone:
    is_authenticated = True
    is_superuser = True


def timed(func, repeat):
    times, result = [], None
    for _ in range(repeat):
        begin = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - begin)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["KINERJA_DATA_DIR"] = tempfile.mkdtemp(prefix="kinerja-bench-")
    os.environ["KINERJA_TESTING"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from kinerja.reports import build
    from kinerja.reports.render import KINDS, render
    from kinerja.web.cli import SAMPLE_AGENCY, SAMPLE_REGION, sample_path
    from kinerja.web.performance.models import AgencyYear
    from kinerja.web.performance.reporting import agency_year_data, region_year_data
    from kinerja.web.performance.services import import_file
    from kinerja.web.performance.synthetic import build_region

    call_command("migrate", verbosity=0)
    import_file(sample_path(), agency=SAMPLE_AGENCY, region=SAMPLE_REGION, create=True)
    agency_year = AgencyYear.objects.select_related("agency__region", "signatory").get(year=2016)
    gather, data = timed(lambda: agency_year_data(agency_year, Everyone()), args.repeat)
    print(f"report data from the database (26 indicators, 4 years): {gather * 1000:.0f} ms")
    # build: the report's content from the data, charts drawn; then each format rendered from it
    print(f"{'report':22} {'build ms':>9} {'pdf ms':>8} {'docx ms':>8} {'xlsx ms':>8} {'pdf KiB':>8}")
    for label, builder in KINDS.values():
        built, report = timed(lambda builder=builder: builder(data), args.repeat)
        figures = []
        size = 0
        for fmt in ("pdf", "docx", "xlsx"):
            median, content = timed(lambda report=report, fmt=fmt: render(report, fmt), args.repeat)
            figures.append(median * 1000)
            if fmt == "pdf":
                size = len(content) / 1024
        print(f"{label:22} {built * 1000:9.0f} {figures[0]:8.0f} {figures[1]:8.0f} {figures[2]:8.0f} {size:8.0f}")

    region = build_region(agencies=40, indicators=30, years=6)
    year = 2021
    gather, agencies = timed(lambda: region_year_data(region, year, Everyone()), 1)
    median, pdf = timed(lambda: render(build.book(region.name, year, agencies), "pdf"), max(1, args.repeat // 2))
    print(
        f"regency book, 40 agencies × 30 indicators: data {gather:.2f} s, PDF {median:.2f} s, {len(pdf) / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
