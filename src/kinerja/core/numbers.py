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


class Kind(StrEnum):
    NUMBER = "number"
    MISSING = "missing"
    TEXT = "text"
    ERROR = "error"


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

_PLAIN = re.compile(r"\d+")
_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_COMMA_GROUPS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_ID_FULL = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+,\d+")
_EN_FULL = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+\.\d+")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DECIMAL_DOT = re.compile(r"\d+\.\d+")
_NUMERIC_CHARS = re.compile(r"[\d.,]+")


def _dec(digits: str) -> Decimal:
    return Decimal(digits)


MAX_WHOLE_DIGITS = 18  # beyond a quadrillion: not a figure any performance document holds
MAX_DECIMALS = 6


def figure_problem(value: Decimal) -> str | None:
    """Why a figure cannot be kept (too long, not finite), or None. The same limits as the reader's."""
    if not value.is_finite():
        return "bukan angka yang terhingga"
    sign, digits, exponent = value.as_tuple()
    decimals = max(0, -exponent)
    whole = max(0, len(digits) + exponent)
    if whole > MAX_WHOLE_DIGITS or decimals > MAX_DECIMALS:
        return f"terlalu panjang (paling banyak {MAX_WHOLE_DIGITS} angka bulat dan {MAX_DECIMALS} angka desimal)"
    return None


def read_number(raw: str) -> NumberReading:
    """Read one numeric token (no unit). Never raises."""
    reading = _read_number(raw)
    if reading.kind is Kind.NUMBER:
        whole = len(str(abs(int(reading.value)))) if reading.value is not None else 0
        if whole > MAX_WHOLE_DIGITS or reading.decimals > MAX_DECIMALS:
            return NumberReading(
                kind=Kind.ERROR,
                raw=raw,
                reason=f"'{raw.strip()}' terlalu panjang (paling banyak {MAX_WHOLE_DIGITS} angka bulat dan "
                f"{MAX_DECIMALS} angka desimal)",
            )
    return reading


def _read_number(raw: str) -> NumberReading:
    text = raw.strip()
    if text in MISSING_MARKS or text == "":
        return NumberReading(kind=Kind.MISSING, raw=raw)
    sign = ""
    if text[0] in "+-" and len(text) > 1:
        sign, text = ("-" if text[0] == "-" else ""), text[1:].strip()
    if not _NUMERIC_CHARS.fullmatch(text) or not text[0].isdigit():
        return NumberReading(kind=Kind.TEXT, raw=raw)

    def number(digits: str, decimals: int, convention: Convention, **extra) -> NumberReading:
        return NumberReading(
            kind=Kind.NUMBER,
            raw=raw,
            value=_dec(sign + digits),
            decimals=decimals,
            convention=convention,
            **extra,
        )

    if _PLAIN.fullmatch(text):
        return number(text, 0, Convention.PLAIN)
    if _ID_FULL.fullmatch(text):
        whole, frac = text.split(",")
        return number(whole.replace(".", "") + "." + frac, len(frac), Convention.ID)
    if _EN_FULL.fullmatch(text):
        whole, frac = text.split(".")
        return number(whole.replace(",", "") + "." + frac, len(frac), Convention.EN)
    if _DOT_GROUPS.fullmatch(text):
        thousands = number(text.replace(".", ""), 0, Convention.ID)
        if text.count(".") == 1:
            # 1.555 is 1555 by the Indonesian rule, but 1.555 by the English one.
            alt = (_dec(sign + text), 3, Convention.EN)
            return number(text.replace(".", ""), 0, Convention.ID, alternatives=(alt,))
        return thousands
    if _COMMA_GROUPS.fullmatch(text):
        if text.count(",") == 1:
            # 24,450 is 24,45 by the Indonesian rule, 24450 by the English one.
            alt = (_dec(sign + text.replace(",", "")), 0, Convention.EN)
            return number(text.replace(",", "."), 3, Convention.ID, alternatives=(alt,))
        return number(text.replace(",", ""), 0, Convention.EN)
    if _DECIMAL_COMMA.fullmatch(text):
        whole, frac = text.split(",")
        return number(whole + "." + frac, len(frac), Convention.ID)
    if _DECIMAL_DOT.fullmatch(text):
        whole, frac = text.split(".")
        return number(text, len(frac), Convention.EN)
    return NumberReading(kind=Kind.ERROR, raw=raw, reason=_malformed_reason(text))


def _malformed_reason(text: str) -> str:
    separators = set(ch for ch in text if ch in ".,")
    groups = re.split(r"[.,]", text)
    if len(groups) > 2 and any(len(g) != 3 for g in groups[1:]):
        bad = [g for g in groups[1:] if len(g) != 3]
        return f"kelompok digit '{bad[0]}' tidak terdiri dari 3 angka; '{text}' bukan penulisan ribuan yang sah"
    if separators == {".", ","}:
        return f"'{text}' memakai titik dan koma dengan susunan yang tidak sah"
    if text.startswith("0") and len(groups) > 2:
        return f"'{text}' diawali nol di depan pemisah ribuan"
    return f"'{text}' bukan angka yang sah"


def quantize(value: Decimal, decimals: int, *, truncate: bool = False) -> Decimal:
    exp = Decimal(1).scaleb(-decimals)
    try:
        return value.quantize(exp, rounding=ROUND_DOWN if truncate else ROUND_HALF_UP)
    except InvalidOperation:
        return value


def format_id(value: Decimal | int, decimals: int = 2, *, strip_zeros: bool = False) -> str:
    """Format the Indonesian way: 1.234.567,89. ``strip_zeros`` drops a zero fraction."""
    q = quantize(Decimal(value), decimals)
    negative = q < 0
    q = abs(q)
    whole, _, frac = f"{q:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    if frac and not (strip_zeros and set(frac) == {"0"}):
        if strip_zeros:
            frac = frac.rstrip("0")
        text += "," + frac
    return ("-" if negative and q != 0 else "") + text


def decimals_of(value: Decimal) -> int:
    """How many decimals a figure really has: 62.870000 has 2, 20000 has 0."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_plain(value: Decimal) -> str:
    """A figure the Indonesian way with the decimals it has: 19393 -> 19.393; 62.87 -> 62,87."""
    return format_id(value, decimals_of(value))
