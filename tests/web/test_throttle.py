"""Login throttling that stops attackers, not users: counted in the database per account at an
address, per account and per address; waits that double instead of a fixed lock-out; the admin
login throttled like the site's; an admin sees and clears the counts."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from kinerja.web.performance.models import LoginThrottle
from tests.web.conftest import make_user

PASSWORD = "kata-sandi-uji-123"


def attempt(address: str, username: str, password: str, path: str = "/masuk/"):
    return Client(REMOTE_ADDR=address).post(path, {"username": username, "password": password})


def waits(key: str) -> int:
    row = LoginThrottle.objects.get(key=key)
    return round((row.blocked_until - row.last_failure).total_seconds()) if row.blocked_until else 0


def test_waits_double_after_the_free_attempts(team, settings):
    assert settings.KINERJA_LOGIN_ATTEMPTS == 5
    for _ in range(4):
        assert attempt("203.0.113.9", "opi", "salah").status_code == 200
    assert waits("pasangan:opi@203.0.113.9") == 0  # four failures: no wait yet
    attempt("203.0.113.9", "opi", "salah")
    assert waits("pasangan:opi@203.0.113.9") == 2  # the fifth: the next attempt waits 2 s
    refused = attempt("203.0.113.9", "opi", PASSWORD)
    assert refused.status_code == 429 and "Coba lagi dalam" in refused.content.decode()
    assert 1 <= int(refused["Retry-After"]) <= 3
    for expected in (4, 8, 16):  # each further failure (after its wait) doubles the next wait
        LoginThrottle.objects.update(blocked_until=None)  # as if the wait had passed
        attempt("203.0.113.9", "opi", "salah")
        assert waits("pasangan:opi@203.0.113.9") == expected
    LoginThrottle.objects.update(blocked_until=None)
    assert attempt("203.0.113.9", "opi", PASSWORD).status_code == 302  # the right password, once allowed
    assert not LoginThrottle.objects.filter(key__in=["pasangan:opi@203.0.113.9", "akun:opi"]).exists()


def test_an_attacker_elsewhere_does_not_lock_the_owner_out(team):
    for _ in range(8):
        attempt("198.51.100.66", "opi", "tebakan")  # someone guessing opi's password from far away
    assert attempt("198.51.100.66", "opi", PASSWORD).status_code == 429  # the guesser waits
    assert attempt("10.1.2.3", "opi", PASSWORD).status_code == 302  # opi at the office does not


def test_an_office_behind_one_address_shares_a_generous_allowance(team):
    for i in range(12):
        make_user(f"pegawai{i}", "operator", agency=team[0])
        attempt("10.9.9.9", f"pegawai{i}", "salah")  # twelve people mistype once, all behind one NAT
    assert attempt("10.9.9.9", "opi", PASSWORD).status_code == 302
    for _ in range(40):
        LoginThrottle.objects.update(blocked_until=None)
        attempt("10.9.9.9", "penyemprot", "salah")  # a password sprayer behind the same address
    assert waits("alamat:10.9.9.9") > 0


def test_the_admin_login_is_throttled_too(team):
    admin = make_user("kepala-admin", "admin")
    for _ in range(5):
        assert attempt("203.0.113.20", "kepala-admin", "salah", "/kelola/login/").status_code == 200
    blocked = attempt("203.0.113.20", "kepala-admin", PASSWORD, "/kelola/login/")
    assert blocked.status_code == 429 and "Terlalu banyak percobaan" in blocked.content.decode()
    assert admin.is_active
    # the same counts as the site's own login page
    assert attempt("203.0.113.20", "kepala-admin", PASSWORD, "/masuk/").status_code == 429


def test_an_admin_sees_and_clears_the_counts(team):
    for _ in range(5):
        attempt("203.0.113.30", "opi", "salah")
    admin = Client()
    admin.force_login(team[1]["admin"])
    listing = admin.get("/kelola/performance/loginthrottle/").content.decode()
    assert "pasangan:opi@203.0.113.30" in listing and "akun:opi" in listing
    rows = list(LoginThrottle.objects.values_list("pk", flat=True))
    response = admin.post(
        "/kelola/performance/loginthrottle/",
        {"action": "delete_selected", "_selected_action": rows, "post": "yes"},
    )
    assert response.status_code == 302 and not LoginThrottle.objects.exists()
    assert attempt("203.0.113.30", "opi", PASSWORD).status_code == 302
    operator = Client()
    operator.force_login(team[1]["operator"])
    assert operator.get("/kelola/performance/loginthrottle/").status_code in (302, 403)


def test_old_failures_are_forgotten(team, settings):
    for _ in range(5):
        attempt("203.0.113.40", "opi", "salah")
    LoginThrottle.objects.update(
        last_failure=timezone.now() - timedelta(seconds=settings.KINERJA_LOGIN_WINDOW_SECONDS + 60),
        blocked_until=None,
    )
    attempt("203.0.113.40", "opi", "salah")
    assert LoginThrottle.objects.get(key="pasangan:opi@203.0.113.40").failures == 1  # counting starts again
