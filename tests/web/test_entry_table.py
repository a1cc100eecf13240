"""The year on one screen, the submission checklist and the work queues."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear, AuditEvent, Target
from tests.web.helpers import add_indicator, client_for

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
TABLE = f"{BASE}/2017/entri/tabel/"


def shown(page: str) -> dict:
    """The table's form as the browser sends it back untouched."""
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    data.pop("csrfmiddlewaretoken", None)
    data.update(re.findall(r'<input type="text" name="(f-[^"]+)" id="[^"]+" value="([^"]*)"', page))
    data.update({k: v for k, v in re.findall(r'<textarea name="(f-[^"]+)"[^>]*>(.*?)</textarea>', page, re.S)})
    return data


def test_the_whole_year_is_saved_in_one_go(banjar, personas, draft_year):
    client = client_for(personas["operator"])
    page = client.get(TABLE).content.decode()
    lines = store.load(draft_year).lines
    assert len(lines) == 26 and page.count('class="num-input cell"') == 26 * 6
    data = shown(page)
    first, second = lines[0].indicator_id, lines[1].indicator_id
    data[f"f-{first}-target"] = "24.450"
    data[f"f-{first}-year"] = "26.870"
    data[f"f-{second}-q1"] = "1.234,5"
    data[f"f-{second}-note"] = "Data dari dinas."
    response = client.post(TABLE, data, follow=True).content.decode()
    assert "4 perubahan disimpan" in response
    year = store.load(draft_year)
    assert year.line(first).figure("target").value == Decimal(24450)
    # 26.870 ÷ 24.450 × 100 = 109,8977… → 109,90
    assert f"{year.line(first).capaian.value:.2f}" == "109.90"
    assert year.line(second).figure("q1").value == Decimal("1234.5") and year.line(second).note == "Data dari dinas."
    assert AuditEvent.objects.filter(year=2017, origin="form", action__in=("create", "update")).count() >= 4


def test_one_unreadable_cell_saves_nothing_and_keeps_what_was_typed(banjar, personas, draft_year):
    client = client_for(personas["operator"])
    data = shown(client.get(TABLE).content.decode())
    lines = store.load(draft_year).lines
    data[f"f-{lines[0].indicator_id}-target"] = "100"
    data[f"f-{lines[1].indicator_id}-target"] = "24,450"  # ambiguous: refused with both readings
    page = client.post(TABLE, data).content.decode()
    assert "dapat dibaca 24,450 atau 24.450" in page and "tidak ada yang disimpan" in page
    assert 'value="100"' in page  # nothing typed is lost
    assert not Target.objects.filter(year=2017, value__isnull=False).exists()


def test_a_stale_table_does_not_overwrite_someone_elses_figure(banjar, personas, draft_year):
    mine, theirs = client_for(personas["operator"]), client_for(personas["admin"])
    line = store.load(draft_year).lines[0]
    data_mine, data_theirs = shown(mine.get(TABLE).content.decode()), shown(theirs.get(TABLE).content.decode())
    data_theirs[f"f-{line.indicator_id}-target"] = "50"
    assert "1 perubahan disimpan" in theirs.post(TABLE, data_theirs, follow=True).content.decode()
    data_mine[f"f-{line.indicator_id}-target"] = "60"
    data_mine[f"f-{store.load(draft_year).lines[1].indicator_id}-target"] = "7"
    page = mine.post(TABLE, data_mine).content.decode()
    assert "menjadi 50" in page and "tidak disimpan" in page
    year = store.load(draft_year)
    assert year.lines[0].figure("target").value == 50 and year.lines[1].figure("target").value is None


def test_the_table_reads_the_year_in_a_constant_number_of_queries(banjar, personas, draft_year):
    from django.db import connection

    client = client_for(personas["operator"])
    client.get(TABLE)  # renews the session (a write at most once a minute), not the page's own
    with CaptureQueriesContext(connection) as small:
        client.get(TABLE)
    for i in range(30):
        add_indicator(user=personas["operator"], agency_year=draft_year, name=f"Tambahan {i}", unit="unit", target=5)
    with CaptureQueriesContext(connection) as large:
        client.get(TABLE)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_refused_submission_is_a_checklist_with_links(banjar, personas, draft_year):
    client = client_for(personas["operator"])
    response = client.post(f"{BASE}/2017/alur/submit/", follow=True).content.decode()
    # 26 targets to fill, and the budget: 2017 has none yet and no reason was given
    assert "Belum dapat diajukan: 27 hal perlu diselesaikan" in response
    assert "Target belum diisi (26)" in response and "Anggaran (1)" in response
    assert "Anggaran dan realisasi anggaran tahun 2017 belum dicatat" in response
    assert f"{BASE}/2017/entri/#anggaran" in response
    first = store.load(draft_year).lines[0].indicator_id
    assert f"{TABLE}#f-{first}-target" in response  # straight to the row and field
    table = client.get(TABLE).content.decode()
    assert "27 hal lagi perlu diselesaikan" in table and "Ajukan untuk direviu" in table


def test_each_role_lands_on_its_queue(banjar, personas, draft_year):
    from kinerja.web.performance import cycle

    operator = client_for(personas["operator"])
    login = Client().post("/masuk/", {"username": "ani", "password": "kata-sandi-uji-123"})
    assert login.status_code == 302 and login["Location"] == "/kerja/"
    queue = operator.get("/kerja/").content.decode()
    assert "Tahun yang perlu diisi" in queue and f"{BASE}/2017/entri/tabel/" in queue and "target 0/26" in queue
    year_2016 = AgencyYear.objects.get(agency=draft_year.agency, year=2016)
    AgencyYear.objects.filter(pk=year_2016.pk).update(status="submitted")  # as if submitted
    reviewer = client_for(personas["reviewer"]).get("/kerja/").content.decode()
    assert "Menunggu reviu" in reviewer and f"{BASE}/2016/" in reviewer
    cycle.act(user=personas["reviewer"], agency_year=year_2016, action="return", comment="Lengkapi bukti TW IV.")
    queue = operator.get("/kerja/").content.decode()
    assert "Lengkapi bukti TW IV." in queue
    board = client_for(personas["reviewer"]).get("/kabupaten-banjar/papan/?tahun=2016").content.decode()
    assert "Dinas Koperasi dan UMKM" in board and "dikembalikan" in board
    assert client_for(personas["operator"]).get("/kabupaten-banjar/papan/").status_code == 403


def test_polish_users_notice(banjar, personas, draft_year):
    failed = Client().post("/masuk/", {"username": "ani", "password": "salah-sekali"}).content.decode()
    assert "Nama pengguna atau kata sandi salah" in failed and "nama pengguna nama pengguna" not in failed
    public = Client().get(f"{BASE}/2016/").content.decode()
    assert "target 0: capaian tidak dapat dihitung" in public
    assert "target_zero" not in public and "<code>" not in public  # words, not developer codes
    line = store.load(draft_year).lines[0]
    page = client_for(personas["operator"]).get(f"{BASE}/2017/entri/{line.indicator_id}/").content.decode()
    assert 'data-confirm="Keluarkan indikator ini' in page  # removing asks first (static/kinerja/confirm.js)
    admin = client_for(personas["admin"]).get("/kelola/").content.decode()
    assert "Perangkat daerahs" not in admin and "Pejabats" not in admin


def test_an_entered_year_gets_the_document_checks_live(banjar, personas, draft_year):
    """2017 was never imported: the checks that flag the 2016 form run on its stored figures too."""
    page = client_for(personas["operator"]).get(f"{BASE}/2017/").content.decode()
    assert "Temuan dari angka yang tersimpan" in page
    assert "Persentase koperasi simpan pinjam yang sehat usaha&#x27; adalah persentase" in page  # unit 'unit'
    assert "0 galat, 0 peringatan" not in page
    imported = client_for(personas["operator"]).get(f"{BASE}/2016/").content.decode()
    assert "Temuan dari angka yang tersimpan" not in imported  # the form's own findings stand


def test_each_step_tells_the_next_person_by_e_mail(banjar, personas, draft_year, django_capture_on_commit_callbacks):
    from django.core import mail
    from django.test import override_settings

    from kinerja.web.performance import cycle

    for name in ("operator", "reviewer", "head"):
        personas[name].email = f"{name}@banjar.go.id"
        personas[name].save()
    personas["other_operator"].email = "lain@banjar.go.id"
    personas["other_operator"].save()
    year_2016 = AgencyYear.objects.get(agency=draft_year.agency, year=2016)
    AgencyYear.objects.filter(pk=year_2016.pk).update(status="submitted")
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        with django_capture_on_commit_callbacks(execute=True):
            cycle.act(user=personas["reviewer"], agency_year=year_2016, action="return", comment="Bukti TW IV?")
        (message,) = mail.outbox
        assert message.to == ["operator@banjar.go.id"] and "Bukti TW IV?" in message.body  # not the other agency
        AgencyYear.objects.filter(pk=year_2016.pk).update(status="submitted")
        with django_capture_on_commit_callbacks(execute=True):
            cycle.act(user=personas["reviewer"], agency_year=year_2016, action="verify")
        assert mail.outbox[-1].to == ["head@banjar.go.id"] and "menunggu persetujuan" in mail.outbox[-1].subject
        with django_capture_on_commit_callbacks(execute=True):
            cycle.act(user=personas["head"], agency_year=year_2016, action="approve")
        assert mail.outbox[-1].to == ["reviewer@banjar.go.id"]
        sent = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(cycle.Refused):
            cycle.act(user=personas["operator"], agency_year=draft_year, action="submit")  # refused: no mail
        assert len(mail.outbox) == sent


def test_the_table_asks_the_rule_with_the_first_quarters(banjar, personas, draft_year):
    """A row without quarters offers the rule by its unit; the rule is saved with the first quarters only."""
    client = client_for(personas["operator"])
    lines = store.load(draft_year).lines
    members = next(line for line in lines if line.unit == "orang")  # a count: summed by default
    share = next(line for line in lines if line.unit == "%")  # a level: the last quarter
    page = client.get(TABLE).content.decode()

    def selected(line):
        select = page[page.index(f'name="f-{line.indicator_id}-rule"') :]
        return re.search(r'<option value="(\w+)" selected>', select[: select.index("</select>")]).group(1)

    assert (selected(members), selected(share)) == ("sum", "last")
    data = shown(page)
    data[f"f-{members.indicator_id}-rule"] = "sum"
    data[f"f-{share.indicator_id}-rule"] = "sum"  # chosen, but no quarter typed on that row: not saved
    data[f"f-{members.indicator_id}-q1"] = "100"
    data[f"f-{members.indicator_id}-q2"] = "150"
    client.post(TABLE, data)
    year = store.load(draft_year)
    assert year.line(members.indicator_id).cumulation.value == "sum"
    assert year.line(members.indicator_id).realisasi.number == Decimal(250)  # 100 + 150
    assert year.line(share.indicator_id).cumulation.value == share.cumulation.value
    assert f'name="f-{members.indicator_id}-rule"' not in client.get(TABLE).content.decode()  # asked once


def test_a_mean_of_the_quarters_is_chosen_with_the_first_quarters(banjar, personas, draft_year):
    """An occupancy-like level measured as the mean of its quarters: (70 + 80) ÷ 2 = 75 so far, said so."""
    client = client_for(personas["operator"])
    share = next(line for line in store.load(draft_year).lines if line.unit == "%")
    data = shown(client.get(TABLE).content.decode())
    data[f"f-{share.indicator_id}-rule"] = "average"
    data[f"f-{share.indicator_id}-target"] = "80"
    data[f"f-{share.indicator_id}-q1"] = "70"
    data[f"f-{share.indicator_id}-q2"] = "80"
    client.post(TABLE, data)
    line = store.load(draft_year).line(share.indicator_id)
    assert line.cumulation.value == "average" and line.realisasi.number == Decimal(75)
    assert line.realisasi_rule == "(TW I + TW II) ÷ 2, aturan rata-rata"
    assert f"{line.capaian.value:.2f}" == "93.75"  # 75 ÷ 80 × 100
    page = client.get(f"{BASE}/2017/entri/{share.indicator_id}/").content.decode()
    assert "rata-rata (rerata triwulan dan tahun)" in page


def test_an_indicator_measured_by_a_grade_is_entered_as_grades(banjar, personas, draft_year):
    """The BPK opinion typed as WTP and WDP: stored as their scores, shown as grades, capaian WDP 3 ÷ WTP 4
    × 100 = 75,00; a score or a grade of another scale typed instead is refused and says which grades fit."""
    client = client_for(personas["operator"])
    opini = add_indicator(user=personas["operator"], agency_year=draft_year, name="Opini BPK", unit="Opini BPK")
    data = shown(client.get(TABLE).content.decode())
    counted = store.load(draft_year).lines[0].indicator_id
    data[f"f-{opini.pk}-target"] = "4"
    data[f"f-{counted}-target"] = "WTP"
    page = client.post(TABLE, data).content.decode()
    assert "bukan predikat pada skala opini BPK. Tulis salah satu dari: WTP, WDP, TW, TMP" in page
    assert "adalah predikat opini BPK, sedangkan indikator ini diukur dengan angka" in page
    assert not Target.objects.filter(indicator=opini, value__isnull=False).exists()
    data = shown(client.get(TABLE).content.decode())
    data[f"f-{opini.pk}-target"] = "WTP"
    data[f"f-{opini.pk}-year"] = "wdp"
    assert "2 perubahan disimpan" in client.post(TABLE, data, follow=True).content.decode()
    line = store.load(draft_year).line(opini.pk)
    assert (line.figure("target").value, line.figure("year").value) == (Decimal(4), Decimal(3))
    assert line.capaian.value == 75
    page = client.get(TABLE).content.decode()
    assert f'name="f-{opini.pk}-target" id="f-{opini.pk}-target" value="WTP"' in page
    assert f'name="f-{opini.pk}-year" id="f-{opini.pk}-year" value="WDP"' in page
    assert f'id="f-{opini.pk}-target" value="WTP" class="num-input cell" inputmode="text"' in page
    # sent back untouched, the grades are no change
    assert "Tidak ada perubahan" in client.post(TABLE, shown(page), follow=True).content.decode()
    year_page = client.get(f"{BASE}/2017/").content.decode()
    row = year_page[year_page.index("Opini BPK") :][:2000]
    assert "WTP" in row and "WDP" in row and "75,00" in row
    # the indicator's own page and the live capaian preview speak grades too
    entry = client.get(f"{BASE}/2017/entri/{opini.pk}/").content.decode()
    assert re.search(r'name="target" value="WTP"[^>]*inputmode="text"', entry)
    preview = client.get("/api/capaian/", {"indikator": opini.pk, "tahun": 2017, "target": "WTP", "year": "TW"})
    assert preview.json()["capaian"] == "50,00"  # TW 2 ÷ WTP 4 × 100
    assert (
        "WTP, WDP, TW, TMP"
        in client.get("/api/capaian/", {"indikator": opini.pk, "tahun": 2017, "year": "9"}).json()["error"]
    )


def test_an_agency_with_many_indicators_saves_its_table(banjar, personas, draft_year):
    """66 indicators send 1.453 fields: Django's default limit of 1.000 refused the whole save (HTTP 400)."""
    operator = personas["operator"]
    for i in range(40):
        add_indicator(user=operator, agency_year=draft_year, name=f"Indikator tambahan {i + 1}", unit="unit")
    client = client_for(operator)
    data = shown(client.get(TABLE).content.decode())
    assert len(data) > 1000
    last = store.load(draft_year).lines[-1].indicator_id
    data[f"f-{last}-target"] = "12"
    response = client.post(TABLE, data, follow=True)
    assert response.status_code == 200 and "1 perubahan disimpan" in response.content.decode()
    assert store.load(draft_year).line(last).figure("target").value == 12
    # the limit still holds against a flood of fields
    flood = {f"x{i}": "1" for i in range(12_001)}
    assert client.post(TABLE, flood).status_code == 400
