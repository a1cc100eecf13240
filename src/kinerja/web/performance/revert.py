"""Undoing one change of an indicator from its history: a figure, the note, a setting (name, unit, direction,
cumulation, sasaran, not used), a description (definition, data source, responsible, IKU), or a Renstra target
(the end target, a yearly target, the baseline). What it held before is written back through the one writer
of its kind (store.apply, renstra.apply_plan), with the same checks as any entry, as a new change that names
the one it undoes.

Only the newest change of each of these can be undone, and only while it still holds what that change
wrote: an older change would silently undo the newer ones, and a value changed since would be overwritten
without anyone having seen it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import year as core
from kinerja.core.workflow import Refused

from . import renstra, store
from .models import AuditEvent, EndTarget, Realisation, RenstraTarget

QUARTER_FIELDS = {quarter: name for name, quarter in store.QUARTER.items() if name != "target"}  # 0: "year" …
# The audit's object and key of each change that can be undone: a figure's "value" on its Target (the
# target) or Realisation (quarters, year), the note on the year's Realisation, settings and the year's
# description on the Target, the batas wajar on the Indicator.
UNDOABLE = {
    "Target": ("value", *core.SETTINGS, *core.YEAR_INFO),
    "Realisation": ("value", "note"),
    "Indicator": core.INFO,  # the batas wajar; before migration 0034 also the description
    "EndTarget": ("value",),
    "RenstraTarget": ("value",),
}
PLAN_OBJECTS = {"EndTarget": EndTarget, "RenstraTarget": RenstraTarget}  # written by renstra.apply_plan
WRITTEN = store.WRITTEN
NOT_UNDOABLE = "Perubahan itu tidak dapat dibatalkan dari sini (bukan perubahan angka, catatan atau isian indikator)."


def _key(event: AuditEvent) -> str | None:
    """What the event changed ('value', 'note', 'unit', …), when it is one change that can be undone."""
    after = event.after
    if not isinstance(after, dict) or not isinstance(event.before, dict | None):
        return None  # a first entry has nothing before it: undoing it empties the field again
    if event.object_type in PLAN_OBJECTS and (event.before is None or event.object_id is None):
        return None  # a Renstra target entered first, or removed: nothing before it, or nothing left to change
    keys = [key for key in after if key != WRITTEN]  # a figure's text as written goes with its value
    if len(keys) != 1:
        return None
    (key,) = keys
    return key if key in UNDOABLE.get(event.object_type, ()) else None


def revertible(events) -> set[int]:
    """Of the history shown (newest first), the events that are the newest change of what they changed."""
    seen, ids = set(), set()
    for event in events:
        key = _key(event)
        if key is None:
            continue
        what = (event.object_type, event.object_id, key)
        if what not in seen:
            seen.add(what)
            ids.add(event.pk)
    return ids


def _number(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise Refused(gettext("Nilai lama pada riwayat tidak dapat dibaca; tidak dikembalikan.")) from None


def _field(event: AuditEvent) -> str | None:
    if event.object_type == "Target":
        return "target"
    quarter = Realisation.objects.filter(pk=event.object_id).values_list("quarter", flat=True).first()
    return QUARTER_FIELDS.get(quarter)


def _change(event: AuditEvent, key: str, line: core.Line):
    """The change that writes back what ``event`` replaced, after checking the line still holds what it wrote."""
    before, after = (event.before or {}).get(key), event.after[key]
    if key == "value":
        field = _field(event)
        current = line.figure(field)
        if current.value != _number(after) or current.written != event.after.get(WRITTEN, current.written):
            raise Refused(gettext("Angka ini tidak lagi sama dengan hasil perubahan itu; tidak dikembalikan."))
        if current.value is None and current.written and WRITTEN not in event.after:
            # a change recorded before the audit kept the text written: what it replaced is not known
            raise Refused(gettext("Riwayat lama ini tidak mencatat teks yang ditulis; tidak dikembalikan."))
        written = (event.before or {}).get(WRITTEN, "")
        return core.SetFigure(line.indicator_id, field, _number(before), written, seen_version=current.version)
    current = getattr(line, key)
    if key in core.FIGURE_INFO:  # a figure, kept in the audit as its text
        before, after = _number(before), _number(after)
    if getattr(current, "value", current) != after:  # direction and cumulation are kept as their value
        raise Refused(gettext("Isian ini tidak lagi sama dengan hasil perubahan itu; tidak dikembalikan."))
    if key == "note":
        return core.SetNote(line.indicator_id, before or "", seen_version=line.note_version)
    if key in core.SETTINGS:
        return core.SetSetting(line.indicator_id, key, before or "", seen_version=line.settings_version)
    value = bool(before) if key == "is_iku" else before if key in core.FIGURE_INFO else before or ""
    return core.SetInfo(line.indicator_id, key, value, seen_version=line.info_version_of(key))


def _plan_change(event: AuditEvent, agency):
    """The change that writes back a Renstra target's figure, after checking it still holds what ``event`` wrote.
    Called inside the undo's transaction: the target is locked until the change is written."""
    model = PLAN_OBJECTS[event.object_type]
    target = model.objects.select_for_update().filter(pk=event.object_id, indicator__agency=agency).first()
    if target is None:
        raise Refused(gettext("Target Renstra ini sudah dihapus sesudah perubahan itu; tidak dikembalikan."))
    written = core.Figure(target.value, target.raw).written
    if target.value != _number(event.after["value"]) or written != event.after.get(WRITTEN, written):
        raise Refused(gettext("Angka ini tidak lagi sama dengan hasil perubahan itu; tidak dikembalikan."))
    if target.value is None and written and WRITTEN not in event.after:
        raise Refused(gettext("Riwayat lama ini tidak mencatat teks yang ditulis; tidak dikembalikan."))
    value, raw = _number(event.before.get("value")), event.before.get(WRITTEN, "")
    if model is EndTarget:
        return renstra.SetEndTarget(target.plan_id, target.indicator_id, value, raw, seen_version=target.version)
    return renstra.SetRenstraYear(target.plan_id, target.indicator_id, target.year, value, raw)


def undo(user, agency_year, indicator_id: int, event_id: int) -> int:
    """Write back what was there before ``event_id``. Raises Refused (why) or PermissionDenied."""
    agency = agency_year.agency
    history = AuditEvent.objects.filter(agency=agency, year=agency_year.year, indicator_id=indicator_id)
    event = history.filter(pk=event_id).select_related("user").first()
    key = _key(event) if event is not None else None
    if key is None:
        raise Refused(NOT_UNDOABLE)
    # the newest change of the same thing, in any year: an end target's changes are kept under the year open then
    same = AuditEvent.objects.filter(
        agency=agency, object_type=event.object_type, object_id=event.object_id, after__has_key=key
    )
    if same.order_by("-at", "-id").values_list("pk", flat=True).first() != event.pk:
        raise Refused(
            gettext("Ini sudah diubah lagi sesudah perubahan itu; yang dapat dibatalkan hanya perubahan terbaru.")
        )
    who = event.user.get_username() if event.user else "sistem"
    comment = f"membatalkan perubahan #{event.pk} oleh {who} pada {event.at:%d-%m-%Y %H:%M}"
    if event.object_type in PLAN_OBJECTS:
        with transaction.atomic():
            change = _plan_change(event, agency)
            return renstra.apply_plan(user, agency, [change], origin="revert", comment=comment)
    line = store.load(agency_year).line(indicator_id)
    if line is None:
        raise Refused(gettext("Indikator ini tidak ada dalam rencana tahun ini."))
    change = _change(event, key, line)
    return store.apply(user, agency_year, [change], origin="revert", comment=comment).count
