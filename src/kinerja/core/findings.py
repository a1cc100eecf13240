"""Findings: data problems reported with a stable code, a severity and where they are.

Every code is listed in ``CODES`` and documented in docs/findings.md (a test keeps the two in
step). Pipelines return findings instead of raising.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


CODES: dict[str, str] = {
    "capaian_mismatch": "reported capaian differs from the one recomputed from target and realisasi",
    "capaian_rounding": "reported capaian is one unit off in its last digit (rounding)",
    "target_zero": "target is 0, so capaian cannot be computed",
    "realisasi_missing": "realisasi is empty or '-', so capaian cannot be computed",
    "realisasi_text": "realisasi is text, not a number, so capaian cannot be computed",
    "malformed_number": "a figure cannot be read as a number",
    "ambiguous_number": "a figure could be read two ways; the reading chosen and the evidence",
    "grade_by_name": "a letter ('B', 'TW') read as a grade because the indicator's name names the scale",
    "row_slid": "a row's cells slid one column; what was recovered",
    "year_mismatch": "the header year contradicts the budget line or the signature date",
    "magnitude_outlier": "a figure is about 100× or more away from the same indicator in other years",
    "percent_unit_mismatch": "a 'Persentase' indicator measured in a unit other than %",
    "value_mismatch": "the same indicator is given different values in two documents",
    "unit_changed": "the same indicator is measured in another unit than the year before",
    "unit_mismatch": "the same indicator is measured in different units in two documents",
    "renstra_progress_mismatch": "reported progress toward the Renstra end target is inconsistent",
    "renstra_progress_rounding": "reported Renstra progress is one unit off in its last digit",
    "renstra_rule": "which rule the Renstra progress check applied",
    "budget_over": "budget realisation is above the budget",
    "absorption_mismatch": "stated budget absorption disagrees with realisation ÷ budget",
    "budget_unreadable": "a budget figure cannot be read",
    "component_sum_mismatch": "Jumlah UMKM differs from mikro + kecil + menengah",
    "block_length_mismatch": "a separate block of columns does not have one line per table row",
    "hidden_cells": "rows, columns or sheets hidden in a workbook were not read, as they are not printed",
    "row_unread": "a line inside a table holds text but no target and realisation that can be read",
    "lines_left_out": "lines under a table read through named columns hold neither an indicator row nor one text",
    "agency_name_differs": "the agency is named differently than in the other documents",
    "nip_invalid": "the signatory's NIP is not 18 digits starting with a valid birth date",
    "link_uncertain": "an indicator probably matches a differently named one in another year",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    code: str
    severity: Severity
    document: int
    message: str
    row: int | None = None
    field: str | None = None
    reported: Any = None
    expected: Any = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown finding code {self.code!r}")


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
