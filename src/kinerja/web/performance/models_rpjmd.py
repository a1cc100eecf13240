"""The RPJMD: a region's five-year plan (tujuan, sasaran and their IKU with yearly and end targets),
which each agency's Renstra sasaran serves (Sasaran.rpjmd_sasaran)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

FIGURE = {"max_digits": 24, "decimal_places": 6, "null": True, "blank": True}


class Rpjmd(models.Model):
    region = models.ForeignKey("Region", on_delete=models.CASCADE, related_name="rpjmd")
    start_year = models.PositiveSmallIntegerField(_("tahun awal"))
    end_year = models.PositiveSmallIntegerField(_("tahun akhir"))
    illustrative = models.BooleanField(default=False, editable=False)  # built by `kinerja demo`

    class Meta:
        ordering = ["region", "-start_year"]
        verbose_name = _("RPJMD")
        verbose_name_plural = _("RPJMD")
        constraints = [
            models.UniqueConstraint(fields=["region", "start_year", "end_year"], name="rpjmd_unique_period"),
            models.CheckConstraint(condition=Q(end_year__gte=models.F("start_year")), name="rpjmd_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"RPJMD {self.start_year}–{self.end_year}"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))


class RpjmdTujuan(models.Model):
    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="tujuan")
    name = models.TextField(_("tujuan"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["rpjmd", "position", "id"]

    def __str__(self) -> str:
        return self.name


class RpjmdSasaran(models.Model):
    tujuan = models.ForeignKey(RpjmdTujuan, on_delete=models.CASCADE, related_name="sasaran")
    name = models.TextField(_("sasaran"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["tujuan", "position", "id"]

    def __str__(self) -> str:
        return self.name


class RpjmdIndicator(models.Model):
    """An IKU of the regional government: baseline, a target for each year of the plan, end target."""

    sasaran = models.ForeignKey(RpjmdSasaran, on_delete=models.CASCADE, related_name="indicators")
    name = models.TextField(_("indikator"))
    unit = models.CharField(_("satuan"), max_length=100, blank=True)
    baseline = models.DecimalField(_("kondisi awal"), **FIGURE)
    end_target = models.DecimalField(_("target akhir"), **FIGURE)
    position = models.PositiveIntegerField(default=0)
    # the agency indicator whose realisation is this IKU's (one of an agency sasaran serving its sasaran)
    measured_by = models.ForeignKey(
        "Indicator", on_delete=models.SET_NULL, null=True, blank=True, related_name="rpjmd_measures"
    )

    class Meta:
        ordering = ["sasaran", "position", "id"]

    def __str__(self) -> str:
        return self.name


class RpjmdTarget(models.Model):
    indicator = models.ForeignKey(RpjmdIndicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.DecimalField(_("target"), **FIGURE)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="rpjmd_target_per_year")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}"
