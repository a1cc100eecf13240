"""The yearly cycle in the database: workflow actions, what blocks a submission, explanations."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from kinerja.core import workflow
from kinerja.core.model import Direction
from kinerja.core.workflow import Action, Refused

from . import audit
from .access import roles_for
from .models import AgencyYear, AuditEvent, Budget, FindingRecord, Official, Realisation, Target


@dataclass(frozen=True, slots=True)
class Blocker:
    message: str
    indicator_id: int | None = None
    finding_id: int | None = None


def worse(previous, current, direction: str) -> bool:
    if previous is None or current is None:
        return False
    return current < previous if direction == Direction.HIGHER else current > previous


def submission_blockers(agency_year: AgencyYear) -> list[Blocker]:
    """What must be fixed or explained before the operator may submit."""
    agency, year = agency_year.agency, agency_year.year
    blockers = []
    for finding in FindingRecord.objects.filter(
        agency=agency, year=year, severity="error", resolved=False, explanation=""
    ).select_related("figure"):
        blockers.append(
            Blocker(
                f"Temuan galat belum dijelaskan: {finding.message}",
                finding_id=finding.id,
                indicator_id=finding.figure.indicator_id if finding.figure_id else None,
            )
        )
    budget = Budget.objects.filter(agency=agency, year=year).first()
    if budget and budget.anggaran is not None and budget.realisasi is not None and budget.realisasi > budget.anggaran:
        blockers.append(Blocker("Realisasi anggaran melebihi anggaran."))
    targets = list(Target.objects.filter(indicator__agency=agency, year=year).select_related("indicator"))
    ids = [t.indicator_id for t in targets]
    figures: dict[tuple[int, int, int], Realisation] = {
        (r.indicator_id, r.year, r.quarter): r
        for r in Realisation.objects.filter(indicator_id__in=ids, year__in=(year - 1, year))
    }
    for target in targets:
        indicator = target.indicator
        if target.value is None:
            blockers.append(Blocker(f"Target '{indicator.name}' belum diisi.", indicator_id=indicator.id))
        note_row = figures.get((indicator.id, year, 0))
        note = note_row.note.strip() if note_row else ""
        if note:
            continue
        periods = [(year, q) for q in (1, 2, 3, 4)]
        for (y0, q0), (y1, q1) in zip(periods, periods[1:], strict=False):
            a, b = figures.get((indicator.id, y0, q0)), figures.get((indicator.id, y1, q1))
            if a and b and worse(a.value, b.value, indicator.direction):
                blockers.append(
                    Blocker(
                        f"Realisasi '{indicator.name}' TW {q1} lebih buruk daripada TW {q0}; tuliskan penyebabnya "
                        "di catatan.",
                        indicator_id=indicator.id,
                    )
                )
                break
        else:
            last_year, this_year = figures.get((indicator.id, year - 1, 0)), figures.get((indicator.id, year, 0))
            if last_year and this_year and worse(last_year.value, this_year.value, indicator.direction):
                blockers.append(
                    Blocker(
                        f"Realisasi '{indicator.name}' tahun {year} lebih buruk daripada tahun {year - 1}; tuliskan "
                        "penyebabnya di catatan.",
                        indicator_id=indicator.id,
                    )
                )
    return blockers


def act(*, user, agency_year: AgencyYear, action: Action | str, comment: str = "") -> AgencyYear:
    """Move an agency's year through the cycle, or refuse with the reason."""
    roles = roles_for(user, agency_year.agency)
    with transaction.atomic():
        agency_year = AgencyYear.objects.select_for_update().select_related("agency").get(pk=agency_year.pk)
        before = agency_year.status
        new_state = workflow.check(action, before, roles, comment)
        if Action(action) is Action.SUBMIT:
            blockers = submission_blockers(agency_year)
            if blockers:
                raise Refused("Belum dapat diajukan: " + " ".join(b.message for b in blockers))
        agency_year.status = new_state.value
        after = {"status": new_state.value}
        if Action(action) is Action.APPROVE:
            official = Official.objects.filter(user=user, agency=agency_year.agency).first()
            if official is not None:
                agency_year.signatory = official
            agency_year.signed_on = timezone.localdate()
            after["ditandatangani"] = agency_year.signed_on.isoformat()
            after["penandatangan"] = agency_year.signatory.name if agency_year.signatory else user.get_username()
        agency_year.save()
        audit.record(
            user=user,
            agency=agency_year.agency,
            year=agency_year.year,
            action=AuditEvent.Action.WORKFLOW,
            obj=agency_year,
            label=workflow.transition_for(action).label,
            before={"status": before},
            after=after,
            comment=comment.strip(),
        )
    return agency_year


def explain_finding(*, user, finding: FindingRecord, explanation: str) -> None:
    from .access import require_edit

    require_edit(user, finding.agency)
    agency_year = AgencyYear.objects.filter(agency=finding.agency, year=finding.year).first()
    if agency_year is not None and not workflow.editable(agency_year.status):
        raise Refused("Tahun ini tidak dapat diubah; penjelasan temuan tidak disimpan.")
    if not explanation.strip():
        raise Refused("Penjelasan tidak boleh kosong.")
    with transaction.atomic():
        before = {"penjelasan": finding.explanation}
        finding.explanation = explanation.strip()
        finding.save(update_fields=["explanation"])
        audit.record(
            user=user,
            agency=finding.agency,
            year=finding.year,
            action=AuditEvent.Action.UPDATE,
            obj=finding,
            label=f"penjelasan temuan {finding.code}",
            before=before,
            after={"penjelasan": finding.explanation},
        )
