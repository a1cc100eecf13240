"""The region's IKU (RPJMD) measured: each IKU's yearly target against the realisation of the agency indicator
Bappeda says measures it, by the core rules of that indicator (its direction; its cumulation toward the
end target). Realisations are those ``user`` may read (published years for the public), read for every IKU
of a plan at once in a constant number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kinerja.core import achievement as rules
from kinerja.core.categories import PERMENDAGRI_BANDS, Band, category
from kinerja.core.model import Achievement, Cumulation, Direction
from kinerja.core.units import normalize_unit
from kinerja.core.values import EMPTY, Value, stored_value
from kinerja.reports.plans import IkuResult

from . import store
from .access import visible_years_q
from .models import AgencyYear, Rpjmd, RpjmdIndicator

NO_REALISATION = "belum ada realisasi yang dapat ditampilkan"


@dataclass(frozen=True, slots=True)
class YearMeasure:
    year: int
    target: Value
    realisasi: Value
    capaian: Achievement
    bands: tuple[Band, ...] = PERMENDAGRI_BANDS  # the region's scale for the year

    @property
    def band(self) -> Band | None:
        return category(self.capaian.value, self.bands)


@dataclass
class Measure:
    source: str  # "Dinas …: indikator …"
    indicator_id: int
    years: list[YearMeasure] = field(default_factory=list)
    progress: Achievement | None = None  # toward the RPJMD end target
    problem: str = ""  # why nothing can be worked out (units that differ)


def _units_differ(iku_unit: str, line_unit: str) -> bool:
    return bool(iku_unit and line_unit) and normalize_unit(iku_unit) != normalize_unit(line_unit)


def measures(plan: Rpjmd, ikus: list[RpjmdIndicator], user) -> dict[int, Measure]:
    """What each measured IKU of ``plan`` achieved in each year of the plan. ``ikus`` come with their targets
    prefetched and ``measured_by__agency`` selected."""
    measured = [i for i in ikus if i.measured_by_id]
    if not measured:
        return {}
    agencies = {i.measured_by.agency_id for i in measured}
    agency_years = list(
        AgencyYear.objects.filter(agency_id__in=agencies, year__in=plan.years)
        .filter(visible_years_q(user))
        .defer("published")
    )
    loaded = store.load_visible(user, agency_years, previous=False, indicators=[i.measured_by_id for i in measured])
    lines = defaultdict(dict)  # indicator id → year → core Line
    for ay in agency_years:
        for iku in measured:
            if iku.measured_by.agency_id != ay.agency_id:
                continue
            line = loaded[ay.pk].line(iku.measured_by_id)
            if line is not None and not line.unused:
                lines[iku.measured_by_id][ay.year] = line
    out = {}
    for iku in measured:
        source = iku.measured_by
        found = lines[source.pk]
        measure = Measure(source=f"{source.agency.name}: {source.name}", indicator_id=source.pk)
        latest = found[max(found)] if found else None
        if latest is not None and _units_differ(iku.unit, latest.unit):
            measure.problem = (
                f"satuan IKU '{iku.unit}' berbeda dengan satuan indikator '{latest.unit}'; capaian tidak dihitung "
                f"sampai salah satunya dikoreksi"
            )
        targets = {t.year: t.value for t in iku.targets.all()}
        unit = iku.unit or None
        for year in plan.years:
            line = found.get(year)
            target = stored_value(targets.get(year), "", unit)
            realisasi = line.realisasi if line is not None else EMPTY
            if measure.problem:
                capaian = Achievement(value=None, rule="", reason=measure.problem)
            elif line is None:
                capaian = Achievement(value=None, rule="", reason=NO_REALISATION)
            else:
                capaian = rules.capaian(target=target, realisasi=realisasi, direction=Direction(line.direction))
            bands = line.bands if line is not None else PERMENDAGRI_BANDS
            measure.years.append(YearMeasure(year, target, realisasi, capaian, bands))
        if latest is not None and not measure.problem and iku.end_target is not None:
            measure.progress = rules.renstra_progress(
                realisasi=[found[y].realisasi for y in sorted(found)],
                target_akhir=stored_value(iku.end_target, "", unit),
                direction=Direction(latest.direction),
                cumulation=Cumulation(latest.cumulation),
            )
        out[iku.pk] = measure
    return out


def ikus_of(plan: Rpjmd) -> list[RpjmdIndicator]:
    """Every IKU of ``plan`` in the plan's order, with what results() reads of them."""
    return list(
        RpjmdIndicator.objects.filter(sasaran__tujuan__rpjmd=plan)
        .select_related("sasaran__tujuan", "measured_by__agency")
        .prefetch_related("targets")
        .order_by(
            "sasaran__tujuan__position", "sasaran__tujuan_id", "sasaran__position", "sasaran_id", "position", "id"
        )
    )


def results(plan: Rpjmd, year: int, user) -> list[IkuResult]:
    """Every IKU of ``plan`` in ``year``, in the plan's order, measured or not (the regional government's
    Pengukuran Kinerja and the open data's IKU rows)."""
    ikus = ikus_of(plan)
    return results_in(ikus, measures(plan, ikus, user), year)


def results_in(ikus: list[RpjmdIndicator], measured: dict[int, Measure], year: int) -> list[IkuResult]:
    """results() of one year from the IKU and their measures, read once for every year of the plan."""
    out = []
    for item in ikus:
        unit = item.unit or None
        measure = measured.get(item.pk)
        point = next((y for y in measure.years if y.year == year), None) if measure else None
        targets = {t.year: t.value for t in item.targets.all()}
        out.append(
            IkuResult(
                sasaran=item.sasaran.name,
                name=item.name,
                unit=item.unit,
                target=point.target if point else stored_value(targets.get(year), "", unit),
                realisasi=point.realisasi if point else EMPTY,
                capaian=point.capaian if point else None,
                end=stored_value(item.end_target, "", unit),
                progress=measure.progress if measure else None,
                source=measure.source if measure else "",
                band=point.band if point else None,
            )
        )
    return out
