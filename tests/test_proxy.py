"""`kinerja serve` behind a TLS-terminating reverse proxy (a small one of this test's own on
127.0.0.1): with KINERJA_TRUSTED_PROXY the forwarded https scheme and client address are believed,
so a person logs in over https; from anyone else the forwarded headers are dropped."""

import http.client
import os
import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kinerja.web.proxy import TrustedProxy, parse_networks
from tests.demo_server import running_serve

HOST = "kinerja.example"


def kinerja(env, *args, **kwargs):
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], env=env, **kwargs)


@pytest.fixture
def site(tmp_path):
    env = dict(os.environ)
    for key in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "KINERJA_TESTING", "KINERJA_DEBUG"):
        env.pop(key, None)
    env.update(
        KINERJA_DATA_DIR=str(tmp_path),
        KINERJA_SECRET_KEY="uji-" + "x" * 50,
        KINERJA_ALLOWED_HOSTS=HOST,
        KINERJA_TRUSTED_PROXY="127.0.0.1/32, ::1",
        PYTHONUNBUFFERED="1",
    )
    create = (
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_user('ani', password='kata-sandi-uji-123')"
    )
    kinerja(env, "manage", "migrate", "-v", "0", check=True)
    kinerja(env, "manage", "shell", "-c", create, check=True, capture_output=True)
    with running_serve(env) as served:
        yield served.port


def reverse_proxy(backend: int):
    """Terminates 'TLS' for HOST and forwards to kinerja with the usual headers, as nginx would."""

    class Forward(BaseHTTPRequestHandler):
        def _forward(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection",)}
            headers["X-Forwarded-Proto"] = "https"
            headers["X-Forwarded-For"] = "203.0.113.7"
            connection = http.client.HTTPConnection("127.0.0.1", backend, timeout=30)
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            data = response.read()
            self.send_response(response.status)
            for key, value in response.getheaders():
                if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _forward

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Forward)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_login_over_the_forwarded_https_scheme(site):
    proxy = reverse_proxy(site)
    try:
        port = proxy.server_address[1]
        get = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        get.request("GET", "/masuk/", headers={"Host": HOST})
        page = get.getresponse()
        body = page.read().decode()
        assert page.status == 200  # not an endless redirect to https
        assert "max-age" in (page.getheader("Strict-Transport-Security") or "")  # HSTS, as https
        cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie")).group(1)
        assert "Secure" in page.getheader("Set-Cookie")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        post = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        form = f"csrfmiddlewaretoken={token}&username=ani&password=kata-sandi-uji-123"
        post.request(
            "POST",
            "/masuk/",
            body=form,
            headers={
                "Host": HOST,
                "Cookie": f"csrftoken={cookie}",
                "Origin": f"https://{HOST}",
                "Referer": f"https://{HOST}/masuk/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        response = post.getresponse()
        response.read()
        assert response.status == 302 and response.getheader("Location") == "/kerja/"  # the CSRF origin check passed
        assert "sessionid=" in response.getheader("Set-Cookie") and "Secure" in response.getheader("Set-Cookie")
    finally:
        proxy.shutdown()


def test_forwarded_headers_from_anyone_else_are_dropped():
    seen = {}

    def app(environ, start_response):
        seen.update(environ)
        start_response("200 OK", [])
        return [b""]

    middleware = TrustedProxy(app, parse_networks("10.0.0.0/8"))
    spoofed = {"REMOTE_ADDR": "198.51.100.9", "wsgi.url_scheme": "http", "HTTP_X_FORWARDED_PROTO": "https"}
    middleware({**spoofed, "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, lambda *a: None)
    assert seen["wsgi.url_scheme"] == "http" and seen["REMOTE_ADDR"] == "198.51.100.9"
    assert "HTTP_X_FORWARDED_FOR" not in seen
    seen.clear()
    middleware({**spoofed, "REMOTE_ADDR": "10.1.2.3", "HTTP_X_FORWARDED_FOR": "203.0.113.7, 10.0.0.5"}, lambda *a: None)
    assert seen["wsgi.url_scheme"] == "https" and seen["REMOTE_ADDR"] == "203.0.113.7"


def test_a_body_larger_than_any_upload_is_refused_by_the_server(site):
    connection = http.client.HTTPConnection("127.0.0.1", site, timeout=60)
    size = 12 * 1024 * 1024  # the largest upload is 10 MiB
    connection.putrequest("POST", "/masuk/")
    connection.putheader("Host", HOST)
    connection.putheader("Content-Length", str(size))
    connection.putheader("Content-Type", "application/octet-stream")
    connection.endheaders()
    try:
        connection.send(b"0" * size)
    except OSError:
        pass  # the server may close the connection before the body is sent
    assert connection.getresponse().status == 413
