"""A finding is said in Indonesian and again in English from the same template key and parameters."""

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from kinerja.core.agreement import BudgetKind, Level
from kinerja.core.catalog import CATALOG
from kinerja.core.checks import YEAR_WEIGHTS
from kinerja.core.messages import Listed, Message, Said, from_json, in_language, say, structure
from kinerja.core.model import VALUE_FIELDS, DocKind
from kinerja.core.workflow import State
from kinerja.core.year import BLOCKER_KINDS, LABELS
from kinerja.pipeline import check_files
from kinerja.reports.opendata import DATASETS

SRC = Path(__file__).resolve().parents[2] / "src" / "kinerja"
SAMPLE = SRC / "samples" / "banjar-2013-2016.txt"

# Words of an Indonesian sentence; none may stand in an English one outside the document's quoted words
# ('tahun' is not among them: it is also a unit, '1 tahun', which a finding quotes as the document wrote it).
INDONESIAN = re.compile(
    r"\b(dan|tidak|dibaca|tertulis|padahal|sehingga|pada|yang|baris|bukan|dengan|dari|karena|sebagai|"
    r"dokumen|kolom|angka|atau|berbeda|tersembunyi|satuan|rentang|skor|kosong|memakai|sedangkan|diukur)\b"
)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _unquoted(text: str) -> str:
    return re.sub(r"(?<![A-Za-z])'[^']*'", "''", text)  # not the apostrophe of "the agency's"


def test_no_two_sections_say_the_same_key():
    from kinerja.core.catalog import SECTIONS
    from kinerja.reports.opendata_dictionary import OPENDATA

    keys = [key for section in (*SECTIONS, OPENDATA) for key in section]
    assert len(keys) == len(set(keys))


def test_a_layer_cannot_say_a_catalog_key_otherwise():
    from kinerja.core.messages import register

    with pytest.raises(ValueError, match="term.empty"):
        register({"term.empty": ("(kosong)", "(nothing)")})
    register({"term.empty": CATALOG["term.empty"]})  # the same words again: nothing changes


def test_both_languages_have_the_same_placeholders():
    differ = {key: (_fields(i), _fields(e)) for key, (i, e) in CATALOG.items() if _fields(i) != _fields(e)}
    assert differ == {}


def test_no_english_template_says_indonesian_words():
    said = {key: INDONESIAN.findall(_unquoted(english)) for key, (_, english) in CATALOG.items()}
    assert {key: words for key, words in said.items() if words} == {}


def test_every_key_is_used_and_every_built_key_exists():
    catalog = (SRC / "core" / "catalog", SRC / "reports" / "opendata_dictionary.py")
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if not any(p.is_relative_to(c) for c in catalog)
    )
    built = {
        *(f"field.{f}" for f in VALUE_FIELDS if f != "capaian_akhir"),
        *(f"kind.{k.value}" for k in DocKind),
        *(f"where.{w}" for w in YEAR_WEIGHTS),
        *(f"checklist.kind.{kind}" for kind in BLOCKER_KINDS),
        *(f"label.{name}" for name in LABELS),
        *(f"status.{state.value}" for state in State),
        *(f"ach.name.{name}" for name in ("target", "realisasi", "target_akhir")),  # achievement._unusable
        *(f"opendata.kind.{kind}" for kind in ("teks", "angka", "bilangan bulat", "tanggal")),
        *(m.key for ds in DATASETS.values() for m in (ds.title, ds.description, *(f.description for f in ds.fields))),
        *(f"level.{level.value}" for level in Level),
        *(f"budget.{kind.value}" for kind in BudgetKind),
    }
    assert built - set(CATALOG) == set()
    unused = [key for key in CATALOG if key not in built and f'"{key}"' not in source]
    assert unused == []


def test_a_message_is_its_indonesian_text_and_says_it_again_in_english():
    formula = say("formula.higher", r="26.870 orang", t="24.450 orang")
    message = say("check.mismatch", indikator="Jumlah UMKM", shown="100", formula=formula, computed="109,90", other="")
    # 26.870 ÷ 24.450 × 100 = 109,8977…, written 109,90
    assert message == (
        "'Jumlah UMKM': tertulis 100, padahal realisasi 26.870 orang ÷ target 24.450 orang × 100 = 109,90."
    )
    assert message.in_language("en") == (
        "'Jumlah UMKM': 100 is written, whereas realisation 26.870 orang ÷ target 24.450 orang × 100 = 109,90."
    )
    again = from_json(message.as_json())
    assert again.in_language("en") == message.in_language("en") and again == message
    assert pickle.loads(pickle.dumps(message)).in_language("en") == message.in_language("en")


def test_lists_and_capitals_follow_the_language():
    message = say(
        "check.ambiguous_number",
        field=say("field.realisasi"),
        shown="21,223",
        others=Listed(("21,223", "21.223"), "or"),
        chosen="21.223",
        reason=say("reason.whole_unit", unit="orang"),
    )
    assert message.startswith("Realisasi '21,223' dapat dibaca 21,223 atau 21.223;")
    assert message.in_language("en") == (
        "Realisation '21,223' can be read as 21,223 or 21.223; read as 21.223 because the unit 'orang' counts "
        "whole things."
    )


def test_a_stored_message_keeps_its_words_and_falls_back_when_its_template_is_gone():
    stored = structure(say("check.budget_over", realisasi="1.200.000", anggaran="1.000.000"))
    # Indonesian is always the text the user was shown, even if the template has changed since
    assert in_language("Teks lama yang tersimpan.", stored, "id") == "Teks lama yang tersimpan."
    assert in_language("x", stored, "en") == "The budget realisation Rp 1.200.000 exceeds the budget Rp 1.000.000."
    gone = {"key": "check.no_longer_there", "params": {}}
    assert in_language("Teks tersimpan.", gone, "en") == "Teks tersimpan."
    broken = {"key": "check.budget_over", "params": {"realisasi": "1"}}  # a parameter lost
    assert in_language("Teks tersimpan.", broken, "en") == "Teks tersimpan."
    assert in_language("Teks tanpa struktur.", None, "en") == "Teks tanpa struktur."
    assert Said("Teks.", stored).in_language("en").startswith("The budget realisation")
    assert structure("plain text") is None


def test_every_finding_of_the_sample_is_said_in_english():
    findings = check_files([SAMPLE]).findings
    assert len(findings) == 76
    assert all(isinstance(f.message, Message) for f in findings)
    english = [f.message.in_language("en") for f in findings]
    left = {text: INDONESIAN.findall(_unquoted(text)) for text in english}
    assert {text: words for text, words in left.items() if words} == {}
    # the form of 2015 whose title says 2016, and its malformed budget figure, in English
    assert (
        "The year in the title (2016, line 56) contradicts the budget line and the signature, which show the year "
        "2015; the document is read as a document of 2015."
    ) in english
    assert (
        "The total budget realisation 'Rp. 2.119.2015.485' cannot be read: the digit group '2015' does not have 3 "
        "digits; '2.119.2015.485' is not a valid way of writing thousands. Budget absorption is not computed."
    ) in english
    # the 2015 form's rows slid: two to the right, three written in the Sasaran column
    assert sum(1 for text in english if text.startswith("Row '") and "slid 1 column(s) to the right" in text) == 2
    assert sum(1 for text in english if text.startswith("Row '") and "(slid one column to the left)" in text) == 3


def test_every_year_evidence_place_is_a_term():
    # a year is read from the places YEAR_WEIGHTS weighs; each must be a term of the catalog
    assert {f"where.{w}" for w in YEAR_WEIGHTS} <= set(CATALOG)


@pytest.mark.parametrize("path", ["core/checks.py"])
def test_every_finding_of_the_checks_is_a_catalog_sentence(path):
    """Each ``out.add(code, severity, document, message, …)`` of the checks passes ``say(…)`` or the reader's
    note (itself a catalog sentence): a new f-string finding would be Indonesian on an English page."""
    tree = ast.parse((SRC / path).read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add"
    ]
    assert len(calls) >= 20
    plain = [
        ast.unparse(call.args[3])[:60]
        for call in calls
        if not (isinstance(call.args[3], ast.Call) and getattr(call.args[3].func, "id", "") == "say")
        and ast.unparse(call.args[3]) != "message"
    ]
    assert plain == []


def test_a_figure_outside_its_range_is_said_in_both_languages():
    from decimal import Decimal

    from kinerja.core.bounds import Bounds

    # 21.223 typed for 212,23 against a range of 150 to 400
    reason = Bounds(lower=Decimal(150), upper=Decimal(400)).outside(Decimal(21223))
    assert reason == "21.223 di atas batas wajar (150 sampai 400)"
    assert reason.in_language("en") == "21.223 is above the plausible range (150 to 400)"
    assert Bounds(upper=Decimal(100)).outside(Decimal(101)).in_language("en") == (
        "101 is above the plausible range (at most 100)"
    )
    assert Bounds(lower=Decimal(0)).outside(Decimal(-1)).in_language("en") == (
        "-1 is below the plausible range (at least 0)"
    )
