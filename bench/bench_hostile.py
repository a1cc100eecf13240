"""Benchmark: the hostile-file suite against a running `kinerja serve`, while a second client reads the
public region overview.

An operator uploads each generated hostile file (tests/hostile.py) to the document import, and a
million-row entry template to the Excel entry; for each upload the time to the answer and whether it
named the limit are printed. Meanwhile another thread fetches the public overview every 0,2 s and the
slowest answer is printed. The server process's peak memory (VmHWM of its /proc status: the parent
process only; uploads are read in child processes with their own limit) is printed at the end.

Run: python bench/bench_hostile.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.hostile, tests.demo_server

from tests import hostile  # noqa: E402
from tests.demo_server import running_serve  # noqa: E402
from tests.http_client import Browser  # noqa: E402

SAMPLE = ROOT / "src/kinerja/samples/banjar-2013-2016.txt"
REGION = "/kabupaten-banjar/"
AGENCY = "/kabupaten-banjar/dinas-koperasi-dan-umkm"


def kinerja(env, *args):
    done = subprocess.run([sys.executable, "-m", "kinerja.cli", *args], env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: imported, with findings in the documents
        raise SystemExit(done.stderr)


def peak_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="kinerja-bench-hostile-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(KINERJA_DATA_DIR=str(data), KINERJA_SECRET_KEY="bench-" + "x" * 50, KINERJA_DEBUG="1")
    kinerja(env, "import", str(SAMPLE), "--agency", "Dinas Koperasi dan UMKM", "--region", "Kabupaten Banjar",
            "--create", "--published")  # fmt: skip
    create = (
        "from django.contrib.auth import get_user_model; from kinerja.web.performance.models import *; "
        "u = get_user_model().objects.create_user('ani', password='kata-sandi-bench-1'); "
        "Membership.objects.create(user=u, role='operator', agency=Agency.objects.get()); "
        "AgencyYear.objects.filter(year=2016).update(status='draft'); "
        "print(AgencyYear.objects.get(year=2016).pk)"
    )
    year_pk = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "manage", "shell", "-c", create],
        env=env, check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    print("generating hostile files ...", flush=True)
    files = hostile.all_files(data / "hostile", SAMPLE)
    template = hostile.xlsx_many_rows(
        data / "hostile" / "templat.xlsx", versions=json.dumps({"agency_year": int(year_pk), "versions": {}})
    )
    with running_serve(env) as served:
        port = served.port
        reader_times: list[float] = []
        failures: list[str] = []
        stop = threading.Event()

        def read_overview():
            public = Browser(port)
            while not stop.is_set():
                begin = time.perf_counter()
                status, _ = public.request("GET", REGION)
                reader_times.append(time.perf_counter() - begin)
                if status != 200:
                    failures.append(f"overview {status}")
                time.sleep(0.2)

        operator = Browser(port)
        token = operator.token("/masuk/")
        status, _ = operator.post_form("/masuk/", {"csrfmiddlewaretoken": token, "username": "ani",
                                                   "password": "kata-sandi-bench-1"})  # fmt: skip
        assert status == 302, status
        reader = threading.Thread(target=read_overview, daemon=True)
        reader.start()
        print(f"{'file':22} {'size (KiB)':>10} {'answer (s)':>10}  message")
        worst = 0.0
        for name, path in files.items():
            token = operator.token("/impor/baru/")
            begin = time.perf_counter()
            status, page = operator.post_form(
                "/impor/baru/",
                {"csrfmiddlewaretoken": token, "agency": "1"},
                {"document": (path.name, path.read_bytes())},
            )
            took = time.perf_counter() - begin
            worst = max(worst, took)
            found = re.search(r"paling banyak[^<]{0,40}|bom kompresi|tidak dibaca", page)
            said = found.group(0) if found else "?"
            print(f"{name:22} {path.stat().st_size // 1024:>10} {took:>10.2f}  {status} {said}")
        token = operator.token(f"{AGENCY}/2016/entri/")
        begin = time.perf_counter()
        status, page = operator.post_form(
            f"{AGENCY}/2016/entri/unggah/", {"csrfmiddlewaretoken": token},
            {"workbook": ("entri.xlsx", template.read_bytes())},
        )  # fmt: skip
        took = time.perf_counter() - begin
        worst = max(worst, took)
        found = re.search(r"berisi \d+ baris[^<]{0,40}", page)
        print(f"{'template-1m-rows':22} {template.stat().st_size // 1024:>10} {took:>10.2f}  {status} "
              f"{found.group(0) if found else '?'}")  # fmt: skip
        stop.set()
        reader.join(timeout=10)
        print(f"slowest upload answer: {worst:.2f} s")
        print(f"public overview meanwhile: {len(reader_times)} answers, slowest {max(reader_times):.2f} s, "
              f"failures {len(failures)}")  # fmt: skip
        print(f"server process peak memory (VmHWM): {peak_kib(served.pid) / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
