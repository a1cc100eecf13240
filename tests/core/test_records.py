"""The core's record helpers: copying a frozen record, and pausing the cycle collector."""

import gc
from dataclasses import dataclass

import pytest

from kinerja.core.model import Row
from kinerja.core.records import cycle_collector_paused, evolve
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


def test_collector_paused_inside_and_running_again_after_even_on_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with cycle_collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a reader failed")
    assert gc.isenabled()


def test_a_nested_pause_leaves_resuming_to_the_outer_one():
    with cycle_collector_paused():
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause found it paused: it does not resume it
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_host_stays_off():
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
