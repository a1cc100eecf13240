"""The issue's hostile files, each refused cheaply with the limit it breaks: through `kinerja check`
(exit code 2, no traceback) and through the web as an operator (a message; nothing written)."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import hostile

SAMPLE = Path(__file__).resolve().parents[1] / "src/kinerja/samples/banjar-2013-2016.txt"
EXPECTED = {
    "xlsx-huge-string": "setelah dibuka; paling banyak 200 MiB",
    "docx-bomb": "setelah dibuka; paling banyak 200 MiB",
    "pdf-stream-bomb": "aliran data PDF membesar lebih dari 100 MiB",
    "pdf-2000-pages": "2000 halaman; paling banyak 300 halaman",
    "text-9mb-tables": "tabel dalam satu berkas; paling banyak 60",
    "xlsx-1m-rows": "berisi 1000000 baris; paling banyak 100000",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return hostile.all_files(tmp_path_factory.mktemp("hostile"), SAMPLE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_kinerja_check_refuses_with_the_limit(files, name):
    path = files[name]
    assert path.stat().st_size < 10 * 1024 * 1024  # every one of them passes the upload size limit
    begin = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kinerja.cli", "check", str(path)], capture_output=True, text=True)
    assert time.perf_counter() - begin < 10
    assert done.returncode == 2, done.stderr
    assert EXPECTED[name] in done.stderr and path.name in done.stderr and "Traceback" not in done.stderr


def test_a_memory_error_is_exit_code_2(tmp_path):
    """What broke the old `kinerja check`: a file that needs more memory than the limit allows."""
    text = tmp_path / "berat.txt"
    text.write_text(SAMPLE.read_text(encoding="utf-8") * 10, encoding="utf-8")
    env = {"KINERJA_PARSE_MEMORY_MB": "1", "PATH": "/usr/bin:/bin"}
    # Where memory runs out differs from run to run; saying so once failed about one run in thirty
    # (the refusal itself was written while the limit still held). Ten runs, each must refuse.
    for _ in range(10):
        done = subprocess.run([sys.executable, "-m", "kinerja.cli", "check", str(text)], capture_output=True,
                              text=True, env=env)  # fmt: skip
        assert done.returncode == 2 and "batas memori" in done.stderr and "Traceback" not in done.stderr, done.stderr
