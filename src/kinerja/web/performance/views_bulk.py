"""Bulk Excel entry and document import from the browser: upload, preview, then confirm."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from pathlib import Path, PurePath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kinerja.core.workflow import Refused
from kinerja.readers import NoTableFound, ReadError
from kinerja.readers.mapping import ColumnMap

from . import bulk, kept, views_mapping
from .access import require_edit
from .forms import DocumentUploadForm, WorkbookUploadForm
from .import_flow import STALE_PREVIEW, agencies_for, preview, stored_step
from .language import in_page_language
from .services import ImportRefused, check_file, execute, plan_file, plan_import
from .views_entry import _agency_year, _report_errors, _year_url

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_safe
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
        request.session[f"bulk:{token}"] = {"agency_year": agency_year.pk, "changes": preview.stored()}
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
        messages.error(request, _("Pratinjau ini sudah tidak berlaku; unggah ulang berkasnya."))
        return redirect(_year_url(agency_year, "performance:entry"))
    try:
        count = bulk.apply(user=request.user, agency_year=agency_year, stored=stored["changes"])
    except Refused as exc:
        messages.error(request, _("Tidak ada yang disimpan. %(reason)s") % {"reason": in_page_language(exc)})
    else:
        messages.success(
            request,
            ngettext("%(count)s perubahan dari Excel disimpan.", "%(count)s perubahan dari Excel disimpan.", count)
            % {"count": count},
        )
    return redirect(_year_url(agency_year, "performance:entry"))


def _upload_dir() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "impor"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@login_required
@require_http_methods(["GET", "POST"])
def document_import(request):
    agencies = list(agencies_for(request.user))
    if not agencies:
        raise PermissionDenied("Anda tidak berhak mengimpor dokumen.")
    context = {"agencies": agencies}
    if request.method == "GET":
        return render(request, "performance/import_upload.html", {**context, "form": DocumentUploadForm()})
    form = DocumentUploadForm(request.POST, request.FILES)
    agency = next((a for a in agencies if str(a.pk) == request.POST.get("agency")), None)
    if agency is None:
        form.add_error(None, "Pilih perangkat daerah yang boleh Anda impor.")
    if not form.is_valid():
        return render(request, "performance/import_upload.html", {**context, "form": form})
    upload = form.cleaned_data["document"]
    suffix = PurePath(upload.name).suffix.lower()
    path = _upload_dir() / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    if form.cleaned_data.get("map_columns"):
        return views_mapping.start(request, form, path, upload.name, agency)
    try:
        plan = plan_file(path, agency, isolated=True)  # reads only: nothing is locked while people work
    except NoTableFound as exc:  # a table of the agency's own layout: its columns are named by hand
        reason = str(exc).replace(path.name, upload.name)
        return views_mapping.start(request, form, path, upload.name, agency, reason=reason)
    except (ReadError, Refused) as exc:
        path.unlink(missing_ok=True)
        form.add_error("document", str(exc).replace(path.name, upload.name))
        return render(request, "performance/import_upload.html", {**context, "form": form})
    return preview(request, agency, path, upload.name, plan)


@login_required
@require_POST
def document_import_confirm(request, token):
    stored, agency = stored_step(request, f"import:{token}", STALE_PREVIEW)
    if stored is None:
        return redirect("performance:document_import")
    path = Path(stored["path"])
    choices = {key[5:]: value for key, value in request.POST.items() if key.startswith("link:")}
    published = request.POST.get("published") == "1"
    try:
        result = kept.kept(path)
        if result is None:  # not kept (an older preview, or tampered with): read the upload again, the same way
            mapping = ColumnMap.from_dict(stored["mapping"]) if stored.get("mapping") else None
            result = check_file(path, isolated=True, mapping=mapping)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if plan_import(result, agency, digest=digest).fingerprint != stored["fingerprint"]:
            raise ImportRefused(
                "Data perangkat daerah ini berubah sejak pratinjau dibuat; unggah ulang dokumennya untuk melihat "
                "perubahan yang terbaru."
            )
        plan = plan_import(result, agency, digest=digest, choices=choices)
        report = execute(
            plan, user=request.user, name=stored["name"], published=published, columns=stored.get("mapping")
        )
    except (ReadError, Refused, OSError) as exc:
        request.session.pop(f"import:{token}", None)
        kept.forget(path)
        messages.error(request, _("Impor dibatalkan, basis data tidak berubah: %(reason)s") % {"reason": exc})
        return redirect("performance:document_import")
    request.session.pop(f"import:{token}", None)
    kept.forget(path)
    if not report.created:
        messages.info(request, _("%(name)s sudah pernah diimpor; tidak ada yang diubah.") % {"name": stored["name"]})
    else:
        linked = sum(1 for value in choices.values() if value)
        messages.success(
            request,
            f"{stored['name']} diimpor: {report.rows} baris, {report.changes} perubahan, {report.findings} temuan, "
            f"{linked} tautan indikator dipilih.",
        )
    return redirect("performance:import_findings", pk=report.file.pk)
