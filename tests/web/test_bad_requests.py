"""Garbage in requests never reaches a user as a server error."""

import pytest

from kinerja.web.performance.models import PlanPeriod, Target

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
GARBAGE = ["", "abc", "-1", "1e999", "0x10", "'; DROP TABLE x; --", "9" * 40, "\u0000", "١٢٣"]


@pytest.mark.parametrize("value", GARBAGE)
def test_garbage_never_gives_a_server_error(client, personas, draft_year, agency, value):
    client.force_login(personas["admin"])
    indicator = Target.objects.filter(indicator__agency=agency, year=2017).first().indicator
    plan = PlanPeriod.objects.get(agency=agency)
    requests = [
        ("get", f"/api/capaian/?indikator={value}&target={value}&q1={value}", None),
        ("get", f"/api/capaian/?indikator={indicator.pk}&target={value}&year={value}", None),
        ("post", f"{BASE}/renstra/", {"form": "end", "plan": value}),
        ("post", f"{BASE}/renstra/", {"form": "sasaran", "sasaran": value, "plan": value}),
        ("post", f"{BASE}/renstra/", {"form": "plan", "start_year": value, "end_year": value}),
        (
            "post",
            f"{BASE}/2017/entri/{indicator.pk}/",
            {"target": value, "q1": value, "v_target": value, "o_target": value},
        ),
        ("post", f"{BASE}/2017/entri/anggaran/", {"anggaran": value, "realisasi": value, "version": value}),
        ("post", f"{BASE}/2017/entri/anggaran/", {"anggaran": "1.000", "realisasi": "", "version": value}),
        ("post", f"{BASE}/2017/entri/{indicator.pk}/", {"target": "5", "o_target": "", "v_target": value}),
        (
            "post",
            f"{BASE}/renstra/",
            {"form": "end", "plan": plan.pk, f"end_{indicator.pk}": "5", f"v_end_{indicator.pk}": value},
        ),
        (
            "post",
            f"{BASE}/2017/entri/baru/",
            {"sasaran": value, "name": value, "unit": value, "direction": value, "cumulation": value, "target": value},
        ),
        ("post", f"{BASE}/tahun-baru/", {"year": value}),
        ("post", f"{BASE}/2017/alur/{value or 'x'}/", {"comment": value}),
        ("post", f"{BASE}/2017/entri/program/", {"item-program": value, "item-anggaran": value}),
        ("get", f"/indikator/{indicator.pk}/?x={value}", None),
        (
            "post",
            f"{BASE}/aturan/",
            {
                "form": "add",
                "name": value,
                "operator": value,
                "field": value,
                "missing": value,
                "severity": value,
                "l_ind_0": value,
                "r_ind_0": value,
            },
        ),
        (
            "post",
            f"{BASE}/aturan/",
            {
                "form": "add",
                "name": "x",
                "operator": "=",
                "field": "realisasi",
                "missing": "skip_if_any",
                "severity": "error",
                "l_ind_0": indicator.pk,
                "r_ind_0": value,
                "r_sign_0": value,
            },
        ),
        ("post", f"{BASE}/aturan/", {"form": "remove", "pk": value}),
        (
            "post",
            f"{BASE}/tautan/{value if value.isascii() and value.isdigit() else 7}/",
            {"action": "confirm", "reason": value},
        ),
        ("post", f"{BASE}/tautan/1/", {"action": value}),
        ("post", f"{BASE}/2017/lkjip/", {"version": value, "duties": value, "sasaran_0": value, "causes_0": value}),
        ("get", f"/kabupaten-banjar/data-terbuka/capaian-2016.csv?tahun={value}", None),
        ("get", f"/indikator/{indicator.pk}/triwulan-2017.svg?x={value}", None),
    ]
    for method, url, data in requests:
        response = getattr(client, method)(url, data or {})
        assert response.status_code < 500, (url, data, response.status_code)


# --- invisible control characters ------------------------------------------------------------------
# Found by test_year_properties on PostgreSQL: a note holding NUL reached the database and failed
# there ("text fields cannot contain NUL"), a server error; on SQLite it was stored, and the
# .xlsx and .docx exports of that year then failed (openpyxl and lxml refuse control characters).


@pytest.mark.parametrize(("text", "code"), [("a\x00b", 0), ("Data dinas\x01", 1), ("\x0cHalaman 2", 12)])
def test_the_write_path_refuses_a_note_with_a_control_character(personas, draft_year, agency, text, code):
    from kinerja.core.workflow import Refused
    from kinerja.web.performance import store

    from .helpers import save_note

    indicator = Target.objects.filter(indicator__agency=agency, year=2017).first().indicator
    save_note(user=personas["operator"], agency_year=draft_year, indicator=indicator, note="Catatan lama")
    with pytest.raises(Refused) as refused:
        save_note(user=personas["operator"], agency_year=draft_year, indicator=indicator, note=text)
    assert f"kode {code}" in str(refused.value) and str(refused.value).startswith("Catatan berisi karakter kendali")
    assert store.load(draft_year).line(indicator.pk).note == "Catatan lama"  # nothing written


def test_tabs_and_line_breaks_are_text_and_the_year_still_exports(client, personas, draft_year, agency):
    from .helpers import save_note

    indicator = Target.objects.filter(indicator__agency=agency, year=2017).first().indicator
    save_note(user=personas["operator"], agency_year=draft_year, indicator=indicator, note="baris 1\r\nbaris 2\tkolom")
    client.force_login(personas["operator"])
    client.post(f"{BASE}/2017/lkjip/", {"version": "0", "duties": "Tugas 1\r\n\r\nTugas 2\tkolom"})
    from kinerja.web.performance.models import LkjipText

    assert LkjipText.objects.get(agency_year=draft_year).duties == "Tugas 1\n\nTugas 2\tkolom"
    downloads = [f"{BASE}/2017/unduh/lkjip-lengkap.{fmt}" for fmt in ("docx", "xlsx")]
    for url in (
        f"{BASE}/2017/entri/templat.xlsx",
        f"{BASE}/2017/unduh/lkjip.docx",
        f"{BASE}/2017/unduh/lkjip.xlsx",
        *downloads,
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/vnd.openxmlformats"), url


def test_a_form_field_with_a_control_character_is_refused_at_the_door(client, personas, draft_year, agency):
    indicator = Target.objects.filter(indicator__agency=agency, year=2017).first().indicator
    client.force_login(personas["operator"])
    before = Target.objects.get(indicator=indicator, year=2017).name
    response = client.post(
        f"{BASE}/2017/entri/baru/",
        {"sasaran": "S", "name": "Indikator\x07baru", "unit": "orang", "direction": "higher", "target": "5"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Isian &#x27;name&#x27; berisi karakter kendali yang tidak terlihat (kode 7) pada huruf ke-10" in page
    assert "Tidak ada yang disimpan" in page
    assert not Target.objects.filter(year=2017, name__startswith="Indikator").exclude(name=before).exists()


def test_a_query_string_with_nul_is_refused_before_any_query(db, client):
    response = client.get("/indonesia/?cari=a%00b")
    assert response.status_code == 400 and "kode 0" in response.content.decode()


def test_a_planning_page_field_refuses_a_control_character():
    from kinerja.core.workflow import Refused
    from kinerja.web.performance import typed

    with pytest.raises(Refused, match=r"^Nama sasaran berisi karakter kendali .*\(kode 0\)"):
        typed.text("Meningkatnya\x00UMKM", "Nama sasaran")
