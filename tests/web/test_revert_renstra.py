"""Undoing a Renstra target's newest change from the indicator's history, as a figure's: the end target and a
yearly target come back as they were written (a range as its text), through the Renstra writer, as a change of
its own that names the one it undoes; an older change, a target changed since and a year under review are
refused. Before, the history showed these changes without a way back."""

import re
from decimal import Decimal

import pytest

from kinerja.core.workflow import Refused
from kinerja.web.performance import revert
from kinerja.web.performance.models import AgencyYear, AuditEvent, EndTarget, PlanPeriod, RenstraTarget
from kinerja.web.performance.store import load
from tests.web.helpers import client_for, said


def _buttons(page: str) -> list[int]:
    return [int(n) for n in re.findall(r"/batalkan/(\d+)/", page)]


def _entry(agency, year: int, indicator_id: int) -> str:
    return f"/{agency.region.slug}/{agency.slug}/{year}/entri/{indicator_id}/"


def test_an_end_target_change_is_undone_with_its_text(banjar, agency, personas):
    end = EndTarget.objects.select_related("plan").get(
        indicator__agency=agency, indicator__name="Persentase koperasi aktif"
    )
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")  # as if reopened to correct it
    client = client_for(personas["operator"])
    renstra = f"/{agency.region.slug}/{agency.slug}/renstra/"
    key = f"end_{end.indicator_id}"
    original = (end.value, end.raw)

    def post_end(typed: str) -> None:
        current = EndTarget.objects.get(pk=end.pk)
        shown = said(client.get(renstra)).split(f'name="o_{key}" value="')[1].split('"')[0]
        client.post(renstra, {"form": "end", "plan": end.plan_id, key: typed, f"o_{key}": shown,
                              f"v_{key}": current.version})  # fmt: skip

    post_end("65 s.d. 70")
    post_end("68")
    *_, to_range, to_68 = AuditEvent.objects.filter(object_type="EndTarget", object_id=end.pk).order_by("id")
    assert to_range.year == to_68.year == 2016  # kept under the year open then
    page = said(client.get(_entry(agency, 2016, end.indicator_id)))
    assert to_68.pk in _buttons(page) and to_range.pk not in _buttons(page)
    answer = said(client.post(f"{_entry(agency, 2016, end.indicator_id)}batalkan/{to_range.pk}/", follow=True))
    assert "yang dapat dibatalkan hanya perubahan terbaru" in answer
    answer = said(client.post(f"{_entry(agency, 2016, end.indicator_id)}batalkan/{to_68.pk}/", follow=True))
    assert "Perubahan dibatalkan" in answer
    end.refresh_from_db()
    assert (end.value, end.raw) == (None, "65–70")  # the range, as its text: no bound taken for it
    undo = AuditEvent.objects.filter(object_type="EndTarget", object_id=end.pk).order_by("id").last()
    assert (undo.origin, undo.before, undo.after) == ("revert", {"value": "68"}, {"value": None, "tertulis": "65–70"})
    assert undo.comment.startswith(f"membatalkan perubahan #{to_68.pk} oleh ani")
    assert 'value="65–70"' in said(client.get(renstra))  # typed back as the range
    # the undo is itself the newest change: undoing it brings 68 back
    undo_of_undo = client.post(f"{_entry(agency, 2016, end.indicator_id)}batalkan/{undo.pk}/")
    assert undo_of_undo.status_code == 302
    end.refresh_from_db()
    assert end.value is not None and str(end.value.normalize()) == "68"
    newest = AuditEvent.objects.filter(object_type="EndTarget", object_id=end.pk).order_by("id").last()
    assert original != (end.value, end.raw)
    # a year that uses the end target goes under review: its undo is refused by the Renstra writer's own rule
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="submitted")
    with pytest.raises(Refused, match="sedang direviu"):
        revert.undo(personas["operator"], AgencyYear.objects.get(agency=agency, year=2016), end.indicator_id, newest.pk)
    end.refresh_from_db()
    assert str(end.value.normalize()) == "68"


def test_a_yearly_renstra_target_change_is_undone(banjar, agency, personas):
    plan = PlanPeriod.objects.filter(agency=agency).order_by("start_year").first()
    year = AgencyYear.objects.get(agency=agency, year=2016)
    line = next(x for x in load(year).used_lines if x.name == "Persentase koperasi aktif")
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")
    client = client_for(personas["operator"])
    renstra = f"/{agency.region.slug}/{agency.slug}/renstra/"
    url = f"{renstra}{plan.pk}/tahunan/"
    key = f"y_{line.indicator_id}_2016"

    def post_cell(typed: str) -> None:
        grid = dict(re.findall(r'name="((?:o_)?y_\d+_\d+)" value="([^"]*)"', said(client.get(renstra))))
        client.post(url, {**grid, key: typed})

    post_cell("62,50")  # the first entry: nothing before it to bring back
    post_cell("64")
    first, second = AuditEvent.objects.filter(object_type="RenstraTarget", indicator_id=line.indicator_id,
                                               year=2016).order_by("id")  # fmt: skip
    page = said(client.get(_entry(agency, 2016, line.indicator_id)))
    assert second.pk in _buttons(page) and first.pk not in _buttons(page)
    answer = said(client.post(f"{_entry(agency, 2016, line.indicator_id)}batalkan/{second.pk}/", follow=True))
    assert "Perubahan dibatalkan" in answer
    kept = RenstraTarget.objects.get(indicator_id=line.indicator_id, plan=plan, year=2016)
    assert (kept.value, kept.raw) == (Decimal("62.5"), "62,50")  # 62,50 comes back as written, not as 62,5
    # a target changed since the change shown is not overwritten by an undo of it
    post_cell("63")
    stale = said(client.post(f"{_entry(agency, 2016, line.indicator_id)}batalkan/{second.pk}/", follow=True))
    assert "Perubahan dibatalkan" not in stale
    assert RenstraTarget.objects.get(pk=kept.pk).value == 63
