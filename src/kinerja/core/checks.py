"""Check read documents: settle years and ambiguous numbers, recompute, and report findings.

``check_documents`` is the one entry point. It takes what the readers produced (documents and
their reader notes) and returns the documents with every figure recomputed, and the findings.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kinerja.core import achievement as rules
from kinerja.core.ambiguity import guessed, needs_report, resolve_rows
from kinerja.core.catalog import CATALOG
from kinerja.core.categories import category
from kinerja.core.findings import Finding, Severity
from kinerja.core.grades import SCALES
from kinerja.core.messages import Listed, Message, say
from kinerja.core.model import VALUE_FIELDS, Cumulation, Direction, DocKind, Document, Row, row_values
from kinerja.core.names import is_percentage_name, link_names, normalize_name
from kinerja.core.numbers import Kind, format_id, format_plain, json_number, quantize
from kinerja.core.reconcile import Agreement, compare
from kinerja.core.records import evolve
from kinerja.core.units import is_percent, same_dimension
from kinerja.core.values import Value, clean_cell, formula_term

FIELD_LABELS = {
    field: say(f"field.{field}")
    for field in ("target", "realisasi", "capaian_reported", "realisasi_prev", "target_akhir", "capaian_akhir_reported")
}
MAGNITUDE_FACTOR = Decimal(100)
YEAR_WEIGHTS = {"tanda tangan": 2, "anggaran": 1, "judul": 1, "tabel": 1}


@dataclass(frozen=True, slots=True)
class CheckResult:
    documents: list[Document]
    findings: list[Finding]


def fmt(value: Decimal | None, decimals: int = 2) -> str:
    if value is None:
        return "-"
    return format_id(value, decimals)


def show(value: Value) -> str:
    """The cell as the document wrote it."""
    text = clean_cell(value.raw)
    return text or say("term.empty")


class _Collector:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, code, severity, document, message, *, row=None, field=None, reported=None, expected=None):
        self.findings.append(
            Finding(
                code=code,
                severity=Severity(severity),
                document=document,
                row=row,
                field=field,
                reported=reported,
                expected=expected,
                message=message,
            )
        )


# What a reader notes is an error (a figure lost or misplaced) unless said here.
NOTE_SEVERITY = {"row_unread": "warning", "hidden_cells": "info", "lines_left_out": "warning"}


def check_documents(
    documents: list[Document],
    notes: list[tuple[int, int | None, str, str]] = (),
) -> CheckResult:
    out = _Collector()
    for doc_index, row, code, message in notes:
        out.add(code, NOTE_SEVERITY.get(code, "error"), doc_index, message, row=row)
    checked = []
    for index, document in enumerate(documents):
        document = _settle_year(index, document, out)
        document = _check_rows(index, document, out)
        _check_budget(index, document, out)
        _check_signatory(index, document, out)
        _check_component_sums(index, document, out)
        checked.append(document)
    _check_across(checked, out)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    findings = sorted(
        out.findings,
        key=lambda f: (f.document, -1 if f.row is None else f.row, order[f.severity]),
    )
    return CheckResult(documents=checked, findings=findings)


# --- one document ---------------------------------------------------------------------------


def _settle_year(index: int, document: Document, out: _Collector) -> Document:
    evidence = document.year_evidence
    if not evidence:
        return document
    votes: Counter[int] = Counter()
    for item in evidence:
        votes[item.year] += YEAR_WEIGHTS.get(item.where, 1)
    year = votes.most_common(1)[0][0]
    contrary = [e for e in evidence if e.year != year]
    if contrary:
        supporting = sorted({e.where for e in evidence if e.year == year})
        wrong = Listed(
            tuple(say("check.year_evidence", where=_where(e.where), year=e.year, line=e.line) for e in contrary),
            "comma",
        )
        out.add(
            "year_mismatch",
            "error",
            index,
            say(
                "check.year_mismatch",
                wrong=wrong,
                supporting=Listed(tuple(_where(where) for where in supporting)),
                year=year,
            ),
            field="year",
            reported=contrary[0].year,
            expected=year,
        )
    return evolve(document, year=year)


def _where(where: str) -> Message | str:
    """Where a year was read ('judul', 'tanda tangan') as a term of the finding."""
    key = f"where.{where}"
    return say(key) if key in CATALOG else where


def _check_rows(index: int, document: Document, out: _Collector) -> Document:
    rows, choices = resolve_rows(document.rows)
    for row_index, field, value in choices:
        if not needs_report(value):
            continue
        chosen = fmt(value.number, value.decimals)
        others = Listed(tuple(format_id(c, 3, strip_zeros=True) for c in value.chosen_from), "or")
        out.add(
            "ambiguous_number",
            "warning" if guessed(value) else "info",
            index,
            say(
                "check.ambiguous_number",
                field=FIELD_LABELS[field],
                shown=show(value),
                others=others,
                chosen=chosen,
                reason=value.reason,
            ),
            row=row_index,
            field=field,
            reported=show(value),
            expected=json_number(value.number),
        )
    checked = []
    for row in rows:
        if row.slid:
            out.add(
                "row_slid",
                "warning",
                index,
                say("check.row_slid", indikator=row.indikator, slid=row.slid),
                row=row.index,
                reported=row.indikator,
            )
        for field, value in zip(VALUE_FIELDS, row_values(row), strict=True):
            if value.kind is not Kind.ERROR and not value.reason:
                continue  # the common cell: nothing below to say about it
            if value.kind is Kind.ERROR:
                out.add(
                    "malformed_number",
                    "error",
                    index,
                    say(
                        "check.malformed_number",
                        field=FIELD_LABELS[field],
                        shown=show(value),
                        indikator=row.indikator,
                        reason=value.reason,
                    ),
                    row=row.index,
                    field=field,
                    reported=show(value),
                )
            if value.reason and value.unit in SCALES and value.kind is Kind.NUMBER:
                out.add(
                    "grade_by_name",
                    "info",
                    index,
                    say(
                        "check.grade_by_name",
                        field=FIELD_LABELS[field],
                        raw=clean_cell(value.raw),
                        indikator=row.indikator,
                        scale=value.unit,
                        shown=show(value),
                        score=value.number,
                        reason=value.reason,
                    ),
                    row=row.index,
                    field=field,
                    reported=show(value),
                )
        row = _check_capaian(index, row, out)
        if document.kind is DocKind.RENSTRA:
            row = _check_renstra(index, row, out)
        if row.satuan and not is_percent(row.satuan) and is_percentage_name(row.indikator):
            out.add(
                "percent_unit_mismatch",
                "warning",
                index,
                say(
                    "check.percent_unit_mismatch",
                    indikator=row.indikator,
                    satuan=row.satuan,
                    target=show(row.target),
                    realisasi=show(row.realisasi),
                ),
                row=row.index,
                field="satuan",
                reported=row.satuan,
                expected="%",
            )
        checked.append(row)
    if document.kind is DocKind.RENSTRA and checked:
        out.add(
            "renstra_rule",
            "info",
            index,
            say("check.renstra_rule"),
            field="capaian_akhir",
            expected="last",
        )
    return evolve(document, rows=tuple(checked))


def _check_capaian(index: int, row: Row, out: _Collector) -> Row:
    computed = rules.capaian(target=row.target, realisasi=row.realisasi, direction=row.direction)
    band = category(computed.value)  # a document has no region: the Permendagri scale
    row = row._replace(capaian=computed, category=band.label if band else None)
    reported = row.capaian_reported
    if computed.defined:
        if reported.is_number:
            _compare_reported(
                index,
                row,
                out,
                code="capaian_mismatch",
                rounding_code="capaian_rounding",
                field="capaian_reported",
                reported=reported,
                computed=computed.value,
                formula=lambda: _capaian_formula(row),
                others=None
                if row.target.kind is Kind.RANGE
                else lambda: rules.other_formulas(
                    target=row.target.number, realisasi=row.realisasi.number, direction=row.direction
                ),
            )
        return row
    said = say("check.said_in_document", shown=show(reported)) if reported.is_number else ""
    if row.target.is_number and row.target.number == 0:
        out.add(
            "target_zero",
            "error" if reported.is_number else "warning",
            index,
            say("check.target_zero", indikator=row.indikator, said=said),
            row=row.index,
            field="capaian_reported",
            reported=json_number(reported.number),
            expected=None,
        )
    elif row.realisasi.kind is Kind.MISSING:
        out.add(
            "realisasi_missing",
            "warning",
            index,
            say("check.realisasi_missing", indikator=row.indikator, shown=show(row.realisasi), said=said),
            row=row.index,
            field="realisasi",
            reported=show(row.realisasi),
            expected=None,
        )
    elif row.realisasi.kind in (Kind.TEXT, Kind.RANGE):
        what = say("term.range" if row.realisasi.kind is Kind.RANGE else "term.text")
        out.add(
            "realisasi_text",
            "warning",
            index,
            say(
                "check.realisasi_text_unit" if row.satuan else "check.realisasi_text",
                indikator=row.indikator,
                what=what,
                shown=show(row.realisasi),
                satuan=row.satuan or "",
                said=said,
            ),
            row=row.index,
            field="realisasi",
            reported=show(row.realisasi),
            expected=None,
        )
    return row


def _capaian_formula(row: Row) -> Message:
    """The rule for the row's direction with its figures: 'realisasi 26.870 ÷ target 24.450 × 100'."""
    t, r = formula_term(row.target), formula_term(row.realisasi)
    if row.target.kind is Kind.RANGE:
        low, high = row.target.bounds
        if low <= row.realisasi.number <= high:
            return say("formula.within_range", r=r, t=t)
        side, bound = ("side.upper", high) if row.realisasi.number > high else ("side.lower", low)
        b = say("formula.bound", side=say(side), bound=format_plain(bound), t=t)
        if row.direction is Direction.LOWER:
            return say("formula.bound_lower", b=b, r=r)
        return say("formula.bound_higher", b=b, r=r)
    if row.direction is Direction.LOWER:
        return say("formula.lower", t=t, r=r)
    return say("formula.higher", t=t, r=r)


def _other_formula(reported: Value, others) -> str:
    """' Angka tertulis sesuai …' when the reported figure is another formula's result, else ''."""
    for formula, value, meaning in others() if others else ():
        if compare(reported=reported.number, decimals=reported.decimals, computed=value) is Agreement.CONSISTENT:
            return say(
                "check.other_formula", formula=formula, value=fmt(value, max(2, reported.decimals)), meaning=meaning
            )
    return ""


def _compare_reported(
    index, row, out, *, code, rounding_code, field, reported: Value, computed: Decimal, formula, others=None
):
    """``formula`` is a callable: the text is only written when there is something to say. ``others``, also
    a callable, gives the formulas a document may have used instead, to name the one it did."""
    agreement = compare(reported=reported.number, decimals=reported.decimals, computed=computed)
    if agreement is Agreement.CONSISTENT:
        return
    formula = formula()
    shown = fmt(computed, max(2, reported.decimals))
    if agreement is Agreement.ROUNDING:
        out.add(
            rounding_code,
            "info",
            index,
            say(
                "check.rounding",
                indikator=row.indikator,
                shown=show(reported),
                formula=formula,
                computed=fmt(computed, 4),
            ),
            row=row.index,
            field=field,
            reported=json_number(reported.number),
            expected=json_number(Decimal(shown.replace(".", "").replace(",", "."))),
        )
        return
    out.add(
        code,
        "error",
        index,
        say(
            "check.mismatch",
            indikator=row.indikator,
            shown=show(reported),
            formula=formula,
            computed=shown,
            other=_other_formula(reported, others),
        ),
        row=row.index,
        field=field,
        reported=json_number(reported.number),
        expected=json_number(Decimal(shown.replace(".", "").replace(",", "."))),
    )


def _check_renstra(index: int, row: Row, out: _Collector) -> Row:
    progress = rules.renstra_progress(
        realisasi=[row.realisasi],
        target_akhir=row.target_akhir,
        direction=row.direction,
        cumulation=Cumulation.LAST,
    )
    row = evolve(row, capaian_akhir=progress)
    reported = row.capaian_akhir_reported
    if progress.defined and reported.is_number:
        _compare_reported(
            index,
            row,
            out,
            code="renstra_progress_mismatch",
            rounding_code="renstra_progress_rounding",
            field="capaian_akhir_reported",
            reported=reported,
            computed=progress.value,
            formula=lambda: say("formula.renstra", r=formula_term(row.realisasi), t=formula_term(row.target_akhir)),
        )
    return row


def _check_budget(index: int, document: Document, out: _Collector) -> None:
    budget = document.budget
    if budget is None:
        return
    for field, value, label in (
        ("budget.anggaran", budget.anggaran, say("field.anggaran")),
        ("budget.realisasi", budget.realisasi, say("field.realisasi_anggaran")),
    ):
        if value.kind is Kind.ERROR or value.kind is Kind.TEXT:
            out.add(
                "budget_unreadable",
                "error",
                index,
                say(
                    "check.budget_unreadable",
                    label=label,
                    shown=show(value),
                    reason=value.reason or say("term.not_a_number"),
                ),
                field=field,
                reported=show(value),
            )
    stated = budget.absorption_reported
    if stated.is_number and budget.anggaran.is_number and budget.realisasi.is_number:
        computed = rules.absorption(budget.anggaran.number, budget.realisasi.number)
        if (
            computed is not None
            and compare(reported=stated.number, decimals=stated.decimals, computed=computed) is Agreement.MISMATCH
        ):
            out.add(
                "absorption_mismatch",
                "error",
                index,
                say(
                    "check.absorption_mismatch",
                    stated=fmt(stated.number, stated.decimals),
                    realisasi=fmt(budget.realisasi.number, 0),
                    anggaran=fmt(budget.anggaran.number, 0),
                    computed=fmt(computed, 2),
                ),
                field="budget.absorption",
                reported=json_number(stated.number),
                expected=json_number(quantize(computed, 2)),
            )
    if budget.anggaran.is_number and budget.realisasi.is_number and budget.realisasi.number > budget.anggaran.number:
        out.add(
            "budget_over",
            "error",
            index,
            say(
                "check.budget_over",
                realisasi=fmt(budget.realisasi.number, 0),
                anggaran=fmt(budget.anggaran.number, 0),
            ),
            field="budget.realisasi",
            reported=json_number(budget.realisasi.number),
            expected=json_number(budget.anggaran.number),
        )


def nip_problem(nip: str) -> Message | None:
    """Why a NIP is not valid (18 digits, the first 8 a birth date YYYYMMDD), or None."""
    if not re.fullmatch(r"\d{18}", nip or ""):
        return say("nip.length", nip=nip)
    try:
        born = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return say("nip.birth_date", nip=nip)
    if born.year < 1900:
        return say("nip.birth_year", nip=nip)
    return None


def _check_signatory(index: int, document: Document, out: _Collector) -> None:
    signatory = document.signatory
    if signatory is None:
        return
    problem = nip_problem(signatory.nip)
    if problem:
        out.add(
            "nip_invalid",
            "warning",
            index,
            say("check.nip_invalid", name=signatory.name, problem=problem),
            field="signatory.nip",
            reported=signatory.nip,
        )


COMPONENTS = (
    "jumlah usaha mikro yang aktif",
    "jumlah usaha kecil yang aktif",
    "jumlah usaha menengah yang aktif",
)
TOTAL = "jumlah umkm"


def _check_component_sums(index: int, document: Document, out: _Collector) -> None:
    # every name checked here starts with 'jumlah': only those rows need their name normalised
    by_name = {normalize_name(row.indikator): row for row in document.rows if "jumlah" in row.indikator.lower()}
    if TOTAL not in by_name or not all(c in by_name for c in COMPONENTS):
        return
    total = by_name[TOTAL]
    for field in ("target", "realisasi"):
        parts = [getattr(by_name[c], field) for c in COMPONENTS]
        whole = getattr(total, field)
        if not whole.is_number or not all(p.is_number for p in parts):
            continue
        expected = sum((p.number for p in parts), Decimal(0))
        if expected != whole.number:
            out.add(
                "component_sum_mismatch",
                "warning",
                index,
                say("check.component_sum", field=FIELD_LABELS[field], shown=show(whole), expected=fmt(expected, 0)),
                row=total.index,
                field=field,
                reported=json_number(whole.number),
                expected=json_number(expected),
            )


# --- across documents -----------------------------------------------------------------------


def _pairs(rows: tuple[Row, ...]):
    return [(row.indikator, row.satuan) for row in rows]


def _check_across(documents: list[Document], out: _Collector) -> None:
    forms = [(i, d) for i, d in enumerate(documents) if d.kind is DocKind.PENGUKURAN]
    forms_by_year: dict[int, list[tuple[int, Document]]] = {}
    for i, d in forms:
        if d.year is not None:
            forms_by_year.setdefault(d.year, []).append((i, d))
    _check_agency_names(forms, out)
    for index, document in enumerate(documents):
        if document.kind is not DocKind.RENSTRA or document.year is None:
            continue
        for form_index, form in forms_by_year.get(document.year, []):
            _compare_documents(
                index, document, form_index, form, out, fields=(("target", "target"), ("realisasi", "realisasi"))
            )
        for form_index, form in forms_by_year.get(document.year - 1, []):
            _compare_documents(index, document, form_index, form, out, fields=(("realisasi_prev", "realisasi"),))
    _check_magnitudes(forms, out)


def _check_agency_names(forms, out: _Collector) -> None:
    names = Counter(d.agency.lower() for _, d in forms if d.agency)
    if len(names) < 2:
        return
    usual = names.most_common(1)[0][0]
    usual_spelling = next(d.agency for _, d in forms if d.agency and d.agency.lower() == usual)
    for i, d in forms:
        if d.agency and d.agency.lower() != usual:
            out.add(
                "agency_name_differs",
                "info",
                i,
                say("check.agency_name_differs", name=d.agency, usual=usual_spelling),
                field="agency",
                reported=d.agency,
                expected=usual_spelling,
            )


def _compare_documents(index, document, other_index, other, out, *, fields) -> None:
    links = link_names(_pairs(document.rows), _pairs(other.rows))
    where = say("term.document", kind=say(f"kind.{other.kind.value}"), year=other.year)
    for link in links:
        row = document.rows[link.left]
        other_row = other.rows[link.right]
        if not link.sure:
            continue
        for field, other_field in fields:
            mine: Value = getattr(row, field)
            theirs: Value = getattr(other_row, other_field)
            if mine.kind is Kind.MISSING or theirs.kind is Kind.MISSING:
                continue
            if not same_dimension(mine.unit, theirs.unit):
                out.add(
                    "unit_mismatch",
                    "warning",
                    index,
                    say(
                        "check.unit_mismatch",
                        indikator=row.indikator,
                        field=FIELD_LABELS[field],
                        shown=show(mine),
                        unit=mine.unit,
                        where=where,
                        other_unit=theirs.unit,
                        other_shown=show(theirs),
                    ),
                    row=row.index,
                    field=field,
                    reported=mine.unit,
                    expected=theirs.unit,
                )
                continue
            if mine.is_number and theirs.is_number and mine.number == theirs.number:
                continue
            if mine.kind is Kind.TEXT and theirs.kind is Kind.TEXT and show(mine) == show(theirs):
                continue
            out.add(
                "value_mismatch",
                "error",
                index,
                say(
                    "check.value_mismatch",
                    indikator=row.indikator,
                    field=FIELD_LABELS[field],
                    shown=show(mine),
                    where=where,
                    line=other_row.index + 1,
                    other_shown=show(theirs),
                ),
                row=row.index,
                field=field,
                reported=json_number(mine.number) if mine.is_number else show(mine),
                expected=json_number(theirs.number) if theirs.is_number else show(theirs),
            )


def _check_magnitudes(forms, out: _Collector) -> None:
    """Group the same indicator across the forms and flag figures ~100× off the others."""
    forms = sorted(forms, key=lambda item: item[1].year or 0)
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(key):
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for a in range(len(forms)):
        for b in range(a + 1, len(forms)):
            ia, da = forms[a]
            ib, db = forms[b]
            for link in link_names(_pairs(da.rows), _pairs(db.rows)):
                if link.sure:
                    parent[find((ib, link.right))] = find((ia, link.left))
                    before, after = da.rows[link.left], db.rows[link.right]
                    if b == a + 1 and before.satuan and after.satuan and before.satuan != after.satuan:
                        out.add(
                            "unit_changed",
                            "info",
                            ib,
                            say(
                                "check.unit_changed",
                                indikator=after.indikator,
                                unit=after.satuan,
                                year=db.year,
                                previous_unit=before.satuan,
                                previous_year=da.year,
                            ),
                            row=link.right,
                            field="satuan",
                            reported=after.satuan,
                            expected=before.satuan,
                        )
                elif b == a + 1:
                    out.add(
                        "link_uncertain",
                        "info",
                        ib,
                        say(
                            "check.link_uncertain",
                            indikator=db.rows[link.right].indikator,
                            year=db.year,
                            previous=da.rows[link.left].indikator,
                            previous_year=da.year,
                            score=f"{link.score:.0f}",
                        ),
                        row=link.right,
                        field="indikator",
                        reported=db.rows[link.right].indikator,
                        expected=da.rows[link.left].indikator,
                    )
    if len(forms) < 2:
        return  # one form: an indicator has two figures (target, realisasi), a comparison needs three
    # Figures are compared only with figures of the same indicator in the same unit.
    groups: dict[tuple, list[tuple[int, Row, str, Value]]] = {}
    for i, d in forms:
        for row in d.rows:
            key = find((i, row.index))
            for field in ("target", "realisasi"):
                value = getattr(row, field)
                if value.is_number and value.number > 0:
                    groups.setdefault((key, value.unit), []).append((i, row, field, value))
    for members in groups.values():
        if len(members) < 3:
            continue
        for position, (i, row, field, value) in enumerate(members):
            others = [m[3].number for j, m in enumerate(members) if j != position]
            median = Decimal(statistics.median(others))
            if median <= 0:
                continue
            factor = value.number / median
            if factor >= MAGNITUDE_FACTOR or factor <= 1 / MAGNITUDE_FACTOR:
                out.add(
                    "magnitude_outlier",
                    "warning",
                    i,
                    say(
                        "check.magnitude_outlier",
                        indikator=row.indikator,
                        field=FIELD_LABELS[field],
                        shown=show(value),
                        read=fmt(value.number, value.decimals),
                        factor=fmt(factor if factor >= 1 else 1 / factor, 0),
                        median=fmt(median, 0),
                    ),
                    row=row.index,
                    field=field,
                    reported=json_number(value.number),
                    expected=json_number(median),
                )


def row_json(row: Row) -> dict:
    def number(value: Value):
        return json_number(value.number) if value.is_number else None

    def achieved(a):
        if a is None or a.value is None:
            return None
        return json_number(rules_round(a.value))

    return {
        "sasaran": row.sasaran,
        "indikator": row.indikator,
        "satuan": row.satuan,
        "target": number(row.target),
        "realisasi": number(row.realisasi),
        "realisasi_text": show(row.realisasi) if row.realisasi.kind in (Kind.TEXT, Kind.ERROR) else None,
        "capaian_reported": number(row.capaian_reported),
        "capaian": achieved(row.capaian),
        "category": row.category,
        "realisasi_prev": number(row.realisasi_prev),
        "target_akhir": number(row.target_akhir),
        "capaian_akhir_reported": number(row.capaian_akhir_reported),
        "capaian_akhir": achieved(row.capaian_akhir),
    }


def rules_round(value: Decimal) -> Decimal:
    return quantize(value, 2)
