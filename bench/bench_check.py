"""Benchmark: read and check the Banjar sample and generated forms of growing size.

Run: python bench/bench_check.py   (prints a table; cost per row should stay flat)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import form_text  # noqa: E402
from lean_pass import lean_pass  # noqa: E402

from kinerja.core import values  # noqa: E402
from kinerja.core.names import normalize_name  # noqa: E402
from kinerja.core.numbers import quantize  # noqa: E402
from kinerja.core.units import normalize_unit  # noqa: E402
from kinerja.pipeline import check_files  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "kinerja" / "samples" / "banjar-2013-2016.txt"


def clear_caches() -> None:
    values.clear_cache()
    normalize_name.cache_clear()
    normalize_unit.cache_clear()


def timed(path: Path, repeat: int) -> tuple[float, float, int, int]:
    times = []
    result = None
    for _ in range(repeat):
        clear_caches()  # each run reads the file as the first time: no cell or name remembered
        start = time.perf_counter()
        result = check_files([path])
        times.append(time.perf_counter() - start)
    clear_caches()  # the peak of a first reading too, not of one that finds every cell remembered
    tracemalloc.start()
    check_files([path])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = sum(len(d.rows) for d in result.documents)
    return statistics.median(times), peak / 2**20, rows, len(result.findings)


def floor(path: Path, repeat: int) -> float:
    """The bare floor: split each line on tabs and divide realisation by target, nothing more.

    The generated form has seven columns: sasaran, indikator, target, its unit, realisasi, its unit
    and the reported %. The target is the third cell and the realisation the fifth.
    """
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        total = 0.0
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) < 5:
                continue
            try:
                target = float(cells[2].replace(".", "").replace(",", "."))
                real = float(cells[4].replace(".", "").replace(",", "."))
            except ValueError:
                continue
            total += real / target if target else 0.0
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ratio(path: Path, pairs: int) -> dict[str, float]:
    """kinerja and the lean pass against the floor, run in turns so that all three see the machine in
    the same state: median seconds of each, and the median of each run's ratio to its floor."""
    runs: dict[str, list[float]] = {"floor": [], "kinerja": [], "lean": [], "kinerja_x": [], "lean_x": []}
    for _ in range(pairs):
        bare = floor(path, 3)
        clear_caches()
        start = time.perf_counter()
        check_files([path])
        checked = time.perf_counter() - start
        start = time.perf_counter()
        lean_pass(path.read_text(encoding="utf-8"))
        lean = time.perf_counter() - start
        for key, value in (("floor", bare), ("kinerja", checked), ("lean", lean)):
            runs[key].append(value)
        runs["kinerja_x"].append(checked / bare)
        runs["lean_x"].append(lean / bare)
    return {key: statistics.median(values) for key, values in runs.items()}


def agreement(path: Path) -> str:
    """The yardstick does the same arithmetic: its capaian of each row against kinerja's."""
    (document,) = check_files([path]).documents
    lean_rows, _ = lean_pass(path.read_text(encoding="utf-8"))
    same = sum(
        1
        for row, lean in zip(document.rows, lean_rows, strict=True)
        if (row.capaian.value is None) == (lean.capaian is None)
        and (lean.capaian is None or quantize(row.capaian.value, 2) == quantize(lean.capaian, 2))
    )
    return f"its capaian equals kinerja's on {same} of {len(document.rows)} rows"


def main() -> None:
    print(f"{'input':28} {'rows':>6} {'findings':>9} {'median s':>9} {'µs/row':>8} {'peak MiB':>9}")
    median, peak, rows, findings = timed(SAMPLE, 20)
    print(
        f"{'Banjar sample (5 tables)':28} {rows:6d} {findings:9d} {median:9.4f} {median / rows * 1e6:8.1f} {peak:9.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000, 2500, 5000, 10000):
            path = Path(tmp) / f"form-{n}.txt"
            path.write_text(form_text(n), encoding="utf-8")
            median, peak, rows, findings = timed(path, 3)
            print(f"{'generated form':28} {rows:6d} {findings:9d} {median:9.4f} {median / rows * 1e6:8.1f} {peak:9.1f}")
            if n == 10000:
                r = ratio(path, 7)
                print(f"bare floor (tab split and divide) of the same {rows} rows: {r['floor']:.4f} s")
                print(
                    f"read-and-check, run in turns with it: {r['kinerja']:.4f} s, "
                    f"{r['kinerja_x']:.0f}x the floor (target: 10x)"
                )
                print(f"lean pass (bench/lean_pass.py, the common row only): {r['lean']:.4f} s, "
                      f"{r['lean_x']:.0f}x the floor; {agreement(path)}")  # fmt: skip
                print(f"read-and-check against the lean pass: {r['kinerja_x'] / r['lean_x']:.1f}x")


if __name__ == "__main__":
    main()
