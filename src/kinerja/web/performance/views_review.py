"""The review screen: for each indicator of a year, everything a reviewer or head needs to judge it
(figures, how the year figure was made, capaian, the operator's note and evidence, findings, earlier
years, review comments) and the cycle's next step, on one page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kinerja.core import workflow
from kinerja.core import year as core
from kinerja.core.workflow import Refused

from . import review, selectors, store, typed, validation_rules
from .access import can_edit, roles_for
from .language import in_page_language
from .models import AgencyYear, Realisation, ReviewComment
from .views import _agency_year, _handles_redirect

EARLIER_YEARS = 3


@dataclass
class ReviewRow:
    line: core.Line
    evidence_id: int | None
    findings: list = field(default_factory=list)  # stored findings (FindingRecord) of the imported form
    live: list = field(default_factory=list)  # checks run on the stored figures
    earlier: list[tuple[int, core.Line | None]] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)

    @property
    def outside(self) -> list[core.OutsideFigure]:
        """The figures outside the indicator's batas wajar: the reviewer weighs the operator's note on them."""
        return core.figures_outside(self.line)

    @property
    def open_comments(self) -> int:
        return sum(1 for c in self.comments if c.open)


def _url(agency_year: AgencyYear) -> str:
    agency = agency_year.agency
    return f"/{agency.region.slug}/{agency.slug}/{agency_year.year}/reviu/"


@require_safe
@login_required
@_handles_redirect
def review_page(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    roles = roles_for(request.user, agency_year.agency)
    if not roles:
        raise PermissionDenied("Layar reviu hanya untuk operator, reviewer, kepala perangkat daerah dan admin.")
    view = selectors.agency_year_view(agency_year, request.user)
    year_data = view.year
    ids = [line.indicator_id for line in year_data.lines]
    earlier_years = list(
        AgencyYear.objects.filter(agency=agency_year.agency, year__lt=year, year__gte=year - EARLIER_YEARS).order_by(
            "year"
        )
    )
    earlier = store.load_visible(request.user, earlier_years, previous=False, indicators=ids)
    evidence = dict(
        Realisation.objects.filter(indicator_id__in=ids, year=year, quarter=0)
        .exclude(evidence="")
        .values_list("indicator_id", "pk")
    )
    live = defaultdict(list)
    year_findings = []
    for finding in selectors.live_findings(agency_year, view):
        (live[finding.indicator_id] if finding.indicator_id else year_findings).append(finding)
    comments = review.for_year(agency_year)
    by_indicator = defaultdict(list)
    for comment in comments:
        by_indicator[comment.indicator_id].append(comment)
    stored = {row.indicator_id: row.findings for group in view.groups for row in group.rows}
    rows = [
        ReviewRow(
            line=line,
            evidence_id=evidence.get(line.indicator_id),
            findings=stored.get(line.indicator_id, []),
            live=live.get(line.indicator_id, []),
            earlier=[(ay.year, earlier[ay.pk].line(line.indicator_id)) for ay in earlier_years],
            comments=by_indicator.get(line.indicator_id, []),
        )
        for line in year_data.lines
    ]
    actions = workflow.allowed(agency_year.status, roles)
    return render(
        request,
        "performance/review.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "region": agency_year.agency.region,
            "view": view,
            "rows": rows,
            "earlier_years": [ay.year for ay in earlier_years],
            "year_comments": by_indicator.get(None, []),
            "year_findings": year_findings + view.document_findings,
            "rules_broken": validation_rules.broken(year_data, validation_rules.rules_of(agency_year.agency)),
            "open_comments": sum(1 for c in comments if c.open),
            "may_comment": review.may_comment(request.user, agency_year),
            "may_answer": can_edit(request.user, agency_year.agency),
            "actions": actions,
            "choose_date": agency_year.agency.sign_date_rule == agency_year.agency.DateRule.CHOSEN,
        },
    )


@require_POST
@login_required
@_handles_redirect
def comment_add(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    indicator_id = typed.record_id(request.POST.get("indicator", ""))
    try:
        review.add(request.user, agency_year, request.POST.get("text", ""), indicator_id)
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Komentar disimpan; operator akan melihatnya sampai menjawabnya."))
    anchor = f"#reviu-{indicator_id}" if indicator_id else "#reviu-tahun"
    return redirect(_url(agency_year) + anchor)


@require_POST
@login_required
@_handles_redirect
def comment_answer(request, region, agency, year, pk):
    agency_year = _agency_year(request, region, agency, year)
    comment = get_object_or_404(
        ReviewComment.objects.select_related("agency_year__agency"), pk=pk, agency_year=agency_year
    )
    try:
        review.answer(request.user, comment, request.POST.get("text", ""))
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    else:
        messages.success(request, _("Jawaban disimpan."))
    anchor = f"#reviu-{comment.indicator_id}" if comment.indicator_id else "#reviu-tahun"
    return redirect(_url(agency_year) + anchor)
