"""Data entry and the yearly cycle. Every view checks role and agency on the server."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kinerja.core import workflow
from kinerja.core import year as core
from kinerja.core.numbers import format_id
from kinerja.core.units import default_cumulation
from kinerja.core.values import plain_figure
from kinerja.core.workflow import Refused

from . import cycle, plausible, revert, selectors, store, typed, views_renstra, views_rpjmd
from . import renstra as renstra_writes
from .access import can_edit, can_view, is_admin, require_edit, roles_for
from .forms import (
    BudgetForm,
    BudgetItemForm,
    CommentForm,
    IndicatorMetaForm,
    IndicatorYearForm,
    NewIndicatorForm,
    parse_field,
    parse_number,
    parse_target,
    stored_number,
    stored_text,
)
from .language import in_page_language
from .models import (
    Agency,
    AgencyYear,
    AuditEvent,
    FindingRecord,
    Indicator,
    MergedIndicator,
    Realisation,
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
@require_safe
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
                    "anggaran": format_id(budget.anggaran.value, 0) if budget.anggaran.value is not None else "",
                    "realisasi": format_id(budget.realisasi.value, 0) if budget.realisasi.value is not None else "",
                    "waiver": budget.waiver,
                }
            ),
            "budget_version": budget.version,
            "new_form": NewIndicatorForm(),
            "item_form": BudgetItemForm(),
            "items": budget.items,
            "sasaran_names": sorted({row.sasaran for group in view.groups for row in group.rows}),
        },
    )


def _id(text) -> int:
    """A record id or version from a request; anything that is not one is 0, which matches nothing (404,
    never 500)."""
    return typed.record_id(text) or 0


def changes_saved(count: int) -> str:
    """What a save of a form or of the whole table answers: how many changes it kept."""
    if not count:
        return _("Tidak ada perubahan.")
    return ngettext("%(count)s perubahan disimpan.", "%(count)s perubahan disimpan.", count) % {"count": count}


def _report_errors(request, form) -> None:
    """A form's errors as messages, each with the label of its field, so nothing typed is lost silently."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


META = (
    "name", "unit", "sasaran", "direction", "cumulation", "definition", "data_source", "responsible", "is_iku",
    "standard", "standard_source", "unused", "plausible_min", "plausible_max",
)  # fmt: skip


def _meta_initial(line: core.Line) -> dict:
    return {
        "name": line.name,
        "unit": line.unit,
        "sasaran": line.sasaran,
        "direction": line.direction.value,
        "cumulation": line.cumulation.value,
        "definition": line.definition,
        "data_source": line.data_source,
        "responsible": line.responsible,
        "is_iku": line.is_iku,
        "standard": plain_figure(line.standard, line.unit),
        "standard_source": line.standard_source,
        "unused": line.unused,
        "plausible_min": plain_figure(line.plausible_min, line.unit),
        "plausible_max": plain_figure(line.plausible_max, line.unit),
    }


def _asked_rule(line: core.Line) -> str:
    """The rule offered on the form: the stored one once quarters exist; before the first quarter,
    the usual rule for the unit (counts and money add up, levels and percentages take the last)."""
    return line.cumulation.value if line.has_quarters else default_cumulation(line.unit)


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _quarters_posted(form) -> bool:
    return any(form.cleaned_data.get(q) is not None for q in core.QUARTERS)


def _typed_back(line: core.Line, name: str) -> str:
    """A stored figure as the form shows it for typing over: 1.234,5, a grade, or a target range."""
    figure = line.figure(name)
    return plain_figure(figure.value, line.unit, figure.raw)


def _as_shown(name: str, text: str, unit: str):
    """What a hidden 'as shown' field held, in the type the form cleans to."""
    if name == "is_iku":
        return text in ("True", "on", "1")
    if name in core.FIGURE_INFO:
        try:
            return parse_number(text, unit)
        except ValidationError:
            return text  # not what the page showed: never equal to a figure, so what was typed is kept
    return text


def indicator_changes(line: core.Line, post, form, meta_form) -> list:
    """The changes a person made on the indicator form: only fields that differ from what the form
    showed, each with the version it showed, so a stale form is refused instead of reverting."""
    changes = []
    for name in core.FIELDS:
        try:
            shown = parse_field(name, post.get(f"o_{name}", ""), line.unit)
        except ValidationError:  # a tampered hidden field: treat as unseen
            shown = object()
        value = form.cleaned_data[name]
        if value != shown:
            changes.append(
                core.SetFigure(
                    line.indicator_id,
                    name,
                    stored_number(value),
                    stored_text(value, post.get(name, "")),
                    seen_version=_id(post.get(f"v_{name}")),
                )
            )
    note = form.cleaned_data["note"]
    if note != post.get("o_note", ""):
        changes.append(core.SetNote(line.indicator_id, note, seen_version=_id(post.get("v_note"))))
    upload = form.cleaned_data.get("evidence")
    if upload:
        changes.append(core.SetEvidence(line.indicator_id, upload.name[:255], upload, sha256=_sha256(upload)))
    if meta_form.is_valid():
        for name in META:
            value = meta_form.cleaned_data[name]
            if value == _as_shown(name, post.get(f"o_meta_{name}", ""), line.unit):
                continue
            if name == "cumulation" and not line.has_quarters and not _quarters_posted(form):
                continue  # the rule is offered with the first quarters, and saved with them
            if name in core.SETTINGS:
                changes.append(
                    core.SetSetting(line.indicator_id, name, value, seen_version=_id(post.get("v_settings")))
                )
            else:
                seen = _id(post.get("v_bounds" if name in core.BOUND_INFO else "v_info"))
                changes.append(core.SetInfo(line.indicator_id, name, value, seen_version=seen))
    return changes


@login_required
@require_POST
def revert_figure(request, region, agency, year, pk, event):
    """Undo the newest change of one of the indicator's figures, from its history."""
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    try:
        revert.undo(request.user, agency_year, pk, event)
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Perubahan dibatalkan; nilai sebelumnya dikembalikan dan tercatat di riwayat."))
    return redirect("performance:indicator_entry", region=region, agency=agency, year=year, pk=pk)


def indicator_history(agency_year, indicator_id: int):
    """The year's changes to one indicator, found by its id (and the ids merged into it)."""
    ids = [indicator_id, *MergedIndicator.objects.filter(into_id=indicator_id).values_list("old_id", flat=True)]
    return (
        AuditEvent.objects.filter(agency=agency_year.agency, year=agency_year.year, indicator_id__in=ids)
        .select_related("user")
        .order_by("-at", "-id")[:50]
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_entry(request, region, agency, year, pk):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    line = store.load(agency_year).line(pk)
    if line is None:
        raise Http404("Indikator ini tidak ada dalam rencana tahun ini.")
    if request.method == "POST":
        meta_form = IndicatorMetaForm(request.POST, prefix="meta")
        meta_ok = "meta-name" not in request.POST or meta_form.is_valid()
        # figures are read in the unit they are saved with: a unit changed on this form, if any
        unit = meta_form.cleaned_data["unit"] if "meta-name" in request.POST and meta_ok else line.unit
        form = IndicatorYearForm(request.POST, request.FILES, unit=unit)
        if form.is_valid() and meta_ok:
            try:
                applied = store.apply(
                    request.user, agency_year, indicator_changes(line, request.POST, form, meta_form), origin="form"
                )
            except Refused as exc:
                messages.error(request, in_page_language(exc))
            else:
                messages.success(request, changes_saved(applied.count))
                return redirect(_year_url(agency_year, "performance:indicator_entry", pk=pk))
        elif not meta_ok:
            _report_errors(request, meta_form)
    else:
        form = IndicatorYearForm(
            initial={
                **{name: _typed_back(line, name) for name in core.FIELDS},
                "note": line.note,
            },
            unit=line.unit,
        )
        meta_form = IndicatorMetaForm(prefix="meta", initial={**_meta_initial(line), "cumulation": _asked_rule(line)})
    year_row = Realisation.objects.filter(indicator_id=pk, year=year, quarter=0).only("id", "evidence").first()
    bounds_locked = bool(store.region_bounds(request.user, agency_year.agency, [pk]))
    if bounds_locked:  # typed back as shown, so the form sends them unchanged; store.apply refuses a change
        for name in store.BOUND_FIELDS:
            meta_form.fields[name].widget.attrs["readonly"] = True
    return render(
        request,
        "performance/indicator_entry.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "region": agency_year.agency.region,
            "line": line,
            "indicator_id": pk,
            "form": form,
            "meta_form": meta_form,
            "versions": {name: line.figure(name).version for name in core.FIELDS},
            "originals": {name: _typed_back(line, name) for name in core.FIELDS},
            "meta_originals": _meta_initial(line),
            "rule_asked": not line.has_quarters,
            "editable": workflow.editable(agency_year.status),
            "year_row": year_row,
            "history": (history := list(indicator_history(agency_year, pk))),
            "revertible": revert.revertible(history) if workflow.editable(agency_year.status) else set(),
            "windows": {q: window_state(agency_year.agency, year, q) for q in range(5)},
            "outside": core.outside_bounds(line),
            "bounds_locked": bounds_locked,
            "suggested": plausible.suggestion(agency_year, line),
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
    changes = [
        core.SetBudget(f, form.cleaned_data[f], request.POST.get(f, "").strip()[:100], seen_version=seen)
        for f in ("anggaran", "realisasi")
    ]
    changes.append(core.SetBudgetWaiver(form.cleaned_data["waiver"], seen_version=seen))
    try:
        changed = store.apply(request.user, agency_year, changes, origin="form").count
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Anggaran disimpan.") if changed else _("Tidak ada perubahan anggaran."))
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
    year_now = store.load(agency_year)
    line = core.Line(
        indicator_id=None,
        ref="form",
        name=data["name"].strip(),
        unit=data["unit"].strip(),
        direction=data["direction"],
        cumulation=data["cumulation"],
        sasaran=data["sasaran"].strip(),
        position=max((x.position for x in year_now.lines), default=0) + 1,
        figures={"target": core.Figure(data["target"], request.POST.get("target", "").strip()[:200])},
        definition=data["definition"],
        data_source=data["data_source"],
        responsible=data["responsible"],
        is_iku=data["is_iku"],
        standard=data["standard"],
        standard_source=data["standard_source"].strip(),
    )
    line = replace(line, direction=core.Direction(line.direction), cumulation=core.Cumulation(line.cumulation))
    try:
        applied = store.apply(request.user, agency_year, [core.AddLine(line)], origin="form")
    except Refused as exc:
        messages.error(request, in_page_language(exc))
        return redirect(_year_url(agency_year, "performance:entry"))
    messages.success(request, _("Indikator '%(name)s' ditambahkan.") % {"name": line.name})
    return redirect(_year_url(agency_year, "performance:indicator_entry", pk=applied.new_ids["form"]))


@login_required
@require_POST
def indicator_remove(request, region, agency, year, pk):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    indicator = get_object_or_404(Indicator, pk=pk, agency=agency_year.agency)
    try:
        store.apply(request.user, agency_year, [core.RemoveLine(indicator.pk)], origin="form")
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(
            request, _("'%(name)s' dikeluarkan dari rencana tahun %(year)s.") % {"name": indicator.name, "year": year}
        )
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
    back = _year_url(agency_year, "performance:review") if request.POST.get("back") == "reviu" else None
    try:
        signed_on = typed.day(request.POST.get("signed_on"))
        cycle.act(user=request.user, agency_year=agency_year, action=action, comment=comment, signed_on=signed_on)
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        agency_year.refresh_from_db()
        messages.success(
            request,
            _("Status tahun %(year)s: %(status)s.") % {"year": year, "status": agency_year.get_status_display()},
        )
        if agency_year.status in (AgencyYear.Status.APPROVED, AgencyYear.Status.PUBLISHED):
            back = None  # nothing left to review: back to the year's page
    return redirect(back or _year_url(agency_year))


@login_required
@require_POST
def reopen_request(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    try:
        cycle.request_reopen(user=request.user, agency_year=agency_year, reason=request.POST.get("reason", ""))
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Permintaan dikirim ke admin pemerintah daerah."))
    return redirect(_year_url(agency_year))


@login_required
@require_POST
def explain_finding(request, region, agency, year, pk):
    agency_year = _agency_year(request, region, agency, year)
    finding = get_object_or_404(FindingRecord, pk=pk, agency=agency_year.agency, year=year)
    try:
        cycle.explain_finding(user=request.user, finding=finding, explanation=request.POST.get("explanation", ""))
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Penjelasan disimpan."))
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
        messages.error(request, _("Tahun tidak sah."))
        return redirect("performance:agency", region=region, agency=agency.slug)
    if not 2000 <= year <= 2100:
        messages.error(request, _("Tahun tidak sah."))
        return redirect("performance:agency", region=region, agency=agency.slug)
    try:
        agency_year, created = store.open_year(request.user, agency, year)
    except Refused as exc:
        messages.error(request, in_page_language(exc))
        return redirect("performance:agency", region=region, agency=agency.slug)
    if created:
        messages.success(request, _("Tahun %(year)s dibuat sebagai draf.") % {"year": year})
    else:
        messages.info(request, _("Tahun %(year)s sudah ada.") % {"year": year})
    return redirect("performance:entry", region=region, agency=agency.slug, year=year)


@login_required
@require_safe
def capaian_preview(request):
    """The capaian of a target and realisation as typed, computed by the core on the server."""
    indicator = get_object_or_404(Indicator, pk=_id(request.GET.get("indikator")))
    if not can_edit(request.user, indicator.agency):
        raise PermissionDenied
    wanted = _id(request.GET.get("tahun")) or indicator.targets.order_by("-year").values_list("year", flat=True).first()
    agency_year = get_object_or_404(AgencyYear, agency=indicator.agency, year=wanted or 0)
    line = store.load_many([agency_year], previous=False, indicators=[indicator.pk])[agency_year.pk].line(indicator.pk)
    if line is None:
        raise Http404("Indikator ini tidak ada dalam rencana tahun ini.")
    figures = {}
    for name, label in (
        ("target", "Target"),
        ("q1", "TW I"),
        ("q2", "TW II"),
        ("q3", "TW III"),
        ("q4", "TW IV"),
        ("year", "Realisasi tahun"),
    ):
        typed = request.GET.get(name, "")
        try:
            value = parse_field(name, typed, line.unit)
            written = stored_text(value, typed) if isinstance(value, str) else ""
            figures[name] = core.Figure(stored_number(value), written)
        except ValidationError as exc:
            return JsonResponse({"ok": False, "error": f"{label}: {' '.join(exc.messages)}"})
    typed = replace(line, figures=figures)
    rule = request.GET.get("aturan", "")
    if rule in {c.value for c in core.Cumulation}:  # the rule being chosen with the first quarters
        typed = replace(typed, cumulation=core.Cumulation(rule))
    achieved, band, realisasi = typed.capaian, typed.band, typed.realisasi
    return JsonResponse(
        {
            "ok": True,
            "capaian": format_id(achieved.value, 2) if achieved.value is not None else None,
            "kategori": band.label if band else None,
            "kode": band.code if band else None,
            "warna": band.tone if band else None,  # the colour of the band on the region's scale
            "alasan": in_page_language(achieved.reason) if achieved.value is None and achieved.reason else None,
            "aturan": in_page_language(achieved.rule),
            "realisasi": format_id(realisasi.number, 2, strip_zeros=True) if realisasi.is_number else None,
            "realisasi_aturan": typed.realisasi_rule,
            # each typed figure outside the indicator's batas wajar, said before it is saved
            "batas_wajar": [
                f"{in_page_language(o.label)} {in_page_language(o.reason)}" for o in core.figures_outside(typed)
            ],
        }
    )


@login_required
@require_safe
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
@require_safe
def evidence_history(request, pk):
    """An evidence file as it was before it was replaced, found through the audit trail."""
    event = get_object_or_404(AuditEvent.objects.select_related("agency"), pk=pk, object_type="Realisation")
    stored = (event.before or {}).get("berkas") if isinstance(event.before, dict) else None
    if not stored or event.agency is None:
        raise Http404("Perubahan ini tidak mengganti berkas bukti.")
    agency_year = AgencyYear.objects.filter(agency=event.agency, year=event.year).first()
    if not (can_edit(request.user, event.agency) or (agency_year and roles_for(request.user, event.agency))):
        raise PermissionDenied
    from django.core.files.storage import default_storage

    if not stored.startswith("bukti/") or ".." in stored or not default_storage.exists(stored):
        raise Http404("Berkas bukti lama tidak ditemukan.")
    name = (event.before or {}).get("bukti") or "bukti"
    return FileResponse(default_storage.open(stored, "rb"), as_attachment=True, filename=name)


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
            renstra_writes.add_plan(
                request.user, agency, plan_form.cleaned_data["start_year"], plan_form.cleaned_data["end_year"]
            )
            messages.success(request, _("Periode Renstra disimpan."))
            return redirect("performance:renstra", region=region, agency=agency.slug)
    plans = list(PlanPeriod.objects.filter(agency=agency).order_by("-start_year"))
    indicators = list(Indicator.objects.filter(agency=agency).order_by("name"))
    if request.method == "POST" and request.POST.get("form") == "sasaran":
        from .models import Sasaran

        sasaran = get_object_or_404(Sasaran, pk=_id(request.POST.get("sasaran")), agency=agency)
        plan = next((p for p in plans if str(p.pk) == request.POST.get("plan")), None)
        change = renstra_writes.SetSasaran(
            sasaran_id=sasaran.pk,
            name=request.POST.get("name", "")[:2000],
            plan_id=plan.pk if plan else None,
            tujuan=request.POST.get("tujuan", "")[:2000],
        )
        try:
            if renstra_writes.apply_plan(request.user, agency, [change]):
                messages.success(request, _("Sasaran disimpan."))
        except Refused as exc:
            messages.error(request, in_page_language(exc))
        return redirect("performance:renstra", region=region, agency=agency.slug)
    if request.method == "POST" and request.POST.get("form") == "end":
        plan = get_object_or_404(PlanPeriod, pk=_id(request.POST.get("plan")), agency=agency)
        changed, problems = 0, []
        for indicator in indicators:
            key = f"end_{indicator.pk}"
            if key not in request.POST:
                continue
            try:
                value = parse_target(request.POST[key], indicator.unit)
                seen = parse_target(request.POST.get(f"o_{key}", ""), indicator.unit)
            except ValidationError as exc:
                problems.append(f"{indicator.name}: {' '.join(exc.messages)}")
                continue
            if value == seen:
                continue
            change = renstra_writes.SetEndTarget(
                plan_id=plan.pk,
                indicator_id=indicator.pk,
                value=stored_number(value),
                raw=stored_text(value, request.POST[key]),
                seen_version=_id(request.POST.get(f"v_{key}", 0)),
            )
            try:
                changed += renstra_writes.apply_plan(request.user, agency, [change])
            except Refused as exc:
                problems.append(in_page_language(exc))
        for problem in problems:
            messages.error(request, problem)
        messages.success(
            request,
            ngettext("%(count)s target akhir disimpan.", "%(count)s target akhir disimpan.", changed)
            % {"count": changed},
        )
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
            "text": plain_figure,
            **views_rpjmd.renstra_links(agency),
            **views_renstra.renstra_years(agency),
            **views_renstra.programs_context(agency),
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
    item = core.BudgetItem(
        id=None,
        program=data["program"].strip(),
        kegiatan=data["kegiatan"].strip(),
        anggaran=data["anggaran"],
        realisasi=data["realisasi"],
        sasaran=data["sasaran"].strip(),
    )
    try:
        store.apply(request.user, agency_year, [core.AddBudgetItem(item)], origin="form")
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Baris anggaran program ditambahkan."))
    return redirect(_year_url(agency_year, "performance:entry") + "#program")


@login_required
@require_POST
def budget_item_remove(request, region, agency, year, pk):
    from .models import BudgetItem

    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    item = get_object_or_404(BudgetItem.objects.select_related("budget"), pk=pk, budget__agency=agency_year.agency)
    try:
        store.apply(request.user, agency_year, [core.RemoveBudgetItem(item.pk)], origin="form")
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Baris anggaran program dihapus."))
    return redirect(_year_url(agency_year, "performance:entry") + "#program")
