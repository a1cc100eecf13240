"""The steps the document import's pages share: whose agencies a person may import into, and the preview of
what a reading would change, kept until confirmed (views_bulk.document_import, views_mapping.page)."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from kinerja.pipeline import result_json

from . import kept
from .access import is_admin, is_superuser, require_edit, roles_of
from .models import Agency, Membership

STALE_PREVIEW = "Pratinjau ini sudah tidak berlaku; unggah ulang dokumennya."


def stored_step(request, key: str, stale: str):
    """The session's record of an import step (``key``) and its agency, whose editing ``request.user`` must
    be allowed; (None, None) with ``stale`` said when the step is gone (confirmed, or another session's)."""
    stored = request.session.get(key)
    if stored is None:
        messages.error(request, stale)
        return None, None
    agency = get_object_or_404(Agency.objects.select_related("region"), pk=stored["agency"])
    require_edit(request.user, agency)
    return stored, agency


def agencies_for(user):
    """The agencies ``user`` may import into: their own as operator, their region's as admin, all as superuser."""
    if is_superuser(user):
        return Agency.objects.select_related("region").order_by("region__name", "name")
    admin_regions = [m.region_id for m in roles_of(user) if m.role == Membership.Role.ADMIN and m.agency_id is None]
    if admin_regions:
        operated = [m.agency_id for m in roles_of(user) if m.role == Membership.Role.OPERATOR and m.agency_id]
        return (
            Agency.objects.filter(Q(region_id__in=admin_regions) | Q(pk__in=operated))
            .select_related("region")
            .order_by("region__name", "name")
        )
    operated = [m.agency_id for m in roles_of(user) if m.role == Membership.Role.OPERATOR and m.agency_id]
    return Agency.objects.filter(pk__in=operated).select_related("region").order_by("name")


def _changes_by_year(plan) -> list[tuple[int, bool, list]]:
    """What the import would change, year by year, as the person reads it."""
    return [(year, year_plan.exists, year_plan.differences) for year, year_plan in sorted(plan.years.items())]


def preview(request, agency, path: Path, name: str, plan, mapping: dict | None = None):
    """The import's preview: what was read and what would change, kept until confirmed."""
    kept.keep(path, plan.result)  # read once: confirming uses what the preview read
    token = secrets.token_urlsafe(16)
    request.session[f"import:{token}"] = {
        "path": str(path),
        "name": name[:300],
        "agency": agency.pk,
        "fingerprint": plan.fingerprint,
        "mapping": mapping,  # the columns named by hand, if any: a second reading reads through them again
    }
    data = result_json(plan.result, with_source=False)
    return render(
        request,
        "performance/import_preview.html",
        {
            "agency": agency,
            "name": name,
            "data": data,
            "token": token,
            "plan": plan,
            "years": _changes_by_year(plan),
            "outside_bounds": plan.outside_bounds(),
            "already": plan.already is not None,
            "may_publish": is_admin(request.user, agency.region_id),
            "mapping": mapping,
        },
    )
