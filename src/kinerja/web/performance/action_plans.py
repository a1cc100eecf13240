"""Rencana Aksi: quarterly targets and budget of each PK indicator (written here, audited), and the
quarterly monitoring of them against the realisations entered for the measured indicator. Every
rule and percentage comes from kinerja.core.action_plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

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


def _rules(items, year: int) -> dict[int, tuple[Cumulation, Direction]]:
    """How each item's quarters make its year, and which way is better: the measured indicator's
    settings of the year, else the usual rule for the unit, higher is better (one query)."""
    measured = [i.measured_id for i in items if i.measured_id]
    settings = {
        indicator_id: (cumulation, direction)
        for indicator_id, cumulation, direction in Target.objects.filter(
            indicator_id__in=measured, year=year
        ).values_list("indicator_id", "cumulation", "direction")
    }
    out = {}
    for item in items:
        found = settings.get(item.measured_id)
        out[item.pk] = (
            (Cumulation(found[0]), Direction(found[1])) if found
            else (Cumulation(default_cumulation(item.unit)), Direction.HIGHER)
        )  # fmt: skip
    return out


def rows(agreement: Agreement, *, with_realisations: bool = True) -> list[PlanRow]:
    """Each indicator of the PK with its quarters: four queries whatever the number of indicators."""
    items = list(agreement.items.order_by("position", "id"))
    quarters: dict[int, dict[int, ActionQuarter]] = {}
    for q in ActionQuarter.objects.filter(item__in=items):
        quarters.setdefault(q.item_id, {})[q.quarter] = q
    measured = [i.measured_id for i in items if i.measured_id]
    judged = _rules(items, agreement.year)
    realised: dict[tuple[int, int], Decimal | None] = {}
    if with_realisations and measured:
        for indicator_id, quarter, value in Realisation.objects.filter(
            indicator_id__in=measured, year=agreement.year, quarter__in=rules.QUARTERS
        ).values_list("indicator_id", "quarter", "value"):
            realised[(indicator_id, quarter)] = value
    out = []
    for item in items:
        cumulation, direction = judged[item.pk]
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
        raise Refused(gettext("Indikator itu bukan bagian perjanjian kinerja ini."))
    if agreement.status == Agreement.Status.REPLACED:
        raise Refused(gettext("Versi PK ini sudah diganti PK Perubahan; isi Rencana Aksi pada versi yang berlaku."))
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise Refused(
            gettext("Alasan terlalu panjang (paling banyak %(MAX_REASON)s karakter).") % {"MAX_REASON": MAX_REASON}
        )
    values = {}
    for quarter in rules.QUARTERS:
        target_raw, anggaran_raw = entries.get(quarter, ("", ""))
        name = rules.NAMES[quarter]
        target = typed.figure(
            target_raw[:60], gettext("Target %(quarter)s '%(name)s'") % {"quarter": name, "name": item.indicator}
        )
        anggaran = typed.figure(
            anggaran_raw[:60], gettext("Anggaran %(quarter)s '%(name)s'") % {"quarter": name, "name": item.indicator}
        )
        if anggaran is not None and anggaran < 0:
            raise Refused(gettext("Anggaran %(name)s tidak boleh negatif.") % {"name": name})
        values[quarter] = (target, anggaran)
    cumulation, direction = _rules([item], agreement.year)[item.pk]
    found = rules.problem(
        indicator=item.indicator, target=item.target, quarters={q: v[0] for q, v in values.items()},
        cumulation=cumulation, direction=direction, reason=reason,
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
