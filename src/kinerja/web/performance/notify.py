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

    def send():
        try:
            send_mail(f"[kinerja] {agency.name} {agency_year.year}: {what}", body, None, emails)
        except OSError as exc:  # the step stands; the mail server is someone else's problem, logged
            log.warning("e-mail tentang %s %s tidak terkirim: %s", agency.name, agency_year.year, exc)

    transaction.on_commit(send)
