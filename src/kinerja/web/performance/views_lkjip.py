"""The LKjIP page of an agency's year: what kinerja writes from the figures, what the agency still has to
write, the form for its own words while the year is editable, and the whole report to download."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.core import workflow
from kinerja.core.workflow import Refused
from kinerja.reports import lkjip as report
from kinerja.reports.build import by_sasaran
from kinerja.reports.render import FORMATS

from . import lkjip, typed
from .access import can_edit, roles_for
from .language import in_page_language
from .reporting import agency_year_data
from .views import _agency_year, _handles_redirect


@require_http_methods(["GET", "POST"])
@_handles_redirect
def page(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    data = agency_year_data(agency_year, request.user)
    sasaran = list(by_sasaran(data.lines))
    may_edit = can_edit(request.user, agency_year.agency) and workflow.editable(agency_year.status)
    version = lkjip.version_of(agency_year)
    typed_back = None
    if request.method == "POST":
        try:
            lkjip.save(
                request.user, agency_year, request.POST, sasaran=sasaran,
                # a page that does not say which version it showed is taken to have shown none (0)
                seen_version=typed.record_id(request.POST.get("version")) or 0,
            )  # fmt: skip
        except Refused as exc:
            messages.error(request, in_page_language(exc))
            typed_back = request.POST  # what was typed stays on the page
        else:
            messages.success(request, _("Naskah LKjIP disimpan."))
            return redirect(request.path)
    words = data.narrative
    text = (lambda name, kept: typed_back.get(name, kept)) if typed_back is not None else (lambda name, kept: kept)
    sections = {name: text(name, getattr(words, name)) for name in lkjip.SECTIONS}
    analyses = []
    for number, name in enumerate(sasaran):
        causes, solutions = words.analysis(name)
        lines = [line for line in data.lines if line.sasaran == name]
        analyses.append(
            {
                "number": number,
                "name": name,
                "lines": [report.indicator_sentence(line) for line in lines],
                "causes": text(f"causes_{number}", causes),
                "solutions": text(f"solutions_{number}", solutions),
            }
        )
    return render(
        request,
        "performance/lkjip.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "region": agency_year.agency.region,
            "overview": report.overview(data),
            "missing": report.missing_parts(words, sasaran) if roles_for(request.user, agency_year.agency) else [],
            "sections": sections,
            "analyses": analyses,
            "version": version,
            "may_edit": may_edit,
            "max_section": lkjip.MAX_SECTION,
            "formats": list(FORMATS),
        },
    )
