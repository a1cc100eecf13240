"""The Inspektorat's SAKIP evaluation (LKE) of an agency's year, through the pages as its users work: the reviewer
scores the 2016 sheet (PermenPAN-RB 12/2015) and writes a recommendation, sets it final; the agency reads it only
then and answers with its follow-up; an admin reopens it with a reason; the Laporan Hasil Evaluasi downloads
carry the same figures. Every total is worked out by hand."""

import io
from decimal import Decimal

from openpyxl import load_workbook

from kinerja.web.performance.models import AuditEvent, Evaluation
from tests.web.helpers import client_for, said

PAGE = "/kabupaten-banjar/dinas-koperasi-dan-umkm/evaluasi/2016/"
SHARES = {"s_perencanaan.nilai": "70", "s_pengukuran.nilai": "60", "s_pelaporan.nilai": "80",
          "s_evaluasi.nilai": "50", "s_capaian.nilai": "75,5"}  # fmt: skip


def _version() -> int:
    found = Evaluation.objects.filter(agency__slug="dinas-koperasi-dan-umkm", year=2016).first()
    return found.version if found else 0


def test_the_evaluation_through_its_year(banjar, personas, client, mailoutbox, django_capture_on_commit_callbacks):
    for name, email in (("reviewer", "citra@inspektorat.invalid"), ("operator", "ani@dinas.invalid")):
        personas[name].email = email
        personas[name].save()
    reviewer, operator = client_for(personas["reviewer"]), client_for(personas["operator"])
    page = said(reviewer.get(PAGE))
    assert "PermenPAN-RB 12/2015" in page and "Capaian Kinerja" in page
    assert "Status tahun 2016: dipublikasikan" in page  # what kinerja's own data says, beside the sheet
    assert "belum ditetapkan oleh evaluator" in said(operator.get(PAGE))  # a draft is the evaluator's
    assert client.get(PAGE).status_code == 302  # the public: to the login page
    assert client_for(personas["other_operator"]).get(PAGE).status_code == 403
    # a share out of range: nothing saved, and why
    answer = said(
        reviewer.post(PAGE, {"form": "save", "version": 0, **SHARES, "s_pelaporan.nilai": "120"}, follow=True)
    )
    assert "Pelaporan Kinerja: 120 di luar 0–100 %" in answer and not Evaluation.objects.exists()
    answer = said(reviewer.post(PAGE, {"form": "save", "version": _version(), **SHARES, "n_capaian.nilai": ""},
                                follow=True))  # fmt: skip
    assert "5 nilai atau catatan disimpan" in answer
    # 30 × 70 % + 25 × 60 % + 15 × 80 % + 10 × 50 % + 20 × 75,5 % = 21 + 15 + 12 + 5 + 15,1 = 68,1: B (>60–70)
    assert "68,10" in answer and '<strong id="predikat">B</strong>' in answer
    assert "Evaluasi SAKIP (LKE) yang masih draf" in said(reviewer.get("/kerja/"))  # on the evaluator's queue
    evaluation = Evaluation.objects.get()
    assert (evaluation.total, evaluation.predikat, evaluation.status) == (Decimal("68.1"), "B", "draft")
    # the page opened before that save is stale: refused, not overwritten
    stale = said(reviewer.post(PAGE, {"form": "save", "version": 0, **SHARES, "s_capaian.nilai": "10"}, follow=True))
    assert "telah diubah oleh pengguna lain" in stale and Evaluation.objects.get().total == Decimal("68.1")
    # the agency may not score
    assert operator.post(PAGE, {"form": "save", "version": _version(), **SHARES}).status_code == 403
    # final only with a recommendation
    answer = said(reviewer.post(PAGE, {"form": "finalize", "version": _version()}, follow=True))
    assert "tulis sedikitnya satu rekomendasi" in answer
    typed = '=HYPERLINK("http://contoh.invalid","Lengkapi IKU")'  # a text that looks like a formula
    reviewer.post(PAGE, {"form": "recommend", "text": typed})
    with django_capture_on_commit_callbacks(execute=True):
        answer = said(reviewer.post(PAGE, {"form": "finalize", "version": _version()}, follow=True))
    assert "Evaluasi ditetapkan: predikat B" in answer
    (told,) = mailoutbox  # the agency is told it may now read it and answer
    assert told.to == ["ani@dinas.invalid"] and "nilai 68,10, predikat B (Baik)" in told.body
    assert "/kabupaten-banjar/dinas-koperasi-dan-umkm/evaluasi/2016/" in told.body
    assert said(reviewer.post(PAGE, {"form": "save", "version": _version(), **SHARES}, follow=True)).count(
        "sudah ditetapkan") >= 1  # fmt: skip
    # the agency reads it now, and answers
    page = said(operator.get(PAGE))
    assert '<strong id="predikat">B</strong>' in page and typed in page
    queue = said(operator.get("/kerja/"))  # the agency's queue: a recommendation to answer
    assert "Rekomendasi evaluasi SAKIP yang perlu ditindaklanjuti" in queue and "1 rekomendasi belum selesai" in queue
    recommendation = Evaluation.objects.get().recommendations.get()
    operator.post(
        PAGE, {"form": "follow", "recommendation": recommendation.pk, "follow_up": "IKU direviu", "done": "1"}
    )
    recommendation.refresh_from_db()
    assert (recommendation.follow_up, recommendation.done) == ("IKU direviu", True)
    labels = list(AuditEvent.objects.filter(object_type="Evaluation").values_list("label", flat=True))
    assert any("ditetapkan" in label for label in labels) and any("tindak lanjut" in label for label in labels)
    # the Laporan Hasil Evaluasi: the sheet with its formulas and their figures; typed text is never a formula
    data = operator.get(f"{PAGE[:-1]}.xlsx").content
    formulas = load_workbook(io.BytesIO(data))["LKE"]
    figures = load_workbook(io.BytesIO(data), data_only=True)["LKE"]
    share = next(c for row in formulas.iter_rows() for c in row if c.data_type == "f" and "*" in str(c.value))
    assert str(share.value).endswith("/100")
    total = next(row for row in figures.iter_rows() if row[0].value == "Nilai akhir")
    assert abs(total[3].value - 68.1) < 1e-9
    advice = load_workbook(io.BytesIO(data))["Rekomendasi"]
    cell = next(c for row in advice.iter_rows() for c in row if c.value == typed)
    assert cell.data_type == "s"
    assert b"%PDF" == operator.get(f"{PAGE[:-1]}.pdf").content[:4]
    # the region's board shows it
    board = said(reviewer.get("/kabupaten-banjar/papan/?tahun=2016"))
    assert "B (68,10)" in board
    # an admin reopens it with a reason; the reviewer may score again
    admin = client_for(personas["admin"])
    assert "Alasan membuka kembali tidak boleh kosong" in said(admin.post(PAGE, {"form": "reopen", "reason": ""},
                                                                          follow=True))  # fmt: skip
    admin.post(PAGE, {"form": "reopen", "reason": "Bukti pemanfaatan IKU menyusul"})
    assert Evaluation.objects.get().status == "draft"
    reopened = AuditEvent.objects.filter(object_type="Evaluation", label__contains="dibuka kembali").get()
    assert reopened.comment == "Bukti pemanfaatan IKU menyusul"
    reviewer.post(PAGE, {"form": "save", "version": _version(), **SHARES, "s_capaian.nilai": "100"})
    # 21 + 15 + 12 + 5 + 20 = 73: BB (>70–80)
    assert Evaluation.objects.get().predikat == "BB"
