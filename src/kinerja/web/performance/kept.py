"""What the import preview read, kept beside the upload so that confirming does not read the file
again. The pickled result is signed with the site's secret key: a file that is not exactly what
this site wrote is never unpickled (the upload is then read again instead)."""

from __future__ import annotations

import hashlib
import hmac
import pickle
from pathlib import Path

from django.conf import settings

from kinerja.core.checks import CheckResult

SUFFIX = ".hasil"


def _path(upload: Path) -> Path:
    return upload.with_name(upload.name + SUFFIX)


def _signature(data: bytes) -> bytes:
    key = hashlib.sha256(b"kinerja.kept:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, data, hashlib.sha256).digest()


def keep(upload: Path, result: CheckResult) -> None:
    data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    _path(upload).write_bytes(_signature(data) + data)


def kept(upload: Path) -> CheckResult | None:
    """The result kept for ``upload``, or None when there is none or it is not what this site wrote."""
    try:
        raw = _path(upload).read_bytes()
    except OSError:
        return None
    signature, data = raw[:32], raw[32:]
    if len(signature) < 32 or not hmac.compare_digest(signature, _signature(data)):
        return None
    result = pickle.loads(data)  # noqa: S301 — signed by this site, checked above
    return result if isinstance(result, CheckResult) else None


def forget_reading(upload: Path) -> None:
    """Drop the kept reading only (the upload is read another way)."""
    _path(upload).unlink(missing_ok=True)


def forget(upload: Path) -> None:
    forget_reading(upload)
    upload.unlink(missing_ok=True)
