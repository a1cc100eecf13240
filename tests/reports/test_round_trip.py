"""kinerja's own Pengukuran Kinerja and LKjIP, in every format it writes, read back through `kinerja
check` to the same figures, units, budget and (on the signed form) signatory, with no finding the
original data did not have."""

from pathlib import Path

import pytest

from kinerja.core.model import DocKind
from kinerja.pipeline import check_files
from kinerja.reports import build
from kinerja.reports.from_documents import agency_year_from_documents
from kinerja.reports.render import render
from tests.reports.test_reports import needs_poppler

SAMPLE = Path(__file__).resolve().parents[2] / "src/kinerja/samples/banjar-2013-2016.txt"


def form_2016(result):
    return next(d for d in result.documents if d.kind is DocKind.PENGUKURAN and d.year == 2016)


@pytest.mark.parametrize("kind", ["pengukuran", "lkjip"])
@pytest.mark.parametrize("fmt", ["xlsx", "docx", pytest.param("pdf", marks=needs_poppler)])
def test_kinerjas_own_reports_read_back(tmp_path, fmt, kind):
    original = check_files([SAMPLE])
    source = form_2016(original)
    path = tmp_path / f"laporan.{fmt}"
    report = getattr(build, kind)(agency_year_from_documents(original, 2016))
    path.write_bytes(render(report, fmt))

    again = check_files([path])
    (document,) = again.documents
    assert document.kind is DocKind.PENGUKURAN and document.year == 2016
    assert [(r.indikator, r.target.number, r.realisasi.number) for r in document.rows] == [
        (r.indikator, r.target.number, r.realisasi.number) for r in source.rows
    ]
    assert [r.satuan for r in document.rows] == [r.satuan for r in source.rows]  # the unit column
    assert not [r for r in document.rows if r.slid]
    # the budget as the sample has it, and the absorption kinerja wrote beside it: 2.114.446.240 ÷
    # 2.165.319.100 × 100 = 97,650... → 97,65
    assert document.budget.anggaran.number == source.budget.anggaran.number == 2_165_319_100
    assert document.budget.realisasi.number == source.budget.realisasi.number == 2_114_446_240
    # in the LKjIP's xlsx the % is a formula: read from the figure it came to, as its cell shows it
    assert str(document.budget.absorption_reported.number) == "97.65"
    if kind == "pengukuran":  # the LKjIP's chapter III carries no signature
        signed, expected = document.signatory, source.signatory
        assert (signed.name, signed.nip, signed.place, signed.date) == (
            expected.name, expected.nip, expected.place, expected.date,
        )  # fmt: skip
    original_codes = {f.code for f in original.findings if f.document == original.documents.index(source)}
    new_codes = {f.code for f in again.findings}
    assert new_codes <= original_codes, new_codes - original_codes
    assert not [f for f in again.findings if f.severity.value == "error"]  # recomputed, so nothing contradicts
