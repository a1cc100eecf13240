"""Bulk Excel entry and document import from the browser: upload, preview, then confirm."""

from __future__ import annotations

import secrets
import uuid
from pathlib import Path, PurePath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kinerja.core.workflow import Refused
from kinerja.pipeline import check_files, result_json
from kinerja.readers import ReadError

from . import bulk
from .access import is_admin, require_edit, roles_of
from .forms import DocumentUploadForm, WorkbookUploadForm
from .models import Agency, LinkSuggestion, Membership
from .services import ImportRefused, confirm_link, import_file
from .views_entry import _agency_year, _report_errors, _year_url

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def bulk_template(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    response = HttpResponse(bulk.template(agency_year), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="entri-{agency_year.agency.slug}-{year}.xlsx"'
    return response


@login_required
@require_POST
def bulk_upload(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    form = WorkbookUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        _report_errors(request, form)
        return redirect(_year_url(agency_year, "performance:entry"))
    preview = bulk.read_upload(agency_year, form.cleaned_data["workbook"].read())
    token = secrets.token_urlsafe(16)
    if not preview.errors:
        request.session[f"bulk:{token}"] = {
            "agency_year": agency_year.pk,
            "changes": [c.as_dict() for c in preview.changes],
            "notes": preview.notes,
        }
    return render(
        request,
        "performance/bulk_preview.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "region": agency_year.agency.region,
            "preview": preview,
            "token": token,
        },
    )


@login_required
@require_POST
def bulk_confirm(request, region, agency, year, token):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    stored = request.session.pop(f"bulk:{token}", None)
    if stored is None or stored.get("agency_year") != agency_year.pk:
        messages.error(request, "Pratinjau ini sudah tidak berlaku; unggah ulang berkasnya.")
        return redirect(_year_url(agency_year, "performance:entry"))
    try:
        count = bulk.apply(
            user=request.user,
            agency_year=agency_year,
            changes=stored["changes"],
            notes=[tuple(n) for n in stored["notes"]],
        )
    except Refused as exc:
        messages.error(request, f"Tidak ada yang disimpan. {exc}")
    else:
        messages.success(request, f"{count} perubahan dari Excel disimpan.")
    return redirect(_year_url(agency_year, "performance:entry"))


def _upload_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "impor"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _agencies_for(user):
    if is_admin(user):
        return Agency.objects.select_related("region").order_by("region__name", "name")
    operated = [m.agency_id for m in roles_of(user) if m.role == Membership.Role.OPERATOR and m.agency_id]
    return Agency.objects.filter(pk__in=operated).select_related("region").order_by("name")


class _DryRun(Exception):
    def __init__(self, report):
        self.report = report


def _dry_run(path: Path, agency: Agency):
    """Import inside a transaction that is rolled back: what would be linked, and what is unsure."""
    try:
        with transaction.atomic():
            report = import_file(path, agency=agency.name, region=agency.region.name)
            raise _DryRun(report)
    except _DryRun as done:
        return done.report


@login_required
@require_http_methods(["GET", "POST"])
def document_import(request):
    agencies = list(_agencies_for(request.user))
    if not agencies:
        raise PermissionDenied("Anda tidak berhak mengimpor dokumen.")
    if request.method == "GET":
        return render(request, "performance/import_upload.html", {"form": DocumentUploadForm(), "agencies": agencies})
    form = DocumentUploadForm(request.POST, request.FILES)
    agency = next((a for a in agencies if str(a.pk) == request.POST.get("agency")), None)
    if agency is None:
        form.add_error(None, "Pilih perangkat daerah yang boleh Anda impor.")
    if not form.is_valid():
        return render(request, "performance/import_upload.html", {"form": form, "agencies": agencies})
    upload = form.cleaned_data["document"]
    suffix = PurePath(upload.name).suffix.lower()
    path = _upload_dir() / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    try:
        result = check_files([path])
        report = _dry_run(path, agency)
    except (ReadError, ImportRefused) as exc:
        path.unlink(missing_ok=True)
        message = str(exc).replace(path.name, upload.name)
        form.add_error("document", message)
        return render(request, "performance/import_upload.html", {"form": form, "agencies": agencies})
    token = secrets.token_urlsafe(16)
    request.session[f"import:{token}"] = {"path": str(path), "name": upload.name, "agency": agency.pk}
    data = result_json(result, with_source=False)
    return render(
        request,
        "performance/import_preview.html",
        {
            "agency": agency,
            "name": upload.name,
            "data": data,
            "token": token,
            "report": report,
            "already": not report.created,
        },
    )


@login_required
@require_POST
def document_import_confirm(request, token):
    stored = request.session.pop(f"import:{token}", None)
    if stored is None:
        messages.error(request, "Pratinjau ini sudah tidak berlaku; unggah ulang dokumennya.")
        return redirect("performance:document_import")
    agency = get_object_or_404(Agency.objects.select_related("region"), pk=stored["agency"])
    require_edit(request.user, agency)
    path = Path(stored["path"])
    confirmed = set(request.POST.getlist("link"))
    try:
        with transaction.atomic():
            report = import_file(
                path, agency=agency.name, region=agency.region.name, user=request.user, display_name=stored["name"]
            )
            linked = 0
            for name, candidate, _score in report.suggestions:
                if f"{name}\u241f{candidate}" not in confirmed:
                    continue
                suggestion = LinkSuggestion.objects.filter(
                    indicator__agency=agency,
                    indicator__name=name,
                    candidate__name=candidate,
                    status=LinkSuggestion.Status.PENDING,
                ).first()
                if suggestion is not None:
                    confirm_link(suggestion)
                    linked += 1
    except (ReadError, ImportRefused) as exc:
        messages.error(request, f"Impor dibatalkan, basis data tidak berubah: {exc}")
        return redirect("performance:document_import")
    finally:
        path.unlink(missing_ok=True)
    if not report.created:
        messages.info(request, f"{stored['name']} sudah pernah diimpor; tidak ada yang diubah.")
    else:
        messages.success(
            request,
            f"{stored['name']} diimpor: {report.rows} baris, {report.findings} temuan, "
            f"{linked} tautan indikator dikonfirmasi.",
        )
    return redirect("performance:import_findings", pk=report.file.pk)
