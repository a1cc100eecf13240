"""Backup and restore of a whole installation: the database and the uploaded files, in one .tar.gz.

``backup`` reads every table in one transaction (REPEATABLE READ on PostgreSQL; on SQLite a read
transaction sees one snapshot), so the copy is consistent while the site keeps running; then it adds
the uploaded files. ``restore`` rebuilds an empty installation from such a file: migrations, the
data, the files. It refuses an installation that already holds data, and an archive whose members
would land outside the media folder.

A backup names the migrations its installation had applied. Restored by a newer kinerja, the data
migrations written since (a description moved to each year, a signature block kept with it) are run on
the restored data, as an upgrade in place would have run them; a backup from a newer kinerja than this
one is refused. A backup written before backups named their migrations (format 1) is dated by the
fields its records carry.
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
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations.special import RunPython
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 2  # 2: the manifest names the migrations applied (1: it did not)
READABLE = (1, 2)
OWN_APPS = ("performance",)  # kinerja's own apps, whose data migrations a restore runs again
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
            "migrations": sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations()),
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
        if manifest.get("format") not in READABLE:
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
            loader = MigrationLoader(connection)
            later = _written_since(manifest, dump, loader, source.name)
            with transaction.atomic():
                call_command("loaddata", str(dump), verbosity=0)
                _move_forward(loader, later)
        media = Path(settings.MEDIA_ROOT)
        for member in media_members:
            target = media.joinpath(*PurePosixPath(member.name).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as data, target.open("wb") as out:
                out.write(data.read())
    return manifest


def _own_plan(loader: MigrationLoader) -> list[tuple[str, str]]:
    """kinerja's own migrations, in the order they apply."""
    leaves = [node for node in loader.graph.leaf_nodes() if node[0] in OWN_APPS]
    plan: list[tuple[str, str]] = []
    for leaf in leaves:
        plan += [node for node in loader.graph.forwards_plan(leaf) if node[0] in OWN_APPS and node not in plan]
    return plan


def _written_since(manifest: dict, dump: Path, loader: MigrationLoader, name: str) -> list[tuple[str, str]]:
    """kinerja's migrations this code has and the backup's installation had not applied, in order."""
    plan = _own_plan(loader)
    if "migrations" in manifest:
        applied = {tuple(m) for m in manifest["migrations"] if isinstance(m, list) and len(m) == 2}
        newer = sorted(m for m in applied if m[0] in OWN_APPS and m not in loader.graph.nodes)
        if newer:
            raise BackupError(
                f"{name}: cadangan dibuat oleh versi kinerja yang lebih baru (migrasi {newer[0][1]} tidak dikenal "
                "versi ini); pulihkan dengan versi kinerja itu atau yang lebih baru."
            )
        return [node for node in plan if node not in applied]
    reached = _dated_by_fields(dump, loader, plan)
    if reached is None:
        raise BackupError(f"{name}: versi kinerja yang membuat cadangan ini tidak dapat dikenali dari isinya.")
    return plan[plan.index(reached) + 1 :]


def _dated_by_fields(dump: Path, loader: MigrationLoader, plan: list) -> tuple[str, str] | None:
    """The latest of kinerja's migrations whose models have exactly the fields the backup's records carry."""
    from xml.etree.ElementTree import iterparse

    carried: dict[str, set[str]] = {}
    for _, element in iterparse(dump, events=("end",)):
        if element.tag == "object":
            label = element.get("model", "")
            if label.split(".")[0] in OWN_APPS:
                carried.setdefault(label, set()).update(f.get("name") for f in element.findall("field"))
            element.clear()
    reached = None
    for node in plan:
        models = loader.project_state(node).models
        if all(
            (app, model) in models and set(models[(app, model)].fields) - {"id"} == fields
            for app, model, fields in ((*label.split("."), fields) for label, fields in carried.items())
        ):
            reached = node
    return reached


def _move_forward(loader: MigrationLoader, later: list[tuple[str, str]]) -> None:
    """Run the data steps of ``later`` on the restored data, each with the models as of its step."""
    for node in later:
        migration = loader.graph.nodes[node]
        state = loader.project_state(node, at_end=False)
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(state.apps, None)  # kinerja's data steps read and write through apps only
            operation.state_forwards(node[0], state)
