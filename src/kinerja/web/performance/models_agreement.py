"""Organisation units and the Perjanjian Kinerja of each official: signed, versioned records that
cascade from the head of agency down to the kepala seksi (kinerja.core.agreement holds the rules;
agreements.py writes them)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.core.agreement import BudgetKind, Level, RevisionReason

FIGURE = {"max_digits": 24, "decimal_places": 6, "null": True, "blank": True}


class OrgUnit(models.Model):
    """A unit of an agency: sekretariat, bidang, subbagian, seksi or UPTD, with its head."""

    class Kind(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("sekretariat")
        BIDANG = "bidang", _("bidang")
        SUBBAGIAN = "subbagian", _("subbagian")
        SEKSI = "seksi", _("seksi")
        UPTD = "uptd", _("UPTD")

    agency = models.ForeignKey("Agency", on_delete=models.CASCADE, related_name="units")
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children", verbose_name=_("induk")
    )
    name = models.CharField(_("nama unit"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    head = models.ForeignKey(
        "Official", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("kepala unit")
    )
    position = models.PositiveIntegerField(default=0)
    illustrative = models.BooleanField(default=False, editable=False)  # built by `kinerja demo`

    class Meta:
        ordering = ["agency", "position", "id"]
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="org_unit_unique_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def level(self) -> Level:
        return Level.ESELON_III if self.kind in (self.Kind.SEKRETARIAT, self.Kind.BIDANG) else Level.ESELON_IV


class Agreement(models.Model):
    """One version of one official's Perjanjian Kinerja for a year. Signed versions never change:
    ``content`` keeps what was signed and ``pdf`` the signed file; a revision is a new version."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draf")
        SIGNED = "signed", _("ditandatangani")
        REPLACED = "replaced", _("diganti perubahan")

    agency = models.ForeignKey("Agency", on_delete=models.CASCADE, related_name="agreements")
    year = models.PositiveSmallIntegerField(_("tahun"))
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=[(lv.value, lv.label) for lv in Level])
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="agreements", verbose_name=_("unit")
    )
    first_party = models.ForeignKey(
        "Official", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("pihak pertama")
    )
    second_party = models.ForeignKey(
        "Official", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("pihak kedua")
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("PK atasan")
    )
    number = models.CharField(_("nomor"), max_length=100, blank=True)
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by", editable=False
    )
    revision_reason = models.CharField(
        _("alasan perubahan"), max_length=20, blank=True, choices=[(r.value, r.label) for r in RevisionReason]
    )
    revision_note = models.TextField(_("penjelasan perubahan"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    signed_on = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    signed_place = models.CharField(max_length=100, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    content = models.JSONField(null=True, blank=True, editable=False)  # what was signed (core.agreement as JSON)
    pdf = models.FileField(upload_to="pk/", blank=True, editable=False)
    pdf_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # built by `kinerja demo` where the sample documents hold no PK: shown as illustrative everywhere
    illustrative = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["agency", "year", "level", "id"]
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=1), name="agreement_version_positive"),
            models.CheckConstraint(condition=Q(level__gte=2) & Q(level__lte=4), name="agreement_level_range"),
        ]
        indexes = [models.Index(fields=["agency", "year"])]

    def __str__(self) -> str:
        return f"PK {self.year} {self.first_party or self.get_level_display()} v{self.version}"

    @property
    def is_signed(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def title(self) -> str:
        return "PERJANJIAN KINERJA PERUBAHAN" if self.version > 1 else "PERJANJIAN KINERJA"

    @property
    def level_enum(self) -> Level:
        return Level(self.level)


class AgreementItem(models.Model):
    """One indicator of a PK, with its target, the Rencana Aksi quarters, and the indicator of the PK
    above that it supports (the cascade)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    sasaran = models.TextField(_("sasaran"))
    indicator = models.TextField(_("indikator kinerja"))
    unit = models.CharField(_("satuan"), max_length=100, blank=True)
    target = models.DecimalField(_("target"), **FIGURE)
    target_raw = models.CharField(max_length=200, blank=True)
    is_iku = models.BooleanField(_("IKU"), default=False)
    measured = models.ForeignKey(
        "Indicator", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("indikator yang diukur"),
    )  # fmt: skip
    supports = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supporters",
        verbose_name=_("mendukung indikator"),
    )  # fmt: skip
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", editable=False
    )
    plan_reason = models.TextField(_("alasan target triwulan"), blank=True)  # Rencana Aksi that does not add up

    class Meta:
        ordering = ["agreement", "position", "id"]

    def __str__(self) -> str:
        return self.indicator


class AgreementBudget(models.Model):
    """A programme (eselon II), kegiatan (III) or sub kegiatan (IV) of a PK, with its anggaran."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="budget")
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=[(k.value, k.label) for k in BudgetKind])
    code = models.CharField(_("kode"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=300)
    anggaran = models.DecimalField(_("anggaran"), max_digits=20, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["agreement", "position", "id"]

    def __str__(self) -> str:
        return self.name


class ActionQuarter(models.Model):
    """Rencana Aksi: one quarter's target and budget for a PK indicator (kinerja.core.action_plan)."""

    item = models.ForeignKey(AgreementItem, on_delete=models.CASCADE, related_name="quarters")
    quarter = models.PositiveSmallIntegerField(_("triwulan"))
    target = models.DecimalField(_("target"), **FIGURE)
    anggaran = models.DecimalField(_("anggaran"), max_digits=20, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["item", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["item", "quarter"], name="action_quarter_once"),
            models.CheckConstraint(condition=Q(quarter__gte=1) & Q(quarter__lte=4), name="action_quarter_range"),
        ]

    def __str__(self) -> str:
        return f"{self.item} TW {self.quarter}"
