"""Benchmark: server time of the pages on a generated region, and `kinerja import` of the sample.

Run: python bench/bench_web.py [--repeat 40]
Uses a throwaway SQLite database (or DATABASE_URL when set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="kinerja-bench-")
    os.environ["KINERJA_DATA_DIR"] = tmp
    os.environ["KINERJA_TESTING"] = "1"
    os.environ["KINERJA_PAGE_CACHE_SECONDS"] = "0"  # the server's work, not the cache's
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kinerja.web.cli import sample_path
    from kinerja.web.performance.models import AgencyYear, Indicator
    from kinerja.web.performance.services import import_file
    from kinerja.web.performance.synthetic import build_region

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    region = build_region(agencies=40, indicators=30, years=6)
    print(f"generated region: 40 agencies × 30 indicators × 6 years in {time.perf_counter() - start:.1f} s")
    agency_year = AgencyYear.objects.filter(agency__region=region).order_by("agency__name", "-year").first()
    indicator = Indicator.objects.filter(agency=agency_year.agency).first()
    pages = {
        "region overview": f"/{region.slug}/",
        "agency year (30 rows)": f"/{region.slug}/{agency_year.agency.slug}/{agency_year.year}/",
        "indicator (6 years)": f"/indikator/{indicator.pk}/",
        "indicator chart (SVG)": f"/indikator/{indicator.pk}/grafik.svg",
        "LKjIP page (30 rows)": f"/{region.slug}/{agency_year.agency.slug}/{agency_year.year}/lkjip/",
        "open data CSV (1.200 r)": f"/{region.slug}/data-terbuka/capaian-{agency_year.year}.csv",
        "open data JSON (1.200 r)": f"/{region.slug}/data-terbuka/capaian-{agency_year.year}.json",
    }
    client = Client()
    print(f"{'page':24} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages.items():
        client.get(url)  # warm up
        times = []
        for _ in range(args.repeat):
            begin = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        median, p95 = statistics.median(times), percentile(times, 0.95)
        print(f"{name:24} {median:10.1f} {p95:8.1f} {len(ctx.captured_queries):8d}")

    # the overview's floor: the same template rendering the same cells, computed beforehand, from memory
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from kinerja.web.performance import selectors

    request = RequestFactory().get(f"/{region.slug}/")
    request.user = AnonymousUser()
    summaries = selectors.region_overview(region, request.user)
    bands, scales = selectors.overview_columns(summaries)
    context = {"region": region, "summaries": summaries, "bands": bands, "scales": scales, "years": [2021]}
    times = []
    for _ in range(args.repeat):
        begin = time.perf_counter()
        render_to_string("performance/region.html", context, request=request)
        times.append((time.perf_counter() - begin) * 1000)
    floor = statistics.median(times)
    overview = client.get(f"/{region.slug}/")  # noqa: F841  (warm)
    times = []
    for _ in range(args.repeat):
        begin = time.perf_counter()
        client.get(f"/{region.slug}/")
        times.append((time.perf_counter() - begin) * 1000)
    print(
        f"region overview {statistics.median(times):.1f} ms vs the same template from memory {floor:.1f} ms: "
        f"{statistics.median(times) / floor:.1f}x (target: 10x)"
    )

    # the one-screen entry table of a draft year with 60 indicators, as its operator sees it
    from django.contrib.auth import get_user_model

    from kinerja.web.performance.models import Membership

    # outlier detection over the whole region (40 agencies × 30 indicators × 6 years), as its reviewer asks
    reviewer = get_user_model().objects.create_user("bench-reviewer", password="kata-sandi-bench-1")
    Membership.objects.create(user=reviewer, role=Membership.Role.REVIEWER, region=region)
    looking = Client()
    looking.force_login(reviewer)
    for name, query in (
        ("outliers, yearly", ""),
        ("outliers, quarterly (z)", "?data=triwulan&metode=z"),
        ("outliers, min-max", "?metode=minmaks"),
        ("suggested ranges", "batas-wajar/"),
    ):
        url = f"/{region.slug}/pencilan/{query}"
        looking.get(url)
        times = []
        for _ in range(max(3, args.repeat // 4)):
            begin = time.perf_counter()
            assert looking.get(url).status_code == 200
            times.append((time.perf_counter() - begin) * 1000)
        with CaptureQueriesContext(connection) as ctx:
            looking.get(url)
        print(f"{name:24} {statistics.median(times):10.1f} {max(times):8.1f} {len(ctx.captured_queries):8d}")

    big = build_region(agencies=1, indicators=60, years=2, name="Kabupaten Tabel")
    draft = AgencyYear.objects.filter(agency__region=big).order_by("-year").first()
    draft.status = AgencyYear.Status.DRAFT
    draft.save()
    operator = get_user_model().objects.create_user("bench-operator", password="kata-sandi-bench-1")
    Membership.objects.create(user=operator, role=Membership.Role.OPERATOR, agency=draft.agency)
    table = Client()
    table.force_login(operator)
    screens = (
        ("entry table (60 rows)", f"/{big.slug}/{draft.agency.slug}/{draft.year}/entri/tabel/"),
        ("review screen (60)", f"/{big.slug}/{draft.agency.slug}/{draft.year}/reviu/"),
    )
    for name, url in screens:
        table.get(url)
        times = []
        for _ in range(args.repeat):
            begin = time.perf_counter()
            response = table.get(url)
            times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            table.get(url)
        median, p95 = statistics.median(times), percentile(times, 0.95)
        print(f"{name:24} {median:10.1f} {p95:8.1f} {len(ctx.captured_queries):8d}")

    # the save: the whole table posted back with every row's target changed, as one person saving the year
    import re

    url = f"/{big.slug}/{draft.agency.slug}/{draft.year}/entri/tabel/"
    times, fields = [], 0
    for i in range(max(3, args.repeat // 4)):
        page = table.get(url).content.decode()
        data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
        data.update(re.findall(r'<input type="text" name="(f-[^"]+)" id="[^"]+" value="([^"]*)"', page))
        data.update(re.findall(r'<textarea name="(f-[^"]+)"[^>]*>(.*?)</textarea>', page, re.S))
        for key in [k for k in data if k.startswith("f-") and k.endswith("-target")]:
            data[key] = str(100 + i)
        fields = len(data)
        begin = time.perf_counter()
        response = table.post(url, data)
        times.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 302, response.status_code  # saved, then shown again
    print(f"{'entry table save (60)':24} {statistics.median(times):10.1f} {max(times):8.1f}   ({fields} fields)")

    # the region's admin sets every suggested range at once (10 agencies × 30 indicators, the newest of 4 years
    # a draft): one write per agency year
    ranged = build_region(agencies=10, indicators=30, years=4, name="Kabupaten Batas", seed=3)
    AgencyYear.objects.filter(agency__region=ranged, year=2019).update(status="draft")  # 2016–2019 generated
    admin = get_user_model().objects.create_user("bench-admin", password="kata-sandi-bench-1")
    Membership.objects.create(user=admin, role=Membership.Role.ADMIN, region=ranged)
    setting = Client()
    setting.force_login(admin)
    url = f"/{ranged.slug}/pencilan/batas-wajar/"
    ticked = re.findall(r'name="indikator" value="(\d+)"', setting.get(url).content.decode())
    begin = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        assert setting.post(url, {"indikator": ticked}).status_code == 302
    took = (time.perf_counter() - begin) * 1000
    print(f"{f'set {len(ticked)} ranges':24} {took:10.1f} {'':8} {len(ctx.captured_queries):8d}")

    # kinerja verify over the region: every published year against its kept version, every mean recomputed
    from kinerja.web.performance.cycle import keep_version
    from kinerja.web.performance.integrity import verify

    for ay in AgencyYear.objects.filter(agency__region=region, status="published"):
        keep_version(ay)
        ay.save(update_fields=["published", "average", "published_average", "average_basis"])
    begin = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        done = verify(region)
    took = (time.perf_counter() - begin) * 1000
    label = f"verify ({done.published} of {done.years} y)"
    print(f"{label:24} {took:10.1f} {'':8} {len(ctx.captured_queries):8d}   ({len(done.differences)} differences)")

    times = []
    for i in range(5):
        begin = time.perf_counter()
        import_file(sample_path(), agency=f"Dinas Bench {i}", region="Kabupaten Bench", create=True)
        times.append(time.perf_counter() - begin)
    print(f"import of the sample (151 rows, in process): median {statistics.median(times) * 1000:.0f} ms")

    env = dict(os.environ, KINERJA_DATA_DIR=tempfile.mkdtemp(prefix="kinerja-bench-cli-"))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    cli = [
        sys.executable,
        "-m",
        "kinerja.cli",
        "import",
        str(sample_path()),
        "--agency",
        "Dinas Koperasi dan UMKM",
        "--region",
        "Kabupaten Banjar",
        "--create",
    ]
    begin = time.perf_counter()
    subprocess.run(cli, env=env, capture_output=True, check=False)
    first = time.perf_counter() - begin
    begin = time.perf_counter()
    subprocess.run(cli, env=env, capture_output=True, check=False)
    again = time.perf_counter() - begin
    print(f"`kinerja import` command, fresh database (incl. migrate): {first:.2f} s; same file again: {again:.2f} s")


if __name__ == "__main__":
    main()
