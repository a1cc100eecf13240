"""Entry windows: when operators may enter a year's targets (quarter 0) or a quarter's figures."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from kinerja.core.workflow import EDITABLE

from .models import AgencyYear, EntryWindow, Membership, ReminderSent, WindowReopening

OPEN_STATES = tuple(state.value for state in EDITABLE)  # the cycle's editable states, from the core


def window_state(agency, year: int, quarter: int, now=None) -> tuple[bool, str]:
    """(open?, why) for an operator of ``agency``. No window set means entry is open."""
    now = now or timezone.now()
    window = EntryWindow.objects.filter(region_id=agency.region_id, year=year, quarter=quarter).first()
    if window is None:
        return True, ""
    reopened = WindowReopening.objects.filter(agency=agency, year=year, quarter=quarter, until__gte=now).first()
    if reopened is not None:
        return True, f"dibuka kembali sampai {timezone.localtime(reopened.until):%d-%m-%Y %H:%M}"
    label = "target dan angka tahunan" if quarter == 0 else f"triwulan {quarter}"
    if now < window.opens_at:
        return False, f"entri {label} {year} baru dibuka {timezone.localtime(window.opens_at):%d-%m-%Y %H:%M}"
    if now > window.closes_at:
        return False, f"entri {label} {year} sudah ditutup {timezone.localtime(window.closes_at):%d-%m-%Y %H:%M}"
    return True, ""


def late_agencies(region, now=None) -> dict[int, list[str]]:
    """Agencies whose window has closed while their year is still a draft or returned."""
    now = now or timezone.now()
    closed = list(EntryWindow.objects.filter(region=region, closes_at__lt=now))
    if not closed:
        return {}
    years = {w.year for w in closed}
    late: dict[int, list[str]] = {}
    for agency_year in AgencyYear.objects.filter(agency__region=region, year__in=years, status__in=OPEN_STATES):
        for window in closed:
            if window.year == agency_year.year:
                label = "target" if window.quarter == 0 else f"TW {window.quarter}"
                late.setdefault(agency_year.agency_id, []).append(f"{window.year} {label}")
    return late


def send_reminders(now=None, days: int | None = None) -> int:
    """E-mail the operators of agencies that have not submitted, ``days`` before a window closes."""
    now = now or timezone.now()
    days = days if days is not None else int(getattr(settings, "KINERJA_REMINDER_DAYS", 3))
    sent = 0
    for window in EntryWindow.objects.filter(closes_at__gte=now, closes_at__lte=now + timedelta(days=days)):
        pending = AgencyYear.objects.filter(
            agency__region_id=window.region_id, year=window.year, status__in=OPEN_STATES
        ).select_related("agency")
        for agency_year in pending:
            if ReminderSent.objects.filter(window=window, agency=agency_year.agency).exists():
                continue
            operators = Membership.objects.filter(
                agency=agency_year.agency, role=Membership.Role.OPERATOR
            ).select_related("user")
            emails = sorted({m.user.email for m in operators if m.user.email and m.user.is_active})
            if not emails:
                continue
            label = "target dan angka tahunan" if window.quarter == 0 else f"triwulan {window.quarter}"
            closes = timezone.localtime(window.closes_at)
            send_mail(
                subject=f"[kinerja] Entri {label} {window.year} ditutup {closes:%d-%m-%Y}",
                message=(
                    f"Yth. operator {agency_year.agency.name},\n\n"
                    f"Entri {label} tahun {window.year} ditutup pada {closes:%d-%m-%Y %H:%M}. "
                    f"Data tahun {window.year} belum diajukan untuk direviu. Mohon lengkapi dan ajukan "
                    "sebelum batas waktu.\n\n— kinerja"
                ),
                from_email=None,
                recipient_list=emails,
            )
            ReminderSent.objects.create(window=window, agency=agency_year.agency)
            sent += 1
    return sent
