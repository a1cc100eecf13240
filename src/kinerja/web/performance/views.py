"""Pages people read. Each view: access check → selector → render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import selectors
from .access import can_view, own_agency_ids, sees_region
from .models import Agency, AgencyYear, Indicator, LinkSuggestion, MergedIndicator, Region, SourceFile
from .pagecache import public_page


@require_safe
def home(request):
    regions = list(Region.objects.order_by("name"))
    if len(regions) == 1:
        return redirect("performance:region", region=regions[0].slug)
    return render(request, "performance/home.html", {"regions": regions})


@require_safe
@public_page
def region(request, region):
    region = get_object_or_404(Region, slug=region)
    summaries = selectors.region_overview(region, request.user)
    years = sorted({y for s in summaries for y in s.years}, reverse=True)
    bands, scales = selectors.overview_columns(summaries)
    return render(
        request,
        "performance/region.html",
        {"region": region, "summaries": summaries, "bands": bands, "scales": scales, "years": years},
    )


def _agency_year(request, region, agency, year) -> AgencyYear:
    agency_year = (
        AgencyYear.objects.select_related("agency__region", "signatory")
        .filter(agency__region__slug=region, agency__slug=agency, year=year)
        .first()
    )
    if agency_year is None:
        raise Http404(_("Tahun ini belum ada untuk perangkat daerah tersebut."))
    if not can_view(request.user, agency_year):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            raise _Redirect(redirect_to_login(request.get_full_path()))
        raise PermissionDenied(_("Anda tidak berhak melihat data tahun ini."))
    return agency_year


class _Redirect(Exception):
    def __init__(self, response):
        self.response = response


def _handles_redirect(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Redirect as redirect_:
            return redirect_.response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _step_label(step) -> str:
    """A step of the trail of approvals in the reader's language."""
    from .approvals import IMPORTED

    if step.label == IMPORTED:
        return _("dipublikasikan dari dokumen bertanda tangan yang diimpor")
    return {
        "submitted": _("diajukan"),
        "verified": _("diverifikasi"),
        "approved": _("disetujui dan ditandatangani"),
        "published": _("dipublikasikan"),
    }.get(step.state.value, step.label)


@require_safe
@public_page
@_handles_redirect
def agency_year(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    view = selectors.agency_year_view(agency_year, request.user)
    files = SourceFile.objects.filter(agency=agency_year.agency, tables__year=year).distinct()
    live = selectors.live_findings(agency_year, view)
    for finding in live:
        view.finding_counts[finding.severity] = view.finding_counts.get(finding.severity, 0) + 1
    from kinerja.reports.render import FORMATS, KINDS

    downloads = [(kind, label, list(FORMATS)) for kind, (label, _builder) in KINDS.items()]
    from kinerja.core import workflow

    from . import audit, validation_rules
    from .access import can_edit, roles_for

    roles = roles_for(request.user, agency_year.agency)
    editor = can_edit(request.user, agency_year.agency)
    actions = workflow.allowed(agency_year.status, roles)
    open_for_editor = editor and workflow.editable(agency_year.status)
    kept_rules = validation_rules.rules_of(agency_year.agency)
    rules_broken = validation_rules.broken(view.year, kept_rules)
    blockers = (
        validation_rules.year_blockers(view.year, agency_year.agency, broken_rules=rules_broken)
        if open_for_editor
        else []
    )
    checklist = view.year.checklist(blockers)
    history = list(audit.history(agency_year.agency, year)) if request.user.is_authenticated else []
    last_comment = next((e for e in history if e.action == "workflow" and e.comment), None)
    # asked whoever reads (a constant number of queries), shown to the agency's own people
    pending = agency_year.reopen_requests.select_related("by").filter(handled_at=None).first()
    waiting = LinkSuggestion.objects.filter(indicator__agency=agency_year.agency, status=LinkSuggestion.Status.PENDING)
    links_waiting = waiting.count() if editor else 0
    from .approvals import trails

    steps = [(_step_label(step), step) for step in trails(request.user, [agency_year])[agency_year.pk]]
    return render(
        request,
        "performance/agency_year.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "name_then": agency_year.agency.name_in(year),  # as its documents print it
            "region": agency_year.agency.region,
            "region_then": agency_year.agency.region.name_in(year),
            "view": view,
            "files": files if request.user.is_authenticated else [],
            "downloads": downloads,
            "actions": actions,
            "editor": editor,
            "links_waiting": links_waiting,
            "rules_broken": rules_broken,
            "rules_after": validation_rules.set_after(kept_rules, agency_year),
            "rules_count": len(kept_rules),
            "may_define_rules": validation_rules.may_define(request.user, agency_year.agency),
            "editable": workflow.editable(agency_year.status),
            "blockers": blockers,
            "checklist": checklist,
            "live": live,
            "history": history,
            "steps": steps,
            "last_comment": last_comment,
            "public_copy": agency_year.reopened and not roles,
            "insider": bool(roles),  # reads the SAKIP evaluation (LKE) of the year
            "may_request_reopen": bool(roles & {workflow.Role.OPERATOR, workflow.Role.HEAD})
            and not workflow.editable(agency_year.status),
            "reopen_pending": pending if roles else None,
            "signatory": view.year.signatory,
        },
    )


def _indicator(request, pk) -> Indicator:
    indicator = Indicator.objects.select_related("agency__region").filter(pk=pk).first()
    if indicator is None:
        merged = MergedIndicator.objects.filter(old_id=pk).first()
        if merged is None:
            raise Http404(_("Indikator tidak ditemukan."))
        raise _Redirect(redirect("performance:indicator", pk=merged.into_id))
    visible = any(can_view(request.user, ay) for ay in AgencyYear.objects.filter(agency=indicator.agency))
    if not visible:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            raise _Redirect(redirect_to_login(request.get_full_path()))
        raise PermissionDenied(_("Anda tidak berhak melihat indikator ini."))
    return indicator


@require_safe
@public_page
@_handles_redirect
def indicator(request, pk):
    indicator = _indicator(request, pk)
    view = selectors.indicator_view(indicator, request.user)
    return render(
        request,
        "performance/indicator.html",
        {
            "indicator": indicator,
            "agency": indicator.agency,
            "region": indicator.agency.region,
            "view": view,
            "renstra_years": _renstra_years(indicator, view),
            "quarter_years": [p for p in reversed(view.points) if p.quarters],
        },
    )


def _renstra_years(indicator, view) -> list[tuple]:
    """Each shown year's realisation against the yearly Renstra target (the same core rule as the year's
    target): (year, Renstra target as a Value, realisation, Achievement). One query."""
    from kinerja.core import achievement as rules
    from kinerja.core.model import Direction
    from kinerja.core.values import stored_value

    from .models import RenstraTarget

    targets = {t.year: t for t in RenstraTarget.objects.filter(indicator=indicator)}
    out = []
    for point in view.points:
        target = targets.get(point.year)
        if target is None:
            continue
        value = stored_value(target.value, target.raw, view.unit or None)
        direction = view.direction or Direction.HIGHER
        out.append(
            (
                point.year,
                value,
                point.realisasi,
                rules.capaian(target=value, realisasi=point.realisasi, direction=direction),
            )
        )
    return out


@require_safe
@_handles_redirect
def indicator_chart(request, pk):
    indicator = _indicator(request, pk)
    view = selectors.indicator_view(indicator, request.user)
    from kinerja.web.charts import series_svg

    svg = series_svg(view)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=60"
    return response


@require_safe
@_handles_redirect
def indicator_quarters_chart(request, pk, year):
    indicator = _indicator(request, pk)
    view = selectors.indicator_view(indicator, request.user)
    point = next((p for p in view.points if p.year == year and p.quarters), None)
    if point is None:
        raise Http404(_("Belum ada realisasi triwulan tahun ini yang dapat ditampilkan."))
    from kinerja.web.charts import quarters_svg

    svg = quarters_svg(point.name, view.unit, year, point.target, point.quarters)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=60"
    return response


@require_safe
@_handles_redirect
def report_download(request, region, agency, year, kind, fmt):
    from kinerja.reports.render import FORMATS, KINDS, render

    from .reporting import agency_year_data

    if kind not in KINDS or fmt not in FORMATS:
        raise Http404(_("Jenis laporan tidak dikenal."))
    agency_year = _agency_year(request, region, agency, year)
    report = KINDS[kind][1](agency_year_data(agency_year, request.user))
    response = HttpResponse(render(report, fmt), content_type=FORMATS[fmt])
    filename = f"{agency_year.agency.slug}-{report.filename}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def region_book(request, region, year):
    from kinerja.reports.build import book
    from kinerja.reports.render import FORMATS, render

    from .reporting import region_year_data

    region = get_object_or_404(Region, slug=region)
    agencies = region_year_data(region, year, request.user)
    if not agencies:
        raise Http404(_("Belum ada data tahun ini yang dapat ditampilkan."))
    response = HttpResponse(render(book(region.name_in(year), year, agencies), "pdf"), content_type=FORMATS["pdf"])
    response["Content-Disposition"] = f'attachment; filename="{region.slug}-pengukuran-kinerja-{year}.pdf"'
    return response


@require_safe
@login_required
def import_findings(request, pk):
    source = get_object_or_404(SourceFile.objects.select_related("agency__region"), pk=pk)
    if not (sees_region(request.user, source.agency.region_id) or source.agency_id in own_agency_ids(request.user)):
        raise PermissionDenied(_("Anda tidak berhak melihat impor ini."))
    grouped = selectors.import_findings(source)
    return render(
        request,
        "performance/import_findings.html",
        {"source": source, "agency": source.agency, "region": source.agency.region, "grouped": grouped},
    )


def agency_latest(request, region, agency):
    agency = get_object_or_404(Agency, region__slug=region, slug=agency)
    years = [ay for ay in AgencyYear.objects.filter(agency=agency).order_by("-year") if can_view(request.user, ay)]
    if not years:
        raise Http404(_("Belum ada tahun yang dapat ditampilkan."))
    return redirect("performance:agency_year", region=region, agency=agency.slug, year=years[0].year)
