"""RPJMD pages: a region's periods, one RPJMD (tujuan → sasaran → IKU with yearly and end targets)
with the agency sasaran that serve each of its sasaran, and the Renstra's link to them. Public to
read; entered by the region's Bappeda (reviewer) or admin."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kinerja.core.workflow import Refused

from . import audit, iku, typed
from . import rpjmd as writes
from . import rpjmd_measurement as measurement
from .access import is_admin, sees_region
from .language import in_page_language
from .models import (
    Agency,
    Region,
    Rpjmd,
    RpjmdIndicator,
    RpjmdSasaran,
    RpjmdTarget,
    RpjmdTujuan,
    Sasaran,
)

_int = typed.record_id


@require_http_methods(["GET", "POST"])
def periods(request, region):
    region = get_object_or_404(Region, slug=region)
    if request.method == "POST":
        if request.POST.get("form") == "remove":
            plan = get_object_or_404(Rpjmd, region=region, pk=_int(request.POST.get("pk")) or 0)
            _write(request, lambda: writes.remove(request.user, plan, seen=request.POST.get("seen", "")), _("Dihapus."))
            return redirect(request.path)
        try:
            start, end = _int(request.POST.get("start_year")), _int(request.POST.get("end_year"))
            if start is None or end is None:
                raise Refused(gettext("Isi tahun awal dan tahun akhir RPJMD."))
            plan = writes.add_period(request.user, region, start, end)
        except Refused as exc:
            messages.error(request, in_page_language(exc))
            return redirect(request.path)
        return redirect(f"/{region.slug}/rpjmd/{plan.pk}/")
    plans = list(Rpjmd.objects.filter(region=region))
    for plan in plans:
        plan.seen = writes.fingerprint(plan)
    return render(
        request,
        "performance/rpjmd_list.html",
        {"region": region, "plans": plans, "may_edit": sees_region(request.user, region.pk)},
    )


def _write(request, write, done: str) -> None:
    """Carry out one write of the page and say how it went (a refusal says why; nothing was saved)."""
    try:
        result = write()
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        if result in (0, False):
            messages.info(request, _("Tidak ada yang berubah."))
        else:
            messages.success(request, done)


@require_http_methods(["GET", "POST"])
def detail(request, region, pk):
    plan = get_object_or_404(Rpjmd.objects.select_related("region"), pk=pk, region__slug=region)
    if request.method == "POST":
        _post(request, plan)
        return redirect(request.path)
    tujuan = list(
        RpjmdTujuan.objects.filter(rpjmd=plan).prefetch_related(
            Prefetch(
                "sasaran",
                queryset=RpjmdSasaran.objects.prefetch_related(
                    Prefetch(
                        "indicators",
                        queryset=RpjmdIndicator.objects.select_related("measured_by__agency").prefetch_related(
                            "targets"
                        ),
                    ),
                    Prefetch(
                        "agency_sasaran", queryset=Sasaran.objects.select_related("agency").order_by("agency__name")
                    ),
                ),
            )
        )
    )
    may_edit = sees_region(request.user, plan.region_id)
    ikus = [i for t in tujuan for s in t.sasaran.all() for i in s.indicators.all()]
    measured = iku.measures(plan, ikus, request.user)
    choices = _measure_choices(plan) if may_edit else {}
    for t in tujuan:
        t.rpjmd = plan  # the records below reach the plan's years through it, without a query each
        t.seen = writes.fingerprint(t) if may_edit else ""
        for s in t.sasaran.all():
            s.seen = writes.fingerprint(s) if may_edit else ""
            for indicator in s.indicators.all():
                by_year = {target.year: target.value for target in indicator.targets.all()}
                indicator.row = [by_year.get(year) for year in plan.years]
                indicator.by_year = list(zip(plan.years, indicator.row, strict=True))
                indicator.seen = writes.fingerprint(indicator) if may_edit else ""
                indicator.measure = measured.get(indicator.pk)
                indicator.choices = choices.get(s.pk, [])
    settlements = {m.year: m for m in plan.measurements.filter(withdrawn_at=None).select_related("settled_by")}
    return render(
        request,
        "performance/rpjmd_detail.html",
        {
            "region": plan.region, "plan": plan, "tujuan": tujuan, "may_edit": may_edit,
            "any_measured": bool(measured), "settlements": settlements,
            "settlements_by_year": [(year, settlements.get(year)) for year in plan.years],
            "changed": measurement.changed_since(plan, settlements) if may_edit else {},
            "may_withdraw": is_admin(request.user, plan.region_id),
            "this_year": timezone.localdate().year,  # a year still to come has nothing to settle
            "today": timezone.localdate(),
        },
    )  # fmt: skip


def _measure_choices(plan: Rpjmd) -> dict[int, list[tuple[int, str]]]:
    """For each RPJMD sasaran of the plan, the agency indicators that may measure its IKU: those of the agency
    sasaran serving it (one query)."""
    from .models import Target

    found: dict[int, dict[int, str]] = {}
    for rpjmd_sasaran, indicator, name, agency in (
        Target.objects.filter(sasaran__rpjmd_sasaran__tujuan__rpjmd=plan)
        .values_list("sasaran__rpjmd_sasaran_id", "indicator_id", "indicator__name", "indicator__agency__name")
        .order_by("indicator__agency__name", "indicator__name", "indicator_id")
        .distinct()
    ):
        found.setdefault(rpjmd_sasaran, {})[indicator] = f"{agency}: {name}"
    return {key: list(values.items()) for key, values in found.items()}


_REMOVED = {"remove_tujuan": RpjmdTujuan, "remove_sasaran": RpjmdSasaran, "remove_indicator": RpjmdIndicator}


def _post(request, plan: Rpjmd) -> None:
    form = request.POST.get("form", "")
    post, user = request.POST, request.user
    seen = post.get("seen", "")

    def record(model):
        item = writes.find(plan, model, _int(post.get("pk")) or 0)
        if item is None:
            raise Http404(_("Data RPJMD ini tidak ada."))
        return item

    def figures():
        return {
            "name": post.get("name", ""), "unit": post.get("unit", ""), "baseline": post.get("baseline", ""),
            "end_target": post.get("end_target", ""),
            "targets": {year: post.get(f"target_{year}", "") for year in plan.years},
        }  # fmt: skip

    saved = _("Disimpan.")
    if form == "tujuan":
        _write(request, lambda: writes.add_tujuan(user, plan, post.get("name", "")), saved)
    elif form == "sasaran":
        parent = writes.find(plan, RpjmdTujuan, _int(post.get("tujuan")) or 0)
        if parent is None:
            messages.error(request, _("Pilih tujuan RPJMD."))
        else:
            _write(request, lambda: writes.add_sasaran(user, parent, post.get("name", "")), saved)
    elif form == "indicator":
        parent = writes.find(plan, RpjmdSasaran, _int(post.get("sasaran")) or 0)
        if parent is None:
            messages.error(request, _("Pilih sasaran RPJMD."))
        else:
            _write(request, lambda: writes.add_indicator(user, parent, **figures()), saved)
    elif form == "rename_tujuan":
        item = record(RpjmdTujuan)
        _write(request, lambda: writes.rename(user, item, post.get("name", ""), seen=seen), saved)
    elif form == "rename_sasaran":
        item = record(RpjmdSasaran)
        _write(request, lambda: writes.rename(user, item, post.get("name", ""), seen=seen), saved)
    elif form == "edit_indicator":
        item = record(RpjmdIndicator)
        _write(request, lambda: writes.edit_indicator(user, item, seen=seen, **figures()), saved)
    elif form == "measure":
        item = record(RpjmdIndicator)
        raw = post.get("indicator", "").strip()
        chosen = _int(raw)
        if raw and chosen is None:  # garbage is refused, never read as "not measured"
            messages.error(request, _("Pilihan indikator tidak sah; pilih dari daftar."))
        else:
            _write(request, lambda: writes.measure(user, item, chosen, seen=seen), saved)
    elif form == "settle":
        year = _int(post.get("year"))
        if year is None:
            raise Http404(_("Tahun tidak dikenal."))
        settled = _("Pengukuran kinerja tahun itu ditetapkan.")
        _write(request, lambda: measurement.settle(user, plan, year, typed.day(post.get("signed_on"))), settled)
    elif form == "withdraw":
        found = plan.measurements.filter(pk=_int(post.get("pk")) or 0).first()
        if found is None:
            raise Http404(_("Penetapan ini tidak ada."))
        _write(request, lambda: measurement.withdraw(user, found, post.get("reason", "")), _("Penetapan dibatalkan."))
    elif form in _REMOVED:
        item = record(_REMOVED[form])
        _write(request, lambda: writes.remove(user, item, seen=seen), _("Dihapus."))
    else:
        raise Http404(_("Formulir tidak dikenal."))


@login_required
@require_safe
def history(request, region):
    """Every change to the region's RPJMD and to the agency links to it, newest first, a page at a time."""
    region = get_object_or_404(Region, slug=region)
    if not sees_region(request.user, region.pk):
        raise PermissionDenied(_("Riwayat RPJMD dibaca oleh Bappeda, Inspektorat dan admin pemerintah daerah."))
    page = Paginator(audit.plan_history(region), 100).get_page(request.GET.get("halaman"))
    return render(request, "performance/rpjmd_history.html", {"region": region, "page": page})


def renstra_links(agency: Agency) -> dict:
    """For the Renstra page: the agency's sasaran with the RPJMD sasaran each serves, and the choices."""
    return {
        "rpjmd_sasaran": list(
            RpjmdSasaran.objects.filter(tujuan__rpjmd__region=agency.region_id).select_related("tujuan__rpjmd")
        ),
        "linked_sasaran": list(Sasaran.objects.filter(agency=agency).select_related("rpjmd_sasaran").order_by("id")),
    }


@login_required
@require_POST
def renstra_link(request, region, agency):
    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    sasaran = get_object_or_404(Sasaran, pk=_int(request.POST.get("sasaran")) or 0, agency=agency)
    target_id = _int(request.POST.get("rpjmd_sasaran"))
    target = RpjmdSasaran.objects.select_related("tujuan__rpjmd").filter(pk=target_id).first() if target_id else None
    try:
        if target_id and target is None:
            raise Refused(gettext("Sasaran RPJMD itu tidak dikenal."))
        writes.link(request.user, agency, sasaran, target)
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Keterkaitan dengan sasaran RPJMD disimpan."))
    return redirect(f"/{agency.region.slug}/{agency.slug}/renstra/#rpjmd")


__all__ = ["periods", "detail", "history", "renstra_link", "renstra_links", "RpjmdTarget"]


@require_safe
def download(request, region, pk, fmt):
    """The RPJMD as PDF, DOCX or XLSX: its IKU with yearly targets, and the agency sasaran serving it."""
    from django.http import HttpResponse

    from kinerja.reports.plans import TargetRow
    from kinerja.reports.plans import rpjmd as build
    from kinerja.reports.render import FORMATS
    from kinerja.reports.render import render as render_report

    if fmt not in FORMATS:
        raise Http404(_("Format tidak dikenal."))
    plan = get_object_or_404(Rpjmd.objects.select_related("region"), pk=pk, region__slug=region)
    rows, links = [], []
    for s in (
        RpjmdSasaran.objects.filter(tujuan__rpjmd=plan)
        .select_related("tujuan")
        .prefetch_related(
            Prefetch("indicators", queryset=RpjmdIndicator.objects.prefetch_related("targets")),
            Prefetch("agency_sasaran", queryset=Sasaran.objects.select_related("agency").order_by("agency__name")),
        )
    ):
        for i in s.indicators.all():
            rows.append(
                TargetRow(
                    group=f"{s.tujuan.name} › {s.name}",
                    name=i.name,
                    unit=i.unit,
                    baseline=i.baseline,
                    targets={t.year: t.value for t in i.targets.all()},
                    end=i.end_target,
                )  # fmt: skip
            )
        links += [(s.name, a.agency.name, a.name) for a in s.agency_sasaran.all()] or [(s.name, "–", "–")]
    name = plan.region.name_in(plan.end_year)
    report = build(name, plan.start_year, plan.end_year, rows, links, illustrative=plan.illustrative)
    response = HttpResponse(render_report(report, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="rpjmd-{plan.region.slug}-{plan.start_year}.{fmt}"'
    return response


@require_safe
def iku_download(request, region, pk, year, fmt):
    """The regional government's Pengukuran Kinerja of one year: each IKU against its RPJMD target, measured by
    the agency indicator Bappeda named. As settled when the year is settled (rpjmd_measurement), else from the
    realisations the reader may see (published years for the public), its date left for the head to fill in."""
    from django.http import HttpResponse

    from kinerja.reports.render import FORMATS
    from kinerja.reports.render import render as render_report

    from .rpjmd_measurement import document

    if fmt not in FORMATS:
        raise Http404(_("Format tidak dikenal."))
    plan = get_object_or_404(Rpjmd.objects.select_related("region__head"), pk=pk, region__slug=region)
    if year not in plan.years:
        raise Http404(_("Tahun itu di luar periode RPJMD ini."))
    response = HttpResponse(render_report(document(plan, year, request.user), fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="pengukuran-kinerja-{plan.region.slug}-{year}.{fmt}"'
    return response
