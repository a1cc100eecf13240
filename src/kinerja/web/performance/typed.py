"""What a person typed into a field of the planning pages (PK, Rencana Aksi, Renja, RPJMD, Renstra),
read by one set of rules: figures the Indonesian way through forms.parse_number, text trimmed and
bounded. A problem becomes a Refused that names the field."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from kinerja.core.text import check_text
from kinerja.core.workflow import Refused

from .forms import parse_number

MAX_TEXT = 2000


def text(value: str, label: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise Refused(f"{label} tidak boleh kosong.")
    check_text(value, label, MAX_TEXT)
    return value


def figure(raw: str, label: str, unit: str | None = None) -> Decimal | None:
    """A figure, or a grade (WTP, BB) when ``unit`` is a scale of grades."""
    try:
        return parse_number(raw or "", unit)
    except forms.ValidationError as error:
        raise Refused(f"{label}: {' '.join(error.messages)}") from None
