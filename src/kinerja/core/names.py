"""Indicator names: normalising spelling variants and linking the same indicator across years."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

SURE = 90.0  # at or above: the same indicator
PROBABLE = 80.0  # between PROBABLE and SURE: probably the same, a person confirms

_SPELLINGS = (
    (re.compile(r"\b(prosentase|prosentasi|persentasi|presentase|prosentase)\b"), "persentase"),
    (re.compile(r"\brata\s*-?\s*rata\b"), "rata rata"),
)


_TAGS = re.compile(r"<[^>]+>")
_NOT_WORD = re.compile(r"[^\w%]+")


@lru_cache(maxsize=16384)  # pure; the same names are compared across rows, tables and years
def normalize_name(name: str) -> str:
    text = name.lower()
    if "<" in text:
        text = _TAGS.sub(" ", text)
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


_PERCENT_STEMS = ("persentas", "prosentas", "presentas")  # every spelling _SPELLINGS turns into 'persentase'


def is_percentage_name(name: str) -> bool:
    lowered = name.lower()
    if not any(stem in lowered for stem in _PERCENT_STEMS):
        return False  # no spelling of 'persentase' anywhere in the name: nothing to normalise
    return normalize_name(name).startswith("persentase")


def similarity(a: str, b: str) -> float:
    return _score(normalize_name(a), normalize_name(b))


def _score(na: str, nb: str) -> float:
    """Mean of a character-level and a word-level similarity (0–100).

    Characters forgive typos ("hokum"/"hukum"); words keep short names that share most
    letters but differ in a key word ("omzet"/"anggota") apart.
    """
    if na == nb:
        return 100.0
    chars = fuzz.ratio(na, nb)
    words = fuzz.ratio(na.split(), nb.split())
    return float(chars + words) / 2


@dataclass(frozen=True, slots=True)
class Link:
    left: int
    right: int
    score: float

    @property
    def sure(self) -> bool:
        return self.score >= SURE


def link_names(
    left: Sequence[tuple[str, str | None]],
    right: Sequence[tuple[str, str | None]],
) -> list[Link]:
    """One-to-one links between two lists of (name, unit), best scores first.

    Equal units break ties between equally named indicators (a document may list the same
    name twice in different units). Links below ``PROBABLE`` are not made.
    """
    normalized_right = [normalize_name(name) for name, _ in right]
    index: dict[str, list[int]] = {}
    for j, name in enumerate(normalized_right):
        index.setdefault(name, []).append(j)
    scored: list[tuple[float, int, int, float]] = []
    for i, (name, unit) in enumerate(left):
        norm = normalize_name(name)
        exact = index.get(norm)
        candidates = exact if exact else range(len(right))
        for j in candidates:
            score = 100.0 if exact else _score(norm, normalized_right[j])
            if score < PROBABLE:
                continue
            bonus = 0.5 if unit == right[j][1] else 0.0
            scored.append((score + bonus, i, j, score))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    links = []
    for _, i, j, score in scored:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        links.append(Link(i, j, score))
    return sorted(links, key=lambda link: link.left)
