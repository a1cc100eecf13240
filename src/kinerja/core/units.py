"""Units of measure as the documents write them, and what they imply for their numbers."""

from __future__ import annotations

import re
from functools import lru_cache

from kinerja.core.grades import UNIT_NAMES as GRADE_UNITS

PERCENT = "%"
RP_JUTA = "Rp. (juta)"
RUPIAH = "Rp."

# Units whose figures count whole things: a value in them has no fraction.
COUNT_UNITS = frozenset(
    {
        "orang",
        "unit",
        "buah",
        "kegiatan",
        "laporan",
        "dokumen",
        "instansi",
        "tahun",
        "triwulan",
        "koperasi",
        "badan usaha",
        "orang/badan usaha",
        "orang/koperasi",
        "paket",
        "kali",
        "lembaga",
    }
)
KNOWN_UNITS = COUNT_UNITS | {PERCENT, RP_JUTA, RUPIAH}


_TAGS = re.compile(r"<[^>]+>")
_SLASH = re.compile(r"\s*/\s*")


@lru_cache(maxsize=4096)  # pure; a form has a handful of units
def normalize_unit(text: str | None) -> str | None:
    """Canonical spelling of a unit: spaces around '/', a truncated known unit completed."""
    if text is None:
        return None
    unit = _TAGS.sub("", text) if "<" in text else text
    unit = " ".join(_SLASH.sub("/", unit.strip()).split())
    if not unit:
        return None
    if unit in ("%", "persen", "Persen"):
        return PERCENT
    compact = unit.lower().replace(" ", "")
    if compact in ("rp.(juta)", "rp(juta)", "(juta)", "rp.juta", "jutarupiah"):
        return RP_JUTA
    if compact in ("rp", "rp.", "rupiah"):
        return RUPIAH
    lowered = unit.lower()
    if lowered in KNOWN_UNITS:
        return lowered
    if lowered in GRADE_UNITS:  # a qualitative scale: opini BPK, predikat SAKIP
        return GRADE_UNITS[lowered]
    # A unit cut off by a narrow column ("orang/badan us") is completed when only one fits.
    if len(lowered) >= 6:
        candidates = [u for u in KNOWN_UNITS if u.startswith(lowered)]
        if len(candidates) == 1:
            return candidates[0]
    return unit


def is_count(unit: str | None) -> bool:
    return unit in COUNT_UNITS


def is_percent(unit: str | None) -> bool:
    return unit == PERCENT


def same_dimension(a: str | None, b: str | None) -> bool:
    """Two units measure the same thing (missing units are compatible with anything)."""
    if a is None or b is None:
        return True
    return a == b


# Count units that name a level reached rather than things done during the year.
_LEVEL_COUNTS = frozenset({"tahun", "triwulan"})


def default_cumulation(unit: str | None) -> str:
    """How quarterly figures make the year's figure when nobody has said: counts of things done and
    money add up over the quarters ("sum"); levels, percentages and anything else take the last
    quarter entered ("last"). Returns the value of kinerja.core.model.Cumulation."""
    normal = normalize_unit(unit)
    if normal in (RP_JUTA, RUPIAH) or (is_count(normal) and normal not in _LEVEL_COUNTS):
        return "sum"
    return "last"
