"""A finding reads in the page's language: English pages say the checks' sentences in English, with the
document's own words (names, figures as written) untouched; Indonesian pages say the stored words."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.web.cli import sample_path
from kinerja.web.performance.models import Agency, FindingRecord, Membership, Region
from tests.web.conftest import make_user
from tests.web.helpers import client_for, said

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
# 2015: 'Jumlah anggota koperasi' written 109,10 %; 26.870 ÷ 24.450 × 100 = 109,8977… = 109,90
INDONESIAN = (
    "'Jumlah anggota koperasi': tertulis 109,10, padahal realisasi 26.870 orang ÷ target 24.450 orang × 100 = 109,90."
)
ENGLISH = (
    "'Jumlah anggota koperasi': 109,10 is written, whereas realisation 26.870 orang ÷ target 24.450 orang × 100 "
    "= 109,90."
)


def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def test_the_year_page_says_a_finding_in_the_language_of_the_page(client, banjar):
    assert INDONESIAN in said(client.get(f"{BASE}/2015/"))
    page = said(english(client).get(f"{BASE}/2015/"))
    assert ENGLISH in page and INDONESIAN not in page
    # the year the title contradicts, in English too
    assert "The year in the title (2016, line 56) contradicts the budget line and the signature" in page
    # 2014's budget realisation 'Rp. 2.119.2015.485': a group of four digits, not guessed
    assert "the digit group '2015' does not have 3 digits" in said(client.get(f"{BASE}/2014/"))


def test_an_import_keeps_each_findings_sentence_beside_its_words(banjar):
    record = FindingRecord.objects.get(code="capaian_mismatch", message=INDONESIAN)
    assert record.said["key"] == "check.mismatch"
    assert record.said["params"]["indikator"] == "Jumlah anggota koperasi"
    assert record.said["params"]["formula"]["message"]["key"] == "formula.higher"
    assert FindingRecord.objects.filter(said__isnull=True).count() == 0


def test_a_finding_stored_before_its_sentence_was_kept_stays_in_its_own_words(client, banjar):
    """Findings imported by earlier versions have no structure: an English page shows them as stored."""
    FindingRecord.objects.filter(message=INDONESIAN).update(said=None)
    page = said(english(client).get(f"{BASE}/2015/"))
    assert INDONESIAN in page and ENGLISH not in page
    # a structure that no longer fits the catalog is not guessed at either
    FindingRecord.objects.filter(message=INDONESIAN).update(said={"key": "check.mismatch", "params": {}})
    assert INDONESIAN in said(client.get(f"{BASE}/2015/"))


def test_the_import_preview_and_the_import_findings_speak_english(client, db):
    region = Region.objects.create(name="Kabupaten Banjar")
    agency = Agency.objects.create(region=region, name="Dinas Koperasi dan UMKM")
    client.force_login(make_user("ani", Membership.Role.OPERATOR, agency))
    english(client)
    document = SimpleUploadedFile("banjar.txt", sample_path().read_bytes(), "text/plain")
    preview = said(client.post("/impor/baru/", {"agency": agency.pk, "document": document}))
    assert ENGLISH in preview and INDONESIAN not in preview


def test_the_checklist_speaks_english(banjar, personas, draft_year):
    """2017 opened from the 2016 plan: 26 targets to fill and no budget yet (the Indonesian words are
    tests/web/test_entry_table.py's)."""
    client = english(client_for(personas["operator"]))
    table = said(client.get(f"{BASE}/2017/entri/tabel/"))
    assert "Targets not filled in (26)" in table and "Budget (1)" in table
    assert table.count("is not filled in.") == 26
    assert "The target of 'Persentase koperasi aktif' is not filled in." in table
    assert (
        "The budget and the budget realisation of 2017 not recorded yet; enter the budget and its realisation, "
        "or write why this year is submitted without a budget."
    ) in table
    assert "belum diisi" not in table and "belum dicatat" not in table


def test_what_a_save_answers_is_said_in_english(banjar, personas, draft_year):
    from kinerja.web.performance import store
    from tests.web.test_entry_table import TABLE, shown

    client = english(client_for(personas["operator"]))
    data = shown(client.get(TABLE).content.decode())
    data[f"f-{store.load(draft_year).lines[0].indicator_id}-target"] = "24.450"
    answer = said(client.post(TABLE, data, follow=True))
    assert "1 change saved." in answer and "perubahan disimpan" not in answer
    assert "2018 created as a draft." in said(client.post(f"{BASE}/tahun-baru/", {"year": "2018"}, follow=True))
    assert "Not a valid year." in said(client.post(f"{BASE}/tahun-baru/", {"year": "abc"}, follow=True))


def test_a_refusal_is_said_in_english(banjar, personas, draft_year):
    from decimal import Decimal

    import pytest
    from django.utils import translation

    from kinerja.core import year as core
    from kinerja.core.workflow import Refused
    from kinerja.web.performance import store
    from kinerja.web.performance.language import in_page_language
    from kinerja.web.performance.models import AgencyYear

    client = english(client_for(personas["operator"]))
    # 2017 opened from the 2016 plan: 26 targets and the budget to fill (tests/web/test_entry_table.py)
    answer = said(client.post(f"{BASE}/2017/alur/submit/", follow=True))
    assert "Cannot be submitted yet: 27 items must be settled first; see the checklist (first: The target of '" in (
        answer
    )
    assert "Belum dapat diajukan" not in answer
    published = AgencyYear.objects.get(agency=draft_year.agency, year=2016)
    line = store.load(published).lines[0]
    with pytest.raises(Refused) as refused:
        store.apply(
            personas["operator"], published, [core.SetFigure(line.indicator_id, "target", Decimal(1))], origin="form"
        )
    assert str(refused.value.args[0]).startswith("Tahun 2016 berstatus 'dipublikasikan' dan tidak dapat diubah")
    with translation.override("en"):
        assert in_page_language(refused.value) == (
            "2016 is 'published' and cannot be changed; an admin can reopen it with a written reason."
        )
    # someone else saved the target first: the stale form is refused, in English
    mine = store.load(draft_year).lines[0]
    store.apply(
        personas["admin"], draft_year, [core.SetFigure(mine.indicator_id, "target", Decimal(50))], origin="form"
    )
    with pytest.raises(Refused) as stale:
        store.apply(
            personas["operator"],
            draft_year,
            [core.SetFigure(mine.indicator_id, "target", Decimal(60), seen_version=mine.figure("target").version)],
            origin="form",
        )
    with translation.override("en"):
        assert in_page_language(stale.value).startswith(
            f"Target of '{mine.name}' was changed by eka to 50 after you opened the form; your change (60) was not "
            "saved."
        )


def test_why_a_capaian_cannot_be_computed_is_said_in_english(client, banjar):
    english(client)
    # 2016: 'SDM yang mengikuti pelatihan' has a target of 0; 2015: 'Jumlah BPR / LKM' realised '4 BPR/12 LKM'
    page_2016 = said(client.get(f"{BASE}/2016/"))
    assert "target 0: achievement cannot be computed (division by zero)" in page_2016
    assert "Category by the Permendagri 86/2017 scale: ≥91 Sangat Tinggi, ≥76 Tinggi" in page_2016
    page = said(client.get(f"{BASE}/2015/"))
    assert "the realisation is text '4 BPR/12 LKM', not a number" in page
    assert "berupa teks" not in page


def test_anything_a_template_hands_the_filter_is_said_and_nothing_is_lost(db):
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from kinerja.core.messages import say
    from kinerja.web.performance.language import in_page_language

    with translation.override("en"):
        assert in_page_language(gettext_lazy("Tahun tidak sah.")) == "Not a valid year."
        assert in_page_language(say("term.empty")) == "(empty)"
        assert in_page_language({"message": "Teks tersimpan.", "said": None}) == "Teks tersimpan."
        assert in_page_language("teks biasa") == "teks biasa"
        assert in_page_language(None) == ""
