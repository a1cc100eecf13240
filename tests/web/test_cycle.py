"""The yearly cycle: entry, review, sign-off, with the audit trail, locks, windows and reminders."""

import os
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from kinerja.core import year as core
from kinerja.core.workflow import Refused
from kinerja.web.performance import cycle, store
from kinerja.web.performance.models import (
    AgencyYear,
    AuditEvent,
    EntryWindow,
    FindingRecord,
    Indicator,
    Membership,
    Realisation,
    Target,
    WindowReopening,
)
from kinerja.web.performance.store import open_year
from kinerja.web.performance.windows import send_reminders
from tests.web.conftest import make_user
from tests.web.helpers import add_indicator, client_for, save_figure, save_note

BASE = "/kabupaten-uji/dinas-uji"


def planned(people, agency, year, name, *, unit, direction="higher", cumulation="last", sasaran="S", target=10):
    """A draft year with one indicator, entered by the operator."""
    open_year(people["operator"], agency, year)
    agency_year = AgencyYear.objects.get(agency=agency, year=year)
    indicator = add_indicator(
        user=people["operator"],
        agency_year=agency_year,
        name=name,
        unit=unit,
        direction=direction,
        cumulation=cumulation,
        sasaran_name=sasaran,
        target=Decimal(target),
    )
    budget = [core.SetBudget("anggaran", Decimal(1000)), core.SetBudget("realisasi", Decimal(900))]
    store.apply(people["operator"], agency_year, budget, origin="form")
    return agency_year, indicator


def versions(indicator, year):
    target = Target.objects.get(indicator=indicator, year=year)
    found = {r.quarter: r for r in Realisation.objects.filter(indicator=indicator, year=year)}
    data = {"v_target": target.version, "o_target": _text(target.value)}
    for name, quarter in (("q1", 1), ("q2", 2), ("q3", 3), ("q4", 4), ("year", 0)):
        row = found.get(quarter)
        data[f"v_{name}"] = row.version if row else 0
        data[f"o_{name}"] = _text(row.value) if row else ""
        data[name] = data[f"o_{name}"]
    data["target"] = data["o_target"]
    data["note"] = found[0].note if 0 in found else ""
    return data


def _text(value):
    from kinerja.core.numbers import format_plain

    return "" if value is None else format_plain(value)


def post_figures(client, indicator, year, **changes):
    data = versions(indicator, year)
    data.update({k: v for k, v in changes.items()})
    return client.post(f"{BASE}/{year}/entri/{indicator.pk}/", data)


def test_the_whole_year(team):
    agency, people = team
    operator, reviewer, head, admin = (client_for(people[k]) for k in ("operator", "reviewer", "head", "admin"))

    # the operator opens 2020 and plans two indicators
    assert operator.post(f"{BASE}/tahun-baru/", {"year": "2020"}).status_code == 302
    for name, unit, direction, cumulation, target in (
        ("Jumlah pelatihan UMKM", "kegiatan", "higher", "sum", "100"),
        ("Angka kredit macet", "%", "lower", "last", "10"),
    ):
        response = operator.post(
            f"{BASE}/2020/entri/baru/",
            {
                "sasaran": "Meningkatnya daya saing UMKM",
                "name": name,
                "unit": unit,
                "direction": direction,
                "cumulation": cumulation,
                "target": target,
            },
        )
        assert response.status_code == 302
    training = Indicator.objects.get(name="Jumlah pelatihan UMKM")
    credit = Indicator.objects.get(name="Angka kredit macet")

    # four quarters, Indonesian numbers
    for quarter, (a, b) in enumerate((("20", "12,5"), ("25", "11"), ("30", "9,75"), ("35", "8")), start=1):
        post_figures(operator, training, 2020, **{f"q{quarter}": a})
        post_figures(operator, credit, 2020, **{f"q{quarter}": b})
    operator.post(
        f"{BASE}/2020/entri/anggaran/", {"anggaran": "1.000.000.000", "realisasi": "912.500.000", "version": "0"}
    )
    page = operator.get(f"{BASE}/2020/").content.decode()
    assert "110 kegiatan" in page and "110,00" in page  # 20+25+30+35 of 100 (sum rule)
    assert "8 %" in page and "120,00" in page  # (2×10 − 8) ÷ 10 × 100 (lower is better)

    # submit, return, fix, submit, verify, approve, publish
    assert operator.post(f"{BASE}/2020/alur/submit/").status_code == 302
    reviewer.post(f"{BASE}/2020/alur/return/", {"comment": "Bukti TW IV kredit macet belum ada."})
    assert AgencyYear.objects.get(agency=agency, year=2020).status == "returned"
    assert "Bukti TW IV kredit macet belum ada." in operator.get(f"{BASE}/2020/").content.decode()
    post_figures(operator, credit, 2020, q4="7,5", note="Data final dari bank.")
    operator.post(f"{BASE}/2020/alur/submit/")
    reviewer.post(f"{BASE}/2020/alur/verify/")
    head.post(f"{BASE}/2020/alur/approve/")
    reviewer.post(f"{BASE}/2020/alur/publish/")
    year = AgencyYear.objects.get(agency=agency, year=2020)
    assert year.status == "published" and year.signatory.name == "Dr. KEPALA UJI"
    assert year.signed_on == timezone.localdate()
    assert Client().get(f"{BASE}/2020/").status_code == 200  # now public

    trail = [
        (e.user.username if e.user else None, e.action, e.label, e.before, e.after, e.comment)
        for e in AuditEvent.objects.filter(agency=agency, year=2020).order_by("at", "id")
    ]
    expected = [
        ("opi", "create", "tahun 2020", None, {"status": "draft"}, ""),
        (
            "opi",
            "create",
            "indikator: Jumlah pelatihan UMKM",
            None,
            {
                "nama": "Jumlah pelatihan UMKM",
                "satuan": "kegiatan",
                "arah": "higher",
                "akumulasi": "sum",
                "sasaran": "Meningkatnya daya saing UMKM",
                "target": "100",
            },
            "",
        ),
        (
            "opi",
            "create",
            "indikator: Angka kredit macet",
            None,
            {
                "nama": "Angka kredit macet",
                "satuan": "%",
                "arah": "lower",
                "akumulasi": "last",
                "sasaran": "Meningkatnya daya saing UMKM",
                "target": "10",
            },
            "",
        ),
        ("opi", "create", "realisasi TW I: Jumlah pelatihan UMKM", None, {"value": "20"}, ""),
        ("opi", "create", "realisasi TW I: Angka kredit macet", None, {"value": "12.5"}, ""),
        ("opi", "create", "realisasi TW II: Jumlah pelatihan UMKM", None, {"value": "25"}, ""),
        ("opi", "create", "realisasi TW II: Angka kredit macet", None, {"value": "11"}, ""),
        ("opi", "create", "realisasi TW III: Jumlah pelatihan UMKM", None, {"value": "30"}, ""),
        ("opi", "create", "realisasi TW III: Angka kredit macet", None, {"value": "9.75"}, ""),
        ("opi", "create", "realisasi TW IV: Jumlah pelatihan UMKM", None, {"value": "35"}, ""),
        ("opi", "create", "realisasi TW IV: Angka kredit macet", None, {"value": "8"}, ""),
        ("opi", "create", "anggaran: anggaran", None, {"anggaran": "1000000000"}, ""),
        ("opi", "update", "realisasi anggaran: anggaran", {"realisasi": None}, {"realisasi": "912500000"}, ""),
        ("opi", "workflow", "Ajukan untuk direviu", {"status": "draft"}, {"status": "submitted"}, ""),
        (
            "rere",
            "workflow",
            "Kembalikan dengan catatan",
            {"status": "submitted"},
            {"status": "returned"},
            "Bukti TW IV kredit macet belum ada.",
        ),
        ("opi", "update", "realisasi TW IV: Angka kredit macet", {"value": "8"}, {"value": "7.5"}, ""),
        ("opi", "update", "catatan: Angka kredit macet", {"note": ""}, {"note": "Data final dari bank."}, ""),
        ("opi", "workflow", "Ajukan untuk direviu", {"status": "returned"}, {"status": "submitted"}, ""),
        ("rere", "workflow", "Verifikasi", {"status": "submitted"}, {"status": "verified"}, ""),
        (
            "kadis",
            "workflow",
            "Setujui dan tandatangani",
            {"status": "verified"},
            {
                "status": "approved",
                "ditandatangani": timezone.localdate().isoformat(),
                "penandatangan": "Dr. KEPALA UJI",
            },
            "",
        ),
        ("rere", "workflow", "Publikasikan", {"status": "approved"}, {"status": "published", "versi": 1}, ""),
    ]
    assert trail == expected
    history = operator.get(f"{BASE}/2020/").content.decode()
    assert "Riwayat" in history and "Kembalikan dengan catatan" in history


def test_locked_years_cannot_be_edited_and_reopening_needs_admin_and_reason(team):
    agency, people = team
    year, indicator = planned(
        people, agency, 2021, "Indikator", unit="unit", direction="higher", cumulation="last", sasaran="S", target=5
    )
    cycle.act(user=people["operator"], agency_year=year, action="submit")
    year.refresh_from_db()
    with pytest.raises(Refused, match="tidak dapat diubah"):
        save_figure(
            user=people["operator"], agency_year=year, indicator=indicator, field="q1", value=Decimal(1), seen_version=0
        )
    response = post_figures(client_for(people["operator"]), indicator, 2021, q1="3")
    assert response.status_code == 200 and "tidak dapat diubah" in response.content.decode()
    assert not Realisation.objects.filter(indicator=indicator).exists()
    with pytest.raises(Refused, match="catatan atau alasan"):
        cycle.act(user=people["admin"], agency_year=year, action="reopen", comment="  ")
    with pytest.raises(Refused, match="peran"):
        cycle.act(user=people["reviewer"], agency_year=year, action="reopen", comment="salah")
    cycle.act(user=people["admin"], agency_year=year, action="reopen", comment="Target salah ketik.")
    year.refresh_from_db()
    assert year.status == "draft"


def test_submission_needs_explained_errors_and_notes_on_worse_figures(team):
    agency, people = team
    year, indicator = planned(
        people,
        agency,
        2022,
        "Koperasi aktif",
        unit="unit",
        direction="higher",
        cumulation="last",
        sasaran="S",
        target=50,
    )
    for field, value in (("q1", 40), ("q2", 35)):
        save_figure(
            user=people["operator"],
            agency_year=year,
            indicator=indicator,
            field=field,
            value=Decimal(value),
            seen_version=0,
        )
    with pytest.raises(Refused, match="TW 2 lebih buruk daripada TW 1"):
        cycle.act(user=people["operator"], agency_year=year, action="submit")
    FindingRecord.objects.create(
        file=_source(agency),
        agency=agency,
        year=2022,
        code="capaian_mismatch",
        severity="error",
        message="Tertulis 100, dihitung 80.",
    )
    save_note(user=people["operator"], agency_year=year, indicator=indicator, note="Dua koperasi dibubarkan RAT.")
    with pytest.raises(Refused, match="Temuan galat belum dijelaskan"):
        cycle.act(user=people["operator"], agency_year=year, action="submit")
    finding = FindingRecord.objects.get(agency=agency, year=2022)
    cycle.explain_finding(user=people["operator"], finding=finding, explanation="Salah hitung di formulir lama.")
    cycle.act(user=people["operator"], agency_year=year, action="submit")
    assert AgencyYear.objects.get(pk=year.pk).status == "submitted"


def _source(agency):
    from kinerja.web.performance.models import SourceFile

    return SourceFile.objects.create(agency=agency, name="lama.txt", sha256="a" * 64)


def test_two_people_editing_the_same_figure(team):
    agency, people = team
    second = make_user("opa", Membership.Role.OPERATOR, agency)
    year, indicator = planned(
        people, agency, 2023, "Omzet", unit="Rp. (juta)", direction="higher", cumulation="last", sasaran="S", target=100
    )
    first_client, second_client = client_for(people["operator"]), client_for(second)
    first_form = versions(indicator, 2023)  # both open the form
    second_form = versions(indicator, 2023)
    first_form["target"] = "150"
    assert first_client.post(f"{BASE}/2023/entri/{indicator.pk}/", first_form).status_code == 302
    second_form["target"] = "160"
    response = second_client.post(f"{BASE}/2023/entri/{indicator.pk}/", second_form)
    text = response.content.decode()
    assert response.status_code == 200
    assert "telah diubah oleh opi menjadi 150" in text and "(160) tidak disimpan" in text
    assert Target.objects.get(indicator=indicator, year=2023).value == Decimal(150)


@pytest.mark.parametrize(
    "typed, message",
    [("24,450", "dapat dibaca 24,450 atau 24.450"), ("2.119.2015.485", "tidak dapat dibaca"), ("4 BPR", "bukan angka")],
)
def test_numbers_are_read_the_indonesian_way_or_refused(team, typed, message):
    agency, people = team
    year, indicator = planned(
        people, agency, 2024, "Anggota", unit="orang", direction="higher", cumulation="last", sasaran="S", target=100
    )
    client = client_for(people["operator"])
    response = post_figures(client, indicator, 2024, q1=typed)
    assert message in response.content.decode()
    assert not Realisation.objects.filter(indicator=indicator).exists()
    post_figures(client, indicator, 2024, q1="1.234,5")
    assert Realisation.objects.get(indicator=indicator, quarter=1).value == Decimal("1234.5")
    preview = client.get(
        "/api/capaian/", {"indikator": indicator.pk, "tahun": 2024, "target": "1.000", "q1": "1.234,5"}
    ).json()
    assert preview == {
        "ok": True,
        "capaian": "123,45",
        "kategori": "Sangat Tinggi",
        "kode": "ST",
        "warna": "ST",
        "alasan": None,
        "aturan": "realisasi ÷ target × 100",
        "realisasi_aturan": "TW I, aturan nilai terakhir",
        "realisasi": "1.234,5",
        "batas_wajar": [],
    }
    bad = client.get("/api/capaian/", {"indikator": indicator.pk, "target": "24,450"}).json()
    assert bad["ok"] is False and "Target" in bad["error"]


def test_entry_windows_close_quarters_and_admins_reopen(team):
    agency, people = team
    year, indicator = planned(
        people, agency, 2025, "Pelatihan", unit="kegiatan", direction="higher", cumulation="sum", sasaran="S", target=4
    )
    now = timezone.now()
    EntryWindow.objects.create(
        region=agency.region, year=2025, quarter=1, opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1)
    )
    with pytest.raises(Refused, match="sudah ditutup"):
        save_figure(
            user=people["operator"], agency_year=year, indicator=indicator, field="q1", value=Decimal(1), seen_version=0
        )
    overview = client_for(people["reviewer"]).get("/kabupaten-uji/").content.decode()
    assert "terlambat" in overview and "2025 TW 1" in overview
    WindowReopening.objects.create(
        agency=agency,
        year=2025,
        quarter=1,
        until=now + timedelta(days=2),
        reason="Server down saat batas waktu.",
        by=people["admin"],
    )
    save_figure(
        user=people["operator"], agency_year=year, indicator=indicator, field="q1", value=Decimal(1), seen_version=0
    )
    assert Realisation.objects.get(indicator=indicator, quarter=1).value == 1


def test_reminders_go_once_to_operators_who_have_not_submitted(team):
    agency, people = team
    open_year(people["operator"], agency, 2026)
    now = timezone.now()
    EntryWindow.objects.create(
        region=agency.region, year=2026, quarter=2, opens_at=now - timedelta(days=60), closes_at=now + timedelta(days=2)
    )
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert send_reminders(days=3) == 1
        assert send_reminders(days=3) == 0
    (message,) = mail.outbox
    assert message.to == ["opi@uji.go.id"] and "triwulan 2" in message.subject


def test_audit_trail_cannot_be_edited(team):
    agency, people = team
    open_year(people["operator"], agency, 2027)
    event = AuditEvent.objects.filter(agency=agency).first()
    event.label = "dipalsukan"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    admin = client_for(people["admin"])
    assert admin.get(f"/kelola/performance/auditevent/{event.pk}/change/").status_code == 200  # view only
    response = admin.post(f"/kelola/performance/auditevent/{event.pk}/change/", {"label": "dipalsukan"})
    assert response.status_code == 403
    assert admin.post(f"/kelola/performance/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).label == "tahun 2027"


def test_login_is_throttled_after_repeated_failures(team, settings):
    from kinerja.web.performance.models import LoginThrottle

    agency, people = team
    client = Client()
    for _ in range(settings.KINERJA_LOGIN_ATTEMPTS):
        assert client.post("/masuk/", {"username": "opi", "password": "salah"}).status_code == 200
    blocked = client.post("/masuk/", {"username": "opi", "password": "kata-sandi-uji-123"})
    assert blocked.status_code == 429 and "Terlalu banyak percobaan" in blocked.content.decode()
    LoginThrottle.objects.all().delete()  # what an admin does in "Penahanan login", or the wait passing
    assert client.post("/masuk/", {"username": "opi", "password": "kata-sandi-uji-123"}).status_code == 302


def test_uploads_are_limited_by_type_and_size(team, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agency, people = team
    year, indicator = planned(
        people, agency, 2028, "Dokumen", unit="dokumen", direction="higher", cumulation="last", sasaran="S", target=1
    )
    client = client_for(people["operator"])
    data = versions(indicator, 2028)
    data["evidence"] = SimpleUploadedFile("bukti.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    assert "tidak diterima" in client.post(f"{BASE}/2028/entri/{indicator.pk}/", data).content.decode()
    data = versions(indicator, 2028)
    data["evidence"] = SimpleUploadedFile("bukti.pdf", b"bukan pdf", content_type="application/pdf")
    assert "tidak sesuai" in client.post(f"{BASE}/2028/entri/{indicator.pk}/", data).content.decode()
    settings.KINERJA_MAX_UPLOAD = 10
    data = versions(indicator, 2028)
    data["evidence"] = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 " + b"x" * 100, content_type="application/pdf")
    assert "terlalu besar" in client.post(f"{BASE}/2028/entri/{indicator.pk}/", data).content.decode()
    settings.KINERJA_MAX_UPLOAD = 1024 * 1024
    data = versions(indicator, 2028)
    data["evidence"] = SimpleUploadedFile("laporan rahasia.pdf", b"%PDF-1.4 isi", content_type="application/pdf")
    client.post(f"{BASE}/2028/entri/{indicator.pk}/", data)
    stored = Realisation.objects.get(indicator=indicator, quarter=0)
    assert stored.evidence_name == "laporan rahasia.pdf" and "rahasia" not in stored.evidence.name
    assert client.get(f"/bukti/{stored.pk}/").status_code == 200
    assert Client().get(f"/bukti/{stored.pk}/").status_code == 302


def test_deploy_checks_are_clean_with_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KINERJA_", "DJANGO_", "DATABASE_URL"))}
    env.update(
        {
            "KINERJA_SECRET_KEY": "f7Q9x2LmZ0pRt8sVw3yB6nC1kD4hJ5gA9eX2uI7oP0qW3rT6yU8iO1pL4kJ7hG0fD",
            "KINERJA_ALLOWED_HOSTS": "kinerja.banjarkab.go.id",
            "KINERJA_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "kinerja.web.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_renstra_periods_and_end_targets(team):
    agency, people = team
    year, indicator = planned(
        people,
        agency,
        2026,
        "Koperasi sehat",
        unit="unit",
        direction="higher",
        cumulation="sum",
        sasaran="S",
        target=10,
    )
    client = client_for(people["operator"])
    assert (
        client.post(f"{BASE}/renstra/", {"form": "plan", "start_year": "2030", "end_year": "2026"}).status_code == 200
    )
    client.post(f"{BASE}/renstra/", {"form": "plan", "start_year": "2026", "end_year": "2031"})
    from kinerja.web.performance.models import EndTarget, PlanPeriod

    plan = PlanPeriod.objects.get(agency=agency)
    client.post(
        f"{BASE}/renstra/",
        {
            "form": "end",
            "plan": plan.pk,
            f"end_{indicator.pk}": "1.250",
            f"o_end_{indicator.pk}": "",
            f"v_end_{indicator.pk}": "0",
        },
    )
    assert EndTarget.objects.get(plan=plan, indicator=indicator).value == 1250
    page = client.get(f"{BASE}/renstra/").content.decode()
    assert 'value="1.250"' in page
    assert AuditEvent.objects.filter(label__contains="Renstra 2026–2031").count() == 2
    assert client_for(people["reviewer"]).get(f"{BASE}/renstra/").status_code == 403


def test_budget_by_programme_feeds_the_agreement(team):
    agency, people = team
    open_year(people["operator"], agency, 2029)
    year = AgencyYear.objects.get(agency=agency, year=2029)
    add_indicator(
        user=people["operator"],
        agency_year=year,
        name="Koperasi aktif",
        unit="unit",
        direction="higher",
        cumulation="last",
        sasaran_name="Koperasi sehat",
        target=Decimal(10),
    )
    client = client_for(people["operator"])
    client.post(
        f"{BASE}/2029/entri/program/",
        {
            "item-program": "Program Pengembangan Koperasi",
            "item-kegiatan": "Pembinaan RAT",
            "item-anggaran": "250.000.000",
            "item-realisasi": "240.500.000",
            "item-sasaran": "Koperasi sehat",
        },
    )
    from kinerja.web.performance.models import BudgetItem

    item = BudgetItem.objects.get()
    assert item.anggaran == 250_000_000 and item.sasaran.name == "Koperasi sehat"
    from kinerja.reports import build
    from kinerja.web.performance.reporting import agency_year_data

    report = build.perjanjian(agency_year_data(year, people["admin"]))
    budget_table = report.tables()[1]
    assert budget_table.rows[0][1].text == "Program Pengembangan Koperasi — Pembinaan RAT"
    assert budget_table.rows[0][2].text == "Rp. 250.000.000"
    client.post(f"{BASE}/2029/entri/program/{item.pk}/hapus/")
    assert not BudgetItem.objects.exists()
    assert AuditEvent.objects.filter(label__startswith="anggaran program").count() == 2


def test_sasaran_get_a_plan_and_a_tujuan(team):
    agency, people = team
    year, _ = planned(people, agency, 2026, "Koperasi sehat", unit="unit", sasaran="Koperasi tangguh")
    client = client_for(people["operator"])
    client.post(f"{BASE}/renstra/", {"form": "plan", "start_year": "2026", "end_year": "2031"})
    from kinerja.web.performance.models import PlanPeriod, Sasaran

    plan = PlanPeriod.objects.get(agency=agency)
    sasaran = Sasaran.objects.get(agency=agency)
    client.post(
        f"{BASE}/renstra/",
        {
            "form": "sasaran",
            "sasaran": sasaran.pk,
            "name": "Koperasi yang tangguh",
            "plan": plan.pk,
            "tujuan": "Ekonomi kerakyatan yang kuat",
        },
    )
    sasaran.refresh_from_db()
    assert (sasaran.name, sasaran.plan, sasaran.tujuan.name) == (
        "Koperasi yang tangguh",
        plan,
        "Ekonomi kerakyatan yang kuat",
    )
    event = AuditEvent.objects.get(object_type="Sasaran")
    assert event.before["nama"] == "Koperasi tangguh" and event.after["tujuan"] == "Ekonomi kerakyatan yang kuat"
