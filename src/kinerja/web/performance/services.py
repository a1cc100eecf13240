"""Writes: importing checked documents into the database. Every write is atomic."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from kinerja.core.checks import CheckResult, nip_problem, show
from kinerja.core.model import DocKind, Document, Row
from kinerja.core.names import link_names, normalize_name
from kinerja.core.values import Value
from kinerja.pipeline import check_files

from .models import (
    Agency,
    AgencyYear,
    AuditEvent,
    Budget,
    EndTarget,
    FindingRecord,
    Indicator,
    IndicatorName,
    LinkSuggestion,
    Official,
    PlanPeriod,
    Realisation,
    Region,
    ReportedFigure,
    Sasaran,
    SourceFile,
    SourceTable,
    Target,
)

NO_SASARAN = "(tanpa sasaran)"
# years an import may not overwrite: under review, signed or published (an admin reopens them first)
LOCKED = {
    AgencyYear.Status.SUBMITTED,
    AgencyYear.Status.VERIFIED,
    AgencyYear.Status.APPROVED,
    AgencyYear.Status.PUBLISHED,
}


class ImportRefused(Exception):
    """An import that must not happen; the message is one clear line for the user."""


@dataclass
class ImportReport:
    file: SourceFile
    created: bool
    tables: int = 0
    rows: int = 0
    findings: int = 0
    errors: int = 0
    years: list[int] = field(default_factory=list)
    suggestions: list[tuple[str, str, float]] = field(default_factory=list)


def find_region(name: str, *, create: bool) -> Region:
    region = Region.objects.filter(name__iexact=name.strip()).first()
    if region is None:
        if not create:
            raise ImportRefused(f"Pemerintah daerah '{name}' belum terdaftar; tambahkan --create untuk membuatnya.")
        region = Region.objects.create(name=name.strip())
    return region


def find_agency(name: str, region_name: str | None, *, create: bool) -> Agency:
    agencies = Agency.objects.filter(name__iexact=name.strip())
    if region_name:
        agencies = agencies.filter(region__name__iexact=region_name.strip())
    found = list(agencies[:2])
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise ImportRefused(f"Ada lebih dari satu perangkat daerah bernama '{name}'; sebutkan --region.")
    if not create:
        raise ImportRefused(f"Perangkat daerah '{name}' belum terdaftar; tambahkan --create untuk membuatnya.")
    if not region_name:
        raise ImportRefused("Sebutkan --region untuk perangkat daerah baru.")
    region = find_region(region_name, create=True)
    return Agency.objects.create(region=region, name=name.strip())


def import_file(
    path: str | Path,
    *,
    agency: str,
    region: str | None = None,
    create: bool = False,
    user=None,
    display_name: str | None = None,
) -> ImportReport:
    """Read, check and store a file. Raises ReadError or ImportRefused; never half-imports."""
    path = Path(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    result = check_files([path])
    with transaction.atomic():
        target_agency = find_agency(agency, region, create=create)
        existing = SourceFile.objects.filter(agency=target_agency, sha256=digest).first()
        if existing is not None:
            return ImportReport(file=existing, created=False)
        source = SourceFile.objects.create(
            agency=target_agency, name=display_name or path.name, sha256=digest, imported_by=user
        )
        return store_result(result, source)


def store_result(result: CheckResult, source: SourceFile) -> ImportReport:
    agency = source.agency
    report = ImportReport(file=source, created=True)
    documents = result.documents
    locked = set(AgencyYear.objects.filter(agency=agency, status__in=LOCKED).values_list("year", flat=True))
    order = sorted(
        range(len(documents)),
        key=lambda i: (documents[i].kind is DocKind.RENSTRA, documents[i].year or 0, i),
    )
    tables: dict[int, SourceTable] = {}
    figures: dict[tuple[int, int], ReportedFigure] = {}
    sasaran_cache: dict[str, Sasaran] = {s.name: s for s in Sasaran.objects.filter(agency=agency)}
    for index in order:
        document = documents[index]
        if document.year is None:
            raise ImportRefused(f"Tahun tabel ke-{index + 1} tidak dapat ditentukan; impor dibatalkan.")
        if document.kind is DocKind.PENGUKURAN and document.year in locked:
            raise ImportRefused(
                f"Tahun {document.year} sedang direviu, sudah disetujui atau sudah dipublikasikan; admin perlu "
                "membukanya kembali dulu. Impor dibatalkan."
            )
        table = SourceTable.objects.create(file=source, index=index, kind=document.kind.value, year=document.year)
        tables[index] = table
        if document.kind is DocKind.PENGUKURAN:
            links = _store_form(document, table, agency, sasaran_cache, figures, index, report)
        else:
            links = _store_renstra(document, table, agency, sasaran_cache, figures, index, report)
        report.suggestions.extend(links)
        AuditEvent.objects.create(
            user=source.imported_by,
            agency=agency,
            year=document.year,
            action=AuditEvent.Action.IMPORT,
            object_type="SourceTable",
            object_id=table.pk,
            label=f"impor {source.name}: {document.kind.value} {document.year}, {len(document.rows)} baris",
            after={"berkas": source.name, "sha256": source.sha256, "baris": len(document.rows)},
        )
        report.tables += 1
        report.rows += len(document.rows)
        if document.year not in report.years:
            report.years.append(document.year)
    records = []
    for finding in result.findings:
        document = documents[finding.document]
        records.append(
            FindingRecord(
                file=source,
                table=tables[finding.document],
                figure=figures.get((finding.document, finding.row)) if finding.row is not None else None,
                agency=agency,
                year=document.year,
                code=finding.code,
                severity=finding.severity.value,
                field=finding.field or "",
                reported=_jsonable(finding.reported),
                expected=_jsonable(finding.expected),
                message=finding.message,
            )
        )
    FindingRecord.objects.bulk_create(records)
    report.findings = len(records)
    report.errors = sum(1 for r in records if r.severity == "error")
    report.years.sort()
    return report


def _jsonable(value):
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def _number(value: Value):
    return value.number if value.is_number else None


def _candidates(agency: Agency, year: int, exclude_with_target: bool):
    indicators = list(Indicator.objects.filter(agency=agency).order_by("id"))
    if exclude_with_target:
        taken = set(Target.objects.filter(indicator__agency=agency, year=year).values_list("indicator_id", flat=True))
        indicators = [i for i in indicators if i.id not in taken]
    return indicators


def _link_rows(rows: tuple[Row, ...], candidates: list[Indicator]):
    """For each row: (indicator or None, probable candidate or None, score)."""
    links = link_names([(r.indikator, r.satuan) for r in rows], [(c.name, c.unit or None) for c in candidates])
    by_row: dict[int, tuple[Indicator | None, Indicator | None, float]] = {}
    for link in links:
        candidate = candidates[link.right]
        if link.sure:
            by_row[link.left] = (candidate, None, link.score)
        else:
            by_row[link.left] = (None, candidate, link.score)
    return by_row


def _new_indicator(agency: Agency, row: Row, probable: Indicator | None, score: float, links: list) -> Indicator:
    """A new indicator; a probable earlier one is kept as a suggestion for a person to confirm."""
    indicator = Indicator.objects.create(agency=agency, name=row.indikator, unit=row.satuan or "")
    if probable is not None:
        LinkSuggestion.objects.get_or_create(indicator=indicator, candidate=probable, defaults={"score": score})
        links.append((row.indikator, probable.name, score))
    return indicator


def _sasaran(agency: Agency, name: str | None, cache: dict[str, Sasaran]) -> Sasaran:
    name = (name or NO_SASARAN).strip()
    if name not in cache:
        cache[name] = Sasaran.objects.create(agency=agency, name=name)
    return cache[name]


def _resolve_indicators(document: Document, agency: Agency, exclude_with_target: bool, report_links: list):
    year = document.year
    candidates = _candidates(agency, year, exclude_with_target)
    by_row = _link_rows(document.rows, candidates)
    resolved: list[Indicator] = []
    for row in document.rows:
        indicator, probable, score = by_row.get(row.index, (None, None, 0.0))
        if indicator is None:
            indicator = _new_indicator(agency, row, probable, score, report_links)
        resolved.append(indicator)
    return resolved


def _store_form(document, table, agency, sasaran_cache, figures, index, report) -> list:
    year = document.year
    links: list = []
    indicators = _resolve_indicators(document, agency, exclude_with_target=True, report_links=links)
    for row, indicator in zip(document.rows, indicators, strict=True):
        sasaran = _sasaran(agency, row.sasaran, sasaran_cache)
        Target.objects.update_or_create(
            indicator=indicator,
            year=year,
            defaults={"value": _number(row.target), "raw": show(row.target), "sasaran": sasaran, "position": row.index},
        )
        Realisation.objects.update_or_create(
            indicator=indicator,
            year=year,
            quarter=Realisation.YEAR,
            defaults={"value": _number(row.realisasi), "raw": show(row.realisasi)},
        )
        _remember_name(indicator, year, row)
        figures[(index, row.index)] = _figure(table, row, indicator, year)
    _store_budget_and_signatory(document, agency)
    return links


def _store_renstra(document, table, agency, sasaran_cache, figures, index, report) -> list:
    year = document.year
    links: list = []
    with_target = list(
        Indicator.objects.filter(agency=agency, targets__year=year).order_by("targets__position").distinct()
    )
    by_row = _link_rows(document.rows, with_target)
    plan = None
    if document.end_year:
        plan, _ = PlanPeriod.objects.get_or_create(
            agency=agency, start_year=min(year, document.end_year - 5), end_year=document.end_year
        )
    for row in document.rows:
        indicator, probable, score = by_row.get(row.index, (None, None, 0.0))
        if indicator is None:
            # not in that year's form: the table is the only source of its figures
            indicator = _new_indicator(agency, row, probable, score, links)
            Target.objects.create(
                indicator=indicator,
                year=year,
                value=_number(row.target),
                raw=show(row.target),
                sasaran=_sasaran(agency, None, sasaran_cache),
                position=1000 + row.index,
            )
            Realisation.objects.create(
                indicator=indicator, year=year, value=_number(row.realisasi), raw=show(row.realisasi)
            )
            _remember_name(indicator, year, row)
        if plan is not None:
            EndTarget.objects.update_or_create(
                indicator=indicator,
                plan=plan,
                defaults={"value": _number(row.target_akhir), "raw": show(row.target_akhir)},
            )
        figures[(index, row.index)] = _figure(table, row, indicator, year)
    return links


def _remember_name(indicator: Indicator, year: int, row: Row) -> None:
    IndicatorName.objects.update_or_create(indicator=indicator, year=year, defaults={"name": row.indikator})
    latest = indicator.names.order_by("-year").values_list("year", flat=True).first()
    if latest is None or year >= latest:
        if indicator.name != row.indikator or (row.satuan and indicator.unit != row.satuan):
            indicator.name = row.indikator
            indicator.unit = row.satuan or indicator.unit
            indicator.save(update_fields=["name", "unit"])


def _figure(table, row: Row, indicator: Indicator, year: int) -> ReportedFigure:
    reported = row.capaian_reported
    return ReportedFigure.objects.create(
        table=table,
        row=row.index,
        indicator=indicator,
        year=year,
        name=row.indikator,
        unit=row.satuan or "",
        target_raw=show(row.target) if row.target.raw else "",
        realisasi_raw=show(row.realisasi) if row.realisasi.raw else "",
        capaian_raw=show(reported) if reported.raw else "",
        capaian=reported.number if reported.is_number else None,
        capaian_decimals=reported.decimals if reported.is_number else 0,
        realisasi_prev_raw=show(row.realisasi_prev) if row.realisasi_prev.raw else "",
        target_akhir_raw=show(row.target_akhir) if row.target_akhir.raw else "",
        capaian_akhir_raw=show(row.capaian_akhir_reported) if row.capaian_akhir_reported.raw else "",
    )


def _store_budget_and_signatory(document: Document, agency: Agency) -> None:
    year = document.year
    if document.budget is not None:
        b = document.budget
        Budget.objects.update_or_create(
            agency=agency,
            year=year,
            defaults={
                "anggaran": _number(b.anggaran),
                "realisasi": _number(b.realisasi),
                "anggaran_raw": show(b.anggaran) if b.anggaran.raw else "",
                "realisasi_raw": show(b.realisasi) if b.realisasi.raw else "",
            },
        )
    agency_year, created = AgencyYear.objects.get_or_create(agency=agency, year=year)
    s = document.signatory
    if s is not None:
        nip = s.nip if nip_problem(s.nip) is None else ""  # an invalid NIP stays in its finding, not on the official
        official = Official.objects.filter(agency=agency, nip=nip).first() if nip else None
        if official is None:
            official = Official.objects.filter(agency=agency, nip="", name=s.name).first()
        if official is None:
            official = Official.objects.create(agency=agency, name=s.name, nip=nip, rank=s.rank, title=s.title or "")
        else:
            official.name, official.rank, official.title = s.name, s.rank, s.title or official.title
            official.save()
        agency_year.signatory = official
        agency_year.signed_on = s.date
        agency_year.signed_place = s.place
        if created:
            # a year that first arrives as a signed document counts as published; a year already being
            # worked on in kinerja keeps its place in the cycle
            agency_year.status = AgencyYear.Status.PUBLISHED
        agency_year.save()


def confirm_link(suggestion: LinkSuggestion) -> Indicator:
    """Merge the suggested indicator into its candidate: the same indicator under another name."""
    with transaction.atomic():
        keep, merge = suggestion.candidate, suggestion.indicator
        clash = set(Target.objects.filter(indicator=merge).values_list("year", flat=True)) & set(
            Target.objects.filter(indicator=keep).values_list("year", flat=True)
        )
        if clash:
            raise ImportRefused(
                f"Tidak dapat digabung: kedua indikator punya target untuk tahun {', '.join(map(str, sorted(clash)))}."
            )
        for model in (Target, Realisation, IndicatorName, ReportedFigure, EndTarget):
            model.objects.filter(indicator=merge).update(indicator=keep)
        latest = IndicatorName.objects.filter(indicator=keep).order_by("-year").first()
        if latest is not None and normalize_name(latest.name) != normalize_name(keep.name):
            keep.name = latest.name
            keep.save(update_fields=["name"])
        LinkSuggestion.objects.filter(candidate=merge).update(candidate=keep)
        merge.delete()  # its suggestions, this one included, go with it
        return keep


def reject_link(suggestion: LinkSuggestion) -> None:
    suggestion.status = LinkSuggestion.Status.REJECTED
    suggestion.save(update_fields=["status"])
