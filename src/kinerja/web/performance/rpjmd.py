"""Writes of the RPJMD (by the region's Bappeda or admin) and of the link from an agency's Renstra
sasaran and tujuan to the RPJMD sasaran they serve (by the agency's operator). All audited under the
region, so the region's RPJMD has one history (``audit.plan_history``).

A correction or removal carries the ``seen`` fingerprint of what the form showed: when somebody else
changed the record in between, it is refused rather than written over.
"""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from kinerja.core.numbers import decimal_text
from kinerja.core.workflow import Refused

from . import audit, typed
from .access import can_edit, sees_region
from .models import (
    AuditEvent,
    Indicator,
    Rpjmd,
    RpjmdIndicator,
    RpjmdSasaran,
    RpjmdTarget,
    RpjmdTujuan,
    Sasaran,
    Tujuan,
)

MAX_SPAN = 10
STALE = (
    "RPJMD ini sudah diubah pengguna lain sejak halaman dibuka; perubahan Anda tidak disimpan. "
    "Muat ulang halaman, lalu ulangi."
)


def require_planner(user, region) -> None:
    if not sees_region(user, region.pk):
        raise PermissionDenied("RPJMD diisi oleh Bappeda (reviewer) atau admin pemerintah daerah.")


def log(user, plan: Rpjmd, label: str, obj, *, action=AuditEvent.Action.CREATE, before=None, after=None) -> None:
    audit.record(
        user=user, agency=None, region=plan.region_id, year=None, action=action, obj=obj,
        label=f"{plan}: {label}"[:500], before=before, after=after, origin="rpjmd",
    )  # fmt: skip


def refuse_settled_targets(plan: Rpjmd, changed: list[int]) -> None:
    """Targets of a year whose Pengukuran Kinerja of the region is settled stay as settled."""
    locked = sorted(set(changed) & set(plan.settled_years()))
    if locked:
        years = ", ".join(str(y) for y in locked)
        raise Refused(
            gettext(
                "Target tahun %(years)s tidak diubah: pengukuran kinerja pemerintah daerah tahun itu sudah "
                "ditetapkan. Admin pemerintah daerah dapat membatalkan penetapannya dengan alasan, lalu target dapat "
                "dikoreksi."
            )
            % {"years": years}
        )


def state(item: Rpjmd | RpjmdTujuan | RpjmdSasaran | RpjmdIndicator) -> dict:
    """What a record says, in the words of the history: the fields a person can change."""
    if isinstance(item, Rpjmd):
        return {"awal": item.start_year, "akhir": item.end_year}
    if not isinstance(item, RpjmdIndicator):
        return {"nama": item.name}
    values = {
        "nama": item.name,
        "satuan": item.unit,
        "kondisi awal": decimal_text(item.baseline),
        "target akhir": decimal_text(item.end_target),
    }
    targets = {t.year: t.value for t in item.targets.all()}
    for year in item.sasaran.tujuan.rpjmd.years:
        values[f"target {year}"] = decimal_text(targets.get(year))
    values["diukur dengan"] = measure_name(item.measured_by) if item.measured_by_id else None
    return values


def measure_name(indicator: Indicator) -> str:
    return f"{indicator.agency.name}: {indicator.name}"


def candidates(sasaran: RpjmdSasaran):
    """The agency indicators that may measure an IKU of ``sasaran``: those of the agency sasaran serving it."""
    return (
        Indicator.objects.filter(targets__sasaran__rpjmd_sasaran=sasaran)
        .select_related("agency")
        .distinct()
        .order_by("agency__name", "name", "id")
    )


def measure(user, iku: RpjmdIndicator, indicator_id: int | None, *, seen: str) -> bool:
    """Say which agency indicator's realisation is this IKU's (None: not measured). Bappeda's act, audited.
    Returns whether it changed."""
    plan = _plan_of(iku)
    require_planner(user, plan.region)
    with transaction.atomic():
        current = _locked(iku, seen)
        chosen = None
        if indicator_id is not None:
            chosen = candidates(current.sasaran).filter(pk=indicator_id).first()
            if chosen is None:
                raise Refused(
                    "Indikator itu bukan indikator dari sasaran perangkat daerah yang mendukung sasaran RPJMD ini; "
                    "tautkan dulu sasaran perangkat daerahnya ke sasaran RPJMD di halaman Renstra."
                )
        if current.measured_by_id == (chosen.pk if chosen else None):
            return False
        before = state(current)["diukur dengan"]
        current.measured_by = chosen
        current.save(update_fields=["measured_by"])
        log(
            user, plan, f"indikator {current.name} diukur dengan", current, action=AuditEvent.Action.UPDATE,
            before={"diukur dengan": before}, after={"diukur dengan": measure_name(chosen) if chosen else None},
        )  # fmt: skip
    return True


def fingerprint(item) -> str:
    """A short digest of ``state``: the form sends back the one it showed."""
    text = json.dumps(state(item), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Each record's way up to its plan, as a Django lookup: the one map behind _plan_of, the lock and ``find``.
PLAN_PATH = {Rpjmd: "", RpjmdTujuan: "rpjmd", RpjmdSasaran: "tujuan__rpjmd", RpjmdIndicator: "sasaran__tujuan__rpjmd"}


def _with_region(model) -> str:
    """The select_related path that brings the record's plan and region in the same query."""
    return f"{PLAN_PATH[model]}__region" if PLAN_PATH[model] else "region"


def _plan_of(item) -> Rpjmd:
    for step in filter(None, PLAN_PATH[type(item)].split("__")):
        item = getattr(item, step)
    return item


def find(plan: Rpjmd, model, pk: int):
    """A tujuan, sasaran or IKU of ``plan`` by its id, with its plan and region; None when it is not there."""
    return model.objects.select_related(_with_region(model)).filter(**{PLAN_PATH[model]: plan}, pk=pk).first()


def _locked(item, seen: str):
    """The record again, locked for this transaction, after checking nobody changed it since ``seen``."""
    model = type(item)
    current = model.objects.select_for_update(of=("self",)).select_related(_with_region(model)).filter(pk=item.pk)
    current = current.first()
    if current is None or fingerprint(current) != seen:
        raise Refused(STALE)
    return current


def add_period(user, region, start_year: int, end_year: int) -> Rpjmd:
    require_planner(user, region)
    if not (2000 <= start_year <= end_year <= 2100) or end_year - start_year >= MAX_SPAN:
        raise Refused(gettext("Periode RPJMD tidak sah: tahun akhir tidak sebelum tahun awal, paling lama 10 tahun."))
    with transaction.atomic():
        plan, created = Rpjmd.objects.get_or_create(region=region, start_year=start_year, end_year=end_year)
        if not created:
            raise Refused(
                gettext("RPJMD %(start_year)s–%(end_year)s sudah ada.")
                % {"start_year": start_year, "end_year": end_year}
            )
        log(user, plan, "periode", plan, after=state(plan))
    return plan


def add_tujuan(user, plan: Rpjmd, name: str) -> RpjmdTujuan:
    require_planner(user, plan.region)
    with transaction.atomic():
        position = (plan.tujuan.aggregate(m=Max("position"))["m"] or 0) + 1
        row = RpjmdTujuan.objects.create(rpjmd=plan, name=typed.text(name, gettext("Tujuan")), position=position)
        log(user, plan, f"tujuan {row.name}", row, after=state(row))
    return row


def add_sasaran(user, tujuan: RpjmdTujuan, name: str) -> RpjmdSasaran:
    require_planner(user, tujuan.rpjmd.region)
    with transaction.atomic():
        position = (tujuan.sasaran.aggregate(m=Max("position"))["m"] or 0) + 1
        row = RpjmdSasaran.objects.create(tujuan=tujuan, name=typed.text(name, gettext("Sasaran")), position=position)
        log(user, tujuan.rpjmd, f"sasaran {row.name}", row, after=state(row))
    return row


def _indicator_fields(plan: Rpjmd, *, name, unit, baseline, end_target, targets: dict[int, str]) -> dict:
    """The fields of an IKU as typed, read by the planning pages' rules (a problem names its field)."""
    unit = typed.text(unit, gettext("Satuan"), required=False)[:100]
    return {  # the figures are grades (WTP, BB) when the unit is a scale of grades
        "name": typed.text(name, gettext("Indikator")),
        "unit": unit,
        "baseline": typed.figure((baseline or "")[:60], gettext("Kondisi awal"), unit),
        "end_target": typed.figure((end_target or "")[:60], gettext("Target akhir"), unit),
        "targets": {
            year: typed.figure((targets.get(year) or "")[:60], gettext("Target %(year)s") % {"year": year}, unit)
            for year in plan.years
        },
    }


def add_indicator(
    user, sasaran: RpjmdSasaran, *, name: str, unit: str, baseline: str, end_target: str, targets: dict[int, str]
) -> RpjmdIndicator:
    """An IKU of the region with its baseline, a target per year of the plan (as typed) and its end target."""
    plan = sasaran.tujuan.rpjmd
    require_planner(user, plan.region)
    fields = _indicator_fields(plan, name=name, unit=unit, baseline=baseline, end_target=end_target, targets=targets)
    values = fields.pop("targets")
    refuse_settled_targets(plan, [year for year, value in values.items() if value is not None])
    with transaction.atomic():
        position = (sasaran.indicators.aggregate(m=Max("position"))["m"] or 0) + 1
        row = RpjmdIndicator.objects.create(sasaran=sasaran, position=position, **fields)
        RpjmdTarget.objects.bulk_create(
            [RpjmdTarget(indicator=row, year=year, value=value) for year, value in values.items() if value is not None]
        )
        log(user, plan, f"indikator {row.name}", row, after=state(row))
    return row


def edit_indicator(
    user, indicator: RpjmdIndicator, *, seen: str, name: str, unit: str, baseline: str, end_target: str,
    targets: dict[int, str],
) -> int:  # fmt: skip
    """Correct an IKU: only what differs is written, with one audit event holding each changed field before
    and after. Returns the number of changed fields (0: nothing to write)."""
    plan = _plan_of(indicator)
    require_planner(user, plan.region)
    fields = _indicator_fields(plan, name=name, unit=unit, baseline=baseline, end_target=end_target, targets=targets)
    values = fields.pop("targets")
    with transaction.atomic():
        current = _locked(indicator, seen)
        before = state(current)
        differing = [key for key, value in fields.items() if getattr(current, key) != value]
        for key in differing:
            setattr(current, key, fields[key])
        if differing:
            current.save(update_fields=differing)
        kept = {t.year: t for t in current.targets.all()}
        refuse_settled_targets(
            plan, [year for year, value in values.items() if value != (kept[year].value if year in kept else None)]
        )
        for year, value in values.items():
            target = kept.get(year)
            if value is None and target is not None:
                target.delete()
            elif value is not None and target is None:
                RpjmdTarget.objects.create(indicator=current, year=year, value=value)
            elif target is not None and target.value != value:
                target.value = value
                target.save(update_fields=["value"])
        after = state(current)  # its fields as just set; its targets read again, as now written
        changed = [key for key in after if after[key] != before.get(key)]
        if changed:
            log(
                user, plan, f"indikator {current.name} dikoreksi", current, action=AuditEvent.Action.UPDATE,
                before={k: before.get(k) for k in changed}, after={k: after[k] for k in changed},
            )  # fmt: skip
    return len(changed)


def rename(user, item: RpjmdTujuan | RpjmdSasaran, name: str, *, seen: str) -> bool:
    """Correct the name of a tujuan or sasaran of the RPJMD. Returns whether it changed."""
    plan = _plan_of(item)
    require_planner(user, plan.region)
    kind = "tujuan" if isinstance(item, RpjmdTujuan) else "sasaran"
    name = typed.text(name, kind.capitalize())
    with transaction.atomic():
        current = _locked(item, seen)
        if current.name == name:
            return False
        before = state(current)
        current.name = name
        current.save(update_fields=["name"])
        log(user, plan, f"{kind} {name} dikoreksi", current, action=AuditEvent.Action.UPDATE, before=before,
             after=state(current))  # fmt: skip
    return True


def remove(user, item: Rpjmd | RpjmdTujuan | RpjmdSasaran | RpjmdIndicator, *, seen: str) -> None:
    """Remove what was entered by mistake, with what it held kept in the audit event. Refused while an
    agency's Renstra sasaran or tujuan serves it (the link is the agency's to undo), and for a period
    that still has tujuan."""
    plan = _plan_of(item)
    require_planner(user, plan.region)
    with transaction.atomic():
        current = _locked(item, seen)
        settled = plan.settled_years()
        if settled:  # what the settled form names stays in the RPJMD it was settled from
            raise Refused(
                gettext(
                    "Tidak dihapus: pengukuran kinerja pemerintah daerah tahun %(value)s sudah ditetapkan dari RPJMD "
                    "ini. Admin pemerintah daerah dapat membatalkan penetapannya dengan alasan."
                )
                % {"value": ", ".join(map(str, settled))}
            )
        if isinstance(current, Rpjmd):
            if current.tujuan.exists():
                raise Refused(gettext("%(current)s masih berisi tujuan; hapus tujuannya dulu.") % {"current": current})
            label, held = "periode dihapus", state(current)
        elif isinstance(current, RpjmdIndicator):
            label, held = f"indikator {current.name} dihapus", state(current)
        else:
            sasaran = [current] if isinstance(current, RpjmdSasaran) else list(current.sasaran.all())
            served = _served_by(sasaran)
            if served:
                raise Refused(
                    gettext(
                        "Tidak dapat dihapus: %(value)s sasaran/tujuan perangkat daerah menautkan diri ke sini "
                        "(%(value2)s%(value3)s). Tautan itu dilepas dulu oleh perangkat daerahnya di halaman Renstra."
                    )
                    % {
                        "value": len(served),
                        "value2": "; ".join(served[:3]),
                        "value3": "; …" if len(served) > 3 else "",
                    }
                )
            kind = "tujuan" if isinstance(current, RpjmdTujuan) else "sasaran"
            held = state(current)
            below = [s.name for s in sasaran] if kind == "tujuan" else []
            indicators = [i.name for s in sasaran for i in s.indicators.all()]
            if below:
                held["sasaran"] = below
            if indicators:
                held["indikator"] = indicators
            label = f"{kind} {current.name} dihapus"
        log(user, plan, label, current, action=AuditEvent.Action.DELETE, before=held)
        current.delete()


def _served_by(sasaran: list[RpjmdSasaran]) -> list[str]:
    """The agency sasaran and tujuan that point to any of these RPJMD sasaran, named with their agency."""
    served = [
        f"{agency}: {name}"
        for model in (Sasaran, Tujuan)
        for agency, name in model.objects.filter(rpjmd_sasaran__in=sasaran).values_list(
            "agency__name" if model is Sasaran else "plan__agency__name", "name"
        )
    ]
    return sorted(served)


def link(user, agency, item: Sasaran | Tujuan, target: RpjmdSasaran | None) -> None:
    """Point an agency's Renstra sasaran (or tujuan) to the RPJMD sasaran it serves, or unlink it."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah Renstra perangkat daerah ini.")
    owner = item.agency_id if isinstance(item, Sasaran) else item.plan.agency_id
    if owner != agency.pk:
        raise Refused(gettext("Sasaran itu bukan sasaran perangkat daerah ini."))
    if target is not None and target.tujuan.rpjmd.region_id != agency.region_id:
        raise Refused(gettext("Sasaran RPJMD itu milik pemerintah daerah lain."))
    with transaction.atomic():
        before = str(item.rpjmd_sasaran) if item.rpjmd_sasaran_id else None
        item.rpjmd_sasaran = target
        item.save(update_fields=["rpjmd_sasaran"])
        audit.record(
            user=user, agency=agency, year=None, action=AuditEvent.Action.UPDATE, obj=item,
            label=f"mendukung sasaran RPJMD: {item}"[:500], before={"sasaran RPJMD": before},
            after={"sasaran RPJMD": str(target) if target else None}, origin="rpjmd",
        )  # fmt: skip
