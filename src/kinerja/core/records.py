"""Copies of the core's frozen records with some fields changed.

``dataclasses.replace`` looks up the record's fields on every call; reading a 10.000-row form copies
rows tens of thousands of times, so the field names are looked up once per record type here.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import TypeVar

T = TypeVar("T")

_SHAPES: dict[type, tuple[tuple[str, ...], attrgetter]] = {}


def evolve(record: T, **changes) -> T:
    """``dataclasses.replace`` for the core's records (every field is an init field)."""
    cls = type(record)
    if hasattr(cls, "_replace"):  # a NamedTuple record
        return record._replace(**changes)
    shape = _SHAPES.get(cls)
    if shape is None:
        names = tuple(f.name for f in fields(cls))
        shape = _SHAPES[cls] = (names, attrgetter(*names))
    names, getter = shape
    values = dict(zip(names, getter(record), strict=True))
    values.update(changes)
    return cls(**values)
