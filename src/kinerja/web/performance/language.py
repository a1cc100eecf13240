"""The page's language, and a message said in it: kinerja.core.messages keeps what the core says with its
catalog key, so a page in English says it in English; text without that structure is shown as it is."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import get_language

from kinerja.core.messages import in_language


def page_language() -> str:
    return "en" if (get_language() or "").startswith("en") else "id"


def in_page_language(item) -> str:
    """A message, a refusal (its message), a finding (object or dict with ``message`` and, when stored,
    ``said``) or plain text, in the language of the page being made."""
    if isinstance(item, BaseException):
        item = item.args[0] if len(item.args) == 1 else str(item)
    if isinstance(item, Promise):  # a lazy translation already speaks the page's language
        return str(item)
    if isinstance(item, dict):
        text, said = item.get("message", ""), item.get("said")
    elif isinstance(item, str):
        text, said = item, None
    else:
        text, said = getattr(item, "message", ""), getattr(item, "said", None)
    return in_language(text, said, page_language())
