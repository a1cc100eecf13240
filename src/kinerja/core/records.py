"""Copies of the core's frozen records with some fields changed.

``dataclasses.replace`` looks up the record's fields on every call; reading a 10.000-row form copies
rows tens of thousands of times, so the field names are looked up once per record type here.
"""

from __future__ import annotations

import gc
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


class cycle_collector_paused:  # noqa: N801 (used as a function: `with cycle_collector_paused():`)
    """Pause Python's cycle collector while a table is read or checked.

    Reading and checking build only acyclic records (tuples, strings, Decimals), tens of thousands
    of them for a large form. The collector has nothing to free among them, yet walks all of them
    again each time they pile up. It runs again afterwards if it was running; a thread that finds it
    already paused leaves it to the one that paused it.

    A class rather than a generator: leaving it allocates nothing, so a MemoryError raised inside
    (a file beyond the reading's memory limit) comes out as itself.
    """

    __slots__ = ("running",)

    def __enter__(self) -> None:
        self.running = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info) -> None:
        if self.running:
            gc.enable()
