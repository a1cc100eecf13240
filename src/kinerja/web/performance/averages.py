"""Each agency-year's mean capaian kept on its row, so that pages above one region rank thousands of
years with one aggregate query instead of loading every line.

store.apply keeps ``average`` (the live year) and publishing keeps ``published_average`` (the version
the public reads while the year is reopened). ``average_basis`` records the cap both were worked out
with: rows written before this existed, or after the cap setting changed, are worked out again from the
core Year on the next read (national.refresh_averages), so a stored figure never differs from a computed one."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Case, DecimalField, F, Q, When

from kinerja.core.numbers import decimal_text
from kinerja.core.year import Year

from .access import is_superuser, own_agency_ids, wide_region_ids
from .models import AgencyYear

PLACES = Decimal("0.0001")  # the field's four decimals: pages show two


def capaian_cap() -> Decimal | None:
    """The region's cap on capaian when averaging (KINERJA_CAPAIAN_CAP: empty, 100 or 120)."""
    cap = getattr(settings, "KINERJA_CAPAIAN_CAP", None)
    return Decimal(cap) if cap not in (None, "") else None


def basis() -> str:
    cap = capaian_cap()
    return f"cap={decimal_text(cap) or 'none'}"


def stored(year: Year | None) -> Decimal | None:
    value = year.average() if year is not None else None
    return value.quantize(PLACES, rounding=ROUND_HALF_UP) if value is not None else None


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
