"""Achievement (capaian) by the rules and Renstra progress (its categories: kinerja.core.categories).

One implementation used by every reader, page and report. See docs/domain.md of the project
brief: higher-is-better is R / T × 100; lower-is-better uses PermenPAN-RB 8/2021's
"kondisi khusus" formula (2T − R) / T × 100, floored at 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kinerja.core.messages import Message, say
from kinerja.core.model import Achievement, Cumulation, Direction
from kinerja.core.numbers import Kind, format_id
from kinerja.core.values import Value, clean_cell

HUNDRED = Decimal(100)

RULE_HIGHER = say("rule.higher")
RULE_LOWER = say("rule.lower")


def capaian(*, target: Value, realisasi: Value, direction: Direction) -> Achievement:
    """Achievement of one year's realisation against its target (a number, or a range: ``against_range``)."""
    if target.kind is Kind.RANGE:
        undefined = _unusable("realisasi", realisasi)
        if undefined:
            return Achievement(value=None, rule=RULE_RANGE, reason=undefined)
        return against_range(target.bounds, realisasi.number, direction)
    rule = RULE_HIGHER if direction is Direction.HIGHER else RULE_LOWER
    undefined = _undefined_reason(target=target, realisasi=realisasi)
    if undefined:
        return Achievement(value=None, rule=rule, reason=undefined)
    return Achievement(
        value=ratio(target=target.number, realisasi=realisasi.number, direction=direction),
        rule=rule,
        reason=_zero_target_reason(target.number, realisasi.number, direction),
    )


def ratio(*, target: Decimal, realisasi: Decimal, direction: Direction) -> Decimal | None:
    if target == 0:
        if direction is Direction.LOWER and realisasi == 0:
            return HUNDRED  # a zero-incident target met
        return None
    if direction is Direction.HIGHER:
        return realisasi / target * HUNDRED
    return max(Decimal(0), (2 * target - realisasi) / target * HUNDRED)


RULE_RANGE = say("rule.range")


def against_range(bounds: tuple[Decimal, Decimal], realisasi: Decimal, direction: Direction) -> Achievement:
    """Capaian against a target range [low, high] (PermenPAN-RB 8/2021): 100 inside the range; outside it
    the direction's formula against the nearer bound, which is the target the realisasi passed or missed.
    80–90 %, realisasi 92: 92 ÷ 90 × 100; realisasi 70: 70 ÷ 80 × 100. A lower-is-better 7–8 bulan,
    realisasi 6,5: (2 × 7 − 6,5) ÷ 7 × 100."""
    low, high = bounds
    if low <= realisasi <= high:
        return Achievement(value=HUNDRED, rule=say("rule.within_range"))
    bound, side = (high, say("side.upper")) if realisasi > high else (low, say("side.lower"))
    rule = say("rule.bound_higher" if direction is Direction.HIGHER else "rule.bound_lower", side=side)
    value = ratio(target=bound, realisasi=realisasi, direction=direction)
    reason = None if value is not None else say("ach.zero_bound")
    return Achievement(value=value, rule=rule, reason=reason)


def meets_standard(realisasi: Value, standard: Decimal | None, direction: Direction) -> bool | None:
    """Whether the year's realisation meets the national standard (LKjIP Bab III A.4): at least the standard
    where higher is better, at most it where lower is better. None when there is no standard, or no single
    realised figure to compare with it."""
    if standard is None or realisasi.kind is not Kind.NUMBER or realisasi.number is None:
        return None
    if direction is Direction.LOWER:
        return realisasi.number <= standard
    return realisasi.number >= standard


# Formulas documents use that are not the rule for the indicator's direction: a reported capaian that
# matches one of them is explained by it (the most likely cause first).
RULE_INVERSE = say("rule.inverse")


def other_formulas(
    *, target: Decimal, realisasi: Decimal, direction: Direction
) -> list[tuple[Message, Decimal, Message]]:
    """(formula, its result, what that says) for the formulas of the other direction and the inverse ratio
    some LKjIPs use for lower-is-better indicators; none when the target or realisation is 0."""
    if target == 0 or realisasi == 0:
        return []
    inverse = (
        RULE_INVERSE,
        target / realisasi * HUNDRED,
        say("rule.inverse_meaning"),
    )
    if direction is Direction.HIGHER:
        lower = ratio(target=target, realisasi=realisasi, direction=Direction.LOWER)
        return [(RULE_LOWER, lower, say("rule.lower_meaning")), inverse]
    higher = ratio(target=target, realisasi=realisasi, direction=Direction.HIGHER)
    return [(RULE_HIGHER, higher, say("rule.higher_meaning")), inverse]


def _zero_target_reason(target: Decimal, realisasi: Decimal, direction: Direction) -> str | None:
    if target != 0:
        return None
    if direction is Direction.LOWER and realisasi == 0:
        return say("ach.zero_met")
    return say("ach.zero")


def _undefined_reason(*, target: Value, realisasi: Value) -> str | None:
    return _unusable("target", target) or _unusable("realisasi", realisasi)


def _unusable(name: str, value: Value) -> str | None:
    """Why ``value`` is not one number to compute with, or None."""
    if value.kind is Kind.MISSING:
        return say("ach.missing", name=say(f"ach.name.{name}"))
    if value.kind is Kind.TEXT:
        return say("ach.text", name=say(f"ach.name.{name}"), raw=clean_cell(value.raw))
    if value.kind is Kind.RANGE:
        return say("ach.range", name=say(f"ach.name.{name}"), raw=clean_cell(value.raw))
    if value.kind is Kind.ERROR:
        return say("ach.unreadable", name=say(f"ach.name.{name}"), reason=value.reason)
    return None


def renstra_progress(
    *,
    realisasi: Sequence[Value],
    target_akhir: Value,
    direction: Direction,
    cumulation: Cumulation,
) -> Achievement:
    """Progress toward the end-of-plan target.

    ``realisasi`` holds the realisations of the plan's years so far, oldest first. A flow (SUM)
    adds them up; a level or percentage (LAST) takes the latest; a mean (AVERAGE) their mean.
    """
    if cumulation is Cumulation.SUM:
        rule = say("rule.renstra_sum")
    elif cumulation is Cumulation.AVERAGE:
        rule = say("rule.renstra_average")
    else:
        rule = say("rule.renstra_last")
    if not realisasi:
        return Achievement(value=None, rule=rule, reason=say("ach.no_realisation"))
    latest = realisasi[-1]
    end = None if target_akhir.kind is Kind.RANGE else _unusable("target_akhir", target_akhir)  # a range has its rule
    every_year = cumulation in (Cumulation.SUM, Cumulation.AVERAGE)
    for value in realisasi if every_year else (latest,):
        reason = end or _unusable("realisasi", value)
        if reason:
            return Achievement(value=None, rule=rule, reason=reason)
    if every_year:
        total = sum((v.number for v in realisasi), Decimal(0))
        total = total / len(realisasi) if cumulation is Cumulation.AVERAGE else total
    else:
        total = latest.number
    if target_akhir.kind is Kind.RANGE:
        within = against_range(target_akhir.bounds, total, direction)
        rule = say("rule.renstra_range", rule=rule, within=within.rule)
        return Achievement(value=within.value, rule=rule, reason=within.reason)
    value = ratio(target=target_akhir.number, realisasi=total, direction=direction)
    reason = None if value is not None else say("ach.zero_end")
    return Achievement(value=value, rule=rule, reason=reason)


def describe(achievement: Achievement | None) -> str:
    if achievement is None or achievement.value is None:
        return say("ach.undefined")
    return format_id(achievement.value, 2)


def year_from_quarters(quarters: Sequence[Decimal | None], cumulation: Cumulation) -> Decimal | None:
    """The year's realisation from quarterly figures (triwulan I–IV, in order).

    A flow (SUM) adds the quarters entered; a level (LAST) takes the last quarter entered; a mean
    (AVERAGE) is the mean of the quarters entered. None when no quarter has a figure.
    """
    entered = [q for q in quarters if q is not None]
    if not entered:
        return None
    if cumulation is Cumulation.SUM:
        return sum(entered, Decimal(0))
    if cumulation is Cumulation.AVERAGE:
        return sum(entered, Decimal(0)) / len(entered)
    return entered[-1]


def absorption(anggaran: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Serapan anggaran: realisasi ÷ anggaran × 100; None when either is missing or the budget is 0."""
    if not anggaran or realisasi is None:
        return None
    return realisasi / anggaran * HUNDRED


def average(values: Sequence[Decimal], *, cap: Decimal | None = None) -> Decimal | None:
    """Mean of defined capaian values, each first limited to ``cap`` when one is set.

    There is no national rule for the cap: agencies use none, 100 or 120 (see the brief's domain notes).
    None when there is nothing to average.
    """
    if not values:
        return None
    limited = [min(v, cap) if cap is not None else v for v in values]
    return sum(limited, Decimal(0)) / len(limited)


def average_rule(cap: Decimal | None) -> str:
    if cap is None:
        return say("rule.average")
    return say("rule.average_capped", cap=format_id(cap, 0))
