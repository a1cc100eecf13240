"""Public pages served from memory while nothing has changed.

A page the public reads (no one logged in, a GET, an answer of 200) is kept in the cache under its
language, address and the data version: the id of the newest audit event and a generation that a
region or agency saved by any door (the shell included, which leaves no audit event) moves on. Every
write to a year, a plan or an import leaves an audit event, so a page is never older than the last change.
Logged-in people always get a fresh page (they see drafts, their own forms and messages)."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.db.models.signals import post_save
from django.http import HttpResponse
from django.utils.translation import get_language

from .models import Agency, AuditEvent, Region

# What a page served from memory keeps of the answer besides its content: a download keeps its file name.
KEPT_HEADERS = ("Content-Type", "Content-Disposition")


GENERATION = "halaman:generasi"


def _version() -> str:
    newest = AuditEvent.objects.aggregate(newest=Max("id"))["newest"] or 0
    return f"{newest}:{cache.get(GENERATION, 0)}"


def outdate(**_) -> None:
    """Every page kept is stale: a region or an agency changed (name, address, head), maybe without an audit
    event. The generation lives in the cache every process shares, like the pages. Connected to their saves
    when the app starts (apps.py), so a save from the shell counts too."""
    try:
        cache.incr(GENERATION)
    except ValueError:  # not there yet (or expired with the cache)
        cache.set(GENERATION, 1, None)


def connect() -> None:
    for model in (Region, Agency):
        post_save.connect(outdate, sender=model, dispatch_uid=f"pagecache-{model.__name__}")


def public_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = getattr(settings, "KINERJA_PAGE_CACHE_SECONDS", 0)
        if seconds <= 0 or request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = f"halaman:{get_language()}:{request.get_full_path()[:500]}:{_version()}"
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-Kinerja-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), seconds)
        return response

    return wrapped
