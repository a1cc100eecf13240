"""Document import as a proposal: read and check a file, plan what it changes, then write it
through the one write path (store.apply). Planning only reads; nothing is locked until the person
confirms.

A row is matched to an indicator by its exact (normalised) name in the year, then by the names
the agency's indicators had in other years (confirmed identity), then by a sure name link; a
probable link waits for a person's choice and is never a silent duplicate. A re-imported or
corrected file changes exactly what differs. Imported years are drafts; publishing historic signed
documents as they are is an admin's act (``published=True``), audited as such.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.db import transaction

from kinerja.core import year as core
from kinerja.core.checks import CheckResult, nip_problem, show
from kinerja.core.messages import structure
from kinerja.core.model import DocKind, Document, Row
from kinerja.core.names import link_names, normalize_name
from kinerja.core.units import normalize_unit
from kinerja.core.values import Value
from kinerja.core.workflow import Refused
from kinerja.pipeline import check_files, check_mapped

from . import audit, renstra, store
from .access import is_admin
from .cycle import keep_version
from .models import (
    Agency,
    AgencyYear,
    AuditEvent,
    EndTarget,
    FindingRecord,
    Indicator,
    LinkSuggestion,
    PlanPeriod,
    Region,
    ReportedFigure,
    SourceFile,
    SourceTable,
    Target,
)

NO_SASARAN = "(tanpa sasaran)"


class ImportRefused(Refused):
    """An import that must not happen; the message is one clear line for the user."""


@dataclass
class ImportReport:
    file: SourceFile
    created: bool
    tables: int = 0
    rows: int = 0
    findings: int = 0
    errors: int = 0
    changes: int = 0
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
    found = list(agencies.select_related("region")[:2])
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


# --- planning (reads only) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Probable:
    """A row that may be an indicator the agency already has: a person decides."""

    ref: str  # "document:row"
    name: str
    candidate: object  # an indicator id, or the ref of an indicator this import creates
    candidate_name: str
    score: float


@dataclass
class YearPlan:
    year: int
    exists: bool
    before: core.Year
    after: core.Year
    changes: list = field(default_factory=list)

    @property
    def differences(self) -> list[core.Difference]:
        return core.diff(self.before, self.after)


@dataclass
class EndTargetPlan:
    start_year: int
    end_year: int
    key: object  # the line key in its year
    year: int
    name: str
    value: object
    raw: str
    before: object = None
    seen_version: int | None = None


@dataclass
class ImportPlan:
    agency: Agency
    result: CheckResult
    digest: str
    already: SourceFile | None = None
    years: dict[int, YearPlan] = field(default_factory=dict)
    end_targets: list[EndTargetPlan] = field(default_factory=list)
    rows: dict[tuple[int, int], tuple[int, object]] = field(default_factory=dict)  # (doc, row) -> (year, key)
    probable: list[Probable] = field(default_factory=list)
    fingerprint: str = ""

    def outside_bounds(self) -> list[tuple[int, str]]:
        """The figures this import would write outside their indicator's batas wajar, by year: saved all the
        same (they may be true), but the year cannot be submitted until each is corrected or explained."""
        return [
            (year, b.message)
            for year, year_plan in sorted(self.years.items())
            for b in core.outside_bounds_written(year_plan.after, year_plan.differences)
        ]

    @property
    def change_count(self) -> int:
        return sum(len(p.differences) for p in self.years.values()) + sum(
            1 for e in self.end_targets if e.value != e.before
        )


def plan_file(
    path: str | Path, agency: Agency, *, choices: dict[str, str] | None = None, isolated: bool = False, mapping=None
) -> ImportPlan:
    """Read, check and plan a file. ``isolated``: read it in a child process with the configured time
    and memory limits (the web app's uploads). ``mapping``: its columns named by hand (readers.mapping)."""
    path = Path(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return plan_import(check_file(path, isolated=isolated, mapping=mapping), agency, digest=digest, choices=choices)


def check_file(path: Path, *, isolated: bool = False, mapping=None) -> CheckResult:
    """One file read and checked, through its named columns when there are (readers.mapping.ColumnMap);
    ``isolated``: in a child process with the configured limits (isolated_work)."""
    if not isolated:
        return check_mapped(path, mapping) if mapping is not None else check_files([path])
    from kinerja.isolation import check_mapped as isolated_mapped

    return isolated_work(path, None if mapping is None else partial(isolated_mapped, mapping=mapping.as_dict()))


def isolated_work(path: Path, work=None):
    """``work`` on the file in a child process, with the configured time and memory limits (the web app's
    uploads); the reading and checking itself when no other work is named. ReadError beyond a limit."""
    from django.conf import settings

    from kinerja.isolation import check_files_isolated

    return check_files_isolated(
        [path],
        seconds=getattr(settings, "KINERJA_PARSE_SECONDS", 120),
        memory_mb=getattr(settings, "KINERJA_PARSE_MEMORY_MB", 1024),
        **({} if work is None else {"work": work}),
    )


class _Identities:
    """The agency's indicators, by every name they had, and those this import will create."""

    def __init__(self, agency: Agency):
        self.by_name: dict[str, list[object]] = {}
        self.names: dict[object, tuple[str, str]] = {}
        for indicator in Indicator.objects.filter(agency=agency).order_by("id"):
            self.names[indicator.id] = (indicator.name, indicator.unit)
            self._add(indicator.name, indicator.id)
        for indicator_id, name in Target.objects.filter(indicator__agency=agency).values_list("indicator_id", "name"):
            if name:
                self._add(name, indicator_id)

    def _add(self, name: str, identity) -> None:
        ids = self.by_name.setdefault(normalize_name(name), [])
        if identity not in ids:
            ids.append(identity)

    def add_new(self, ref: str, name: str, unit: str) -> None:
        self.names[("new", ref)] = (name, unit)
        self._add(name, ("new", ref))


def plan_import(
    result: CheckResult, agency: Agency, *, digest: str, choices: dict[str, str] | None = None
) -> ImportPlan:
    """What importing these checked documents would change. Raises ImportRefused."""
    choices = choices or {}
    plan = ImportPlan(agency=agency, result=result, digest=digest)
    plan.already = SourceFile.objects.filter(agency=agency, sha256=digest).first()
    if plan.already is not None:
        return plan
    documents = result.documents
    for index, document in enumerate(documents):
        if document.year is None:
            raise ImportRefused(f"Tahun tabel ke-{index + 1} tidak dapat ditentukan; impor dibatalkan.")
    agency_years = {ay.year: ay for ay in AgencyYear.objects.filter(agency=agency).select_related("signatory")}
    for document in documents:
        ay = agency_years.get(document.year)
        if ay is not None and ay.status not in {s.value for s in core.EDITABLE}:
            raise ImportRefused(
                f"Tahun {document.year} sedang direviu, sudah disetujui atau sudah dipublikasikan; admin perlu "
                "membukanya kembali dulu. Impor dibatalkan."
            )
    wanted = [agency_years[d.year] for d in documents if d.year in agency_years]
    loaded = store.load_many(wanted)
    for document in documents:
        if document.year not in plan.years:
            ay = agency_years.get(document.year)
            before = loaded[ay.pk] if ay else core.Year(agency_id=agency.id, year=document.year)
            plan.years[document.year] = YearPlan(document.year, ay is not None, before, before)
    identities = _Identities(agency)
    order = sorted(range(len(documents)), key=lambda i: (documents[i].kind is DocKind.RENSTRA, documents[i].year, i))
    plans = {(p.agency_id, p.start_year, p.end_year): p for p in PlanPeriod.objects.filter(agency=agency)}
    ends = {(e.plan_id, e.indicator_id): e for e in EndTarget.objects.filter(plan__agency=agency)}
    for index in order:
        document = documents[index]
        year_plan = plan.years[document.year]
        keys = _match_rows(document, index, year_plan, identities, plan, choices)
        changes = []
        for row, key in zip(document.rows, keys, strict=True):
            plan.rows[(index, row.index)] = (document.year, key)
            changes.extend(_row_changes(document, index, row, key, year_plan, identities))
        if document.kind is DocKind.PENGUKURAN:
            changes.extend(_budget_and_signatory(document, year_plan.after))
        _add(year_plan, changes)
        if document.kind is DocKind.RENSTRA and document.end_year:
            start = min(document.year, document.end_year - 5)
            period = plans.get((agency.id, start, document.end_year))
            for row, key in zip(document.rows, keys, strict=True):
                current = ends.get((period.pk, key)) if period is not None and isinstance(key, int) else None
                value = _number(row.target_akhir)
                plan.end_targets.append(
                    EndTargetPlan(
                        start_year=start,
                        end_year=document.end_year,
                        key=key,
                        year=document.year,
                        name=row.indikator,
                        value=value,
                        raw=show(row.target_akhir),
                        before=current.value if current else None,
                        seen_version=current.version if current else None,
                    )
                )
    plan.fingerprint = _fingerprint(plan)
    return plan


def _add(year_plan: YearPlan, changes: list) -> None:
    year_plan.after = year_plan.after.changed(changes)
    year_plan.changes.extend(changes)


def _match_rows(document: Document, index: int, year_plan: YearPlan, identities, plan, choices) -> list:
    """For each row, the key of the line it fills: an existing line of the year, an existing indicator
    entering the year, or a new indicator (("new", ref))."""
    lines = list(year_plan.after.lines)
    in_year = {line.key for line in lines}
    taken: set = set()
    keys: list = [None] * len(document.rows)
    for i, row in enumerate(document.rows):  # 1. the exact name in this year
        same = [
            line
            for line in lines
            if line.key not in taken and normalize_name(line.name) == normalize_name(row.indikator)
        ]
        if same:
            best = next((line for line in same if _unit(line.unit) == _unit(row.satuan)), same[0])
            keys[i] = best.key
            taken.add(best.key)
    for i, row in enumerate(document.rows):  # 2. a name the indicator had in another year
        if keys[i] is not None:
            continue
        ids = [
            x for x in identities.by_name.get(normalize_name(row.indikator), []) if x not in in_year and x not in taken
        ]
        ids = [x for x in ids if x in identities.names]
        if ids:
            best = next((x for x in ids if _unit(identities.names[x][1]) == _unit(row.satuan)), ids[0])
            keys[i] = best
            taken.add(best)
    open_rows = [i for i, key in enumerate(keys) if key is None]
    if open_rows:  # 3. a sure link by name; a probable one waits for a person
        candidates = [line.key for line in lines if line.key not in taken]
        candidates += [x for x in identities.names if x not in in_year and x not in taken and x not in candidates]
        names = {line.key: (line.name, line.unit) for line in lines}
        links = link_names(
            [(document.rows[i].indikator, document.rows[i].satuan) for i in open_rows],
            [names.get(c) or identities.names[c] for c in candidates],
        )
        for link in links:
            i = open_rows[link.left]
            row = document.rows[i]
            candidate = candidates[link.right]
            ref = f"{index}:{row.index}"
            label = (names.get(candidate) or identities.names[candidate])[0]
            if link.sure or choices.get(ref) == _token(candidate):
                keys[i] = candidate
                taken.add(candidate)
            else:
                plan.probable.append(Probable(ref, row.indikator, candidate, label, link.score))
    for i, row in enumerate(document.rows):
        if keys[i] is None:
            ref = f"{index}:{row.index}"
            keys[i] = ("new", ref)
            identities.add_new(ref, row.indikator, row.satuan or "")
        else:
            identities._add(row.indikator, keys[i])  # this name is now one of the indicator's names
    return keys


def _token(candidate) -> str:
    return f"new:{candidate[1]}" if isinstance(candidate, tuple) else str(candidate)


def _unit(unit: str | None) -> str:
    return normalize_unit(unit or "") or ""


def _number(value: Value):
    return value.number if value.is_number else None


def _figure(value: Value) -> tuple:
    return _number(value), show(value) if value.raw else ""


def _row_changes(document: Document, index: int, row: Row, key, year_plan: YearPlan, identities) -> list:
    is_form = document.kind is DocKind.PENGUKURAN
    line = next((x for x in year_plan.after.lines if x.key == key), None)
    target, target_raw = _figure(row.target)
    real, real_raw = _figure(row.realisasi)
    if line is None:  # the indicator enters this year
        figures = {"target": core.Figure(target, target_raw)}
        if real is not None or real_raw:
            figures["year"] = core.Figure(real, real_raw)
        ref = key[1] if isinstance(key, tuple) else ""
        return [
            core.AddLine(
                core.Line(
                    indicator_id=key if isinstance(key, int) else None,
                    ref=ref or f"{index}:{row.index}",
                    name=row.indikator,
                    unit=row.satuan or "",
                    sasaran=(row.sasaran or NO_SASARAN).strip() if is_form else NO_SASARAN,
                    position=row.index if is_form else 1000 + row.index,
                    figures=figures,
                )
            )
        ]
    if not is_form:
        return []  # a table that repeats the form: the form's figures stand; only the end target is new
    indicator_id = line.indicator_id
    if indicator_id is None:
        return []  # a line this import adds earlier in the same year: nothing more to change
    changes = []
    for name, value, raw in (("target", target, target_raw), ("year", real, real_raw)):
        current = line.figure(name)
        if current.value != value or (value is None and current.raw != raw):
            changes.append(core.SetFigure(indicator_id, name, value, raw, seen_version=current.version))
    if row.indikator != line.name:
        changes.append(core.SetSetting(indicator_id, "name", row.indikator, seen_version=line.settings_version))
    if row.satuan and row.satuan != line.unit:
        changes.append(core.SetSetting(indicator_id, "unit", row.satuan, seen_version=line.settings_version))
    sasaran = (row.sasaran or NO_SASARAN).strip()
    if sasaran != line.sasaran:
        changes.append(core.SetSetting(indicator_id, "sasaran", sasaran, seen_version=line.settings_version))
    return changes


def _budget_and_signatory(document: Document, year: core.Year) -> list:
    changes = []
    if document.budget is not None:
        for name, value in (("anggaran", document.budget.anggaran), ("realisasi", document.budget.realisasi)):
            number, raw = _figure(value)
            current = getattr(year.budget, name)
            if current.value != number or (number is None and current.raw != raw):
                changes.append(core.SetBudget(name, number, raw, seen_version=year.budget.version))
    s = document.signatory
    if s is not None:
        nip = s.nip if nip_problem(s.nip) is None else ""  # an invalid NIP stays in its finding
        signatory = core.Signatory(name=s.name, nip=nip, rank=s.rank, title=s.title or "", place=s.place, date=s.date)
        if signatory != year.signatory:
            changes.append(core.SetSignatory(signatory))
    return changes


def _fingerprint(plan: ImportPlan) -> str:
    """What the plan read: changes when anything it depends on changes before the person confirms."""
    parts = []
    for year, yp in sorted(plan.years.items()):
        parts.append(f"{year}:{yp.exists}:{yp.before.status}:{yp.before.budget.version}")
        for line in yp.before.lines:
            versions = [line.figure(f).version for f in core.FIELDS]
            parts.append(f"{line.indicator_id}:{versions}:{line.note_version}:{line.settings_version}")
    parts.extend(f"{e.key}:{e.seen_version}" for e in plan.end_targets)
    parts.extend(f"{p.ref}:{p.candidate}" for p in plan.probable)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# --- writing ------------------------------------------------------------------------------------


def execute(plan: ImportPlan, *, user, name: str, published: bool = False, columns: dict | None = None) -> ImportReport:
    """Write a planned import through the one write path, all or nothing. ``columns``: the mapping the file
    was read through, kept with it (kinerja.readers.mapping)."""
    agency = plan.agency
    if plan.already is not None:
        return ImportReport(file=plan.already, created=False)
    if published and not is_admin(user, agency.region_id):
        raise ImportRefused("Hanya admin yang dapat menerbitkan dokumen bertanda tangan apa adanya.")
    origin = "import-published" if published else "import"
    with transaction.atomic():
        source = SourceFile.objects.create(
            agency=agency, name=name, sha256=plan.digest, imported_by=user if getattr(user, "pk", None) else None,
            columns=columns,
        )  # fmt: skip
        report = ImportReport(file=source, created=True)
        new_ids: dict[str, int] = {}
        created_years = []
        for year, year_plan in sorted(plan.years.items()):
            agency_year, created = AgencyYear.objects.get_or_create(agency=agency, year=year)
            if created:
                created_years.append(agency_year)
                audit.record(
                    user=user, agency=agency, year=year, action=AuditEvent.Action.CREATE, obj=agency_year,
                    label=f"tahun {year} (dari impor {name})", after={"status": agency_year.status}, origin=origin,
                )  # fmt: skip
            elif agency_year.status not in {s.value for s in core.EDITABLE}:
                raise ImportRefused(f"Tahun {year} tidak lagi berupa draf; impor dibatalkan.")
            applied = store.apply(
                user, agency_year, year_plan.changes, origin=origin, comment=f"impor {name}", new_ids=new_ids
            )
            report.changes += applied.count
        report.changes += _write_end_targets(plan, user, new_ids, origin)
        tables = _write_tables(plan, source, new_ids, report)
        _write_findings(plan, source, tables, report)
        for probable in plan.probable:
            indicator_id = _id_of(plan.rows[_row_key(probable.ref)][1], new_ids)
            candidate_id = _id_of(probable.candidate, new_ids)
            if indicator_id != candidate_id:
                LinkSuggestion.objects.get_or_create(
                    indicator_id=indicator_id, candidate_id=candidate_id, defaults={"score": round(probable.score, 1)}
                )
                report.suggestions.append((probable.name, probable.candidate_name, probable.score))
        if published:
            for agency_year in created_years:
                agency_year.refresh_from_db()  # with the signature block written above
                agency_year.status = AgencyYear.Status.PUBLISHED
                keep_version(agency_year)  # its published version, as publishing in the cycle keeps one
                agency_year.save(update_fields=["status", "published", "average", "published_average", "average_basis"])
                audit.record(
                    user=user, agency=agency, year=agency_year.year, action=AuditEvent.Action.WORKFLOW,
                    obj=agency_year, label="diterbitkan dari dokumen bertanda tangan (admin)",
                    before={"status": "draft"}, after={"status": "published"}, origin=origin,
                    comment=f"impor {name}",
                )  # fmt: skip
    report.years = sorted(plan.years)
    return report


def _row_key(ref: str) -> tuple[int, int]:
    doc, row = ref.split(":")
    return int(doc), int(row)


def _id_of(key, new_ids: dict[str, int]) -> int:
    if isinstance(key, tuple):
        return new_ids[key[1]]
    return key


def _write_end_targets(plan: ImportPlan, user, new_ids, origin) -> int:
    changes = []
    for end in plan.end_targets:
        if end.value == end.before and end.seen_version is not None:
            continue
        period, _ = PlanPeriod.objects.get_or_create(
            agency=plan.agency, start_year=end.start_year, end_year=end.end_year
        )
        changes.append(
            renstra.SetEndTarget(
                plan_id=period.pk,
                indicator_id=_id_of(end.key, new_ids),
                value=end.value,
                raw=end.raw,
                seen_version=end.seen_version,
            )
        )
    return renstra.apply_plan(user, plan.agency, changes, origin=origin) if changes else 0


def _write_tables(plan: ImportPlan, source: SourceFile, new_ids, report: ImportReport) -> dict[int, SourceTable]:
    tables = {}
    figures = []
    for index, document in enumerate(plan.result.documents):
        table = SourceTable.objects.create(file=source, index=index, kind=document.kind.value, year=document.year)
        tables[index] = table
        for row in document.rows:
            _, key = plan.rows[(index, row.index)]
            figures.append(_reported(table, row, _id_of(key, new_ids), document.year))
        audit.record(
            user=source.imported_by, agency=plan.agency, year=document.year, action=AuditEvent.Action.IMPORT,
            obj=table, label=f"impor {source.name}: {document.kind.value} {document.year}, {len(document.rows)} baris",
            after={"berkas": source.name, "sha256": source.sha256, "baris": len(document.rows)},
        )  # fmt: skip
        report.tables += 1
        report.rows += len(document.rows)
    ReportedFigure.objects.bulk_create(figures)
    return tables


def _write_findings(plan: ImportPlan, source: SourceFile, tables, report: ImportReport) -> None:
    figures = {(f.table_id, f.row): f for f in ReportedFigure.objects.filter(table__file=source)}
    records = []
    for finding in plan.result.findings:
        document = plan.result.documents[finding.document]
        table = tables[finding.document]
        records.append(
            FindingRecord(
                file=source,
                table=table,
                figure=figures.get((table.pk, finding.row)) if finding.row is not None else None,
                agency=plan.agency,
                year=document.year,
                code=finding.code,
                severity=finding.severity.value,
                field=finding.field or "",
                reported=_jsonable(finding.reported),
                expected=_jsonable(finding.expected),
                message=finding.message,
                said=structure(finding.message),
            )
        )
    FindingRecord.objects.bulk_create(records)
    report.findings = len(records)
    report.errors = sum(1 for r in records if r.severity == "error")


def _jsonable(value):
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def _reported(table, row: Row, indicator_id: int, year: int) -> ReportedFigure:
    reported = row.capaian_reported
    return ReportedFigure(
        table=table,
        row=row.index,
        indicator_id=indicator_id,
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


def import_file(
    path: str | Path,
    *,
    agency: str,
    region: str | None = None,
    create: bool = False,
    user=None,
    display_name: str | None = None,
    published: bool = False,
    choices: dict[str, str] | None = None,
    mapping=None,
) -> ImportReport:
    """Read, check, plan and store a file (the command line's import). Raises ReadError or ImportRefused.
    ``mapping``: the file's columns named by hand (kinerja.readers.mapping.ColumnMap)."""
    path = Path(path)
    user = user or SystemUser()
    with transaction.atomic():
        target_agency = find_agency(agency, region, create=create)
        plan = plan_file(path, target_agency, choices=choices, mapping=mapping)
        columns = mapping.as_dict() if mapping is not None else None
        return execute(plan, user=user, name=display_name or path.name, published=published, columns=columns)


class SystemUser:
    """The command line runs as the installation's administrator: it sees and may do everything."""

    is_authenticated = True
    is_superuser = True
    pk = None

    def get_username(self) -> str:
        return "sistem"

    def get_full_name(self) -> str:
        return ""
