"""The one loader and the one writer of an agency's year.

``load`` builds a :class:`kinerja.core.year.Year` from the database with a constant number of
queries; every page, report and template reads through it. ``apply`` is the only way anything
about a year is written (entry forms, Excel, document import, settings, budget) and it always
does the same: access check, row lock on the year, editable state and entry window, versions and
limits (in the core), then exactly the differences, each with one audit event, or nothing at all.
``apply_plan`` does the same for the Renstra page (end targets and sasaran), refusing while a
locked year uses what would change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import snapshot
from kinerja.core import year as core
from kinerja.core.model import Cumulation, Direction
from kinerja.core.workflow import EDITABLE, Refused, Role, State

from . import audit, averages, scales
from .access import can_edit, is_admin, roles_for
from .averages import capaian_cap
from .models import (
    AgencyYear,
    AuditEvent,
    Budget,
    BudgetItem,
    FindingRecord,
    Indicator,
    Official,
    Realisation,
    Sasaran,
    Target,
)
from .windows import window_state

QUARTER = {"target": 0, "year": 0, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
LOCKED_STATES = {s.value for s in State} - {s.value for s in EDITABLE}


# --- reading ------------------------------------------------------------------------------------


def load(agency_year: AgencyYear) -> core.Year:
    return load_many([agency_year])[agency_year.pk]


TARGET_FIELDS = (
    "indicator_id", "indicator__agency_id", "year", "value", "raw", "version", "name", "indicator__name", "unit",
    "direction", "cumulation", "sasaran__name", "position", "settings_version", "definition", "data_source",
    "is_iku", "info_version", "unused", "responsible", "standard", "standard_source", "indicator__plausible_min",
    "indicator__plausible_max", "indicator__version",
)  # fmt: skip
REALISATION_FIELDS = (
    "indicator_id", "year", "quarter", "value", "raw", "version", "note", "note_version", "evidence_name",
    "evidence_sha256",
)  # fmt: skip


def load_many(
    agency_years: Iterable[AgencyYear], *, previous: bool = True, indicators: Iterable[int] | None = None
) -> dict[int, core.Year]:
    """Years of one or more agencies, in five queries whatever their number. ``indicators`` limits the
    lines to those indicators (an indicator's own series across years)."""
    agency_years = list(agency_years)
    if not agency_years:
        return {}
    agency_ids = {ay.agency_id for ay in agency_years}
    wanted = {(ay.agency_id, ay.year) for ay in agency_years}
    if previous:
        wanted |= {(agency_id, year - 1) for agency_id, year in wanted}
    years = {year for _, year in wanted}
    budgets = {(b.agency_id, b.year): b for b in Budget.objects.filter(agency_id__in=agency_ids, year__in=years)}
    items: dict[int, list[BudgetItem]] = defaultdict(list)
    for item in BudgetItem.objects.filter(budget__in=list(budgets.values())).select_related("sasaran").order_by("id"):
        items[item.budget_id].append(item)
    errors: dict[tuple[int, int], list[core.OpenError]] = defaultdict(list)
    for finding in FindingRecord.objects.filter(
        agency_id__in=agency_ids, year__in=years, severity="error", resolved=False, explanation=""
    ).select_related("figure"):
        errors[(finding.agency_id, finding.year)].append(
            core.OpenError(
                finding_id=finding.id,
                indicator_id=finding.figure.indicator_id if finding.figure_id else None,
                message=finding.sentence,
            )
        )
    lines = _lines(agency_ids, wanted, indicators)
    signatory = AgencyYear._meta.get_field("signatory")
    unloaded = {
        ay.signatory_id for ay in agency_years if ay.signatory_id and not ay.signer and not signatory.is_cached(ay)
    }
    officials = Official.objects.in_bulk(unloaded) if unloaded else {}  # one query, when the caller did not join
    cap = capaian_cap()
    versions = scales.by_agency(agency_ids)
    out = {}
    for ay in agency_years:
        key = (ay.agency_id, ay.year)
        before = {line.indicator_id: line.realisasi for line in lines.get((ay.agency_id, ay.year - 1), [])}
        out[ay.pk] = core.Year(
            agency_id=ay.agency_id,
            year=ay.year,
            status=State(ay.status),
            lines=tuple(lines.get(key, [])),
            budget=_budget(budgets.get(key), items),
            previous=before,
            open_errors=tuple(errors.get(key, [])),
            signatory=_signatory(ay, officials),
            cap=cap,
            bands=scales.choose(versions.get(ay.agency_id, []), ay.year),
        )
    return out


def _lines(agency_ids, wanted: set[tuple[int, int]], indicators=None) -> dict[tuple[int, int], list[core.Line]]:
    """The lines of the wanted (agency, year) pairs, in form order: two queries."""
    years = {year for _, year in wanted}
    targets = Target.objects.filter(indicator__agency_id__in=agency_ids, year__in=years)
    realisations = Realisation.objects.filter(indicator__agency_id__in=agency_ids, year__in=years)
    if indicators is not None:
        targets = targets.filter(indicator_id__in=list(indicators))
        realisations = realisations.filter(indicator_id__in=list(indicators))
    realised: dict[tuple[int, int], dict[int, tuple]] = defaultdict(dict)
    for row in realisations.values_list(*REALISATION_FIELDS):
        realised[(row[0], row[1])][row[2]] = row
    lines: dict[tuple[int, int], list[core.Line]] = defaultdict(list)
    for row in targets.order_by("position", "id").values_list(*TARGET_FIELDS):
        key = (row[1], row[2])
        if key in wanted:
            lines[key].append(_line(row, realised.get((row[0], row[2]), {})))
    return lines


def load_visible(
    user, agency_years: Iterable[AgencyYear], *, previous: bool = True, indicators: Iterable[int] | None = None
) -> dict[int, core.Year]:
    """What ``user`` may read of each year: the live year for its own people and once published, the
    published version while an admin has the year reopened (everyone else)."""
    from .access import roles_for

    agency_years = list(agency_years)
    public = [ay for ay in agency_years if ay.reopened and not roles_for(user, ay.agency)]
    out = load_many([ay for ay in agency_years if ay not in public], previous=previous, indicators=indicators)
    cap = capaian_cap()
    wanted = set(indicators) if indicators is not None else None
    versions = dict(AgencyYear.objects.filter(pk__in=[ay.pk for ay in public]).values_list("pk", "published"))
    scale_versions = scales.by_agency({ay.agency_id for ay in public}) if public else {}
    for ay in public:
        year = snapshot.load(
            versions[ay.pk], cap=cap, bands=scales.choose(scale_versions.get(ay.agency_id, []), ay.year)
        )
        if wanted is not None:
            year = replace(year, lines=tuple(line for line in year.lines if line.indicator_id in wanted))
        out[ay.pk] = year
    return out


def earlier_years(agency_id: int, years: Iterable[int]) -> list[core.Year]:
    """Earlier years of an agency with their lines only (no budget, findings or signatory), oldest
    first: what the checks across years compare. Two queries."""
    wanted = {(agency_id, year) for year in years}
    lines = _lines({agency_id}, wanted)
    return [core.Year(agency_id=agency_id, year=y, lines=tuple(lines.get((agency_id, y), []))) for y in sorted(years)]


def _line(row: tuple, realisations: dict[int, tuple]) -> core.Line:
    (indicator_id, _agency, _year, value, raw, version, name, indicator_name, unit, direction, cumulation, sasaran,
     position, settings_version, definition, data_source, is_iku, info_version, unused, responsible, standard,
     standard_source, plausible_min, plausible_max, bounds_version) = row  # fmt: skip
    figures = {"target": core.Figure(value, raw, version)}
    for field_name, quarter in QUARTER.items():
        found = realisations.get(quarter)
        if field_name != "target" and found is not None:
            figures[field_name] = core.Figure(found[3], found[4], found[5])
    year_row = realisations.get(0)
    return core.Line(
        indicator_id=indicator_id,
        name=name or indicator_name,
        unit=unit,
        direction=Direction(direction),
        cumulation=Cumulation(cumulation),
        sasaran=sasaran,
        position=position,
        figures=figures,
        settings_version=settings_version,
        note=year_row[6] if year_row else "",
        note_version=year_row[7] if year_row else 0,
        evidence=year_row[8] if year_row else "",
        evidence_sha256=year_row[9] if year_row else "",
        definition=definition,
        data_source=data_source,
        responsible=responsible,
        is_iku=is_iku,
        standard=standard,
        standard_source=standard_source,
        plausible_min=plausible_min,
        plausible_max=plausible_max,
        info_version=info_version,
        bounds_version=bounds_version,
        unused=unused,
    )


def _budget(budget: Budget | None, items: dict[int, list[BudgetItem]]) -> core.Budget:
    if budget is None:
        return core.Budget()
    return core.Budget(
        anggaran=core.Figure(budget.anggaran, budget.anggaran_raw, budget.version),
        realisasi=core.Figure(budget.realisasi, budget.realisasi_raw, budget.version),
        version=budget.version,
        waiver=budget.waiver,
        items=tuple(
            core.BudgetItem(
                id=i.id,
                program=i.program,
                kegiatan=i.kegiatan,
                anggaran=i.anggaran,
                realisasi=i.realisasi,
                sasaran=i.sasaran.name if i.sasaran else "",
            )
            for i in items.get(budget.id, [])
        ),
    )


def _signatory(ay: AgencyYear, officials: dict | None = None) -> core.Signatory | None:
    """The year's signature block: as it was signed (AgencyYear.signer, kept also when the official's record
    is deleted later), or the official as now for a year kept before signatures were (migration 0036)."""
    if not ay.signer and ay.signatory_id is None:
        return None
    kept = ay.signer or ((officials or {}).get(ay.signatory_id) or ay.signatory).as_signed()
    return core.Signatory(
        name=kept["name"], nip=kept["nip"], rank=kept["rank"], title=kept["title"], place=ay.signed_place,
        date=ay.signed_on,
    )  # fmt: skip


# --- writing ------------------------------------------------------------------------------------


@dataclass
class Applied:
    """What a write did: how many values changed, and the ids given to new indicators by ref."""

    count: int = 0
    new_ids: dict[str, int] = field(default_factory=dict)
    differences: list[core.Difference] = field(default_factory=list)


def apply(
    user, agency_year: AgencyYear, changes: list, *, origin: str, comment: str = "", new_ids: dict | None = None
) -> Applied:
    """Write ``changes`` to the year, all or nothing. Raises Refused (with its reason) or PermissionDenied.

    ``new_ids`` maps the refs of new lines to the indicators already created for them (an import that
    brings the same new indicator into several years); it is filled as new indicators are created."""
    agency = agency_year.agency
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah data perangkat daerah ini.")
    with transaction.atomic():
        locked = (
            AgencyYear.objects.select_for_update(of=("self",))
            .select_related("agency__region", "signatory")
            .get(pk=agency_year.pk)
        )
        if not is_admin(user, agency.region_id):
            for quarter in sorted(_quarters(changes)):
                open_, why = window_state(locked.agency, locked.year, quarter)
                if not open_:
                    raise Refused(gettext("Tidak dapat disimpan: %(why)s.") % {"why": why})
        _check_region_bounds(user, locked.agency, changes)
        before = load(locked)
        try:
            after = before.changed(changes)
        except core.Conflict as conflict:
            # the core's stale-form sentences say 'another user': named here, who changed it last
            raise core.Conflict(
                conflict.args[0].replaced(who=_last_editor(locked, conflict.indicator_id, conflict.field)),
                indicator_id=conflict.indicator_id,
                field=conflict.field,
                current=conflict.current,
            ) from None
        differences = core.diff(before, after)
        files = {c.indicator_id: c.file for c in changes if isinstance(c, core.SetEvidence)}
        writer = _Writer(user, locked, after, origin, comment, files, {} if new_ids is None else new_ids)
        for difference in differences:
            writer.write(difference)
        if differences:
            kept = {"average": averages.stored(after), "average_basis": averages.basis()}
            AgencyYear.objects.filter(pk=locked.pk).update(**kept)
        return Applied(count=len(differences), new_ids=writer.new_ids, differences=differences)


BOUND_FIELDS = core.BOUND_INFO
REGION_ROLES = {Role.REVIEWER, Role.ADMIN}


def region_bounds(user, agency, indicator_ids) -> list[str]:
    """The names of those indicators whose batas wajar the region set and ``user`` may not change (not one of
    the region's reviewers or admins): the form shows them read-only, store.apply refuses a change."""
    if not indicator_ids or roles_for(user, agency) & REGION_ROLES:
        return []
    return list(Indicator.objects.filter(pk__in=indicator_ids, bounds_by_region=True).values_list("name", flat=True))


def _check_region_bounds(user, agency, changes) -> None:
    """A batas wajar the region set is the region's to change: the agency's operator is refused (and
    explains a figure outside in its note instead)."""
    ids = {c.indicator_id for c in changes if isinstance(c, core.SetInfo) and c.field in BOUND_FIELDS}
    names = region_bounds(user, agency, ids)
    if names:
        raise Refused(
            gettext(
                "Batas wajar '%(name)s' ditetapkan oleh Bappeda atau admin; hanya mereka yang dapat mengubahnya. "
                "Angka di luar batas wajar dijelaskan di catatan."
            )
            % {"name": names[0]}
        )


def _quarters(changes) -> set[int]:
    quarters = set()
    for change in changes:
        if isinstance(change, core.SetFigure):
            quarters.add(QUARTER.get(change.field, 0))
        elif isinstance(change, core.SetNote | core.SetEvidence | core.SetInfo | core.SetSignatory):
            continue
        else:
            quarters.add(0)
    return quarters


def _last_editor(agency_year: AgencyYear, indicator_id: int | None, field_name: str) -> str:
    """Who changed it last (their name), or 'another user' (a term said in the page's language)."""
    events = AuditEvent.objects.filter(agency=agency_year.agency, year=agency_year.year)
    events = events.filter(indicator_id=indicator_id) if indicator_id else events.filter(object_type="Budget")
    event = events.select_related("user").order_by("-at", "-id").first()
    if event is None or event.user is None:
        return core.ANOTHER_USER
    return event.user.get_full_name() or event.user.get_username()


WRITTEN = "tertulis"  # the audit's key of a figure's text as written, beside its "value"


def figure_record(value, written: str) -> dict:
    """A figure as the audit keeps it: its number, and its text when the number alone does not say it
    (62,50 written, or a target written as words), so that the history shows it and an undo restores it."""
    return {"value": value, WRITTEN: written} if written else {"value": value}


def stored_record(value, raw: str) -> dict:
    """``figure_record`` of a figure kept as a number and its text (an end or yearly Renstra target)."""
    return figure_record(value, core.Figure(value, raw).written)


class _Writer:
    """Writes one difference at a time, with its audit event under the year it belongs to."""

    def __init__(self, user, agency_year, after: core.Year, origin: str, comment: str, files: dict, new_ids: dict):
        self.user, self.agency_year, self.after, self.origin, self.comment = user, agency_year, after, origin, comment
        self.agency, self.year = agency_year.agency, agency_year.year
        self.files = files
        self.lines = {line.key: line for line in after.lines}  # looked up once per difference
        self.new_ids: dict[str, int] = new_ids
        self.sasaran: dict[str, Sasaran] = {}

    def record(self, difference: core.Difference, *, action, obj, before, after, label: str | None = None):
        audit.record(
            user=self.user,
            agency=self.agency,
            year=self.year,
            action=action,
            obj=obj,
            indicator_id=difference.indicator_id or self.new_ids.get(_ref(difference.key)),
            label=label or f"{core.LABELS.get(difference.field, difference.field)}: {difference.label}",
            before=before,
            after=after,
            comment=self.comment if self.origin != "form" else "",
            origin=self.origin,
        )

    def write(self, d: core.Difference) -> None:
        method = {
            "line": self._line,
            "budget_item": self._budget_item,
            "signatory": self._signatory,
            "anggaran": self._budget,
            "realisasi": self._budget,
            "waiver": self._waiver,
        }.get(d.field)
        if method is None:
            if d.field in core.FIELDS:
                method = self._figure
            elif d.field in ("note", "evidence"):
                method = self._note
            elif d.field in core.SETTINGS:
                method = self._setting
            else:
                method = self._info
        method(d)

    def _sasaran(self, name: str) -> Sasaran:
        name = name.strip() or "(tanpa sasaran)"
        if name not in self.sasaran:
            found = Sasaran.objects.filter(agency=self.agency, name=name).order_by("id").first()
            self.sasaran[name] = found or Sasaran.objects.create(agency=self.agency, name=name)
        return self.sasaran[name]

    def _line(self, d: core.Difference) -> None:
        if d.after is None:  # removed from this year's plan
            for obj in Target.objects.filter(indicator_id=d.indicator_id, year=self.year):
                obj.delete()
            Realisation.objects.filter(indicator_id=d.indicator_id, year=self.year).delete()
            self.record(d, action=AuditEvent.Action.DELETE, obj="Target", before=d.before, after=None)
            return
        line = self.lines[d.key]
        created = line.indicator_id is None and line.ref not in self.new_ids
        if line.indicator_id is None and line.ref in self.new_ids:
            indicator = Indicator.objects.get(pk=self.new_ids[line.ref], agency=self.agency)
        elif created:  # with this line's settings already: its defaults need no update below
            indicator = Indicator.objects.create(
                agency=self.agency,
                name=line.name,
                unit=line.unit,
                direction=line.direction.value,
                cumulation=line.cumulation.value,
                definition=line.definition,
                data_source=line.data_source,
                responsible=line.responsible,
                is_iku=line.is_iku,
                standard=line.standard,
                standard_source=line.standard_source,
                plausible_min=line.plausible_min,
                plausible_max=line.plausible_max,
            )
            self.new_ids[line.ref] = indicator.id
        else:
            indicator = Indicator.objects.get(pk=line.indicator_id, agency=self.agency)
        target = line.figure("target")
        row = Target.objects.create(
            indicator=indicator,
            year=self.year,
            value=target.value,
            raw=target.raw,
            sasaran=self._sasaran(line.sasaran),
            position=line.position,
            version=1,
            name=line.name,
            unit=line.unit,
            direction=line.direction.value,
            cumulation=line.cumulation.value,
            settings_version=1,
            **{name: getattr(line, name) for name in core.YEAR_INFO},
            info_version=1,
        )
        for name, quarter in QUARTER.items():
            figure = line.figure(name)
            if name == "target" or (figure.value is None and not figure.raw):
                continue
            Realisation.objects.create(
                indicator=indicator, year=self.year, quarter=quarter, value=figure.value, raw=figure.raw, version=1
            )
        if line.note:
            Realisation.objects.update_or_create(
                indicator=indicator, year=self.year, quarter=0, defaults={"note": line.note, "note_version": 1}
            )
        if not created:
            self._defaults(indicator, line)
        self.record(
            core.Difference(indicator.id, d.key, d.label, d.field, d.before, d.after),
            action=AuditEvent.Action.CREATE,
            obj=row,
            before=None,
            after=d.after,
        )

    def _figure(self, d: core.Difference) -> None:
        line = self._current(d)
        figure = line.figure(d.field)
        if d.field == "target":
            obj = Target.objects.get(indicator_id=line.indicator_id, year=self.year)
        else:
            obj, _ = Realisation.objects.get_or_create(
                indicator_id=line.indicator_id, year=self.year, quarter=QUARTER[d.field]
            )
        created = obj.version == 0 and obj.value is None and not obj.raw
        obj.value, obj.raw = figure.value, figure.raw
        obj.version += 1
        obj.save(update_fields=["value", "raw", "version"])
        self.record(
            d,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            obj=obj,
            before=None if created else figure_record(d.before, d.written_before),
            after=figure_record(d.after, d.written_after),
        )

    def _note(self, d: core.Difference) -> None:
        line = self._current(d)
        obj, _ = Realisation.objects.get_or_create(indicator_id=line.indicator_id, year=self.year, quarter=0)
        if d.field == "note":
            obj.note = line.note
            before, after = {"note": d.before}, {"note": d.after}
        else:
            # the replaced file stays on disk, named in the audit trail (evidence_history serves it)
            before = {**(d.before or {}), "berkas": obj.evidence.name} if obj.evidence else d.before
            obj.evidence = self.files.get(line.indicator_id)
            obj.evidence_name = (line.evidence or "")[:255]
            obj.evidence_sha256 = line.evidence_sha256
        obj.note_version += 1
        obj.save()
        if d.field == "evidence":
            after = {**(d.after or {}), "berkas": obj.evidence.name} if obj.evidence else d.after
        self.record(d, action=AuditEvent.Action.UPDATE, obj=obj, before=before, after=after)

    def _setting(self, d: core.Difference) -> None:
        line = self._current(d)
        obj = Target.objects.get(indicator_id=line.indicator_id, year=self.year)
        if d.field == "sasaran":
            obj.sasaran = self._sasaran(line.sasaran)
        else:
            setattr(obj, d.field, d.after)
        obj.settings_version += 1
        obj.save()
        self._defaults(obj.indicator, line)
        self.record(d, action=AuditEvent.Action.UPDATE, obj=obj, before={d.field: d.before}, after={d.field: d.after})

    def _info(self, d: core.Difference) -> None:
        line = self._current(d)
        if d.field not in BOUND_FIELDS:  # the year's description, on the year's row (as a setting)
            obj = Target.objects.get(indicator_id=line.indicator_id, year=self.year)
            setattr(obj, d.field, getattr(line, d.field))
            obj.info_version += 1
            obj.save()
            self._defaults(obj.indicator, line)
        else:  # the indicator's batas wajar; whoever sets it last owns it: the region's people lock it
            obj = Indicator.objects.get(pk=line.indicator_id)
            setattr(obj, d.field, getattr(line, d.field))
            ranged = obj.plausible_min is not None or obj.plausible_max is not None
            obj.bounds_by_region = ranged and bool(roles_for(self.user, self.agency) & REGION_ROLES)
            obj.version += 1
            obj.save()
        self.record(d, action=AuditEvent.Action.UPDATE, obj=obj, before={d.field: d.before}, after={d.field: d.after})

    def _budget(self, d: core.Difference) -> None:
        budget, created = Budget.objects.get_or_create(agency=self.agency, year=self.year)
        figure = getattr(self.after.budget, d.field)
        setattr(budget, d.field, figure.value)
        setattr(budget, f"{d.field}_raw", figure.raw)
        budget.version += 1
        budget.save()
        self.record(
            d,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            obj=budget,
            before=None if created else {d.field: d.before},
            after={d.field: d.after},
        )

    def _waiver(self, d: core.Difference) -> None:
        budget, created = Budget.objects.get_or_create(agency=self.agency, year=self.year)
        budget.waiver = self.after.budget.waiver
        budget.version += 1
        budget.save()
        self.record(
            d,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            obj=budget,
            before=None if created else {"alasan": d.before},
            after={"alasan": d.after},
            label=core.LABELS["waiver"],
        )

    def _budget_item(self, d: core.Difference) -> None:
        if d.after is None:
            item = BudgetItem.objects.get(pk=d.key[1], budget__agency=self.agency, budget__year=self.year)
            item.delete()
            self.record(
                d, action=AuditEvent.Action.DELETE, obj="BudgetItem", before=d.before, after=None,
                label=f"anggaran program: {d.label}",
            )  # fmt: skip
            return
        budget, _ = Budget.objects.get_or_create(agency=self.agency, year=self.year)
        data = d.after
        sasaran = None
        if data["sasaran"]:
            sasaran = Sasaran.objects.filter(agency=self.agency, name=data["sasaran"]).first()
        item = BudgetItem.objects.create(
            budget=budget,
            program=data["program"],
            kegiatan=data["kegiatan"],
            anggaran=data["anggaran"],
            realisasi=data["realisasi"],
            sasaran=sasaran,
        )
        self.record(
            d, action=AuditEvent.Action.CREATE, obj=item, before=None, after=data,
            label=f"anggaran program: {d.label}",
        )  # fmt: skip

    def _signatory(self, d: core.Difference) -> None:
        s = self.after.signatory
        ay = self.agency_year
        if s is None:
            ay.signatory, ay.signer = None, None
        else:
            official = Official.objects.filter(agency=self.agency, nip=s.nip).first() if s.nip else None
            if official is None:
                official = Official.objects.filter(agency=self.agency, nip="", name=s.name).first()
            if official is None:
                official = Official.objects.create(
                    agency=self.agency, name=s.name, nip=s.nip, rank=s.rank, title=s.title or ""
                )
            elif not _signed_later(official, self.year):  # an older document does not undo a promotion
                official.name, official.rank, official.title = s.name, s.rank, s.title or official.title
                official.save()
            ay.signatory = official
            ay.signed_on = s.date
            ay.signed_place = s.place
            ay.signer = {"name": s.name, "nip": s.nip, "rank": s.rank, "title": s.title or official.title}
        ay.save(update_fields=["signatory", "signed_on", "signed_place", "signer"])
        self.record(d, action=AuditEvent.Action.UPDATE, obj=ay, before=d.before, after=d.after)

    def _current(self, d: core.Difference) -> core.Line:
        return self.lines[d.key]

    def _defaults(self, indicator: Indicator, line: core.Line) -> None:
        """An indicator's defaults follow its latest year."""
        latest = Target.objects.filter(indicator=indicator).order_by("-year").values_list("year", flat=True).first()
        if latest is not None and self.year < latest:
            return
        fields = {
            "name": line.name,
            "unit": line.unit,
            "direction": line.direction.value,
            "cumulation": line.cumulation.value,
            **{name: getattr(line, name) for name in core.YEAR_INFO},
        }
        if any(getattr(indicator, k) != v for k, v in fields.items()):
            for key, value in fields.items():
                setattr(indicator, key, value)
            indicator.save(update_fields=list(fields))


def _signed_later(official: Official, year: int) -> bool:
    """Whether the official signed a later year: what it is now came after this year's document."""
    return AgencyYear.objects.filter(signatory=official, year__gt=year).exists()


def _ref(key) -> str | None:
    return key[1] if isinstance(key, tuple) and key and key[0] == "new" else None


# --- opening a year -----------------------------------------------------------------------------


def open_year(user, agency, year: int, *, origin: str = "form") -> tuple[AgencyYear, bool]:
    """A year as a draft with last year's indicators as they were (targets still to be entered)."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah data perangkat daerah ini.")
    with transaction.atomic():
        agency_year, created = AgencyYear.objects.get_or_create(agency=agency, year=year)
        if not created:
            return agency_year, False
        audit.record(
            user=user, agency=agency, year=year, action=AuditEvent.Action.CREATE, obj=agency_year,
            label=f"tahun {year}", after={"status": agency_year.status}, origin=origin,
        )  # fmt: skip
        last = AgencyYear.objects.filter(agency=agency, year=year - 1).first()
        if last is not None:
            previous = load_many([last], previous=False)[last.pk]
            changes = [core.AddLine(line.for_next_year()) for line in previous.lines]
            apply(user, agency_year, changes, origin=origin)
    return agency_year, True
