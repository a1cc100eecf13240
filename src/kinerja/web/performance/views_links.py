"""The agency's indicator links waiting for a person: the same indicator under two names, suggested by
an import and confirmed or rejected here (``links`` holds the rules)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from kinerja.core.workflow import Refused

from . import links
from .access import is_admin, require_edit
from .language import in_page_language
from .models import Agency, LinkSuggestion


def _agency(request, region, agency) -> Agency:
    agency = get_object_or_404(Agency.objects.select_related("region"), region__slug=region, slug=agency)
    require_edit(request.user, agency)
    return agency


@login_required
@require_safe
def page(request, region, agency):
    agency = _agency(request, region, agency)
    context = {
        "agency": agency,
        "region": agency.region,
        "rows": links.pending(agency),
        "is_admin": is_admin(request.user, agency.region_id),
    }
    return render(request, "performance/links.html", context)


@login_required
@require_POST
def decide(request, region, agency, pk):
    agency = _agency(request, region, agency)
    action = request.POST.get("action", "")
    if action not in ("confirm", "reject"):
        raise Http404(_("Tindakan tidak dikenal."))
    suggestion = LinkSuggestion.objects.filter(pk=pk, indicator__agency=agency).first()
    try:
        if suggestion is None:
            raise Refused(links.DECIDED)
        if action == "confirm":
            kept = links.confirm_link(suggestion, request.user, reason=request.POST.get("reason", ""))
            messages.success(request, _("Digabung: kini satu indikator, '%(name)s'.") % {"name": kept.name})
        else:
            links.reject_link(suggestion, request.user)
            messages.success(request, _("Kedua indikator tetap terpisah; usulan ini tidak ditawarkan lagi."))
    except Refused as exc:
        messages.error(request, in_page_language(exc))
    return redirect("performance:links", region=agency.region.slug, agency=agency.slug)
