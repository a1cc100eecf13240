"""The agency's validation rules page: each rule in words, how it stands in every year the person can
see, and the forms to add and remove rules (``validation_rules`` holds the rules of who and how)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.core.validation import MAX_TERMS, describe
from kinerja.core.workflow import Refused

from . import store, typed
from . import validation_rules as rules
from .access import can_view
from .language import in_page_language
from .models import Agency, AgencyYear, Indicator, ValidationRule

SLOTS = MAX_TERMS // 2  # indicator choices offered on each side of the form


_int = typed.record_id


def _side(post, prefix: str) -> list[tuple[int, int]]:
    terms = []
    for i in range(SLOTS):
        indicator = _int(post.get(f"{prefix}_ind_{i}", ""))
        if indicator:
            terms.append((-1 if post.get(f"{prefix}_sign_{i}") == "-" else 1, indicator))
    return terms


@login_required
@require_http_methods(["GET", "POST"])
def page(request, region, agency):
    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    if not rules.may_define(request.user, agency):
        raise PermissionDenied(_("Aturan validasi dibaca dan ditetapkan oleh perangkat daerahnya, Bappeda dan admin."))
    if request.method == "POST":
        post = request.POST
        try:
            if post.get("form") == "remove":
                record = ValidationRule.objects.filter(agency=agency, pk=_int(post.get("pk", "")) or 0).first()
                if record is None:
                    raise Refused(_("Aturan ini sudah dihapus."))
                rules.remove(request.user, record)
                messages.success(request, _("Aturan dihapus."))
            else:
                rules.add(
                    request.user, agency, name=post.get("name", ""), field=post.get("field", ""),
                    operator=post.get("operator", ""), missing=post.get("missing", ""),
                    severity=post.get("severity", ""), left=_side(post, "l"), right=_side(post, "r"),
                )  # fmt: skip
                messages.success(request, _("Aturan disimpan; hasilnya tampil di bawah dan di halaman tiap tahun."))
        except Refused as exc:
            messages.error(request, in_page_language(exc))
        return redirect("performance:rules", region=agency.region.slug, agency=agency.slug)
    years = [
        ay
        for ay in AgencyYear.objects.filter(agency=agency).select_related("signatory", "agency").order_by("-year")
        if can_view(request.user, ay)
    ]
    loaded = store.load_many(years)
    kept = rules.rules_of(agency)
    by_year = {ay.year: rules.outcomes(loaded[ay.pk], kept) for ay in years}
    shown = [
        (
            record,
            describe(rule, names),
            [(year, outcomes[i]) for year, outcomes in by_year.items()],
            rules.may_remove(request.user, record),
        )
        for i, (record, rule, names) in enumerate(kept)
    ]
    return render(
        request,
        "performance/rules.html",
        {
            "agency": agency,
            "region": agency.region,
            "rules": shown,
            "indicators": Indicator.objects.filter(agency=agency).order_by("name"),
            "slots": range(SLOTS),
            "choices": ValidationRule,
        },
    )
