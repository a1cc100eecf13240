"""Benchmark: five operators save figures while another previews the import of a 5.000-row form.

The preview only reads (kinerja.web.performance.services.plan_import); the saves go through the one
write path. Each operator works in their own thread with their own session, through the real views
(test client), on a throwaway SQLite file database in WAL mode as deployed (or DATABASE_URL).
Prints every save's time, the worst, and any error.

Run: python bench/bench_saves_during_import.py [--rows 5000] [--operators 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # generate.py
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.web.helpers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--operators", type=int, default=5)
    parser.add_argument("--think", type=float, default=0.2, help="seconds an operator takes between two saves")
    args = parser.parse_args()
    os.environ["KINERJA_DATA_DIR"] = tempfile.mkdtemp(prefix="kinerja-bench-saves-")
    os.environ["KINERJA_TESTING"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from generate import form_text
    from tests.web.helpers import add_indicator

    from kinerja.web.performance import store
    from kinerja.web.performance.models import Agency, Membership, Region

    call_command("migrate", verbosity=0)
    region = Region.objects.create(name="Kabupaten Beban")
    User = get_user_model()
    people = []
    for i in range(args.operators):
        agency = Agency.objects.create(region=region, name=f"Dinas Simpan {i + 1}")
        user = User.objects.create_user(f"operator{i + 1}", password="kata-sandi-bench-1")
        Membership.objects.create(user=user, role=Membership.Role.OPERATOR, agency=agency)
        year, _ = store.open_year(user, agency, 2030)
        indicator = add_indicator(user=user, agency_year=year, name="Koperasi aktif", unit="unit", target=10)
        people.append((user, agency, indicator))
    importer_agency = Agency.objects.create(region=region, name="Dinas Impor")
    importer = User.objects.create_user("pengimpor", password="kata-sandi-bench-1")
    Membership.objects.create(user=importer, role=Membership.Role.OPERATOR, agency=importer_agency)
    document = form_text(args.rows, year=2030).encode("utf-8")
    print(f"database: {connection.vendor}; form of {args.rows} rows, {len(document) / 1024:.0f} KiB")

    done = threading.Event()
    preview = {}

    def run_preview():
        client = Client()
        client.force_login(importer)
        begin = time.perf_counter()
        upload = SimpleUploadedFile("beban.txt", document, "text/plain")
        response = client.post("/impor/baru/", {"agency": importer_agency.pk, "document": upload})
        preview["seconds"] = time.perf_counter() - begin
        preview["status"] = response.status_code
        preview["ok"] = b"Pratinjau impor" in response.content
        done.set()
        connection.close()

    saves: list[float] = []
    errors: list[str] = []

    def run_operator(user, agency, indicator, started):
        client = Client()
        client.force_login(user)
        url = f"/{region.slug}/{agency.slug}/2030/entri/{indicator.pk}/"
        value = 10
        client.get(url)  # a running site: templates compiled, session open
        started.wait()
        while not done.is_set():
            line = store.load(agency.years.get(year=2030)).line(indicator.pk)
            value += 1
            data = {
                "target": str(value),
                "o_target": str(line.figure("target").value.normalize()),
                "v_target": line.figure("target").version,
            }
            begin = time.perf_counter()
            response = client.post(url, data)
            saves.append(time.perf_counter() - begin)
            if response.status_code != 302:
                errors.append(f"{user.username}: HTTP {response.status_code}")
            time.sleep(args.think)
        connection.close()

    started = threading.Event()
    operators = [threading.Thread(target=run_operator, args=(*person, started)) for person in people]
    for thread in operators:
        thread.start()
    time.sleep(1)
    started.set()
    preview_thread = threading.Thread(target=run_preview)
    preview_thread.start()
    for thread in [preview_thread, *operators]:
        thread.join()
    print(f"preview: {preview['seconds']:.1f} s, HTTP {preview['status']}, {'shown' if preview['ok'] else 'NOT shown'}")
    print(
        f"saves meanwhile: {len(saves)} by {args.operators} operators ({args.think:.1f} s between saves); "
        f"median {statistics.median(saves) * 1000:.0f} ms, p95 {sorted(saves)[int(len(saves) * 0.95)] * 1000:.0f} ms, "
        f"worst {max(saves) * 1000:.0f} ms; errors: {len(errors)}"
    )
    for error in errors[:10]:
        print("  ", error)
    if errors or max(saves) >= 2 or not preview["ok"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
