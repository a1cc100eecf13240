"""Petakan kolom: a table of the agency's own layout imported by naming its header row, year and columns
(kinerja.readers.mapping), then previewed and confirmed like any document import."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.core.workflow import Refused
from kinerja.isolation import preview_lines
from kinerja.readers import ReadError
from kinerja.readers.layout import Line
from kinerja.readers.mapping import FIELDS, LABELS, REQUIRED, ColumnMap, guess, letter, problems

from . import kept
from .import_flow import STALE_PREVIEW, agencies_for, preview, stored_step
from .models import Agency
from .services import ImportRefused, isolated_work, plan_file

SHOWN = {  # the fields as the page names them (kinerja.readers.mapping.LABELS in the interface's language)
    "sasaran": _("Sasaran strategis"),
    "indikator": _("Indikator kinerja"),
    "target": _("Target"),
    "satuan": _("Satuan"),
    "realisasi": _("Realisasi"),
    "capaian": _("% capaian tertulis"),
}


MIN_CELLS = 3  # a line of a table: an indicator, a target and a realisation at least


def start(request, form, path: Path, name: str, agency: Agency, *, reason: str = ""):
    """The upload's first lines read (in a child process, as every upload) and the mapping page opened;
    the upload ``form`` again with the reason when there is nothing to map (from a preview, with no form: the
    upload page with the reason as a message)."""

    def refused(message: str):
        path.unlink(missing_ok=True)
        if form is None:
            messages.error(request, message)
            return redirect("performance:document_import")
        form.add_error("document", message)
        return render(request, "performance/import_upload.html", {"agencies": agencies_for(request.user), "form": form})

    try:
        lines = isolated_work(path, preview_lines)
    except ReadError as exc:
        return refused(str(exc).replace(path.name, name))
    if not any(sum(1 for cell in line.cells if cell) >= MIN_CELLS for line in lines):
        # no table to name columns of: the reading's own answer stands
        return refused(reason or f"{name}: tidak ada baris bertabel (tiga sel atau lebih) untuk dipetakan")
    token = secrets.token_urlsafe(16)
    request.session[f"map:{token}"] = {
        "path": str(path),
        "name": name[:300],
        "agency": agency.pk,
        "reason": reason,
        "lines": [[line.number, list(line.cells)] for line in lines],
    }
    return redirect("performance:document_import_map", token=token)


@login_required
@require_POST
def from_preview(request, token):
    """A preview the person finds misread (another layout taken for a known table): the same upload mapped."""
    stored, agency = stored_step(request, f"import:{token}", STALE_PREVIEW)
    if stored is None:
        return redirect("performance:document_import")
    request.session.pop(f"import:{token}", None)
    path = Path(stored["path"])
    kept.forget_reading(path)  # the preview's reading is not what will be imported
    return start(request, None, path, stored["name"], agency)


def _digits(text: str) -> bool:
    """Plain ASCII digits only: '²' and '٣' are digits to str.isdigit but no column or year typed here."""
    return text.isascii() and text.isdigit()


def _typed_mapping(post, lines: list[Line]) -> tuple[ColumnMap | None, list[str]]:
    """The mapping as chosen on the page; every choice that is not one of the page's own is refused."""
    errors = []
    numbers = {line.number for line in lines}
    width = max(len(line.cells) for line in lines)
    try:
        header = int(post.get("header", ""))
    except ValueError:
        header = None
    if header not in numbers:
        errors.append("pilih baris judul kolom dari daftar")
    year_text = post.get("year", "").strip()
    year = int(year_text) if _digits(year_text) and len(year_text) == 4 else 0
    columns = []
    for name in FIELDS:
        chosen = post.get(f"column-{name}", "")
        if chosen == "":
            continue
        if not _digits(chosen) or len(chosen) > 3 or int(chosen) >= width:
            errors.append(f"kolom {LABELS[name].lower()} tidak ada di tabel")
            continue
        columns.append((name, int(chosen)))
    if errors:
        return None, errors
    mapping = ColumnMap(header=header, year=year, columns=tuple(columns))
    return mapping, problems(mapping, lines)


@login_required
@require_http_methods(["GET", "POST"])
def page(request, token):
    stored, agency = stored_step(request, f"map:{token}", "Pemetaan ini sudah tidak berlaku; unggah ulang dokumennya.")
    if stored is None:
        return redirect("performance:document_import")
    lines = [Line(number, tuple(cells)) for number, cells in stored["lines"]]
    path = Path(stored["path"])
    errors: list[str] = []
    mapping = guess(lines)
    if request.method == "POST":
        mapping, errors = _typed_mapping(request.POST, lines)
        if not errors:
            try:
                plan = plan_file(path, agency, isolated=True, mapping=mapping)
            except (ReadError, Refused, ImportRefused, OSError) as exc:
                errors = [str(exc).replace(path.name, stored["name"])]
            else:
                request.session.pop(f"map:{token}", None)
                return preview(request, agency, path, stored["name"], plan, mapping.as_dict())
    width = max(len(line.cells) for line in lines)
    chosen = dict(mapping.columns) if mapping is not None else {}
    fields = [(name, SHOWN[name], name in REQUIRED, chosen.get(name)) for name in FIELDS]
    return render(
        request,
        "performance/import_map.html",
        {
            "agency": agency,
            "name": stored["name"],
            "reason": stored["reason"],
            "lines": [(line.number, list(line.cells) + [""] * (width - len(line.cells))) for line in lines],
            "letters": [(index, letter(index)) for index in range(width)],
            "fields": fields,
            "header": mapping.header if mapping is not None else None,
            "year": (mapping.year or "") if mapping is not None else "",
            "errors": errors,
            "token": token,
        },
        status=400 if errors else 200,
    )
