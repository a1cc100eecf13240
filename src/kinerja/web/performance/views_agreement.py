"""Perjanjian Kinerja pages: the year's PKs and pohon kinerja, one PK (entered by the operator, signed
by the head, revised for an official reason), downloads, and the agency's units and officials.
Signed PKs are public; drafts are for the agency's people and its region's reviewers and admins."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kinerja.core.agreement import Level, RevisionReason
from kinerja.core.checks import nip_problem
from kinerja.core.workflow import Refused
from kinerja.reports.agreement import agreement as build_agreement
from kinerja.reports.agreement import pohon as build_pohon
from kinerja.reports.render import FORMATS
from kinerja.reports.render import render as render_report

from . import agreements, audit, typed
from .access import can_edit, roles_for
from .language import in_page_language
from .models import Agency, Agreement, AgreementBudget, AgreementItem, AuditEvent, Official, OrgUnit
from .pohon import year_tree

MAX_YEAR_SPAN = (2000, 2100)


def _agency(region: str, agency: str) -> Agency:
    return get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)


def _year(year: int) -> int:
    if not MAX_YEAR_SPAN[0] <= year <= MAX_YEAR_SPAN[1]:
        raise Http404(_("Tahun di luar jangkauan."))
    return year


def _insider(user, agency) -> bool:
    return bool(roles_for(user, agency))


def _visible(user, agreement: Agreement) -> bool:
    return agreement.is_signed or _insider(user, agreement.agency)


def _officials(agency: Agency):
    """The officials who may be parties of the agency's PKs: its own and its region's (Official.serves)."""
    return Official.objects.filter(Q(agency=agency) | Q(agency=None, region_id=agency.region_id)).order_by("name")


def _official(agency: Agency, raw: str) -> Official | None:
    return _pick(_officials(agency), raw, "pejabat", missing="Pejabat itu bukan pejabat perangkat daerah ini.")


def _pick(queryset, raw: str, what: str, *, missing: str = ""):
    """The record a form's select named, among those it may name; None when nothing was chosen."""
    if not raw:
        return None
    pk = typed.record_id(raw)
    if pk is None:
        raise Refused(gettext("Pilihan %(what)s tidak dikenal.") % {"what": what})
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Refused(missing or f"Pilihan {what} tidak dikenal.")
    return found


@require_http_methods(["GET", "POST"])
def year_page(request, region, agency, year):
    agency, year = _agency(region, agency), _year(year)
    insider = _insider(request.user, agency)
    if request.method == "POST":
        if not can_edit(request.user, agency):
            raise PermissionDenied(_("Anda tidak berhak mengubah perjanjian kinerja perangkat daerah ini."))
        try:
            level = Level(int(request.POST.get("level", "0"))) if request.POST.get("level", "").isdigit() else None
            if level is None:
                raise Refused(gettext("Pilih tingkat perjanjian kinerja."))
            units = OrgUnit.objects.filter(agency=agency)
            parents = Agreement.objects.filter(agency=agency, year=year).exclude(status=Agreement.Status.REPLACED)
            created = agreements.create(
                request.user, agency, year, level,
                unit=_pick(units, request.POST.get("unit", ""), "unit"),
                first_party=_official(agency, request.POST.get("first_party", "")),
                second_party=_official(agency, request.POST.get("second_party", "")),
                parent=_pick(parents, request.POST.get("parent", ""), "PK atasan"),
            )  # fmt: skip
        except Refused as exc:
            messages.error(request, in_page_language(exc))
            return redirect(request.path)
        messages.success(request, _("Draf perjanjian kinerja dibuat; isi indikator dan anggarannya."))
        return redirect(_detail_url(created))
    built = year_tree(agency, year, signed_only=not insider)
    shown = built.agreements
    rows = built.rows()
    return render(
        request,
        "performance/pk_year.html",
        {
            "agency": agency,
            "region": agency.region,
            "year": year,
            "agreements": shown,
            "pending": built.pending if insider else [],
            "rows": rows,
            "findings": built.tree.findings if rows else [],
            "may_edit": can_edit(request.user, agency),
            "levels": list(Level),
            "units": OrgUnit.objects.filter(agency=agency).select_related("head"),
            "officials": _officials(agency),
            "parents": [a for a in built.agreements if a.level < Level.ESELON_IV],
            "illustrative": any(a.illustrative for a in built.agreements),
        },
    )


def _detail_url(agreement: Agreement) -> str:
    a = agreement.agency
    return f"/{a.region.slug}/{a.slug}/pk/{agreement.year}/{agreement.pk}/"


def _agreement(request, region, agency, year, pk) -> Agreement:
    found = get_object_or_404(
        Agreement.objects.select_related("agency__region", "first_party", "second_party", "unit", "parent", "replaces"),
        pk=pk, agency__slug=agency, agency__region__slug=region, year=year,
    )  # fmt: skip
    if not _visible(request.user, found):
        raise Http404(_("Perjanjian kinerja ini belum ditandatangani."))
    return found


ACTIONS = {}


def action(name):
    def register(function):
        ACTIONS[name] = function
        return function

    return register


@action("parties")
def _parties(request, agreement):
    agreements.set_parties(
        request.user, agreement,
        first_party=_official(agreement.agency, request.POST.get("first_party", "")),
        second_party=_official(agreement.agency, request.POST.get("second_party", "")),
    )  # fmt: skip
    return _("Para pihak disimpan.")


@action("item")
def _item(request, agreement):
    supports = None
    if agreement.parent_id:
        supports = _pick(AgreementItem.objects.filter(agreement=agreement.parent), request.POST.get("supports", ""),
                         "indikator atasan")  # fmt: skip
    agreements.add_item(
        request.user, agreement, sasaran=request.POST.get("sasaran", ""), indicator=request.POST.get("indicator", ""),
        unit=request.POST.get("unit", ""), target=request.POST.get("target", "")[:60],
        is_iku=request.POST.get("is_iku") == "1", supports=supports,
    )  # fmt: skip
    return _("Indikator ditambahkan.")


@action("remove_item")
def _remove_item(request, agreement):
    item = _pick(agreement.items.all(), request.POST.get("item", ""), "indikator")
    if item is None:
        raise Refused(gettext("Pilih indikator yang dihapus."))
    agreements.remove_item(request.user, agreement, item)
    return _("Indikator dihapus.")


@action("budget")
def _budget(request, agreement):
    agreements.add_budget(
        request.user, agreement, name=request.POST.get("name", ""), code=request.POST.get("code", ""),
        anggaran=request.POST.get("anggaran", "")[:60],
    )  # fmt: skip
    return _("Baris anggaran ditambahkan.")


@action("remove_budget")
def _remove_budget(request, agreement):
    row = _pick(AgreementBudget.objects.filter(agreement=agreement), request.POST.get("row", ""), "baris anggaran")
    if row is None:
        raise Refused(gettext("Pilih baris anggaran yang dihapus."))
    agreements.remove_budget(request.user, agreement, row)
    return _("Baris anggaran dihapus.")


@action("fill")
def _fill(request, agreement):
    added = agreements.fill_from_year(request.user, agreement)
    return _("%(n)s baris diambil dari rencana tahun ini; hapus yang tidak diperjanjikan.") % {"n": added}


@action("sign")
def _sign(request, agreement):
    signed_on = typed.day(request.POST.get("signed_on"))
    agreements.sign(request.user, agreement, number=request.POST.get("number", "")[:200], signed_on=signed_on)
    return _("Perjanjian kinerja ditandatangani; versi ini dan PDF-nya tidak berubah lagi.")


@action("revise")
def _revise(request, agreement):
    new = agreements.revise(
        request.user, agreement, reason=request.POST.get("reason", ""), note=request.POST.get("note", "")
    )
    request.kinerja_next = _detail_url(new)
    return _("Draf PK Perubahan dibuat dari versi yang ditandatangani.")


@require_http_methods(["GET", "POST"])
def detail(request, region, agency, year, pk):
    agreement = _agreement(request, region, agency, year, pk)
    if request.method == "POST":
        handler = ACTIONS.get(request.POST.get("form", ""))
        if handler is None:
            raise Http404(_("Formulir tidak dikenal."))
        try:
            messages.success(request, handler(request, agreement))
        except Refused as exc:
            messages.error(request, in_page_language(exc))
        return redirect(getattr(request, "kinerja_next", None) or _detail_url(agreement))
    data = agreements.data_of(agreement)
    insider = _insider(request.user, agreement.agency)
    versions = list(
        Agreement.objects.filter(
            agency=agreement.agency, year=agreement.year, unit=agreement.unit, level=agreement.level
        ).order_by("version", "id")
    )
    items = list(agreement.items.select_related("supports"))
    return render(
        request,
        "performance/pk_detail.html",
        {
            "agreement": agreement,
            "agency": agreement.agency,
            "region": agreement.agency.region,
            "data": data,
            "rows": list(
                zip(data.items, items if len(items) == len(data.items) else [None] * len(data.items), strict=True)
            ),
            "budget": list(agreement.budget.all()),
            "problems": agreements.problems(agreement, signing=True) if not agreement.is_signed else [],
            "may_edit": can_edit(request.user, agreement.agency) and not agreement.is_signed,
            "may_sign": agreements.can_sign(request.user, agreement.agency) and not agreement.is_signed,
            "may_revise": can_edit(request.user, agreement.agency) and agreement.status == Agreement.Status.SIGNED,
            "officials": _officials(agreement.agency),
            "parent_items": list(agreement.parent.items.all()) if agreement.parent_id else [],
            "reasons": list(RevisionReason),
            "versions": [v for v in versions if v.is_signed or insider],
            "history": AuditEvent.objects.filter(
                agency=agreement.agency, year=agreement.year, origin="pk", object_id=agreement.pk
            ).select_related("user")[:50],
            "level": Level(agreement.level),
            "today": date.today().isoformat(),
        },
    )


@require_safe
def download(request, region, agency, year, pk, fmt):
    if fmt not in FORMATS:
        raise Http404(_("Format tidak dikenal."))
    agreement = _agreement(request, region, agency, year, pk)
    name = f"perjanjian-kinerja-{agreement.agency.slug}-{agreement.year}-{agreement.pk}-v{agreement.version}.{fmt}"
    if fmt == "pdf" and agreement.is_signed and agreement.pdf:
        with agreement.pdf.open("rb") as signed:
            body = signed.read()  # the signed file itself, byte for byte
    else:
        body = render_report(build_agreement(agreements.data_of(agreement)), fmt)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def pohon_pdf(request, region, agency, year):
    agency, year = _agency(region, agency), _year(year)
    built = year_tree(agency, year, signed_only=not _insider(request.user, agency))
    if not built.agreements:
        raise Http404(_("Belum ada perjanjian kinerja yang ditandatangani tahun ini."))
    report = build_pohon(
        agency.region.name_in(year), agency.name_in(year), year, built.rows(), [f.message for f in built.tree.findings]
    )
    response = HttpResponse(render_report(report, "pdf"), content_type=FORMATS["pdf"])
    response["Content-Disposition"] = f'attachment; filename="pohon-kinerja-{agency.slug}-{year}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def organisation(request, region, agency):
    """The agency's units and officials: who heads what, with pangkat/golongan, eselon and a checked NIP."""
    agency = _agency(region, agency)
    may_edit = can_edit(request.user, agency)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(_("Anda tidak berhak mengubah data perangkat daerah ini."))
        try:
            message = (
                _add_official(request, agency) if request.POST.get("form") == "official" else _add_unit(request, agency)
            )
        except Refused as exc:
            messages.error(request, in_page_language(exc))
        else:
            messages.success(request, message)
        return redirect(request.path)
    return render(
        request,
        "performance/organisation.html",
        {
            "agency": agency,
            "region": agency.region,
            "units": OrgUnit.objects.filter(agency=agency).select_related("head", "parent"),
            "officials": Official.objects.filter(agency=agency).order_by("name"),
            "may_edit": may_edit,
            "kinds": OrgUnit.Kind.choices,
            "show_nip": may_edit or bool(roles_for(request.user, agency)),
            "illustrative": OrgUnit.objects.filter(agency=agency, illustrative=True).exists(),
        },
    )


def _clean(request, name: str, limit: int, label: str, *, required: bool = False) -> str:
    value = request.POST.get(name, "").strip()
    if required and not value:
        raise Refused(gettext("%(label)s tidak boleh kosong.") % {"label": label})
    if len(value) > limit:
        raise Refused(
            gettext("%(label)s terlalu panjang (paling banyak %(limit)s karakter).") % {"label": label, "limit": limit}
        )
    return value


def _add_official(request, agency) -> str:
    nip = "".join(request.POST.get("nip", "").split())[:40]
    if nip:
        problem = nip_problem(nip)
        if problem:
            raise Refused(gettext("NIP '%(nip)s': %(problem)s.") % {"nip": nip, "problem": in_page_language(problem)})
    official = Official.objects.create(
        agency=agency, name=_clean(request, "name", 200, "Nama", required=True),
        title=_clean(request, "title", 200, "Jabatan"), rank=_clean(request, "rank", 200, "Pangkat"),
        grade=_clean(request, "grade", 10, "Golongan"), eselon=_clean(request, "eselon", 6, "Eselon"), nip=nip,
    )  # fmt: skip
    audit.record(
        user=request.user, agency=agency, year=None, action=AuditEvent.Action.CREATE, obj=official,
        label=f"pejabat {official.name}", after={"jabatan": official.title, "eselon": official.eselon}, origin="pk",
    )  # fmt: skip
    return _("Pejabat ditambahkan.")


def _add_unit(request, agency) -> str:
    kind = request.POST.get("kind", "")
    if kind not in OrgUnit.Kind.values:
        raise Refused(gettext("Pilih jenis unit."))
    name = _clean(request, "name", 200, "Nama unit", required=True)
    if OrgUnit.objects.filter(agency=agency, name=name).exists():
        raise Refused(gettext("Unit '%(name)s' sudah ada.") % {"name": name})
    unit = OrgUnit.objects.create(
        agency=agency, name=name, kind=kind,
        parent=_pick(OrgUnit.objects.filter(agency=agency), request.POST.get("parent", ""), "unit induk"),
        head=_pick(Official.objects.filter(agency=agency), request.POST.get("head", ""), "kepala unit"),
    )  # fmt: skip
    audit.record(
        user=request.user, agency=agency, year=None, action=AuditEvent.Action.CREATE, obj=unit,
        label=f"unit {unit.name}", after={"jenis": unit.get_kind_display()}, origin="pk",
    )  # fmt: skip
    return _("Unit ditambahkan.")


def _year_readable(request, agency, year: int) -> bool:
    """The Rencana Aksi and the Evaluasi Renja, realisations included, are public once the year itself
    is; the agency's people and its region's reviewers and admins read them before."""
    from .models import AgencyYear

    if _insider(request.user, agency):
        return True
    found = AgencyYear.objects.filter(agency=agency, year=year).first()
    return bool(found and found.is_public)


@require_http_methods(["GET", "POST"])
def action_plan(request, region, agency, year, pk):
    from . import action_plans

    agreement = _agreement(request, region, agency, year, pk)
    if not _year_readable(request, agreement.agency, agreement.year):
        raise Http404(_("Rencana Aksi tahun ini belum dipublikasikan."))
    if request.method == "POST" and "workbook" in request.FILES:
        return _action_plan_upload(request, agreement)
    if request.method == "POST":
        item = get_object_or_404(AgreementItem, pk=request.POST.get("item", "0")[:12] or 0, agreement=agreement)
        entries = {
            q: (request.POST.get(f"target_{q}", ""), request.POST.get(f"anggaran_{q}", "")) for q in (1, 2, 3, 4)
        }
        try:
            action_plans.save(request.user, agreement, item, entries, request.POST.get("reason", ""))
        except Refused as exc:
            messages.error(request, in_page_language(exc))
        else:
            messages.success(request, _("Rencana Aksi '%(name)s' disimpan.") % {"name": item.indicator[:80]})
        return redirect(request.path + f"#renaksi-{item.pk}")
    return render(
        request,
        "performance/action_plan.html",
        {
            "agreement": agreement,
            "agency": agreement.agency,
            "region": agreement.agency.region,
            "rows": action_plans.rows(agreement),
            "may_edit": can_edit(request.user, agreement.agency) and agreement.status != Agreement.Status.REPLACED,
        },
    )


@require_safe
def action_plan_download(request, region, agency, year, pk, fmt):
    from kinerja.core.numbers import format_id, format_plain
    from kinerja.reports.agreement import PlanRowData
    from kinerja.reports.agreement import action_plan as build_plan

    from . import action_plans

    if fmt not in FORMATS:
        raise Http404(_("Format tidak dikenal."))
    agreement = _agreement(request, region, agency, year, pk)
    if not _year_readable(request, agreement.agency, agreement.year):
        raise Http404(_("Rencana Aksi tahun ini belum dipublikasikan."))

    def shown(value, decimals=None):
        if value is None:
            return "–"
        return format_id(value, decimals) if decimals is not None else format_plain(value)

    data = [
        PlanRowData(
            indicator=row.item.indicator,
            unit=row.item.unit,
            target=shown(row.item.target) if row.item.target is not None else row.item.target_raw or "–",
            rule={"sum": "jumlah", "average": "rata-rata"}.get(row.cumulation.value, "nilai terakhir"),
            quarters=[
                (
                    shown(c.target),
                    shown(c.anggaran, 0),
                    shown(c.realisation),
                    shown(c.capaian.value, 2) if c.capaian.value is not None else "–",
                )
                for c in row.quarters
            ],
            note=(row.item.plan_reason or (row.problem.message if row.problem else "")),
        )  # fmt: skip
        for row in action_plans.rows(agreement)
    ]
    who = agreement.first_party.name if agreement.first_party_id else agreement.get_level_display()
    report = build_plan(
        agreement.agency.region.name_in(agreement.year),
        agreement.agency.name_in(agreement.year),
        agreement.year,
        who,
        data,
    )
    response = HttpResponse(render_report(report, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="rencana-aksi-{agreement.agency.slug}-{agreement.year}-{agreement.pk}.{fmt}"'
    )
    return response


@require_http_methods(["GET", "POST"])
def renja_page(request, region, agency, year):
    """The year's Renja rows and their Evaluasi Renja (Permendagri 86/2017)."""
    from . import renja
    from .models import RenjaRow

    agency, year = _agency(region, agency), _year(year)
    if not _year_readable(request, agency, year):
        raise Http404(_("Evaluasi Renja tahun ini belum dipublikasikan."))
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            if form == "add":
                renja.add_row(request.user, agency, year, request.POST)
            elif form in ("save", "remove"):
                row = get_object_or_404(
                    RenjaRow, pk=(request.POST.get("row", "") or "0")[:12], agency=agency, year=year
                )
                if form == "save":
                    renja.save_row(request.user, row, request.POST)
                else:
                    renja.remove_row(request.user, row)
            elif form == "factors":
                renja.save_factors(
                    request.user, agency, year, supporting=request.POST.get("supporting", ""),
                    hindering=request.POST.get("hindering", ""), follow_up=request.POST.get("follow_up", ""),
                )  # fmt: skip
            else:
                raise Http404(_("Formulir tidak dikenal."))
        except Refused as exc:
            messages.error(request, in_page_language(exc))
        else:
            messages.success(request, _("Disimpan."))
        return redirect(request.path)
    data, rows = renja.evaluation(agency, year)
    return render(
        request,
        "performance/renja.html",
        {
            "agency": agency,
            "region": agency.region,
            "year": year,
            "data": data,
            "rows": list(zip(data.rows, rows, strict=True)),
            "may_edit": can_edit(request.user, agency),
            "levels": RenjaRow.Level.choices,
            "quarters": (1, 2, 3, 4),
        },
    )


@require_safe
def renja_download(request, region, agency, year, fmt):
    from kinerja.reports.renja import evaluation as build_evaluation

    from . import renja

    if fmt not in ("pdf", "xlsx", "docx"):
        raise Http404(_("Format tidak dikenal."))
    agency, year = _agency(region, agency), _year(year)
    if not _year_readable(request, agency, year):
        raise Http404(_("Evaluasi Renja tahun ini belum dipublikasikan."))
    data, _rows = renja.evaluation(agency, year)
    response = HttpResponse(render_report(build_evaluation(data), fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="evaluasi-renja-{agency.slug}-{year}.{fmt}"'
    return response


def _action_plan_upload(request, agreement: Agreement):
    from django import forms
    from django.conf import settings

    from . import action_plan_excel
    from .forms import check_upload

    if not can_edit(request.user, agreement.agency):
        raise PermissionDenied(_("Anda tidak berhak mengubah Rencana Aksi perangkat daerah ini."))
    upload = request.FILES["workbook"]
    try:
        check_upload(upload, {".xlsx": (b"PK\x03\x04",)}, getattr(settings, "KINERJA_MAX_UPLOAD", 10 * 1024 * 1024))
        found, errors = action_plan_excel.read(agreement, upload.read())
        if errors:
            raise Refused("Tidak ada yang disimpan: " + " ".join(errors[:5]))
        count = action_plan_excel.apply(request.user, agreement, found)
    except forms.ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Rencana Aksi %(n)s indikator disimpan dari Excel.") % {"n": count})
    return redirect(request.path)


@require_safe
def action_plan_template(request, region, agency, year, pk):
    from . import action_plan_excel

    agreement = _agreement(request, region, agency, year, pk)
    if not can_edit(request.user, agreement.agency):
        raise PermissionDenied(_("Templat Rencana Aksi untuk operator perangkat daerah ini."))
    response = HttpResponse(action_plan_excel.template(agreement), content_type=FORMATS["xlsx"])
    response["Content-Disposition"] = (
        f'attachment; filename="rencana-aksi-templat-{agreement.year}-{agreement.pk}.xlsx"'
    )
    return response
