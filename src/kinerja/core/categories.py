"""Achievement categories: the band a capaian falls in, on the Permendagri scale or on a region's own.

A scale is a tuple of bands, highest first. Each band holds every capaian at or above its lower bound
and below the band above it; the lowest band has no bound and holds everything below. Written that way
a scale has no gaps and no overlaps by construction: what ``parse_scale`` checks is the rest (bounds
strictly falling, codes unique, one open lowest band, 2 to 7 bands).

A band's colour is its tone, given by its place in the scale: the top band is the Permendagri scale's
green, the lowest its red, the bands between spread over the three tones between. Pages, tables and
charts colour by tone, so a region's scale needs no colour of its own and no style typed by an admin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kinerja.core.messages import say
from kinerja.core.numbers import Kind, format_id, read_number

TONES = ("ST", "T", "S", "R", "SR")  # the five colours, from the best to the worst (the Permendagri codes)
MIN_BANDS, MAX_BANDS = 2, 7
MAX_CODE, MAX_LABEL = 4, 40
MAX_TEXT = 2000  # a scale as typed: seven lines of a bound, a code and a label fit many times over
LOWEST = Decimal("-Infinity")
_CODE = re.compile(rf"[A-Za-z0-9+\-]{{1,{MAX_CODE}}}")


@dataclass(frozen=True, slots=True)
class Band:
    lower: Decimal  # inclusive; -Infinity for the lowest band
    code: str
    label: str
    tone: str  # its colour, one of TONES


# Permendagri 54/2010 & 86/2017 scale, read with the gaps closed: ≥91 ST, ≥76 T, ≥66 S, ≥51 R.
PERMENDAGRI_BANDS: tuple[Band, ...] = (
    Band(Decimal(91), "ST", "Sangat Tinggi", "ST"),
    Band(Decimal(76), "T", "Tinggi", "T"),
    Band(Decimal(66), "S", "Sedang", "S"),
    Band(Decimal(51), "R", "Rendah", "R"),
    Band(LOWEST, "SR", "Sangat Rendah", "SR"),
)


def category(value: Decimal | None, bands: Sequence[Band] = PERMENDAGRI_BANDS) -> Band | None:
    """The achievement category of a capaian; None when the capaian is undefined."""
    if value is None:
        return None
    for band in bands:
        if value >= band.lower:
            return band
    return bands[-1]


class ScaleError(ValueError):
    """A scale that cannot be used; ``reasons`` says why, one line each, in Bahasa Indonesia."""

    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def tone(position: int, count: int) -> str:
    """The colour of the band at ``position`` (0 = highest) in a scale of ``count`` bands."""
    if count <= 1:
        return TONES[0]
    return TONES[round(position * (len(TONES) - 1) / (count - 1))]


@lru_cache(maxsize=256)
def parse_scale(text: str) -> tuple[Band, ...]:
    """A scale from its text, one band per line, highest first: ``batas bawah | kode | nama``.

    The lowest band's bound is left empty (it holds everything below the band above it). Bounds are
    read the Indonesian way and never guessed: '1.000' (a thousand, or one with three decimals) is
    refused with both readings. Raises ScaleError with every problem found.
    """
    if len(text) > MAX_TEXT:
        raise ScaleError([f"teks skala terlalu panjang (paling banyak {MAX_TEXT} karakter)"])
    lines = [line.strip() for line in text.replace("\r", "").split("\n") if line.strip()]
    if not MIN_BANDS <= len(lines) <= MAX_BANDS:
        raise ScaleError([f"skala memerlukan {MIN_BANDS} sampai {MAX_BANDS} baris kategori; terbaca {len(lines)}"])
    reasons: list[str] = []
    read: list[tuple[Decimal | None, str, str]] = []
    for number, line in enumerate(lines, start=1):
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 3:
            reasons.append(f"baris {number}: tulis 'batas bawah | kode | nama', terbaca {len(parts)} bagian")
            continue
        bound_text, code, label = parts
        bound = _bound(bound_text, number, reasons)
        if not _CODE.fullmatch(code):
            reasons.append(f"baris {number}: kode '{code[:20]}' harus 1–{MAX_CODE} huruf atau angka (boleh + dan -)")
        if not label or len(label) > MAX_LABEL or not label.isprintable():
            reasons.append(f"baris {number}: nama kategori harus diisi, paling banyak {MAX_LABEL} karakter")
        read.append((bound, code, label))
    if reasons:
        raise ScaleError(reasons)
    _check_order(read, reasons)
    if reasons:
        raise ScaleError(reasons)
    count = len(read)
    return tuple(
        Band(bound if bound is not None else LOWEST, code, label, tone(position, count))
        for position, (bound, code, label) in enumerate(read)
    )


def _bound(text: str, number: int, reasons: list[str]) -> Decimal | None:
    if not text:
        return None
    reading = read_number(text.replace("%", "").strip())
    if reading.ambiguous:
        readings = " atau ".join(format_id(value, decimals) for value, decimals, _ in reading.alternatives)
        reasons.append(
            f"baris {number}: batas '{text}' dapat dibaca {format_id(reading.value, reading.decimals)} "
            f"atau {readings}; tulis tanpa pemisah ribuan"
        )
        return None
    if reading.kind is not Kind.NUMBER or reading.value is None:
        reasons.append(f"baris {number}: batas '{text[:20]}' bukan angka (tulis seperti 90 atau 90,5)")
        return None
    if reading.decimals > 2:
        reasons.append(f"baris {number}: batas '{text[:20]}' paling banyak dua angka desimal")
        return None
    if reading.value < 0 or reading.value > 1000:
        reasons.append(f"baris {number}: batas {format_id(reading.value, reading.decimals)} di luar 0 sampai 1.000 %")
        return None
    return reading.value


def _check_order(read: list[tuple[Decimal | None, str, str]], reasons: list[str]) -> None:
    *upper, (lowest_bound, _, _) = read
    if lowest_bound is not None:
        reasons.append("baris terakhir: kategori terendah tidak diberi batas bawah (kosongkan sebelum '|')")
    for number, (bound, _, _) in enumerate(upper, start=1):
        if bound is None:
            reasons.append(f"baris {number}: hanya kategori terendah yang tanpa batas bawah")
    bounds = [bound for bound, _, _ in upper]
    for number in range(1, len(bounds)):
        above, below = bounds[number - 1], bounds[number]
        if above is not None and below is not None and below >= above:
            reasons.append(
                f"baris {number + 1}: batas {format_id(below, strip_zeros=True)} harus lebih kecil dari batas di "
                f"atasnya ({format_id(above, strip_zeros=True)}); urutkan dari kategori tertinggi"
            )
    codes = [code.upper() for _, code, _ in read]
    for code in sorted({code for code in codes if codes.count(code) > 1}):
        reasons.append(f"kode '{code}' dipakai lebih dari satu kali")


def scale_text(bands: Sequence[Band]) -> str:
    """The text ``parse_scale`` reads back into the same bands."""
    return "\n".join(
        f"{format_id(band.lower, strip_zeros=True) if band.lower.is_finite() else ''} | {band.code} | {band.label}"
        for band in bands
    )


def describe_scale(bands: Sequence[Band]) -> str:
    """One line for a page or a report: 'ST ≥ 91; T ≥ 76; … SR < 51'."""
    parts = [f"{band.code} ≥ {format_id(band.lower, strip_zeros=True)}" for band in bands if band.lower.is_finite()]
    lowest = bands[-1]
    above = bands[-2].lower if len(bands) > 1 else None
    if above is not None:
        parts.append(f"{lowest.code} < {format_id(above, strip_zeros=True)}")
    return "; ".join(parts)


def is_permendagri(bands: Sequence[Band]) -> bool:
    """Whether ``bands`` are the Permendagri scale (a region without a scale of its own)."""
    return tuple(bands) == PERMENDAGRI_BANDS


def scale_sentence(bands: Sequence[Band]) -> str:
    """The scale as a report's note says it: 'Kategori menurut skala Permendagri 86/2017: ≥91 Sangat Tinggi,
    …, selebihnya Sangat Rendah.' (a region's own scale is named as such)."""
    name = say("scale.permendagri" if is_permendagri(bands) else "scale.region")
    return say("scale.sentence", name=name, steps=scale_steps(bands), rest=bands[-1].label)


def scale_steps(bands: Sequence[Band]) -> str:
    """'≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, ≥51 Rendah': every band but the lowest."""
    return ", ".join(
        f"≥{format_id(band.lower, strip_zeros=True)} {band.label}" for band in bands if band.lower.is_finite()
    )
