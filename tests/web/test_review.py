"""The review screen and what surrounds it: comments per indicator answered by the operator, reopen
requests, indicators not used this year, the budget a submission needs, the place and date of
signing, and a published year that stays public while it is reopened."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client, override_settings
from openpyxl import load_workbook

from kinerja.core import year as core
from kinerja.web.performance import cycle, store
from kinerja.web.performance.models import AgencyYear, AuditEvent, Indicator, ReopenRequest, ReviewComment
from tests.web.helpers import client_for, said
from tests.web.test_cycle import BASE, planned


def step(people, agency_year, *actions):
    who = {"submit": "operator", "return": "reviewer", "verify": "reviewer", "approve": "head",
           "publish": "reviewer", "reopen": "admin"}  # fmt: skip
    for action in actions:
        comment = "Perlu diperbaiki." if action in ("return", "reopen") else ""
        cycle.act(user=people[who[action]], agency_year=agency_year, action=action, comment=comment)
        agency_year.refresh_from_db()


def realise(people, agency_year, indicator, value, field="year"):
    store.apply(people["operator"], agency_year, [core.SetFigure(indicator.pk, field, Decimal(value))], origin="form")


def test_a_comment_stays_on_its_indicator_until_the_operator_answers(team, django_capture_on_commit_callbacks):
    agency, people = team
    year, indicator = planned(people, agency, 2020, "Jumlah koperasi sehat", unit="koperasi", target=40)
    realise(people, year, indicator, 30)
    store.apply(people["operator"], year, [core.SetNote(indicator.pk, "Dua koperasi belum RAT.")], origin="form")
    url = f"{BASE}/2020/reviu/"
    reviewer = client_for(people["reviewer"])
    # nothing to comment on while the operator still enters
    response = reviewer.post(f"{url}komentar/", {"indicator": indicator.pk, "text": "Terlalu dini."}, follow=True)
    assert "hanya dapat diberikan saat tahun 2020 diajukan" in response.content.decode()
    step(people, year, "submit")
    page = reviewer.get(url).content.decode()
    # figures, the rule, capaian (30 ÷ 40 × 100 = 75,00), the operator's note
    assert "Jumlah koperasi sehat" in page and "75,00" in page and "Dua koperasi belum RAT." in page
    assert "realisasi tahun yang diisi" in page
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.post(f"{url}komentar/", {"indicator": indicator.pk, "text": "Lampirkan daftar koperasi sehat."})
    assert [m.to for m in mail.outbox] == [["opi@uji.go.id"]] and "Lampirkan daftar" in mail.outbox[0].body
    step(people, year, "return")
    operator = client_for(people["operator"])
    queue = operator.get("/kerja/").content.decode()
    assert "1 komentar per indikator belum dijawab" in queue
    page = operator.get(url).content.decode()
    assert "Lampirkan daftar koperasi sehat." in page and "belum dijawab" in page
    table = operator.get(f"{BASE}/2020/entri/tabel/").content.decode()
    row = table[table.index(f'id="row-{indicator.pk}"') :]
    assert "Komentar reviu belum dijawab" in row[: row.index("</th>")] and "Lampirkan daftar koperasi sehat." in row
    # the operator may not comment, the reviewer may not answer
    assert operator.post(f"{url}komentar/", {"indicator": indicator.pk, "text": "x"}).status_code == 403
    comment = ReviewComment.objects.get()
    assert reviewer.post(f"{url}komentar/{comment.pk}/jawab/", {"text": "x"}).status_code == 403
    operator.post(f"{url}komentar/{comment.pk}/jawab/", {"text": "Daftar sudah dilampirkan sebagai bukti."})
    comment.refresh_from_db()
    assert comment.answer == "Daftar sudah dilampirkan sebagai bukti." and comment.answered_by == people["operator"]
    assert "komentar per indikator belum dijawab" not in operator.get("/kerja/").content.decode()
    assert "Komentar reviu belum dijawab" not in operator.get(f"{BASE}/2020/entri/tabel/").content.decode()
    labels = list(AuditEvent.objects.filter(origin="review").values_list("label", "indicator_id"))
    assert labels == [
        ("komentar reviu: Jumlah koperasi sehat", indicator.pk),
        ("jawaban komentar reviu: Lampirkan daftar koperasi sehat.", indicator.pk),
    ]
    # the head sees the same screen; a comment on another agency's indicator is refused
    assert client_for(people["head"]).get(url).status_code == 200
    assert Client().get(url).status_code == 302  # the public is asked to log in


def test_history_is_newest_first_in_words(team):
    agency, people = team
    year, indicator = planned(people, agency, 2020, "Indikator", unit="orang", target=10)
    step(people, year, "submit", "return")
    page = client_for(people["operator"]).get(f"{BASE}/2020/").content.decode()
    history = page[page.index("Riwayat (terbaru di atas)") :]
    assert history.index("Kembalikan dengan catatan") < history.index("Ajukan untuk direviu")
    assert "status: dikembalikan" in history and "status: returned" not in history
    assert "arah: makin tinggi makin baik" in history and "direction: higher" not in history


def test_an_indicator_not_used_this_year(team):
    agency, people = team
    year, used = planned(people, agency, 2020, "Dipakai", unit="orang", target=100)
    dropped = Indicator.objects.get(pk=store.apply(
        people["operator"], year,
        [core.AddLine(core.Line(indicator_id=None, ref="b", name="Tidak dipakai", unit="orang", sasaran="S",
                                position=2, figures={"target": core.Figure(Decimal(50))}))],
        origin="form",
    ).new_ids["b"])  # fmt: skip
    realise(people, year, used, 80)  # 80 ÷ 100 × 100 = 80,00
    realise(people, year, dropped, 60)  # 60 ÷ 50 × 100 = 120,00
    operator = client_for(people["operator"])
    entry = f"{BASE}/2020/entri/{dropped.pk}/"
    form = operator.get(entry).content.decode()
    assert "Tidak digunakan tahun ini" in form

    def post(**extra):
        line = store.load(year).line(dropped.pk)
        data = {
            "meta-name": line.name, "meta-unit": line.unit, "meta-sasaran": line.sasaran,
            "meta-direction": "higher", "meta-cumulation": "last", "meta-unused": "",
            "o_meta_name": line.name, "o_meta_unit": line.unit, "o_meta_sasaran": line.sasaran,
            "o_meta_direction": "higher", "o_meta_cumulation": "last", "o_meta_unused": line.unused,
            "o_meta_definition": "", "o_meta_data_source": "", "o_meta_is_iku": "False",
            "v_settings": line.settings_version, "v_info": line.info_version, "v_note": line.note_version,
            "o_note": line.note,
        }  # fmt: skip
        for name in core.FIELDS:
            value = line.figure(name).value
            shown = "" if value is None else str(value).replace(".", ",")
            data.update({name: shown, f"o_{name}": shown, f"v_{name}": line.figure(name).version})
        data.update(extra)
        return operator.post(entry, data, follow=True).content.decode()

    assert "sudah memiliki realisasi" in post(**{"meta-unused": "Program dihapus dalam APBD-P."})
    post(year="")
    post(**{"meta-unused": "Program dihapus dalam APBD-P."})
    assert store.load(year).line(dropped.pk).unused == "Program dihapus dalam APBD-P."
    page = operator.get(f"{BASE}/2020/").content.decode()
    assert "Tidak digunakan tahun ini: Program dihapus dalam APBD-P." in page
    assert store.load(year).average() == Decimal("80")  # the dropped line no longer counts
    workbook = load_workbook(io.BytesIO(operator.get(f"{BASE}/2020/unduh/pengukuran.xlsx").content))
    text = " ".join(str(c.value) for row in workbook.active.iter_rows() for c in row if c.value is not None)
    assert "Tidak digunakan tahun 2020: Tidak dipakai (Program dihapus dalam APBD-P.)" in text
    assert "120" not in [str(c.value) for row in workbook.active.iter_rows() for c in row]


def test_submitting_without_a_budget_needs_its_reason(team):
    agency, people = team
    year, indicator = planned(people, agency, 2020, "Indikator", unit="orang", target=10)
    store.apply(people["operator"], year, [core.SetBudget("anggaran", None), core.SetBudget("realisasi", None)],
                origin="form")  # fmt: skip
    realise(people, year, indicator, 10)
    operator = client_for(people["operator"])
    refused = operator.post(f"{BASE}/2020/alur/submit/", follow=True).content.decode()
    assert "Anggaran dan realisasi anggaran tahun 2020 belum dicatat" in refused
    version = store.load(year).budget.version
    operator.post(
        f"{BASE}/2020/entri/anggaran/",
        {"anggaran": "", "realisasi": "", "waiver": "DPA perubahan belum disahkan.", "version": version},
    )
    operator.post(f"{BASE}/2020/alur/submit/")
    year.refresh_from_db()
    assert year.status == "submitted"
    assert "DPA perubahan belum disahkan." in client_for(people["reviewer"]).get(f"{BASE}/2020/").content.decode()


def test_forms_carry_the_place_and_the_date_the_head_chose(team):
    agency, people = team
    agency.region.sign_place = "Kota Uji"
    agency.region.save()
    year, indicator = planned(people, agency, 2020, "Indikator", unit="orang", target=10)
    realise(people, year, indicator, 10)
    step(people, year, "submit", "verify")
    agency.sign_date_rule = agency.DateRule.CHOSEN
    agency.save()
    head = client_for(people["head"])
    page = head.get(f"{BASE}/2020/reviu/").content.decode()
    assert 'name="signed_on" type="date"' in page
    assert (
        "lebih lambat"
        in head.post(f"{BASE}/2020/alur/approve/", {"signed_on": "2999-01-01"}, follow=True).content.decode()
    )
    assert (
        "sebelum tahun 2020"
        in head.post(f"{BASE}/2020/alur/approve/", {"signed_on": "2019-12-31"}, follow=True).content.decode()
    )
    # a date typed by hand is read by the same rule as every calendar field (typed.day), never guessed
    assert "Tanggal '15/01/2021' tidak dapat dibaca; pilih tanggal dari kalender." in said(
        head.post(f"{BASE}/2020/alur/approve/", {"signed_on": "15/01/2021"}, follow=True)
    )
    head.post(f"{BASE}/2020/alur/approve/", {"signed_on": "2021-01-15"})
    year.refresh_from_db()
    assert year.status == "approved" and year.signed_on == date(2021, 1, 15) and year.signed_place == "Kota Uji"
    step(people, year, "publish")
    workbook = load_workbook(io.BytesIO(Client().get(f"{BASE}/2020/unduh/pengukuran.xlsx").content))
    text = " ".join(str(c.value) for row in workbook.active.iter_rows() for c in row if c.value is not None)
    assert "Kota Uji, 15 Januari 2021" in text
    # the agency's own place wins over the region's
    agency.sign_place = "Martapura"
    agency.save()
    assert cycle.sign_place(agency) == "Martapura"


def test_a_published_year_stays_public_while_reopened(team):
    agency, people = team
    year, indicator = planned(people, agency, 2020, "Indikator", unit="orang", target=10)
    realise(people, year, indicator, 8)  # 8 ÷ 10 × 100 = 80,00
    step(people, year, "submit", "verify", "approve", "publish")
    assert year.published_count == 1
    public = Client()
    assert "80,00" in public.get(f"{BASE}/2020/").content.decode()
    step(people, year, "reopen")
    realise(people, year, indicator, 6)  # 60,00 while it is being fixed
    page = public.get(f"{BASE}/2020/").content.decode()
    assert "sedang dibuka kembali" in page and "80,00" in page and "60,00" not in page
    assert "Perlu diperbaiki." not in page  # the admin's reason is the agency's business
    overview = public.get("/kabupaten-uji/").content.decode()
    assert "80,00" in overview and "60,00" not in overview
    xlsx = load_workbook(io.BytesIO(public.get(f"{BASE}/2020/unduh/pengukuran.xlsx").content)).active
    assert 80.0 in [c.value for row in xlsx.iter_rows() for c in row]
    assert public.get(reverse_indicator(indicator)).status_code == 200
    own = client_for(people["operator"]).get(f"{BASE}/2020/").content.decode()
    assert "60,00" in own and "Publik tetap melihat versi" in own
    step(people, year, "submit", "verify", "approve", "publish")
    assert year.published_count == 2
    page = public.get(f"{BASE}/2020/").content.decode()
    assert "60,00" in page and "sedang dibuka kembali" not in page


def reverse_indicator(indicator):
    from django.urls import reverse

    return reverse("performance:indicator", args=[indicator.pk])


def test_a_year_published_by_import_stays_public_when_reopened(banjar, personas):
    agency_year = AgencyYear.objects.get(year=2016)
    # imported as published: its version kept then, the day of publication not known (it was on paper)
    assert agency_year.published is not None and agency_year.published_at is None
    cycle.act(user=personas["admin"], agency_year=agency_year, action="reopen", comment="Koreksi target.")
    agency_year.refresh_from_db()
    assert agency_year.status == "draft" and agency_year.published is not None
    page = Client().get("/kabupaten-banjar/dinas-koperasi-dan-umkm/2016/").content.decode()
    assert "sedang dibuka kembali" in page and "Persentase koperasi aktif" in page and "100,59" in page


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_a_reopen_request_reaches_the_admins_queue(team, django_capture_on_commit_callbacks):
    agency, people = team
    people["admin"].email = "admin@uji.go.id"
    people["admin"].save()
    year, indicator = planned(people, agency, 2020, "Indikator", unit="orang", target=10)
    realise(people, year, indicator, 10)
    operator = client_for(people["operator"])
    assert (
        "masih dapat diubah"
        in operator.post(f"{BASE}/2020/minta-buka-kembali/", {"reason": "x"}, follow=True).content.decode()
    )
    step(people, year, "submit")
    with django_capture_on_commit_callbacks(execute=True):
        operator.post(f"{BASE}/2020/minta-buka-kembali/", {"reason": "Target TW III salah ketik."})
    assert mail.outbox[-1].to == ["admin@uji.go.id"] and "Target TW III salah ketik." in mail.outbox[-1].body
    assert (
        "Sudah ada permintaan"
        in operator.post(f"{BASE}/2020/minta-buka-kembali/", {"reason": "lagi"}, follow=True).content.decode()
    )
    queue = client_for(people["admin"]).get("/kerja/").content.decode()
    assert "Permintaan buka kembali" in queue and "Target TW III salah ketik." in queue
    assert client_for(people["reviewer"]).post(f"{BASE}/2020/minta-buka-kembali/", {"reason": "x"}).status_code == 403
    step(people, year, "reopen")
    assert ReopenRequest.objects.get().handled_at is not None
    assert "Permintaan buka kembali" not in client_for(people["admin"]).get("/kerja/").content.decode()


def test_the_rule_is_asked_with_the_first_quarters(team):
    agency, people = team
    year, indicator = planned(people, agency, 2020, "Jumlah peserta pelatihan", unit="orang", target=100)
    operator = client_for(people["operator"])
    page = operator.get(f"{BASE}/2020/entri/{indicator.pk}/").content.decode()
    assert "Belum ada realisasi triwulan" in page
    assert '<option value="sum" selected>' in page  # people trained add up over the quarters
    line = store.load(year).line(indicator.pk)
    data = {
        "meta-name": line.name, "meta-unit": line.unit, "meta-sasaran": line.sasaran, "meta-direction": "higher",
        "meta-cumulation": "sum", "o_meta_name": line.name, "o_meta_unit": line.unit,
        "o_meta_sasaran": line.sasaran, "o_meta_direction": "higher", "o_meta_cumulation": "last",
        "o_meta_definition": "", "o_meta_data_source": "", "o_meta_is_iku": "False", "o_meta_unused": "",
        "v_settings": line.settings_version, "v_info": line.info_version, "v_note": 0, "o_note": "",
        "target": "100", "o_target": "100", "v_target": line.figure("target").version,
    }  # fmt: skip
    operator.post(f"{BASE}/2020/entri/{indicator.pk}/", data)  # a target only: the rule waits
    assert store.load(year).line(indicator.pk).cumulation.value == "last"
    operator.post(f"{BASE}/2020/entri/{indicator.pk}/", {**data, "q1": "30", "q2": "45"})
    line = store.load(year).line(indicator.pk)
    assert line.cumulation.value == "sum" and line.realisasi.number == Decimal("75")  # 30 + 45
    page = operator.get(f"{BASE}/2020/entri/{indicator.pk}/").content.decode()
    assert "Realisasi tahunan: 75 orang, jumlah TW I + TW II, aturan jumlah kumulatif" in page


@pytest.mark.parametrize("who", ["operator", "head"])
def test_review_screen_queries_do_not_grow_with_indicators(team, who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    agency, people = team
    year, first = planned(people, agency, 2020, "Indikator 0", unit="orang", target=10)
    client = client_for(people[who])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"{BASE}/2020/reviu/").status_code == 200
        return len(ctx.captured_queries)

    count()  # the first request renews the session (a write at most once a minute): not the page's own
    few = count()
    store.apply(
        people["operator"], year,
        [core.AddLine(core.Line(indicator_id=None, ref=str(i), name=f"Indikator {i}", unit="orang", sasaran="S",
                                position=i, figures={"target": core.Figure(Decimal(i))})) for i in range(1, 30)],
        origin="form",
    )  # fmt: skip
    assert count() == few
