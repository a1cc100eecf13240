"""Writes of the RPJMD (by the region's Bappeda or admin) and of the link from an agency's Renstra
sasaran and tujuan to the RPJMD sasaran they serve (by the agency's operator). All audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max

from kinerja.core.workflow import Refused

from . import audit, typed
from .access import can_edit, sees_region
from .models import AuditEvent, Rpjmd, RpjmdIndicator, RpjmdSasaran, RpjmdTarget, RpjmdTujuan, Sasaran, Tujuan

MAX_SPAN = 10


def _require(user, region) -> None:
    if not sees_region(user, region.pk):
        raise PermissionDenied("RPJMD diisi oleh Bappeda (reviewer) atau admin pemerintah daerah.")


def _log(user, region, label: str, obj, after=None) -> None:
    audit.record(
        user=user, agency=None, year=None, action=AuditEvent.Action.CREATE, obj=obj, label=f"RPJMD: {label}"[:500],
        after=after, origin="rpjmd",
    )  # fmt: skip


def add_period(user, region, start_year: int, end_year: int) -> Rpjmd:
    _require(user, region)
    if not (2000 <= start_year <= end_year <= 2100) or end_year - start_year >= MAX_SPAN:
        raise Refused("Periode RPJMD tidak sah: tahun akhir tidak sebelum tahun awal, paling lama 10 tahun.")
    with transaction.atomic():
        plan, created = Rpjmd.objects.get_or_create(region=region, start_year=start_year, end_year=end_year)
        if not created:
            raise Refused(f"RPJMD {start_year}–{end_year} sudah ada.")
        _log(user, region, str(plan), plan, {"awal": start_year, "akhir": end_year})
    return plan


def add_tujuan(user, plan: Rpjmd, name: str) -> RpjmdTujuan:
    _require(user, plan.region)
    with transaction.atomic():
        position = (plan.tujuan.aggregate(m=Max("position"))["m"] or 0) + 1
        row = RpjmdTujuan.objects.create(rpjmd=plan, name=typed.text(name, "Tujuan"), position=position)
        _log(user, plan.region, f"tujuan {row.name}", row)
    return row


def add_sasaran(user, tujuan: RpjmdTujuan, name: str) -> RpjmdSasaran:
    _require(user, tujuan.rpjmd.region)
    with transaction.atomic():
        position = (tujuan.sasaran.aggregate(m=Max("position"))["m"] or 0) + 1
        row = RpjmdSasaran.objects.create(tujuan=tujuan, name=typed.text(name, "Sasaran"), position=position)
        _log(user, tujuan.rpjmd.region, f"sasaran {row.name}", row)
    return row


def add_indicator(
    user, sasaran: RpjmdSasaran, *, name: str, unit: str, baseline: str, end_target: str, targets: dict[int, str]
) -> RpjmdIndicator:
    """An IKU of the region with its baseline, a target per year of the plan (as typed) and its end target."""
    plan = sasaran.tujuan.rpjmd
    _require(user, plan.region)
    values = {year: typed.figure(targets.get(year, "")[:60], f"Target {year}") for year in plan.years}
    with transaction.atomic():
        position = (sasaran.indicators.aggregate(m=Max("position"))["m"] or 0) + 1
        row = RpjmdIndicator.objects.create(
            sasaran=sasaran, name=typed.text(name, "Indikator"),
            unit=typed.text(unit, "Satuan", required=False)[:100], baseline=typed.figure(baseline[:60], "Kondisi awal"),
            end_target=typed.figure(end_target[:60], "Target akhir"), position=position,
        )  # fmt: skip
        RpjmdTarget.objects.bulk_create(
            [RpjmdTarget(indicator=row, year=year, value=value) for year, value in values.items() if value is not None]
        )
        _log(user, plan.region, f"indikator {row.name}", row, {"target": values, "target akhir": row.end_target})
    return row


def link(user, agency, item: Sasaran | Tujuan, target: RpjmdSasaran | None) -> None:
    """Point an agency's Renstra sasaran (or tujuan) to the RPJMD sasaran it serves, or unlink it."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah Renstra perangkat daerah ini.")
    owner = item.agency_id if isinstance(item, Sasaran) else item.plan.agency_id
    if owner != agency.pk:
        raise Refused("Sasaran itu bukan sasaran perangkat daerah ini.")
    if target is not None and target.tujuan.rpjmd.region_id != agency.region_id:
        raise Refused("Sasaran RPJMD itu milik pemerintah daerah lain.")
    with transaction.atomic():
        before = str(item.rpjmd_sasaran) if item.rpjmd_sasaran_id else None
        item.rpjmd_sasaran = target
        item.save(update_fields=["rpjmd_sasaran"])
        audit.record(
            user=user, agency=agency, year=None, action=AuditEvent.Action.UPDATE, obj=item,
            label=f"mendukung sasaran RPJMD: {item}"[:500], before={"sasaran RPJMD": before},
            after={"sasaran RPJMD": str(target) if target else None}, origin="rpjmd",
        )  # fmt: skip
