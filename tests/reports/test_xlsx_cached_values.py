"""A formula in kinerja's spreadsheets carries the figure it comes to, so a viewer that does not calculate
(a phone's preview, a program reading the file) shows the figure, not an empty cell; a spreadsheet program
still works every formula out again on opening."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kinerja.reports import build
from kinerja.reports.model import Cell, Column, Formula, Report, ReportTable
from kinerja.reports.render import render
from tests.reports.test_reports import data_2016  # noqa: F401  (the fixture)


def _number(value: str) -> Cell:
    return Cell(text=value, value=Decimal(value.replace(".", "").replace(",", ".")))


def test_each_formula_of_a_hand_made_table_carries_what_it_comes_to():
    columns = (Column(label="Indikator"), Column(label="Target", numeric=True), Column(label="Realisasi", numeric=True),
               Column(label="%", numeric=True, percent=True), Column(label="Selisih", numeric=True))  # fmt: skip
    rows = (
        (Cell(text="A"), _number("24.450"), _number("26.870"),
         Cell(text="", formula=Formula(kind="ratio", cells=((0, 2), (0, 1)))),
         Cell(text="", formula=Formula(kind="difference", cells=((0, 2), (0, 1))))),
        (Cell(text="B"), _number("0"), _number("5"),
         Cell(text="", formula=Formula(kind="ratio", cells=((1, 2), (1, 1)))), Cell(text="-")),
        (Cell(text="C"), Cell(text="-"), _number("7,5"), Cell(text="-"),
         Cell(text="", formula=Formula(kind="difference", cells=((2, 2), (2, 1))))),
        (Cell(text="Jumlah"), Cell(text="", formula=Formula(kind="sum", cells=((0, 1), (1, 1), (2, 1)))),
         Cell(text="", formula=Formula(kind="sum", cells=((0, 2), (1, 2), (2, 2)))),
         Cell(text="", formula=Formula(kind="average", cells=((0, 3), (1, 3), (2, 3)))),
         Cell(text="", formula=Formula(kind="average", cells=((1, 4), (2, 4))))),
    )  # fmt: skip
    report = Report(title="Uji", blocks=[ReportTable(columns=columns, rows=rows, sheet="Uji")])
    data = render(report, "xlsx")
    formulas, figures = load_workbook(io.BytesIO(data))["Uji"], load_workbook(io.BytesIO(data), data_only=True)["Uji"]
    assert formulas["D2"].value == '=IF(B2=0,"",C2/B2*100)'  # the formula itself stays
    # 26.870 ÷ 24.450 × 100 = 109,8977…; 26.870 − 24.450 = 2.420
    assert figures["D2"].value == pytest.approx(109.89775051, abs=1e-8)
    assert figures["E2"].value == 2420
    assert figures["D3"].value is None  # a target of 0: the spreadsheet shows "" there, no figure is made up
    assert figures["E4"].value == 7.5  # 7,5 − an empty target (0 to a spreadsheet)
    # the totals: 24.450 + 0 (the '-' is text, skipped) = 24.450; 26.870 + 5 + 7,5 = 26.882,5
    assert figures["B5"].value == 24450 and figures["C5"].value == 26882.5
    assert figures["D5"].value == pytest.approx(109.89775051, abs=1e-8)  # the mean of the one ratio there is
    assert formulas["E5"].value == "=AVERAGE(E3,E4)"
    assert figures["E5"].value == 7.5  # E3 is the text '-', skipped: the mean of 7,5 alone


def test_the_lkjip_budget_and_efficiency_formulas_carry_their_figures(data_2016):  # noqa: F811
    data = render(build.lkjip(data_2016), "xlsx")
    formulas, figures = load_workbook(io.BytesIO(data)), load_workbook(io.BytesIO(data), data_only=True)
    cells = [(s.title, c.coordinate) for s in formulas.worksheets for row in s.iter_rows() for c in row
             if c.data_type == "f"]  # fmt: skip
    assert cells and all(figures[title][ref].value is not None for title, ref in cells)
    # the 2016 budget: 2.114.446.240 ÷ 2.165.319.100 × 100 = 97,650560603…
    budget = figures["3.5 Anggaran"]
    spent = next(row for row in budget.iter_rows() if row[2].value == 2_114_446_240)
    assert spent[3].value == pytest.approx(97.650560603, abs=1e-8)
    # efficiency: the mean capaian of the sasaran less that absorption
    efficiency = figures["3.6 Efisiensi"]
    line = next(row for row in efficiency.iter_rows(min_row=2) if isinstance(row[0].value, float))
    assert line[2].value == pytest.approx(line[0].value - 97.650560603, abs=1e-8)
