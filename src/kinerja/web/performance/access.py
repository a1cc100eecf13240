"""Who may see what. Every view asks here; hiding a link is not a permission.

Operators and heads belong to an agency; reviewers and admins to a region. Nobody reads or acts on
another region's drafts. Django superusers (the installation's own administrators) see everything.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from kinerja.core.workflow import Role

from .models import AgencyYear, Membership

PUBLIC = AnonymousUser()  # whoever reads without logging in: published years only

REGION_WIDE = {Membership.Role.ADMIN, Membership.Role.REVIEWER}


def roles_of(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_kinerja_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user)) if getattr(user, "pk", None) else []
        user._kinerja_memberships = cached
    return cached


def is_superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False))


def wide_region_ids(user) -> set[int]:
    """Regions where ``user`` reviews or administers."""
    return {m.region_id for m in roles_of(user) if m.role in REGION_WIDE and m.agency_id is None and m.region_id}


def own_agency_ids(user) -> set[int]:
    return {m.agency_id for m in roles_of(user) if m.agency_id is not None}


def sees_region(user, region_id: int) -> bool:
    return is_superuser(user) or region_id in wide_region_ids(user)


def visible_years_q(user, prefix: str = "") -> Q:
    """A filter on AgencyYear (or a relation to it through ``prefix``) for what ``user`` may read."""
    if is_superuser(user):
        return Q()
    visible = Q(**{f"{prefix}status": AgencyYear.Status.PUBLISHED}) | Q(**{f"{prefix}published_at__isnull": False})
    regions = wide_region_ids(user)
    if regions:
        visible |= Q(**{f"{prefix}agency__region_id__in": regions})
    own = own_agency_ids(user)
    if own:
        visible |= Q(**{f"{prefix}agency_id__in": own})
    return visible


def can_view(user, agency_year: AgencyYear | None) -> bool:
    if agency_year is None:
        return False
    if agency_year.is_public:  # published, or reopened after publication (the published version shows)
        return True
    return bool(roles_for(user, agency_year.agency))


def roles_for(user, agency) -> set[Role]:
    """The workflow roles ``user`` holds for ``agency``: its own roles, and its region's."""
    if is_superuser(user):
        return {Role.ADMIN}
    agency_id = getattr(agency, "id", agency)
    region_id = getattr(agency, "region_id", None)
    roles = set()
    for membership in roles_of(user):
        if membership.agency_id is not None:
            if membership.agency_id == agency_id:
                roles.add(Role(membership.role))
        elif membership.role in REGION_WIDE and region_id is not None and membership.region_id == region_id:
            roles.add(Role(membership.role))
    return roles


def is_admin(user, region_id: int | None = None) -> bool:
    """An admin at all (``region_id`` None), or of that region."""
    if is_superuser(user):
        return True
    return any(m.role == Role.ADMIN and (region_id is None or m.region_id == region_id) for m in roles_of(user))


def can_edit(user, agency) -> bool:
    """Operators of the agency, and admins of its region, enter its data."""
    return bool(roles_for(user, agency) & {Role.OPERATOR, Role.ADMIN})


def require_edit(user, agency) -> None:
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah data perangkat daerah ini.")
