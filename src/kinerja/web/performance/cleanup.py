"""Files nobody will ask for again: import previews never confirmed, evidence uploads that no save
kept. Replaced evidence is kept: the audit trail names it and serves it (views_entry.evidence_history)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .models import AuditEvent, Realisation


@dataclass
class Cleaned:
    previews: int = 0
    evidence: int = 0
    kept_evidence: int = 0


def _old(path: Path, hours: float) -> bool:
    return time.time() - path.stat().st_mtime > hours * 3600


def _named_in_audit() -> set[str]:
    named = set()
    for before, after in AuditEvent.objects.filter(object_type="Realisation").values_list("before", "after"):
        for data in (before, after):
            if isinstance(data, dict) and isinstance(data.get("berkas"), str):
                named.add(data["berkas"])
    return named


def clean(hours: float = 24) -> Cleaned:
    """Remove preview uploads and unreferenced evidence files older than ``hours``."""
    media = Path(settings.MEDIA_ROOT)
    done = Cleaned()
    previews = media / "impor"
    if previews.is_dir():
        for path in previews.iterdir():
            if path.is_file() and _old(path, hours):
                path.unlink(missing_ok=True)
                done.previews += 1
    evidence = media / "bukti"
    if evidence.is_dir():
        kept = set(Realisation.objects.exclude(evidence="").values_list("evidence", flat=True)) | _named_in_audit()
        for path in evidence.iterdir():
            if not path.is_file():
                continue
            if f"bukti/{path.name}" in kept:
                done.kept_evidence += 1
            elif _old(path, hours):
                path.unlink(missing_ok=True)
                done.evidence += 1
    return done
