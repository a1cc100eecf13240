"""Validation rules between indicators, defined by the people who know them (DHIS2's validation rules).

A rule compares two sums of one figure of the agency's indicators in a year: "Jumlah UMKM = usaha mikro
+ usaha kecil + usaha menengah", "lulusan ≤ peserta pelatihan". Each side is a list of terms (+ or −
an indicator). A missing figure is handled by the rule's strategy, as in DHIS2: skip the rule when any
figure is missing, skip it only when all of one side are missing (the others count as 0), or never
skip (missing counts as 0). A violation says both sides with every term, so a reader checks it by hand.
DHIS2's two pairs judge presence instead: a compulsory pair wants both sides filled or neither ("jumlah
peserta" with "jumlah lulusan"), an exclusive pair at most one of them.

Pure Python: figures come in as a mapping from indicator id to number (None when missing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kinerja.core.messages import Listed, Message, say
from kinerja.core.numbers import format_plain
from kinerja.core.workflow import Refused

MAX_TERMS = 12


class Operator(StrEnum):
    EQ = "="
    NE = "≠"
    LT = "<"
    LE = "≤"
    GT = ">"
    GE = "≥"
    # DHIS2's pairs judge whether figures are there, not what they are
    COMPULSORY_PAIR = "compulsory_pair"  # one side filled: the other must be filled too
    EXCLUSIVE_PAIR = "exclusive_pair"  # one side filled: the other must stay empty

    @property
    def is_pair(self) -> bool:
        return self in (Operator.COMPULSORY_PAIR, Operator.EXCLUSIVE_PAIR)

    def holds(self, left: Decimal, right: Decimal) -> bool:
        return {
            Operator.EQ: left == right,
            Operator.NE: left != right,
            Operator.LT: left < right,
            Operator.LE: left <= right,
            Operator.GT: left > right,
            Operator.GE: left >= right,
        }[self]


class Missing(StrEnum):
    SKIP_IF_ANY = "skip_if_any"
    SKIP_IF_ALL = "skip_if_all"
    NEVER_SKIP = "never_skip"


MISSING_LABELS = {
    Missing.SKIP_IF_ANY: "lewati bila ada angka yang kosong",
    Missing.SKIP_IF_ALL: "lewati bila semua angka satu sisi kosong (yang lain dihitung 0)",
    Missing.NEVER_SKIP: "selalu periksa (angka kosong dihitung 0)",
}
FIELD_LABELS = {"target": say("field.target"), "realisasi": say("field.realisasi")}


@dataclass(frozen=True, slots=True)
class Term:
    sign: int  # +1 or -1
    indicator_id: int


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    left: tuple[Term, ...]
    operator: Operator
    right: tuple[Term, ...]
    field: str = "realisasi"
    missing: Missing = Missing.SKIP_IF_ANY
    severity: str = "warning"  # "error" or "warning"

    @property
    def indicator_ids(self) -> set[int]:
        return {t.indicator_id for t in (*self.left, *self.right)}


def require_valid(rule: Rule) -> Rule:
    """The rule, or Refused with why it cannot be kept."""
    problem = rule_problem(rule)
    if problem:
        raise Refused(problem)
    return rule


def rule_problem(rule: Rule) -> str | None:
    """Why a rule cannot be kept, or None."""
    if not rule.name.strip():
        return "Nama aturan tidak boleh kosong."
    if not rule.left or not rule.right:
        return "Kedua sisi aturan perlu paling sedikit satu indikator."
    if len(rule.left) + len(rule.right) > MAX_TERMS:
        return f"Aturan paling banyak memuat {MAX_TERMS} indikator."
    if any(t.sign not in (1, -1) for t in (*rule.left, *rule.right)):
        return "Tanda suku aturan hanya + atau −."
    if rule.field not in FIELD_LABELS:
        return f"Isian '{rule.field}' tidak dikenal; pilih target atau realisasi."
    if rule.severity not in ("error", "warning"):
        return "Tingkat aturan hanya galat atau peringatan."
    if sorted(_key(rule.left)) == sorted(_key(rule.right)):
        return "Kedua sisi aturan sama; aturan itu tidak memeriksa apa pun."
    return None


def _key(terms: Sequence[Term]) -> list[tuple[int, int]]:
    return [(t.sign, t.indicator_id) for t in terms]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A rule checked on one year's figures: held, broken (with the message) or skipped (and why)."""

    rule: Rule
    state: str  # "held", "broken", "skipped"
    left: Decimal | None = None
    right: Decimal | None = None
    message: Message | str = ""


def check(
    rule: Rule,
    figures: Mapping[int, Decimal | None],
    names: Mapping[int, str],
    written: Mapping[int, str] | None = None,
) -> Outcome:
    """``rule`` on one year's figures (indicator id → number, None when missing). ``written`` holds what was
    written in place of one number ('berupa rentang 80–90 %'): such a figure is not missing, and is never
    counted as 0, so the rule is skipped whatever its strategy for missing figures says."""
    written = written or {}
    if rule.operator.is_pair:
        return _pair(rule, figures, names, written)
    unread = [t for t in (*rule.left, *rule.right) if t.indicator_id in written]
    if unread:
        said = Listed(
            tuple(
                say("rules.written", name=names.get(t.indicator_id, t.indicator_id), written=written[t.indicator_id])
                for t in unread
            ),
            "semicolon",
        )
        return Outcome(rule, "skipped", message=say("rules.unread", said=said))
    missing_left = [t for t in rule.left if figures.get(t.indicator_id) is None]
    missing_right = [t for t in rule.right if figures.get(t.indicator_id) is None]
    absent = [*missing_left, *missing_right]
    if rule.missing is Missing.SKIP_IF_ANY and absent:
        return Outcome(rule, "skipped", message=say("rules.missing", names=_names(absent, names)))
    if rule.missing is Missing.SKIP_IF_ALL and (
        len(missing_left) == len(rule.left) or len(missing_right) == len(rule.right)
    ):
        return Outcome(rule, "skipped", message=say("rules.side_missing"))
    left, left_text = _side(rule.left, figures, names)
    right, right_text = _side(rule.right, figures, names)
    if rule.operator.holds(left, right):
        return Outcome(rule, "held", left, right)
    field = FIELD_LABELS[rule.field]
    message = say(
        "rules.broken",
        rule=rule.name,
        field=field,
        left=left_text,
        operator=rule.operator.value,
        right=right_text,
    )
    if absent:
        message = say(
            "rules.broken_counted", broken=message, zero=say("rules.counted_zero", names=_names(absent, names))
        )
    return Outcome(rule, "broken", left, right, message)


def _pair(rule: Rule, figures: Mapping[int, Decimal | None], names: Mapping[int, str], written: Mapping[int, str]):
    """A pair rule: a side is filled when any of its figures is there (a number, or a range or words written);
    the strategy for missing figures does not apply, since what is missing is what the rule checks."""

    def filled(terms):
        return [t for t in terms if figures.get(t.indicator_id) is not None or t.indicator_id in written]

    left, right = filled(rule.left), filled(rule.right)
    field = FIELD_LABELS[rule.field]
    if rule.operator is Operator.COMPULSORY_PAIR:
        if bool(left) == bool(right):
            return Outcome(rule, "held")
        there, empty = (left, rule.right) if left else (right, rule.left)
        return Outcome(
            rule,
            "broken",
            message=say(
                "rules.compulsory_broken",
                rule=rule.name,
                field=field,
                there=_names(there, names),
                empty=_names(empty, names),
            ),
        )
    if not (left and right):
        return Outcome(rule, "held")
    return Outcome(
        rule,
        "broken",
        message=say(
            "rules.exclusive_broken", rule=rule.name, field=field, left=_names(left, names), right=_names(right, names)
        ),
    )


def _side(terms: Sequence[Term], figures: Mapping[int, Decimal | None], names: Mapping[int, str]):
    total = Decimal(0)
    parts = []
    for i, term in enumerate(terms):
        value = figures.get(term.indicator_id)
        number = value if value is not None else Decimal(0)
        total += term.sign * number
        # names and figures only: the same words in either language
        shown = f"{names.get(term.indicator_id, f'indikator {term.indicator_id}')} {format_plain(number)}"
        if i == 0:
            parts.append(shown if term.sign > 0 else f"− {shown}")
        else:
            parts.append(f"{'+' if term.sign > 0 else '−'} {shown}")
    text = " ".join(parts)
    return total, f"({text}) = {format_plain(total)}" if len(terms) > 1 else text


def _names(terms: Sequence[Term], names: Mapping[int, str]) -> str:
    return ", ".join(f"'{names.get(t.indicator_id, t.indicator_id)}'" for t in terms)


def describe(rule: Rule, names: Mapping[int, str]) -> str:
    """The rule in words: 'realisasi: Jumlah UMKM = Usaha mikro + Usaha kecil + Usaha menengah'."""

    def side(terms):
        words = []
        for i, term in enumerate(terms):
            name = names.get(term.indicator_id, f"indikator {term.indicator_id}")
            words.append(name if i == 0 and term.sign > 0 else f"{'+' if term.sign > 0 else '−'} {name}")
        return " ".join(words)

    field = FIELD_LABELS[rule.field]
    if rule.operator is Operator.COMPULSORY_PAIR:
        return f"{field}: {side(rule.left)} dan {side(rule.right)} diisi bersama"
    if rule.operator is Operator.EXCLUSIVE_PAIR:
        return f"{field}: {side(rule.left)} atau {side(rule.right)}, tidak keduanya"
    return f"{field}: {side(rule.left)} {rule.operator.value} {side(rule.right)}"
