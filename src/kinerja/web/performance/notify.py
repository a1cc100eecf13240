"""E-mail to the next person in the yearly cycle, sent once the step is committed."""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.db import transaction

from kinerja.core.workflow import Action

from .models import Membership

log = logging.getLogger(__name__)

# who acts next after each step, and what they are told
NEXT = {
    Action.SUBMIT: ((Membership.Role.REVIEWER,), "diajukan dan menunggu reviu Anda"),
    Action.RETURN: ((Membership.Role.OPERATOR,), "dikembalikan oleh reviewer untuk diperbaiki"),
    Action.VERIFY: ((Membership.Role.HEAD,), "sudah diverifikasi dan menunggu persetujuan serta tanda tangan Anda"),
    Action.APPROVE: ((Membership.Role.REVIEWER,), "sudah disetujui kepala perangkat daerah dan siap dipublikasikan"),
    Action.PUBLISH: ((Membership.Role.OPERATOR, Membership.Role.HEAD), "sudah dipublikasikan"),
    Action.REOPEN: ((Membership.Role.OPERATOR,), "dibuka kembali oleh admin"),
}


def recipients(agency_year, roles) -> list[str]:
    agency = agency_year.agency
    members = Membership.objects.filter(role__in=roles).select_related("user")
    members = [
        m for m in members if (m.agency_id == agency.id) or (m.agency_id is None and m.region_id == agency.region_id)
    ]
    return sorted({m.user.email for m in members if m.user.email and m.user.is_active})


def after_step(agency_year, action, comment: str, by) -> None:
    """Tell the next people, after the transaction commits (never for a step that was rolled back)."""
    roles, what = NEXT[Action(action)]
    agency = agency_year.agency
    text = f"{agency.name} tahun {agency_year.year} {what} (oleh {_who(by)})."
    if comment:
        text += f"\n\nCatatan: {comment}"
    _tell(agency_year, roles, what, text)


def after_comment(comment) -> None:
    """A review comment goes to the agency's operators, who answer it."""
    agency_year = comment.agency_year
    where = comment.indicator.name if comment.indicator_id else f"tahun {agency_year.year}"
    text = (
        f"Komentar reviu dari {_who(comment.author)} untuk {agency_year.agency.name} tahun {agency_year.year}, "
        f"pada {where}:\n\n{comment.text}"
    )
    _tell(agency_year, (Membership.Role.OPERATOR,), "komentar reviu", text, link=("Jawab di", "reviu/"))


def after_reopen_request(request) -> None:
    """A request to reopen a locked year goes to the region's admins."""
    agency_year = request.agency_year
    text = (
        f"{_who(request.by)} meminta tahun {agency_year.year} {agency_year.agency.name} dibuka kembali."
        f"\n\nAlasan: {request.reason}"
    )
    _tell(agency_year, (Membership.Role.ADMIN,), "permintaan buka kembali", text)


def after_evaluation(evaluation, what: str, by, *, to_agency: bool) -> None:
    """A SAKIP evaluation's step: made final (the agency's operators and head answer it), a follow-up written
    or the evaluation reopened (the region's reviewers)."""
    roles = (Membership.Role.OPERATOR, Membership.Role.HEAD) if to_agency else (Membership.Role.REVIEWER,)
    emails = recipients(evaluation, roles)
    if not emails:
        return
    agency = evaluation.agency
    body = (
        f"Evaluasi SAKIP (LKE) {agency.name} tahun {evaluation.year}: {what} (oleh {_who(by)}).\n\n"
        f"Buka: /{agency.region.slug}/{agency.slug}/evaluasi/{evaluation.year}/\n\n— kinerja"
    )
    _send(f"[kinerja] {agency.name} {evaluation.year}: evaluasi SAKIP", body, emails, evaluation)


def _who(user) -> str:
    if user is None or not getattr(user, "pk", None):
        return "sistem"
    return user.get_full_name() or user.get_username()


def _tell(agency_year, roles, what: str, text: str, link: tuple[str, str] = ("Buka", "")) -> None:
    """E-mail ``text`` to the people of the year's agency holding ``roles``, with a link to the year."""
    emails = recipients(agency_year, roles)
    if not emails:
        return
    agency = agency_year.agency
    label, page = link
    body = f"{text}\n\n{label}: /{agency.region.slug}/{agency.slug}/{agency_year.year}/{page}\n\n— kinerja"
    _send(f"[kinerja] {agency.name} {agency_year.year}: {what}", body, emails, agency_year)


def _send(subject: str, body: str, emails: list[str], agency_year) -> None:
    def send():
        try:
            send_mail(subject, body, None, emails)
        except OSError as exc:  # the step stands; the mail server is someone else's problem, logged
            log.warning("e-mail tentang %s %s tidak terkirim: %s", agency_year.agency.name, agency_year.year, exc)

    transaction.on_commit(send)
