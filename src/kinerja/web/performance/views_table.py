"""The year on one screen: every indicator's target, quarters, year figure and note, edited in place
and saved in one go through the one write path (all or nothing, each figure with its version)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.core import workflow
from kinerja.core import year as core
from kinerja.core.units import default_cumulation
from kinerja.core.values import plain_figure
from kinerja.core.workflow import Refused

from . import review, store
from .access import require_edit, roles_for
from .forms import parse_field, stored_number, stored_text
from .language import in_page_language
from .validation_rules import year_blockers
from .views import _agency_year
from .views_entry import _id, _year_url, changes_saved
from .windows import window_state

COLUMNS = (
    ("target", "Target"),
    ("q1", "TW I"),
    ("q2", "TW II"),
    ("q3", "TW III"),
    ("q4", "TW IV"),
    ("year", "Realisasi tahun"),
)
NOTE_LIMIT = core.TEXT_LIMITS["note"]
RULES = {c.value for c in core.Cumulation}


@dataclass
class Cell:
    name: str
    label: str
    value: str
    shown: str
    version: int
    error: str = ""


@dataclass
class TableRow:
    line: core.Line
    cells: list[Cell]
    note: str
    note_shown: str
    note_version: int
    errors: list[str] = field(default_factory=list)
    rule: str = ""  # the rule offered for the year figure while the line has no quarters yet

    @property
    def rule_asked(self) -> bool:
        return not self.line.has_quarters


def _rows(year: core.Year, post=None, errors=None) -> list[TableRow]:
    """The table as stored, or as the person typed it when the save was refused (nothing typed is lost)."""
    errors = errors or {}
    rows = []
    for line in year.lines:
        key = line.indicator_id
        cells = []
        for name, label in COLUMNS:
            figure = line.figure(name)
            shown = plain_figure(figure.value, line.unit, figure.raw)
            value = post.get(f"f-{key}-{name}", shown) if post is not None else shown
            cells.append(Cell(name, label, value, shown, figure.version, errors.get((key, name), "")))
        note = post.get(f"f-{key}-note", line.note) if post is not None else line.note
        rule = line.cumulation.value if line.has_quarters else default_cumulation(line.unit)
        if post is not None and post.get(f"f-{key}-rule") in RULES:
            rule = post[f"f-{key}-rule"]
        rows.append(
            TableRow(
                line=line,
                cells=cells,
                note=note,
                note_shown=line.note,
                note_version=line.note_version,
                errors=[e for (k, _), e in errors.items() if k == key],
                rule=rule,
            )
        )
    return rows


def table_changes(year: core.Year, post) -> tuple[list, dict]:
    """The changes a person made in the table: only cells that differ from what the page showed, each
    with the version it showed. Returns (changes, errors by (indicator, field))."""
    changes, errors = [], {}
    for line in year.lines:
        key = line.indicator_id
        if f"v-{key}-target" not in post:
            continue  # a row the page did not show (added meanwhile): nothing to say about it
        for name, label in COLUMNS:
            typed = post.get(f"f-{key}-{name}", "").strip()
            shown = post.get(f"o-{key}-{name}", "")
            if typed == shown.strip():
                continue
            try:
                value = parse_field(name, typed[:60], line.unit)
                before = parse_field(name, shown[:60], line.unit)
            except ValidationError as exc:
                errors[(key, name)] = f"{label} '{line.name}': {' '.join(exc.messages)}"
                continue
            if value == before:
                continue
            seen = _id(post.get(f"v-{key}-{name}"))
            written = stored_text(value, typed)
            changes.append(core.SetFigure(key, name, stored_number(value), written, seen_version=seen))
        rule = post.get(f"f-{key}-rule", "")
        quarters = any(post.get(f"f-{key}-{q}", "").strip() for q in core.QUARTERS)
        if rule in RULES and rule != line.cumulation.value and not line.has_quarters and quarters:
            # the rule asked with the first quarters is saved with them
            changes.append(core.SetSetting(key, "cumulation", rule, seen_version=_id(post.get(f"v-{key}-settings"))))
        note = post.get(f"f-{key}-note", "").replace("\r\n", "\n")
        if note != post.get(f"o-{key}-note", "").replace("\r\n", "\n"):
            if len(note) > NOTE_LIMIT:
                errors[(key, "note")] = f"Catatan '{line.name}' terlalu panjang (paling banyak {NOTE_LIMIT} karakter)."
            else:
                changes.append(core.SetNote(key, note, seen_version=_id(post.get(f"v-{key}-note"))))
    return changes, errors


@login_required
@require_http_methods(["GET", "POST"])
def entry_table(request, region, agency, year):
    agency_year = _agency_year(request, region, agency, year)
    require_edit(request.user, agency_year.agency)
    current = store.load(agency_year)
    post, errors = None, {}
    if request.method == "POST":
        changes, errors = table_changes(current, request.POST)
        if errors:
            messages.error(
                request, f"{len(errors)} isian tidak dapat dibaca; tidak ada yang disimpan. Perbaiki isian bertanda."
            )
            post = request.POST
        else:
            try:
                applied = store.apply(request.user, agency_year, changes, origin="form")
            except Refused as exc:
                messages.error(request, _("Tidak ada yang disimpan. %(reason)s") % {"reason": in_page_language(exc)})
                post = request.POST
            else:
                messages.success(request, changes_saved(applied.count))
                return redirect(_year_url(agency_year, "performance:entry_table"))
    roles = roles_for(request.user, agency_year.agency)
    submit = next((t for t in workflow.allowed(agency_year.status, roles) if t.action == workflow.Action.SUBMIT), None)
    editable = current.editable
    blockers = year_blockers(current, agency_year.agency) if editable else []
    return render(
        request,
        "performance/entry_table.html",
        {
            "ay": agency_year,
            "agency": agency_year.agency,
            "region": agency_year.agency.region,
            "rows": _rows(current, post, errors),
            "columns": COLUMNS,
            "editable": editable,
            "checklist": current.checklist(blockers),
            "blocker_count": len(blockers),
            "submit": submit,
            "windows": [w for w in (window_state(agency_year.agency, year, q) for q in range(5)) if w[1]],
            "open_comments": review.open_by_indicator(agency_year),
        },
    )
