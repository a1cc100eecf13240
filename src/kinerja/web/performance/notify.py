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
    emails = recipients(agency_year, roles)
    if not emails:
        return
    agency = agency_year.agency
    who = by.get_full_name() or by.get_username() if getattr(by, "pk", None) else "sistem"
    body = f"{agency.name} tahun {agency_year.year} {what} (oleh {who})."
    if comment:
        body += f"\n\nCatatan: {comment}"
    body += f"\n\nBuka: /{agency.region.slug}/{agency.slug}/{agency_year.year}/\n\n— kinerja"
    _send(f"[kinerja] {agency.name} {agency_year.year}: {what}", body, emails, agency_year)


def after_comment(comment) -> None:
    """A review comment goes to the agency's operators, who answer it."""
    agency_year = comment.agency_year
    emails = recipients(agency_year, (Membership.Role.OPERATOR,))
    if not emails:
        return
    agency = agency_year.agency
    by = comment.author
    who = (by.get_full_name() or by.get_username()) if by is not None else "sistem"
    where = comment.indicator.name if comment.indicator_id else f"tahun {agency_year.year}"
    body = (
        f"Komentar reviu dari {who} untuk {agency.name} tahun {agency_year.year}, pada {where}:\n\n{comment.text}"
        f"\n\nJawab di: /{agency.region.slug}/{agency.slug}/{agency_year.year}/reviu/\n\n— kinerja"
    )
    _send(f"[kinerja] {agency.name} {agency_year.year}: komentar reviu", body, emails, agency_year)


def after_reopen_request(request) -> None:
    """A request to reopen a locked year goes to the region's admins."""
    agency_year = request.agency_year
    emails = recipients(agency_year, (Membership.Role.ADMIN,))
    if not emails:
        return
    agency = agency_year.agency
    who = (request.by.get_full_name() or request.by.get_username()) if request.by is not None else "sistem"
    body = (
        f"{who} meminta tahun {agency_year.year} {agency.name} dibuka kembali.\n\nAlasan: {request.reason}"
        f"\n\nBuka: /{agency.region.slug}/{agency.slug}/{agency_year.year}/\n\n— kinerja"
    )
    _send(f"[kinerja] {agency.name} {agency_year.year}: permintaan buka kembali", body, emails, agency_year)


def _send(subject: str, body: str, emails: list[str], agency_year) -> None:
    def send():
        try:
            send_mail(subject, body, None, emails)
        except OSError as exc:  # the step stands; the mail server is someone else's problem, logged
            log.warning("e-mail tentang %s %s tidak terkirim: %s", agency_year.agency.name, agency_year.year, exc)

    transaction.on_commit(send)
