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
    ]
    for method, url, data in requests:
        response = getattr(client, method)(url, data or {})
        assert response.status_code < 500, (url, data, response.status_code)
