"""Validation rules defined in the browser by Bappeda or the agency, checked on every year: Banjar's
2015 UMKM adds up (28.035 + 2.492 + 623 = 31.150), a draft that does not is shown on its year page."""

from datetime import UTC

import pytest
from django.test import Client

from kinerja.core import year as core
from kinerja.web.performance import links, store
from kinerja.web.performance.models import (
    AgencyYear,
    AuditEvent,
    Indicator,
    LinkSuggestion,
    RuleTerm,
    Target,
    ValidationRule,
)
from tests.web.helpers import add_indicator, client_for, said, save_figure

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
TOTAL = "Jumlah UMKM"
PARTS = ("Jumlah Usaha Mikro yang aktif", "Jumlah Usaha Kecil yang aktif", "Jumlah Usaha Menengah yang aktif")
RULE = "Jumlah UMKM sama dengan komponennya"


def indicator(agency, name) -> Indicator:
    return Indicator.objects.get(agency=agency, targets__year=2015, targets__name=name)


def umkm_rule(agency, **extra) -> dict:
    post = {"form": "add", "name": RULE, "field": "realisasi", "operator": "=", "missing": "skip_if_any",
            "severity": "warning", "l_ind_0": indicator(agency, TOTAL).pk}  # fmt: skip
    for i, name in enumerate(PARTS):
        post[f"r_ind_{i}"] = indicator(agency, name).pk
    return {**post, **extra}


def test_bappeda_defines_a_rule_and_every_year_is_checked(banjar, agency, personas, draft_year):
    reviewer = client_for(personas["reviewer"])
    answer = said(reviewer.post(f"{BASE}/aturan/", umkm_rule(agency), follow=True))
    assert "Aturan disimpan" in answer
    rule = ValidationRule.objects.get(agency=agency)
    assert [(t.side, t.sign) for t in rule.terms.all()] == [("left", 1), ("right", 1), ("right", 1), ("right", 1)]
    assert f"<code>realisasi: {TOTAL} = {' + '.join(PARTS)}</code>" in answer
    # as Banjar wrote them: 2013 5.855 + 65 + 12 = 5.932; 2014 9.851 + 374 + 28 = 10.253; 2015 28.035 + 2.492
    # + 623 = 31.150; each the total written
    for year in (2013, 2014, 2015):
        assert f"<strong>{year}</strong>: terpenuhi" in answer
    # 2016 does not measure them: not guessed as 0, said
    skipped = f"<strong>2016</strong>: dilewati ('{TOTAL}', '{PARTS[0]}', '{PARTS[1]}', '{PARTS[2]}' belum diisi)"
    assert skipped in answer
    event = AuditEvent.objects.get(origin="rule")
    assert event.user == personas["reviewer"] and event.after["aturan"].startswith(f"realisasi: {TOTAL} =")

    # the 2017 draft measures them again, and its total does not add up
    operator = personas["operator"]
    _draft_umkm(agency, operator, draft_year, 31000)
    year_page = said(client_for(operator).get(f"{BASE}/2017/"))
    # 28.000 + 2.500 + 600 = 31.100, not the 31.000 entered
    assert (
        f"Aturan '{RULE}' tidak terpenuhi: realisasi {TOTAL} 31.000, padahal harus = ({PARTS[0]} 28.000 + "
        f"{PARTS[1]} 2.500 + {PARTS[2]} 600) = 31.100."
    ) in year_page
    save_figure(user=operator, agency_year=draft_year, indicator=indicator(agency, TOTAL), field="year", value=31100)
    fixed = said(client_for(operator).get(f"{BASE}/2017/"))
    assert "tidak terpenuhi" not in fixed and "1 aturan validasi terpenuhi atau belum dapat diperiksa" in fixed
    # the public reads the published 2015 page without the rule's section (nothing broken, not theirs to define)
    assert 'id="aturan"' not in said(Client().get(f"{BASE}/2015/"))


def test_rules_that_cannot_be_kept_are_refused_and_nothing_is_stored(banjar, agency, personas, other_agency):
    client = client_for(personas["operator"])
    foreign = add_indicator(
        user=personas["admin"], agency_year=store.open_year(personas["admin"], other_agency, 2016)[0],
        name="Angka partisipasi sekolah", unit="%",
    )  # fmt: skip
    cases = [
        (umkm_rule(agency, r_ind_3=foreign.pk), "Aturan hanya dapat memuat indikator perangkat daerah ini"),
        (umkm_rule(agency, name=""), "Nama aturan tidak boleh kosong"),
        (umkm_rule(agency, name="x" * 201), "Nama aturan terlalu panjang"),
        (umkm_rule(agency, operator="=="), "Pilih pembanding aturan"),
        (umkm_rule(agency, severity="fatal"), "Tingkat aturan hanya galat atau peringatan"),
        ({"form": "add", "name": "kosong", "operator": "=", "field": "realisasi", "missing": "skip_if_any",
          "severity": "warning"}, "Kedua sisi aturan perlu paling sedikit satu indikator"),
        (umkm_rule(agency, r_ind_0=indicator(agency, TOTAL).pk, r_ind_1="", r_ind_2=""), "Kedua sisi aturan sama"),
        (umkm_rule(agency, l_ind_0="12abc"), "Kedua sisi aturan perlu paling sedikit satu indikator"),
    ]  # fmt: skip
    for post, message in cases:
        assert message in said(client.post(f"{BASE}/aturan/", post, follow=True)), message
    assert not ValidationRule.objects.exists() and not AuditEvent.objects.filter(origin="rule").exists()


def test_only_the_agencys_people_bappeda_and_admins_define_rules(banjar, agency, personas, other_agency):
    for user in (personas["other_operator"], personas["head"]):
        assert client_for(user).get(f"{BASE}/aturan/").status_code == 403
        assert client_for(user).post(f"{BASE}/aturan/", umkm_rule(agency)).status_code == 403
    anonymous = Client().post(f"{BASE}/aturan/", umkm_rule(agency))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/masuk/")
    assert not ValidationRule.objects.exists()
    for user in (personas["operator"], personas["admin"]):
        assert client_for(user).get(f"{BASE}/aturan/").status_code == 200


def test_removing_a_rule_is_recorded_with_what_it_said(banjar, agency, personas):
    client = client_for(personas["operator"])
    client.post(f"{BASE}/aturan/", umkm_rule(agency))
    rule = ValidationRule.objects.get()
    answer = said(client.post(f"{BASE}/aturan/", {"form": "remove", "pk": rule.pk}, follow=True))
    assert "Aturan dihapus" in answer and not ValidationRule.objects.exists() and not RuleTerm.objects.exists()
    removed = AuditEvent.objects.get(origin="rule", action="delete")
    assert removed.before["aturan"] == f"realisasi: {TOTAL} = {' + '.join(PARTS)}"
    again = said(client.post(f"{BASE}/aturan/", {"form": "remove", "pk": rule.pk}, follow=True))
    assert "Aturan ini sudah dihapus" in again


def test_a_rule_follows_its_indicator_through_a_link(banjar, agency, personas):
    """The Banjar sample's pending link merges 'pendampingan admin' into 'pendampingan administrasi': a
    rule naming the merged one now names the kept one, instead of losing its term with it."""
    suggestion = LinkSuggestion.objects.get(status="pending", indicator__name__endswith="pendampingan admin")
    merge, keep = suggestion.indicator, suggestion.candidate
    client_for(personas["operator"]).post(
        f"{BASE}/aturan/",
        umkm_rule(agency, name="pendampingan tidak melebihi UMKM", operator="≤", l_ind_0=merge.pk, r_ind_0=indicator(
            agency, TOTAL).pk, r_ind_1="", r_ind_2=""),
    )  # fmt: skip
    links.confirm_link(suggestion)
    assert [t.indicator_id for t in RuleTerm.objects.filter(side="left")] == [keep.pk]
    assert Target.objects.filter(indicator=keep).exists()
    with pytest.raises(Indicator.DoesNotExist):
        Indicator.objects.get(pk=merge.pk)


def _draft_umkm(agency, operator, draft_year, total):
    """The 2017 draft measures the UMKM rows again: 28.000 + 2.500 + 600 = 31.100 against ``total``."""
    lines = store.load(draft_year)
    missing = [indicator(agency, n) for n in (TOTAL, *PARTS) if lines.line(indicator(agency, n).pk) is None]
    store.apply(operator, draft_year, [
        core.AddLine(core.Line(indicator_id=i.pk, name=i.name, unit="orang/badan usaha", sasaran="Database UMKM"))
        for i in missing
    ], origin="form")  # fmt: skip
    for name, value in ((TOTAL, total), (PARTS[0], 28000), (PARTS[1], 2500), (PARTS[2], 600)):
        save_figure(user=operator, agency_year=draft_year, indicator=indicator(agency, name), field="year", value=value)


def test_a_broken_rule_of_severity_error_stops_the_submission(banjar, agency, personas, draft_year):
    from kinerja.web.performance import cycle
    from kinerja.web.performance.validation_rules import year_blockers

    operator = personas["operator"]
    client_for(personas["reviewer"]).post(f"{BASE}/aturan/", umkm_rule(agency, severity="error"))
    _draft_umkm(agency, operator, draft_year, 31000)
    blockers = [b for b in year_blockers(store.load(draft_year), agency) if b.kind == "rule"]
    assert [b.message for b in blockers] == [
        f"Aturan '{RULE}' tidak terpenuhi: realisasi {TOTAL} 31.000, padahal harus = ({PARTS[0]} 28.000 + "
        f"{PARTS[1]} 2.500 + {PARTS[2]} 600) = 31.100."
    ]
    page = said(client_for(operator).get(f"{BASE}/2017/"))
    assert "Aturan validasi bertingkat galat tidak terpenuhi (1)" in page
    assert "Aturan validasi bertingkat galat tidak terpenuhi (1)" in said(
        client_for(operator).get(f"{BASE}/2017/entri/tabel/")
    )
    # the list submit checks is the same one (its other items are this draft's empty targets)
    assert [b for b in cycle.submission_blockers(draft_year) if b.kind == "rule"] == blockers
    save_figure(user=operator, agency_year=draft_year, indicator=indicator(agency, TOTAL), field="year", value=31100)
    assert not [b for b in cycle.submission_blockers(draft_year) if b.kind == "rule"]


def test_an_operator_cannot_lift_a_rule_that_bappeda_set(banjar, agency, personas):
    client_for(personas["reviewer"]).post(f"{BASE}/aturan/", umkm_rule(agency, name="dari Bappeda"))
    client_for(personas["operator"]).post(f"{BASE}/aturan/", umkm_rule(agency, name="dari dinas"))
    bappeda, own = ValidationRule.objects.get(name="dari Bappeda"), ValidationRule.objects.get(name="dari dinas")
    assert (bappeda.by_region, own.by_region) == (True, False)
    operator = client_for(personas["operator"])
    page = said(operator.get(f"{BASE}/aturan/"))
    assert page.count('name="form" value="remove"') == 1  # only the button for its own rule
    answer = said(operator.post(f"{BASE}/aturan/", {"form": "remove", "pk": bappeda.pk}, follow=True))
    assert "hanya mereka yang dapat menghapusnya" in answer and ValidationRule.objects.filter(pk=bappeda.pk).exists()
    operator.post(f"{BASE}/aturan/", {"form": "remove", "pk": own.pk})
    assert not ValidationRule.objects.filter(pk=own.pk).exists()
    client_for(personas["reviewer"]).post(f"{BASE}/aturan/", {"form": "remove", "pk": bappeda.pk})
    assert not ValidationRule.objects.exists()


def test_a_year_whose_only_problem_is_a_broken_rule_is_refused_at_submit_and_then_goes(team):
    """lulusan 160 > peserta 150 under 'lulusan ≤ peserta' (galat): the submission names the rule."""
    from kinerja.web.performance import cycle, validation_rules

    agency, people = team
    operator = people["operator"]
    year, _ = store.open_year(operator, agency, 2030)
    peserta = add_indicator(user=operator, agency_year=year, name="Peserta pelatihan", unit="orang", target=150)
    lulusan = add_indicator(user=operator, agency_year=year, name="Lulusan pelatihan", unit="orang", target=140)
    save_figure(user=operator, agency_year=year, indicator=peserta, field="year", value=150)
    save_figure(user=operator, agency_year=year, indicator=lulusan, field="year", value=160)
    store.apply(operator, year, [core.SetBudgetWaiver("Tidak ada anggaran khusus.")], origin="form")
    validation_rules.add(
        people["reviewer"], agency, name="Lulusan tidak melebihi peserta", field="realisasi", operator="≤",
        missing="skip_if_any", severity="error", left=[(1, lulusan.pk)], right=[(1, peserta.pk)],
    )  # fmt: skip
    with pytest.raises(cycle.Refused) as refused:
        cycle.act(user=operator, agency_year=year, action="submit")
    assert str(refused.value) == (
        "Belum dapat diajukan: 1 hal perlu diselesaikan dulu; lihat daftar periksa (pertama: Aturan 'Lulusan tidak "
        "melebihi peserta' tidak terpenuhi: realisasi Lulusan pelatihan 160, padahal harus ≤ Peserta pelatihan 150.)"
    )
    save_figure(user=operator, agency_year=year, indicator=lulusan, field="year", value=150)  # 150 ≤ 150
    assert cycle.act(user=operator, agency_year=year, action="submit").status == "submitted"


def test_the_rules_page_and_the_year_page_ask_the_database_as_often_for_one_rule_as_for_many(banjar, agency, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(personas["reviewer"])

    def queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.post(f"{BASE}/aturan/", umkm_rule(agency))
    client.get(f"{BASE}/aturan/")  # the session's first request renews it
    one = (queries(f"{BASE}/aturan/"), queries(f"{BASE}/2015/"))
    for name in ("kedua", "ketiga"):
        client.post(f"{BASE}/aturan/", umkm_rule(agency, name=name, operator="≥"))
    assert ValidationRule.objects.count() == 3
    assert (queries(f"{BASE}/aturan/"), queries(f"{BASE}/2015/")) == one


def test_the_review_screen_shows_the_rules_the_year_breaks(banjar, agency, personas, draft_year):
    client_for(personas["reviewer"]).post(f"{BASE}/aturan/", umkm_rule(agency))
    _draft_umkm(agency, personas["operator"], draft_year, 31000)
    page = said(client_for(personas["reviewer"]).get(f"{BASE}/2017/reviu/"))
    assert f"aturan validasi</strong> — Aturan '{RULE}' tidak terpenuhi: realisasi {TOTAL} 31.000" in page


def test_a_target_written_as_a_range_skips_a_rule_instead_of_counting_0(banjar, agency, personas, draft_year):
    """'Never skip' counts an empty figure as 0; a target written as a range is not empty and not 0."""
    reviewer = client_for(personas["reviewer"])
    reviewer.post(f"{BASE}/aturan/", umkm_rule(agency, field="target", missing="never_skip"))
    operator = personas["operator"]
    _draft_umkm(agency, operator, draft_year, 31100)  # the 2017 draft measures the UMKM rows again
    numbers = {TOTAL: 31000, PARTS[0]: 28000, PARTS[1]: 2500}
    for name, value in numbers.items():
        item = indicator(agency, name)
        save_figure(user=operator, agency_year=draft_year, indicator=item, field="target", value=value)
    menengah = indicator(agency, PARTS[2])
    line = store.load(draft_year).line(menengah.pk)
    change = core.SetFigure(menengah.pk, "target", None, "500–700", seen_version=line.figure("target").version)
    store.apply(operator, draft_year, [change], origin="form")
    page = said(reviewer.get(f"{BASE}/aturan/"))
    # counted as 0 it would read 28.000 + 2.500 + 0 = 30.500 ≠ 31.000: broken for a figure nobody left empty
    assert f"<strong>2017</strong>: dilewati ('{PARTS[2]}' berupa rentang '500–700 " in page
    assert "tidak terpenuhi" not in said(client_for(operator).get(f"{BASE}/2017/"))


def test_a_compulsory_pair_defined_in_the_browser_names_the_figure_left_empty(banjar, agency, personas, draft_year):
    operator = personas["operator"]
    client = client_for(operator)
    answer = said(client.post(f"{BASE}/aturan/", umkm_rule(
        agency, name="Mikro dan total diisi bersama", operator="compulsory_pair", r_ind_1="", r_ind_2="",
    ), follow=True))  # fmt: skip
    assert "Aturan disimpan" in answer
    assert f"<code>realisasi: {TOTAL} dan {PARTS[0]} diisi bersama</code></p>" in answer  # no missing strategy
    # Banjar measured both in 2013–2015, neither in 2016
    for year in (2013, 2014, 2015, 2016):
        assert f"<strong>{year}</strong>: terpenuhi" in answer
    _draft_umkm(agency, operator, draft_year, 31100)
    line = store.load(draft_year).line(indicator(agency, PARTS[0]).pk)
    store.apply(operator, draft_year, [
        core.SetFigure(line.indicator_id, "year", None, seen_version=line.figure("year").version),
    ], origin="form")  # fmt: skip
    year_page = said(client.get(f"{BASE}/2017/"))
    assert (
        f"Aturan 'Mikro dan total diisi bersama' tidak terpenuhi: realisasi '{TOTAL}' diisi, padahal "
        f"'{PARTS[0]}' belum; keduanya harus diisi bersama."
    ) in year_page


def test_a_rule_set_after_publication_says_so_on_the_published_page(banjar, agency, personas):
    """Banjar's 2015 form was published before anyone wrote a rule: a rule it breaks is shown to the public
    with that said, not as a fault of what was published."""
    reviewer = client_for(personas["reviewer"])
    # 28.035 + 2.492 = 30.527 ≤ 623 is false: broken in 2015 as written
    reviewer.post(f"{BASE}/aturan/", umkm_rule(agency, operator="≤", l_ind_1=indicator(agency, PARTS[0]).pk,
                                               r_ind_0=indicator(agency, PARTS[2]).pk, r_ind_1="", r_ind_2="",
                                               l_ind_0=indicator(agency, PARTS[1]).pk))  # fmt: skip
    page = said(Client().get(f"{BASE}/2015/"))
    assert "tidak terpenuhi" in page and "(aturan ini ditetapkan sesudah tahun ini dipublikasikan)" in page
    # published through kinerja on a known day: the page gives the day; a rule older than that has no note
    from datetime import datetime

    AgencyYear.objects.filter(agency=agency, year=2015).update(published_at=datetime(2016, 3, 31, tzinfo=UTC))
    page = said(Client().get(f"{BASE}/2015/"))
    assert "(aturan ini ditetapkan sesudah tahun ini dipublikasikan pada 31-03-2016)" in page
    ValidationRule.objects.update(created_at=datetime(2016, 1, 2, tzinfo=UTC))
    page = said(Client().get(f"{BASE}/2015/"))
    assert "tidak terpenuhi" in page and "ditetapkan sesudah" not in page
