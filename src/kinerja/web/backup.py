"""Backup and restore of a whole installation: the database and the uploaded files, in one .tar.gz.

``backup`` reads every table in one transaction (REPEATABLE READ on PostgreSQL; on SQLite a read
transaction sees one snapshot), so the copy is consistent while the site keeps running; then it adds
the uploaded files. ``restore`` rebuilds an empty installation from such a file: migrations, the
data, the files. It refuses an installation that already holds data, and an archive whose members
would land outside the media folder.
"""

from __future__ import annotations

import io
import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
MANIFEST = "kinerja-cadangan.json"
DATA = "data.xml"  # XML keeps datetimes to the microsecond (Django's JSON keeps milliseconds)
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why (Indonesian)."""


def backup(target: Path) -> dict:
    """Write the installation to ``target`` (.tar.gz). Returns what was written."""
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="kinerja-cadangan-") as folder:
        dump = Path(folder) / DATA
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:  # one snapshot for every table that follows
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            call_command(
                "dumpdata", exclude=EXCLUDED, natural_foreign=True, output=str(dump), verbosity=0, format="xml"
            )
        records = _count(dump)
        files = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": connection.vendor,
            "records": records,
            "files": len(files),
        }
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".sebagian")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(dump, arcname=DATA)
            for path in files:
                archive.add(path, arcname=str(PurePosixPath("media") / path.relative_to(media).as_posix()))
        partial.replace(target)  # a backup file is whole or absent
    return manifest


def _count(dump: Path) -> int:
    count = 0
    with dump.open("rb") as data:
        for line in data:
            count += line.count(b"<object ")
    return count


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def _empty() -> bool:
    from django.contrib.auth import get_user_model

    from kinerja.web.performance.models import AuditEvent, Region

    return not (get_user_model().objects.exists() or Region.objects.exists() or AuditEvent.objects.exists())


def restore(source: Path) -> dict:
    """Rebuild this (empty, migrated) installation from ``source``. Returns the backup's manifest."""
    if not source.is_file():
        raise BackupError(f"{source}: berkas cadangan tidak ditemukan")
    try:
        archive = tarfile.open(source, "r:gz")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"{source.name}: bukan berkas cadangan kinerja ({exc.__class__.__name__})") from None
    with archive:
        try:
            manifest = json.loads(archive.extractfile(MANIFEST).read())
        except (KeyError, AttributeError, ValueError):
            raise BackupError(f"{source.name}: bukan berkas cadangan kinerja (tidak ada {MANIFEST})") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{source.name}: format cadangan {manifest.get('format')!r} tidak dikenal")
        members = archive.getmembers()
        media_members = []
        for member in members:
            name = PurePosixPath(member.name)
            if member.name in (MANIFEST, DATA):
                continue
            if name.parts[:1] != ("media",) or ".." in name.parts or name.is_absolute() or not member.isfile():
                raise BackupError(f"{source.name}: anggota '{member.name}' di luar folder unggahan; tidak dipulihkan")
            media_members.append(member)
        if not _empty():
            raise BackupError(
                "Instalasi ini sudah berisi data; pemulihan hanya ke instalasi kosong (KINERJA_DATA_DIR atau "
                "DATABASE_URL baru)."
            )
        with tempfile.TemporaryDirectory(prefix="kinerja-pulih-") as folder:
            dump = Path(folder) / DATA
            dump.write_bytes(archive.extractfile(DATA).read())
            with transaction.atomic():
                call_command("loaddata", str(dump), verbosity=0)
        media = Path(settings.MEDIA_ROOT)
        for member in media_members:
            target = media.joinpath(*PurePosixPath(member.name).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as data, target.open("wb") as out:
                out.write(data.read())
    return manifest
