"""Deteksi pencilan: a region's reviewers and admins look for figures far from the rest of their series."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from kinerja.core.numbers import Kind, decimal_text, format_id, quantize, read_number
from kinerja.core.outliers import DEFAULT_THRESHOLD, MIN_POINTS, Method
from kinerja.reports.opendata import safe_text

from .access import sees_region
from .models import Region
from .outliers import MAX_SHOWN, region_outliers

LOWEST, HIGHEST = Decimal(1), Decimal(10)
COLUMNS = ("perangkat_daerah", "indikator", "satuan", "periode", "angka", "pusat", "skor", "angka_dalam_seri",
           "metode", "ambang", "batas_bawah", "batas_atas", "alasan")  # fmt: skip


def _csv(region, result, method: Method, threshold: Decimal, quarterly: bool) -> HttpResponse:
    """Every outlier found (not only the page's first), for the reviewer to send on: UTF-8 CSV with machine
    numbers, a text that a spreadsheet would run as a formula quoted (reports.opendata.safe_text)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    scored = method is not Method.MIN_MAX
    for o in result.outliers:
        centre, score = (quantize(o.scored.centre, 4), quantize(o.scored.score, 4)) if o.scored else (None, None)
        lower, upper = (o.bounds.lower, o.bounds.upper) if o.bounds else (None, None)
        writer.writerow([
            safe_text(o.agency), safe_text(o.indicator), safe_text(o.unit), o.point.label, decimal_text(o.point.value),
            decimal_text(centre), decimal_text(score), o.count, method.value,
            decimal_text(threshold) if scored else None, decimal_text(lower), decimal_text(upper), safe_text(o.reason),
        ])  # fmt: skip
    response = HttpResponse(("\ufeff" + out.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    kind = "triwulan" if quarterly else "tahunan"
    response["Content-Disposition"] = f'attachment; filename="pencilan-{region.slug}-{kind}-{method.value}.csv"'
    return response


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
@require_safe
def page(request, region):
    region = get_object_or_404(Region, slug=region)
    if not sees_region(request.user, region.pk):
        raise PermissionDenied("Deteksi pencilan untuk reviewer dan admin pemerintah daerah ini.")
    asked = request.GET.get("metode")
    method = Method(asked) if asked in Method._value2member_map_ else Method.MODIFIED_Z
    quarterly = request.GET.get("data") == "triwulan"
    threshold, problem = read_threshold(request.GET.get("ambang", ""))
    download = request.GET.get("format") == "csv"
    result = region_outliers(
        region, method=method, threshold=threshold, quarterly=quarterly, limit=None if download else MAX_SHOWN
    )
    if download:
        return _csv(region, result, method, threshold, quarterly)
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
