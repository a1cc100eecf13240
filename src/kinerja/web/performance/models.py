"""What a regency keeps: agencies, plans, targets, realisations, budgets and imported documents.

Models hold data only. Every percentage is computed by ``kinerja.core`` (see selectors.py);
writes go through services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.messages import Said
from kinerja.core.model import Cumulation, Direction
from kinerja.core.names import normalize_name

from .models_org import (  # noqa: F401  (the regions, agencies and officials)
    REGION_PATHS,
    ROOT_PATHS,
    Agency,
    AgencyName,
    FormerAddress,
    FormerHead,
    Official,
    Region,
    RegionName,
    free_slug,
    refuse_reserved,
    validate_nip,
)

FIGURE = {"max_digits": 24, "decimal_places": 6, "null": True, "blank": True}


def name_key(name: str) -> str:
    return normalize_name(name)[:300]


def evidence_path(instance, filename: str) -> str:
    """Uploads are stored under a generated name, never the client's."""
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()[:10]
    return f"bukti/{uuid.uuid4().hex}{suffix}"


class PlanPeriod(models.Model):
    """A Renstra: an agency's five-year strategic plan."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="plans")
    start_year = models.PositiveSmallIntegerField(_("tahun awal"))
    end_year = models.PositiveSmallIntegerField(_("tahun akhir"))

    class Meta:
        ordering = ["agency", "start_year"]
        verbose_name = _("Renstra")
        verbose_name_plural = _("Renstra")
        constraints = [
            models.UniqueConstraint(fields=["agency", "start_year", "end_year"], name="plan_unique_period"),
            models.CheckConstraint(condition=Q(end_year__gte=models.F("start_year")), name="plan_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"Renstra {self.start_year}–{self.end_year}"


class Tujuan(models.Model):
    plan = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="tujuan")
    name = models.TextField(_("tujuan"))
    rpjmd_sasaran = models.ForeignKey(
        "RpjmdSasaran", on_delete=models.SET_NULL, null=True, blank=True, related_name="agency_tujuan",
        verbose_name=_("sasaran RPJMD yang didukung"),
    )  # fmt: skip

    def __str__(self) -> str:
        return self.name


class Sasaran(models.Model):
    """A strategic objective (sasaran strategis)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="sasaran")
    plan = models.ForeignKey(PlanPeriod, on_delete=models.SET_NULL, null=True, blank=True, related_name="sasaran")
    tujuan = models.ForeignKey(Tujuan, on_delete=models.SET_NULL, null=True, blank=True, related_name="sasaran")
    name = models.TextField(_("sasaran strategis"))
    rpjmd_sasaran = models.ForeignKey(
        "RpjmdSasaran", on_delete=models.SET_NULL, null=True, blank=True, related_name="agency_sasaran",
        verbose_name=_("sasaran RPJMD yang didukung"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """An indicator (indikator kinerja): its identity across the years.

    Name, unit, direction, cumulation and the description (definition, data source, responsible, IKU,
    national standard) here follow the indicator's latest year; what a year uses is kept on that year's
    Target row, so a change in a draft year never moves a published one. The batas wajar is the
    indicator's own, for all its years (a check of the figures, not part of what is published).
    """

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="indicators")
    name = models.TextField(_("nama indikator"))
    unit = models.CharField(_("satuan"), max_length=100, blank=True)
    direction = models.CharField(
        _("arah"),
        max_length=10,
        choices=[
            (Direction.HIGHER.value, _("makin tinggi makin baik")),
            (Direction.LOWER.value, _("makin rendah makin baik")),
        ],
        default=Direction.HIGHER.value,
    )
    cumulation = models.CharField(
        _("akumulasi menuju target Renstra"),
        max_length=10,
        choices=[
            (Cumulation.LAST.value, _("nilai terakhir (tingkat, persentase)")),
            (Cumulation.SUM.value, _("jumlah kumulatif (arus)")),
            (Cumulation.AVERAGE.value, _("rata-rata (rerata triwulan dan tahun)")),
        ],
        default=Cumulation.LAST.value,
    )
    definition = models.TextField(_("definisi / rumus"), blank=True)
    data_source = models.CharField(_("sumber data"), max_length=300, blank=True)
    responsible = models.CharField(_("penanggung jawab"), max_length=200, blank=True)
    is_iku = models.BooleanField(_("IKU"), default=False)
    # the national standard the LKjIP compares the realisation with (Bab III A.4), and what sets it
    standard = models.DecimalField(_("standar nasional"), **FIGURE)
    standard_source = models.CharField(_("dasar standar nasional"), max_length=300, blank=True, default="")
    # batas wajar (kinerja.core.bounds): figures outside are explained before submission
    plausible_min = models.DecimalField(_("batas wajar bawah"), **FIGURE)
    plausible_max = models.DecimalField(_("batas wajar atas"), **FIGURE)
    # set by the region's Bappeda, Inspektorat or an admin: only they change it (store.apply); the agency's
    # operators explain a figure outside in its note
    bounds_by_region = models.BooleanField(_("batas wajar ditetapkan pemerintah daerah"), default=False)
    version = models.PositiveIntegerField(default=0)  # of the batas wajar (each year's description: Target)

    class Meta:
        ordering = ["agency", "id"]
        verbose_name = _("indikator kinerja")
        verbose_name_plural = _("indikator kinerja")

    def __str__(self) -> str:
        return self.name


class MergedIndicator(models.Model):
    """An indicator merged into another by a confirmed link: its history is the other's history."""

    old_id = models.BigIntegerField(unique=True)
    into = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="merged")

    def __str__(self) -> str:
        return f"{self.old_id} → {self.into_id}"


class LinkSuggestion(models.Model):
    """A probable link between two indicators that a person must confirm or reject."""

    class Status(models.TextChoices):
        PENDING = "pending", _("menunggu konfirmasi")
        CONFIRMED = "confirmed", _("dikonfirmasi")
        REJECTED = "rejected", _("ditolak")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="link_suggestions")
    candidate = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    score = models.DecimalField(max_digits=5, decimal_places=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "candidate"], name="link_suggestion_unique")]

    def __str__(self) -> str:
        return f"{self.indicator} ~ {self.candidate} ({self.score}%)"


class Target(models.Model):
    """An indicator in one year: its target, and the name, unit, direction, cumulation, sasaran and
    description it has that year, and where it sits in that year's form."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.DecimalField(_("target"), **FIGURE)
    raw = models.CharField(_("tertulis"), max_length=200, blank=True)
    sasaran = models.ForeignKey(Sasaran, on_delete=models.PROTECT, related_name="targets")
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)  # optimistic locking: bumped on every change
    name = models.TextField(_("nama indikator"), default="")
    unused = models.TextField(_("alasan tidak digunakan tahun ini"), blank=True, default="")
    unit = models.CharField(_("satuan"), max_length=100, blank=True, default="")
    direction = models.CharField(_("arah"), max_length=10, default=Direction.HIGHER.value)
    cumulation = models.CharField(_("akumulasi"), max_length=10, default=Cumulation.LAST.value)
    settings_version = models.PositiveIntegerField(default=0)
    # the indicator's description that year (kinerja.core.year.YEAR_INFO), printed in that year's LKjIP
    definition = models.TextField(_("definisi / rumus"), blank=True, default="")
    data_source = models.CharField(_("sumber data"), max_length=300, blank=True, default="")
    responsible = models.CharField(_("penanggung jawab"), max_length=200, blank=True, default="")
    is_iku = models.BooleanField(_("IKU"), default=False)
    standard = models.DecimalField(_("standar nasional"), **FIGURE)
    standard_source = models.CharField(_("dasar standar nasional"), max_length=300, blank=True, default="")
    info_version = models.PositiveIntegerField(default=0)
    # the name as compared across agencies and regions (kinerja.core.names.normalize_name), kept by save()
    name_key = models.CharField(max_length=300, blank=True, default="", editable=False)

    class Meta:
        ordering = ["year", "position"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="target_per_year")]
        indexes = [models.Index(fields=["year", "name_key"], name="target_year_name_key")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.raw or self.value}"

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        fields = kwargs.get("update_fields")
        if fields is not None and "name" in fields:
            kwargs["update_fields"] = {*fields, "name_key"}
        super().save(*args, **kwargs)


class EndTarget(models.Model):
    """The end-of-plan (Renstra) target of an indicator."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="end_targets")
    plan = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="end_targets")
    value = models.DecimalField(_("target akhir"), **FIGURE)
    raw = models.CharField(max_length=200, blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "plan"], name="end_target_per_plan")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.plan}: {self.raw or self.value}"


class RenstraTarget(models.Model):
    """A yearly Renstra target of an indicator, or its baseline (kondisi awal: the year before the plan)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="renstra_targets")
    plan = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="yearly_targets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.DecimalField(_("target Renstra"), **FIGURE)
    raw = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "plan", "year"], name="renstra_target_per_year")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.raw or self.value}"


class RenstraProgram(models.Model):
    """A programme or kegiatan of the Renstra: code, indicator and unit, a volume target for each year
    of the plan, the end target and the pagu (five-year budget)."""

    class Level(models.TextChoices):
        PROGRAM = "program", _("program")
        KEGIATAN = "kegiatan", _("kegiatan")

    plan = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="programs")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices)
    code = models.CharField(_("kode"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=500)
    indicator = models.TextField(_("indikator"), blank=True)
    unit = models.CharField(_("satuan"), max_length=100, blank=True)
    targets = models.JSONField(_("target per tahun"), default=dict, blank=True)  # {"2016": "40", …} as Decimal text
    end_target = models.DecimalField(_("target akhir"), **FIGURE)
    pagu = models.DecimalField(_("pagu"), max_digits=20, decimal_places=2, null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class TujuanIndicator(models.Model):
    """An indicator of a Renstra tujuan (indikator tujuan): baseline, yearly targets and end target."""

    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="indicators")
    name = models.TextField(_("indikator tujuan"))
    unit = models.CharField(_("satuan"), max_length=100, blank=True)
    baseline = models.DecimalField(_("kondisi awal"), **FIGURE)
    targets = models.JSONField(_("target per tahun"), default=dict, blank=True)  # {"2016": "62.5", …}
    end_target = models.DecimalField(_("target akhir"), **FIGURE)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["tujuan", "position", "id"]

    def __str__(self) -> str:
        return self.name


class RenstraVersion(models.Model):
    """A revision of the Renstra, kept as it stood: its sasaran, indicators with baseline, yearly and end
    targets, and its programmes, as JSON, with the reason for the revision."""

    plan = models.ForeignKey(PlanPeriod, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("versi"))
    reason = models.TextField(_("alasan"))
    content = models.JSONField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="renstra_version_once")]

    def __str__(self) -> str:
        return f"{self.plan} versi {self.number}"


class Realisation(models.Model):
    """A realisation for a year (quarter 0) or a quarter (triwulan 1–4)."""

    YEAR = 0
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="realisations")
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"), default=YEAR)
    value = models.DecimalField(_("realisasi"), **FIGURE)
    raw = models.CharField(_("tertulis"), max_length=200, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    evidence = models.FileField(_("bukti"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    version = models.PositiveIntegerField(default=0)
    note_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "quarter"], name="realisation_per_period"),
            models.CheckConstraint(condition=Q(quarter__lte=4), name="realisation_quarter_range"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}/{self.quarter}: {self.raw or self.value}"


class Budget(models.Model):
    """An agency's budget (anggaran) and its realisation for a year."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    anggaran = models.DecimalField(_("anggaran"), max_digits=20, decimal_places=2, null=True, blank=True)
    realisasi = models.DecimalField(_("realisasi anggaran"), max_digits=20, decimal_places=2, null=True, blank=True)
    anggaran_raw = models.CharField(max_length=100, blank=True)
    realisasi_raw = models.CharField(max_length=100, blank=True)
    waiver = models.TextField(_("alasan anggaran belum dicatat"), blank=True, default="")
    version = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="budget_per_year")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"


class BudgetItem(models.Model):
    """Budget by program and kegiatan (optional detail of Budget)."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="items")
    program = models.CharField(_("program"), max_length=300)
    kegiatan = models.CharField(_("kegiatan"), max_length=300, blank=True)
    anggaran = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    realisasi = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    sasaran = models.ForeignKey(Sasaran, on_delete=models.SET_NULL, null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.program} {self.kegiatan}".strip()


class AgencyYear(models.Model):
    """An agency's performance year: its state in the yearly cycle and who signed it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draf")
        SUBMITTED = "submitted", _("diajukan")
        RETURNED = "returned", _("dikembalikan")
        VERIFIED = "verified", _("diverifikasi")
        APPROVED = "approved", _("disetujui dan ditandatangani")
        PUBLISHED = "published", _("dipublikasikan")

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("tahun"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    signatory = models.ForeignKey(Official, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    signed_place = models.CharField(max_length=100, blank=True)
    signed_on = models.DateField(null=True, blank=True)
    # the signature block as the year was signed (Official.as_signed): a later promotion or new title of the
    # official does not move it
    signer = models.JSONField(null=True, blank=True, editable=False)
    # The version the public reads while the year is reopened (kinerja.core.snapshot), and when it was published.
    published = models.JSONField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_count = models.PositiveIntegerField(default=0, editable=False)
    # Mean capaian of the used lines (with the configured cap), kept by store.apply, and of the published
    # version, kept by publishing: pages above one region rank thousands of years without loading a line.
    # ``average_basis`` names the cap they were worked out with (averages.basis()); any other value, the
    # empty default included, means "work them out again on the next read" (rows written before, a new cap).
    average = models.DecimalField(max_digits=40, decimal_places=4, null=True, blank=True, editable=False)
    published_average = models.DecimalField(max_digits=40, decimal_places=4, null=True, blank=True, editable=False)
    average_basis = models.CharField(max_length=40, blank=True, default="", editable=False)

    class Meta:
        ordering = ["agency", "year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="agency_year_unique")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}"

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED or self.published_at is not None

    @property
    def reopened(self) -> bool:
        """Published once, and reopened by an admin since: the public reads the published version."""
        # published_at is set with the published version: lists may defer the (large) version itself
        return self.published_at is not None and self.status != self.Status.PUBLISHED


class ReopenRequest(models.Model):
    """An operator's or head's request that an admin reopen a locked year, with the reason; open until
    the year is reopened."""

    agency_year = models.ForeignKey(AgencyYear, on_delete=models.CASCADE, related_name="reopen_requests")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("alasan"))
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("permintaan buka kembali")
        verbose_name_plural = _("permintaan buka kembali")

    def __str__(self) -> str:
        return f"{self.agency_year}: {self.reason[:60]}"


class ReviewComment(models.Model):
    """A reviewer's or head's comment on one indicator of a year (or on the year as a whole), visible
    on that indicator until the operator answers it."""

    agency_year = models.ForeignKey(AgencyYear, on_delete=models.CASCADE, related_name="comments")
    indicator = models.ForeignKey(
        "Indicator", on_delete=models.CASCADE, null=True, blank=True, related_name="review_comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("komentar"))
    created_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("jawaban"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("komentar reviu")
        verbose_name_plural = _("komentar reviu")
        indexes = [models.Index(fields=["agency_year", "indicator"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def open(self) -> bool:
        return not self.answer


class SourceFile(models.Model):
    """An imported file: name, content hash, when, by whom."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="source_files")
    name = models.CharField(max_length=300)
    sha256 = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    # the columns a person named when the file was read through them (kinerja.readers.mapping.ColumnMap.as_dict)
    columns = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-imported_at"]
        constraints = [models.UniqueConstraint(fields=["agency", "sha256"], name="source_file_once")]

    def __str__(self) -> str:
        return self.name

    @property
    def mapping_said(self) -> str:
        """How the file was read, when its columns were named by hand; empty otherwise."""
        if not self.columns:
            return ""
        from kinerja.readers.mapping import ColumnMap, describe

        return describe(ColumnMap.from_dict(self.columns))


class SourceTable(models.Model):
    """One table read from a file (a year's form, or an LKjIP table)."""

    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="tables")
    index = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=30)
    year = models.PositiveSmallIntegerField(null=True)

    class Meta:
        ordering = ["file", "index"]

    def __str__(self) -> str:
        return f"{self.file} #{self.index} ({self.kind} {self.year})"


class ReportedFigure(models.Model):
    """A row exactly as a document reported it: kept so pages can show 'as reported'."""

    table = models.ForeignKey(SourceTable, on_delete=models.CASCADE, related_name="figures")
    row = models.PositiveIntegerField()
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="reported")
    year = models.PositiveSmallIntegerField()
    name = models.TextField()
    unit = models.CharField(max_length=100, blank=True)
    target_raw = models.CharField(max_length=200, blank=True)
    realisasi_raw = models.CharField(max_length=200, blank=True)
    capaian_raw = models.CharField(max_length=50, blank=True)
    capaian = models.DecimalField(**FIGURE)
    capaian_decimals = models.PositiveSmallIntegerField(default=0)
    realisasi_prev_raw = models.CharField(max_length=200, blank=True)
    target_akhir_raw = models.CharField(max_length=200, blank=True)
    capaian_akhir_raw = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["table", "row"]
        constraints = [models.UniqueConstraint(fields=["table", "row"], name="reported_figure_per_row")]

    def __str__(self) -> str:
        return f"{self.table} baris {self.row + 1}"


class FindingRecord(models.Model):
    """A finding produced by an import, kept with where it applies."""

    file = models.ForeignKey(SourceFile, on_delete=models.CASCADE, related_name="findings")
    table = models.ForeignKey(SourceTable, on_delete=models.CASCADE, null=True, related_name="findings")
    figure = models.ForeignKey(ReportedFigure, on_delete=models.CASCADE, null=True, related_name="findings")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="findings")
    year = models.PositiveSmallIntegerField(null=True)
    code = models.CharField(max_length=50)
    severity = models.CharField(max_length=10)
    field = models.CharField(max_length=50, blank=True)
    reported = models.JSONField(null=True)
    expected = models.JSONField(null=True)
    message = models.TextField()
    # the message's template key and parameters (kinerja.core.messages), so it can be said in English
    said = models.JSONField(null=True, blank=True)
    resolved = models.BooleanField(default=False)
    explanation = models.TextField(_("penjelasan"), blank=True)

    class Meta:
        ordering = ["file", "table", "figure__row", "id"]
        indexes = [models.Index(fields=["agency", "year", "resolved"])]

    def __str__(self) -> str:
        return f"{self.code}: {self.message[:60]}"

    @property
    def sentence(self) -> Said:
        """The message as stored, able to be said in the page's language."""
        return Said(self.message, self.said)


class Membership(models.Model):
    """A user's role, for an agency (operator, head) or for the whole region (reviewer, admin)."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("admin")
        OPERATOR = "operator", _("operator")
        REVIEWER = "reviewer", _("reviewer")
        HEAD = "head", _("kepala perangkat daerah")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, null=True, blank=True, related_name="members")
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("pemerintah daerah"),
        help_text=_("untuk reviewer dan admin; diisi otomatis dari perangkat daerah untuk peran lain"),
    )

    class Meta:
        verbose_name = _("peran pengguna")
        verbose_name_plural = _("peran pengguna")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "agency"], condition=Q(agency__isnull=False), name="membership_unique_agency"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "region"], condition=Q(agency__isnull=True), name="membership_unique_region"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.role} {self.agency or ''}".strip()

    def save(self, *args, **kwargs):
        if self.agency_id is not None:
            self.region_id = Agency.objects.values_list("region_id", flat=True).get(pk=self.agency_id)
        super().save(*args, **kwargs)

    def clean(self):
        if self.role in (self.Role.OPERATOR, self.Role.HEAD) and self.agency_id is None:
            raise ValidationError(_("Operator dan kepala perangkat daerah memerlukan perangkat daerah."))
        if self.agency_id is None and self.region_id is None:
            raise ValidationError(_("Pilih pemerintah daerah untuk peran ini."))


class AuditEvent(models.Model):
    """Who changed what, when, from what to what. Written once, never changed or deleted."""

    class Action(models.TextChoices):
        CREATE = "create", _("buat")
        UPDATE = "update", _("ubah")
        DELETE = "delete", _("hapus")
        WORKFLOW = "workflow", _("alur kerja")
        IMPORT = "import", _("impor")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    # the region the change belongs to: the agency's, or the region itself for its RPJMD
    region = models.ForeignKey("Region", on_delete=models.CASCADE, related_name="audit_events", null=True)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="audit_events", null=True)
    year = models.PositiveSmallIntegerField(null=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=50)
    object_id = models.BigIntegerField(null=True)
    indicator_id = models.BigIntegerField(null=True, db_index=True)  # the indicator concerned, kept after deletion
    origin = models.CharField(max_length=20, blank=True)  # form, excel, import, import-published, renstra, cycle
    label = models.CharField(max_length=500, blank=True)
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["agency", "year", "at"]), models.Index(fields=["region", "origin", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.object_type} {self.label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("jejak audit tidak dapat diubah")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("jejak audit tidak dapat dihapus")


class EntryWindow(models.Model):
    """When entry opens and closes for a year's targets (quarter 0) or a quarter's realisations."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="entry_windows", verbose_name=_("pemerintah daerah")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"), help_text=_("0 = target dan angka tahunan"))
    opens_at = models.DateTimeField(_("dibuka"))
    closes_at = models.DateTimeField(_("ditutup"))

    class Meta:
        verbose_name = _("jendela entri")
        verbose_name_plural = _("jendela entri")
        ordering = ["region", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "quarter"], name="entry_window_once"),
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="entry_window_order"),
            models.CheckConstraint(condition=Q(quarter__lte=4), name="entry_window_quarter"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year} TW {self.quarter}: {self.opens_at:%d-%m-%Y} – {self.closes_at:%d-%m-%Y}"


class WindowReopening(models.Model):
    """An admin's exception: an agency may still enter a closed quarter until a date, for a reason."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="reopenings")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    until = models.DateTimeField()
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("pembukaan kembali jendela entri")
        verbose_name_plural = _("pembukaan kembali jendela entri")

    def __str__(self) -> str:
        return f"{self.agency} {self.year} TW {self.quarter} s/d {self.until:%d-%m-%Y}"


class ReminderSent(models.Model):
    """A reminder already sent, so it is sent once per window and agency."""

    window = models.ForeignKey(EntryWindow, on_delete=models.CASCADE)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["window", "agency"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.window} {self.agency}"


class LoginThrottle(models.Model):
    """Failed logins counted per account, per address and per account at an address, in the database
    so that every app server sees the same counts (kinerja.web.performance.throttle)."""

    key = models.CharField(_("kunci"), max_length=300, unique=True)  # "akun:ani", "alamat:10.0.0.1", "pasangan:…"
    failures = models.PositiveIntegerField(_("gagal"), default=0)
    last_failure = models.DateTimeField(_("gagal terakhir"))
    blocked_until = models.DateTimeField(_("ditahan sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("penahanan login")
        verbose_name_plural = _("penahanan login")
        ordering = ["-last_failure"]

    def __str__(self) -> str:
        return self.key


from .models_agreement import (  # noqa: E402, F401  (the PK records and their Rencana Aksi)
    ActionQuarter,
    Agreement,
    AgreementBudget,
    AgreementItem,
    OrgUnit,
)
from .models_evaluation import Evaluation, Recommendation  # noqa: E402, F401
from .models_lkjip import LkjipText  # noqa: E402, F401
from .models_renja import RenjaEvaluation, RenjaRow  # noqa: E402, F401
from .models_rpjmd import (  # noqa: E402, F401
    RegionMeasurement,
    Rpjmd,
    RpjmdIndicator,
    RpjmdSasaran,
    RpjmdTarget,
    RpjmdTujuan,
)
from .models_rules import RuleTerm, ValidationRule  # noqa: E402, F401
from .models_scales import CategoryScale  # noqa: E402, F401
