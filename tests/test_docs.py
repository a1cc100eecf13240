"""Documentation that must stay in step with the code."""

import re
from pathlib import Path

from kinerja.core.findings import CODES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_finding_code_is_documented():
    text = (DOCS / "findings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", text, re.M))
    assert documented == set(CODES)


def test_glossary_has_the_domain_words():
    text = (DOCS / "glossary.md").read_text(encoding="utf-8").lower()
    for word in ("sasaran", "indikator", "capaian", "realisasi", "renstra", "lkjip", "sakip", "perangkat daerah"):
        assert f"**{word}**" in text, word
