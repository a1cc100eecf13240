"""Report data straight from read documents, without a database: `kinerja report --from FILE`."""

from __future__ import annotations

from kinerja.core.achievement import renstra_progress
from kinerja.core.checks import CheckResult
from kinerja.core.model import Cumulation, DocKind, Document
from kinerja.core.names import link_names
from kinerja.reports.data import AgencyYearData, BudgetLine, Line, Person


class NoSuchYear(Exception):
    pass


def _pairs(document: Document):
    return [(row.indikator, row.satuan) for row in document.rows]


def agency_year_from_documents(result: CheckResult, year: int | None = None) -> AgencyYearData:
    forms = [d for d in result.documents if d.kind is DocKind.PENGUKURAN and d.year is not None]
    if not forms:
        raise NoSuchYear("dokumen tidak memuat formulir Pengukuran Kinerja")
    if year is None:
        year = max(d.year for d in forms)
    chosen = [d for d in forms if d.year == year]
    if not chosen:
        years = ", ".join(str(y) for y in sorted({d.year for d in forms}))
        raise NoSuchYear(f"tidak ada formulir Pengukuran Kinerja tahun {year} (yang ada: {years})")
    form = chosen[0]
    history: dict[int, dict[int, tuple]] = {row.index: {} for row in form.rows}
    earlier = sorted((d for d in forms if d.year < year), key=lambda d: d.year, reverse=True)
    for other in earlier:
        for link in link_names(_pairs(form), _pairs(other)):
            if link.sure:
                row = other.rows[link.right]
                history[link.left][other.year] = (row.realisasi, row.capaian)
    renstra = next((d for d in result.documents if d.kind is DocKind.RENSTRA and d.year == year), None)
    end_targets = {}
    if renstra is not None:
        for link in link_names(_pairs(form), _pairs(renstra)):
            if link.sure:
                end_targets[link.left] = renstra.rows[link.right].target_akhir
    lines = []
    for row in form.rows:
        target_akhir = end_targets.get(row.index)
        progress = None
        if target_akhir is not None and target_akhir.raw:
            progress = renstra_progress(
                realisasi=[row.realisasi],
                target_akhir=target_akhir,
                direction=row.direction,
                cumulation=Cumulation.LAST,
            )
        from kinerja.core.categories import category

        lines.append(
            Line(
                sasaran=row.sasaran or "(tanpa sasaran)",
                name=row.indikator,
                target=row.target,
                realisasi=row.realisasi,
                achievement=row.capaian,
                band=category(row.capaian.value) if row.capaian else None,
                history=history[row.index],
                target_akhir=target_akhir,
                progress=progress,
                progress_years=(year,) if progress is not None else (),
                direction=row.direction,
            )
        )
    budget = None
    raw = ("", "")
    if form.budget is not None:
        b = form.budget
        budget = BudgetLine(
            label="Jumlah anggaran kegiatan",
            anggaran=b.anggaran.number if b.anggaran.is_number else None,
            realisasi=b.realisasi.number if b.realisasi.is_number else None,
        )
        raw = (b.anggaran.raw.strip(), b.realisasi.raw.strip())
    s = form.signatory
    history_years = sorted({y for years in history.values() for y in years})
    return AgencyYearData(
        region=form.region or "",
        agency=form.agency or "",
        year=year,
        lines=lines,
        budget=budget,
        budget_raw=raw,
        signatory=Person(name=s.name, title=s.title or "", rank=s.rank, nip=s.nip) if s else None,
        place=s.place if s else "",
        signed_on=s.date if s else None,
        end_year=renstra.end_year if renstra is not None else None,
        history_years=history_years,
    )
