"""An agency's year as one object, and every rule that follows from it.

A :class:`Year` holds each indicator *as it was that year* (name, unit, direction, cumulation,
sasaran, target, quarterly and yearly realisations, note) with the version of every figure, note
and setting. It answers what pages, reports and the cycle ask: the year's realisation from the
quarters, capaian and category, averages with the configured cap, the budget's absorption and what
blocks a submission. :meth:`Year.changed` applies a list of changes the way every door must (state,
versions, limits) and :func:`diff` lists what differs between two states, value by value.

Pure Python: the web layer loads a Year from the database and writes back exactly its diff.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from kinerja.core import achievement as rules
from kinerja.core.bounds import Bounds
from kinerja.core.categories import PERMENDAGRI_BANDS, Band, category
from kinerja.core.findings import Finding
from kinerja.core.grades import is_grade_unit, scale_of
from kinerja.core.messages import Listed, Message, say
from kinerja.core.model import Achievement, Cumulation, Direction, DocKind, Document, Row
from kinerja.core.model import Budget as DocBudget
from kinerja.core.numbers import figure_problem, format_plain
from kinerja.core.text import check_text
from kinerja.core.values import Value, clean_cell, stored_value, write_value
from kinerja.core.workflow import EDITABLE, Refused, State

FIELDS = ("target", "q1", "q2", "q3", "q4", "year")
QUARTERS = ("q1", "q2", "q3", "q4")
SETTINGS = ("name", "unit", "direction", "cumulation", "sasaran", "unused")
# what describes the indicator in one year (kept with the year, like its name: a change in a draft year never
# moves a published one), and its batas wajar (the indicator's, across its years: a data-quality check)
YEAR_INFO = ("definition", "data_source", "responsible", "is_iku", "standard", "standard_source")
BOUND_INFO = ("plausible_min", "plausible_max")
INFO = (*YEAR_INFO, *BOUND_INFO)
FIGURE_INFO = ("standard", "plausible_min", "plausible_max")  # one figure each (or none), in the line's unit
BUDGET_FIELDS = ("anggaran", "realisasi")
LABELS = {
    "target": "target", "q1": "realisasi TW I", "q2": "realisasi TW II", "q3": "realisasi TW III",
    "q4": "realisasi TW IV", "year": "realisasi tahun", "note": "catatan", "evidence": "bukti",
    "name": "nama indikator", "unit": "satuan", "direction": "arah", "cumulation": "akumulasi",
    "sasaran": "sasaran", "definition": "definisi", "data_source": "sumber data", "is_iku": "IKU",
    "responsible": "penanggung jawab", "standard": "standar nasional", "standard_source": "dasar standar nasional",
    "plausible_min": "batas wajar bawah", "plausible_max": "batas wajar atas",
    "anggaran": "anggaran", "realisasi": "realisasi anggaran", "line": "indikator",
    "signatory": "penandatangan", "budget_item": "anggaran program", "unused": "tidak digunakan tahun ini",
    "waiver": "alasan anggaran belum dicatat",
}  # fmt: skip
TEXT_LIMITS = {
    "name": 1000, "unit": 100, "sasaran": 1000, "note": 10000, "definition": 10000, "data_source": 300,
    "responsible": 200, "standard_source": 300,
    "unused": 2000, "waiver": 2000,
}  # fmt: skip
QUARTER_LABELS = {"q1": "TW I", "q2": "TW II", "q3": "TW III", "q4": "TW IV"}
CUMULATION_LABELS = {
    Cumulation.LAST: "aturan nilai terakhir",
    Cumulation.SUM: "aturan jumlah kumulatif",
    Cumulation.AVERAGE: "aturan rata-rata",
}


class Conflict(Refused):
    """Someone changed the value after the person saw it; nothing was written. Its message says 'another
    user' (``ANOTHER_USER``) where the web, which knows who it was, names them (Message.replaced(who=…))."""

    def __init__(self, message: str, *, indicator_id: int | None, field: str, current: str):
        super().__init__(message)
        self.indicator_id = indicator_id
        self.field = field
        self.current = current


ANOTHER_USER = say("term.another_user")


def show(value) -> str:
    if value is None or value == "":
        return say("term.empty")
    if isinstance(value, Decimal):
        return format_plain(value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return str(value)


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal | None = None
    raw: str = ""
    version: int = 0

    @property
    def written(self) -> str:
        """The text as written unless it is just the number written plainly ('7', '19.393'): '62,50',
        '19.393 orang', 'WTP' or 'sekitar 80' say more than their number, and the audit keeps them."""
        text = clean_cell(self.raw)
        if not text or (self.value is not None and text == format_plain(self.value)):
            return ""
        return text


EMPTY = Figure()


@dataclass(frozen=True, slots=True)
class QuarterPoint:
    """One quarter of an indicator's year as a leader follows it: the quarter's own figure, the year so far
    by the indicator's cumulation (TW I + TW II for a flow, TW II for a level, their mean for a mean) and
    the capaian so far against the year's target."""

    quarter: str  # q1 … q4
    label: str  # TW I … TW IV
    value: Value
    to_date: Value
    capaian: Achievement


@dataclass(frozen=True, kw_only=True)
class Line:
    """One indicator as it is in one year. ``indicator_id`` is None for an indicator not yet stored."""

    indicator_id: int | None
    name: str
    ref: str = ""  # tells new lines apart until they are stored (a document row, a form)
    unit: str = ""
    direction: Direction = Direction.HIGHER
    cumulation: Cumulation = Cumulation.LAST
    sasaran: str = ""
    position: int = 0
    figures: Mapping[str, Figure] = field(default_factory=dict)
    settings_version: int = 0
    note: str = ""
    note_version: int = 0
    evidence: str = ""
    evidence_sha256: str = ""  # the evidence file's content: a new file of the same name is still a change
    definition: str = ""
    data_source: str = ""
    responsible: str = ""  # penanggung jawab: who answers for the figure
    is_iku: bool = False
    # the national standard the LKjIP compares the realisation with (Bab III A.4), in the indicator's unit,
    # and what sets it ('SPM bidang kesehatan, Permenkes 4/2019'); None where there is none
    standard: Decimal | None = None
    standard_source: str = ""
    # batas wajar (kinerja.core.bounds): a figure outside is looked at before the year is submitted
    plausible_min: Decimal | None = None
    plausible_max: Decimal | None = None
    info_version: int = 0  # of the year's description (YEAR_INFO)
    bounds_version: int = 0  # of the indicator's batas wajar (BOUND_INFO)
    unused: str = ""  # why the indicator is not used this year; empty while it is used
    # the category scale of the line's region and year (kinerja.core.categories); its Year sets it
    bands: tuple[Band, ...] = field(default=PERMENDAGRI_BANDS, compare=False, repr=False)

    def for_next_year(self) -> Line:
        """The indicator as it enters the next year: the same settings, no figures, no note yet."""
        return Line(
            indicator_id=self.indicator_id,
            name=self.name,
            unit=self.unit,
            direction=self.direction,
            cumulation=self.cumulation,
            sasaran=self.sasaran,
            position=self.position,
            definition=self.definition,
            data_source=self.data_source,
            responsible=self.responsible,
            is_iku=self.is_iku,
            standard=self.standard,
            standard_source=self.standard_source,
            plausible_min=self.plausible_min,
            plausible_max=self.plausible_max,
        )

    @property
    def key(self):
        return self.indicator_id if self.indicator_id is not None else ("new", self.ref or self.name)

    def info_version_of(self, field: str) -> int:
        """The version that guards a description field (the year's) or a batas wajar (the indicator's)."""
        return self.bounds_version if field in BOUND_INFO else self.info_version

    @property
    def bounds(self) -> Bounds:
        """The indicator's batas wajar (kinerja.core.bounds); empty when none is set."""
        return Bounds(self.plausible_min, self.plausible_max)

    def figure(self, name: str) -> Figure:
        return self.figures.get(name, EMPTY)

    def value(self, name: str) -> Value:
        figure = self.figure(name)
        return stored_value(figure.value, figure.raw, self.unit or None)

    @cached_property
    def target(self) -> Value:
        return self.value("target")

    @cached_property
    def realisasi(self) -> Value:
        """The year's realisation: the yearly figure when written, else from the quarters by the
        indicator's cumulation (flows add up, levels take the last quarter entered)."""
        year = self.figure("year")
        if year.value is not None or year.raw:
            return self.value("year")
        derived = rules.year_from_quarters([self.figure(q).value for q in QUARTERS], self.cumulation)
        return stored_value(derived, "", self.unit or None)

    @property
    def realisasi_rule(self) -> str:
        """Which figure is the year's realisation and by which rule, in words a reader checks against
        the form ("TW IV, aturan nilai terakhir")."""
        year = self.figure("year")
        if year.value is not None or year.raw:
            return "realisasi tahun yang diisi"
        entered = [q for q in QUARTERS if self.figure(q).value is not None]
        if not entered:
            return "belum ada realisasi"
        rule = CUMULATION_LABELS[self.cumulation]
        names = [QUARTER_LABELS[q] for q in entered]
        if self.cumulation is Cumulation.SUM:
            return f"jumlah {' + '.join(names)}, {rule}"
        if self.cumulation is Cumulation.AVERAGE:
            return f"({' + '.join(names)}) ÷ {len(names)}, {rule}"
        return f"{QUARTER_LABELS[entered[-1]]}, {rule}"

    @property
    def has_quarters(self) -> bool:
        return any(self.figure(q).value is not None for q in QUARTERS)

    def quarter_progress(self) -> tuple[QuarterPoint, ...]:
        """Each quarter with a figure, in order, and where the year stood after it."""
        points = []
        entered: list[Decimal | None] = []
        for quarter in QUARTERS:
            figure = self.figure(quarter)
            entered.append(figure.value)
            if figure.value is None:
                continue
            so_far = stored_value(rules.year_from_quarters(entered, self.cumulation), "", self.unit or None)
            points.append(
                QuarterPoint(
                    quarter=quarter,
                    label=QUARTER_LABELS[quarter],
                    value=self.value(quarter),
                    to_date=so_far,
                    capaian=rules.capaian(target=self.target, realisasi=so_far, direction=self.direction),
                )
            )
        return tuple(points)

    @cached_property
    def capaian(self) -> Achievement:
        return rules.capaian(target=self.target, realisasi=self.realisasi, direction=self.direction)

    @cached_property
    def band(self) -> Band | None:
        return category(self.capaian.value, self.bands)


@dataclass(frozen=True, slots=True)
class BudgetItem:
    id: int | None
    program: str
    kegiatan: str = ""
    anggaran: Decimal | None = None
    realisasi: Decimal | None = None
    sasaran: str = ""


@dataclass(frozen=True, slots=True)
class Budget:
    anggaran: Figure = EMPTY
    realisasi: Figure = EMPTY
    version: int = 0
    items: tuple[BudgetItem, ...] = ()
    waiver: str = ""  # why the year is submitted without its budget, in the operator's words

    @property
    def recorded(self) -> bool:
        return self.anggaran.value is not None and self.realisasi.value is not None

    @property
    def absorption(self) -> Decimal | None:
        """Serapan anggaran, by the one rule in kinerja.core.achievement."""
        return rules.absorption(self.anggaran.value, self.realisasi.value)


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    nip: str = ""
    rank: str = ""
    title: str = ""
    place: str = ""
    date: object = None  # a datetime.date


@dataclass(frozen=True, slots=True)
class OpenError:
    """An error finding of the year not yet explained."""

    finding_id: int
    indicator_id: int | None
    message: str


@dataclass(frozen=True, slots=True)
class Blocker:
    """One item of the submission checklist: what, where (indicator and field), and of which kind."""

    message: str
    indicator_id: int | None = None
    finding_id: int | None = None
    kind: str = "other"  # finding, target, worse, budget, rule, bounds
    field: str = ""

    @property
    def kind_label(self) -> str:
        return BLOCKER_KINDS.get(self.kind) or say("checklist.kind.other")


BLOCKER_KINDS = {
    kind: say(f"checklist.kind.{kind}") for kind in ("target", "worse", "finding", "budget", "rule", "bounds")
}


@dataclass(frozen=True, slots=True)
class Group:
    sasaran: str
    lines: tuple[Line, ...]
    average: Decimal | None


# --- changes ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SetFigure:
    indicator_id: int
    field: str  # one of FIELDS
    value: Decimal | None
    raw: str = ""
    seen_version: int | None = None  # None: checked by the caller under the same lock (import)


@dataclass(frozen=True, slots=True)
class SetNote:
    indicator_id: int
    note: str
    seen_version: int | None = None


@dataclass(frozen=True, slots=True)
class SetEvidence:
    indicator_id: int
    name: str
    file: object = None  # opaque to the core: the web layer stores it
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class SetSetting:
    indicator_id: int
    field: str  # one of SETTINGS
    value: str
    seen_version: int | None = None


@dataclass(frozen=True, slots=True)
class SetInfo:
    indicator_id: int
    field: str  # one of INFO
    value: object
    seen_version: int | None = None


@dataclass(frozen=True, slots=True)
class SetBudget:
    field: str  # anggaran / realisasi
    value: Decimal | None
    raw: str = ""
    seen_version: int | None = None


@dataclass(frozen=True, slots=True)
class SetBudgetWaiver:
    reason: str
    seen_version: int | None = None


@dataclass(frozen=True, slots=True)
class AddLine:
    line: Line


@dataclass(frozen=True, slots=True)
class RemoveLine:
    indicator_id: int


@dataclass(frozen=True, slots=True)
class AddBudgetItem:
    item: BudgetItem


@dataclass(frozen=True, slots=True)
class RemoveBudgetItem:
    item_id: int


@dataclass(frozen=True, slots=True)
class SetSignatory:
    signatory: Signatory


Change = (
    SetFigure
    | SetNote
    | SetEvidence
    | SetSetting
    | SetInfo
    | SetBudget
    | SetBudgetWaiver
    | AddLine
    | RemoveLine
    | AddBudgetItem
    | RemoveBudgetItem
    | SetSignatory
)


@dataclass(frozen=True, slots=True)
class Difference:
    """One value that differs between two states of a year: what the audit trail records."""

    indicator_id: int | None
    key: object
    label: str  # the indicator's name, or 'anggaran'
    field: str
    before: object
    after: object
    # a figure's text as written, when its number alone does not say it (Figure.written)
    written_before: str = ""
    written_after: str = ""


# --- the year -----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Year:
    agency_id: int | None
    year: int
    status: State = State.DRAFT
    lines: tuple[Line, ...] = ()
    budget: Budget = Budget()
    previous: Mapping[int, Value] = field(default_factory=dict)  # last year's realisasi per indicator
    open_errors: tuple[OpenError, ...] = ()
    signatory: Signatory | None = None
    cap: Decimal | None = None
    bands: tuple[Band, ...] = PERMENDAGRI_BANDS  # the region's category scale for this year

    def __post_init__(self):
        # every line is categorised on its year's scale, also a line added or changed after loading
        if any(line.bands is not self.bands for line in self.lines):
            object.__setattr__(self, "lines", tuple(replace(line, bands=self.bands) for line in self.lines))

    def band(self, value: Decimal | None) -> Band | None:
        """The category of a capaian (a line's, a sasaran's or the year's mean) on the year's scale."""
        return category(value, self.bands)

    @property
    def editable(self) -> bool:
        return State(self.status) in EDITABLE

    def line(self, indicator_id: int) -> Line | None:
        return next((line for line in self.lines if line.indicator_id == indicator_id), None)

    def by_name(self, name: str) -> Line | None:
        return next((line for line in self.lines if line.name == name), None)

    def groups(self) -> list[Group]:
        """Lines grouped by sasaran in form order, each group with its average capaian."""
        runs: list[list[Line]] = []
        for line in self.lines:
            if runs and runs[-1][0].sasaran == line.sasaran:
                runs[-1].append(line)
            else:
                runs.append([line])
        return [Group(sasaran=run[0].sasaran, lines=tuple(run), average=self.average(run)) for run in runs]

    @property
    def used_lines(self) -> tuple[Line, ...]:
        """The lines measured this year (an indicator marked as not used keeps its row, with its reason)."""
        return tuple(line for line in self.lines if not line.unused)

    def average(self, lines: Iterable[Line] | None = None) -> Decimal | None:
        """Mean capaian of the used lines whose capaian is defined, each limited to the cap when one is set."""
        values = [line.capaian.value for line in (self.lines if lines is None else lines) if not line.unused]
        return rules.average([v for v in values if v is not None], cap=self.cap)

    def blockers(self) -> list[Blocker]:
        """What must be fixed or explained before the year may be submitted."""
        found = [
            Blocker(
                say("checklist.finding", message=e.message),
                indicator_id=e.indicator_id,
                finding_id=e.finding_id,
                kind="finding",
            )
            for e in self.open_errors
        ]
        budget = self.budget
        if (
            budget.anggaran.value is not None
            and budget.realisasi.value is not None
            and budget.realisasi.value > budget.anggaran.value
        ):
            found.append(Blocker(say("checklist.budget_over"), kind="budget", field="realisasi"))
        for line in self.used_lines:
            if line.figure("target").value is None:
                found.append(
                    Blocker(
                        say("checklist.target_missing", name=line.name),
                        indicator_id=line.indicator_id,
                        kind="target",
                        field="target",
                    )
                )
            if line.note.strip():
                continue
            found.extend(outside_bounds(line))
            worse_quarter = _worse_quarter(line)
            if worse_quarter is not None:
                found.append(
                    Blocker(
                        say(
                            "checklist.worse_quarter", name=line.name, quarter=worse_quarter, previous=worse_quarter - 1
                        ),
                        indicator_id=line.indicator_id,
                        kind="worse",
                        field="note",
                    )
                )
                continue
            before = self.previous.get(line.indicator_id) if line.indicator_id is not None else None
            now = line.realisasi
            if before is not None and before.is_number and now.is_number and _worse(before.number, now.number, line):
                found.append(
                    Blocker(
                        say("checklist.worse_year", name=line.name, year=self.year, previous=self.year - 1),
                        indicator_id=line.indicator_id,
                        kind="worse",
                        field="note",
                    )
                )
        if not budget.recorded and not budget.waiver.strip():
            missing = Listed(tuple(say(f"label.{f}") for f in BUDGET_FIELDS if getattr(budget, f).value is None))
            found.append(
                Blocker(
                    say("checklist.budget_missing", missing=missing, year=self.year),
                    kind="budget",
                    field=BUDGET_FIELDS[0] if budget.anggaran.value is None else BUDGET_FIELDS[1],
                )
            )
        return found

    def checklist(self, blockers: list[Blocker] | None = None) -> list[tuple[str, list[Blocker]]]:
        """The blockers (computed here unless given) grouped by kind, in a fixed order, for the checklist
        a person works through."""
        blockers = self.blockers() if blockers is None else blockers
        return [
            (label, [b for b in blockers if b.kind == kind])
            for kind, label in BLOCKER_KINDS.items()
            if any(b.kind == kind for b in blockers)
        ]

    # --- changing ---

    def changed(self, changes: Iterable[Change], *, locked_ok: bool = False) -> Year:
        """This year with ``changes`` applied, or Refused (locked, stale, out of limits) and nothing."""
        if not self.editable and not locked_ok:
            raise Refused(say("year.locked", year=self.year, status=_STATUS_LABEL.get(State(self.status), self.status)))
        lines = {line.key: line for line in self.lines}
        order = [line.key for line in self.lines]
        budget = self.budget
        signatory = self.signatory
        budget_seen = False
        for change in changes:
            if isinstance(change, AddLine):
                line = change.line
                _check_text(line.name, "name")
                _check_text(line.unit, "unit")
                _check_text(line.sasaran, "sasaran")
                _check_text(line.standard_source, "standard_source")
                for name in FIGURE_INFO:
                    _check_info_figure(name, getattr(line, name))
                if not line.name.strip():
                    raise Refused(say("year.name_empty"))
                for name, figure in line.figures.items():
                    _check_figure(line.name, name, figure.value)
                    _check_text(figure.raw, name)
                if line.key in lines:
                    raise Refused(say("year.duplicate", name=line.name, year=self.year))
                lines[line.key] = line
                order.append(line.key)
                continue
            if isinstance(change, RemoveLine):
                if change.indicator_id not in lines:
                    raise Refused(say("year.not_in_plan"))
                del lines[change.indicator_id]
                order.remove(change.indicator_id)
                continue
            if isinstance(change, SetBudget):
                if change.field not in BUDGET_FIELDS:
                    raise Refused(say("year.budget_field_unknown", field=change.field))
                _check_figure("anggaran", change.field, change.value)
                _check_text(change.raw, change.field)
                if change.seen_version is not None and not budget_seen and change.seen_version != budget.version:
                    raise Conflict(
                        say(
                            "year.budget_conflict",
                            who=ANOTHER_USER,
                            anggaran=show(budget.anggaran.value),
                            realisasi=show(budget.realisasi.value),
                        ),
                        indicator_id=None,
                        field="anggaran",
                        current=show(getattr(budget, change.field).value),
                    )
                current = getattr(budget, change.field)
                if current.value != change.value:
                    budget = replace(budget, **{change.field: Figure(change.value, change.raw, current.version)})
                budget_seen = True
                continue
            if isinstance(change, SetBudgetWaiver):
                reason = (change.reason or "").strip()
                _check_text(reason, "waiver")
                if change.seen_version is not None and change.seen_version != budget.version:
                    raise Conflict(
                        say("year.budget_reason_conflict", who=ANOTHER_USER),
                        indicator_id=None,
                        field="anggaran",
                        current=budget.waiver,
                    )
                budget = replace(budget, waiver=reason)
                continue
            if isinstance(change, AddBudgetItem):
                item = change.item
                _check_text(item.program, "name")
                _check_text(item.kegiatan, "name")
                if not item.program.strip():
                    raise Refused(say("year.program_empty"))
                _check_figure(item.program, "anggaran", item.anggaran)
                _check_figure(item.program, "realisasi", item.realisasi)
                budget = replace(budget, items=(*budget.items, item))
                continue
            if isinstance(change, RemoveBudgetItem):
                if not any(i.id == change.item_id for i in budget.items):
                    raise Refused(say("year.budget_row_foreign"))
                budget = replace(budget, items=tuple(i for i in budget.items if i.id != change.item_id))
                continue
            if isinstance(change, SetSignatory):
                signatory = change.signatory
                if signatory is not None:
                    for text in (signatory.name, signatory.nip, signatory.rank, signatory.title, signatory.place):
                        _check_text(text, "signatory")
                continue
            line = lines.get(change.indicator_id)
            if line is None:
                raise Refused(say("year.not_in_plan"))
            lines[line.key] = _change_line(line, change)
        before = {line.key: line for line in self.lines}
        for key in order:
            _check_scale_change(before.get(key), lines[key])
            problem = lines[key].bounds.problem
            if problem and (before.get(key) is None or before[key].bounds != lines[key].bounds):
                raise Refused(say("year.line_problem", name=lines[key].name, problem=problem))
        return replace(self, lines=tuple(lines[k] for k in order), budget=budget, signatory=signatory)


_STATUS_LABEL = {state: say(f"status.{state.value}") for state in State}


def _worse(previous: Decimal, current: Decimal, line: Line) -> bool:
    return current < previous if line.direction is Direction.HIGHER else current > previous


def _worse_quarter(line: Line) -> int | None:
    values = [line.figure(q).value for q in QUARTERS]
    for q in range(1, 4):
        a, b = values[q - 1], values[q]
        if a is not None and b is not None and _worse(a, b, line):
            return q + 1
    return None


def _has_figures(line: Line) -> bool:
    return any(line.figure(name).value is not None for name in FIELDS if name != "target")


def _check_scale_change(before: Line | None, after: Line) -> None:
    """A unit that moves to or from a scale of grades, or from one scale to another, carries no figure
    over: a stored grade is its score (WTP = 4), and 4 is not 4 % nor the predikat B. Figures written
    anew with the unit are read in it; a figure kept from the old unit is refused, never reinterpreted."""
    if before is None or scale_of(before.unit) == scale_of(after.unit):
        return
    kept = [
        say("year.kept_figure", label=say(f"label.{name}"), value=write_value(before.value(name)))
        for name in FIELDS
        if after.figure(name).value is not None
        and (after.figure(name).value, after.figure(name).raw) == (before.figure(name).value, before.figure(name).raw)
    ]
    if kept:
        raise Refused(
            say(
                "year.unit_scale",
                name=after.name,
                before=before.unit or say("term.empty"),
                after=after.unit or say("term.empty"),
                kept=Listed(tuple(kept), "comma"),
            )
        )


def _check_figure(label: str, name: str, value: Decimal | None) -> None:
    if value is None:
        return
    problem = figure_problem(value)
    if problem:
        raise Refused(say("year.figure_problem", label=_label(name), name=label, value=value, problem=problem))


def _label(name: str) -> Message | str:
    """A field's label as a term of a sentence ('realisasi TW I'), or its name when it has none."""
    return say(f"label.{name}") if name in LABELS else name


def _check_text(text: str, name: str) -> None:
    check_text(text or "", _label(name), TEXT_LIMITS.get(name))


def _stale(line: Line, name: str, current: str, wanted: str = "") -> Conflict:
    yours = say("year.yours", wanted=wanted) if wanted else ""
    return Conflict(
        say("year.stale", label=_label(name), name=line.name, current=current, yours=yours, who=ANOTHER_USER),
        indicator_id=line.indicator_id,
        field=name,
        current=current,
    )


def _change_line(line: Line, change) -> Line:
    if isinstance(change, SetFigure):
        if change.field not in FIELDS:
            raise Refused(say("year.field_unknown", field=change.field))
        _check_figure(line.name, change.field, change.value)
        _check_text(change.raw, change.field)
        current = line.figure(change.field)
        if change.seen_version is not None and change.seen_version != current.version:
            wanted = change.value if change.value is not None else change.raw
            raise _stale(line, change.field, current.written or show(current.value), show(wanted))
        if current.value == change.value and (change.value is not None or current.raw == change.raw):
            return line
        figures = dict(line.figures)
        figures[change.field] = Figure(change.value, change.raw, current.version)
        return replace(line, figures=figures)
    if isinstance(change, SetNote):
        _check_text(change.note, "note")
        if change.seen_version is not None and change.seen_version != line.note_version:
            raise _stale(line, "note", line.note or say("term.empty"))
        return replace(line, note=change.note)
    if isinstance(change, SetEvidence):
        _check_text(change.name, "evidence")
        return replace(line, evidence=change.name, evidence_sha256=change.sha256)
    if isinstance(change, SetSetting):
        if change.field not in SETTINGS:
            raise Refused(say("year.field_unknown", field=change.field))
        value = (change.value or "").strip()
        _check_text(value, change.field)
        if change.seen_version is not None and change.seen_version != line.settings_version:
            raise _stale(line, change.field, show(getattr(line, change.field)))
        if change.field == "direction":
            value = Direction(value)
        elif change.field == "cumulation":
            value = Cumulation(value)
        elif change.field in ("name", "sasaran") and not value:
            raise Refused(say("year.empty", label=_label(change.field)))
        elif change.field == "unused" and value and not line.unused and _has_figures(line):
            raise Refused(say("year.unused_has_figures", name=line.name))
        return replace(line, **{change.field: value})
    if isinstance(change, SetInfo):
        if change.field not in INFO:
            raise Refused(say("year.field_unknown", field=change.field))
        if change.field in FIGURE_INFO:
            _check_info_figure(change.field, change.value)
        elif change.field != "is_iku":
            _check_text(change.value or "", change.field)
        if change.seen_version is not None and change.seen_version != line.info_version_of(change.field):
            raise _stale(line, change.field, show(getattr(line, change.field)))
        return replace(line, **{change.field: change.value})
    raise Refused(say("year.change_unknown", change=type(change).__name__))


def diff(before: Year, after: Year) -> list[Difference]:
    """Every value that differs between two states of the same year, in form order."""
    out: list[Difference] = []
    old = {line.key: line for line in before.lines}
    new = {line.key: line for line in after.lines}
    for key, line in new.items():
        previous = old.get(key)
        if previous is None:
            out.append(Difference(line.indicator_id, key, line.name, "line", None, _line_dict(line)))
            continue
        for name in FIELDS:
            a, b = previous.figure(name), line.figure(name)
            if a.value != b.value or (a.value is None and a.raw != b.raw):
                out.append(Difference(line.indicator_id, key, line.name, name, a.value, b.value, a.written, b.written))
        if (previous.evidence, previous.evidence_sha256) != (line.evidence, line.evidence_sha256):
            out.append(Difference(line.indicator_id, key, line.name, "evidence", _evidence(previous), _evidence(line)))
        for name in ("note", *SETTINGS, *INFO):
            a, b = getattr(previous, name), getattr(line, name)
            if a != b:
                out.append(Difference(line.indicator_id, key, line.name, name, _plain(a), _plain(b)))
    for key, line in old.items():
        if key not in new:
            out.append(Difference(line.indicator_id, key, line.name, "line", _line_dict(line), None))
    for name in BUDGET_FIELDS:
        a, b = getattr(before.budget, name), getattr(after.budget, name)
        if a.value != b.value:
            out.append(Difference(None, "budget", "anggaran", name, a.value, b.value))
    if before.budget.waiver != after.budget.waiver:
        out.append(Difference(None, "budget", "anggaran", "waiver", before.budget.waiver, after.budget.waiver))
    old_items = {i.id for i in before.budget.items}
    new_items = {i.id for i in after.budget.items}
    for item in after.budget.items:
        if item.id is None or item.id not in old_items:
            out.append(Difference(None, "budget_item", item.program, "budget_item", None, _item_dict(item)))
    for item in before.budget.items:
        if item.id not in new_items:
            out.append(Difference(None, ("budget_item", item.id), item.program, "budget_item", _item_dict(item), None))
    if before.signatory != after.signatory:
        out.append(
            Difference(
                None, "signatory", "penandatangan", "signatory", _sign_dict(before.signatory),
                _sign_dict(after.signatory),
            )
        )  # fmt: skip
    return out


def _evidence(line: Line) -> dict | None:
    if not line.evidence and not line.evidence_sha256:
        return None
    return {"bukti": line.evidence, "sha256": line.evidence_sha256}


def _check_info_figure(name: str, value) -> None:
    """A national standard or a plausible bound is one figure (or none): never words, never a number too
    long to keep."""
    if value is None:
        return
    if not isinstance(value, Decimal):
        raise Refused(say("year.not_one_number", label=_label(name)))
    problem = figure_problem(value)
    if problem:
        raise Refused(say("year.figure_limit", label=_label(name), problem=problem))


@dataclass(frozen=True, slots=True)
class OutsideFigure:
    """A figure of a line outside the indicator's batas wajar, and why."""

    field: str  # target, q1 … q4, year
    value: Decimal
    reason: str  # '21.223 di atas batas wajar (150 sampai 400)'
    running: bool = False  # the running total of a summed indicator's quarters up to ``field``

    @property
    def label(self) -> Message:
        if self.running and self.field != "q1":
            return say("label.running", quarter=QUARTER_LABELS[self.field])
        return say(f"label.{self.field}")


def figures_outside(line: Line) -> list[OutsideFigure]:
    """Each figure of ``line`` outside the indicator's range (kinerja.core.bounds). The range is a year's:
    the target, the year's realisation and the quarters of a level or a mean are held against it. The
    quarters of a summed indicator are parts of the year (ten a quarter for forty a year), so each is not
    (only a negative one, when the year's range is never negative); their running total is held against the
    upper bound, and the first quarter where it passes it is said."""
    bounds = line.bounds
    if not bounds or is_grade_unit(line.unit):
        return []
    summed = line.cumulation is Cumulation.SUM
    found = []
    for name in FIELDS:
        value = line.figure(name).value
        if value is None or (summed and name in QUARTERS):
            continue
        reason = bounds.outside(value)
        if reason:
            found.append(OutsideFigure(name, value, reason))
    if summed:
        total = Decimal(0)
        for quarter in QUARTERS:
            value = line.figure(quarter).value
            if value is None:
                continue
            if value < 0 <= (bounds.lower if bounds.lower is not None else -1):
                # a part of a year that is never negative is never negative either
                range_ = bounds.text()
                why = say("bounds.negative", value=format_plain(value), range=range_)
                found.append(OutsideFigure(quarter, value, why))
            total += value
            reason = bounds.above(total)
            if reason:
                found.append(OutsideFigure(quarter, total, reason, running=True))
                break
    return found


def outside_bounds(line: Line) -> list[Blocker]:
    """Each figure of ``line`` outside its plausible range, as the checklist says it: corrected, or
    explained in the note."""
    found = []
    for outside in figures_outside(line):
        found.append(
            Blocker(
                say("checklist.bounds", label=outside.label, name=line.name, reason=outside.reason),
                indicator_id=line.indicator_id,
                kind="bounds",
                field=outside.field,
            )
        )
    return found


def outside_bounds_written(after: Year, differences: Iterable[Difference]) -> list[Blocker]:
    """The figures ``differences`` write that land outside their indicator's batas wajar: what a preview (an
    import, an Excel upload) says before anything is saved."""
    written = {(d.key, d.field) for d in differences}
    return [b for line in after.lines for b in outside_bounds(line) if (line.key, b.field) in written]


def _plain(value):
    return value.value if isinstance(value, Direction | Cumulation) else value


def _line_dict(line: Line) -> dict:
    return {
        "nama": line.name,
        "satuan": line.unit,
        "arah": line.direction.value,
        "akumulasi": line.cumulation.value,
        "sasaran": line.sasaran,
        **{name: line.figure(name).value for name in FIELDS if line.figure(name).value is not None},
    }


def _item_dict(item: BudgetItem) -> dict:
    return {
        "program": item.program,
        "kegiatan": item.kegiatan,
        "anggaran": item.anggaran,
        "realisasi": item.realisasi,
        "sasaran": item.sasaran,
    }


def _sign_dict(signatory: Signatory | None) -> dict | None:
    if signatory is None:
        return None
    return {"nama": signatory.name, "nip": signatory.nip, "jabatan": signatory.title, "tempat": signatory.place,
            "tanggal": signatory.date.isoformat() if signatory.date else None}  # fmt: skip


# --- the document checks on stored years --------------------------------------------------------


def as_document(year: Year) -> Document:
    """A stored year as a Pengukuran Kinerja document, so that every check that runs on a read
    document (units, zero targets, unit changes, jumps against earlier years) runs on it too."""
    rows = tuple(
        Row(
            index=i,
            line=None,
            indikator=line.name,
            sasaran=line.sasaran,
            satuan=line.unit or None,
            target=line.target,
            realisasi=line.realisasi,
            direction=line.direction,
            cumulation=line.cumulation,
        )
        for i, line in enumerate(year.lines)
    )
    budget = None
    if year.budget.anggaran.value is not None or year.budget.realisasi.value is not None:
        budget = DocBudget(
            anggaran=stored_value(year.budget.anggaran.value, year.budget.anggaran.raw),
            realisasi=stored_value(year.budget.realisasi.value, year.budget.realisasi.raw),
        )
    return Document(kind=DocKind.PENGUKURAN, year=year.year, rows=rows, budget=budget)


def live_findings(years: list[Year]) -> list[tuple[Finding, int | None]]:
    """The findings of the last of ``years`` (oldest first), checked with the earlier ones, each with
    the indicator it concerns."""
    if not years:
        return []
    from kinerja.core.checks import check_documents

    result = check_documents([as_document(y) for y in years])
    last = len(years) - 1
    lines = years[-1].lines
    out = []
    for f in result.findings:
        if f.document != last:
            continue
        line = lines[f.row] if f.row is not None and f.row < len(lines) else None
        if line is not None and line.unused:
            continue  # not measured this year: its reason is shown instead
        out.append((f, line.indicator_id if line is not None else None))
    return out
