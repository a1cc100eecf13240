"""Template filters: every number on a page is written by kinerja.core.numbers.format_id."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import gettext_lazy as _

from kinerja.core.categories import TONES
from kinerja.core.numbers import format_id, format_plain
from kinerja.core.values import Value, plain_figure, write_value
from kinerja.web.performance.language import in_page_language

register = template.Library()


@register.filter
def id_number(value, decimals=2):
    """1234.5 -> 1.234,50; None -> '–'."""
    if value is None or value == "":
        return "–"
    return format_id(Decimal(str(value)), int(decimals))


@register.filter
def id_plain(value):
    """A figure with the decimals it has: 19393 -> 19.393; 62.87 -> 62,87."""
    if value is None or value == "":
        return "–"
    number = _finite(value)
    return format_plain(number) if number is not None else str(value)  # a range kept as its text: as it is


def _finite(value) -> Decimal | None:
    """``value`` as a finite number, or None when it is text that is not one (a target range '80–90')."""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    return number if number.is_finite() else None


@register.filter
def as_written(value: Value):
    """A value with its unit, as agencies write it (kinerja.core.values.write_value)."""
    return write_value(value if isinstance(value, Value) else None)


@register.filter
def band_class(band):
    """The CSS class of a category: its tone on its scale (kinerja.core.categories.TONES)."""
    tone = getattr(band, "tone", None)
    return f"band-{tone.lower()}" if tone in TONES else "band-none"


FINDING_TITLES = {
    "capaian_mismatch": _("capaian tertulis tidak sesuai dengan target dan realisasi"),
    "capaian_rounding": _("capaian tertulis berbeda satu angka terakhir (pembulatan)"),
    "target_zero": _("target 0: capaian tidak dapat dihitung"),
    "realisasi_missing": _("realisasi kosong"),
    "realisasi_text": _("realisasi berupa teks, bukan angka"),
    "malformed_number": _("angka tidak dapat dibaca"),
    "ambiguous_number": _("angka dapat dibaca dua cara: bacaan yang dipilih dan alasannya"),
    "grade_by_name": _("huruf dibaca sebagai predikat karena nama indikatornya"),
    "row_slid": _("sel baris bergeser kolom"),
    "year_mismatch": _("tahun pada judul bertentangan dengan anggaran atau tanggal tanda tangan"),
    "magnitude_outlier": _("besaran angka jauh dari tahun-tahun lain"),
    "percent_unit_mismatch": _("indikator persentase diukur dengan satuan lain"),
    "value_mismatch": _("indikator yang sama bernilai berbeda di dua dokumen"),
    "unit_changed": _("satuan indikator berubah dari tahun sebelumnya"),
    "unit_mismatch": _("indikator yang sama bersatuan berbeda di dua dokumen"),
    "renstra_progress_mismatch": _("progres terhadap target akhir Renstra tidak sesuai"),
    "renstra_progress_rounding": _("progres Renstra berbeda satu angka terakhir"),
    "renstra_rule": _("aturan progres Renstra yang dipakai"),
    "budget_over": _("realisasi anggaran melebihi anggaran"),
    "absorption_mismatch": _("serapan anggaran tertulis tidak sesuai dengan anggaran dan realisasinya"),
    "budget_unreadable": _("angka anggaran tidak dapat dibaca"),
    "component_sum_mismatch": _("jumlah UMKM tidak sama dengan jumlah komponennya"),
    "block_length_mismatch": _("blok kolom target akhir tidak sepanjang tabel"),
    "row_unread": _("baris tabel tanpa target dan realisasi yang terbaca"),
    "lines_left_out": _("baris di bawah kolom yang dipetakan tidak dibaca"),
    "agency_name_differs": _("nama perangkat daerah berbeda"),
    "nip_invalid": _("NIP penandatangan tidak sah"),
    "link_uncertain": _("indikator mungkin sama dengan indikator bernama lain"),
}
SEVERITY_LABELS = {"error": _("galat"), "warning": _("peringatan"), "info": _("info")}


@register.filter
def finding_title(code):
    return FINDING_TITLES.get(code, code)


@register.filter
def spoken(item):
    """A finding's message (or a message itself) in the page's language: kinerja.core.messages."""
    return in_page_language(item)


@register.filter
def severity_label(severity):
    return SEVERITY_LABELS.get(severity, severity)


@register.filter
def split_words(text: str) -> list[str]:
    return text.split()


@register.filter
def field(form, name: str):
    return form[name]


@register.filter
def get(mapping, key):
    """mapping[key], or mapping[str(key)] (JSON keeps year keys as text), else ''."""
    if not hasattr(mapping, "get"):
        return ""
    found = mapping.get(key)
    return found if found is not None else mapping.get(str(key), "")


@register.filter
def change_text(data) -> str:
    """An audit before/after dict as a reader wants it: 'value: 1.234,5; status: draft'."""
    if not data:
        return ""
    if not isinstance(data, dict):
        return str(data)
    parts = []
    for key, value in data.items():
        label = _change_key(key)
        value = _change_value(key, value)
        if key == "tertulis":  # a figure's text as written: shown as written, never read again
            parts.append(f"{label}: “{value}”")
            continue
        if isinstance(value, str) and (number := _finite(value)) is not None:
            value = id_plain(number)
        parts.append(f"{label}: {'–' if value in (None, '') else value}")
    return "; ".join(parts)


def _change_key(key: str) -> str:
    from kinerja.core.year import LABELS

    return {"value": "nilai", "status": "status"}.get(key, LABELS.get(key, key))


def _change_value(key: str, value):
    """Stored codes in the words of the page: statuses, directions, cumulations, yes and no."""
    from .. import models

    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if key == "status" and isinstance(value, str):
        return dict(models.AgencyYear.Status.choices).get(value, value)
    if key in ("direction", "arah"):
        return DIRECTION_LABELS.get(value, value)
    if key in ("cumulation", "akumulasi"):
        return CUMULATION_LABELS.get(value, value)
    return value


@register.filter
def nip_text(nip: str) -> str:
    from kinerja.reports.build import nip_text as text

    return text(nip)


@register.filter
def figure_value(line, name: str) -> str:
    """One figure of a year's line (target, q1–q4, year) as an Indonesian number, or '–'."""
    value = line.figure(name).value
    return "–" if value is None else plain_figure(value, line.unit)


@register.filter
def plain_value(value, unit=None) -> str:
    """A stored figure for an input field: 1234.5 -> 1.234,5; None -> ''. With the indicator's unit a
    scale of grades, the grade: 4 -> WTP. Text that is not a number (a target range '80–90') as it is."""
    if value in (None, ""):
        return ""
    number = _finite(value)
    return plain_figure(number, unit) if number is not None else str(value)


@register.filter
def typed_figure(record, unit=None) -> str:
    """A stored record with ``value`` and ``raw`` (an end target) as a person types it back: 1.234,5, a
    grade, or a target range ('80–90') kept as its text; '' for none."""
    if record is None:
        return ""
    return plain_figure(record.value, unit, record.raw)


DIRECTION_LABELS = {"higher": _("makin tinggi makin baik"), "lower": _("makin rendah makin baik")}
CUMULATION_LABELS = {
    "last": _("nilai terakhir (tingkat, persentase)"),
    "sum": _("jumlah kumulatif (arus)"),
    "average": _("rata-rata (rerata triwulan dan tahun)"),
}


@register.filter
def direction_label(value) -> str:
    return DIRECTION_LABELS.get(str(getattr(value, "value", value)), "–")


@register.filter
def cumulation_label(value) -> str:
    return CUMULATION_LABELS.get(str(getattr(value, "value", value)), "–")


@register.filter
def link_token(candidate) -> str:
    """The value of a link checkbox: an indicator id, or the row of a new indicator in the same import."""
    return f"new:{candidate[1]}" if isinstance(candidate, tuple) else str(candidate)


@register.filter
def change_field(name) -> str:
    from kinerja.core.year import LABELS

    return LABELS.get(name, name)


@register.simple_tag
def unit_choices() -> list[str]:
    """The units a person may pick for an indicator: the known ones, then the scales of grades."""
    from kinerja.core.grades import SCALES
    from kinerja.core.units import KNOWN_UNITS

    return sorted(KNOWN_UNITS, key=str.lower) + list(SCALES)


@register.filter
def inputmode(unit) -> str:
    """The keyboard a field needs: letters for grades (WTP, BB), a number pad for figures."""
    from kinerja.core.grades import is_grade_unit

    return "text" if is_grade_unit(unit) else "decimal"


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None
