"""Choosing between two readings of a number, with evidence.

Evidence, strongest first:
1. the unit: counts of people or things are whole (applied when the cell is read);
2. the reported percentage: a reading that makes the row's reported capaian consistent,
   when the other reading does not;
3. the other numbers of the same table written with the same separator pattern;
4. the Indonesian convention ('.' thousands, ',' decimals), with a warning for ',' since
   nothing else supports the choice.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from itertools import product
from operator import attrgetter

from kinerja.core.achievement import ratio
from kinerja.core.messages import Message, say
from kinerja.core.model import VALUE_FIELDS, Direction, Row, row_values
from kinerja.core.numbers import Convention, Kind, format_id
from kinerja.core.reconcile import Agreement, compare
from kinerja.core.records import evolve
from kinerja.core.values import Value, choose, clean_cell

# (target field, realisasi field, reported field) triples checked against each other.
TRIPLES = (
    ("target", "realisasi", "capaian_reported"),
    ("target_akhir", "realisasi", "capaian_akhir_reported"),
)


def _separator(raw: str) -> str:
    if "," not in raw:
        return "."
    if "<" not in raw:
        return ","  # cleaning removes only tags, '*' and spaces: the comma stays
    return "," if "," in clean_cell(raw) else "."


def _options(value: Value) -> list[tuple[Decimal, int, Convention] | None]:
    if value.ambiguous:
        return list(value.candidates)
    if value.is_number:
        return [(value.number, value.decimals, value.convention)]
    return [None]


_TRIPLE_VALUES = tuple(attrgetter(*triple) for triple in TRIPLES)


def _by_consistency(row: Row) -> Row:
    for (target_f, real_f, reported_f), triple_values in zip(TRIPLES, _TRIPLE_VALUES, strict=True):
        values = triple_values(row)
        if not (len(values[0].candidates) > 1 or len(values[1].candidates) > 1 or len(values[2].candidates) > 1):
            continue  # none of the three is ambiguous (Value.ambiguous)
        options = [_options(v) for v in values]
        if [None] in options:
            continue  # one of them is not a number: no reading can make the three agree
        passing = []
        for combo in product(*options):
            (t, _, _), (r, _, _), (rep, dec, _) = combo
            computed = ratio(target=t, realisasi=r, direction=row.direction)
            if computed is not None and compare(reported=rep, decimals=dec, computed=computed) is Agreement.CONSISTENT:
                passing.append(combo)
        if not passing:
            continue
        updates = {}
        for position, (name, value) in enumerate(zip((target_f, real_f, reported_f), values, strict=True)):
            if not value.ambiguous:
                continue
            chosen = {combo[position] for combo in passing}
            if len(chosen) == 1 and len(chosen) < len(value.candidates):
                (candidate,) = chosen
                reported = values[2]
                updates[name] = choose(
                    value,
                    candidate,
                    say("reason.fits_reported", reading=_show(candidate), reported=clean_cell(reported.raw)),
                )
        if updates:
            row = evolve(row, **updates)
    return row


def _show(candidate: tuple[Decimal, int, Convention]) -> str:
    number, decimals, _ = candidate
    return format_id(number, decimals)


def _has_ambiguous(row: Row) -> bool:
    for value in row_values(row):  # Value.ambiguous, without a property call for each of a form's cells
        if len(value.candidates) > 1:
            return True
    return False


def resolve_rows(rows: tuple[Row, ...]) -> tuple[tuple[Row, ...], list[tuple[int, str, Value]]]:
    """Fix every ambiguous number of one table. Returns the rows and (row, field, value) for each
    value that needed a choice, so the caller can report it."""
    rows = list(rows)
    ambiguous = [i for i, row in enumerate(rows) if _has_ambiguous(row)]
    for i in ambiguous:
        rows[i] = _by_consistency(rows[i])
    # What the table itself says about each separator: readings already settled.
    votes: dict[str, Counter] = {",": Counter(), ".": Counter()}
    number = Kind.NUMBER
    for row in rows:
        for value in row_values(row):
            if value.kind is not number or value.number is None or len(value.candidates) > 1:
                continue  # not a number (Value.is_number), or not settled (Value.ambiguous)
            if value.chosen_from:
                votes[_separator(value.raw)][value.convention] += 1
                continue
            raw = value.raw
            if raw.count(",") > 1 or raw.count(".") > 1:  # cleaning only removes characters
                raw = clean_cell(raw)
                if raw.count(",") > 1 or raw.count(".") > 1:
                    votes["," if "," in raw else "."][value.convention] += 1
    leaders = {sep: counter.most_common(1)[0] if counter else None for sep, counter in votes.items()}
    # the reason the table's votes give is the same for every value they settle: said once a separator
    reasons = {sep: _votes_reason(sep, *leader) for sep, leader in leaders.items() if leader}
    for i in ambiguous:
        if _has_ambiguous(rows[i]):
            rows[i] = _by_votes(rows[i], leaders, reasons)
    choices = []
    for row in rows:
        for position, value in enumerate(row_values(row)):
            if value.chosen_from:
                choices.append((row.index, VALUE_FIELDS[position], value))
    return tuple(rows), choices


def _votes_reason(sep: str, convention: Convention, count: int) -> Message:
    label = say("term.thousands" if (sep == ",") == (convention is Convention.EN) else "term.decimals")
    return say("reason.table_votes", count=count, sep=sep, label=label)


def _by_votes(row: Row, leaders: dict[str, tuple[Convention, int] | None], reasons: dict[str, Message]) -> Row:
    """Settle the row's ambiguous values by the reading most of the table's other numbers with the
    same separator have (``leaders``: separator → (convention, count); ``reasons``: separator → why), else
    the Indonesian rule."""
    updates = {}
    for name, value in zip(VALUE_FIELDS, row_values(row), strict=True):
        if not value.ambiguous:
            continue
        sep = _separator(value.raw)
        leader = leaders[sep]
        if leader:
            convention, _ = leader
            candidate = next((c for c in value.candidates if c[2] == convention), value.candidates[0])
            updates[name] = choose(value, candidate, reasons[sep])
        else:
            candidate = next(c for c in value.candidates if c[2] is Convention.ID)
            updates[name] = choose(value, candidate, say(NO_CLUE))
    return evolve(row, **updates) if updates else row


def needs_report(value: Value) -> bool:
    """A choice is reported unless it simply confirmed the Indonesian reading of '.'."""
    return not (value.convention is Convention.ID and _separator(value.raw) == "." and not _no_clue(value))


def guessed(value: Value) -> bool:
    return _no_clue(value) and _separator(value.raw) == ","


NO_CLUE = "reason.no_clue"


def _no_clue(value: Value) -> bool:
    """Settled by the Indonesian rule alone, nothing in the table pointing either way."""
    return getattr(value.reason, "key", None) == NO_CLUE


__all__ = ["Direction", "resolve_rows", "needs_report", "guessed"]
