"""Writes of the Renstra page: plan periods, end targets and sasaran. An end target or a sasaran
name serves several years, so a change is refused while a locked year uses it; each change is
audited under the year it takes effect in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kinerja.core import year as core
from kinerja.core.numbers import figure_problem
from kinerja.core.workflow import Refused

from . import audit
from .access import can_edit
from .models import AgencyYear, AuditEvent, EndTarget, Indicator, PlanPeriod, Sasaran, Target
from .store import LOCKED_STATES


@dataclass(frozen=True, slots=True)
class SetEndTarget:
    plan_id: int
    indicator_id: int
    value: Decimal | None
    raw: str = ""
    seen_version: int | None = None


@dataclass(frozen=True, slots=True)
class SetSasaran:
    sasaran_id: int
    name: str
    plan_id: int | None
    tujuan: str = ""


@dataclass(frozen=True, slots=True)
class SetRenstraYear:
    """A yearly Renstra target, or the baseline when ``year`` is the year before the plan."""

    plan_id: int
    indicator_id: int
    year: int
    value: Decimal | None
    raw: str = ""


def add_plan(user, agency, start_year: int, end_year: int) -> tuple[PlanPeriod, bool]:
    """A Renstra period (adds nothing to any year: its end targets are entered through apply_plan)."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah data perangkat daerah ini.")
    with transaction.atomic():
        plan, created = PlanPeriod.objects.get_or_create(agency=agency, start_year=start_year, end_year=end_year)
        if created:
            audit.record(
                user=user, agency=agency, year=start_year, action=AuditEvent.Action.CREATE, obj=plan,
                label=f"Renstra {start_year}–{end_year}", after={"awal": start_year, "akhir": end_year},
                origin="renstra",
            )  # fmt: skip
    return plan, created


def apply_plan(user, agency, changes: list, *, origin: str = "renstra") -> int:
    """End targets and sasaran: refused while a locked year uses them, audited under the year they
    take effect in. Returns the number of changed values."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah data perangkat daerah ini.")
    count = 0
    with transaction.atomic():
        years = {ay.year: ay.status for ay in AgencyYear.objects.select_for_update().filter(agency=agency)}
        for change in changes:
            if isinstance(change, SetEndTarget):
                count += _end_target(user, agency, years, change, origin)
            elif isinstance(change, SetRenstraYear):
                count += _renstra_year(user, agency, years, change, origin)
            else:
                count += _sasaran(user, agency, years, change, origin)
    return count


def _locked_years(years: dict[int, str], used: Iterable[int]) -> list[int]:
    return sorted(y for y in set(used) if years.get(y) in LOCKED_STATES)


def _end_target(user, agency, years, change: SetEndTarget, origin) -> int:
    plan = PlanPeriod.objects.get(pk=change.plan_id, agency=agency)
    indicator = Indicator.objects.get(pk=change.indicator_id, agency=agency)
    if change.value is not None and (problem := figure_problem(change.value)):
        raise Refused(f"Target akhir '{indicator.name}': '{change.value}' {problem}.")
    obj = EndTarget.objects.select_for_update().filter(indicator=indicator, plan=plan).first()
    if obj is not None and change.seen_version is not None and obj.version != change.seen_version:
        raise core.Conflict(
            f"Target akhir '{indicator.name}' telah diubah oleh pengguna lain menjadi {core.show(obj.value)} setelah "
            "Anda membuka formulir; perubahan Anda tidak disimpan.",
            indicator_id=indicator.id,
            field="target_akhir",
            current=core.show(obj.value),
        )
    if obj is None and change.value is None and not change.raw:
        return 0
    if obj is not None and obj.value == change.value and (change.value is not None or obj.raw == change.raw):
        return 0
    used = [
        y
        for y in Target.objects.filter(indicator=indicator, year__range=(plan.start_year, plan.end_year)).values_list(
            "year", flat=True
        )
    ]
    locked = _locked_years(years, used)
    if locked:
        raise Refused(
            f"Target akhir '{indicator.name}' dipakai oleh tahun {', '.join(map(str, locked))} yang sedang direviu, "
            "sudah disetujui atau dipublikasikan; admin perlu membuka tahun itu kembali dulu."
        )
    before = None if obj is None else {"value": obj.value}
    obj = obj or EndTarget(indicator=indicator, plan=plan)
    obj.value, obj.raw = change.value, change.raw
    obj.version += 1
    obj.save()
    open_years = sorted(y for y in used if years.get(y) not in LOCKED_STATES)
    audit.record(
        user=user,
        agency=agency,
        year=open_years[0] if open_years else plan.start_year,
        action=AuditEvent.Action.CREATE if before is None else AuditEvent.Action.UPDATE,
        obj=obj,
        indicator_id=indicator.id,
        label=f"target akhir Renstra: {indicator.name} (Renstra {plan.start_year}–{plan.end_year})",
        before=before,
        after={"value": obj.value},
        origin=origin,
    )
    return 1


def _renstra_year(user, agency, years, change: SetRenstraYear, origin) -> int:
    from .models import RenstraTarget

    plan = PlanPeriod.objects.get(pk=change.plan_id, agency=agency)
    indicator = Indicator.objects.get(pk=change.indicator_id, agency=agency)
    if not plan.start_year - 1 <= change.year <= plan.end_year:
        raise Refused(f"Tahun {change.year} di luar Renstra {plan.start_year}–{plan.end_year}.")
    baseline = change.year == plan.start_year - 1
    label = "kondisi awal" if baseline else f"target Renstra {change.year}"
    if change.value is not None and (problem := figure_problem(change.value)):
        raise Refused(f"{label.capitalize()} '{indicator.name}': {problem}.")
    obj = RenstraTarget.objects.select_for_update().filter(indicator=indicator, plan=plan, year=change.year).first()
    if (obj.value if obj else None) == change.value:
        return 0
    if not baseline and years.get(change.year) in LOCKED_STATES:
        raise Refused(
            f"Target Renstra {change.year} '{indicator.name}' dipakai oleh tahun {change.year} yang sedang direviu, "
            "sudah disetujui atau dipublikasikan; admin perlu membuka tahun itu kembali dulu."
        )
    before = {"value": obj.value} if obj else None
    if change.value is None:
        obj.delete()
    else:
        obj = obj or RenstraTarget(indicator=indicator, plan=plan, year=change.year)
        obj.value, obj.raw = change.value, change.raw[:200]
        obj.save()
    audit.record(
        user=user, agency=agency, year=change.year if not baseline else plan.start_year,
        action=AuditEvent.Action.UPDATE if before else AuditEvent.Action.CREATE, obj=obj or "RenstraTarget",
        indicator_id=indicator.id, label=f"{label}: {indicator.name} (Renstra {plan.start_year}–{plan.end_year})",
        before=before, after={"value": change.value}, origin=origin,
    )  # fmt: skip
    return 1


def _sasaran(user, agency, years, change: SetSasaran, origin) -> int:
    from .models import Tujuan

    sasaran = Sasaran.objects.select_for_update().get(pk=change.sasaran_id, agency=agency)
    plan = PlanPeriod.objects.get(pk=change.plan_id, agency=agency) if change.plan_id else None
    name = change.name.strip() or sasaran.name
    if len(name) > core.TEXT_LIMITS["sasaran"] or len(change.tujuan) > core.TEXT_LIMITS["sasaran"]:
        raise Refused("Nama sasaran atau tujuan terlalu panjang (paling banyak 1000 karakter).")
    before = {
        "nama": sasaran.name,
        "renstra": str(sasaran.plan) if sasaran.plan else "",
        "tujuan": sasaran.tujuan.name if sasaran.tujuan else "",
    }
    after = {"nama": name, "renstra": str(plan) if plan else "", "tujuan": change.tujuan.strip() if plan else ""}
    if before == after:
        return 0
    used = list(Target.objects.filter(sasaran=sasaran).values_list("year", flat=True).distinct())
    locked = _locked_years(years, used)
    if locked and before["nama"] != after["nama"]:
        raise Refused(
            f"Sasaran '{sasaran.name}' dipakai oleh tahun {', '.join(map(str, locked))} yang sedang direviu, sudah "
            "disetujui atau dipublikasikan; namanya tidak dapat diubah. Untuk tahun draf, pilih atau tulis sasaran "
            "lain pada indikatornya."
        )
    tujuan = None
    if after["tujuan"] and plan is not None:
        tujuan, _ = Tujuan.objects.get_or_create(plan=plan, name=after["tujuan"])
    sasaran.name, sasaran.plan, sasaran.tujuan = name, plan, tujuan
    sasaran.save()
    open_years = sorted(y for y in used if years.get(y) not in LOCKED_STATES)
    audit.record(
        user=user,
        agency=agency,
        year=open_years[0] if open_years else (plan.start_year if plan else None),
        action=AuditEvent.Action.UPDATE,
        obj=sasaran,
        label=f"sasaran: {sasaran.name}",
        before=before,
        after=after,
        origin=origin,
    )
    return 1
