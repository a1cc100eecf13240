"""Undoing a figure's newest change from its history: the value before it comes back through the one
writer, as a change of its own; older changes, figures changed since, locked years and other people's
agencies are refused."""

import re
from decimal import Decimal

from kinerja.core.values import stored_value
from kinerja.web.performance import store
from kinerja.web.performance.models import AuditEvent
from tests.web.helpers import add_indicator, client_for, said, save_figure

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm/2017/entri"


def figure_events(indicator):
    return AuditEvent.objects.filter(indicator_id=indicator.pk, year=2017, after__has_key="value").order_by("id")


def buttons(page: str) -> list[int]:
    return [int(n) for n in re.findall(r"/batalkan/(\d+)/", page)]


def test_the_newest_change_is_undone_as_a_change_of_its_own(banjar, personas, draft_year):
    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Koperasi baru", unit="unit", target=5)
    save_figure(user=operator, agency_year=draft_year, indicator=indicator, field="target", value="6")
    save_figure(user=operator, agency_year=draft_year, indicator=indicator, field="target", value="7")
    save_figure(user=operator, agency_year=draft_year, indicator=indicator, field="year", value="4")
    to_six, to_seven, realised = figure_events(indicator)  # the line's creation is one event of its own
    client = client_for(operator)
    page = client.get(f"{BASE}/{indicator.pk}/").content.decode()
    assert sorted(buttons(page)) == sorted([to_seven.pk, realised.pk])  # the newest change of each figure
    # an older change would undo the newer one with it: refused, nothing written
    answer = client.post(f"{BASE}/{indicator.pk}/batalkan/{to_six.pk}/", follow=True).content.decode()
    assert "yang dapat dibatalkan hanya perubahan terbaru" in answer
    assert store.load(draft_year).line(indicator.pk).figure("target").value == 7
    answer = client.post(f"{BASE}/{indicator.pk}/batalkan/{to_seven.pk}/", follow=True).content.decode()
    assert "Perubahan dibatalkan" in answer
    assert store.load(draft_year).line(indicator.pk).figure("target").value == 6
    undo = figure_events(indicator).last()
    assert (undo.origin, undo.before, undo.after, undo.user) == ("revert", {"value": "7"}, {"value": "6"}, operator)
    assert undo.comment.startswith(f"membatalkan perubahan #{to_seven.pk} oleh ani")
    assert f"membatalkan perubahan #{to_seven.pk}" in answer  # the history says which change was undone
    # the undo is itself the newest change: undoing it brings 7 back
    client.post(f"{BASE}/{indicator.pk}/batalkan/{undo.pk}/")
    assert store.load(draft_year).line(indicator.pk).figure("target").value == 7
    # a first entry undone leaves the figure empty again, not 0
    client.post(f"{BASE}/{indicator.pk}/batalkan/{realised.pk}/")
    assert store.load(draft_year).line(indicator.pk).figure("year").value is None


def test_what_cannot_be_undone_is_refused(banjar, personas, draft_year, other_agency):
    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Koperasi baru", unit="unit", target=5)
    save_figure(user=operator, agency_year=draft_year, indicator=indicator, field="target", value="6")
    change = figure_events(indicator).last()
    note = AuditEvent.objects.filter(indicator_id=indicator.pk).exclude(after__has_key="value").first()
    client = client_for(operator)
    assert note is not None  # the line's creation: not a change of a figure
    answer = client.post(f"{BASE}/{indicator.pk}/batalkan/{note.pk}/", follow=True).content.decode()
    assert "bukan perubahan angka" in answer
    # another agency's operator may not touch it
    stranger = client_for(personas["other_operator"])
    assert stranger.post(f"{BASE}/{indicator.pk}/batalkan/{change.pk}/").status_code == 403
    # a GET never changes anything
    assert client.get(f"{BASE}/{indicator.pk}/batalkan/{change.pk}/").status_code == 405
    # once submitted, the year is locked: no button, and the undo is refused
    draft_year.status = "submitted"
    draft_year.save(update_fields=["status"])
    page = client.get(f"{BASE}/{indicator.pk}/").content.decode()
    assert buttons(page) == []
    answer = client.post(f"{BASE}/{indicator.pk}/batalkan/{change.pk}/", follow=True).content.decode()
    assert store.load(draft_year).line(indicator.pk).figure("target").value == Decimal(6)
    assert "berstatus &#x27;diajukan&#x27; dan tidak dapat diubah" in answer and "Perubahan dibatalkan" not in answer


def test_a_setting_a_note_and_a_description_are_undone_like_a_figure(banjar, personas, draft_year):
    from kinerja.core import year as core

    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Angka kredit macet", unit="%", target=5)

    def apply(*changes):
        store.apply(operator, draft_year, list(changes), origin="form")

    apply(core.SetSetting(indicator.pk, "direction", "lower"))
    apply(core.SetNote(indicator.pk, "Data dari laporan bank."))
    apply(core.SetNote(indicator.pk, "Data dari laporan OJK."))
    apply(core.SetInfo(indicator.pk, "is_iku", True))
    events = AuditEvent.objects.filter(indicator_id=indicator.pk, year=2017).order_by("id")
    direction = events.get(after__has_key="direction")
    first_note, second_note = events.filter(after__has_key="note")
    iku = events.get(after__has_key="is_iku")
    client = client_for(operator)
    page = client.get(f"{BASE}/{indicator.pk}/").content.decode()
    assert {direction.pk, second_note.pk, iku.pk} <= set(buttons(page)) and first_note.pk not in buttons(page)
    client.post(f"{BASE}/{indicator.pk}/batalkan/{direction.pk}/")
    line = store.load(draft_year).line(indicator.pk)
    assert line.direction.value == "higher"
    undone = AuditEvent.objects.filter(indicator_id=indicator.pk, origin="revert").get()
    assert (undone.before, undone.after) == ({"direction": "lower"}, {"direction": "higher"})
    answer = client.post(f"{BASE}/{indicator.pk}/batalkan/{first_note.pk}/", follow=True).content.decode()
    assert "hanya perubahan terbaru" in answer
    client.post(f"{BASE}/{indicator.pk}/batalkan/{second_note.pk}/")
    client.post(f"{BASE}/{indicator.pk}/batalkan/{iku.pk}/")
    line = store.load(draft_year).line(indicator.pk)
    assert (line.note, line.is_iku) == ("Data dari laporan bank.", False)


def test_undoing_a_unit_change_does_not_turn_grades_into_numbers(banjar, personas, draft_year):
    from kinerja.core import year as core

    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Opini BPK", unit="%")
    store.apply(operator, draft_year, [
        core.SetSetting(indicator.pk, "unit", "opini BPK"), core.SetFigure(indicator.pk, "target", Decimal(4), "WTP"),
    ], origin="form")  # fmt: skip
    unit = AuditEvent.objects.get(indicator_id=indicator.pk, after__has_key="unit")
    answer = client_for(operator).post(f"{BASE}/{indicator.pk}/batalkan/{unit.pk}/", follow=True).content.decode()
    # WTP is kept as its score 4; back under '%' it would read 4 %
    assert "tidak dapat diubah dari &#x27;opini BPK&#x27; menjadi &#x27;%&#x27; selama target WTP" in answer
    assert store.load(draft_year).line(indicator.pk).unit == "opini BPK"


def test_the_text_written_comes_back_with_its_number(banjar, personas, draft_year):
    """Undo used to write the number back with no text: a target written 62,50 came back as 62,5."""
    from kinerja.core import year as core

    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Persentase koperasi sehat", unit="%")

    def set_target(value, raw):
        line = store.load(draft_year).line(indicator.pk)
        change = core.SetFigure(indicator.pk, "target", value, raw, seen_version=line.figure("target").version)
        store.apply(operator, draft_year, [change], origin="form")

    set_target(Decimal("62.50"), "62,50")
    set_target(Decimal(70), "70")
    change = figure_events(indicator).last()
    assert (change.before, change.after) == ({"value": "62.5", "tertulis": "62,50"}, {"value": "70"})
    client = client_for(operator)
    page = said(client.get(f"{BASE}/{indicator.pk}/"))
    assert "sebelum: nilai: 62,5; tertulis: “62,50”" in page  # the history shows what was written
    client.post(f"{BASE}/{indicator.pk}/batalkan/{change.pk}/")
    target = store.load(draft_year).line(indicator.pk).figure("target")
    assert (target.value, target.raw) == (Decimal("62.50"), "62,50")
    assert stored_value(target.value, target.raw, "%").decimals == 2  # shown 62,50 again, not 62,5


def test_a_target_written_as_words_is_recorded_and_restored(banjar, personas, draft_year):
    """A figure with no number (a range, words) changed from one text to another used to be recorded
    as 'nilai: –' before and after: the history did not say what changed, and undo emptied it."""
    from kinerja.core import year as core

    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Tingkat kepuasan anggota", unit="%")
    for raw in ("80 sampai 85", "85 sampai 90"):
        line = store.load(draft_year).line(indicator.pk)
        change = core.SetFigure(indicator.pk, "target", None, raw, seen_version=line.figure("target").version)
        store.apply(operator, draft_year, [change], origin="form")
    event = AuditEvent.objects.filter(indicator_id=indicator.pk, after__tertulis="85 sampai 90").get()
    assert (event.before, event.after) == (
        {"value": None, "tertulis": "80 sampai 85"},
        {"value": None, "tertulis": "85 sampai 90"},
    )
    client_for(operator).post(f"{BASE}/{indicator.pk}/batalkan/{event.pk}/")
    assert store.load(draft_year).line(indicator.pk).figure("target").raw == "80 sampai 85"
    # a change recorded before the audit kept the text (as the newest change): refused, not emptied
    line = store.load(draft_year).line(indicator.pk)
    change = core.SetFigure(indicator.pk, "target", None, "90 sampai 95", seen_version=line.figure("target").version)
    store.apply(operator, draft_year, [change], origin="form")
    old_style = AuditEvent.objects.get(indicator_id=indicator.pk, after__tertulis="90 sampai 95").pk
    AuditEvent.objects.filter(pk=old_style).update(before={"value": None}, after={"value": None})
    answer = said(client_for(operator).post(f"{BASE}/{indicator.pk}/batalkan/{old_style}/", follow=True))
    assert "tidak mencatat teks yang ditulis" in answer
    assert store.load(draft_year).line(indicator.pk).figure("target").raw == "90 sampai 95"
