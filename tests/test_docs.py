"""Documentation that must stay in step with the code."""

import re
from pathlib import Path

from kinerja.core import action_plan, agreement, plan
from kinerja.core.findings import CODES

TESTS = Path(__file__).resolve().parent

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_finding_code_is_documented():
    text = (DOCS / "findings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))
    assert documented == set(CODES) | set(agreement.CODES) | set(action_plan.CODES) | set(plan.CODES)


def test_every_code_of_the_chain_is_produced_by_a_test():
    text = "".join((TESTS / f"core/test_{name}.py").read_text() for name in ("agreement", "action_plan", "plan"))
    missing = [code for code in (*agreement.CODES, *action_plan.CODES, *plan.CODES) if f'"{code}"' not in text]
    assert not missing


def test_glossary_has_the_domain_words():
    text = (DOCS / "glossary.md").read_text(encoding="utf-8").lower()
    for word in ("sasaran", "indikator", "capaian", "realisasi", "renstra", "lkjip", "sakip", "perangkat daerah"):
        assert f"**{word}**" in text, word


def test_every_interface_string_has_an_english_translation():
    po = Path(__file__).resolve().parents[1] / "src/kinerja/web/locale/en/LC_MESSAGES/django.po"
    text = po.read_text(encoding="utf-8")
    entries = [e for e in text.split("\n\n") if "msgid " in e and 'msgid ""\nmsgstr ""\n"' not in e]
    untranslated = [e for e in entries if re.search(r'^msgstr(\[0\])? ""$', e, re.M)]
    assert not untranslated, untranslated[:3]
    import gettext

    with po.with_suffix(".mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    assert catalog.gettext("Sasaran Strategis") == "Strategic objective"
    missing = [
        e
        for e in entries
        if (m := re.search(r'^msgid "(.+)"$', e, re.M))
        and "msgid_plural" not in e
        and catalog.gettext(m.group(1).replace('\\"', '"')) == m.group(1)
        and f'msgstr "{m.group(1)}"' not in e  # the same word in both languages (NIP, admin)
    ]
    assert not missing, f"compile the .po again (python scripts/translate_en.py): {missing[:3]}"
