"""Two `kinerja serve` processes on one database and one media folder behave as one site: a session
started on one is valid on the other, login failures count together, an import previewed on one is
confirmed on the other, and a figure saved on one makes the other's stale form refused. On SQLite
(one file, WAL) and, when the suite runs on PostgreSQL, on a new PostgreSQL database."""

import re
from contextlib import ExitStack

from tests.demo_server import running_serve
from tests.http_client import Browser
from tests.test_backup import SAMPLE, fresh_database, installation, kinerja

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
SETUP = (
    "from django.contrib.auth import get_user_model; from kinerja.web.performance.models import *; "
    "u = get_user_model().objects.create_user('ani', password='kata-sandi-uji-123'); "
    "Membership.objects.create(user=u, role='operator', agency=Agency.objects.get()); "
    "AgencyYear.objects.update(status='draft')"
)


def log_in(browser: Browser, username: str, password: str) -> int:
    token = browser.token("/masuk/")
    status, _ = browser.post_form("/masuk/", {"csrfmiddlewaretoken": token, "username": username, "password": password})
    return status


def table_form(page: str) -> dict:
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    data.update(re.findall(r'<input type="text" name="(f-[^"]+)" id="[^"]+" value="([^"]*)"', page))
    data.update(re.findall(r'<textarea name="(f-[^"]+)"[^>]*>(.*?)</textarea>', page, re.S))
    return data


def test_two_app_servers_are_one_site(tmp_path):
    env = installation(tmp_path / "bersama", fresh_database("kinerja_dua_server"))
    env["KINERJA_SECRET_KEY"] = "dua-server-" + "x" * 40  # the same key on every server, as deployed
    kinerja(env, "import", str(SAMPLE), "--agency", "Dinas Koperasi dan UMKM", "--region", "Kabupaten Banjar",
            "--create", "--published")  # fmt: skip
    kinerja(env, "manage", "shell", "-c", SETUP)
    with ExitStack() as stack:
        a, b = (stack.enter_context(running_serve(env)).port for _ in range(2))
        on_a = Browser(a)
        assert log_in(on_a, "ani", "kata-sandi-uji-123") == 302
        on_b = Browser(b).with_cookies_of(on_a)
        status, page = on_b.request("GET", "/kerja/")
        assert status == 200 and "Pekerjaan saya" in page  # the session started on A is valid on B

        # login failures count together, whichever server they reach
        for server in (a, b, a, b, a):
            assert log_in(Browser(server), "ani", "salah") == 200
        assert log_in(Browser(b), "ani", "kata-sandi-uji-123") == 429

        # an import previewed on A is confirmed on B
        token = on_a.token("/impor/baru/")
        status, preview = on_a.post_form(
            "/impor/baru/", {"csrfmiddlewaretoken": token, "agency": "1"},
            {"document": ("koreksi.txt", SAMPLE.read_bytes().replace(b"19.393 orang", b"19.400 orang", 1))},
        )  # fmt: skip
        found = re.search(r"/impor/baru/([\w-]{10,})/", preview)
        assert found, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", preview))[-1500:]
        confirm = found.group(1)
        on_b.with_cookies_of(on_a)
        status, _ = on_b.post_form(f"/impor/baru/{confirm}/", {"csrfmiddlewaretoken": on_b.token("/impor/baru/")})
        assert status == 302

        # a figure saved through A makes the form B showed earlier stale: refused, naming the change
        _, page_b = on_b.request("GET", f"{BASE}/2016/entri/tabel/")
        _, page_a = on_a.request("GET", f"{BASE}/2016/entri/tabel/")
        form_a, form_b = table_form(page_a), table_form(page_b)
        field = next(k for k in form_a if k.startswith("f-") and k.endswith("-target"))
        form_a[field] = "11.111"
        status, _ = on_a.post_form(f"{BASE}/2016/entri/tabel/", form_a)
        assert status == 302
        form_b[field] = "22.222"
        status, refused = on_b.post_form(f"{BASE}/2016/entri/tabel/", form_b)
        assert status == 200 and "telah diubah oleh" in refused and "11.111" in refused
