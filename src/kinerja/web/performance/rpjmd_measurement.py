"""The regional government's Pengukuran Kinerja of one year of an RPJMD: settled (ditetapkan) by Bappeda for the
head of region to sign, and withdrawn by an admin with a reason.

Until a year is settled its form follows the data: the RPJMD targets and the agencies' published figures. Once
settled, it is printed from what was settled (RegionMeasurement.content), whatever changes after, and the
year's RPJMD targets are locked (kinerja.web.performance.rpjmd refuses them). Only published agency figures
go into a settled form: a draft never reaches a document the head of region signs."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from kinerja.core.dates import indonesian_date
from kinerja.core.workflow import Refused
from kinerja.reports.build import BLANK_NAME, head_title, nip_text
from kinerja.reports.model import Report, Signature
from kinerja.reports.plans import IkuResult, iku_measurement, iku_results_from_json, iku_results_json

from . import iku
from .access import PUBLIC, is_admin
from .models import AuditEvent, RegionMeasurement, Rpjmd
from .rpjmd import log, require_planner

FORMAT = 1
MAX_REASON = 5000


def settled(plan: Rpjmd, year: int) -> RegionMeasurement | None:
    """The year's settlement in force, if any."""
    return plan.measurements.filter(year=year, withdrawn_at=None).select_related("settled_by").first()


def _signature(plan: Rpjmd, year: int, day) -> Signature:
    """The head of region of ``year`` (a former head for the years they served), under the place and date."""
    region = plan.region
    place = f"{region.sign_place}, " if region.sign_place else ""
    head = region.head_in(year)
    return Signature(
        heading=f"{place}{indonesian_date(day) if day else '....................'}",
        title=head.title if head and head.title else head_title(region.name_in(year)),
        name=head.name if head else BLANK_NAME,
        rank=head.rank if head else "",
        nip=nip_text(head.nip) if head else "",
    )


def _content(plan: Rpjmd, year: int, results: list[IkuResult], day) -> dict:
    head = _signature(plan, year, day)
    return {
        "format": FORMAT,
        "region": plan.region.name_in(year),
        "start": plan.start_year,
        "end": plan.end_year,
        "illustrative": plan.illustrative,
        "head": {"heading": head.heading, "title": head.title, "name": head.name, "rank": head.rank, "nip": head.nip},
        "rows": iku_results_json(results),
    }


def year_results(plan: Rpjmd, year: int, user) -> list[IkuResult]:
    """The IKU results of the year: as settled, or as the data stand for ``user`` while not settled."""
    found = settled(plan, year)
    if found is not None:
        return iku_results_from_json(found.content["rows"])
    return iku.results(plan, year, user)


def _figures(result: IkuResult) -> tuple:
    capaian = result.capaian.value if result.capaian is not None else None
    return result.target.number, result.realisasi.number, result.realisasi.raw.strip(), capaian


def changed_since(plan: Rpjmd, settlements: dict[int, RegionMeasurement]) -> dict[int, list[str]]:
    """For each settled year, the IKU whose figures now differ from the settled ones: an agency corrected a
    published year, Bappeda measured the IKU by another indicator, an IKU was renamed or added. The settled
    form does not follow; Bappeda may ask an admin to withdraw it and settle the year anew. Read from the
    published figures, for every year at once."""
    if not settlements:
        return {}
    ikus = iku.ikus_of(plan)
    measured = iku.measures(plan, ikus, PUBLIC)
    out = {}
    for year, settlement in settlements.items():
        kept = {(r.sasaran, r.name): _figures(r) for r in iku_results_from_json(settlement.content["rows"])}
        now = {(r.sasaran, r.name): _figures(r) for r in iku.results_in(ikus, measured, year)}
        names = [key[1] for key in sorted({*kept, *now}, key=lambda k: k[1]) if kept.get(key) != now.get(key)]
        if names:
            out[year] = names
    return out


def document(plan: Rpjmd, year: int, user) -> Report:
    """The year's form: printed from the settlement in force, else from the data as they stand (the date left
    blank for the head to fill in)."""
    found = settled(plan, year)
    content = found.content if found is not None else _content(plan, year, iku.results(plan, year, user), None)
    return iku_measurement(
        content["region"], year, content["start"], content["end"], iku_results_from_json(content["rows"]),
        head=Signature(**content["head"]), illustrative=content["illustrative"],
    )  # fmt: skip


def settle(user, plan: Rpjmd, year: int, signed_on: date | None = None) -> RegionMeasurement:
    """Bappeda (or the region's admin) settles the year's form from the agencies' published figures, dated
    ``signed_on`` (the day the head of region signs it; today when not given): within the year or after it,
    never after today."""
    require_planner(user, plan.region)
    if year not in plan.years:
        raise Refused(gettext("Tahun %(year)s di luar periode %(plan)s.") % {"year": year, "plan": plan})
    signed_on = signed_on or timezone.localdate()
    if signed_on > timezone.localdate():
        raise Refused(gettext("Tanggal penandatanganan tidak boleh setelah hari ini."))
    if signed_on.year < year:
        raise Refused(
            gettext("Pengukuran kinerja tahun %(year)s ditandatangani pada tahun %(year)s atau sesudahnya.")
            % {"year": year}
        )
    with transaction.atomic():
        Rpjmd.objects.select_for_update().get(pk=plan.pk)  # one settlement of a year at a time
        if settled(plan, year) is not None:
            raise Refused(
                gettext("Pengukuran kinerja pemerintah daerah tahun %(year)s sudah ditetapkan.") % {"year": year}
            )
        found = iku.results(plan, year, PUBLIC)
        if not found:
            raise Refused(gettext("%(plan)s belum berisi indikator kinerja utama.") % {"plan": plan})
        if not any(r.realisasi.raw or r.realisasi.number is not None for r in found):
            raise Refused(
                gettext(
                    "Belum ada realisasi tahun %(year)s yang dipublikasikan untuk IKU mana pun: tetapkan setelah "
                    "perangkat daerah yang mengukurnya mempublikasikan tahunnya."
                )
                % {"year": year}
            )
        now = timezone.now()
        content = _content(plan, year, found, signed_on)
        measurement = RegionMeasurement.objects.create(
            plan=plan, year=year, content=content, settled_at=now, settled_by=user
        )
        measured = sum(1 for r in found if r.capaian is not None and r.capaian.value is not None)
        log(user, plan, f"pengukuran kinerja {year} ditetapkan", measurement, action=AuditEvent.Action.WORKFLOW,
             after={"tahun": year, "IKU": len(found), "dengan capaian": measured})  # fmt: skip
    return measurement


def withdraw(user, measurement: RegionMeasurement, reason: str) -> None:
    """An admin of the region withdraws a settlement, saying why: the year's targets may change again and its
    form follows the data until it is settled anew. The withdrawn settlement is kept."""
    plan = measurement.plan
    if not is_admin(user, plan.region_id):
        raise PermissionDenied("Penetapan dibatalkan oleh admin pemerintah daerah.")
    reason = (reason or "").strip()
    if not reason:
        raise Refused(gettext("Tuliskan alasan pembatalan penetapan."))
    if len(reason) > MAX_REASON:
        raise Refused(
            gettext("Alasan terlalu panjang (paling banyak %(MAX_REASON)s karakter).") % {"MAX_REASON": MAX_REASON}
        )
    with transaction.atomic():
        locked = RegionMeasurement.objects.select_for_update().get(pk=measurement.pk)
        if locked.withdrawn_at is not None:
            raise Refused(gettext("Penetapan ini sudah dibatalkan."))
        locked.withdrawn_at, locked.withdrawn_by, locked.withdrawn_reason = timezone.now(), user, reason
        locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
        log(user, plan, f"penetapan pengukuran kinerja {locked.year} dibatalkan", locked,
             action=AuditEvent.Action.WORKFLOW, after={"tahun": locked.year, "alasan": reason})  # fmt: skip
