"""Read text exported from an agency's documents: one line a paragraph, tabs between cells."""

from __future__ import annotations

from kinerja.readers.layout import Line


def lines_from_text(text: str) -> list[Line]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        lines.append(Line(number, tuple(raw.split("\t"))))
    return lines
