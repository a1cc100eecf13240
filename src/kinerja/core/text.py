"""What kinerja keeps as text: anything a person can type, but no invisible control characters.

PostgreSQL cannot store NUL (code 0), and no .xlsx or .docx file may hold the other control
characters below 32 except tab and line breaks: one of them in a note or a name would make every
later export of that year fail. Such text is refused where it comes in, with the code and position
of the character, so that the person can remove it; it is never changed silently.
"""

from __future__ import annotations

import re

from kinerja.core.messages import Message, say
from kinerja.core.workflow import Refused

# C0 control characters except tab (9), line feed (10) and carriage return (13); lone surrogates and
# the two non-characters, which no UTF-8 file or database holds either.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text_problem(text: str) -> Message | None:
    """Why ``text`` cannot be kept, or None."""
    match = _NOT_TEXT.search(text)
    if match is None:
        return None
    return say("text.control", code=ord(match.group()), position=match.start() + 1)


def check_text(text: str, label: str, limit: int | None = None) -> None:
    """Refuse, naming the field, text longer than ``limit`` or holding a control character."""
    if limit is not None and len(text) > limit:
        raise Refused(say("text.too_long", label=label, limit=limit))
    problem = text_problem(text)
    if problem:
        raise Refused(say("text.problem", label=label, problem=problem))
