"""Behind a reverse proxy: trust X-Forwarded-Proto/-For/-Host only from the proxies named in
KINERJA_TRUSTED_PROXY (addresses or CIDR ranges, comma-separated), and drop them from anyone else.

The proxy terminates TLS; with its headers trusted, Django sees the request as https (no redirect
loop, the CSRF origin check passes, HSTS and secure cookies are sent) and the client's own address
(login throttling counts the person, not the proxy)."""

from __future__ import annotations

import ipaddress

FORWARDED = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST", "HTTP_FORWARDED")


def parse_networks(text: str) -> list:
    networks = []
    for part in (text or "").split(","):
        part = part.strip()
        if part:
            networks.append(ipaddress.ip_network(part, strict=False))  # ValueError names a bad entry
    return networks


class TrustedProxy:
    def __init__(self, app, networks):
        self.app = app
        self.networks = list(networks)

    def trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.strip())
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def __call__(self, environ, start_response):
        if self.trusted(environ.get("REMOTE_ADDR", "")):
            proto = environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip().lower()
            if proto in ("http", "https"):
                environ["wsgi.url_scheme"] = proto
            chain = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
            for address in reversed(chain):  # the nearest address that is not one of our proxies
                if not self.trusted(address):
                    try:
                        environ["REMOTE_ADDR"] = str(ipaddress.ip_address(address))
                    except ValueError:
                        pass
                    break
            host = environ.get("HTTP_X_FORWARDED_HOST", "").split(",")[0].strip()
            if host:
                environ["HTTP_HOST"] = host
        else:
            for key in FORWARDED:
                environ.pop(key, None)
        return self.app(environ, start_response)
