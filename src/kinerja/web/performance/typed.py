"""What a person typed into a field of the planning pages (PK, Rencana Aksi, Renja, RPJMD, Renstra),
read by one set of rules: figures the Indonesian way through forms.parse_number, text trimmed and
bounded. A problem becomes a Refused that names the field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from kinerja.core.text import check_text
from kinerja.core.workflow import Refused

from .forms import parse_number, parse_target, stored_number, stored_text

MAX_TEXT = 2000
MAX_ID_DIGITS = 12  # far above any row count, far below what a database integer holds


def day(raw) -> date | None:
    """A date from a calendar field (YYYY-MM-DD), None when empty; anything else is refused, never guessed."""
    raw = str(raw or "").strip()[:10]
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Refused(_("Tanggal '%(raw)s' tidak dapat dibaca; pilih tanggal dari kalender.") % {"raw": raw}) from None


def record_id(raw) -> int | None:
    """A record id or version sent by a browser, or None: only ASCII digits, at most 12 of them, so that
    garbage ('1e999', '٣', forty nines) matches nothing instead of overflowing the database's integer."""
    raw = str(raw if raw is not None else "").strip()
    if not raw or len(raw) > MAX_ID_DIGITS or not raw.isascii() or not raw.isdigit():
        return None
    return int(raw)


def text(value: str, label: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise Refused(gettext("%(label)s tidak boleh kosong.") % {"label": label})
    check_text(value, label, MAX_TEXT)
    return value


def figure(raw: str, label: str, unit: str | None = None) -> Decimal | None:
    """A figure, or a grade (WTP, BB) when ``unit`` is a scale of grades."""
    try:
        return parse_number(raw or "", unit)
    except forms.ValidationError as error:
        raise Refused(gettext("%(label)s: %(value)s") % {"label": label, "value": " ".join(error.messages)}) from None


def target(raw: str, label: str, unit: str | None = None) -> tuple[Decimal | None, str]:
    """A target as (number, text written): a figure with what was typed, or a range ('80–90') kept as its
    text with no number (forms.parse_target)."""
    try:
        value = parse_target(raw or "", unit)
    except forms.ValidationError as error:
        raise Refused(gettext("%(label)s: %(value)s") % {"label": label, "value": " ".join(error.messages)}) from None
    return stored_number(value), stored_text(value, raw)
