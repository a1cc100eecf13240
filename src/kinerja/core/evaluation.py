"""The SAKIP evaluation score sheet (LKE, Lembar Kerja Evaluasi) and its predikat.

The Inspektorat scores each agency's accountability once a year. A template, versioned by the regulation
in force, gives the components and their weights; each component is scored on its parts, and each part as a
share (0–100 %) of its weight. The total is the sum of the parts' values; the predikat follows from the total
(PermenPAN-RB 88/2021: ">90–100" AA, ">80–90" A, … "0–30" D: lower-exclusive, upper-inclusive bands, so
80,00 is BB and 80,01 is A). The predikat is decided on the total as shown, to two decimals.

Templates (see docs/domain.md §6.5 of the project's sources):
- PermenPAN-RB 88/2021 (performance years from 2021): perencanaan 30, pengukuran 30, pelaporan 15,
  evaluasi akuntabilitas kinerja internal 25; each in three parts, keberadaan 20 %, kualitas 30 %,
  pemanfaatan 50 % of its weight (6 + 9 + 15 of perencanaan's 30).
- PermenPAN-RB 12/2015 (2015–2020): perencanaan 30, pengukuran 25, pelaporan 15, evaluasi internal 10,
  capaian kinerja 20; each scored as a whole.
- PermenPAN 25/2012 (until 2014): the same five components weighted 35, 20, 15, 10, 20.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kinerja.core.numbers import quantize

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Part:
    key: str  # "perencanaan.kualitas": component and part
    name: str
    weight: Decimal  # points of the 100 in the sheet


@dataclass(frozen=True, slots=True)
class Component:
    code: str
    name: str
    weight: Decimal
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Template:
    code: str
    regulation: str
    components: tuple[Component, ...]

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(part for component in self.components for part in component.parts)

    def label(self, part: Part) -> str:
        """A part as people name it: its component, and the part when the component has several."""
        component = next(c for c in self.components if part in c.parts)
        return component.name if len(component.parts) == 1 else f"{component.name}, {part.name.lower()}"


ASPECTS = (("keberadaan", "Keberadaan", Decimal("0.2")), ("kualitas", "Kualitas", Decimal("0.3")),
           ("pemanfaatan", "Pemanfaatan", Decimal("0.5")))  # fmt: skip


def _in_aspects(code: str, name: str, weight: int) -> Component:
    parts = tuple(Part(f"{code}.{key}", label, Decimal(weight) * share) for key, label, share in ASPECTS)
    return Component(code, name, Decimal(weight), parts)


def _whole(code: str, name: str, weight: int) -> Component:
    return Component(code, name, Decimal(weight), (Part(f"{code}.nilai", "Nilai komponen", Decimal(weight)),))


_FIVE = (
    ("perencanaan", "Perencanaan Kinerja"),
    ("pengukuran", "Pengukuran Kinerja"),
    ("pelaporan", "Pelaporan Kinerja"),
    ("evaluasi", "Evaluasi Internal"),
    ("capaian", "Capaian Kinerja"),
)
TEMPLATES = {
    "88/2021": Template(
        "88/2021",
        "PermenPAN-RB 88/2021",
        (
            _in_aspects("perencanaan", "Perencanaan Kinerja", 30),
            _in_aspects("pengukuran", "Pengukuran Kinerja", 30),
            _in_aspects("pelaporan", "Pelaporan Kinerja", 15),
            _in_aspects("evaluasi", "Evaluasi Akuntabilitas Kinerja Internal", 25),
        ),
    ),
    "12/2015": Template(
        "12/2015",
        "PermenPAN-RB 12/2015",
        tuple(_whole(code, name, w) for (code, name), w in zip(_FIVE, (30, 25, 15, 10, 20), strict=True)),
    ),
    "25/2012": Template(
        "25/2012",
        "PermenPAN 25/2012",
        tuple(_whole(code, name, w) for (code, name), w in zip(_FIVE, (35, 20, 15, 10, 20), strict=True)),
    ),
}

# (lowest total that earns it, exclusive; predikat, its meaning), best first. D takes the rest, 0 included.
BANDS = (
    (Decimal(90), "AA", "Sangat memuaskan"),
    (Decimal(80), "A", "Memuaskan"),
    (Decimal(70), "BB", "Sangat baik"),
    (Decimal(60), "B", "Baik"),
    (Decimal(50), "CC", "Cukup (memadai)"),
    (Decimal(30), "C", "Kurang"),
)
LOWEST = ("D", "Sangat kurang")


def template_for(year: int) -> Template:
    """The template of the regulation in force for a performance year."""
    if year >= 2021:
        return TEMPLATES["88/2021"]
    if year >= 2015:
        return TEMPLATES["12/2015"]
    return TEMPLATES["25/2012"]


def predikat(total: Decimal) -> tuple[str, str]:
    """The predikat and its meaning for a total as shown (two decimals): 80,00 → BB, 80,01 → A."""
    shown = quantize(total, 2)
    for floor, code, meaning in BANDS:
        if shown > floor:
            return code, meaning
    return LOWEST


_SHARE = re.compile(r"-?\d{1,12}(?:,\d{1,12})?")


def read_share(raw: str, label: str) -> Decimal | None:
    """A part's score typed as a percentage of its weight ('75', '87,5'): None when empty; ValueError with
    what is wrong otherwise (not a number, below 0 or above 100, more than two decimals)."""
    text = (raw or "").strip().rstrip("%").strip()
    if not text:
        return None
    if "." in text and _SHARE.fullmatch(text.replace(".", ",", 1)):
        raise ValueError(f"{label}: '{raw.strip()}' bukan persentase; tulis misalnya 75 atau 87,5.")
    if not _SHARE.fullmatch(text):
        raise ValueError(f"{label}: '{raw.strip()}' bukan angka; tulis persentase 0–100, misalnya 87,5.")
    share = Decimal(text.replace(",", "."))
    if share < 0 or share > HUNDRED:
        raise ValueError(f"{label}: {text} di luar 0–100 %.")
    if -share.as_tuple().exponent > 2:
        raise ValueError(f"{label}: {text} memakai lebih dari dua angka desimal.")
    return share


@dataclass(frozen=True, slots=True)
class Scored:
    part: Part
    share: Decimal | None  # the evaluator's percentage of the part's weight
    value: Decimal | None  # weight × share ÷ 100


@dataclass(frozen=True, slots=True)
class Sheet:
    """A template scored: each part, each component's sum, the total and the predikat (once every part is
    scored; before that the total so far and what is missing)."""

    template: Template
    parts: tuple[Scored, ...]
    components: tuple[tuple[Component, Decimal], ...]  # each with the sum of its scored parts
    total: Decimal
    missing: tuple[Part, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def predikat(self) -> tuple[str, str] | None:
        return predikat(self.total) if self.complete else None


def score(template: Template, shares: dict[str, Decimal | None]) -> Sheet:
    """The sheet for the shares given per part key; parts not given are missing."""
    scored = []
    for part in template.parts:
        share = shares.get(part.key)
        scored.append(Scored(part, share, None if share is None else part.weight * share / HUNDRED))
    by_key = {s.part.key: s for s in scored}
    components = tuple(
        (component, sum((by_key[p.key].value or Decimal(0) for p in component.parts), Decimal(0)))
        for component in template.components
    )
    total = sum((value for _, value in components), Decimal(0))
    missing = tuple(s.part for s in scored if s.share is None)
    return Sheet(template, tuple(scored), components, total, missing)
