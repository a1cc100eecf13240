"""Indicator links decided in the browser. The import preview promised that a probable link left
unticked "tetap dapat ditautkan nanti", but only the command line could do it; and that command merged
years already published without anyone's leave. Now the agency's operator decides on its links page,
and a link that reaches a year beyond draft is an admin's act with a written reason."""

import re

import pytest
from django.test import Client

from kinerja.core import year as core
from kinerja.web.performance import links, store
from kinerja.web.performance.models import AgencyYear, AuditEvent, Indicator, LinkSuggestion, Target
from tests.web.conftest import make_user
from tests.web.helpers import add_indicator, client_for, said

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm"
OLD, NEW = "Jumlah UMKM yang diberikan pendampingan administrasi", "Jumlah UMKM yang diberikan pendampingan admin"


@pytest.fixture
def published_link(banjar, agency):
    """The Banjar sample's own probable link: both names in published years (2013–2016)."""
    return LinkSuggestion.objects.get(indicator__name=NEW, candidate__name=OLD, status="pending")


def section(page: str, suggestion) -> str:
    """The part of the links page about one suggestion."""
    found = re.search(
        rf'<section class="link-suggestion" aria-labelledby="link-{suggestion.pk}">(.*?)</section>', page, re.S
    )
    assert found, f"suggestion {suggestion.pk} not on the page"
    return found.group(1)


def _years(indicator_id):
    return sorted(Target.objects.filter(indicator_id=indicator_id).values_list("year", flat=True))


def test_a_link_into_published_years_is_an_admins_act_with_a_reason(published_link, personas):
    merge, keep = published_link.indicator_id, published_link.candidate_id
    before = (_years(merge), _years(keep))
    assert before == ([2014, 2015], [2013])  # the short name in the 2014 and 2015 forms, the long one in 2013
    # the years that change: the merged one's own (published); 2013 only gains later years, which its
    # published documents never show
    assert links.locked_years(published_link.candidate, published_link.indicator) == [2014, 2015]
    operator = client_for(personas["operator"])
    page = section(said(operator.get(f"{BASE}/tautan/")), published_link)
    assert f"'{NEW}' = '{OLD}'?" in page and "hanya admin yang dapat menggabungkannya" in page
    assert 'value="confirm"' not in page  # no button the operator cannot use
    url = f"{BASE}/tautan/{published_link.pk}/"
    refused = said(operator.post(url, {"action": "confirm"}, follow=True))
    assert "hanya admin yang dapat menautkannya" in refused
    assert (_years(merge), _years(keep)) == before and Indicator.objects.filter(pk=merge).exists()
    admin = client_for(personas["admin"])
    assert "tuliskan alasannya" in said(admin.post(url, {"action": "confirm", "reason": "  "}, follow=True))
    assert Indicator.objects.filter(pk=merge).exists()
    reason = "Nama disingkat pada form 2015; indikator yang sama menurut Bappeda."
    done = said(admin.post(url, {"action": "confirm", "reason": reason}, follow=True))
    assert "Digabung: kini satu indikator" in done
    assert _years(keep) == sorted({*before[0], *before[1]}) and not Indicator.objects.filter(pk=merge).exists()
    events = AuditEvent.objects.filter(origin="link", indicator_id=keep)
    assert {e.year for e in events} == set(before[0]) and all(e.comment == reason for e in events)
    assert all(e.user.username == "eka" for e in events)
    # the same form sent again: already decided, said so, nothing breaks
    again = admin.post(url, {"action": "confirm", "reason": reason}, follow=True)
    assert again.status_code == 200 and "sudah diputuskan" in said(again)


def test_an_operator_links_a_renamed_indicator_of_the_draft_year(banjar, agency, personas, draft_year):
    operator = personas["operator"]
    keep = Indicator.objects.get(agency=agency, targets__year=2016, targets__name="Persentase koperasi aktif")
    # the 2017 form renamed it: the old line leaves the draft, the new name comes in
    store.apply(operator, draft_year, [core.RemoveLine(keep.pk)], origin="form")
    new = add_indicator(user=operator, agency_year=draft_year, name="Persentase koperasi yang aktif", unit="%",
                        target="63")  # fmt: skip
    suggestion = LinkSuggestion.objects.create(indicator=new, candidate=keep, score=93)
    client = client_for(operator)
    year_page = said(client.get(f"{BASE}/2017/"))
    assert "usulan tautan indikator menunggu keputusan" in year_page
    # this one and the sample's own (the 'pendampingan admin' pair)
    waiting = 'Dinas Koperasi dan UMKM: <a href="{}/tautan/">{} usulan menunggu keputusan</a>'
    assert waiting.format(BASE, 2) in said(client.get("/kerja/"))
    page = section(said(client.get(f"{BASE}/tautan/")), suggestion)
    assert (
        "Persentase koperasi yang aktif" in page and "(tahun 2017)" in page and "(tahun 2013, 2014, 2015, 2016)" in page
    )
    assert 'value="confirm"' in page and "hanya admin" not in page
    done = said(client.post(f"{BASE}/tautan/{suggestion.pk}/", {"action": "confirm"}, follow=True))
    assert "Digabung: kini satu indikator, 'Persentase koperasi yang aktif'." in done  # the newest year's name
    assert f'aria-labelledby="link-{suggestion.pk}"' not in done
    assert _years(keep.pk) == [2013, 2014, 2015, 2016, 2017]
    assert Target.objects.get(indicator=keep, year=2017).name == "Persentase koperasi yang aktif"
    assert Target.objects.get(indicator=keep, year=2016).name == "Persentase koperasi aktif"  # each year its name
    assert store.load(draft_year).line(keep.pk).figure("target").value == 63
    assert Client().get(f"/indikator/{new.pk}/")["Location"] == f"/indikator/{keep.pk}/"
    event = AuditEvent.objects.get(origin="link", indicator_id=keep.pk)
    assert (event.year, event.user, event.comment) == (2017, operator, "")
    assert waiting.format(BASE, 1) in said(client.get("/kerja/"))


def test_a_link_between_two_indicators_of_the_same_year_is_refused_with_the_way_out(
    banjar, agency, personas, draft_year
):
    operator = personas["operator"]
    keep = Indicator.objects.get(agency=agency, targets__year=2016, targets__name="Persentase koperasi aktif")
    new = add_indicator(user=operator, agency_year=draft_year, name="Persentase koperasi yang aktif", unit="%")
    suggestion = LinkSuggestion.objects.create(indicator=new, candidate=keep, score=93)
    client = client_for(operator)
    assert "Keduanya punya target untuk tahun 2017" in said(client.get(f"{BASE}/tautan/"))
    answer = said(client.post(f"{BASE}/tautan/{suggestion.pk}/", {"action": "confirm"}, follow=True))
    assert "kedua indikator punya target untuk tahun 2017. Hapus dulu salah satunya" in answer
    assert Indicator.objects.filter(pk=new.pk).exists()


def test_rejecting_keeps_both_and_is_recorded(published_link, personas):
    client = client_for(personas["operator"])
    client.post(f"{BASE}/tautan/{published_link.pk}/", {"action": "reject"})
    published_link.refresh_from_db()
    assert published_link.status == "rejected"
    event = AuditEvent.objects.get(origin="link", object_type="LinkSuggestion")
    assert (event.user.username, event.before, event.after) == ("ani", {"status": "pending"}, {"status": "rejected"})
    assert "Tidak ada usulan tautan yang menunggu" in said(client.get(f"{BASE}/tautan/"))
    assert "q-links" not in said(client.get("/kerja/"))


def test_only_the_agencys_editors_decide(published_link, personas, other_agency):
    url = f"{BASE}/tautan/{published_link.pk}/"
    for user in (personas["other_operator"], personas["reviewer"], personas["head"]):
        assert client_for(user).get(f"{BASE}/tautan/").status_code == 403
        assert client_for(user).post(url, {"action": "reject"}).status_code == 403
    outsider_region_admin = make_user("lain", "admin", region=other_agency.region.__class__.objects.create(name="X"))
    assert client_for(outsider_region_admin).post(url, {"action": "confirm", "reason": "x"}).status_code == 403
    anonymous = Client().post(url, {"action": "reject"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/masuk/")
    assert client_for(personas["operator"]).post(url, {"action": "hapus"}).status_code == 404
    published_link.refresh_from_db()
    assert published_link.status == "pending"
    with pytest.raises(Exception, match="tidak berhak"):
        links.confirm_link(published_link, personas["other_operator"])


def test_the_command_line_acts_as_the_servers_admin(published_link, capsys):
    from kinerja.cli import main

    assert main(["links", "--confirm", str(published_link.pk)]) == 0
    assert "Digabung ke indikator" in capsys.readouterr().out
    event = AuditEvent.objects.filter(origin="link").first()
    assert event.user is None and re.fullmatch(r"tahun terkunci [\d, ]+", event.comment)
    assert AgencyYear.objects.filter(status="published").count() == 4  # nothing reopened by it


def test_the_links_page_asks_the_database_the_same_number_of_times_for_one_suggestion_or_many(
    published_link, agency, personas
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(personas["operator"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{BASE}/tautan/").status_code == 200
        return len(captured)

    queries()  # the session's first request renews it
    one = queries()
    others = list(Indicator.objects.filter(agency=agency).exclude(pk=published_link.indicator_id)[:6])
    for a, b in zip(others[::2], others[1::2], strict=True):
        LinkSuggestion.objects.create(indicator=a, candidate=b, score=80)
    assert LinkSuggestion.objects.filter(status="pending").count() == 4
    assert queries() == one
