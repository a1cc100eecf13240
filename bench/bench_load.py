"""Load benchmark: N concurrent clients (default 50) read the region overview and an agency-year page
of a running `kinerja serve` on 127.0.0.1 (the sample imported, as `kinerja demo` has it), each for a
fixed time. Prints requests per second, median and p95 latency, and errors. Bounded: it talks to
127.0.0.1 only, and stops after --seconds.

Run: python bench/bench_load.py [--clients 50] [--seconds 20]
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.demo_server import running_serve  # noqa: E402

SAMPLE = ROOT / "src/kinerja/samples/banjar-2013-2016.txt"
PAGES = {
    "region overview": "/kabupaten-banjar/",
    "agency year": "/kabupaten-banjar/dinas-koperasi-dan-umkm/2016/",
}


def hammer(port: int, path: str, clients: int, seconds: float) -> tuple[list[float], int]:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            begin = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Host": "localhost"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            took = time.perf_counter() - begin
            with lock:
                times.append(took)
                if not ok:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="kinerja-bench-load-")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(KINERJA_DATA_DIR=data, KINERJA_SECRET_KEY="beban-" + "x" * 50, KINERJA_DEBUG="1")
    subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "import", str(SAMPLE), "--agency", "Dinas Koperasi dan UMKM",
         "--region", "Kabupaten Banjar", "--create", "--published"],
        env=env, capture_output=True,
    )  # fmt: skip
    with running_serve(env) as served:
        port = served.port
        cores = os.cpu_count()
        print(f"{args.clients} clients, {args.seconds:.0f} s per page, kinerja serve on 127.0.0.1 ({cores} cores)")
        print(f"{'page':18} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        for name, path in PAGES.items():
            hammer(port, path, 4, 2)  # warm up
            times, errors = hammer(port, path, args.clients, args.seconds)
            ordered = sorted(times)
            p95 = ordered[int(len(ordered) * 0.95) - 1] if ordered else 0
            print(
                f"{name:18} {len(times) / args.seconds:>8.1f} {statistics.median(times) * 1000:>8.0f} "
                f"{p95 * 1000:>8.0f} {errors:>7}"
            )


if __name__ == "__main__":
    main()
