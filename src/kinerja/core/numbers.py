"""Reading and writing numbers the way Indonesian performance documents write them.

The Indonesian convention is '.' for thousands and ',' for decimals (2.165.319.100; 62,87).
Documents produced with an English-locale spreadsheet swap the two (24,450; 61.47%), often in
the same file. ``read_number`` never guesses between two readings: when a token can be read two
ways it returns both, and the caller decides with evidence (see ``kinerja.core.values``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from kinerja.core.messages import Message, say


class Kind(StrEnum):
    NUMBER = "number"
    MISSING = "missing"
    TEXT = "text"
    ERROR = "error"
    RANGE = "range"  # a target written as a range, '80–90 %': kinerja.core.values.Value.bounds


class Convention(StrEnum):
    PLAIN = "plain"  # 1425
    ID = "id"  # dot thousands, comma decimal: 2.165.319,10
    EN = "en"  # comma thousands, dot decimal: 2,165,319.10


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberReading:
    """What one numeric token says. ``alternatives`` holds the other possible readings."""

    kind: Kind
    raw: str
    value: Decimal | None = None
    decimals: int = 0
    convention: Convention | None = None
    alternatives: tuple[tuple[Decimal, int, Convention], ...] = ()
    reason: str | None = None

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)


MISSING_MARKS = frozenset({"-", "–", "—", "--", "n/a", "N/A"})

# Every way a document writes one figure, in the order of preference: the first alternative that
# matches the whole token names its convention (``lastgroup``).
_FIGURE = re.compile(
    r"(?P<plain>\d+)"  # 1425
    r"|(?P<id_full>[1-9]\d{0,2}(?:\.\d{3})+,\d+)"  # 2.165.319,10
    r"|(?P<en_full>[1-9]\d{0,2}(?:,\d{3})+\.\d+)"  # 2,165,319.10
    r"|(?P<dot_groups>[1-9]\d{0,2}(?:\.\d{3})+)"  # 2.165.319, or 1.555 (two readings)
    r"|(?P<comma_groups>[1-9]\d{0,2}(?:,\d{3})+)"  # 2,165,319, or 24,450 (two readings)
    r"|(?P<decimal_comma>\d+,\d+)"  # 62,87
    r"|(?P<decimal_dot>\d+\.\d+)"  # 61.47
)
_NUMERIC_CHARS = re.compile(r"[\d.,]+")

MAX_WHOLE_DIGITS = 18  # beyond a quadrillion: not a figure any performance document holds
MAX_DECIMALS = 6

Alternative = tuple[Decimal, int, Convention]
# What a token says, as a plain tuple (the hot path of reading a table builds no record for it):
# (kind, value, decimals, convention, alternatives, reason)
Parsed = tuple[Kind, Decimal | None, int, Convention | None, tuple[Alternative, ...], str | None]


def figure_problem(value: Decimal) -> Message | None:
    """Why a figure cannot be kept (too long, not finite), or None. The same limits as the reader's."""
    if not value.is_finite():
        return say("reason.not_finite")
    sign, digits, exponent = value.as_tuple()
    decimals = max(0, -exponent)
    whole = max(0, len(digits) + exponent)
    if whole > MAX_WHOLE_DIGITS or decimals > MAX_DECIMALS:
        return say("reason.too_long", whole=MAX_WHOLE_DIGITS, decimals=MAX_DECIMALS)
    return None


def read_number(raw: str) -> NumberReading:
    """Read one numeric token (no unit). Never raises."""
    kind, value, decimals, convention, alternatives, reason = parse_number(raw)
    return NumberReading(
        kind=kind,
        raw=raw,
        value=value,
        decimals=decimals,
        convention=convention,
        alternatives=alternatives,
        reason=reason,
    )


def parse_number(raw: str) -> Parsed:
    """``read_number`` as a tuple: (kind, value, decimals, convention, alternatives, reason)."""
    parsed = _parse(raw)
    if parsed[0] is Kind.NUMBER and (len(raw) > MAX_WHOLE_DIGITS or parsed[2] > MAX_DECIMALS):
        # the token is long enough to break a limit: count the whole digits of the figure itself
        whole = len(str(abs(int(parsed[1]))))
        if whole > MAX_WHOLE_DIGITS or parsed[2] > MAX_DECIMALS:
            reason = say("reason.token_too_long", raw=raw.strip(), whole=MAX_WHOLE_DIGITS, decimals=MAX_DECIMALS)
            return (Kind.ERROR, None, 0, None, (), reason)
    return parsed


def _parse(raw: str) -> Parsed:
    text = raw.strip()
    if text in MISSING_MARKS or text == "":
        return (Kind.MISSING, None, 0, None, (), None)
    sign = ""
    if text[0] in "+-" and len(text) > 1:
        sign, text = ("-" if text[0] == "-" else ""), text[1:].strip()
    match = _FIGURE.fullmatch(text)
    if match is None:
        if not _NUMERIC_CHARS.fullmatch(text) or not text[0].isdigit():
            return (Kind.TEXT, None, 0, None, (), None)
        return (Kind.ERROR, None, 0, None, (), _malformed_reason(text))
    form = match.lastgroup
    if form == "plain":
        return (Kind.NUMBER, Decimal(sign + text), 0, Convention.PLAIN, (), None)
    if form == "id_full":
        whole, frac = text.split(",")
        return (Kind.NUMBER, Decimal(sign + whole.replace(".", "") + "." + frac), len(frac), Convention.ID, (), None)
    if form == "en_full":
        whole, frac = text.split(".")
        return (Kind.NUMBER, Decimal(sign + whole.replace(",", "") + "." + frac), len(frac), Convention.EN, (), None)
    if form == "dot_groups":
        thousands = Decimal(sign + text.replace(".", ""))
        if text.count(".") == 1:
            # 1.555 is 1555 by the Indonesian rule, but 1.555 by the English one.
            return (Kind.NUMBER, thousands, 0, Convention.ID, ((Decimal(sign + text), 3, Convention.EN),), None)
        return (Kind.NUMBER, thousands, 0, Convention.ID, (), None)
    if form == "comma_groups":
        if text.count(",") == 1:
            # 24,450 is 24,45 by the Indonesian rule, 24450 by the English one.
            alternative = (Decimal(sign + text.replace(",", "")), 0, Convention.EN)
            return (Kind.NUMBER, Decimal(sign + text.replace(",", ".")), 3, Convention.ID, (alternative,), None)
        return (Kind.NUMBER, Decimal(sign + text.replace(",", "")), 0, Convention.EN, (), None)
    whole, frac = text.split("," if form == "decimal_comma" else ".")
    convention = Convention.ID if form == "decimal_comma" else Convention.EN
    return (Kind.NUMBER, Decimal(sign + whole + "." + frac), len(frac), convention, (), None)


def _malformed_reason(text: str) -> Message:
    separators = set(ch for ch in text if ch in ".,")
    groups = re.split(r"[.,]", text)
    if len(groups) > 2 and any(len(g) != 3 for g in groups[1:]):
        bad = [g for g in groups[1:] if len(g) != 3]
        return say("reason.bad_group", group=bad[0], text=text)
    if separators == {".", ","}:
        return say("reason.mixed_separators", text=text)
    if text.startswith("0") and len(groups) > 2:
        return say("reason.leading_zero", text=text)
    return say("reason.not_valid", text=text)


_STEPS = tuple(Decimal(1).scaleb(-d) for d in range(13))  # 1, 0.1, 0.01, …: built once


def step(decimals: int) -> Decimal:
    """One unit of the last shown digit: 1 for 0 decimals, 0.01 for 2."""
    return _STEPS[decimals] if 0 <= decimals < 13 else Decimal(1).scaleb(-decimals)


def quantize(value: Decimal, decimals: int, *, truncate: bool = False) -> Decimal:
    exp = step(decimals)
    try:
        return value.quantize(exp, rounding=ROUND_DOWN if truncate else ROUND_HALF_UP)
    except InvalidOperation:
        return value


def format_id(value: Decimal | int, decimals: int = 2, *, strip_zeros: bool = False) -> str:
    """Format the Indonesian way: 1.234.567,89. ``strip_zeros`` drops a zero fraction."""
    q = quantize(Decimal(value), decimals)
    if not q.is_finite():
        return str(q)  # never a figure a document or a form holds; said as Python says it
    whole, _, frac = format(abs(q), ",f").partition(".")  # '1,234,567.89': Python groups the thousands
    text = whole.replace(",", ".")
    if frac and not (strip_zeros and not frac.strip("0")):
        text += "," + (frac.rstrip("0") if strip_zeros else frac)
    return "-" + text if q < 0 else text


def decimals_of(value: Decimal) -> int:
    """How many decimals a figure really has: 62.870000 has 2, 20000 has 0."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_plain(value: Decimal) -> str:
    """A figure the Indonesian way with the decimals it has: 19393 -> 19.393; 62.87 -> 62,87."""
    return format_id(value, decimals_of(value))


def decimal_text(value: Decimal | None) -> str | None:
    """A figure as plain machine text with the decimals it has, for records, fingerprints and JSON:
    62.870 -> '62.87', 2E+4 -> '20000'. None stays None."""
    return None if value is None else format(value.normalize(), "f")


def json_number(value: Decimal | None) -> int | float | None:
    """A figure as a JSON number: a whole one as an integer, else the nearest float (None stays None)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)
