"""The audit trail: every change to plans, targets, realisations, budgets and workflow states."""

from __future__ import annotations

from decimal import Decimal

from kinerja.core.numbers import decimal_text

from .models import AuditEvent


def _plain(value):
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def record(
    *,
    user,
    agency,
    year,
    action,
    obj,
    label: str = "",
    before=None,
    after=None,
    comment: str = "",
    indicator_id: int | None = None,
    origin: str = "",
    region=None,
):
    """Write one audit event. ``before``/``after`` are dicts of the fields that matter. The region is the
    agency's; a change with no agency (the RPJMD) names its region."""
    if agency is not None:
        region = agency.region_id
    return AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) and getattr(user, "pk", None) else None,
        region_id=getattr(region, "pk", region),
        agency=agency,
        year=year,
        action=action,
        object_type=obj.__class__.__name__ if not isinstance(obj, str) else obj,
        object_id=getattr(obj, "pk", None),
        label=label[:500],
        before=_plain(before),
        after=_plain(after),
        comment=comment,
        indicator_id=indicator_id,
        origin=origin,
    )


def history(agency, year):
    """The year's changes, newest first."""
    return AuditEvent.objects.filter(agency=agency, year=year).select_related("user").order_by("-at", "-id")


def plan_history(region):
    """The changes to a region's RPJMD and to the links of agency sasaran to it, newest first."""
    return (
        AuditEvent.objects.filter(region=region, origin="rpjmd").select_related("user", "agency").order_by("-at", "-id")
    )
