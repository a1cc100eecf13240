"""`kinerja backup` and `kinerja restore`: the demo plus a full yearly cycle, backed up and restored into
an empty installation, shows every page, report, audit event and evidence file identically."""

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "src/kinerja/samples/banjar-2013-2016.txt"


def installation(folder: Path, database: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KINERJA_", "DJANGO_", "DATABASE_URL"))}
    env.update(KINERJA_DATA_DIR=str(folder), KINERJA_DEBUG="1", PYTHONPATH=str(HERE.parent))
    if database:
        env["DATABASE_URL"] = database
    return env


def fresh_database(name: str) -> str | None:
    """On PostgreSQL (DATABASE_URL set, as .ci/run does): a new empty database on the same server."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return None
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


def kinerja(env, *args, check=True):
    done = subprocess.run([sys.executable, "-m", "kinerja.cli", *args], env=env, capture_output=True, text=True)
    if check and done.returncode not in (0, 1):
        raise AssertionError(done.stderr)
    return done


def shell(env, script: Path) -> str:
    return kinerja(env, "manage", "shell", "-c", f"exec(open({str(script)!r}).read())").stdout


def fingerprint(env) -> dict:
    line = next(line for line in shell(env, HERE / "backup/fingerprint.py").splitlines() if line.startswith("SIDIK"))
    return json.loads(line[len("SIDIK") :])


def test_backup_and_restore_round_trip(tmp_path):
    """On SQLite files, or on two new PostgreSQL databases when the suite runs on PostgreSQL."""
    first = installation(tmp_path / "asal", fresh_database("kinerja_cadangan_asal"))
    kinerja(first, "import", str(SAMPLE), "--agency", "Dinas Koperasi dan UMKM", "--region", "Kabupaten Banjar",
            "--create", "--published")  # fmt: skip
    assert "siklus selesai" in shell(first, HERE / "backup/cycle.py")
    before = fingerprint(first)
    assert before["evidence"] and len(before["audit"]) > 100

    archive = tmp_path / "cadangan.tar.gz"
    done = kinerja(first, "backup", str(archive))
    assert done.returncode == 0 and "dicadangkan" in done.stdout
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "kinerja-cadangan.json" in names and "data.xml" in names and any(n.startswith("media/bukti/") for n in names)

    second = installation(tmp_path / "pulih", fresh_database("kinerja_cadangan_pulih"))
    restored = kinerja(second, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert fingerprint(second) == before
    # a second restore into the now full installation is refused, and nothing changes
    again = kinerja(second, "restore", str(archive), check=False)
    assert again.returncode == 2 and "sudah berisi data" in again.stderr
    assert fingerprint(second) == before


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    env = installation(tmp_path / "kosong")
    bogus = tmp_path / "bukan.tar.gz"
    bogus.write_bytes(b"bukan arsip")
    done = kinerja(env, "restore", str(bogus), check=False)
    assert done.returncode == 2 and "bukan berkas cadangan" in done.stderr and "Traceback" not in done.stderr
    escaping = tmp_path / "keluar.tar.gz"
    with tarfile.open(escaping, "w:gz") as tar:
        for name, data in (
            ("kinerja-cadangan.json", b'{"format": 1}'),
            ("data.xml", b"<django-objects/>"),
            ("../../etc/x", b"x"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            import io

            tar.addfile(info, io.BytesIO(data))
    done = kinerja(env, "restore", str(escaping), check=False)
    assert done.returncode == 2 and "di luar folder unggahan" in done.stderr
    assert not (tmp_path / "etc").exists()
