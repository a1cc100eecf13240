"""Random and mutated documents: every reader ends in a document or a clear ReadError, never in any
other exception, and the web import answers them with a message (hypothesis drives the inputs)."""

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.pipeline import check_files
from kinerja.readers import ReadError
from tests.readers.builders import write_docx, write_xlsx

SAMPLE = (Path(__file__).resolve().parents[2] / "src/kinerja/samples/banjar-2013-2016.txt").read_text("utf-8")
FORM = "".join(SAMPLE.splitlines(keepends=True)[0:51])
SUFFIXES = (".txt", ".docx", ".xlsx", ".pdf")
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        check_files([path])
    except ReadError as exc:
        assert str(exc).strip(), "a refusal says why"


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_extension(tmp_path, data, suffix):
    read(tmp_path, f"acak{suffix}", data)


@pytest.fixture(scope="module")
def office_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("asli")
    return {
        ".docx": write_docx(FORM, folder / "form.docx").read_bytes(),
        ".xlsx": write_xlsx(FORM, folder / "form.xlsx").read_bytes(),
    }


@FUZZ
@given(
    suffix=st.sampled_from([".docx", ".xlsx"]), cut=st.floats(0, 1), flips=st.lists(st.integers(0, 10**6), max_size=8)
)
def test_truncated_and_corrupted_office_files(tmp_path, office_files, suffix, cut, flips):
    data = bytearray(office_files[suffix][: int(len(office_files[suffix]) * cut)])
    for position in flips:
        if data:
            data[position % len(data)] ^= 0xFF
    read(tmp_path, f"rusak{suffix}", bytes(data))


@FUZZ
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000),
    lines=st.lists(st.sampled_from(FORM.splitlines()), max_size=40),
)
def test_mutated_forms_as_text(tmp_path, text, lines):
    """Lines of the real form shuffled with random text: cells, numbers and separators out of place."""
    read(tmp_path, "campur.txt", ("\n".join(lines) + "\n" + text).encode("utf-8"))


@FUZZ
@given(
    members=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "word/document.xml",
                    "xl/workbook.xml",
                    "xl/worksheets/sheet1.xml",
                    "[Content_Types].xml",
                    "../../etc/passwd",
                    "x" * 200,
                ]
            ),  # fmt: skip
            st.binary(max_size=512),
        ),
        max_size=6,
        unique_by=lambda member: member[0],
    ),
    suffix=st.sampled_from([".docx", ".xlsx"]),
)
def test_crafted_zips(tmp_path, members, suffix):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    read(tmp_path, f"buatan{suffix}", buffer.getvalue())


def test_deep_nesting_in_a_docx(tmp_path):
    """A table nested 200 levels deep in the document: read or refused, not a recursion crash."""
    body = "<w:tbl><w:tr><w:tc>" * 200 + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 200
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    original = zipfile.ZipFile(io.BytesIO(write_docx(FORM, tmp_path / "form.docx").read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in original.infolist():
            data = document.encode() if item.filename == "word/document.xml" else original.read(item)
            archive.writestr(item, data)
    read(tmp_path, "dalam.docx", buffer.getvalue())
