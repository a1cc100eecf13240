"""The Renstra's baseline and yearly targets per indicator (beside the end targets of the Renstra
page), and the check that an end target is not already passed (kinerja.core.plan)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kinerja.core import year as core
from kinerja.core.model import Cumulation, Direction
from kinerja.core.plan import end_target_problem
from kinerja.core.values import stored_target
from kinerja.core.workflow import Refused

from . import renstra as writes
from .forms import parse_target, stored_number, stored_text
from .language import in_page_language
from .models import Agency, EndTarget, Indicator, PlanPeriod, Realisation, RenstraTarget, Target


@dataclass
class YearsRow:
    indicator: Indicator
    cells: list  # (year, stored Decimal or None) per column, the baseline first
    warning: str = ""
    end: object = None  # the end target
    unit: str = ""
    sasaran: str = ""


@dataclass
class YearsTable:
    plan: PlanPeriod
    years: list[int]  # the baseline year, then each year of the plan
    rows: list[YearsRow] = field(default_factory=list)


def renstra_years(agency: Agency) -> dict:
    """For the Renstra page: one grid per plan, in five queries whatever the number of indicators."""
    plans = list(PlanPeriod.objects.filter(agency=agency).order_by("start_year"))
    targets = list(
        Target.objects.filter(indicator__agency=agency)
        .select_related("indicator", "sasaran")
        .order_by("year", "position")
    )
    # a yearly or end target as shown: its number, or a range kept as its text ('80–90')
    stored: dict[tuple[int, int, int], object] = {
        (t.plan_id, t.indicator_id, t.year): stored_target(t.value, t.raw)
        for t in RenstraTarget.objects.filter(plan__in=plans)
    }
    ends = {
        (e.plan_id, e.indicator_id): stored_target(e.value, e.raw) for e in EndTarget.objects.filter(plan__in=plans)
    }
    realised: dict[int, dict[int, object]] = defaultdict(dict)
    for indicator_id, year, value in Realisation.objects.filter(
        indicator__agency=agency, quarter=Realisation.YEAR
    ).values_list("indicator_id", "year", "value"):
        realised[indicator_id][year] = value
    tables = []
    for plan in plans:
        plan.year_list = list(range(plan.start_year, plan.end_year + 1))
        years = list(range(plan.start_year - 1, plan.end_year + 1))
        table = YearsTable(plan=plan, years=years)
        latest: dict[int, Target] = {}
        for t in targets:
            if plan.start_year <= t.year <= plan.end_year:
                latest[t.indicator_id] = t  # ordered by year: the last one wins
        for indicator_id, t in latest.items():
            found = end_target_problem(
                name=t.name or t.indicator.name, end_target=_number(ends.get((plan.pk, indicator_id))),
                cumulation=Cumulation(t.cumulation), direction=Direction(t.direction),
                realised={y: v for y, v in realised[indicator_id].items() if y <= plan.end_year},
            )  # fmt: skip
            table.rows.append(
                YearsRow(
                    indicator=t.indicator,
                    cells=[(y, stored.get((plan.pk, indicator_id, y))) for y in years],
                    warning=found.message if found else "",
                    end=ends.get((plan.pk, indicator_id)),
                    unit=t.unit,
                    sasaran=t.sasaran.name if t.sasaran_id else "",
                )
            )
        tables.append(table)
    return {"years_tables": tables}


def _number(shown):
    return shown if isinstance(shown, Decimal) else None


@login_required
@require_POST
def save_years(request, region, agency, plan):
    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    plan = get_object_or_404(PlanPeriod, pk=plan, agency=agency)
    changes, problems = [], []
    units = dict(Indicator.objects.filter(agency=agency).values_list("pk", "unit"))  # grades need their scale
    for key, raw in request.POST.items():
        if not key.startswith("y_"):
            continue
        _prefix, indicator_raw, year_raw = (key.split("_") + ["", ""])[:3]
        if not (indicator_raw.isdigit() and year_raw.isdigit()) or int(indicator_raw) not in units:
            continue
        if f"o_{key}" in request.POST and raw.strip() == request.POST[f"o_{key}"].strip():
            continue  # not touched: only what the person changed is written
        try:
            value = parse_target(raw[:60], units[int(indicator_raw)])
        except Exception as exc:  # a ValidationError naming what was read
            problems.append(f"{year_raw}: {' '.join(getattr(exc, 'messages', [str(exc)]))}")
            continue
        written = stored_text(value, raw)
        changes.append(writes.SetRenstraYear(plan.pk, int(indicator_raw), int(year_raw), stored_number(value), written))
    if problems:
        messages.error(request, _("Tidak disimpan: ") + "; ".join(problems[:5]))
        return redirect(f"/{agency.region.slug}/{agency.slug}/renstra/#tahunan-{plan.pk}")
    try:
        count = writes.apply_plan(request.user, agency, changes)
    except (Refused, core.Conflict) as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("%(n)s target Renstra disimpan.") % {"n": count})
    return redirect(f"/{agency.region.slug}/{agency.slug}/renstra/#tahunan-{plan.pk}")


@require_safe
def public_page(request, region, agency):
    """The Renstra as the public reads it: each period's sasaran (with the RPJMD sasaran they serve),
    indicators, baseline, yearly and end targets, and the end targets already passed."""
    from .models import Sasaran

    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    return render(
        request,
        "performance/renstra_public.html",
        {
            "agency": agency,
            "region": agency.region,
            "sasaran": Sasaran.objects.filter(agency=agency)
            .select_related("rpjmd_sasaran__tujuan__rpjmd")
            .order_by("id"),
            **renstra_years(agency),
            **programs_context(agency),
        },
    )


@login_required
@require_POST
def plan_action(request, region, agency, plan):
    """Add a programme or kegiatan to the Renstra, or keep the Renstra as it stands as a new version."""
    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    plan = get_object_or_404(PlanPeriod, pk=plan, agency=agency)
    try:
        if request.POST.get("form") == "tujuan_indicator":
            from .models import Tujuan

            tujuan = get_object_or_404(Tujuan, pk=(request.POST.get("tujuan", "") or "0")[:12], plan=plan)
            writes.add_tujuan_indicator(request.user, agency, tujuan, request.POST)
            messages.success(request, _("Indikator tujuan ditambahkan."))
        elif request.POST.get("form") == "version":
            version = writes.record_version(request.user, agency, plan, request.POST.get("reason", ""))
            messages.success(request, _("Renstra disimpan sebagai versi %(n)s.") % {"n": version.number})
        else:
            writes.add_program(request.user, agency, plan, request.POST)
            messages.success(request, _("Program / kegiatan Renstra ditambahkan."))
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    return redirect(f"/{agency.region.slug}/{agency.slug}/renstra/#program-{plan.pk}")


@require_safe
def version_page(request, region, agency, pk):
    from .models import RenstraVersion

    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    version = get_object_or_404(RenstraVersion.objects.select_related("plan", "created_by"), pk=pk, plan__agency=agency)
    return render(
        request,
        "performance/renstra_version.html",
        {"agency": agency, "region": agency.region, "version": version, "content": version.content},
    )


def programs_context(agency: Agency) -> dict:
    """Tujuan with their indicators, programmes and versions of each Renstra, for its pages (four queries)."""
    from .models import RenstraProgram, RenstraVersion

    programs = defaultdict(list)
    for p in RenstraProgram.objects.filter(plan__agency=agency):
        programs[p.plan_id].append(p)
    versions = defaultdict(list)
    for v in RenstraVersion.objects.filter(plan__agency=agency).order_by("number"):
        versions[v.plan_id].append(v)
    from .models import Tujuan

    tujuan = defaultdict(list)
    for t in Tujuan.objects.filter(plan__agency=agency).prefetch_related("indicators").order_by("pk"):
        tujuan[t.plan_id].append(t)
    return {"programs_by_plan": dict(programs), "versions_by_plan": dict(versions), "tujuan_by_plan": dict(tujuan)}


@require_safe
def renstra_download(request, region, agency, plan, fmt):
    """One Renstra as PDF, DOCX or XLSX: tujuan and their indicators, sasaran indicators with baseline,
    yearly and end targets, programmes and kegiatan with pagu."""

    from django.http import Http404, HttpResponse

    from kinerja.reports.plans import TargetRow
    from kinerja.reports.plans import renstra as build
    from kinerja.reports.render import FORMATS
    from kinerja.reports.render import render as render_report

    if fmt not in FORMATS:
        raise Http404("Format tidak dikenal.")
    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    plan = get_object_or_404(PlanPeriod, pk=plan, agency=agency)
    table = next(t for t in renstra_years(agency)["years_tables"] if t.plan.pk == plan.pk)
    extra = programs_context(agency)

    def years(mapping):
        return {int(y): Decimal(v) for y, v in mapping.items()}

    tujuan = [
        TargetRow(
            group=t.name, name=i.name, unit=i.unit, baseline=i.baseline, targets=years(i.targets), end=i.end_target
        )  # fmt: skip
        for t in extra["tujuan_by_plan"].get(plan.pk, [])
        for i in t.indicators.all()
    ]
    indicators = [
        TargetRow(
            group=row.sasaran,
            name=row.indicator.name,
            unit=row.unit,
            baseline=row.cells[0][1],
            targets=dict(row.cells[1:]),
            end=row.end,
            note=row.warning[:200],
        )  # fmt: skip
        for row in table.rows
    ]
    programs = [
        TargetRow(
            group="Program" if p.level == "program" else "Kegiatan",
            name=f"{p.name} — {p.indicator}".strip(" —"),
            unit=p.unit,
            targets=years(p.targets),
            end=p.end_target,
            code=p.code,
            pagu=p.pagu,
        )  # fmt: skip
        for p in extra["programs_by_plan"].get(plan.pk, [])
    ]
    # the name the agency has at the plan's end: a plan that ended before a reorganisation keeps the former name,
    # a plan running across it is revised under the new one (never today's date: the same file every time)
    name = agency.name_in(plan.end_year)
    report = build(name, agency.region.name_in(plan.end_year), plan.start_year, plan.end_year, tujuan=tujuan,
                   indicators=indicators, programs=programs)  # fmt: skip
    response = HttpResponse(render_report(report, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="renstra-{agency.slug}-{plan.start_year}-{plan.end_year}.{fmt}"'
    )
    return response
