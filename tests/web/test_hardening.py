"""Headers and session limits: a strict Content-Security-Policy (the pages use no inline script),
an idle timeout and an absolute lifetime for sessions."""

import re
import time
from pathlib import Path

from django.conf import settings
from django.test import Client

TEMPLATES = Path(__file__).resolve().parents[2] / "src/kinerja/web"


def test_pages_carry_a_strict_policy_and_need_no_inline_script(banjar):
    response = Client().get("/kabupaten-banjar/dinas-koperasi-dan-umkm/2016/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template  # no inline script
        assert not re.search(r"\son[a-z]+=\"", text), template  # no inline event handlers
        assert ' style="' not in text, template


def test_a_session_ends_when_idle_and_after_its_lifetime(banjar, personas):
    assert settings.SESSION_COOKIE_AGE == 60 * 60  # idle: 1 hour
    client = Client()
    client.force_login(personas["operator"])
    first = client.get("/kerja/")
    assert first.status_code == 200 and settings.SESSION_COOKIE_NAME in first.cookies  # renewed: idle starts again
    again = client.get("/kerja/")  # within the minute: no write of the session row, no new cookie
    assert settings.SESSION_COOKIE_NAME not in again.cookies
    session = client.session
    session["kinerja_seen_at"] = time.time() - 61
    session.save()
    assert settings.SESSION_COOKIE_NAME in client.get("/kerja/").cookies  # a minute later: renewed again
    session = client.session
    session["kinerja_login_at"] = time.time() - 13 * 3600  # logged in 13 hours ago (the limit is 12)
    session.save()
    response = client.get("/kerja/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    assert client.get("/kerja/").status_code == 302  # logged out, not just redirected once
