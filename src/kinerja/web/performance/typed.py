"""What a person typed into a field of the planning pages (PK, Rencana Aksi, Renja, RPJMD, Renstra),
read by one set of rules: figures the Indonesian way through forms.parse_number, text trimmed and
bounded. A problem becomes a Refused that names the field."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from kinerja.core.text import text_problem
from kinerja.core.workflow import Refused

from .forms import parse_number

MAX_TEXT = 2000


def text(value: str, label: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise Refused(f"{label} tidak boleh kosong.")
    if len(value) > MAX_TEXT:
        raise Refused(f"{label} terlalu panjang (paling banyak {MAX_TEXT} karakter).")
    problem = text_problem(value)
    if problem:
        raise Refused(f"{label} {problem}.")
    return value


def figure(raw: str, label: str) -> Decimal | None:
    try:
        return parse_number(raw or "")
    except forms.ValidationError as error:
        raise Refused(f"{label}: {' '.join(error.messages)}") from None
