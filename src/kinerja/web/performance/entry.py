"""Writes from the entry forms: targets, realisations, budgets, plans. Atomic, audited,
refused when the year is locked, the window closed, or someone else changed the figure first."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from kinerja.core import workflow
from kinerja.core.numbers import format_plain
from kinerja.core.workflow import Refused

from . import audit
from .access import is_admin, require_edit
from .models import AgencyYear, AuditEvent, Budget, EndTarget, Indicator, Realisation, Sasaran, Target
from .windows import window_state

FIELDS = ("target", "q1", "q2", "q3", "q4", "year")
FIELD_LABELS = {
    "target": "target", "q1": "realisasi TW I", "q2": "realisasi TW II", "q3": "realisasi TW III",
    "q4": "realisasi TW IV", "year": "realisasi tahun", "anggaran": "anggaran", "realisasi": "realisasi anggaran",
    "target_akhir": "target akhir Renstra",
}  # fmt: skip


class Conflict(Refused):
    """Someone saved the same figure first; nothing was written."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One figure as the form showed it (version) and as the user wants it now."""

    field: str
    value: Decimal | None
    seen_version: int
    raw: str = ""


def show(value: Decimal | None) -> str:
    return "(kosong)" if value is None else format_plain(value)


@contextmanager
def open_year(user, agency_year: AgencyYear, *, quarter: int | None = None):
    """May ``user`` change this year now? Locks the year's row for the transaction and refuses a
    year under review or signed, and (with ``quarter``) a closed entry window."""
    require_edit(user, agency_year.agency)
    with transaction.atomic():
        locked = AgencyYear.objects.select_for_update().select_related("agency").get(pk=agency_year.pk)
        ensure_editable(locked)
        if quarter is not None:
            _check_window(user, locked.agency, locked.year, quarter)
        yield locked


def ensure_editable(agency_year: AgencyYear) -> None:
    if not workflow.editable(agency_year.status):
        raise Refused(
            f"Tahun {agency_year.year} berstatus '{agency_year.get_status_display()}' dan tidak dapat diubah; "
            "admin dapat membukanya kembali dengan alasan tertulis."
        )


def _check_window(user, agency, year: int, quarter: int) -> None:
    if is_admin(user):
        return
    open_, why = window_state(agency, year, quarter)
    if not open_:
        raise Refused(f"Tidak dapat disimpan: {why}.")


def _last_editor(obj) -> str:
    event = (
        AuditEvent.objects.filter(object_type=obj.__class__.__name__, object_id=obj.pk)
        .select_related("user")
        .order_by("-at", "-id")
        .first()
    )
    if event is None or event.user is None:
        return "pengguna lain"
    return event.user.get_full_name() or event.user.get_username()


def _apply(obj, edit: Edit, *, user, agency, year, label: str, extra_after=None) -> bool:
    """Write one figure with optimistic locking. Returns whether anything changed."""
    if obj.pk is not None and obj.version != edit.seen_version:
        raise Conflict(
            f"{FIELD_LABELS.get(edit.field, edit.field).capitalize()} '{label}' telah diubah oleh {_last_editor(obj)} "
            f"menjadi {show(obj.value)} setelah Anda membuka formulir; perubahan Anda ({show(edit.value)}) "
            "tidak disimpan. Muat ulang halaman untuk melihat nilai terbaru."
        )
    if obj.pk is not None and obj.value == edit.value:
        return False
    before = {"value": obj.value} if obj.pk is not None else None
    obj.value = edit.value
    obj.raw = edit.raw or (show(edit.value) if edit.value is not None else "")
    obj.version = (obj.version or 0) + 1
    created = obj.pk is None
    obj.save()
    after = {"value": obj.value, **(extra_after or {})}
    audit.record(
        user=user,
        agency=agency,
        year=year,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        obj=obj,
        label=f"{FIELD_LABELS.get(edit.field, edit.field)}: {label}",
        before=before,
        after=after,
    )
    return True


def save_indicator_year(
    *,
    user,
    agency_year: AgencyYear,
    indicator: Indicator,
    edits: list[Edit],
    note: str | None = None,
    evidence=None,
) -> int:
    """Save a year's target and realisations of one indicator. Returns the number of changed figures."""
    agency = agency_year.agency
    if indicator.agency_id != agency.id:
        raise Refused("Indikator ini bukan milik perangkat daerah tersebut.")
    year = agency_year.year
    changed = 0
    with open_year(user, agency_year) as agency_year:
        for edit in edits:
            quarter = {"target": 0, "year": 0, "q1": 1, "q2": 2, "q3": 3, "q4": 4}[edit.field]
            if edit.field == "target":
                obj = Target.objects.select_for_update().filter(indicator=indicator, year=year).first()
                if obj is None:
                    raise Refused("Indikator ini belum punya target tahun ini; tambahkan lewat formulir indikator.")
            else:
                obj = (
                    Realisation.objects.select_for_update()
                    .filter(indicator=indicator, year=year, quarter=quarter)
                    .first()
                ) or Realisation(indicator=indicator, year=year, quarter=quarter)
            current = obj.value if obj.pk is not None else None
            if obj.pk is not None and obj.version == edit.seen_version and current == edit.value:
                continue
            if obj.pk is None and edit.value is None:
                continue
            _check_window(user, agency, year, quarter)
            changed += _apply(obj, edit, user=user, agency=agency, year=year, label=indicator.name)
        if note is not None or evidence is not None:
            row = Realisation.objects.select_for_update().filter(indicator=indicator, year=year, quarter=0).first()
            if row is None:
                row = Realisation.objects.create(indicator=indicator, year=year, quarter=0)
            before = {"note": row.note, "evidence": row.evidence_name}
            if note is not None:
                row.note = note
            if evidence is not None:
                row.evidence = evidence
                row.evidence_name = getattr(evidence, "name", "")[:255]
            after = {"note": row.note, "evidence": row.evidence_name}
            if before != after:
                row.save()
                audit.record(
                    user=user,
                    agency=agency,
                    year=year,
                    action=AuditEvent.Action.UPDATE,
                    obj=row,
                    label=f"catatan/bukti: {indicator.name}",
                    before=before,
                    after=after,
                )
                changed += 1
    return changed


def save_budget(*, user, agency_year: AgencyYear, edits: list[Edit]) -> int:
    agency, year = agency_year.agency, agency_year.year
    changed = 0
    with open_year(user, agency_year, quarter=0) as agency_year:
        budget = Budget.objects.select_for_update().filter(agency=agency, year=year).first() or Budget(
            agency=agency, year=year
        )
        if budget.pk is not None and budget.version != edits[0].seen_version:
            raise Conflict(
                f"Anggaran telah diubah oleh {_last_editor(budget)} (anggaran {show(budget.anggaran)}, realisasi "
                f"{show(budget.realisasi)}) setelah Anda membuka formulir; perubahan Anda tidak disimpan."
            )
        before = {"anggaran": budget.anggaran, "realisasi": budget.realisasi} if budget.pk else None
        for edit in edits:
            if getattr(budget, edit.field) != edit.value:
                setattr(budget, edit.field, edit.value)
                setattr(budget, f"{edit.field}_raw", edit.raw)
                changed += 1
        if not changed:
            return 0
        budget.version += 1
        created = budget.pk is None
        budget.save()
        audit.record(
            user=user,
            agency=agency,
            year=year,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            obj=budget,
            label="anggaran",
            before=before,
            after={"anggaran": budget.anggaran, "realisasi": budget.realisasi},
        )
    return changed


def add_indicator(
    *,
    user,
    agency_year: AgencyYear,
    name: str,
    unit: str,
    direction: str,
    cumulation: str,
    sasaran_name: str,
    target: Decimal | None,
    target_raw: str = "",
    definition: str = "",
    data_source: str = "",
    is_iku: bool = False,
) -> Indicator:
    agency, year = agency_year.agency, agency_year.year
    with open_year(user, agency_year, quarter=0) as agency_year:
        sasaran, _ = Sasaran.objects.get_or_create(agency=agency, name=sasaran_name.strip())
        indicator = Indicator.objects.create(
            agency=agency,
            name=name.strip(),
            unit=unit.strip(),
            direction=direction,
            cumulation=cumulation,
            definition=definition,
            data_source=data_source,
            is_iku=is_iku,
        )
        position = (
            Target.objects.filter(indicator__agency=agency, year=year)
            .order_by("-position")
            .values_list("position", flat=True)
            .first()
            or 0
        ) + 1
        target_row = Target.objects.create(
            indicator=indicator, year=year, value=target, raw=target_raw, sasaran=sasaran, position=position, version=1
        )
        audit.record(
            user=user,
            agency=agency,
            year=year,
            action=AuditEvent.Action.CREATE,
            obj=indicator,
            label=f"indikator: {indicator.name}",
            after={
                "nama": indicator.name,
                "satuan": indicator.unit,
                "arah": direction,
                "akumulasi": cumulation,
                "sasaran": sasaran.name,
            },
        )
        audit.record(
            user=user,
            agency=agency,
            year=year,
            action=AuditEvent.Action.CREATE,
            obj=target_row,
            label=f"target: {indicator.name}",
            after={"value": target},
        )
    return indicator


def update_indicator(*, user, agency_year: AgencyYear, indicator: Indicator, fields: dict) -> bool:
    agency = agency_year.agency
    with open_year(user, agency_year) as agency_year:
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        before = {k: getattr(indicator, k) for k in fields}
        if before == fields:
            return False
        for key, value in fields.items():
            setattr(indicator, key, value)
        indicator.save()
        audit.record(
            user=user,
            agency=agency,
            year=agency_year.year,
            action=AuditEvent.Action.UPDATE,
            obj=indicator,
            label=f"indikator: {indicator.name}",
            before=before,
            after=fields,
        )
    return True


def delete_indicator_year(*, user, agency_year: AgencyYear, indicator: Indicator) -> None:
    """Take an indicator out of a year's plan (its target and realisations of that year)."""
    agency, year = agency_year.agency, agency_year.year
    with open_year(user, agency_year, quarter=0) as agency_year:
        for obj in [
            *Target.objects.filter(indicator=indicator, year=year),
            *Realisation.objects.filter(indicator=indicator, year=year),
        ]:
            audit.record(
                user=user,
                agency=agency,
                year=year,
                action=AuditEvent.Action.DELETE,
                obj=obj,
                label=f"{obj.__class__.__name__.lower()}: {indicator.name}",
                before={"value": obj.value},
            )
            obj.delete()


def start_year(*, user, agency, year: int) -> tuple[AgencyYear, bool]:
    """Open a year as a draft with last year's indicators and sasaran; targets still to be entered."""
    require_edit(user, agency)
    with transaction.atomic():
        agency_year, created = AgencyYear.objects.get_or_create(agency=agency, year=year)
        if not created:
            return agency_year, False
        audit.record(
            user=user,
            agency=agency,
            year=year,
            action=AuditEvent.Action.CREATE,
            obj=agency_year,
            label=f"tahun {year}",
            after={"status": agency_year.status},
        )
        for old in Target.objects.filter(indicator__agency=agency, year=year - 1).select_related("indicator"):
            new = Target.objects.create(
                indicator=old.indicator, year=year, value=None, raw="", sasaran=old.sasaran, position=old.position
            )
            audit.record(
                user=user,
                agency=agency,
                year=year,
                action=AuditEvent.Action.CREATE,
                obj=new,
                label=f"target: {old.indicator.name}",
                after={"value": None},
            )
    return agency_year, True


def add_plan(*, user, agency, start_year: int, end_year: int):
    from .models import PlanPeriod

    require_edit(user, agency)
    with transaction.atomic():
        plan, created = PlanPeriod.objects.get_or_create(agency=agency, start_year=start_year, end_year=end_year)
        if created:
            audit.record(
                user=user,
                agency=agency,
                year=start_year,
                action=AuditEvent.Action.CREATE,
                obj=plan,
                label=f"Renstra {start_year}–{end_year}",
                after={"awal": start_year, "akhir": end_year},
            )
    return plan, created


def save_end_target(*, user, plan, indicator: Indicator, edit: Edit) -> bool:
    """The end-of-plan target of an indicator; audited and guarded against concurrent edits."""
    require_edit(user, plan.agency)
    if indicator.agency_id != plan.agency_id:
        raise Refused("Indikator ini bukan milik perangkat daerah tersebut.")
    with transaction.atomic():
        obj = EndTarget.objects.select_for_update().filter(indicator=indicator, plan=plan).first()
        if obj is None:
            if edit.value is None:
                return False
            obj = EndTarget(indicator=indicator, plan=plan)
        return _apply(
            obj,
            edit,
            user=user,
            agency=plan.agency,
            year=plan.start_year,
            label=f"{indicator.name} (Renstra {plan.start_year}–{plan.end_year})",
        )


def add_budget_item(
    *, user, agency_year: AgencyYear, program: str, kegiatan: str, anggaran, realisasi, sasaran_name: str = ""
):
    """A programme / kegiatan line of the year's budget (used by the Perjanjian Kinerja and LKjIP)."""
    from .models import BudgetItem

    with open_year(user, agency_year, quarter=0) as agency_year:
        budget, _ = Budget.objects.get_or_create(agency=agency_year.agency, year=agency_year.year)
        sasaran = (
            Sasaran.objects.filter(agency=agency_year.agency, name=sasaran_name.strip()).first()
            if sasaran_name.strip()
            else None
        )
        item = BudgetItem.objects.create(
            budget=budget,
            program=program.strip(),
            kegiatan=kegiatan.strip(),
            anggaran=anggaran,
            realisasi=realisasi,
            sasaran=sasaran,
        )
        audit.record(
            user=user,
            agency=agency_year.agency,
            year=agency_year.year,
            action=AuditEvent.Action.CREATE,
            obj=item,
            label=f"anggaran program: {item.program} {item.kegiatan}".strip(),
            after={"anggaran": anggaran, "realisasi": realisasi, "sasaran": sasaran.name if sasaran else ""},
        )
    return item


def delete_budget_item(*, user, agency_year: AgencyYear, item) -> None:
    with open_year(user, agency_year, quarter=0) as agency_year:
        if item.budget.agency_id != agency_year.agency_id or item.budget.year != agency_year.year:
            raise Refused("Baris anggaran ini bukan milik tahun tersebut.")
        audit.record(
            user=user,
            agency=agency_year.agency,
            year=agency_year.year,
            action=AuditEvent.Action.DELETE,
            obj=item,
            label=f"anggaran program: {item.program} {item.kegiatan}".strip(),
            before={"anggaran": item.anggaran, "realisasi": item.realisasi},
        )
        item.delete()


def update_sasaran(*, user, sasaran, name: str, plan, tujuan_text: str) -> bool:
    """Rename a sasaran, attach it to a Renstra period and give it a parent tujuan."""
    from .models import Tujuan

    require_edit(user, sasaran.agency)
    with transaction.atomic():
        tujuan = None
        if tujuan_text.strip() and plan is not None:
            tujuan, _ = Tujuan.objects.get_or_create(plan=plan, name=tujuan_text.strip())
        before = {
            "nama": sasaran.name,
            "renstra": str(sasaran.plan) if sasaran.plan else "",
            "tujuan": sasaran.tujuan.name if sasaran.tujuan else "",
        }
        after = {
            "nama": name.strip() or sasaran.name,
            "renstra": str(plan) if plan else "",
            "tujuan": tujuan.name if tujuan else "",
        }
        if before == after:
            return False
        sasaran.name, sasaran.plan, sasaran.tujuan = after["nama"], plan, tujuan
        sasaran.save()
        audit.record(
            user=user,
            agency=sasaran.agency,
            year=plan.start_year if plan else None,
            action=AuditEvent.Action.UPDATE,
            obj=sasaran,
            label=f"sasaran: {sasaran.name}",
            before=before,
            after=after,
        )
    return True
