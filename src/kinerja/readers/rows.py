"""One row of a table: which of its cells are the sasaran, the indikator and the figures.

``form_row`` reads a Pengukuran Kinerja row and ``renstra_row`` a row of the LKjIP's capaian Renstra
table, each into a :class:`kinerja.core.model.Row` appended to the builder of the table they belong to
(``kinerja.readers.layout``, which knows the document around them). Where the figures start is found
cell by cell: a figure, a missing mark, 'Rp', or a grade (WTP, or 'B' where the row names its scale);
words under the header's Target and Realisasi are read in place; cells that slid are said so.
"""

from __future__ import annotations

import re

from kinerja.core.grades import SCALES, read_grade, scale_named
from kinerja.core.messages import say
from kinerja.core.model import Row
from kinerja.core.numbers import Kind, parse_number
from kinerja.core.units import COUNT_UNITS, KNOWN_UNITS, normalize_unit
from kinerja.core.values import Value, apply_unit_rule, read_value

COLUMN_NUMBERS = re.compile(r"^\(\d+\)$")  # the '(1) (2) (3)' line under a header
_DIGIT = re.compile(r"\d")


# The first character of a cell that can open the figures of a row: a digit or sign, a missing
# mark ('-', '–', '—', 'n/a'), 'Rp' or a spreadsheet's error ('#REF!'). Any other cell is read as text
# without parsing it.
_VALUE_FIRST = frozenset("0123456789+-–—nNrR#")


# Grades that do not name their scale on their own ('TW' is also triwulan; 'A' … 'D' are letters).
_WEAK_GRADES = frozenset({"TW", "A", "B", "C", "D"})
_GRADE_FIRST = frozenset("WTABCDwtabcd")


def _row_scale(cells: list[str]) -> str | None:
    """The grade scale that the cells name (a 'WTP' or 'BB' among them), if they name exactly one."""
    scales = {grade[0] for grade in map(read_grade, cells) if grade is not None}
    return scales.pop() if len(scales) == 1 else None


def _grade_start(cells: list[str], i: int) -> bool:
    """Cell i is a grade that opens the figures of a row: one naming its scale, or a weak one ('B')
    followed by a grade naming the same scale ('BB')."""
    cell = cells[i]
    if read_grade(cell) is not None:
        return True
    if cell.upper() not in _WEAK_GRADES:
        return False
    scale = _row_scale(cells[i + 1 : i + 4]) or scale_named(" ".join(cells[:i]))
    return scale is not None and read_grade(cell, scale) is not None


def _value_start(cells: list[str], first: int) -> int | None:
    for i in range(first, len(cells)):
        cell = cells[i]
        if not cell:
            continue
        if cell[0] not in _VALUE_FIRST and not cell[0].isdigit():
            if cell[0] in _GRADE_FIRST and _grade_start(cells, i):
                return i
            continue
        value = read_value(cell)
        if value.kind in (Kind.NUMBER, Kind.RANGE, Kind.ERROR) or (value.kind is Kind.MISSING and cell):
            return i
        if cell.lower().startswith("rp"):
            return i
    return None


def _is_unit_cell(cell: str) -> bool:
    if not cell:
        return False
    return read_value(cell).kind is Kind.TEXT and not _DIGIT.search(cell)


def _value_block(cells: list[str], p: int, unit: str | None = None) -> tuple[Value, Value, Value]:
    """Target, realisasi and reported % from the cells starting at p (5- or 7-column). ``unit`` is the
    row's cell of a 'Satuan' column, for figures written without their unit."""

    block = cells[p : p + 5]
    block += [""] * (5 - len(block))
    named = None
    if unit is None and block[0] and block[0][0] in _GRADE_FIRST:
        # 'B' beside 'BB', or under an indicator named 'Predikat SAKIP': a grade of that scale
        unit = _row_scale(block[:3]) or (named := scale_named(" ".join(cells[:p])))
    target, realisasi, reported = _figures(block, unit)
    if named:  # only the indicator's name made 'B' a grade: the reading says so (finding grade_by_name)
        target, realisasi = (_named_grade(v, named) for v in (target, realisasi))
    return target, realisasi, reported


def _figures(block: list[str], unit: str | None) -> tuple[Value, Value, Value]:
    first = read_value(block[0], unit_hint=unit) if unit else read_value(block[0])
    if first.unit in SCALES and read_value(block[1], unit_hint=first.unit).unit != first.unit:
        realisasi = read_value(block[2], unit_hint=first.unit)
        if realisasi.unit == first.unit and (not block[1] or _is_unit_cell(block[1])):
            return first, realisasi, read_value(block[4])  # grades each followed by a unit cell
    if first.unit is None and _is_unit_cell(block[1]):
        target = read_value(block[0], unit_hint=block[1])
        realisasi = read_value(block[2], unit_hint=block[3] or target.unit)
        return target, realisasi, read_value(block[4])
    return first, read_value(block[1], unit_hint=first.unit or unit), read_value(block[2])


def _named_grade(value: Value, scale: str) -> Value:
    """A weak grade ('B', 'TW') read on the scale the indicator's name speaks of, with that reason."""
    if value.unit != scale or value.reason or read_grade(value.raw) is not None:
        return value
    return value._replace(reason=say("reason.named_grade", scale=scale))


# A figure written bare, with nothing around it: '24.450', '62,87', '1425'.
_BARE_FIGURE = re.compile(r"\d[\d.,]*")


def _bare_figure(text: str, unit: str | None) -> Value | None:
    """``read_value(text, unit_hint=…)`` for a bare figure whose hint ``unit`` is already normalized (and no
    grade scale): the same Value, without the steps a bare figure does not need. None for anything else."""
    if type(text) is not str or _BARE_FIGURE.fullmatch(text) is None:
        return None
    kind, number, decimals, convention, alternatives, _ = parse_number(text)
    if kind is not Kind.NUMBER:
        return None
    candidates = ((number, decimals, convention), *alternatives) if alternatives else ()
    value = Value(Kind.NUMBER, text, number, decimals, unit, convention, candidates)
    if unit in COUNT_UNITS and (candidates or decimals):  # a whole figure read one way: nothing to rule out
        return apply_unit_rule(value)
    return value


def _plain_unit(cell: str, units: dict[str, str | None | bool]) -> str | None | bool:
    """The normalized unit of a row's unit cell ('orang', '%'), None when it names none, or False when the
    cell is not a plain unit (a figure, a mark, a grade scale): such rows take the general path. ``units``
    remembers the answer for the table (a form has a handful of units)."""
    if cell not in units:
        unit = normalize_unit(cell) if type(cell) is str and _is_unit_cell(cell) else False
        units[cell] = False if unit in SCALES else unit
    return units[cell]


_NOT_INDIKATOR_FIRST = _VALUE_FIRST | _GRADE_FIRST


def _plain_row(cells: list[str], number: int, builder) -> bool:
    """Most rows of a form: sasaran (or nothing), indikator, target and its unit, realisasi and its unit,
    and the reported %, each figure written bare. Such a row is read here in one go, exactly as the
    general path below reads it (a property test holds the two together); False for any other row."""
    if len(cells) != 7 or builder.unit_column is not None or builder.number_column:
        return False
    sasaran, indikator, target_text, target_unit, realisasi_text, realisasi_unit, reported_text = cells
    if not indikator or indikator[0] in _NOT_INDIKATOR_FIRST or indikator[0].isdigit():
        return False
    units = builder.plain_units
    unit = _plain_unit(target_unit, units)
    if unit is False:
        return False
    target = _bare_figure(target_text, unit)
    if target is None:
        return False
    if realisasi_unit:
        hint = _plain_unit(realisasi_unit, units)
        if hint is False:
            return False
    else:
        hint = target.unit
    realisasi = _bare_figure(realisasi_text, hint)
    reported = _bare_figure(reported_text, None)
    if realisasi is None or reported is None:
        return False
    if sasaran:
        builder.sasaran = sasaran
    _add_row(builder, number, sasaran, indikator, target, realisasi, reported)
    return True


def _add_row(builder, number: int, sasaran, indikator: str, target, realisasi, reported, slid=None) -> None:
    """A form row as the table keeps it: the sasaran carried on from the rows above when its cell is empty,
    the unit the target's (or the realisation's)."""
    builder.rows.append(
        Row(
            index=len(builder.rows),
            line=number,
            sasaran=sasaran or builder.sasaran,
            indikator=indikator,
            satuan=target.unit or realisasi.unit,
            target=target,
            realisasi=realisasi,
            capaian_reported=reported,
            slid=slid,
        )
    )


def form_row(cells: list[str], number: int, builder) -> None:
    if not _plain_row(cells, number, builder):
        general_form_row(cells, number, builder)


def general_form_row(cells: list[str], number: int, builder) -> None:
    """Any row of a form: where its figures start, slid cells, a unit column, words under Target."""
    unit = None
    k = builder.unit_column
    if k is not None and k < len(cells) and (not cells[k] or _is_unit_cell(cells[k])):
        unit = cells[k] or None  # the unit's own column: read with the figures, not as a slid row
        cells = cells[:k] + cells[k + 1 :]
    if builder.number_column and cells and cells[0].strip().rstrip(".").isdigit():
        cells = cells[1:]  # the row's number
    p = _value_start(cells, 1)
    t = _target_position(builder)
    words = (
        t is not None
        and (p is None or p > t + 1)
        and 2 <= t < len(cells) - 1
        and bool(cells[t - 1])
        and _is_word(cells[t])
        and _is_word(cells[t + 1])
    )
    if words:
        # the indicator in its column and words under 'Target' and 'Realisasi' ('Baik', 'Sangat baik'):
        # figures written as words, not a row slid to the right (whose target, after the indicator, is a
        # figure); read in place, so their capaian is said to be undefined
        p = t
    texts = [(i, c) for i, c in enumerate(cells[: p if p is not None else len(cells)]) if c]
    if p is None:
        if len(texts) == 1:
            builder.sasaran = texts[0][1]
        else:  # cells of text and no figure: not passed over in silence
            builder.unread.append((number, tuple(c for _, c in texts)))
        return
    if not texts:
        return
    slid = None
    if len(texts) >= 2:
        sasaran, indikator = texts[0][1], texts[-1][1]
        builder.sasaran = sasaran
    else:
        sasaran, indikator = None, texts[0][1]
    if words:
        target, realisasi, reported = read_value(cells[p]), read_value(cells[p + 1]), read_value(_cell(cells, p + 2))
    else:
        target, realisasi, reported = _value_block(cells, p, unit)
    if p > 2 and not words:  # words stand in the header's own columns: not slid
        slid = say("read.slid_right_no_capaian" if reported.kind is Kind.MISSING else "read.slid_right", columns=p - 2)
    elif texts[-1][0] == 0 and p == 2:
        slid = say("read.slid_left")
    _add_row(builder, number, sasaran, indikator, target, realisasi, reported, slid)


def _is_word(cell: str) -> bool:
    """Text that is not a figure, a grade, a missing mark, a unit, a column number nor empty: 'Baik'."""
    return (
        bool(cell)
        and read_value(cell).kind is Kind.TEXT
        and normalize_unit(cell) not in KNOWN_UNITS
        and not COLUMN_NUMBERS.match(cell)
    )


def _cell(cells: list[str], i: int) -> str:
    return cells[i] if i < len(cells) else ""


def _target_position(builder) -> int | None:
    """The header's Target column as a row's cells stand once its unit and number columns are taken out."""
    t = builder.target_column
    if t is None:
        return None
    if builder.unit_column is not None and builder.unit_column < t:
        t -= 1
    if builder.number_column:
        t -= 1
    return t


def renstra_row(cells: list[str], number: int, builder) -> None:
    p = _value_start(cells, 2 if cells and cells[0].rstrip(".").isdigit() else 1)
    if p is None:
        return
    texts = [c for c in cells[:p] if c and not c.rstrip(".").isdigit()]
    if not texts:
        return
    prev = read_value(cells[p])
    target, realisasi, reported = _value_block(cells, p + 1)
    if prev.unit is None and target.unit is not None and prev.kind is Kind.NUMBER:
        prev = read_value(cells[p], unit_hint=target.unit)
    builder.rows.append(
        Row(
            index=len(builder.rows),
            line=number,
            sasaran=None,
            indikator=texts[-1],
            satuan=target.unit or realisasi.unit or normalize_unit(prev.unit),
            target=target,
            realisasi=realisasi,
            capaian_reported=reported,
            realisasi_prev=prev,
        )
    )
