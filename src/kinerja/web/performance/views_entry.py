"""Data entry and the yearly cycle. Every view checks role and agency on the server."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.core import achievement as rules
from kinerja.core import workflow
from kinerja.core.model import Cumulation, Direction
from kinerja.core.numbers import format_id, format_plain
from kinerja.core.values import stored_value
from kinerja.core.workflow import Refused

from . import cycle, entry, selectors
from .access import can_edit, can_view, is_admin, require_edit, roles_for
from .forms import (
    BudgetForm,
    BudgetItemForm,
    CommentForm,
    IndicatorMetaForm,
    IndicatorYearForm,
    NewIndicatorForm,
    parse_number,
)
from .models import (
    Agency,
    AgencyYear,
    AuditEvent,
    FindingRecord,
    Indicator,
    Realisation,
    Target,
)
from .views import _agency_year  # the same lookup and access check as the pages
from .windows import window_state

QUARTER_FIELDS = {"q1": 1, "q2": 2, "q3": 3, "q4": 4, "year": 0}


def _year_url(agency_year, name="performance:agency_year", **extra) -> str:
    agency = agency_year.agency
    return reverse(
        name, kwargs={"region": agency.region.slug, "agency": agency.slug, "year": agency_year.year, **extra}
    )


@login_required
@require_GET
def entry_page(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    view = selectors.agency_year_view(agency_year, request.user)
    budget = view.budget
    windows = {q: window_state(agency_year.agency, year, q) for q in range(5)}
    return render(
        request,
        "performance/entry.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "region": agency_year.agency.region,
            "view": view,
            "editable": workflow.editable(agency_year.status),
            "windows": windows,
            "budget_form": BudgetForm(
                initial={
                    "anggaran": format_id(budget.anggaran, 0) if budget and budget.anggaran is not None else "",
                    "realisasi": format_id(budget.realisasi, 0) if budget and budget.realisasi is not None else "",
                }
            ),
            "budget_version": budget.version if budget else 0,
            "new_form": NewIndicatorForm(),
            "item_form": BudgetItemForm(),
            "items": list(budget.items.select_related("sasaran").order_by("id")) if budget else [],
            "sasaran_names": sorted({row.sasaran for group in view.groups for row in group.rows}),
        },
    )


def _id(text) -> int:
    """A record id from a request; anything that is not one matches nothing (404, never 500)."""
    try:
        return int(text)
    except (TypeError, ValueError):
        return 0


def _report_errors(request, form) -> None:
    """A form's errors as messages, each with the label of its field, so nothing typed is lost silently."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _figures(indicator, year):
    target = Target.objects.filter(indicator=indicator, year=year).first()
    realisations = {r.quarter: r for r in Realisation.objects.filter(indicator=indicator, year=year)}
    return target, realisations


def _text(value) -> str:
    return "" if value is None else format_plain(value)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_entry(request, region, agency, year, pk):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    indicator = get_object_or_404(Indicator, pk=pk, agency=agency_year.agency)
    target, realisations = _figures(indicator, year)
    if target is None:
        raise Http404("Indikator ini tidak ada dalam rencana tahun ini.")
    versions = {"target": target.version}
    originals = {"target": _text(target.value)}
    for field, quarter in QUARTER_FIELDS.items():
        row = realisations.get(quarter)
        versions[field] = row.version if row else 0
        originals[field] = _text(row.value) if row else ""
    year_row = realisations.get(0)
    if request.method == "POST":
        form = IndicatorYearForm(request.POST, request.FILES)
        meta_form = IndicatorMetaForm(request.POST, prefix="meta")
        if form.is_valid():
            edits = []
            for field in ("target", *QUARTER_FIELDS):
                seen = request.POST.get(f"o_{field}", "")
                try:
                    seen_value = parse_number(seen)
                except Exception:  # a tampered hidden field: treat as unseen
                    seen_value = object()
                new_value = form.cleaned_data[field]
                if new_value != seen_value:
                    edits.append(
                        entry.Edit(
                            field=field,
                            value=new_value,
                            seen_version=_id(request.POST.get(f"v_{field}", "0")),
                            raw=request.POST.get(field, "").strip(),
                        )
                    )
            note = form.cleaned_data["note"]
            note = note if note != (year_row.note if year_row else "") else None
            try:
                changed = entry.save_indicator_year(
                    user=request.user,
                    agency_year=agency_year,
                    indicator=indicator,
                    edits=edits,
                    note=note,
                    evidence=form.cleaned_data.get("evidence"),
                )
                if meta_form.is_valid():
                    changed += entry.update_indicator(
                        user=request.user, agency_year=agency_year, indicator=indicator, fields=meta_form.cleaned_data
                    )
            except Refused as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"{changed} perubahan disimpan." if changed else "Tidak ada perubahan.")
                return redirect(_year_url(agency_year, "performance:indicator_entry", pk=indicator.pk))
    else:
        form = IndicatorYearForm(initial={**originals, "note": year_row.note if year_row else ""})
        meta_form = IndicatorMetaForm(
            prefix="meta",
            initial={
                "direction": indicator.direction,
                "cumulation": indicator.cumulation,
                "definition": indicator.definition,
                "data_source": indicator.data_source,
                "is_iku": indicator.is_iku,
            },
        )
    unit = indicator.unit or None
    realisasi = selectors.year_realisation(
        (year_row.value, year_row.raw) if year_row else None,
        {q: (r.value, r.raw) for q, r in realisations.items() if q},
        indicator.cumulation,
        unit,
    )
    achieved, band = selectors.compute(stored_value(target.value, target.raw, unit), realisasi, indicator.direction)
    history = (
        AuditEvent.objects.filter(agency=agency_year.agency, year=year, label__endswith=indicator.name)
        .select_related("user")
        .order_by("-at", "-id")[:30]
    )
    return render(
        request,
        "performance/indicator_entry.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "region": agency_year.agency.region,
            "indicator": indicator,
            "form": form,
            "meta_form": meta_form,
            "versions": versions,
            "originals": originals,
            "editable": workflow.editable(agency_year.status),
            "capaian": achieved,
            "band": band,
            "realisasi": realisasi,
            "year_row": year_row,
            "history": history,
            "windows": {q: window_state(agency_year.agency, year, q) for q in range(5)},
        },
    )


@login_required
@require_POST
def budget_entry(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    form = BudgetForm(request.POST)
    if not form.is_valid():
        _report_errors(request, form)
        return redirect(_year_url(agency_year, "performance:entry"))
    seen = _id(request.POST.get("version", "0"))
    edits = [
        entry.Edit(field=f, value=form.cleaned_data[f], seen_version=seen, raw=request.POST.get(f, ""))
        for f in ("anggaran", "realisasi")
    ]
    try:
        changed = entry.save_budget(user=request.user, agency_year=agency_year, edits=edits)
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Anggaran disimpan." if changed else "Tidak ada perubahan anggaran.")
    return redirect(_year_url(agency_year, "performance:entry"))


@login_required
@require_POST
def indicator_new(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    form = NewIndicatorForm(request.POST)
    if not form.is_valid():
        _report_errors(request, form)
        return redirect(_year_url(agency_year, "performance:entry"))
    data = form.cleaned_data
    try:
        indicator = entry.add_indicator(
            user=request.user,
            agency_year=agency_year,
            name=data["name"],
            unit=data["unit"],
            direction=data["direction"],
            cumulation=data["cumulation"],
            sasaran_name=data["sasaran"],
            target=data["target"],
            target_raw=request.POST.get("target", ""),
            definition=data["definition"],
            data_source=data["data_source"],
            is_iku=data["is_iku"],
        )
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect(_year_url(agency_year, "performance:entry"))
    messages.success(request, f"Indikator '{indicator.name}' ditambahkan.")
    return redirect(_year_url(agency_year, "performance:indicator_entry", pk=indicator.pk))


@login_required
@require_POST
def indicator_remove(request, region, agency, year, pk):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    indicator = get_object_or_404(Indicator, pk=pk, agency=agency_year.agency)
    try:
        entry.delete_indicator_year(user=request.user, agency_year=agency_year, indicator=indicator)
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"'{indicator.name}' dikeluarkan dari rencana tahun {year}.")
    return redirect(_year_url(agency_year, "performance:entry"))


@login_required
@require_POST
def workflow_action(request, region, agency, year, action):
    agency_year = _agency_year(request, region, agency, year)
    if action not in {a.value for a in workflow.Action}:
        raise Http404("Tindakan tidak dikenal.")
    roles = roles_for(request.user, agency_year.agency)
    if not roles & workflow.transition_for(action).roles:
        raise PermissionDenied("Peran Anda tidak berhak melakukan tindakan ini.")
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        cycle.act(user=request.user, agency_year=agency_year, action=action, comment=comment)
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        agency_year.refresh_from_db()
        messages.success(request, f"Status tahun {year}: {agency_year.get_status_display()}.")
    return redirect(_year_url(agency_year))


@login_required
@require_POST
def explain_finding(request, region, agency, year, pk):
    agency_year = _agency_year(request, region, agency, year)
    finding = get_object_or_404(FindingRecord, pk=pk, agency=agency_year.agency, year=year)
    try:
        cycle.explain_finding(user=request.user, finding=finding, explanation=request.POST.get("explanation", ""))
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Penjelasan disimpan.")
    return redirect(_year_url(agency_year) + "#temuan")


@login_required
@require_POST
def new_year(request, region, agency):
    """Start a year in draft: the previous year's indicators and sasaran, targets still empty."""
    agency = get_object_or_404(Agency, region__slug=region, slug=agency)
    require_edit(request.user, agency)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, "Tahun tidak sah.")
        return redirect("performance:agency", region=region, agency=agency.slug)
    if not 2000 <= year <= 2100:
        messages.error(request, "Tahun tidak sah.")
        return redirect("performance:agency", region=region, agency=agency.slug)
    agency_year, created = entry.start_year(user=request.user, agency=agency, year=year)
    if created:
        messages.success(request, f"Tahun {year} dibuat sebagai draf.")
    else:
        messages.info(request, f"Tahun {year} sudah ada.")
    return redirect("performance:entry", region=region, agency=agency.slug, year=year)


@login_required
@require_GET
def capaian_preview(request):
    """The capaian of a target and realisation as typed, computed by the core on the server."""
    indicator = get_object_or_404(Indicator, pk=_id(request.GET.get("indikator")))
    if not can_edit(request.user, indicator.agency):
        raise PermissionDenied
    values = {}
    for name, label in (
        ("target", "Target"),
        ("q1", "TW I"),
        ("q2", "TW II"),
        ("q3", "TW III"),
        ("q4", "TW IV"),
        ("year", "Realisasi tahun"),
    ):
        try:
            values[name] = parse_number(request.GET.get(name, ""))
        except ValidationError as exc:
            return JsonResponse({"ok": False, "error": f"{label}: {' '.join(exc.messages)}"})
    unit = indicator.unit or None
    realisasi = values["year"]
    if realisasi is None:
        quarters = [values[q] for q in ("q1", "q2", "q3", "q4")]
        realisasi = rules.year_from_quarters(quarters, Cumulation(indicator.cumulation))
    achieved, band = selectors.compute(
        stored_value(values["target"], "", unit),
        stored_value(realisasi, "", unit),
        indicator.direction or Direction.HIGHER,
    )
    return JsonResponse(
        {
            "ok": True,
            "capaian": format_id(achieved.value, 2) if achieved.value is not None else None,
            "kategori": band.label if band else None,
            "kode": band.code if band else None,
            "alasan": achieved.reason if achieved.value is None else None,
            "aturan": achieved.rule,
            "realisasi": format_id(realisasi, 2, strip_zeros=True) if realisasi is not None else None,
        }
    )


@login_required
@require_GET
def evidence(request, pk):
    row = get_object_or_404(Realisation.objects.select_related("indicator__agency"), pk=pk)
    agency_year = AgencyYear.objects.filter(agency=row.indicator.agency, year=row.year).first()
    if not (
        can_edit(request.user, row.indicator.agency)
        or is_admin(request.user)
        or (agency_year and can_view(request.user, agency_year) and request.user.is_authenticated)
    ):
        raise PermissionDenied
    if not row.evidence:
        raise Http404("Tidak ada bukti.")
    return FileResponse(row.evidence.open("rb"), as_attachment=True, filename=row.evidence_name or "bukti")


@login_required
@require_http_methods(["GET", "POST"])
def renstra(request, region, agency):
    """Plan periods (Renstra) and their end targets, per indicator."""
    from .forms import PlanForm
    from .models import EndTarget, PlanPeriod

    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    require_edit(request.user, agency)
    plan_form = PlanForm()
    if request.method == "POST" and request.POST.get("form") == "plan":
        plan_form = PlanForm(request.POST)
        if plan_form.is_valid():
            entry.add_plan(
                user=request.user,
                agency=agency,
                start_year=plan_form.cleaned_data["start_year"],
                end_year=plan_form.cleaned_data["end_year"],
            )
            messages.success(request, "Periode Renstra disimpan.")
            return redirect("performance:renstra", region=region, agency=agency.slug)
    plans = list(PlanPeriod.objects.filter(agency=agency).order_by("-start_year"))
    indicators = list(Indicator.objects.filter(agency=agency).order_by("name"))
    if request.method == "POST" and request.POST.get("form") == "sasaran":
        from .models import Sasaran

        sasaran = get_object_or_404(Sasaran, pk=_id(request.POST.get("sasaran")), agency=agency)
        plan = next((p for p in plans if str(p.pk) == request.POST.get("plan")), None)
        if entry.update_sasaran(
            user=request.user,
            sasaran=sasaran,
            name=request.POST.get("name", ""),
            plan=plan,
            tujuan_text=request.POST.get("tujuan", ""),
        ):
            messages.success(request, "Sasaran disimpan.")
        return redirect("performance:renstra", region=region, agency=agency.slug)
    if request.method == "POST" and request.POST.get("form") == "end":
        plan = get_object_or_404(PlanPeriod, pk=_id(request.POST.get("plan")), agency=agency)
        changed, problems = 0, []
        for indicator in indicators:
            key = f"end_{indicator.pk}"
            if key not in request.POST:
                continue
            try:
                value = parse_number(request.POST[key])
                seen = parse_number(request.POST.get(f"o_{key}", ""))
            except ValidationError as exc:
                problems.append(f"{indicator.name}: {' '.join(exc.messages)}")
                continue
            if value == seen:
                continue
            try:
                changed += entry.save_end_target(
                    user=request.user,
                    plan=plan,
                    indicator=indicator,
                    edit=entry.Edit(
                        field="target_akhir",
                        value=value,
                        seen_version=_id(request.POST.get(f"v_{key}", 0)),
                        raw=request.POST[key].strip(),
                    ),
                )
            except Refused as exc:
                problems.append(str(exc))
        for problem in problems:
            messages.error(request, problem)
        messages.success(request, f"{changed} target akhir disimpan.")
        return redirect("performance:renstra", region=region, agency=agency.slug)
    ends = {(e.plan_id, e.indicator_id): e for e in EndTarget.objects.filter(plan__in=plans)}
    tables = [(plan, [(indicator, ends.get((plan.pk, indicator.pk))) for indicator in indicators]) for plan in plans]
    return render(
        request,
        "performance/renstra.html",
        {
            "agency": agency,
            "region": agency.region,
            "plan_form": plan_form,
            "tables": tables,
            "text": _text,
        },
    )


@login_required
@require_POST
def budget_item_new(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    form = BudgetItemForm(request.POST)
    if not form.is_valid():
        _report_errors(request, form)
        return redirect(_year_url(agency_year, "performance:entry") + "#program")
    data = form.cleaned_data
    try:
        entry.add_budget_item(
            user=request.user,
            agency_year=agency_year,
            program=data["program"],
            kegiatan=data["kegiatan"],
            anggaran=data["anggaran"],
            realisasi=data["realisasi"],
            sasaran_name=data["sasaran"],
        )
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Baris anggaran program ditambahkan.")
    return redirect(_year_url(agency_year, "performance:entry") + "#program")


@login_required
@require_POST
def budget_item_remove(request, region, agency, year, pk):
    from .models import BudgetItem

    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    item = get_object_or_404(BudgetItem.objects.select_related("budget"), pk=pk, budget__agency=agency_year.agency)
    try:
        entry.delete_budget_item(user=request.user, agency_year=agency_year, item=item)
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Baris anggaran program dihapus.")
    return redirect(_year_url(agency_year, "performance:entry") + "#program")
