"""The core's record helper: copying a frozen record with some fields changed."""

from dataclasses import dataclass

import pytest

from kinerja.core.model import Row
from kinerja.core.records import evolve
from kinerja.core.values import read_value


@dataclass(frozen=True, slots=True, kw_only=True)
class _Frozen:
    a: int
    b: str = "x"


def test_evolve_copies_a_named_tuple_row_with_changes_only():
    row = Row(index=3, line=12, indikator="Jumlah koperasi aktif", target=read_value("1.200 unit"))
    changed = evolve(row, category="Tinggi")
    assert changed.category == "Tinggi"
    assert changed.target.number == 1200 and changed.indikator == "Jumlah koperasi aktif" and changed.index == 3
    assert row.category is None  # the original is untouched


def test_evolve_copies_a_frozen_dataclass_and_refuses_an_unknown_field():
    record = _Frozen(a=1)
    assert evolve(record, b="y") == _Frozen(a=1, b="y")
    with pytest.raises(TypeError):
        evolve(record, c=2)
