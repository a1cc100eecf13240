"""Deteksi pencilan: a region's reviewers and admins look for figures far from the rest of their series."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from kinerja.core.numbers import Kind, format_id, read_number
from kinerja.core.outliers import DEFAULT_THRESHOLD, MIN_POINTS, Method

from .access import sees_region
from .models import Region
from .outliers import MAX_SHOWN, region_outliers

LOWEST, HIGHEST = Decimal(1), Decimal(10)


def read_threshold(typed: str) -> tuple[Decimal, str]:
    """The threshold as typed the Indonesian way (3 or 3,5), else the default with the reason."""
    typed = (typed or "").strip()[:20]
    if not typed:
        return DEFAULT_THRESHOLD, ""
    reading = read_number(typed)
    if reading.ambiguous or reading.kind is not Kind.NUMBER or reading.value is None:
        return DEFAULT_THRESHOLD, f"Ambang '{typed}' tidak terbaca sebagai satu angka; dipakai 3."
    if not LOWEST <= reading.value <= HIGHEST:
        return DEFAULT_THRESHOLD, (
            f"Ambang {format_id(reading.value, 2, strip_zeros=True)} di luar 1 sampai 10; dipakai 3."
        )
    return reading.value, ""


@login_required
@require_GET
def page(request, region):
    region = get_object_or_404(Region, slug=region)
    if not sees_region(request.user, region.pk):
        raise PermissionDenied("Deteksi pencilan untuk reviewer dan admin pemerintah daerah ini.")
    method = Method.MODIFIED_Z if request.GET.get("metode") != Method.Z else Method.Z
    quarterly = request.GET.get("data") == "triwulan"
    threshold, problem = read_threshold(request.GET.get("ambang", ""))
    result = region_outliers(region, method=method, threshold=threshold, quarterly=quarterly)
    return render(
        request,
        "performance/outliers.html",
        {
            "region": region,
            "method": method,
            "methods": list(Method),
            "quarterly": quarterly,
            "threshold": format_id(threshold, 2, strip_zeros=True),
            "problem": problem,
            "result": result,
            "max_shown": MAX_SHOWN,
            "min_points": MIN_POINTS,
        },
    )
