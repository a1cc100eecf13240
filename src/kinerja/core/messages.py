"""Sentences for people that can be said in Indonesian and in English.

A ``Message`` *is* its Indonesian text (a ``str``: every caller that stores, compares or prints a
message keeps working), and it remembers the key of its template in ``kinerja.core.catalog`` and the
parameters it was filled with, so the web can say it again in the reader's language. A parameter
is plain text (an indicator's name, a figure already written the Indonesian way), another
``Message`` (a reason, a formula, a field's label) or a ``Listed`` run of them.

``as_json``/``from_json`` keep that structure beside the text stored in the database. A message
read back under a template that changed since, or whose key is gone, falls back to its stored text:
the words a user was shown are never lost for a translation.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from kinerja.core.catalog import CATALOG, JOINERS

LANGUAGES = ("id", "en")


_CAPITAL = re.compile(r"\{(\w+)!c\}")


def _compiled(template: str) -> tuple[str, tuple[str, ...]]:
    """A template for str.format_map (C, no Formatter in Python) and the fields it wants with a capital:
    ``{name!c}`` becomes ``{name__c}``, filled with the text of ``name`` starting with a capital letter."""
    return _CAPITAL.sub(r"{\1__c}", template), tuple(_CAPITAL.findall(template))


# key -> per language: (template, fields with a capital); built once
_TEMPLATES = {key: tuple(_compiled(t) for t in pair) for key, pair in CATALOG.items()}


def register(sentences: dict[str, tuple[str, str]]) -> None:
    """Add a layer's own sentences (the open data dictionary of kinerja.reports) to the catalog, so the core
    holds no layer's words; a key already said otherwise is refused."""
    clash = [key for key, pair in sentences.items() if CATALOG.get(key, pair) != pair]
    if clash:
        raise ValueError(f"sentences already in the catalog with other words: {clash}")
    CATALOG.update(sentences)
    _TEMPLATES.update({key: tuple(_compiled(t) for t in pair) for key, pair in sentences.items()})


class Listed(NamedTuple):
    """Parts said one after another with the joiner of the language ('dan' / 'and', or a comma)."""

    items: tuple
    joiner: str = "and"


class Message(str):
    """A sentence (Indonesian text) that can be said again in another language."""

    __slots__ = ("key", "params")  # a form of 10.000 rows carries thousands: no __dict__ each
    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, **params: Any) -> Message:
        self = super().__new__(cls, _render(key, params, "id"))
        self.key = key
        self.params = params
        return self

    def __reduce__(self):
        return (_restore, (self.key, self.params))

    def in_language(self, language: str) -> str:
        return str(self) if language == "id" else _render(self.key, self.params, language)

    def replaced(self, **params: Any) -> Message:
        """The same sentence with some parameters changed."""
        return Message(self.key, **{**self.params, **params})

    def as_json(self) -> dict:
        return {"key": self.key, "params": {name: _param_json(value) for name, value in self.params.items()}}


def say(key: str, **params: Any) -> Message:
    """The sentence ``key`` of the catalog filled with ``params``."""
    if not params:
        term = _TERMS.get(key)
        if term is None:
            term = _TERMS[key] = Message(key)
        return term
    return Message(key, **params)


_TERMS: dict[str, Message] = {}  # a term without parameters is said once and shared (Messages never change)


def _restore(key: str, params: dict) -> Message:
    return Message(key, **params)


def _text(value: Any, language: str) -> str:
    if type(value) is str:
        return value
    if isinstance(value, Message | Said):
        return value.in_language(language)
    if isinstance(value, Listed):
        joiner = JOINERS[value.joiner][LANGUAGES.index(language)]
        return joiner.join(_text(item, language) for item in value.items)
    return str(value)


def _render(key: str, params: dict[str, Any], language: str) -> str:
    template, capitals = _TEMPLATES[key][0 if language == "id" else 1]
    texts = {name: _text(value, language) for name, value in params.items()}
    for name in capitals:
        text = texts[name]
        texts[name + "__c"] = text[:1].upper() + text[1:]
    return template.format_map(texts)


def _param_json(value: Any):
    if isinstance(value, Message):
        return {"message": value.as_json()}
    if isinstance(value, Listed):
        return {"listed": [_param_json(item) for item in value.items], "joiner": value.joiner}
    if isinstance(value, Said):
        return {"stored": str(value), "said": value.said}
    if isinstance(value, int | float | bool) or value is None:
        return value
    return str(value)


def _param_from_json(value: Any):
    if isinstance(value, dict):
        if "message" in value:
            return from_json(value["message"])
        if "stored" in value:
            return Said(value["stored"], value["said"])
        return Listed(tuple(_param_from_json(item) for item in value["listed"]), value["joiner"])
    return value


def from_json(data: dict) -> Message:
    """The message ``as_json`` wrote; KeyError or ValueError when it no longer fits the catalog."""
    if not isinstance(data, dict) or data.get("key") not in CATALOG:
        raise KeyError("not a message of this catalog")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise ValueError("parameters are not a mapping")
    return Message(data["key"], **{name: _param_from_json(value) for name, value in params.items()})


def structure(message: str) -> dict | None:
    """What to keep beside a message's text so it can be said again: None for plain text."""
    return message.as_json() if isinstance(message, Message) else None


class Said(str):
    """A message read back from storage: the text stored (str) and the structure kept beside it."""

    __slots__ = ("said",)
    said: dict | None

    def __new__(cls, text: str, said: dict | None) -> Said:
        self = super().__new__(cls, text)
        self.said = said
        return self

    def __reduce__(self):
        return (Said, (str(self), self.said))

    def in_language(self, language: str) -> str:
        return in_language(str(self), self.said, language)


def in_language(text: str, said: dict | None, language: str) -> str:
    """A stored message in ``language``: its stored text in Indonesian (the words the user saw), the
    catalog's English when its structure was kept and still fits, else the stored text."""
    if isinstance(text, Message | Said):
        return text.in_language(language)
    if language == "id" or not said:
        return str(text)
    try:
        return from_json(said).in_language(language)
    except (KeyError, ValueError, IndexError, TypeError, AttributeError):
        return text
