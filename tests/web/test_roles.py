"""Every view and action for every role. Forbidden means 403 or a redirect to login, and nothing
changes in the database."""

import pytest
from django.urls import reverse

from kinerja.web.performance.models import (
    AgencyYear,
    AuditEvent,
    Budget,
    FindingRecord,
    Indicator,
    Realisation,
    SourceFile,
    Target,
)

PERSONAS = ("anonymous", "operator", "other_operator", "reviewer", "head", "admin")


def snapshot():
    return (
        AuditEvent.objects.count(),
        Target.objects.count(),
        sorted(Target.objects.values_list("id", "value", "version")),
        sorted(Realisation.objects.values_list("id", "value", "note")),
        sorted(Budget.objects.values_list("id", "anggaran", "realisasi")),
        sorted(AgencyYear.objects.values_list("id", "status")),
        Indicator.objects.count(),
        sorted(FindingRecord.objects.values_list("id", "explanation")),
    )


def login(client, personas, name):
    client.logout()
    if name != "anonymous":
        client.force_login(personas[name])


def is_denied(response) -> bool:
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and location.startswith((reverse("login"), "/kelola/login/"))


@pytest.fixture
def urls(draft_year, agency):
    base = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
    indicator = Target.objects.filter(indicator__agency=agency, year=2017).first().indicator
    finding = FindingRecord.objects.filter(agency=agency, year=2016, severity="error").first()
    source = SourceFile.objects.get(agency=agency)
    return {"base": base, "indicator": indicator, "finding": finding, "source": source}


# (name, method, path template, data, personas allowed)
EVERYONE = set(PERSONAS)
LOGGED_IN = EVERYONE - {"anonymous"}
OWN = {"operator", "reviewer", "head", "admin"}
EDITORS = {"operator", "admin"}


def cases(u):
    base, ind = u["base"], u["indicator"].pk
    return [
        ("region overview", "get", "/kabupaten-banjar/", None, EVERYONE),
        ("published year", "get", f"{base}/2016/", None, EVERYONE),
        ("draft year", "get", f"{base}/2017/", None, OWN),
        ("indicator", "get", f"/indikator/{ind}/", None, EVERYONE),
        ("indicator chart", "get", f"/indikator/{ind}/grafik.svg", None, EVERYONE),
        ("published report", "get", f"{base}/2016/unduh/pengukuran.pdf", None, EVERYONE),
        ("draft report", "get", f"{base}/2017/unduh/pengukuran.xlsx", None, OWN),
        ("import findings", "get", f"/impor/{u['source'].pk}/", None, OWN),
        ("entry page", "get", f"{base}/2017/entri/", None, EDITORS),
        ("indicator entry", "get", f"{base}/2017/entri/{ind}/", None, EDITORS),
        ("excel template", "get", f"{base}/2017/entri/templat.xlsx", None, EDITORS),
        ("capaian preview", "get", f"/api/capaian/?indikator={ind}&target=10&q1=5", None, EDITORS),
        ("document import page", "get", "/impor/baru/", None, EDITORS | {"other_operator"}),  # for their own agency
        ("admin site", "get", "/kelola/", None, {"admin"}),
        ("renstra page", "get", f"{base}/renstra/", None, EDITORS),
        ("add a plan", "post", f"{base}/renstra/", {"form": "plan", "start_year": "2016", "end_year": "2021"}, EDITORS),
        (
            "save figure",
            "post",
            f"{base}/2017/entri/{ind}/",
            {"target": "12", "o_target": "", "v_target": "0"},
            EDITORS,
        ),
        (
            "save budget",
            "post",
            f"{base}/2017/entri/anggaran/",
            {"anggaran": "1.000", "realisasi": "", "version": "0"},
            EDITORS,
        ),
        (
            "add indicator",
            "post",
            f"{base}/2017/entri/baru/",
            {
                "sasaran": "S",
                "name": "Indikator baru",
                "unit": "unit",
                "direction": "higher",
                "cumulation": "last",
                "target": "5",
            },
            EDITORS,
        ),
        (
            "add programme budget",
            "post",
            f"{base}/2017/entri/program/",
            {"item-program": "P", "item-anggaran": "1"},
            EDITORS,
        ),
        ("remove indicator", "post", f"{base}/2017/entri/{ind}/hapus/", {}, EDITORS),
        ("explain finding", "post", f"{base}/2016/temuan/{u['finding'].pk}/jelaskan/", {"explanation": "x"}, EDITORS),
        ("start a year", "post", f"{base}/tahun-baru/", {"year": "2018"}, EDITORS),
        ("submit", "post", f"{base}/2017/alur/submit/", {"comment": ""}, EDITORS),
        ("return", "post", f"{base}/2017/alur/return/", {"comment": "perbaiki"}, {"reviewer", "admin"}),
        ("verify", "post", f"{base}/2017/alur/verify/", {}, {"reviewer", "admin"}),
        ("approve", "post", f"{base}/2017/alur/approve/", {}, {"head", "admin"}),
        ("publish", "post", f"{base}/2017/alur/publish/", {}, {"reviewer", "admin"}),
        ("reopen", "post", f"{base}/2016/alur/reopen/", {"comment": "salah ketik"}, {"admin"}),
        ("excel upload", "post", f"{base}/2017/entri/unggah/", {}, EDITORS),
        ("excel confirm", "post", f"{base}/2017/entri/unggah/token-palsu/", {}, EDITORS),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_view_and_action_for_every_role(client, personas, urls, persona):
    login(client, personas, persona)
    for name, method, path, data, allowed in cases(urls):
        before = snapshot()
        response = getattr(client, method)(path, data or {})
        if persona in allowed:
            assert not is_denied(response), f"{persona} should be allowed: {name} ({response.status_code})"
            assert response.status_code < 500, name
        else:
            assert is_denied(response), f"{persona} must be refused: {name} ({response.status_code})"
            assert snapshot() == before, f"{persona} changed data through {name}"


def test_operator_of_another_agency_is_refused_everything_by_url(client, personas, urls):
    """The operator of Dinas Pendidikan types Dinas Koperasi's URLs."""
    client.force_login(personas["other_operator"])
    for name, method, path, data, allowed in cases(urls):
        if "other_operator" in allowed:
            continue
        before = snapshot()
        response = getattr(client, method)(path, data or {})
        assert is_denied(response), name
        assert snapshot() == before, name


def test_anonymous_visitor_sees_nothing_of_drafts(client, urls):
    base = urls["base"]
    for path in (f"{base}/2017/", f"{base}/2017/unduh/lkjip.pdf", f"{base}/2017/entri/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    overview = client.get("/kabupaten-banjar/").content.decode()
    assert f"{base}/2017/" not in overview
