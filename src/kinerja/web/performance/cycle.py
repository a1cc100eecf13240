"""The yearly cycle in the database: workflow actions, what blocks a submission, explanations."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.core import snapshot, workflow
from kinerja.core.workflow import Action, Refused, State
from kinerja.core.year import Blocker

from . import audit, averages, lkjip, notify, store
from .access import roles_for
from .language import in_page_language
from .models import AgencyYear, AuditEvent, FindingRecord, Official, ReopenRequest


def submission_blockers(agency_year: AgencyYear) -> list[Blocker]:
    """What must be fixed or explained before the operator may submit (rules in kinerja.core.year, and
    the agency's validation rules of severity error)."""
    from .validation_rules import year_blockers

    return year_blockers(store.load(agency_year), agency_year.agency)


def sign_place(agency) -> str:
    """Where the agency's forms are signed: the agency's own setting, else its region's."""
    return agency.sign_place or agency.region.sign_place


def act(*, user, agency_year: AgencyYear, action: Action | str, comment: str = "", signed_on=None) -> AgencyYear:
    """Move an agency's year through the cycle, or refuse with the reason. ``signed_on`` is the date the
    head chose when approving, for agencies whose date rule lets the head choose."""
    roles = roles_for(user, agency_year.agency)
    with transaction.atomic():
        agency_year = (
            AgencyYear.objects.select_for_update(of=("self",)).select_related("agency__region").get(pk=agency_year.pk)
        )
        before = agency_year.status
        new_state = workflow.check(action, before, roles, comment)
        if Action(action) is Action.SUBMIT:
            blockers = submission_blockers(agency_year)
            if blockers:
                raise Refused(
                    ngettext(
                        "Belum dapat diajukan: %(n)s hal perlu diselesaikan dulu; lihat daftar periksa "
                        "(pertama: %(first)s)",
                        "Belum dapat diajukan: %(n)s hal perlu diselesaikan dulu; lihat daftar periksa "
                        "(pertama: %(first)s)",
                        len(blockers),
                    )
                    % {"n": len(blockers), "first": in_page_language(blockers[0].message)}
                )
        agency_year.status = new_state.value
        after = {"status": new_state.value}
        if Action(action) is Action.APPROVE:
            official = Official.objects.filter(user=user, agency=agency_year.agency).first()
            if official is not None:
                agency_year.signatory = official
            if agency_year.signatory is not None:  # the block as signed today: a later promotion does not move it
                agency_year.signer = agency_year.signatory.as_signed()
            agency_year.signed_on = _signing_date(agency_year, signed_on)
            agency_year.signed_place = sign_place(agency_year.agency)
            after["ditandatangani"] = agency_year.signed_on.isoformat()
            if agency_year.signed_place:
                after["tempat"] = agency_year.signed_place
            after["penandatangan"] = agency_year.signatory.name if agency_year.signatory else user.get_username()
        if Action(action) is Action.REOPEN:
            if before == State.PUBLISHED and agency_year.published_at is None:
                keep_published(agency_year)  # published on paper (imported) or before versions were kept
            ReopenRequest.objects.filter(agency_year=agency_year, handled_at=None).update(handled_at=timezone.now())
        if Action(action) is Action.PUBLISH:
            keep_published(agency_year)
            agency_year.published_count += 1
            after["versi"] = agency_year.published_count
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


def request_reopen(*, user, agency_year: AgencyYear, reason: str) -> ReopenRequest:
    """An operator or head asks the region's admins to reopen a locked year, saying why."""
    from django.core.exceptions import PermissionDenied

    from kinerja.core.workflow import Role

    if not roles_for(user, agency_year.agency) & {Role.OPERATOR, Role.HEAD}:
        raise PermissionDenied("Hanya operator atau kepala perangkat daerah ini yang dapat meminta pembukaan kembali.")
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Tuliskan alasan permintaan buka kembali."))
    if len(reason) > 5000:
        raise Refused(_("Alasan terlalu panjang (paling banyak 5000 karakter)."))
    with transaction.atomic():
        locked = AgencyYear.objects.select_for_update(of=("self",)).select_related("agency").get(pk=agency_year.pk)
        if workflow.editable(locked.status):
            raise Refused(_("Tahun %(year)s masih dapat diubah; tidak perlu dibuka kembali.") % {"year": locked.year})
        if ReopenRequest.objects.filter(agency_year=locked, handled_at=None).exists():
            raise Refused(_("Sudah ada permintaan buka kembali yang menunggu admin."))
        request = ReopenRequest.objects.create(agency_year=locked, by=user, reason=reason)
        audit.record(
            user=user, agency=locked.agency, year=locked.year, action=AuditEvent.Action.CREATE, obj=request,
            label="permintaan buka kembali", after={"alasan": reason}, origin="cycle",
        )  # fmt: skip
        notify.after_reopen_request(request)
    return request


def keep_published(agency_year: AgencyYear) -> None:
    """What the public reads from now until the next publication, even while the year is reopened."""
    keep_version(agency_year)
    agency_year.published_at = timezone.now()


def keep_version(agency_year: AgencyYear) -> None:
    """The year's published version (what ``kinerja verify`` compares it with), without a day of publication
    in kinerja: a year imported as a signed document was published on paper, on a day kinerja does not know."""
    year = store.load(agency_year)
    agency_year.published = snapshot.dump(year)
    agency_year.average = agency_year.published_average = averages.stored(year)
    agency_year.average_basis = averages.basis()
    lkjip.keep_published(agency_year)


def _signing_date(agency_year: AgencyYear, chosen):
    """The date on the form: the day of approval, or the head's chosen date when the agency's rule says
    so (not after today, not before the year it measures)."""
    agency = agency_year.agency
    today = timezone.localdate()
    if agency.sign_date_rule != agency.DateRule.CHOSEN or chosen is None:
        return today
    if chosen > today:
        raise Refused(_("Tanggal penandatanganan tidak boleh lebih lambat dari hari ini."))
    if chosen.year < agency_year.year:
        raise Refused(
            _("Tanggal penandatanganan tidak boleh sebelum tahun %(year)s yang diukur.") % {"year": agency_year.year}
        )
    return chosen


def explain_finding(*, user, finding: FindingRecord, explanation: str) -> None:
    from .access import require_edit

    require_edit(user, finding.agency)
    if not explanation.strip():
        raise Refused(_("Penjelasan tidak boleh kosong."))
    if len(explanation) > 10000:
        raise Refused(_("Penjelasan terlalu panjang (paling banyak 10000 karakter)."))
    with transaction.atomic():
        agency_year = AgencyYear.objects.select_for_update().filter(agency=finding.agency, year=finding.year).first()
        if agency_year is not None and not workflow.editable(agency_year.status):
            raise Refused(_("Tahun ini tidak dapat diubah; penjelasan temuan tidak disimpan."))
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
