"""Rencana Aksi: quarterly targets and budget of each PK indicator (written here, audited), and the
quarterly monitoring of them against the realisations entered for the measured indicator. Every
rule and percentage comes from kinerja.core.action_plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kinerja.core import action_plan as rules
from kinerja.core.model import Achievement, Cumulation, Direction
from kinerja.core.units import default_cumulation
from kinerja.core.workflow import Refused

from . import audit, typed
from .access import can_edit
from .models import ActionQuarter, Agreement, AgreementItem, AuditEvent, Realisation, Target

MAX_REASON = 2000


@dataclass
class QuarterCell:
    quarter: int
    target: Decimal | None
    anggaran: Decimal | None
    realisation: Decimal | None
    capaian: Achievement


@dataclass
class PlanRow:
    item: AgreementItem
    cumulation: Cumulation
    direction: Direction
    quarters: list[QuarterCell] = field(default_factory=list)
    problem: rules.PlanProblem | None = None

    @property
    def budget_total(self) -> Decimal | None:
        amounts = [q.anggaran for q in self.quarters if q.anggaran is not None]
        return sum(amounts, Decimal(0)) if amounts else None


def rows(agreement: Agreement, *, with_realisations: bool = True) -> list[PlanRow]:
    """Each indicator of the PK with its quarters: four queries whatever the number of indicators."""
    items = list(agreement.items.order_by("position", "id"))
    quarters: dict[int, dict[int, ActionQuarter]] = {}
    for q in ActionQuarter.objects.filter(item__in=items):
        quarters.setdefault(q.item_id, {})[q.quarter] = q
    measured = [i.measured_id for i in items if i.measured_id]
    settings = {
        t.indicator_id: t
        for t in Target.objects.filter(indicator_id__in=measured, year=agreement.year).only(
            "indicator_id", "cumulation", "direction"
        )
    }
    realised: dict[tuple[int, int], Decimal | None] = {}
    if with_realisations and measured:
        for indicator_id, quarter, value in Realisation.objects.filter(
            indicator_id__in=measured, year=agreement.year, quarter__in=rules.QUARTERS
        ).values_list("indicator_id", "quarter", "value"):
            realised[(indicator_id, quarter)] = value
    out = []
    for item in items:
        setting = settings.get(item.measured_id)
        cumulation = Cumulation(setting.cumulation if setting else default_cumulation(item.unit))
        direction = Direction(setting.direction) if setting else Direction.HIGHER
        own = quarters.get(item.pk, {})
        cells = []
        for quarter in rules.QUARTERS:
            plan = own.get(quarter)
            target = plan.target if plan else None
            real = realised.get((item.measured_id, quarter)) if item.measured_id else None
            cells.append(
                QuarterCell(
                    quarter=quarter,
                    target=target,
                    anggaran=plan.anggaran if plan else None,
                    realisation=real,
                    capaian=rules.quarter_capaian(target, real, direction, item.unit),
                )
            )
        row = PlanRow(item=item, cumulation=cumulation, direction=direction, quarters=cells)
        row.problem = rules.problem(
            indicator=item.indicator, target=item.target, quarters={c.quarter: c.target for c in cells},
            cumulation=cumulation, direction=direction, reason=item.plan_reason,
        )  # fmt: skip
        out.append(row)
    return out


def save(user, agreement: Agreement, item: AgreementItem, entries: dict[int, tuple[str, str]], reason: str) -> None:
    """Save one indicator's quarterly targets and budget ({quarter: (target, anggaran)} as typed).
    Refused when the targets do not carry the year's target and no reason is written; a quarter left
    empty is kept empty (the plan is shown as incomplete)."""
    if not can_edit(user, agreement.agency):
        raise PermissionDenied("Anda tidak berhak mengubah Rencana Aksi perangkat daerah ini.")
    if item.agreement_id != agreement.pk:
        raise Refused("Indikator itu bukan bagian perjanjian kinerja ini.")
    if agreement.status == Agreement.Status.REPLACED:
        raise Refused("Versi PK ini sudah diganti PK Perubahan; isi Rencana Aksi pada versi yang berlaku.")
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise Refused(f"Alasan terlalu panjang (paling banyak {MAX_REASON} karakter).")
    values = {}
    for quarter in rules.QUARTERS:
        target_raw, anggaran_raw = entries.get(quarter, ("", ""))
        name = rules.NAMES[quarter]
        target = typed.figure(target_raw[:60], f"Target {name} '{item.indicator}'")
        anggaran = typed.figure(anggaran_raw[:60], f"Anggaran {name} '{item.indicator}'")
        if anggaran is not None and anggaran < 0:
            raise Refused(f"Anggaran {name} tidak boleh negatif.")
        values[quarter] = (target, anggaran)
    row = next(r for r in rows(agreement, with_realisations=False) if r.item.pk == item.pk)
    found = rules.problem(
        indicator=item.indicator, target=item.target, quarters={q: v[0] for q, v in values.items()},
        cumulation=row.cumulation, direction=row.direction, reason=reason,
    )  # fmt: skip
    if found is not None and found.code != "renaksi_missing":
        raise Refused(found.message)
    with transaction.atomic():
        before = {rules.NAMES[q.quarter]: [q.target, q.anggaran] for q in ActionQuarter.objects.filter(item=item)}
        for quarter, (target, anggaran) in values.items():
            if target is None and anggaran is None:
                ActionQuarter.objects.filter(item=item, quarter=quarter).delete()
            else:
                ActionQuarter.objects.update_or_create(
                    item=item, quarter=quarter, defaults={"target": target, "anggaran": anggaran}
                )
        item.plan_reason = reason
        item.save(update_fields=["plan_reason"])
        audit.record(
            user=user, agency=agreement.agency, year=agreement.year, action=AuditEvent.Action.UPDATE, obj=item,
            label=f"Rencana Aksi: {item.indicator}"[:500], before=before,
            after={**{rules.NAMES[q]: list(v) for q, v in values.items()}, "alasan": reason},
            indicator_id=item.measured_id, origin="renaksi",
        )  # fmt: skip
