"""The Renja of an agency's year as the Evaluasi Renja of Permendagri 86/2017 needs it: programmes,
kegiatan and sub kegiatan with codes, indicators, targets and quarterly realisations in volume (K)
and money (Rp). kinerja.core.renja computes the evaluation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

FIGURE = {"max_digits": 24, "decimal_places": 6, "null": True, "blank": True}
MONEY = {"max_digits": 20, "decimal_places": 2, "null": True, "blank": True}


class RenjaRow(models.Model):
    class Level(models.TextChoices):
        PROGRAM = "program", _("program")
        KEGIATAN = "kegiatan", _("kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("sub kegiatan")

    agency = models.ForeignKey("Agency", on_delete=models.CASCADE, related_name="renja_rows")
    year = models.PositiveSmallIntegerField(_("tahun"))
    position = models.PositiveIntegerField(default=0)
    level = models.CharField(_("tingkat"), max_length=12, choices=Level.choices)
    code = models.CharField(_("kode"), max_length=40, blank=True)
    name = models.CharField(_("nama"), max_length=500)
    sasaran = models.TextField(_("sasaran"), blank=True)
    indicator = models.TextField(_("indikator"), blank=True)
    unit = models.CharField(_("satuan"), max_length=100, blank=True)
    cumulation = models.CharField(max_length=10, default="sum")  # kinerja.core.model.Cumulation
    renstra_k = models.DecimalField(**FIGURE)
    renstra_rp = models.DecimalField(**MONEY)
    before_k = models.DecimalField(**FIGURE)
    before_rp = models.DecimalField(**MONEY)
    target_k = models.DecimalField(**FIGURE)
    target_rp = models.DecimalField(**MONEY)
    q1_k = models.DecimalField(**FIGURE)
    q1_rp = models.DecimalField(**MONEY)
    q2_k = models.DecimalField(**FIGURE)
    q2_rp = models.DecimalField(**MONEY)
    q3_k = models.DecimalField(**FIGURE)
    q3_rp = models.DecimalField(**MONEY)
    q4_k = models.DecimalField(**FIGURE)
    q4_rp = models.DecimalField(**MONEY)
    responsible = models.CharField(_("unit penanggung jawab"), max_length=200, blank=True)
    note = models.TextField(_("keterangan"), blank=True)
    illustrative = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["agency", "year", "position", "id"]
        indexes = [models.Index(fields=["agency", "year"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class RenjaEvaluation(models.Model):
    """The footer of the year's Evaluasi Renja: what helped, what hindered, what follows."""

    agency = models.ForeignKey("Agency", on_delete=models.CASCADE, related_name="renja_evaluations")
    year = models.PositiveSmallIntegerField(_("tahun"))
    supporting = models.TextField(_("faktor pendorong"), blank=True)
    hindering = models.TextField(_("faktor penghambat"), blank=True)
    follow_up = models.TextField(_("tindak lanjut"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="renja_evaluation_once")]

    def __str__(self) -> str:
        return f"Evaluasi Renja {self.agency} {self.year}"
