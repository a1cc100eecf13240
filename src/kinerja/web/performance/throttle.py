"""Login throttling that stops attackers, not users.

Failures are counted per account at one address, per account from anywhere, and per address across
accounts, in the database (every app server shares them). Each count has its free attempts, then
every further failure makes the next attempt wait longer (doubling up to a ceiling) instead of
locking anyone out for a fixed time: the account's owner at another address keeps their own, much
larger, allowance, and an office behind one NAT address shares a generous one. A successful login
clears its account's counts; counts older than the window are forgotten. Admins see and clear the
counts in the admin site ("Penahanan login")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import LoginThrottle


@dataclass(frozen=True)
class Rule:
    prefix: str
    free: int  # failures allowed before any wait
    ceiling: int  # longest wait, seconds


def _rules() -> tuple[Rule, ...]:
    attempts = settings.KINERJA_LOGIN_ATTEMPTS
    ceiling = settings.KINERJA_LOGIN_LOCKOUT_SECONDS
    return (
        Rule("pasangan", attempts, ceiling),  # this account from this address
        Rule("akun", attempts * 4, max(ceiling // 3, 1)),  # this account from anywhere: shorter waits
        Rule("alamat", attempts * 10, ceiling),  # this address, any account (a NAT office shares it)
    )


def _keys(request, username: str) -> dict[str, str]:
    address = request.META.get("REMOTE_ADDR", "?")
    name = (username or "").strip().lower()[:150]
    return {"pasangan": f"pasangan:{name}@{address}", "akun": f"akun:{name}", "alamat": f"alamat:{address}"}


def wait_seconds(request, username: str) -> int:
    """How long this attempt must still wait (0: it may go ahead)."""
    now = timezone.now()
    keys = list(_keys(request, username).values())
    blocked = LoginThrottle.objects.filter(key__in=keys, blocked_until__gt=now).values_list("blocked_until", flat=True)
    longest = max(blocked, default=None)
    return int((longest - now).total_seconds()) + 1 if longest else 0


def failed(request, username: str) -> None:
    """Count a failure under every key; past a key's free attempts, the next attempt waits 2, 4, 8 … s."""
    now = timezone.now()
    window = timedelta(seconds=settings.KINERJA_LOGIN_WINDOW_SECONDS)
    keys = _keys(request, username)
    for rule in _rules():
        key = keys[rule.prefix]
        with transaction.atomic():
            updated = LoginThrottle.objects.filter(key=key, last_failure__gte=now - window).update(
                failures=F("failures") + 1, last_failure=now
            )
            if not updated:  # new, or forgotten after the window: start again
                try:
                    with transaction.atomic():
                        LoginThrottle.objects.update_or_create(
                            key=key, defaults={"failures": 1, "last_failure": now, "blocked_until": None}
                        )
                except IntegrityError:  # another server created it meanwhile
                    LoginThrottle.objects.filter(key=key).update(failures=F("failures") + 1, last_failure=now)
            row = LoginThrottle.objects.get(key=key)
            over = row.failures - rule.free + 1  # the free-th failure already makes the next attempt wait
            if over > 0:
                row.blocked_until = now + timedelta(seconds=min(2**over, rule.ceiling))
                row.save(update_fields=["blocked_until"])


def succeeded(request, username: str) -> None:
    keys = _keys(request, username)
    LoginThrottle.objects.filter(key__in=[keys["pasangan"], keys["akun"]]).delete()


def message(seconds: int) -> str:
    if seconds >= 120:
        return f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds // 60} menit."
    return f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {seconds} detik."
