"""Every sentence kinerja's core says, in Indonesian and in English, by topic (documents, cycle, chain).

Key → (Indonesian template, English template). Placeholders are ``str.format`` fields, the same in
both (tests/core/test_messages.py holds them in step); ``{name!c}`` starts with a capital letter.
Figures arrive already written the Indonesian way (1.234,56): the UI writes numbers so in English
too. Quoted parts ('…') are the document's own words and are never translated.
"""

from __future__ import annotations

from kinerja.core.catalog.chain import CHAIN
from kinerja.core.catalog.cycle import ACHIEVEMENT, CHECKLIST, REFUSALS, RULES
from kinerja.core.catalog.documents import FINDINGS, FORMULAS, READERS, REASONS, TERMS

JOINERS = {"and": (" dan ", " and "), "or": (" atau ", " or "), "comma": (", ", ", "), "semicolon": ("; ", "; ")}

SECTIONS = (TERMS, FORMULAS, REASONS, FINDINGS, READERS, CHECKLIST, RULES, REFUSALS, ACHIEVEMENT, CHAIN)
CATALOG: dict[str, tuple[str, str]] = {key: pair for section in SECTIONS for key, pair in section.items()}
