"""Who may see what. Every view asks here; hiding a link is not a permission."""

from __future__ import annotations

from django.db.models import Q

from .models import AgencyYear, Membership

REGION_WIDE = {Membership.Role.ADMIN, Membership.Role.REVIEWER}


def roles_of(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_kinerja_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user))
        user._kinerja_memberships = cached
    return cached


def sees_everything(user) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return any(m.role in REGION_WIDE for m in roles_of(user))


def own_agency_ids(user) -> set[int]:
    return {m.agency_id for m in roles_of(user) if m.agency_id is not None}


def visible_years_q(user, prefix: str = "") -> Q:
    """A filter on AgencyYear (or a relation to it through ``prefix``) for what ``user`` may read."""
    published = Q(**{f"{prefix}status": AgencyYear.Status.PUBLISHED})
    if sees_everything(user):
        return Q()
    own = own_agency_ids(user)
    if own:
        return published | Q(**{f"{prefix}agency_id__in": own})
    return published


def can_view(user, agency_year: AgencyYear | None) -> bool:
    if agency_year is None:
        return False
    if agency_year.status == AgencyYear.Status.PUBLISHED or sees_everything(user):
        return True
    return agency_year.agency_id in own_agency_ids(user)


def roles_for(user, agency) -> set:
    """The workflow roles ``user`` holds for ``agency`` (kinerja.core.workflow.Role)."""
    from kinerja.core.workflow import Role

    if getattr(user, "is_superuser", False):
        return {Role.ADMIN}
    roles = set()
    for membership in roles_of(user):
        if membership.role in REGION_WIDE or membership.agency_id == getattr(agency, "id", agency):
            roles.add(Role(membership.role))
    return roles


def is_admin(user) -> bool:
    from kinerja.core.workflow import Role

    return getattr(user, "is_superuser", False) or any(m.role == Role.ADMIN for m in roles_of(user))


def can_edit(user, agency) -> bool:
    """Operators of the agency, and admins, enter its data."""
    from kinerja.core.workflow import Role

    return bool(roles_for(user, agency) & {Role.OPERATOR, Role.ADMIN})


def require_edit(user, agency) -> None:
    from django.core.exceptions import PermissionDenied

    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah data perangkat daerah ini.")
