"""The yearly cycle in the database: workflow actions, what blocks a submission, explanations."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from kinerja.core import workflow
from kinerja.core.workflow import Action, Refused
from kinerja.core.year import Blocker

from . import audit, notify, store
from .access import roles_for
from .models import AgencyYear, AuditEvent, FindingRecord, Official


def submission_blockers(agency_year: AgencyYear) -> list[Blocker]:
    """What must be fixed or explained before the operator may submit (rules in kinerja.core.year)."""
    return store.load(agency_year).blockers()


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
                raise Refused(
                    f"Belum dapat diajukan: {len(blockers)} hal perlu diselesaikan dulu; lihat daftar periksa "
                    f"(pertama: {blockers[0].message})"
                )
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
            origin="cycle",
        )
        notify.after_step(agency_year, action, comment.strip(), user)
    return agency_year


def explain_finding(*, user, finding: FindingRecord, explanation: str) -> None:
    from .access import require_edit

    require_edit(user, finding.agency)
    if not explanation.strip():
        raise Refused("Penjelasan tidak boleh kosong.")
    if len(explanation) > 10000:
        raise Refused("Penjelasan terlalu panjang (paling banyak 10000 karakter).")
    with transaction.atomic():
        agency_year = AgencyYear.objects.select_for_update().filter(agency=finding.agency, year=finding.year).first()
        if agency_year is not None and not workflow.editable(agency_year.status):
            raise Refused("Tahun ini tidak dapat diubah; penjelasan temuan tidak disimpan.")
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
            indicator_id=finding.figure.indicator_id if finding.figure_id else None,
        )
