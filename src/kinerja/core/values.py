"""A cell's value: number, unit, and how it was read.

``read_value`` turns cell text such as ``Rp. 46.821 (juta)``, ``24,450 orang``, ``- unit`` or
``4 BPR/12 LKM`` into a :class:`Value`. Ambiguous numbers keep every reading in ``candidates``
until :func:`choose` records which one the evidence supports and why.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from kinerja.core.grades import SCALES, grade_name, read_grade
from kinerja.core.messages import Listed, Message, say
from kinerja.core.numbers import MISSING_MARKS, Convention, Kind, decimals_of, format_id, format_plain, parse_number
from kinerja.core.units import COUNT_UNITS, is_count, normalize_unit

Candidate = tuple[Decimal, int, Convention]


class Value(NamedTuple):
    """One cell as read. An immutable record; a tuple rather than a frozen dataclass because a form
    of 10.000 rows builds tens of thousands of them, and a tuple is built four times faster."""

    kind: Kind
    raw: str
    number: Decimal | None = None
    decimals: int = 0
    unit: str | None = None
    convention: Convention | None = None
    candidates: tuple[Candidate, ...] = ()
    reason: str | None = None  # why it is an error, or why this reading was chosen
    chosen_from: tuple[Decimal, ...] = ()  # the readings that were possible before choosing
    bounds: tuple[Decimal, Decimal] | None = None  # a range's lower and upper bound (Kind.RANGE; number None)

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @property
    def is_number(self) -> bool:
        return self.kind is Kind.NUMBER and self.number is not None

    @property
    def text(self) -> str | None:
        return self.raw.strip() if self.kind is Kind.TEXT else None


EMPTY = Value(kind=Kind.MISSING, raw="")


class ShownNumber(str):
    """A figure a reader already knows exactly, as its cell shows it: a spreadsheet's number cell written
    the Indonesian way ('1,555', '62,87 %'). The text is for people; ``value`` is its reading, which is
    never ambiguous: '1,555' from a number cell is 1,555, whatever the same text typed would allow."""

    __slots__ = ("value",)

    def __new__(cls, text: str, value: Value) -> ShownNumber:
        shown = super().__new__(cls, text)
        shown.value = value
        return shown

    def __getnewargs__(self) -> tuple[str, Value]:  # copied and pickled (a child process's answer) whole
        return (str(self), self.value)

    @classmethod
    def of(cls, number: Decimal, decimals: int, unit: str | None = None) -> ShownNumber:
        """The figure written the Indonesian way with the decimals shown, and its unit ('%') after it."""
        text = format_id(number, decimals) + (f" {unit}" if unit else "")
        convention = Convention.ID if decimals or abs(number) >= 1000 else Convention.PLAIN
        unit = normalize_unit(unit) if unit else None
        return cls(text, Value(Kind.NUMBER, text, number, decimals, unit, convention))


_TAGS = re.compile(r"<[^>]+>")
_DIGIT = re.compile(r"\d")
_CELL = re.compile(
    r"(?P<pre>Rp\.?\s*)?(?P<num>[+-]?\d[\d.,]*)\s*(?P<unit>.*)",
    re.IGNORECASE,
)


# Control characters a document may carry (form feeds from a PDF, stray codes): shown as nothing,
# read as a space. A figure with one inside is then two figures, never a number guessed.
_CONTROLS = dict.fromkeys((*range(0, 9), 11, 12, *range(14, 32)), " ")


def clean_cell(text: str | None) -> str:
    if text is None:
        return ""
    if type(text) is ShownNumber:
        return text  # written by a reader, nothing to clean; kept so that its reading goes with it
    text = str(text)
    if "<" in text:
        text = _TAGS.sub("", text)
    if not text.isprintable():  # tabs, line breaks or control characters
        text = text.translate(_CONTROLS)
    return " ".join(text.replace("*", "").split())  # runs of whitespace to one space, as \s+ would


# What makes a line's cells need cleaning, all of them looked for at once: a '*' or a tag, a control character,
# a run of spaces or a space at either end of a cell. Only an ASCII line is judged this way; any other goes
# cell by cell (Unicode has more spaces and unprintable characters than these).
_NEEDS_CLEANING = re.compile(r"[*<\x00-\x08\x0a-\x1f\x7f]|  |^ | $| \t|\t ")


def clean_cells(cells: tuple[str, ...] | list[str]) -> list[str]:
    """``clean_cell`` of every cell of a line. Most lines are already clean: one look at the whole line
    says so, instead of one per cell."""
    if all(type(cell) is str for cell in cells):
        joined = "\t".join(cells)
        if joined.isascii() and joined.count("\t") == len(cells) - 1 and not _NEEDS_CLEANING.search(joined):
            return list(cells)
    return [clean_cell(cell) for cell in cells]


def read_value(raw: str | None, *, unit_hint: str | None = None) -> Value:
    """Read a cell. Never raises; the unit may come from the cell or from ``unit_hint``."""
    if type(raw) is ShownNumber:
        value = raw.value
    else:
        value = _read_cell("" if raw is None else raw if type(raw) is str else str(raw))
    if unit_hint and value.unit is None:
        hint = normalize_unit(unit_hint)
        if hint in SCALES:
            # a grade that needs its scale named ('TW', 'A' … 'D'); a bare figure is not taken for a score
            grade = read_grade(clean_cell(value.raw), hint) if value.kind is Kind.TEXT else None
            return _grade(value.raw, *grade) if grade else value
        if hint is not None:
            # a figure or mark written without its unit takes the hint's; counts are whole
            kind, raw_text, number, decimals, _, convention, candidates, reason, chosen_from, bounds = value
            value = Value(kind, raw_text, number, decimals, hint, convention, candidates, reason, chosen_from, bounds)
            return apply_unit_rule(value) if hint in COUNT_UNITS else value
    return value


# What a spreadsheet shows in a cell whose formula failed, as a document keeps it (a printed form, an .xlsx's
# stored result): the figure meant is not in the document, and kinerja says why instead of reading words.
SPREADSHEET_ERRORS = {
    "#DIV/0!": say("excel.div0"),
    "#REF!": say("excel.ref"),
    "#N/A": say("excel.na"),
    "#VALUE!": say("excel.value"),
    "#NAME?": say("excel.name"),
    "#NUM!": say("excel.num"),
    "#NULL!": say("excel.null"),
    "#SPILL!": say("excel.spill"),
    "#CALC!": say("excel.calc"),
}


@lru_cache(maxsize=65536)  # pure, and the same cells are read again and again (pages, checks)
def _read_cell(raw: str) -> Value:
    """A cell read on its own: the unit is the one written in it, if any."""
    text = clean_cell(raw)
    if not text:
        return Value(kind=Kind.MISSING, raw=raw)
    if text[0] == "#" and text.upper() in SPREADSHEET_ERRORS:
        meaning = SPREADSHEET_ERRORS[text.upper()]
        reason = say("reason.spreadsheet_error", error=text.upper(), meaning=meaning)
        return Value(kind=Kind.ERROR, raw=raw, reason=reason)
    head, _, rest = text.partition(" ")
    if head in MISSING_MARKS:
        return Value(kind=Kind.MISSING, raw=raw, unit=normalize_unit(rest))
    if not text[0].isdigit():
        grade = read_grade(text)  # WTP, BB: a grade that names its scale
        if grade is not None:
            return _grade(raw, *grade)
    match = _CELL.fullmatch(text)
    if not match:
        return Value(kind=Kind.TEXT, raw=raw)
    pre, number_text, unit_text = match.group("pre", "num", "unit")
    unit_text = unit_text.strip()
    if pre:
        unit_text = "Rp. " + unit_text if unit_text else "Rp."
    if unit_text and _DIGIT.search(unit_text):
        # "80–90 %": a range; "4 BPR/12 LKM": more than one figure in the cell, not a single number.
        return _range(raw, text) or Value(kind=Kind.TEXT, raw=raw)
    unit = normalize_unit(unit_text) if unit_text else None
    kind, number, decimals, convention, alternatives, reason = parse_number(number_text)
    if kind is not Kind.NUMBER:
        return Value(kind=kind, raw=raw, unit=unit, reason=reason)
    value = Value(
        kind=Kind.NUMBER,
        raw=raw,
        number=number,
        decimals=decimals,
        unit=unit,
        convention=convention,
        candidates=((number, decimals, convention), *alternatives) if alternatives else (),
    )
    return apply_unit_rule(value) if unit in COUNT_UNITS else value


# A target written as a range (PermenPAN-RB 8/2021): '80–90 %', '80% - 90%', '7 s.d. 8 bulan', '1.000 sampai
# dengan 1.500 orang'. The unit may follow each bound only when it is the same.
_RANGE = re.compile(
    r"(?P<pre>Rp\.?\s*)?(?P<low>\d[\d.,]*)\s*(?P<first>%)?\s*"
    r"(?:-|–|—|s\.\s?d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga)\s*"
    r"(?P<high>\d[\d.,]*)\s*(?P<unit>\D*)",
    re.IGNORECASE,
)


_YEARS = re.compile(r"(?:19|20)\d\d")


def _reading(options: list[Candidate], convention: Convention) -> Candidate | None:
    """The reading of a bound under ``convention``; a plain figure ('80') reads the same under any."""
    return next((o for o in options if o[2] is convention or o[2] is Convention.PLAIN), None)


def _range(raw: str, text: str) -> Value | None:
    """A range read from ``text``, an error saying why a range cannot be read, or None (not a range)."""
    match = _RANGE.fullmatch(text)
    if match is None:
        return None
    pre, low_text, first, high_text, unit_text = match.group("pre", "low", "first", "high", "unit")
    unit_text = unit_text.strip()
    if first and unit_text != "%":
        return None  # '80 % - 90 orang': two different figures
    if pre:
        unit_text = "Rp. " + unit_text if unit_text else "Rp."
    unit = normalize_unit(unit_text) if unit_text else None
    if unit in SCALES:
        return None  # grades are not ranges
    if unit is None and _YEARS.fullmatch(low_text) and _YEARS.fullmatch(high_text):
        return None  # '2015-2019': a period, not a target
    readings = []  # each bound's readings: (number, decimals, convention)
    for bound_text in (low_text, high_text):
        kind, number, decimals, convention, alternatives, reason = parse_number(bound_text)
        if kind is not Kind.NUMBER:
            reason = reason or say("reason.bound_not_number", text=bound_text)
            return Value(kind=Kind.ERROR, raw=raw, unit=unit, reason=say("reason.range_bound", reason=reason))
        options = [(number, decimals, convention), *alternatives]
        if unit in COUNT_UNITS:  # counts are whole: '1.500 orang' is 1500, never 1,5
            options = [o for o in options if o[1] == 0 or o[0] == o[0].to_integral_value()] or options
        readings.append(options)
    # both bounds are written the same way: a convention one bound settles ('1.500' of a count) holds for
    # the other ('2.000'); a bare '80' fits any
    fits = [c for c in (Convention.ID, Convention.EN) if all(_reading(o, c) for o in readings)]
    pairs = [[_reading(o, c) for o in readings] for c in fits] or [[o[0] for o in readings]]
    if len(pairs) > 1 and any(len(o) > 1 for o in readings):  # both conventions fit: not guessed
        shown = Listed(tuple("–".join(format_id(n, d) for n, d, _ in pair) for pair in pairs), "or")
        return Value(
            kind=Kind.ERROR,
            raw=raw,
            unit=unit,
            reason=say("reason.range_two_ways", low=low_text, high=high_text, shown=shown),
        )
    (low, low_decimals, _), (high, high_decimals, _) = pairs[0]
    if low >= high:
        return Value(
            kind=Kind.ERROR,
            raw=raw,
            unit=unit,
            reason=say("reason.range_order", low=format_plain(low), high=format_plain(high)),
        )
    return Value(kind=Kind.RANGE, raw=raw, decimals=max(low_decimals, high_decimals), unit=unit, bounds=(low, high))


def _grade(raw: str, unit: str, score: int) -> Value:
    """A grade read as its score, the unit naming its scale (kinerja.core.grades)."""
    return Value(kind=Kind.NUMBER, raw=raw, number=Decimal(score), unit=unit, convention=Convention.PLAIN)


def clear_cache() -> None:
    """Forget every cell read (benchmarks measure a first reading)."""
    _read_cell.cache_clear()
    _written_decimals.cache_clear()


def choose(value: Value, candidate: Candidate, reason: Message) -> Value:
    """Fix an ambiguous value to one reading and say why."""
    number, decimals, convention = candidate
    return Value(
        kind=value.kind,
        raw=value.raw,
        number=number,
        decimals=decimals,
        unit=value.unit,
        convention=convention,
        reason=reason,
        chosen_from=tuple(c[0] for c in value.candidates),
    )


def apply_unit_rule(value: Value) -> Value:
    """Counts of people or things are whole: drop readings with a fraction, or fail."""
    if value.kind is not Kind.NUMBER or not is_count(value.unit):
        return value
    options = value.candidates or ((value.number, value.decimals, value.convention),)
    whole = [c for c in options if c[1] == 0 or c[0] == c[0].to_integral_value()]
    if not whole:
        return Value(
            kind=Kind.ERROR,
            raw=value.raw,
            unit=value.unit,
            reason=say("reason.not_whole", text=clean_cell(value.raw), unit=value.unit),
        )
    if len(whole) == 1 and len(options) > 1:
        return choose(
            value,
            whole[0],
            say("reason.whole_unit", unit=value.unit),
        )
    return value


@lru_cache(maxsize=65536)  # pure; every page shows the same stored figures again and again
def _written_decimals(raw: str, unit: str | None, number: Decimal) -> int | None:
    """The decimals ``raw`` shows ``number`` with, when one of its readings is ``number``; else None."""
    read = read_value(raw, unit_hint=unit)
    options = read.candidates or ((read.number, read.decimals, read.convention),)
    return next((d for n, d, _ in options if n is not None and n == number), None)


def stored_value(number: Decimal | None, raw: str = "", unit: str | None = None) -> Value:
    """A value kept in the database: its number when it has one, else what was written.

    The decimals shown are those the figure was written with (62,50 stays 62,50), when the
    written text reads to the stored number.
    """
    if number is not None:
        decimals = _written_decimals(raw, unit, number) if raw else None
        if decimals is None:
            decimals = decimals_of(number)
        return Value(kind=Kind.NUMBER, raw=raw or str(number), number=number, unit=unit, decimals=decimals)
    if raw and clean_cell(raw):
        read = read_value(raw, unit_hint=unit)
        if read.kind is not Kind.NUMBER:
            return read
        # a number in the text that was not stored (ambiguous, never confirmed): not guessed here
        return Value(kind=Kind.ERROR, raw=raw, unit=unit, reason=say("reason.unconfirmed"))
    return Value(kind=Kind.MISSING, raw=raw or "", unit=unit)


def write_value(value: Value | None, *, empty: str = "–") -> str:
    """A value with its unit, the way agencies write it: 19.393 orang, Rp. 46.821 (juta), 62,87 %.

    A value without a number is shown as it was written (text, '-', or an unreadable figure).
    """
    if value is None:
        return empty
    if not value.is_number and value.kind is not Kind.RANGE:
        text = clean_cell(value.raw)
        return text if text else empty
    if value.kind is Kind.RANGE:
        low, high = value.bounds
        number = f"{format_id(low, value.decimals)}–{format_id(high, value.decimals)}"
    else:
        grade = grade_name(value.unit, value.number)
        if grade is not None:
            return grade  # a qualitative figure is shown as the grade, never as its score
        number = format_id(value.number, value.decimals)
    if value.unit == "Rp. (juta)":
        return f"Rp. {number} (juta)"
    if value.unit == "Rp.":
        return f"Rp. {number}"
    if value.unit == "%":
        return f"{number} %"
    return f"{number} {value.unit}" if value.unit else number


def formula_term(value: Value) -> str:
    """A value as a term of a formula in a message: a grade with its score ('WDP (skor 3)')."""
    grade = grade_name(value.unit, value.number) if value.is_number else None
    return say("term.grade", grade=grade, score=value.number) if grade else write_value(value)


def stored_target(number: Decimal | None, raw: str = "") -> Decimal | str | None:
    """A stored target as it is shown and typed back: its number, or a range kept as its text written the
    kinerja way ('80–90'); None for anything else (empty, or words)."""
    return number if number is not None else plain_figure(None, None, raw) or None


def plain_figure(number: Decimal | None, unit: str | None = None, raw: str = "") -> str:
    """A stored figure as a person types it back into a field: 1.234,5, or the grade ('WTP') when the
    indicator's unit is a scale of grades, or a target range ('80–90') kept as its text; '' for none."""
    if number is None:
        read = read_value(raw) if raw else EMPTY
        return write_value(read._replace(unit=None)) if read.kind is Kind.RANGE else ""
    return grade_name(unit, number) or format_plain(number)
