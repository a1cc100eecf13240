"""Reading an uploaded file in a child process, with a time and a memory limit.

The web app never parses an upload in its own process: a slow or hostile file then costs one child
process, not the site, and the parsing does not compete with people saving figures for the web
process's interpreter lock. The child knows nothing of Django; it returns the checked documents.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from kinerja.core.checks import CheckResult
from kinerja.readers import ReadError

logger = logging.getLogger(__name__)


def _limit(memory_bytes: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    except (ImportError, ValueError, OSError):  # not every platform lets a process limit itself
        pass


def _check(paths: list[str]) -> CheckResult:
    from kinerja.pipeline import check_files

    try:
        return check_files(paths)
    except (MemoryError, SystemError):  # SystemError: CPython out of memory without setting MemoryError
        raise ReadError("Berkas terlalu berat untuk dibaca (melebihi batas memori pembacaan).") from None


def check_mapped(paths: list[str], mapping: dict) -> CheckResult:
    """``work`` for a table read through named columns (kinerja.readers.mapping), ``mapping`` as_dict."""
    from kinerja.pipeline import check_mapped as check
    from kinerja.readers.mapping import ColumnMap

    try:
        return check(paths[0], ColumnMap.from_dict(mapping))
    except (MemoryError, SystemError):
        raise ReadError("Berkas terlalu berat untuk dibaca (melebihi batas memori pembacaan).") from None


def preview_lines(paths: list[str]) -> list:
    """``work`` for the mapping page: the file's first lines of cells (kinerja.readers.mapping.preview)."""
    from kinerja.readers import read_lines
    from kinerja.readers.mapping import preview

    try:
        return preview(read_lines(Path(paths[0])))
    except (MemoryError, SystemError):
        raise ReadError("Berkas terlalu berat untuk dibaca (melebihi batas memori pembacaan).") from None


def _stopped(children: list) -> str:
    """Why the reading child vanished, as far as its exit says: killed by the system (out of memory, as a
    rule), or stopped with an exit code, which is not taken for memory."""
    code, deadline = None, time.monotonic() + 5
    while code is None and children and time.monotonic() < deadline:
        # the pool's own thread reaps the child too: whichever waits second sees no exit code until the
        # first has recorded it, so ask again for a moment rather than take "unknown" for an answer
        for child in children:
            child.join(timeout=0.2)
        code = next((c.exitcode for c in children if c.exitcode is not None), None)
    if code == -signal.SIGKILL:
        return (
            "Berkas terlalu berat untuk dibaca (proses pembaca dihentikan oleh sistem, "
            "biasanya karena kehabisan memori)."
        )
    said = f" (kode keluar {code})" if code is not None else ""
    logger.error("the reading child stopped without an answer%s", said)
    return (
        f"Pembacaan berkas berhenti tiba-tiba{said}. Tidak ada yang disimpan; coba unggah lagi, "
        "dan laporkan kepada admin bila terulang."
    )


def check_files_isolated(
    paths: Iterable[str | Path], *, seconds: float = 120, memory_mb: int = 1024, work: Callable = _check
) -> CheckResult:
    """check_files in a fresh child process; ReadError when the file is unreadable or exceeds a limit.
    ``work`` is what the child runs (a module-level function of the paths): ``_check`` but in tests."""
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=1, mp_context=context, initializer=_limit, initargs=(memory_mb * 1024 * 1024,)
    )
    children = []
    try:
        future = executor.submit(work, [str(p) for p in paths])
        children = list(getattr(executor, "_processes", {}).values())
        return future.result(timeout=seconds)
    except FutureTimeout:
        raise ReadError(f"Pembacaan berkas dihentikan setelah {seconds:.0f} detik; berkas terlalu berat.") from None
    except MemoryError:  # the child ran out even while saying so: its MemoryError comes back
        raise ReadError("Berkas terlalu berat untuk dibaca (pembacaan dihentikan oleh batas memori).") from None
    except BrokenProcessPool:
        children += [c for c in getattr(executor, "_processes", {}).values() if c not in children]
        raise ReadError(_stopped(children)) from None
    finally:
        for process in list(getattr(executor, "_processes", {}).values()):
            if process.is_alive():
                process.kill()
        executor.shutdown(wait=False, cancel_futures=True)
