"""Run inside `kinerja manage shell`: everything a person can see of the installation, as JSON."""

import hashlib
import io
import json
import re
from pathlib import Path

from django.conf import settings
from django.test import Client
from openpyxl import load_workbook

from kinerja.web.performance.models import AuditEvent, Realisation

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
pages = ["/kabupaten-banjar/", f"{BASE}/2016/", f"{BASE}/2017/"]
out = {"pages": {}, "reports": {}, "audit": [], "evidence": {}}
client = Client()
client.login(username="ani", password="kata-sandi-uji-123")
for url in pages + [f"{BASE}/2017/reviu/"]:
    html = client.get(url).content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    out["pages"][url] = hashlib.sha256(html.encode()).hexdigest()
for kind in ("pengukuran", "lkjip"):
    book = load_workbook(io.BytesIO(client.get(f"{BASE}/2017/unduh/{kind}.xlsx").content))
    cells = [[str(c.value) for c in row] for sheet in book.worksheets for row in sheet.iter_rows()]
    out["reports"][kind] = hashlib.sha256(json.dumps(cells).encode()).hexdigest()
out["audit"] = [
    [e.at.isoformat(), e.user.username if e.user else None, e.action, e.label, e.before, e.after, e.comment]
    for e in AuditEvent.objects.order_by("id")
]
for row in Realisation.objects.exclude(evidence=""):
    out["evidence"][row.evidence.name] = hashlib.sha256(
        Path(settings.MEDIA_ROOT, row.evidence.name).read_bytes()
    ).hexdigest()
from kinerja.web.performance.models import RegionMeasurement, Rpjmd  # noqa: E402

out["settled"] = [[m.year, m.settled_at.isoformat(), m.content] for m in RegionMeasurement.objects.order_by("id")]
plan = Rpjmd.objects.get()
form = load_workbook(io.BytesIO(client.get(f"/kabupaten-banjar/rpjmd/{plan.pk}/capaian-2016.xlsx").content))
out["reports"]["rpjmd-2016"] = [[str(c.value) for c in row] for sheet in form.worksheets for row in sheet.iter_rows()]
print("SIDIK" + json.dumps(out))
