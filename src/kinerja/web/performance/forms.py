"""Forms. Numbers are read by kinerja.core: Indonesian format, ambiguous or malformed refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import PurePath

from django import forms
from django.conf import settings

from kinerja.core.bounds import Bounds
from kinerja.core.grades import read_grade, scale_of, scale_text
from kinerja.core.model import Cumulation, Direction
from kinerja.core.numbers import Kind, format_id
from kinerja.core.values import clean_cell, read_value, write_value
from kinerja.readers import resave_hint

EVIDENCE_TYPES = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".xlsx": (b"PK\x03\x04",),
    ".docx": (b"PK\x03\x04",),
}
DOCUMENT_TYPES = {".txt": None, ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",), ".pdf": (b"%PDF",)}


def parse_number(text: str, unit: str | None = None) -> Decimal | None:
    """A figure typed by a person: 1.234,56 the Indonesian way, or a grade (WTP, BB) when ``unit``, the
    indicator's unit, is a scale of grades. Raises ValidationError with what was read."""
    text = clean_cell(text)
    if not text:
        return None
    value = read_value(text)
    if value.kind is Kind.MISSING:
        return None
    scale = scale_of(unit)
    if scale is not None:
        grade = read_grade(text, scale)
        if grade is None:
            raise forms.ValidationError(
                f"'{text}' bukan predikat pada skala {scale}. Tulis salah satu dari: {scale_text(scale)}."
            )
        return Decimal(grade[1])
    if scale_of(value.unit) is not None:
        raise forms.ValidationError(
            f"'{text}' adalah predikat {value.unit}, sedangkan indikator ini diukur dengan angka. Bila indikator "
            f"ini memang diukur dengan predikat, ubah dulu satuannya menjadi '{value.unit}'."
        )
    if value.kind is Kind.ERROR:
        raise forms.ValidationError(f"'{text}' tidak dapat dibaca: {value.reason}.")
    if value.kind is Kind.RANGE:
        raise forms.ValidationError(
            f"'{text}' adalah rentang; di sini ditulis satu angka (hanya target yang boleh berupa rentang)."
        )
    if value.kind is Kind.TEXT:
        raise forms.ValidationError(f"'{text}' bukan angka. Tulis angka saja, misalnya 1.234,56.")
    if value.unit not in (None, "%"):
        raise forms.ValidationError(f"'{text}' bukan angka. Tulis angkanya saja; satuannya sudah tercatat.")
    if value.ambiguous and "," in text:
        # '.' is read as the Indonesian thousands separator; a lone ',' before 3 digits is not decided
        readings = " atau ".join(format_id(c[0], c[1]) for c in value.candidates)
        raise forms.ValidationError(
            f"'{text}' dapat dibaca {readings}. Di kinerja titik memisahkan ribuan dan koma memisahkan desimal; "
            "tulis dengan jelas, misalnya 24.450 atau 24,45."
        )
    return value.candidates[0][0] if value.ambiguous else value.number


def parse_target(text: str, unit: str | None = None) -> Decimal | str | None:
    """A target as typed: a figure read as ``parse_number`` reads it, or a range ('80–90', '7 s.d. 8'),
    returned as the range written the kinerja way ('80–90'). A range is stored as its text, with no number,
    and its capaian follows PermenPAN-RB 8/2021's rule for target ranges (kinerja.core.achievement)."""
    cleaned = clean_cell(text)
    value = read_value(cleaned) if cleaned else None
    if value is None or value.kind is not Kind.RANGE or scale_of(unit) is not None:
        return parse_number(text, unit)
    if value.unit not in (None, "%"):
        raise forms.ValidationError(f"'{cleaned}' bukan angka. Tulis rentangnya saja; satuannya sudah tercatat.")
    return write_value(value._replace(unit=None))


def parse_field(field: str, text: str, unit: str | None = None) -> Decimal | str | None:
    """A figure typed into ``field`` (one of kinerja.core.year.FIELDS): only the target may be a range."""
    return (parse_target if field == "target" else parse_number)(text, unit)


def stored_number(value: Decimal | str | None) -> Decimal | None:
    """The number a parsed figure is stored with: none for a target range, which is kept as its text."""
    return None if isinstance(value, str) else value


def stored_text(value: Decimal | str | None, typed: str) -> str:
    """The text a parsed figure is stored with, the same from every door: a target range the kinerja way
    ('80 s.d. 90' is kept as '80–90'), any other figure as it was typed (62,50 stays 62,50)."""
    return value if isinstance(value, str) else (typed or "").strip()[:200]


class NumberField(forms.CharField):
    """A figure; ``unit`` (the indicator's, set by the form) makes it take a grade of that scale instead."""

    unit: str | None = None

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "class": "num-input"})

    def clean(self, value):
        return parse_number(super().clean(value) or "", self.unit)


class TargetField(NumberField):
    """A target: a figure, or a range ('80–90') returned as its text (``parse_target``)."""

    def clean(self, value):
        return parse_target(forms.CharField.clean(self, value) or "", self.unit)


def check_upload(upload, allowed: dict, max_bytes: int) -> None:
    suffix = PurePath(upload.name or "").suffix.lower()
    head = upload.read(8)
    upload.seek(0)
    magic = allowed.get(suffix)
    refused = suffix not in allowed or (magic and not any(head.startswith(m) for m in magic))
    hint = resave_hint(suffix, head) if refused else None  # an old office file, where a newer one is asked for
    if hint:
        raise forms.ValidationError(hint[0].upper() + hint[1:] + ".")
    if suffix not in allowed:
        raise forms.ValidationError(
            f"Jenis berkas {suffix or '(tanpa akhiran)'} tidak diterima; yang diterima: {', '.join(sorted(allowed))}."
        )
    if upload.size > max_bytes:
        raise forms.ValidationError(
            f"Berkas terlalu besar ({upload.size // 1024} KiB); paling besar {max_bytes // 1024 // 1024} MiB."
        )
    if magic and not any(head.startswith(m) for m in magic):
        raise forms.ValidationError(f"Isi berkas tidak sesuai dengan jenis {suffix}.")


class IndicatorYearForm(forms.Form):
    target = TargetField(label="Target")
    q1 = NumberField(label="Realisasi TW I")
    q2 = NumberField(label="Realisasi TW II")
    q3 = NumberField(label="Realisasi TW III")
    q4 = NumberField(label="Realisasi TW IV")
    year = NumberField(label="Realisasi tahun (bila tidak dari triwulan)")
    note = forms.CharField(
        label="Catatan (wajib bila realisasi memburuk)",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence = forms.FileField(label="Bukti (PDF, gambar, XLSX, DOCX; paling besar 10 MiB)", required=False)

    def __init__(self, *args, unit: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if scale_of(unit):  # the figures are grades of the indicator's scale
            for name in ("target", "q1", "q2", "q3", "q4", "year"):
                self.fields[name].unit = unit
                self.fields[name].widget.attrs.update({"inputmode": "text", "class": "grade-input"})

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            check_upload(upload, EVIDENCE_TYPES, getattr(settings, "KINERJA_MAX_UPLOAD", 10 * 1024 * 1024))
        return upload


class BudgetForm(forms.Form):
    anggaran = NumberField(label="Jumlah anggaran (Rp)")
    realisasi = NumberField(label="Realisasi anggaran (Rp)")
    waiver = forms.CharField(
        label="Bila anggaran belum dapat dicatat: alasannya (tanpa keduanya tahun ini belum dapat diajukan)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


DIRECTIONS = [(Direction.HIGHER.value, "makin tinggi makin baik"), (Direction.LOWER.value, "makin rendah makin baik")]
CUMULATIONS = [
    (Cumulation.LAST.value, "nilai terakhir (tingkat, persentase)"),
    (Cumulation.SUM.value, "jumlah kumulatif (arus)"),
    (Cumulation.AVERAGE.value, "rata-rata (rerata triwulan dan tahun)"),
]


class BudgetItemForm(forms.Form):
    prefix = "item"
    program = forms.CharField(label="Program", max_length=300)
    kegiatan = forms.CharField(label="Kegiatan", max_length=300, required=False)
    anggaran = NumberField(label="Anggaran (Rp)")
    realisasi = NumberField(label="Realisasi (Rp)")
    sasaran = forms.CharField(
        label="Sasaran yang didukung",
        max_length=1000,
        required=False,
        widget=forms.TextInput(attrs={"list": "sasaran-list"}),
    )


def standard_field() -> forms.CharField:
    """An indicator's national standard, on the new-indicator form and the indicator's own form."""
    return forms.CharField(
        label="Standar nasional (bila ada)", required=False, max_length=40,
        help_text="Dalam satuan indikator, misalnya 90 untuk 90 %; LKjIP Bab III membandingkan realisasi dengannya.",
    )  # fmt: skip


def standard_source_field() -> forms.CharField:
    return forms.CharField(
        label="Dasar standar nasional", required=False, max_length=300,
        help_text="Peraturan atau dokumen yang menetapkannya, misalnya SPM bidang kesehatan (Permenkes 4/2019).",
    )  # fmt: skip


def clean_standard(form) -> Decimal | None:
    """The standard as a figure in the form's unit (declared above it, so cleaned first), or a grade on its
    scale; ValidationError with what was read."""
    return parse_number(form.cleaned_data.get("standard") or "", form.cleaned_data.get("unit"))


class NewIndicatorForm(forms.Form):
    sasaran = forms.CharField(
        label="Sasaran strategis", max_length=1000, widget=forms.TextInput(attrs={"list": "sasaran-list"})
    )
    name = forms.CharField(label="Nama indikator", max_length=1000)
    unit = forms.CharField(
        label="Satuan", max_length=100, widget=forms.TextInput(attrs={"list": "unit-list"}),
        help_text="Untuk indikator berupa predikat: 'opini BPK' (WTP … TMP) atau 'predikat SAKIP' (AA … D).",
    )  # fmt: skip
    direction = forms.ChoiceField(label="Arah", choices=DIRECTIONS)
    cumulation = forms.ChoiceField(label="Akumulasi menuju target Renstra", choices=CUMULATIONS)
    target = forms.CharField(label="Target tahun ini", required=False, max_length=40)
    definition = forms.CharField(label="Definisi / rumus", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    data_source = forms.CharField(label="Sumber data", required=False, max_length=300)
    responsible = forms.CharField(label="Penanggung jawab", required=False, max_length=200)
    is_iku = forms.BooleanField(label="IKU", required=False)
    standard = standard_field()
    standard_source = standard_source_field()

    def clean_target(self):
        """A figure, or a grade when the unit typed above is a scale of grades (the unit is cleaned first)."""
        return parse_number(self.cleaned_data.get("target") or "", self.cleaned_data.get("unit"))

    clean_standard = clean_standard


def bound_field(label: str) -> forms.CharField:
    """One side of an indicator's batas wajar (kinerja.core.bounds), typed the Indonesian way."""
    return forms.CharField(label=label, required=False, max_length=40)


class IndicatorMetaForm(forms.Form):
    """How the indicator is measured this year (name, unit, sasaran, direction, cumulation), what it means
    this year (definition, data source, responsible, IKU, national standard; carried into the next year)
    and its batas wajar (the indicator's, for every year)."""

    name = forms.CharField(label="Nama indikator tahun ini", max_length=1000)
    unit = forms.CharField(
        label="Satuan tahun ini", max_length=100, required=False, widget=forms.TextInput(attrs={"list": "unit-list"})
    )
    sasaran = forms.CharField(
        label="Sasaran strategis tahun ini", max_length=1000, widget=forms.TextInput(attrs={"list": "sasaran-list"})
    )
    direction = forms.ChoiceField(label="Arah", choices=DIRECTIONS)
    cumulation = forms.ChoiceField(
        label="Realisasi tahunan dari TW I–IV (dan akumulasi menuju target Renstra)", choices=CUMULATIONS
    )
    definition = forms.CharField(label="Definisi / rumus", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    data_source = forms.CharField(label="Sumber data", required=False, max_length=300)
    responsible = forms.CharField(label="Penanggung jawab", required=False, max_length=200)
    is_iku = forms.BooleanField(label="IKU", required=False)
    standard = standard_field()
    standard_source = standard_source_field()
    unused = forms.CharField(
        label="Tidak digunakan tahun ini: alasannya (kosongkan bila indikator digunakan)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    plausible_min = bound_field("Batas wajar bawah")
    plausible_max = bound_field("Batas wajar atas")

    clean_standard = clean_standard

    def _bound(self, name: str) -> Decimal | None:
        unit = self.cleaned_data.get("unit")
        if scale_of(unit) is not None and (self.cleaned_data.get(name) or "").strip():
            raise forms.ValidationError("Indikator berupa predikat tidak memiliki batas wajar; kosongkan isian ini.")
        return parse_number(self.cleaned_data.get(name) or "", unit)

    def clean_plausible_min(self):
        return self._bound("plausible_min")

    def clean_plausible_max(self):
        return self._bound("plausible_max")

    def clean(self):
        data = super().clean()
        problem = Bounds(data.get("plausible_min"), data.get("plausible_max")).problem
        if problem:
            self.add_error("plausible_max", problem)
        return data


class PlanForm(forms.Form):
    start_year = forms.IntegerField(label="Tahun awal", min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label="Tahun akhir", min_value=2000, max_value=2100)

    def clean(self):
        data = super().clean()
        if data.get("start_year") and data.get("end_year") and data["end_year"] < data["start_year"]:
            raise forms.ValidationError("Tahun akhir harus sesudah tahun awal.")
        return data


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Catatan / alasan", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )


class DocumentUploadForm(forms.Form):
    document = forms.FileField(label="Dokumen (.txt, .docx, .xlsx, .pdf)")
    map_columns = forms.BooleanField(
        label="Petakan kolom sendiri (tabel dengan susunan lain)", required=False,
        help_text="Pilih baris judul kolom, tahun dan kolom setiap isian; tanpa ini kinerja mengenali "
        "formulirnya sendiri dan menawarkan pemetaan bila tidak menemukannya.",
    )  # fmt: skip

    def clean_document(self):
        upload = self.cleaned_data["document"]
        check_upload(upload, DOCUMENT_TYPES, getattr(settings, "KINERJA_MAX_UPLOAD", 10 * 1024 * 1024))
        return upload


class WorkbookUploadForm(forms.Form):
    workbook = forms.FileField(label="Templat Excel yang sudah diisi (.xlsx)")

    def clean_workbook(self):
        upload = self.cleaned_data["workbook"]
        check_upload(upload, {".xlsx": (b"PK\x03\x04",)}, getattr(settings, "KINERJA_MAX_UPLOAD", 10 * 1024 * 1024))
        return upload
