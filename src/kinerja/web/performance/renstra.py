"""Writes of the Renstra page: plan periods, end targets and sasaran. An end target or a sasaran
name serves several years, so a change is refused while a locked year uses it; each change is
audited under the year it takes effect in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import year as core
from kinerja.core.numbers import decimal_text, figure_problem
from kinerja.core.workflow import Refused

from . import audit, typed
from .access import can_edit
from .language import in_page_language
from .models import (
    AgencyYear,
    AuditEvent,
    EndTarget,
    Indicator,
    PlanPeriod,
    RenstraProgram,
    RenstraVersion,
    Sasaran,
    Target,
    TujuanIndicator,
)
from .store import LOCKED_STATES, stored_record


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


def apply_plan(user, agency, changes: list, *, origin: str = "renstra", comment: str = "") -> int:
    """End targets and sasaran: refused while a locked year uses them, audited under the year they
    take effect in. Returns the number of changed values."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah data perangkat daerah ini.")
    count = 0
    with transaction.atomic():
        years = {ay.year: ay.status for ay in AgencyYear.objects.select_for_update().filter(agency=agency)}
        for change in changes:
            if isinstance(change, SetEndTarget):
                count += _end_target(user, agency, years, change, origin, comment)
            elif isinstance(change, SetRenstraYear):
                count += _renstra_year(user, agency, years, change, origin, comment)
            else:
                count += _sasaran(user, agency, years, change, origin)
    return count


def _locked_years(years: dict[int, str], used: Iterable[int]) -> list[int]:
    return sorted(y for y in set(used) if years.get(y) in LOCKED_STATES)


def _end_target(user, agency, years, change: SetEndTarget, origin, comment="") -> int:
    plan = PlanPeriod.objects.get(pk=change.plan_id, agency=agency)
    indicator = Indicator.objects.get(pk=change.indicator_id, agency=agency)
    if change.value is not None and (problem := figure_problem(change.value)):
        raise Refused(
            gettext("Target akhir '%(indicator_name)s': '%(change_value)s' %(problem)s.")
            % {"indicator_name": indicator.name, "change_value": change.value, "problem": in_page_language(problem)}
        )
    obj = EndTarget.objects.select_for_update().filter(indicator=indicator, plan=plan).first()
    if obj is not None and change.seen_version is not None and obj.version != change.seen_version:
        current = core.Figure(obj.value, obj.raw).written or core.show(obj.value)
        raise core.Conflict(
            f"Target akhir '{indicator.name}' telah diubah oleh pengguna lain menjadi {current} setelah "
            "Anda membuka formulir; perubahan Anda tidak disimpan.",
            indicator_id=indicator.id,
            field="target_akhir",
            current=current,
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
            gettext(
                "Target akhir '%(indicator_name)s' dipakai oleh tahun %(value)s yang sedang direviu, sudah disetujui "
                "atau dipublikasikan; admin perlu membuka tahun itu kembali dulu."
            )
            % {"indicator_name": indicator.name, "value": ", ".join(map(str, locked))}
        )
    before = None if obj is None else stored_record(obj.value, obj.raw)
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
        after=stored_record(obj.value, obj.raw),
        origin=origin,
        comment=comment,
    )
    return 1


def _renstra_year(user, agency, years, change: SetRenstraYear, origin, comment="") -> int:
    from .models import RenstraTarget

    plan = PlanPeriod.objects.get(pk=change.plan_id, agency=agency)
    indicator = Indicator.objects.get(pk=change.indicator_id, agency=agency)
    if not plan.start_year - 1 <= change.year <= plan.end_year:
        raise Refused(
            gettext("Tahun %(change_year)s di luar Renstra %(plan_start_year)s–%(plan_end_year)s.")
            % {"change_year": change.year, "plan_start_year": plan.start_year, "plan_end_year": plan.end_year}
        )
    baseline = change.year == plan.start_year - 1
    label = "kondisi awal" if baseline else f"target Renstra {change.year}"
    if change.value is not None and (problem := figure_problem(change.value)):
        raise Refused(
            gettext("%(value)s '%(indicator_name)s': %(problem)s.")
            % {"value": label.capitalize(), "indicator_name": indicator.name, "problem": in_page_language(problem)}
        )
    obj = RenstraTarget.objects.select_for_update().filter(indicator=indicator, plan=plan, year=change.year).first()
    if obj is None and change.value is None and not change.raw:
        return 0
    if obj is not None and obj.value == change.value and (change.value is not None or obj.raw == change.raw):
        return 0  # the same number, or the same range written
    if not baseline and years.get(change.year) in LOCKED_STATES:
        raise Refused(
            gettext(
                "Target Renstra %(change_year)s '%(indicator_name)s' dipakai oleh tahun %(change_year)s yang sedang "
                "direviu, sudah disetujui atau dipublikasikan; admin perlu membuka tahun itu kembali dulu."
            )
            % {"change_year": change.year, "indicator_name": indicator.name}
        )
    before = stored_record(obj.value, obj.raw) if obj else None
    if change.value is None and not change.raw:
        obj.delete()
    else:
        obj = obj or RenstraTarget(indicator=indicator, plan=plan, year=change.year)
        obj.value, obj.raw = change.value, change.raw[:200]
        obj.save()
    audit.record(
        user=user, agency=agency, year=change.year if not baseline else plan.start_year,
        action=AuditEvent.Action.UPDATE if before else AuditEvent.Action.CREATE, obj=obj or "RenstraTarget",
        indicator_id=indicator.id, label=f"{label}: {indicator.name} (Renstra {plan.start_year}–{plan.end_year})",
        before=before, after=stored_record(change.value, change.raw),
        origin=origin, comment=comment,
    )  # fmt: skip
    return 1


def _sasaran(user, agency, years, change: SetSasaran, origin) -> int:
    from .models import Tujuan

    sasaran = Sasaran.objects.select_for_update().get(pk=change.sasaran_id, agency=agency)
    plan = PlanPeriod.objects.get(pk=change.plan_id, agency=agency) if change.plan_id else None
    name = change.name.strip() or sasaran.name
    if len(name) > core.TEXT_LIMITS["sasaran"] or len(change.tujuan) > core.TEXT_LIMITS["sasaran"]:
        raise Refused(gettext("Nama sasaran atau tujuan terlalu panjang (paling banyak 1000 karakter)."))
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
            gettext(
                "Sasaran '%(sasaran_name)s' dipakai oleh tahun %(value)s yang sedang direviu, sudah disetujui atau "
                "dipublikasikan; namanya tidak dapat diubah. Untuk tahun draf, pilih atau tulis sasaran lain pada "
                "indikatornya."
            )
            % {"sasaran_name": sasaran.name, "value": ", ".join(map(str, locked))}
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


# --- programmes and kegiatan, and revisions kept as versions ------------------------------------


def _yearly_targets(plan: PlanPeriod, data) -> dict[str, str]:
    """The targets typed for each year of the plan (fields target_<year>), kept as JSON text by year;
    grades when the unit typed with them is a scale of grades."""
    targets = {}
    unit = str(data.get("unit", ""))
    for year in range(plan.start_year, plan.end_year + 1):
        value = typed.figure(
            str(data.get(f"target_{year}", ""))[:60], gettext("Target %(year)s") % {"year": year}, unit
        )
        if value is not None:
            targets[str(year)] = decimal_text(value)
    return targets


def add_program(user, agency, plan: PlanPeriod, data) -> RenstraProgram:
    """A programme or kegiatan of the Renstra with its code, indicator, yearly volume targets, end
    target and pagu (as typed: 1.234,56)."""

    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah Renstra perangkat daerah ini.")
    if plan.agency_id != agency.pk:
        raise Refused(gettext("Renstra itu bukan milik perangkat daerah ini."))
    level = data.get("level", "")
    if level not in RenstraProgram.Level.values:
        raise Refused(gettext("Pilih tingkat: program atau kegiatan."))
    targets = _yearly_targets(plan, data)
    pagu = typed.figure(str(data.get("pagu", ""))[:60], gettext("Pagu"))
    if pagu is not None and pagu < 0:
        raise Refused(gettext("Pagu tidak boleh negatif."))
    parent = None
    if data.get("parent"):
        parent = RenstraProgram.objects.filter(plan=plan, level="program", pk=str(data["parent"])[:12]).first()
        if parent is None:
            raise Refused(gettext("Program induk tidak dikenal."))
    with transaction.atomic():
        program = RenstraProgram.objects.create(
            plan=plan, parent=parent, level=level,
            code=typed.text(data.get("code", ""), gettext("Kode"), required=False)[:40],
            name=typed.text(data.get("name", ""), gettext("Nama"))[:500],
            indicator=typed.text(data.get("indicator", ""), gettext("Indikator"), required=False),
            unit=typed.text(data.get("unit", ""), gettext("Satuan"), required=False)[:100], targets=targets,
            end_target=typed.figure(
                str(data.get("end_target", ""))[:60], gettext("Target akhir"), str(data.get("unit", ""))
            ),
            pagu=pagu,
            position=RenstraProgram.objects.filter(plan=plan).count() + 1,
        )  # fmt: skip
        audit.record(
            user=user, agency=agency, year=plan.start_year, action=AuditEvent.Action.CREATE, obj=program,
            label=f"Renstra {plan.start_year}–{plan.end_year}: {level} {program.code} {program.name}"[:500],
            after={"target": targets, "target akhir": program.end_target, "pagu": pagu}, origin="renstra",
        )  # fmt: skip
    return program


def snapshot(plan: PlanPeriod) -> dict:
    """The Renstra as it stands: sasaran, indicators (baseline, yearly and end targets), programmes."""
    from .models import RenstraTarget

    yearly: dict[int, dict[str, str]] = {}
    for t in RenstraTarget.objects.filter(plan=plan):
        yearly.setdefault(t.indicator_id, {})[str(t.year)] = decimal_text(t.value)
    ends = {e.indicator_id: e.value for e in EndTarget.objects.filter(plan=plan)}
    indicators = Indicator.objects.filter(
        pk__in=set(yearly) | set(ends) | set(
            Target.objects.filter(indicator__agency=plan.agency, year__range=(plan.start_year, plan.end_year))
            .values_list("indicator_id", flat=True)
        )
    ).order_by("pk")  # fmt: skip
    return {
        "period": [plan.start_year, plan.end_year],
        "tujuan": [
            {
                "name": t.name,
                "indicators": [
                    {
                        "name": i.name,
                        "unit": i.unit,
                        "targets": i.targets,
                        "end": decimal_text(i.end_target),
                    }
                    for i in t.indicators.all()
                ],
            }  # fmt: skip
            for t in plan.tujuan.prefetch_related("indicators").order_by("pk")
        ],
        "sasaran": [
            {"name": s.name, "rpjmd": s.rpjmd_sasaran.name if s.rpjmd_sasaran_id else ""}
            for s in Sasaran.objects.filter(agency=plan.agency).select_related("rpjmd_sasaran").order_by("pk")
        ],
        "indicators": [
            {
                "name": i.name,
                "unit": i.unit,
                "targets": yearly.get(i.pk, {}),
                "end": decimal_text(ends.get(i.pk)),
            }  # fmt: skip
            for i in indicators
        ],
        "programs": [
            {
                "level": p.level,
                "code": p.code,
                "name": p.name,
                "indicator": p.indicator,
                "unit": p.unit,
                "targets": p.targets,
                "end": decimal_text(p.end_target),
                "pagu": decimal_text(p.pagu),
            }  # fmt: skip
            for p in RenstraProgram.objects.filter(plan=plan)
        ],
    }


def record_version(user, agency, plan: PlanPeriod, reason: str) -> RenstraVersion:
    """Keep the Renstra as it stands now as a numbered version, with the reason for the revision."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah Renstra perangkat daerah ini.")
    if plan.agency_id != agency.pk:
        raise Refused(gettext("Renstra itu bukan milik perangkat daerah ini."))
    reason = typed.text(reason, gettext("Alasan perubahan Renstra"))
    with transaction.atomic():
        PlanPeriod.objects.select_for_update().get(pk=plan.pk)
        number = (RenstraVersion.objects.filter(plan=plan).count()) + 1
        version = RenstraVersion.objects.create(
            plan=plan, number=number, reason=reason, content=snapshot(plan), created_by=user if user.pk else None
        )
        audit.record(
            user=user, agency=agency, year=plan.start_year, action=AuditEvent.Action.CREATE, obj=version,
            label=f"Renstra {plan.start_year}–{plan.end_year}: versi {number}", after={"alasan": reason},
            origin="renstra",
        )  # fmt: skip
    return version


def add_tujuan_indicator(user, agency, tujuan, data) -> TujuanIndicator:
    """An indikator tujuan with its baseline, a target per year of the Renstra and its end target."""

    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah Renstra perangkat daerah ini.")
    plan = tujuan.plan
    if plan.agency_id != agency.pk:
        raise Refused(gettext("Tujuan itu bukan tujuan Renstra perangkat daerah ini."))
    targets = _yearly_targets(plan, data)
    with transaction.atomic():
        indicator = TujuanIndicator.objects.create(
            tujuan=tujuan, name=typed.text(data.get("name", ""), gettext("Indikator tujuan")),
            unit=typed.text(data.get("unit", ""), gettext("Satuan"), required=False)[:100],
            baseline=typed.figure(
                str(data.get("baseline", ""))[:60], gettext("Kondisi awal"), str(data.get("unit", ""))
            ),
            targets=targets,
            end_target=typed.figure(
                str(data.get("end_target", ""))[:60], gettext("Target akhir"), str(data.get("unit", ""))
            ),
            position=tujuan.indicators.count() + 1,
        )  # fmt: skip
        audit.record(
            user=user, agency=agency, year=plan.start_year, action=AuditEvent.Action.CREATE, obj=indicator,
            label=f"indikator tujuan: {indicator.name}"[:500],
            after={"target": targets, "kondisi awal": indicator.baseline, "target akhir": indicator.end_target},
            origin="renstra",
        )  # fmt: skip
    return indicator
