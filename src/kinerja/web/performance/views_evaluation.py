"""The SAKIP evaluation (LKE) page of an agency's year and its Laporan Hasil Evaluasi downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kinerja.core import evaluation as lke
from kinerja.core.workflow import Refused, Role
from kinerja.reports.evaluation import EvaluationData, lhe
from kinerja.reports.render import FORMATS
from kinerja.reports.render import render as render_report

from . import evaluation
from .access import roles_for
from .language import in_page_language
from .models import Evaluation
from .views_agreement import _agency, _year


def _readable(user, agency, found: Evaluation) -> bool:
    """Evaluators read drafts; the agency's people read the evaluation once it is final."""
    return evaluation.may_evaluate(user, agency) or (
        found.status == Evaluation.Status.FINAL and evaluation.may_read(user, agency)
    )


def _act(request, agency, year: int) -> None:
    form, post = request.POST.get("form", ""), request.POST
    if form == "save":
        changed = evaluation.save(request.user, agency, year, post)
        messages.success(request, _("%(n)s nilai atau catatan disimpan.") % {"n": changed} if changed else
                         _("Tidak ada perubahan."))  # fmt: skip
    elif form == "recommend":
        evaluation.add_recommendation(request.user, agency, year, post.get("text", ""))
        messages.success(request, _("Rekomendasi ditambahkan."))
    elif form == "remove":
        evaluation.remove_recommendation(request.user, agency, year, post.get("recommendation"))
        messages.success(request, _("Rekomendasi dihapus."))
    elif form == "finalize":
        scored = evaluation.finalize(request.user, agency, year, post.get("version"))
        messages.success(request, _("Evaluasi ditetapkan: predikat %(p)s.") % {"p": scored.predikat[0]})
    elif form == "reopen":
        evaluation.reopen(request.user, agency, year, post.get("reason", ""))
        messages.success(request, _("Evaluasi dibuka kembali; alasannya tercatat di riwayat."))
    elif form == "follow":
        evaluation.follow_up(request.user, agency, year, post.get("recommendation"), post.get("follow_up", ""),
                             post.get("done") == "1")  # fmt: skip
        messages.success(request, _("Tindak lanjut disimpan."))
    else:
        raise Http404(_("Formulir tidak dikenal."))


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_page(request, region, agency, year):
    agency, year = _agency(region, agency), _year(year)
    if not evaluation.may_read(request.user, agency):
        raise PermissionDenied(_("Evaluasi SAKIP hanya untuk perangkat daerah ini dan evaluatornya."))
    if request.method == "POST":
        try:
            _act(request, agency, year)
        except Refused as exc:
            messages.error(request, in_page_language(exc))
        return redirect(request.path)
    found = evaluation.find(agency, year)
    may_evaluate = evaluation.may_evaluate(request.user, agency)
    readable = _readable(request.user, agency, found)
    scored = evaluation.sheet(found) if readable else None
    template = evaluation.template_of(found)
    rows = []
    if scored is not None:
        facts = evaluation.facts(agency, year) if may_evaluate else []
        for component, value in scored.components:
            parts = [s for s in scored.parts if s.part in component.parts]
            rows.append({
                "component": component, "value": value, "parts": parts,
                "note": (found.notes or {}).get(component.code, ""),
                "facts": [f.text for f in facts if f.component == component.code],
            })  # fmt: skip
    return render(
        request,
        "performance/evaluation.html",
        {
            "agency": agency,
            "region": agency.region,
            "year": year,
            "evaluation": found,
            "sheet": scored,
            "rows": rows,
            "template": template,
            "templates": [(t.code, t.regulation) for t in lke.TEMPLATES.values()],
            "readable": readable,
            "editable": may_evaluate and found.status != Evaluation.Status.FINAL,
            "may_reopen": found.status == Evaluation.Status.FINAL and Role.ADMIN in roles_for(request.user, agency),
            "may_follow_up": found.status == Evaluation.Status.FINAL and evaluation.may_follow_up(request.user, agency),
            "recommendations": list(found.recommendations.all()) if found.pk and readable else [],
            "bands": [(f">{floor}", code, meaning) for floor, code, meaning in lke.BANDS],
        },
    )


@login_required
@require_safe
def evaluation_download(request, region, agency, year, fmt):
    if fmt not in FORMATS:
        raise Http404(_("Format tidak dikenal."))
    agency, year = _agency(region, agency), _year(year)
    found = evaluation.find(agency, year)
    if not _readable(request.user, agency, found):  # an evaluator, or the agency's people once it is final
        raise PermissionDenied(_("Evaluasi SAKIP ini belum ditetapkan."))
    data = EvaluationData(
        region=agency.region.name_in(year),
        agency=agency.name_in(year),
        year=year,
        sheet=evaluation.sheet(found),
        notes=dict(found.notes or {}),
        recommendations=[(r.text, r.follow_up, r.done) for r in found.recommendations.all()] if found.pk else [],
        final=found.status == Evaluation.Status.FINAL,
        finalized_on=found.finalized_at.date() if found.finalized_at else None,
        evaluator=(found.evaluator.get_full_name() or found.evaluator.get_username()) if found.evaluator else "",
    )
    response = HttpResponse(render_report(lhe(data), fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="evaluasi-sakip-{agency.slug}-{year}.{fmt}"'
    return response
