"""Each agency-year's mean capaian kept on its row, so that pages above one region rank thousands of
years with one aggregate query instead of loading every line.

store.apply keeps ``average`` (the live year) and publishing keeps ``published_average`` (the version
the public reads while the year is reopened). ``average_basis`` records the cap both were worked out
with: rows written before this existed, or after the cap setting changed, are worked out again from the
core Year on the next read (``refresh``), so a stored figure never differs from a computed one."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, DecimalField, F, Q, When

from kinerja.core import snapshot
from kinerja.core.year import Year

from .access import is_superuser, own_agency_ids, wide_region_ids
from .models import AgencyYear

PLACES = Decimal("0.0001")  # the field's four decimals: pages show two


def basis() -> str:
    from .store import capaian_cap

    cap = capaian_cap()
    return f"cap={format(cap.normalize(), 'f') if cap is not None else 'none'}"


def stored(year: Year | None) -> Decimal | None:
    value = year.average() if year is not None else None
    return value.quantize(PLACES, rounding=ROUND_HALF_UP) if value is not None else None


def refresh(agency_years) -> int:
    """Work out the averages of the rows among ``agency_years`` (a queryset) whose basis is not the
    current one; returns how many were written. Two queries when there is nothing to do: one."""
    from . import store

    current = basis()
    stale = list(agency_years.exclude(average_basis=current).defer("published"))
    if not stale:
        return 0
    live = store.load_many(stale, previous=False)
    kept = AgencyYear.objects.filter(pk__in=[ay.pk for ay in stale], published__isnull=False)
    published = dict(kept.values_list("pk", "published"))
    cap = store.capaian_cap()
    for ay in stale:
        ay.average = stored(live[ay.pk])
        ay.published_average = stored(snapshot.load(published[ay.pk], cap=cap)) if ay.pk in published else None
        ay.average_basis = current
    AgencyYear.objects.bulk_update(stale, ["average", "published_average", "average_basis"], batch_size=500)
    return len(stale)


def visible_average(user) -> Case:
    """The average ``user`` reads of each row, as an SQL expression (see store.load_visible): the live
    one for the agency's own people and its region's reviewers and admins, the published one for
    everyone else while an admin has the year reopened."""
    if is_superuser(user):
        return Case(default=F("average"), output_field=DecimalField())
    whens = []
    own, regions = own_agency_ids(user), wide_region_ids(user)
    if own or regions:
        whens.append(When(Q(agency_id__in=own) | Q(agency__region_id__in=regions), then=F("average")))
    reopened = Q(published_at__isnull=False) & ~Q(status=AgencyYear.Status.PUBLISHED)
    whens.append(When(reopened, then=F("published_average")))
    return Case(*whens, default=F("average"), output_field=DecimalField())
