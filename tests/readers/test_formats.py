"""The same tables saved as .docx, .xlsx and text-based .pdf read to the same result as the text."""

import pytest

from kinerja.pipeline import check_files, result_json
from tests.readers.builders import write_docx, write_pdf, write_xlsx


def comparable(result):
    data = result_json(result, with_source=False)
    findings = [
        (f["code"], f["severity"], f["document"], f["row"], f["field"], f["reported"], f["expected"])
        for f in data["findings"]
    ]
    return data["documents"], findings


@pytest.fixture(scope="module")
def expected(sample_path):
    return comparable(check_files([sample_path]))


@pytest.mark.parametrize("writer, suffix", [(write_docx, ".docx"), (write_xlsx, ".xlsx"), (write_pdf, ".pdf")])
def test_office_formats_read_like_the_text(tmp_path, sample_path, expected, writer, suffix):
    path = writer(sample_path.read_text(encoding="utf-8"), tmp_path / f"banjar{suffix}")
    documents, findings = comparable(check_files([path]))
    assert documents == expected[0]
    assert findings == expected[1]


def test_several_files_are_checked_together(tmp_path, sample_path):
    """One file per year: the cross-document checks work across files as within one."""
    text = sample_path.read_text(encoding="utf-8")
    cut = text.index("No.\tIndikator Kinerja")
    forms = tmp_path / "forms.txt"
    lkjip = tmp_path / "lkjip.docx"
    forms.write_text(text[:cut], encoding="utf-8")
    write_docx(text[cut:], lkjip)
    together = check_files([forms, lkjip])
    documents, findings = comparable(together)
    assert [d.source for d in together.documents] == ["forms.txt"] * 4 + ["lkjip.docx"]
    single_documents, single_findings = comparable(check_files([sample_path]))
    assert documents == single_documents
    assert findings == single_findings
