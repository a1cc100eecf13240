"""Evidence is compared by its content, a replaced file stays reachable from the audit trail, and
files nobody will ask for again are cleaned up."""

import os
import time
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kinerja.web.performance.cleanup import clean
from kinerja.web.performance.models import AuditEvent, Realisation
from tests.web.helpers import client_for
from tests.web.test_cycle import BASE, planned, versions


def upload(client, indicator, name: str, content: bytes):
    data = versions(indicator, 2028)
    data["evidence"] = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(f"{BASE}/2028/entri/{indicator.pk}/", data, follow=True).content.decode()


def test_a_new_file_of_the_same_name_replaces_the_old_one_which_stays_in_the_trail(team, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    agency, people = team
    year, indicator = planned(people, agency, 2028, "Dokumen", unit="dokumen", target=1)
    operator = client_for(people["operator"])
    assert "1 perubahan disimpan." in upload(operator, indicator, "bukti.pdf", b"%PDF-1.4 versi pertama")
    first = Realisation.objects.get(indicator=indicator, quarter=0).evidence.name
    # the same name with other content: a change, not "Tidak ada perubahan"
    assert "1 perubahan disimpan." in upload(operator, indicator, "bukti.pdf", b"%PDF-1.4 versi kedua")
    stored = Realisation.objects.get(indicator=indicator, quarter=0)
    assert stored.evidence.name != first and stored.evidence_name == "bukti.pdf"
    assert b"".join(operator.get(f"/bukti/{stored.pk}/").streaming_content) == b"%PDF-1.4 versi kedua"
    # the same content again: nothing changes
    assert "Tidak ada perubahan." in upload(operator, indicator, "bukti.pdf", b"%PDF-1.4 versi kedua")
    replaced = AuditEvent.objects.filter(object_type="Realisation", label__startswith="bukti").order_by("id").last()
    assert replaced.user == people["operator"] and replaced.before["berkas"] == first
    assert replaced.before["sha256"] != replaced.after["sha256"]
    old = operator.get(f"/bukti/riwayat/{replaced.pk}/")
    assert old.status_code == 200 and b"".join(old.streaming_content) == b"%PDF-1.4 versi pertama"
    assert client_for(people["reviewer"]).get(f"/bukti/riwayat/{replaced.pk}/").status_code == 200
    assert Client().get(f"/bukti/riwayat/{replaced.pk}/").status_code == 302  # the public logs in first
    page = operator.get(f"{BASE}/2028/entri/{indicator.pk}/").content.decode()
    assert f"/bukti/riwayat/{replaced.pk}/" in page and "unduh bukti lama" in page


def test_cleanup_removes_old_previews_and_orphan_evidence_only(team, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    agency, people = team
    year, indicator = planned(people, agency, 2028, "Dokumen", unit="dokumen", target=1)
    operator = client_for(people["operator"])
    upload(operator, indicator, "bukti.pdf", b"%PDF-1.4 versi pertama")
    upload(operator, indicator, "bukti.pdf", b"%PDF-1.4 versi kedua")  # the first is now only in the trail
    media = Path(settings.MEDIA_ROOT)
    (media / "impor").mkdir(exist_ok=True)
    stale_preview = media / "impor" / "lama.xlsx"
    fresh_preview = media / "impor" / "baru.xlsx"
    orphan = media / "bukti" / "yatim.pdf"  # a save that was refused after the file was stored
    for path in (stale_preview, fresh_preview, orphan):
        path.write_bytes(b"x")
    two_days_ago = time.time() - 48 * 3600
    for path in [stale_preview, orphan, *(media / "bukti").iterdir()]:
        os.utime(path, (two_days_ago, two_days_ago))
    done = clean(hours=24)
    assert (done.previews, done.evidence, done.kept_evidence) == (1, 1, 2)
    assert not stale_preview.exists() and fresh_preview.exists() and not orphan.exists()
    assert len(list((media / "bukti").iterdir())) == 2  # the current file and the replaced one
