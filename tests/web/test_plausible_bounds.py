"""Batas wajar on the web: typed on the indicator's form (audited, undoable), suggested from the other years,
holding back a submission until a figure outside is corrected or explained, and listed by the reviewers'
outlier page as DHIS2's min-max method. Figures worked out by hand in each test."""

import csv
import io
from decimal import Decimal

import pytest

from kinerja.core import year as core
from kinerja.core.workflow import Refused
from kinerja.web.performance import cycle, store
from kinerja.web.performance.models import AgencyYear, AuditEvent, Indicator
from tests.web.helpers import client_for, entry_post, said

BASE = "/kabupaten-uji/dinas-uji"
HISTORY = {2016: "200", 2017: "210", 2018: "190", 2019: "205"}


def fill(operator, agency, yearly: dict[int, str], *, name="Koperasi aktif", unit="unit") -> Indicator:
    """One indicator over the years, target 200, with its yearly realisation; each year's budget recorded."""
    indicator_id = None
    for year in sorted(yearly):
        ay, _ = store.open_year(operator, agency, year)
        if store.load(ay).by_name(name) is None:
            line = core.Line(indicator_id=None, ref="a", name=name, unit=unit, sasaran="Koperasi")
            store.apply(operator, ay, [core.AddLine(line)], origin="form")
        indicator_id = store.load(ay).by_name(name).indicator_id
        changes = [core.SetFigure(indicator_id, "target", Decimal(200)), core.SetBudget("anggaran", Decimal(1000)),
                   core.SetBudget("realisasi", Decimal(900))]  # fmt: skip
        if yearly[year]:
            changes.append(core.SetFigure(indicator_id, "year", Decimal(yearly[year])))
        store.apply(operator, AgencyYear.objects.get(pk=ay.pk), changes, origin="form")
    return Indicator.objects.get(pk=indicator_id)


@pytest.fixture
def history(team):
    agency, people = team
    indicator = fill(people["operator"], agency, {**HISTORY, 2020: ""})
    return agency, people, indicator


def test_the_operator_sets_a_range_read_the_indonesian_way_and_the_change_is_audited(history):
    _, people, indicator = history
    operator = client_for(people["operator"])
    page = entry_post(operator, indicator.pk, plausible_min="150", plausible_max="1.000,5")
    assert "2 perubahan disimpan" in page
    indicator.refresh_from_db()
    assert (indicator.plausible_min, indicator.plausible_max) == (Decimal(150), Decimal("1000.5"))
    event = AuditEvent.objects.get(indicator_id=indicator.pk, after__has_key="plausible_max")
    assert (event.before, event.after) == ({"plausible_max": None}, {"plausible_max": "1000.5"})
    form = operator.get(f"{BASE}/2020/entri/{indicator.pk}/").content.decode()
    assert 'name="meta-plausible_min" value="150"' in form and 'name="meta-plausible_max" value="1.000,5"' in form
    # saved again unchanged: nothing changes; a range belongs to the indicator, so 2019 shows it too
    assert "perubahan disimpan" not in entry_post(operator, indicator.pk, plausible_min="150", plausible_max="1.000,5")
    assert store.load(AgencyYear.objects.get(year=2019)).line(indicator.pk).bounds.text() == "150 sampai 1.000,5"


@pytest.mark.parametrize(
    "typed, message",
    [
        ({"plausible_min": "400", "plausible_max": "150"},
         "Batas wajar bawah 400 lebih besar daripada batas wajar atas 150."),
        ({"plausible_min": "24,450"}, "'24,450' dapat dibaca 24,450 atau 24.450"),  # never guessed
        ({"plausible_max": "seratus"}, "bukan angka"),
    ],
)  # fmt: skip
def test_a_range_that_is_not_two_clear_figures_in_order_is_refused_with_the_reason(history, typed, message):
    _, people, indicator = history
    page = entry_post(client_for(people["operator"]), indicator.pk, **typed)
    assert message in page and "perubahan disimpan" not in page
    indicator.refresh_from_db()
    assert (indicator.plausible_min, indicator.plausible_max) == (None, None)


def test_a_grade_indicator_takes_no_range(team):
    agency, people = team
    indicator = fill(people["operator"], agency, {2020: ""}, name="Opini BPK", unit="opini BPK")
    page = entry_post(client_for(people["operator"]), indicator.pk, plausible_max="3")
    assert "Indikator berupa predikat tidak memiliki batas wajar" in page


def test_the_form_suggests_a_range_from_the_other_years(history):
    _, people, indicator = history
    page = said(client_for(people["operator"]).get(f"{BASE}/2020/entri/{indicator.pk}/"))
    # 2016–2019: 200, 210, 190, 205 → sorted 190, 200, 205, 210: median 202,5; deviations 12,5, 2,5, 2,5, 7,5
    # → sorted 2,5, 2,5, 7,5, 12,5: MAD 5; 3 × 5 ÷ 0,6745 = 22,2387: 180,2613 → 180,26; 224,7387 → 224,74
    assert "Usulan dari realisasi tahun 2016, 2017, 2018, 2019: 180,26 sampai 224,74" in page
    # 2019's own form leaves 2019 out and has 2020 without a realisation: three years, 200, 210, 190:
    # median 200, deviations 0, 10, 10: MAD 10; 3 × 10 ÷ 0,6745 = 44,4774: 155,52 … 244,48
    page_2019 = said(client_for(people["operator"]).get(f"{BASE}/2019/entri/{indicator.pk}/"))
    assert "Usulan dari realisasi tahun 2016, 2017, 2018: 155,52 sampai 244,48" in page_2019


def test_a_figure_outside_holds_back_the_submission_until_explained(history):
    agency, people, indicator = history
    operator = client_for(people["operator"])
    entry_post(operator, indicator.pk, plausible_min="150", plausible_max="400")
    year = AgencyYear.objects.get(agency=agency, year=2020)
    line = store.load(year).line(indicator.pk)
    # 21.223 typed for 212,23: a thousands separator where the decimal comma belonged
    store.apply(people["operator"], year, [core.SetFigure(indicator.pk, "year", Decimal("21223"))], origin="form")
    message = (
        "Realisasi tahun 'Koperasi aktif' 21.223 di atas batas wajar (150 sampai 400); periksa angkanya, atau "
        "tuliskan penjelasannya di catatan."
    )
    with pytest.raises(Refused, match="di atas batas wajar"):
        cycle.act(user=people["operator"], agency_year=year, action="submit")
    assert message in said(operator.get(f"{BASE}/2020/entri/{indicator.pk}/"))
    assert message in said(operator.get(f"{BASE}/2020/"))  # the year's checklist
    line = store.load(year).line(indicator.pk)
    store.apply(people["operator"], year, [core.SetNote(indicator.pk, "Termasuk koperasi hasil pemekaran.",
                                                         seen_version=line.note_version)], origin="form")  # fmt: skip
    cycle.act(user=people["operator"], agency_year=year, action="submit")
    assert AgencyYear.objects.get(pk=year.pk).status == "submitted"


def test_a_range_change_is_undone_from_the_history(history):
    agency, people, indicator = history
    operator = client_for(people["operator"])
    entry_post(operator, indicator.pk, plausible_max="400")
    entry_post(operator, indicator.pk, plausible_max="450")
    newest = AuditEvent.objects.filter(indicator_id=indicator.pk, after__has_key="plausible_max").latest("id")
    operator.post(f"{BASE}/2020/entri/{indicator.pk}/batalkan/{newest.pk}/")
    indicator.refresh_from_db()
    assert indicator.plausible_max == Decimal(400)


def test_the_outlier_page_lists_figures_outside_their_range(history):
    agency, people, indicator = history
    other = fill(people["operator"], agency, {2020: "5"}, name="Koperasi baru")
    entry_post(client_for(people["operator"]), indicator.pk, plausible_min="195", plausible_max="206")
    reviewer = client_for(people["reviewer"])
    page = said(reviewer.get("/kabupaten-uji/pencilan/", {"metode": "minmaks"}))
    # 200 and 205 inside 195–206; 210 above it, 190 below it. 'Koperasi baru' has no range.
    said_count = "2 angka di luar batas wajar dari 1 seri yang memiliki batas wajar; 1 seri belum memiliki batas wajar"
    assert said_count in page
    row_2017 = page[page.index("<td>2017</td>") :]
    assert '<td class="num">210</td>' in row_2017[:200] and "<td>195 sampai 206</td>" in row_2017[:300]
    assert "<td>2018</td>" in page and "<td>2016</td>" not in page and other.name not in page
    rows = list(csv.DictReader(io.StringIO(
        reviewer.get("/kabupaten-uji/pencilan/", {"metode": "minmaks", "format": "csv"}).content.decode("utf-8-sig")
    )))  # fmt: skip
    assert [(r["periode"], r["angka"], r["batas_bawah"], r["batas_atas"], r["skor"], r["ambang"]) for r in rows] == [
        ("2017", "210", "195", "206", "", ""),
        ("2018", "190", "195", "206", "", ""),
    ]
    assert rows[0]["alasan"] == "2017: 210 di atas batas wajar (195 sampai 206)"


def test_the_live_preview_says_a_typed_figure_is_outside_before_it_is_saved(history):
    _, people, indicator = history
    operator = client_for(people["operator"])
    entry_post(operator, indicator.pk, plausible_min="150", plausible_max="400")
    preview = operator.get("/api/capaian/", {"indikator": indicator.pk, "tahun": 2020, "target": "200",
                                              "year": "21.223"}).json()  # fmt: skip
    assert preview["capaian"] == "10.611,50"  # 21.223 ÷ 200 × 100
    assert preview["batas_wajar"] == ["realisasi tahun 21.223 di atas batas wajar (150 sampai 400)"]
    typed_right = operator.get("/api/capaian/", {"indikator": indicator.pk, "tahun": 2020, "target": "200",
                                                 "year": "212"}).json()  # fmt: skip
    assert typed_right["batas_wajar"] == []


def test_the_import_preview_says_which_figures_it_would_write_outside_their_range(history):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agency, people, indicator = history
    operator = client_for(people["operator"])
    entry_post(operator, indicator.pk, plausible_min="150", plausible_max="400")
    form = (
        "PENGUKURAN KINERJA\nDINAS UJI\nTAHUN 2020\n\n"
        "Sasaran Strategis\tIndikator Kinerja\tTarget\t\tRealisasi\t\t%\n"
        "Koperasi\tKoperasi aktif\t200\tunit\t2500\tunit\t1250\n"  # 2.500 ÷ 200 × 100 = 1.250
    )
    document = SimpleUploadedFile("pk-2020.txt", form.encode("utf-8"), "text/plain")
    preview = said(operator.post("/impor/baru/", {"agency": agency.pk, "document": document}))
    assert "Di luar batas wajar" in preview
    assert (
        "2020: Realisasi tahun 'Koperasi aktif' 2.500 di atas batas wajar (150 sampai 400); periksa angkanya, atau "
        "tuliskan penjelasannya di catatan." in preview
    )
    assert "Target 'Koperasi aktif'" not in preview  # 200 is inside


PROPOSALS = "/kabupaten-uji/pencilan/batas-wajar/"


def test_the_region_sees_a_range_suggested_for_every_indicator_without_one(history):
    agency, people, indicator = history
    fill(people["operator"], agency, {2020: "6"}, name="Koperasi baru")  # one yearly figure: too few
    bounded = fill(people["operator"], agency, {2020: "40"}, name="Persentase koperasi sehat", unit="%")
    entry_post(client_for(people["operator"]), bounded.pk, plausible_min="0", plausible_max="100")
    page = said(client_for(people["reviewer"]).get(PROPOSALS))
    # all of Koperasi aktif's yearly realisations, 200, 210, 190, 205: 180,26 sampai 224,74 (as on its form)
    assert "1 usulan; 1 indikator sudah memiliki batas wajar; 1 indikator memiliki kurang dari 3" in page
    row = page[page.index("Koperasi aktif") :]
    assert "<td>2016, 2017, 2018, 2019</td>" in row and "<td>180,26 sampai 224,74</td>" in row
    assert "<td>2020</td>" in row  # the draft year it would be set through
    assert 'type="checkbox"' not in page and "Tetapkan batas wajar yang dicentang" not in page  # reviewers look
    assert client_for(people["reviewer"]).post(PROPOSALS, {"indikator": indicator.pk}).status_code == 403
    assert client_for(people["operator"]).get(PROPOSALS).status_code == 403


def test_the_admin_sets_the_ticked_ranges_through_the_draft_year_audited(history):
    agency, people, indicator = history
    admin = client_for(people["admin"])
    assert f'name="indikator" value="{indicator.pk}"' in said(admin.get(PROPOSALS))
    answer = said(admin.post(PROPOSALS, {"indikator": [str(indicator.pk), "1e999", "abc"]}, follow=True))
    assert "Batas wajar ditetapkan untuk 1 indikator: 'Koperasi aktif' (Dinas Uji): 180,26 sampai 224,74" in answer
    indicator.refresh_from_db()
    assert (indicator.plausible_min, indicator.plausible_max) == (Decimal("180.26"), Decimal("224.74"))
    event = AuditEvent.objects.get(indicator_id=indicator.pk, after__has_key="plausible_max")
    assert (event.origin, event.year, event.after) == ("bounds", 2020, {"plausible_max": "224.74"})
    assert event.comment == "Usulan dari realisasi tahun 2016, 2017, 2018, 2019 (median ± 3 × MAD ÷ 0,6745)."
    assert "0 usulan; 1 indikator sudah memiliki batas wajar" in said(admin.get(PROPOSALS))
    # ticked again from a page opened before: nothing is overwritten, and the reason is said
    again = said(admin.post(PROPOSALS, {"indikator": str(indicator.pk)}, follow=True))
    assert f"Indikator #{indicator.pk}: sudah memiliki batas wajar atau tidak ada usulan." in again
    assert "Belum ada indikator yang dicentang." in said(admin.post(PROPOSALS, {"indikator": "x"}, follow=True))


def test_an_indicator_without_a_draft_year_is_suggested_but_not_set(history):
    agency, people, indicator = history
    AgencyYear.objects.filter(agency=agency).update(status="published")
    admin = client_for(people["admin"])
    page = said(admin.get(PROPOSALS))
    assert "tidak ada tahun draf" in page and f'name="indikator" value="{indicator.pk}"' not in page
    answer = said(admin.post(PROPOSALS, {"indikator": str(indicator.pk)}, follow=True))
    assert "'Koperasi aktif' (Dinas Uji): tidak ada tahun draf atau dikembalikan yang memuatnya" in answer
    indicator.refresh_from_db()
    assert indicator.plausible_max is None


def test_the_proposals_cost_the_same_queries_for_one_agency_or_three(history):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kinerja.web.performance.models import Agency, Membership
    from tests.web.conftest import make_user

    agency, people, _ = history
    reviewer = client_for(people["reviewer"])
    reviewer.get(PROPOSALS)
    with CaptureQueriesContext(connection) as one:
        reviewer.get(PROPOSALS)
    for name in ("Dinas Dua", "Dinas Tiga"):
        other = Agency.objects.create(region=agency.region, name=name)
        fill(make_user(f"op-{name}", Membership.Role.OPERATOR, other), other, {**HISTORY, 2020: ""})
    with CaptureQueriesContext(connection) as three:
        assert "3 usulan" in said(reviewer.get(PROPOSALS))
    assert len(three.captured_queries) == len(one.captured_queries)


def test_the_min_max_page_judges_every_figure_as_the_checklist_does(team):
    """Pelatihan, summed over the quarters, 30 to 50 a year: a target of 60 is above; the quarters 10, 12,
    30 are each fine but their running total 52 passes 50 in TW III."""
    agency, people = team
    operator = people["operator"]
    year, _ = store.open_year(operator, agency, 2020)
    line = core.Line(indicator_id=None, ref="p", name="Pelatihan UMKM", unit="kegiatan", sasaran="UMKM",
                     cumulation=core.Cumulation.SUM, figures={"target": core.Figure(Decimal(60))})  # fmt: skip
    store.apply(operator, year, [core.AddLine(line)], origin="form")
    pk = store.load(year).by_name("Pelatihan UMKM").indicator_id
    changes = [core.SetInfo(pk, "plausible_min", Decimal(30)), core.SetInfo(pk, "plausible_max", Decimal(50))]
    changes += [core.SetFigure(pk, q, Decimal(v)) for q, v in (("q1", 10), ("q2", 12), ("q3", 30))]
    store.apply(operator, AgencyYear.objects.get(pk=year.pk), changes, origin="form")
    page = said(client_for(people["reviewer"]).get("/kabupaten-uji/pencilan/", {"metode": "minmaks"}))
    assert "2 angka di luar batas wajar dari 1 seri" in page
    assert "<td>2020 target</td>" in page and '<td class="num">60</td>' in page
    assert "<td>2020 jumlah realisasi TW I sampai TW III</td>" in page and '<td class="num">52</td>' in page
    assert "<td>2020 TW I</td>" not in page and 'name="data"' not in page  # no yearly/quarterly choice here


def test_the_reviewer_sees_the_figure_outside_beside_the_operators_note(history):
    agency, people, indicator = history
    entry_post(client_for(people["operator"]), indicator.pk, plausible_min="150", plausible_max="400")
    year = AgencyYear.objects.get(agency=agency, year=2020)
    note = "Termasuk koperasi hasil pemekaran."
    store.apply(people["operator"], year, [core.SetFigure(indicator.pk, "year", Decimal("21223")),
                                           core.SetNote(indicator.pk, note)], origin="form")  # fmt: skip
    cycle.act(user=people["operator"], agency_year=year, action="submit")
    page = said(client_for(people["reviewer"]).get(f"{BASE}/2020/reviu/"))
    section = page[page.index(f'id="reviu-{indicator.pk}"') :]
    assert "Di luar batas wajar:</strong> Realisasi tahun 21.223 di atas batas wajar (150 sampai 400)" in section
    assert section.index("Di luar batas wajar") < section.index(note)


def test_a_range_the_region_set_is_the_regions_to_change(history):
    """Set by the admin from the suggestions, the range is locked for the agency's operator: the form shows it
    read-only, a crafted change is refused with nothing saved, an undo too; the note still explains a figure
    outside. The operator's own range stays theirs."""
    agency, people, indicator = history
    client_for(people["admin"]).post(PROPOSALS, {"indikator": str(indicator.pk)})
    indicator.refresh_from_db()
    assert indicator.bounds_by_region and indicator.plausible_max == Decimal("224.74")
    operator = client_for(people["operator"])
    form = said(operator.get(f"{BASE}/2020/entri/{indicator.pk}/"))
    assert "Batas wajar ini ditetapkan oleh Bappeda atau admin" in form
    assert 'name="meta-plausible_max" value="224,74" maxlength="40" readonly' in form
    # the form as shown is sent back with the range unchanged: no refusal, and the note is the operator's
    as_shown = entry_post(operator, indicator.pk)
    assert "Tidak ada perubahan." in as_shown and "Batas wajar 'Koperasi aktif' ditetapkan" not in as_shown
    answer = entry_post(operator, indicator.pk, plausible_min="0", plausible_max="100000")
    assert "Batas wajar 'Koperasi aktif' ditetapkan oleh Bappeda atau admin" in answer
    indicator.refresh_from_db()
    assert (indicator.plausible_min, indicator.plausible_max) == (Decimal("180.26"), Decimal("224.74"))
    with pytest.raises(Refused, match="ditetapkan oleh Bappeda atau admin"):
        year = AgencyYear.objects.get(agency=agency, year=2020)
        store.apply(people["operator"], year, [core.SetInfo(indicator.pk, "plausible_max", None)], origin="revert")
    # the admin may widen it and stays its owner; cleared, it is the agency's again
    admin = client_for(people["admin"])
    entry_post(admin, indicator.pk, plausible_min="180,26", plausible_max="300")
    indicator.refresh_from_db()
    assert indicator.bounds_by_region and indicator.plausible_max == Decimal(300)
    entry_post(admin, indicator.pk, plausible_min="", plausible_max="")
    indicator.refresh_from_db()
    assert not indicator.bounds_by_region
    assert "2 perubahan disimpan" in entry_post(operator, indicator.pk, plausible_min="150", plausible_max="400")
    indicator.refresh_from_db()
    assert not indicator.bounds_by_region  # the operator's own range


def test_one_indicator_changed_meanwhile_leaves_the_others_of_its_year_set(team, monkeypatch):
    """Two indicators of one draft year are set in one write; when one of them changed after the suggestions
    were made, that write is refused and each is tried alone: the other is set, the changed one said."""
    from kinerja.web.performance import plausible

    agency, people = team
    operator = people["operator"]
    figures = {2016: ("200", "50"), 2017: ("210", "52"), 2018: ("190", "51"), 2019: ("205", "49"), 2020: None}
    for year, values in figures.items():
        ay, _ = store.open_year(operator, agency, year)  # each year opens from the last one's plan
        if not store.load(ay).lines:
            lines = [core.Line(indicator_id=None, ref=name, name=name, unit="unit", sasaran="Koperasi")
                     for name in ("Koperasi aktif", "Koperasi sehat")]  # fmt: skip
            store.apply(operator, ay, [core.AddLine(line) for line in lines], origin="form")
        if values:
            loaded = store.load(AgencyYear.objects.get(pk=ay.pk))
            pairs = zip(loaded.lines, values, strict=True)
            changes = [core.SetFigure(line.indicator_id, "year", Decimal(v)) for line, v in pairs]
            store.apply(operator, AgencyYear.objects.get(pk=ay.pk), changes, origin="form")
    aktif, sehat = (Indicator.objects.get(name=n) for n in ("Koperasi aktif", "Koperasi sehat"))
    suggested = plausible.region_proposals(agency.region)
    assert len(suggested.proposals) == 2
    draft = AgencyYear.objects.get(agency=agency, year=2020)
    # meanwhile the operator types an upper bound of 60 for Koperasi sehat (a description typed meanwhile would
    # not matter: it has a version of its own)
    store.apply(operator, draft, [core.SetInfo(sehat.pk, "plausible_max", Decimal(60))], origin="form")
    monkeypatch.setattr(plausible, "region_proposals", lambda region: suggested)
    done, skipped = plausible.apply_proposals(people["admin"], agency.region, {aktif.pk, sehat.pk})
    # Koperasi aktif: 200, 210, 190, 205 → 180,26 sampai 224,74 (worked out above)
    assert done == ["'Koperasi aktif' (Dinas Uji): 180,26 sampai 224,74"]
    assert len(skipped) == 1 and skipped[0].startswith("'Koperasi sehat' (Dinas Uji): ")
    aktif.refresh_from_db()
    sehat.refresh_from_db()
    assert aktif.plausible_max == Decimal("224.74") and sehat.plausible_max == Decimal(60)
