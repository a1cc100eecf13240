"""Undoing one change of a figure from its history: the value before it is written back through the one
writer (store.apply), with the same checks as any entry, as a new change that names the one it undoes.

Only the newest change of a figure can be undone, and only while the figure still holds what that
change wrote: an older change would silently undo the newer ones, and a figure changed since would be
overwritten without anyone having seen it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from kinerja.core import year as core
from kinerja.core.workflow import Refused

from . import store
from .models import AuditEvent, Realisation

FIGURE_OBJECTS = ("Target", "Realisation")
QUARTER_FIELDS = {quarter: name for name, quarter in store.QUARTER.items() if name != "target"}  # 0: "year" …


def _figure_events(agency_year):
    return AuditEvent.objects.filter(
        agency=agency_year.agency, year=agency_year.year, object_type__in=FIGURE_OBJECTS, after__has_key="value"
    )


def revertible(events) -> set[int]:
    """Of the history shown (newest first), the events that are the newest change of their figure."""
    seen, ids = set(), set()
    for event in events:
        if event.object_type not in FIGURE_OBJECTS or not isinstance(event.after, dict) or "value" not in event.after:
            continue
        key = (event.object_type, event.object_id)
        if key not in seen:
            seen.add(key)
            ids.add(event.pk)
    return ids


def _number(data) -> Decimal | None:
    value = data.get("value") if isinstance(data, dict) else None
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise Refused("Nilai lama pada riwayat tidak dapat dibaca; tidak dikembalikan.") from None


def _field(event: AuditEvent) -> str | None:
    if event.object_type == "Target":
        return "target"
    quarter = Realisation.objects.filter(pk=event.object_id).values_list("quarter", flat=True).first()
    return QUARTER_FIELDS.get(quarter)


def figure(user, agency_year, indicator_id: int, event_id: int) -> int:
    """Write back the value from before ``event_id``. Raises Refused (why) or PermissionDenied."""
    events = _figure_events(agency_year)
    event = events.filter(pk=event_id, indicator_id=indicator_id).select_related("user").first()
    field = _field(event) if event is not None else None
    if field is None:
        raise Refused("Perubahan itu bukan perubahan angka indikator ini pada tahun ini.")
    newest = events.filter(object_type=event.object_type, object_id=event.object_id).order_by("-at", "-id").first()
    if newest.pk != event.pk:
        raise Refused(
            "Angka ini sudah diubah lagi sesudah perubahan itu; yang dapat dibatalkan hanya perubahan terbaru."
        )
    line = store.load(agency_year).line(indicator_id)
    if line is None:
        raise Refused("Indikator ini tidak ada dalam rencana tahun ini.")
    current = line.figure(field)
    if current.value != _number(event.after):
        raise Refused("Angka ini tidak lagi sama dengan hasil perubahan itu; tidak dikembalikan.")
    who = event.user.get_username() if event.user else "sistem"
    change = core.SetFigure(indicator_id, field, _number(event.before), "", seen_version=current.version)
    comment = f"membatalkan perubahan #{event.pk} oleh {who} pada {event.at:%d-%m-%Y %H:%M}"
    return store.apply(user, agency_year, [change], origin="revert", comment=comment).count
