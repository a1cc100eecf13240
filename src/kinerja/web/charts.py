"""Charts of an indicator's series (matplotlib, SVG), numbers written the Indonesian way."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["text.parse_math"] = False  # names and units are text, never '$…$' mathematics

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from kinerja.reports.charts import grade_axis, id_tick  # noqa: E402


def series_svg(view) -> bytes:
    years = [p.year for p in view.points]
    targets = [float(p.target.number) if p.target.is_number else None for p in view.points]
    actuals = [float(p.realisasi.number) if p.realisasi.is_number else None for p in view.points]
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    axes = figure.subplots()
    if years:
        axes.plot(
            years, [t if t is not None else float("nan") for t in targets], "o--", color="#64748b", label="Target"
        )
        axes.bar(
            years,
            [a if a is not None else 0 for a in actuals],
            width=0.5,
            color="#2563eb",
            alpha=0.8,
            label="Realisasi",
        )
        for year, value in zip(years, actuals, strict=True):
            if value is None:
                axes.annotate("tidak ada", (year, 0), ha="center", va="bottom", fontsize=8, color="#b91c1c")
        axes.set_xticks(years)
        axes.set_xticklabels([str(y) for y in years])
    if not grade_axis(axes, view.unit):  # grades: one tick per grade of the scale, named
        axes.yaxis.set_major_formatter(FuncFormatter(id_tick))
    axes.set_ylabel(view.unit or "")
    axes.legend(loc="best", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(view.name[:80], fontsize=9)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def quarters_svg(name: str, unit: str | None, year: int, target, points) -> bytes:
    """One year quarter by quarter: each quarter's figure (bars), the year so far (line) and the year's
    target (dashed), so that a leader sees in July whether the year will make its target."""
    labels = [p.label for p in points]
    values = [float(p.value.number) if p.value.is_number else 0.0 for p in points]
    so_far = [float(p.to_date.number) if p.to_date.is_number else float("nan") for p in points]
    figure = Figure(figsize=(6.4, 3.2), dpi=100)
    axes = figure.subplots()
    positions = list(range(len(points)))
    axes.bar(positions, values, width=0.5, color="#2563eb", alpha=0.8, label="Realisasi triwulan")
    axes.plot(positions, so_far, "o-", color="#0f766e", label="Realisasi s.d. triwulan")
    if target.is_number:
        axes.axhline(float(target.number), color="#64748b", linestyle="--", label=f"Target {year}")
    axes.set_xticks(positions)
    axes.set_xticklabels(labels)
    if not grade_axis(axes, unit):
        axes.yaxis.set_major_formatter(FuncFormatter(id_tick))
    axes.set_ylabel(unit or "")
    axes.legend(loc="best", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(f"{name[:70]} — {year}", fontsize=9)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
