"""An agency's validation rules: kept, added and removed by its people and its region's reviewers
(audited, origin ``rule``), and checked on a year's figures (kinerja.core.validation)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import year as core
from kinerja.core.messages import say
from kinerja.core.numbers import Kind
from kinerja.core.text import check_text
from kinerja.core.validation import Missing, Operator, Outcome, Rule, Term, check, describe, require_valid
from kinerja.core.values import write_value
from kinerja.core.workflow import Refused, Role

from . import audit
from .access import roles_for
from .models import AgencyYear, AuditEvent, Indicator, RuleTerm, ValidationRule

REGION_ROLES = {Role.REVIEWER, Role.ADMIN}
FORBIDDEN = "Aturan validasi ditetapkan oleh operator perangkat daerah, Bappeda atau admin."


def may_define(user, agency) -> bool:
    """The agency's operators and its region's reviewers (Bappeda, Inspektorat) and admins."""
    return bool(roles_for(user, agency) & {Role.OPERATOR, *REGION_ROLES})


def may_remove(user, record: ValidationRule) -> bool:
    """A rule Bappeda or an admin set is theirs to remove; the agency's own, any of them."""
    roles = roles_for(user, record.agency)
    return bool(roles & REGION_ROLES) or (Role.OPERATOR in roles and not record.by_region)


def broken(year: core.Year, rules) -> list[Outcome]:
    """The rules ``year``'s figures break (the year page and the review screen list them)."""
    return [o for o in outcomes(year, rules) if o.state == "broken"]


def set_after(rules, agency_year) -> set[Rule]:
    """The rules set after the year was published: a published year is judged by them too, and its page
    says the rule came later, so nobody reads it as a fault of what was published. A year imported as
    already published was published on paper before any rule of kinerja existed."""
    if agency_year.published_at is not None:
        return {rule for record, rule, _names in rules if record.created_at > agency_year.published_at}
    if agency_year.status == AgencyYear.Status.PUBLISHED:
        return {rule for _record, rule, _names in rules}
    return set()


def year_blockers(year: core.Year, agency, *, broken_rules: list[Outcome] | None = None) -> list[core.Blocker]:
    """Everything that stops a submission: the year's own rules (kinerja.core.year) and the agency's
    validation rules of severity error that it breaks (``broken_rules`` when the caller has them already).
    The one list the checklist, the entry table and submit use."""
    if broken_rules is None:
        broken_rules = broken(year, rules_of(agency))
    return [
        *year.blockers(),
        *(
            core.Blocker(
                message=o.message,
                indicator_id=o.rule.left[0].indicator_id,
                kind="rule",
                field="year" if o.rule.field == "realisasi" else "target",
            )  # fmt: skip
            for o in broken_rules
            if o.rule.severity == "error"
        ),
    ]


def as_rule(record: ValidationRule) -> Rule:
    terms = list(record.terms.all())
    return Rule(
        name=record.name,
        left=tuple(Term(t.sign, t.indicator_id) for t in terms if t.side == "left"),
        operator=Operator(record.operator),
        right=tuple(Term(t.sign, t.indicator_id) for t in terms if t.side == "right"),
        field=record.field,
        missing=Missing(record.missing),
        severity=record.severity,
    )


def rules_of(agency) -> list[tuple[ValidationRule, Rule, dict[int, str]]]:
    """The agency's rules with their terms' names (each indicator's current name), in two queries."""
    records = ValidationRule.objects.filter(agency=agency).select_related("agency").prefetch_related("terms__indicator")
    return [(r, as_rule(r), {t.indicator_id: t.indicator.name for t in r.terms.all()}) for r in records]


def figures(year: core.Year, field: str) -> dict[int, Decimal | None]:
    """Each indicator's target or realisation in ``year``; an indicator not used that year has none."""
    out: dict[int, Decimal | None] = {}
    for line in year.lines:
        value = line.target if field == "target" else line.realisasi
        out[line.indicator_id] = value.number if value.is_number and not line.unused else None
    return out


def written(year: core.Year, field: str) -> dict[int, str]:
    """The targets or realisations written in ``year`` but not as one number: a range, or words."""
    out: dict[int, str] = {}
    for line in year.lines:
        value = line.target if field == "target" else line.realisasi
        if not line.unused and value.kind in (Kind.RANGE, Kind.TEXT, Kind.ERROR):
            key = {Kind.RANGE: "rules.written_range", Kind.TEXT: "rules.written_text"}.get(
                value.kind, "rules.written_unreadable"
            )
            out[line.indicator_id] = say(key, value=write_value(value))
    return out


def outcomes(year: core.Year, rules) -> list[Outcome]:
    """Every rule checked on ``year``, named as the year names its indicators."""
    year_names = {line.indicator_id: line.name for line in year.lines}
    read = {field: (figures(year, field), written(year, field)) for field in ("target", "realisasi")}
    out = []
    for _record, rule, names in rules:
        numbers, words = read[rule.field]
        out.append(check(rule, numbers, {**names, **year_names}, words))
    return out


def _terms(pairs: list[tuple[int, int]]) -> tuple[Term, ...]:
    return tuple(Term(sign, indicator_id) for sign, indicator_id in pairs)


def add(
    user, agency, *, name: str, field: str, operator: str, missing: str, severity: str,
    left: list[tuple[int, int]], right: list[tuple[int, int]],
) -> ValidationRule:  # fmt: skip
    """Keep a new rule. ``left`` and ``right`` are (sign, indicator id) pairs of the agency's indicators."""
    if not may_define(user, agency):
        raise PermissionDenied(FORBIDDEN)
    name = (name or "").strip()
    check_text(name, "Nama aturan", 200)
    if operator not in ValidationRule.Operator.values:
        raise Refused(gettext("Pilih pembanding aturan (=, ≠, <, ≤, >, ≥)."))
    if field not in ValidationRule.Field.values or missing not in ValidationRule.Missing.values:
        raise Refused(gettext("Pilihan aturan tidak dikenal."))
    if severity not in ValidationRule.Severity.values:
        raise Refused(gettext("Tingkat aturan hanya galat atau peringatan."))
    rule = require_valid(Rule(name, _terms(left), Operator(operator), _terms(right), field, Missing(missing), severity))
    names = dict(Indicator.objects.filter(agency=agency, pk__in=rule.indicator_ids).values_list("pk", "name"))
    if set(names) != rule.indicator_ids:
        raise Refused(gettext("Aturan hanya dapat memuat indikator perangkat daerah ini."))
    with transaction.atomic():
        record = ValidationRule.objects.create(
            agency=agency, name=name, field=field, operator=operator, missing=missing, severity=severity,
            by_region=bool(roles_for(user, agency) & REGION_ROLES),
            created_by=user if getattr(user, "pk", None) else None,
        )  # fmt: skip
        RuleTerm.objects.bulk_create(
            RuleTerm(rule=record, indicator_id=term.indicator_id, side=side, sign=term.sign, position=i)
            for side, terms in (("left", rule.left), ("right", rule.right))
            for i, term in enumerate(terms)
        )
        audit.record(
            user=user, agency=agency, year=None, action=AuditEvent.Action.CREATE, obj=record,
            label=f"aturan validasi {name}", after={"aturan": describe(rule, names), "tingkat": severity},
            origin="rule",
        )  # fmt: skip
    return record


def remove(user, record: ValidationRule) -> None:
    agency = record.agency
    if not may_define(user, agency):
        raise PermissionDenied(FORBIDDEN)
    if not may_remove(user, record):
        raise Refused(gettext("Aturan ini ditetapkan oleh Bappeda atau admin; hanya mereka yang dapat menghapusnya."))
    with transaction.atomic():
        current = ValidationRule.objects.select_for_update().filter(pk=record.pk).first()
        if current is None:
            raise Refused(gettext("Aturan ini sudah dihapus."))
        names = {t.indicator_id: t.indicator.name for t in current.terms.select_related("indicator")}
        audit.record(
            user=user, agency=agency, year=None, action=AuditEvent.Action.DELETE, obj=current,
            label=f"aturan validasi {current.name} dihapus", before={"aturan": describe(as_rule(current), names)},
            origin="rule",
        )  # fmt: skip
        current.delete()
