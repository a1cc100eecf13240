"""Writes and reads of the Renja rows of an agency's year (programmes, kegiatan, sub kegiatan with K and
Rp targets and quarterly realisations), and their Evaluasi Renja through kinerja.core.renja. Audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from kinerja.core import renja as rules
from kinerja.core.model import Cumulation
from kinerja.core.units import default_cumulation
from kinerja.core.workflow import Refused
from kinerja.reports.renja import RenjaData

from . import audit, scales, typed
from .access import can_edit
from .models import AuditEvent, RenjaEvaluation, RenjaRow

NUMBERS = (
    "renstra_k", "renstra_rp", "before_k", "before_rp", "target_k", "target_rp",
    "q1_k", "q1_rp", "q2_k", "q2_rp", "q3_k", "q3_rp", "q4_k", "q4_rp",
)  # fmt: skip
LABELS = {
    "renstra": "target Renstra akhir", "before": "realisasi s.d. tahun lalu", "target": "target tahun ini",
    "q1": "realisasi TW I", "q2": "realisasi TW II", "q3": "realisasi TW III", "q4": "realisasi TW IV",
}  # fmt: skip


def _require(user, agency) -> None:
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah Renja perangkat daerah ini.")


def _values(data) -> dict:
    values = {}
    for name in NUMBERS:
        stem, _, kind = name.partition("_")
        label = f"{LABELS[stem]} ({'K' if kind == 'k' else 'Rp'})"
        label = label[0].upper() + label[1:]
        value = typed.figure(str(data.get(name, ""))[:60], label)
        if kind == "rp" and value is not None and value < 0:
            raise Refused(gettext("%(label)s tidak boleh negatif.") % {"label": label})
        values[name] = value
    return values


def add_row(user, agency, year: int, data) -> RenjaRow:
    _require(user, agency)
    level = data.get("level", "")
    if level not in RenjaRow.Level.values:
        raise Refused(gettext("Pilih tingkat: program, kegiatan atau sub kegiatan."))
    unit = typed.text(data.get("unit", ""), gettext("Satuan"), required=False)[:100]
    cumulation = data.get("cumulation") or default_cumulation(unit)
    if cumulation not in ("sum", "last"):
        raise Refused(gettext("Aturan realisasi tahunan tidak dikenal."))
    values = _values(data)
    _from_renstra(agency, year, str(data.get("code", "")).strip(), values)
    with transaction.atomic():
        position = (RenjaRow.objects.filter(agency=agency, year=year).aggregate(m=Max("position"))["m"] or 0) + 1
        row = RenjaRow.objects.create(
            agency=agency, year=year, position=position, level=level,
            code=typed.text(data.get("code", ""), gettext("Kode"), required=False)[:40],
            name=typed.text(data.get("name", ""), gettext("Nama"))[:500],
            sasaran=typed.text(data.get("sasaran", ""), gettext("Sasaran"), required=False),
            indicator=typed.text(data.get("indicator", ""), gettext("Indikator"), required=False), unit=unit,
            cumulation=cumulation,
            responsible=typed.text(data.get("responsible", ""), gettext("Unit penanggung jawab"), required=False)[:200],
            note=typed.text(data.get("note", ""), gettext("Keterangan"), required=False), **values,
        )  # fmt: skip
        audit.record(
            user=user, agency=agency, year=year, action=AuditEvent.Action.CREATE, obj=row,
            label=f"Renja: {row.code} {row.name}"[:500], after=values, origin="renja",
        )  # fmt: skip
    return row


def _from_renstra(agency, year: int, code: str, values: dict) -> None:
    """Column 6 from the Renstra: the end target and pagu of the programme or kegiatan with this code in
    the Renstra covering the year, when the row does not give them."""
    from .models import RenstraProgram

    if not code or (values["renstra_k"] is not None and values["renstra_rp"] is not None):
        return
    program = RenstraProgram.objects.filter(
        plan__agency=agency, plan__start_year__lte=year, plan__end_year__gte=year, code=code
    ).first()
    if program is not None:
        if values["renstra_k"] is None:
            values["renstra_k"] = program.end_target
        if values["renstra_rp"] is None:
            values["renstra_rp"] = program.pagu


def save_row(user, row: RenjaRow, data) -> None:
    """The figures of one row as typed (the quarterly realisations are entered through the year)."""
    _require(user, row.agency)
    values = _values(data)
    with transaction.atomic():
        before = {name: getattr(row, name) for name in NUMBERS}
        for name, value in values.items():
            setattr(row, name, value)
        row.save(update_fields=list(NUMBERS))
        changed = {k: v for k, v in values.items() if before[k] != v}
        if changed:
            audit.record(
                user=user, agency=row.agency, year=row.year, action=AuditEvent.Action.UPDATE, obj=row,
                label=f"Renja: {row.code} {row.name}"[:500], before={k: before[k] for k in changed}, after=changed,
                origin="renja",
            )  # fmt: skip


def remove_row(user, row: RenjaRow) -> None:
    _require(user, row.agency)
    with transaction.atomic():
        audit.record(
            user=user, agency=row.agency, year=row.year, action=AuditEvent.Action.DELETE, obj=row,
            label=f"Renja: {row.code} {row.name}"[:500], before={name: getattr(row, name) for name in NUMBERS},
            origin="renja",
        )  # fmt: skip
        row.delete()


def save_factors(user, agency, year: int, *, supporting: str, hindering: str, follow_up: str) -> None:
    _require(user, agency)
    texts = {
        "supporting": typed.text(supporting, gettext("Faktor pendorong"), required=False),
        "hindering": typed.text(hindering, gettext("Faktor penghambat"), required=False),
        "follow_up": typed.text(follow_up, gettext("Tindak lanjut"), required=False),
    }
    with transaction.atomic():
        RenjaEvaluation.objects.update_or_create(agency=agency, year=year, defaults=texts)
        audit.record(
            user=user, agency=agency, year=year, action=AuditEvent.Action.UPDATE, obj="RenjaEvaluation",
            label="Evaluasi Renja: faktor dan tindak lanjut", after=texts, origin="renja",
        )  # fmt: skip


def core_row(row: RenjaRow) -> rules.Row:
    def pair(stem: str) -> rules.Pair:
        return rules.Pair(k=getattr(row, f"{stem}_k"), rp=getattr(row, f"{stem}_rp"))

    return rules.Row(
        level=row.level, code=row.code, name=row.name, sasaran=row.sasaran, indicator=row.indicator, unit=row.unit,
        cumulation=Cumulation(row.cumulation), renstra_target=pair("renstra"), before=pair("before"),
        target=pair("target"), quarters=(pair("q1"), pair("q2"), pair("q3"), pair("q4")),
        responsible=row.responsible, note=row.note,
    )  # fmt: skip


def evaluation(agency, year: int) -> tuple[RenjaData, list[RenjaRow]]:
    """The year's Evaluasi Renja (three queries: its rows, its factors, the region's scale) and the rows it was made
    from."""
    rows = list(RenjaRow.objects.filter(agency=agency, year=year))
    evaluated = [rules.evaluate(core_row(row)) for row in rows]
    factors = RenjaEvaluation.objects.filter(agency=agency, year=year).first()
    footer = rules.footer(evaluated, scales.of_region(agency.region_id, year))
    data = RenjaData(
        region=agency.region.name_in(year), agency=agency.name_in(year), year=year, rows=evaluated, footer=footer,
        supporting=factors.supporting if factors else "", hindering=factors.hindering if factors else "",
        follow_up=factors.follow_up if factors else "", illustrative=any(row.illustrative for row in rows),
    )  # fmt: skip
    return data, rows
