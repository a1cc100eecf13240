"""Charts for reports, as PNG (matplotlib), numbers written the Indonesian way."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["text.parse_math"] = False  # names and units are text, never '$…$' mathematics

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from kinerja.core.categories import PERMENDAGRI_BANDS, Band, category  # noqa: E402
from kinerja.core.grades import SCALES, scale_of  # noqa: E402
from kinerja.core.numbers import format_id, format_plain  # noqa: E402

BAND_COLOURS = {  # per tone (kinerja.core.categories.TONES)
    "ST": "#16a34a",
    "T": "#0284c7",
    "S": "#ca8a04",
    "R": "#ea580c",
    "SR": "#dc2626",
}


def id_tick(value: float, _position=None) -> str:
    """An axis label the Indonesian way, with only the decimals the tick needs: 20.000; 0,25."""
    value = float(value)
    if not math.isfinite(value):
        return ""
    return format_plain(Decimal(repr(round(value, 6))))


def _id_formatter():
    return FuncFormatter(id_tick)


def grade_axis(axes, unit: str | None) -> bool:
    """For a unit that is a scale of grades: one tick per grade, named (TMP … WTP), and True."""
    scale = scale_of(unit)
    if scale is None:
        return False
    grades = SCALES[scale]
    axes.set_yticks(range(1, len(grades) + 1))
    axes.set_yticklabels(grades)
    axes.set_ylim(0.5, len(grades) + 0.5)
    return True


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def capaian_per_sasaran(items: list[tuple[str, Decimal | None]], bands: Sequence[Band] = PERMENDAGRI_BANDS) -> bytes:
    """Bars of each sasaran's mean capaian, coloured by its category on ``bands`` (the year's scale)."""
    figure = Figure(figsize=(8, 0.5 + 0.55 * max(1, len(items))))
    axes = figure.subplots()
    labels = ["\n".join(textwrap.wrap(name, 60)[:2]) for name, _ in items]
    values = [float(v) if v is not None else 0.0 for _, v in items]
    colours = [BAND_COLOURS.get(getattr(category(v, bands), "tone", ""), "#9ca3af") for _, v in items]
    positions = list(range(len(items)))[::-1]
    axes.barh(positions, values, color=colours)
    axes.set_yticks(positions)
    axes.set_yticklabels(labels, fontsize=7)
    for y, (_, value) in zip(positions, items, strict=True):
        axes.annotate(
            format_id(value, 2) + " %" if value is not None else "tidak dapat dihitung",
            (0, y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=7,
            color="white" if value else "black",
        )
    axes.axvline(100, color="#111827", linewidth=0.8, linestyle="--")
    axes.xaxis.set_major_formatter(_id_formatter())
    axes.set_xlabel("rata-rata % capaian")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return _png(figure)


def series_grid(lines, years: list[int], this_year: int) -> bytes:
    """Small multiples: each indicator's realisation per year, this year's target dashed."""
    count = len(lines)
    columns = 4
    rows = max(1, math.ceil(count / columns))
    figure = Figure(figsize=(10, 1.9 * rows))
    axes_list = figure.subplots(rows, columns, squeeze=False).flatten()
    for axes, line in zip(axes_list, lines, strict=False):
        values = []
        for year in years:
            value = line.realisasi if year == this_year else line.history.get(year, (None, None))[0]
            values.append(float(value.number) if value is not None and value.is_number else math.nan)
        axes.plot(years, values, marker="o", markersize=3, color="#2563eb", linewidth=1.2)
        if line.target.is_number:
            axes.axhline(float(line.target.number), color="#64748b", linestyle="--", linewidth=0.8)
        axes.set_title("\n".join(textwrap.wrap(line.name, 34)[:2]), fontsize=6.5)
        axes.set_xticks(years)
        axes.set_xticklabels([str(y)[2:] for y in years], fontsize=6)
        axes.set_xlim(min(years) - 0.5, max(years) + 0.5)  # the same years on every chart, even with one point
        axes.tick_params(axis="y", labelsize=6)
        if not grade_axis(axes, line.unit or line.target.unit):
            axes.yaxis.set_major_locator(MaxNLocator(nbins=4))  # a small chart reads four levels well
            axes.yaxis.set_major_formatter(_id_formatter())
        axes.spines[["top", "right"]].set_visible(False)
    for axes in axes_list[count:]:
        axes.set_visible(False)
    # fixed spacing: tight_layout over dozens of small axes costs most of the report's time
    figure.subplots_adjust(
        left=0.06, right=0.98, top=1 - 0.45 / (1.9 * rows), bottom=0.35 / (1.9 * rows), hspace=0.95, wspace=0.35
    )
    return _png(figure)
