"""`kinerja demo` on a fresh data folder: migrate, import the sample, accounts, serve; again: reuse."""

import re
import urllib.request

from tests.demo_server import running_demo


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=20) as response:
        assert response.status == 200
        return response.read().decode()


def test_demo_serves_the_sample_and_reuses_it(tmp_path):
    with running_demo(tmp_path) as (base, output):
        assert "Contoh Banjar diimpor: 5 tabel, 151 baris" in output
        accounts = re.findall(r"^\s+(admin|operator|reviewer|kepala)\s+\S+\s+(\S+)$", output, re.M)
        assert [a[0] for a in accounts] == ["admin", "operator", "reviewer", "kepala"]
        html = fetch(base + "/kabupaten-banjar/dinas-koperasi-dan-umkm/2016/")
        assert "62,87 %" in html and "100,59" in html
        css = fetch(base + "/static/kinerja/kinerja.css")
        assert ".band-st" in css
    with running_demo(tmp_path) as (base, output):
        assert "sudah ada; data dipakai ulang" in output
        assert "Dinas Koperasi dan UMKM" in fetch(base + "/kabupaten-banjar/")
