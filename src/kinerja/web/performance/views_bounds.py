"""Usulan batas wajar: the region's reviewers see a range suggested for every indicator without one; its
admins set the ranges they tick (DHIS2's min-max value generation)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import typed
from .access import is_admin, sees_region
from .models import Region
from .plausible import METHOD, apply_proposals, region_proposals

MAX_TICKED = 5000  # more ticks than any region has indicators: the rest of a crafted request is not read
MAX_SAID = 20  # messages listed after setting; the count says the rest


def _said(request, level, items: list[str], headline: str) -> None:
    if not items:
        return
    more = f" … dan {len(items) - MAX_SAID} lagi." if len(items) > MAX_SAID else ""
    level(request, f"{headline} " + " · ".join(items[:MAX_SAID]) + more)


@login_required
@require_http_methods(["GET", "POST"])
def page(request, region):
    region = get_object_or_404(Region, slug=region)
    if not sees_region(request.user, region.pk):
        raise PermissionDenied("Usulan batas wajar untuk reviewer dan admin pemerintah daerah ini.")
    admin = is_admin(request.user, region.pk)
    if request.method == "POST":
        if not admin:
            raise PermissionDenied("Batas wajar dari usulan ditetapkan oleh admin pemerintah daerah ini.")
        ticked = {typed.record_id(raw) for raw in request.POST.getlist("indikator")[:MAX_TICKED]} - {None}
        if not ticked:
            messages.error(request, _("Belum ada indikator yang dicentang."))
            return redirect("performance:bounds", region=region.slug)
        done, skipped = apply_proposals(request.user, region, ticked)
        _said(request, messages.success, done, f"Batas wajar ditetapkan untuk {len(done)} indikator:")
        _said(request, messages.warning, skipped, f"{len(skipped)} indikator tidak diubah:")
        return redirect("performance:bounds", region=region.slug)
    return render(
        request,
        "performance/bounds.html",
        {"region": region, "result": region_proposals(region), "admin": admin, "method": METHOD},
    )
