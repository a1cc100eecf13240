"""Links made before an address changed still lead to the page.

A region's or an agency's address (its slug) is part of every URL of its pages: the published years, their
PDFs, the open data. When an admin changes it, the old address is kept (FormerAddress) and a GET that the
site would answer with 404 is sent on, with 301, to the same page at the new address. A current address
always wins: only an address that no region, or no agency of the region, has now is looked up."""

from __future__ import annotations

import re

from django.http import HttpResponsePermanentRedirect

from .models_org import REGION_PATHS, ROOT_PATHS, Agency, FormerAddress, Region

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")  # what a SlugField of 200 holds (the URLs' <slug:> is the same)


def current_path(path: str) -> str | None:
    """``path`` (below the site's root, starting with '/') with a former region or agency address replaced by
    the current one; None when neither segment is a former address."""
    parts = path.split("/")  # "/banjar/dinas/2016/" -> ["", "banjar", "dinas", "2016", ""]
    if len(parts) < 3 or not SLUG.fullmatch(parts[1]) or parts[1] in ROOT_PATHS:
        return None  # only an address can have been one: anything else (a NUL, a long text) is never looked up
    moved = False
    region = Region.objects.filter(slug=parts[1]).first()
    if region is None:
        former = FormerAddress.objects.filter(region__isnull=False, slug=parts[1]).select_related("region").first()
        if former is None:
            return None
        region, parts[1], moved = former.region, former.region.slug, True
    agency_slug = parts[2] if len(parts) > 3 and SLUG.fullmatch(parts[2]) else ""
    if (
        agency_slug
        and agency_slug not in REGION_PATHS
        and not Agency.objects.filter(region=region, slug=agency_slug).exists()
    ):
        former = FormerAddress.objects.filter(agency__region=region, slug=agency_slug).select_related("agency").first()
        if former is not None:
            parts[2], moved = former.agency.slug, True
    return "/".join(parts) if moved else None


class FormerAddressMiddleware:
    """Sends a GET or HEAD that found nothing (404) at a former address on to the current one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        moved = current_path(request.path_info)
        if moved is None:
            return response
        prefix = request.path[: len(request.path) - len(request.path_info)]  # the site's own prefix, if any
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(prefix + moved + (f"?{query}" if query else ""))
