"""Start `kinerja demo` in a subprocess on a free port, as a person would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_demo(data_dir: Path, timeout: float = 90.0):
    port = free_port()
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["KINERJA_DATA_DIR"] = str(data_dir)
    env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "kinerja.cli", "demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    output: list[str] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                if process.poll() is not None:
                    raise RuntimeError("kinerja demo stopped:\n" + "".join(output))
                continue
            output.append(line)
            if "berjalan di http://" in line:
                break
        else:
            raise RuntimeError("kinerja demo did not start:\n" + "".join(output))
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", "".join(output)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@dataclass(frozen=True)
class Served:
    port: int
    pid: int


@contextmanager
def running_serve(env: dict, timeout: float = 60.0):
    """`kinerja serve` in a subprocess with ``env`` on a free port, once it answers; yields its port and
    process id."""
    import http.client

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kinerja.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("kinerja serve did not start") from None
                time.sleep(0.2)
        yield Served(port=port, pid=process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
