"""The RPJMD: a region's five-year plan (tujuan, sasaran and their IKU with yearly and end targets),
which each agency's Renstra sasaran serves (Sasaran.rpjmd_sasaran)."""

from __future__ import annotations

from django.conf import settings
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

    def settled_years(self) -> list[int]:
        """The years whose Pengukuran Kinerja of the region is settled (RegionMeasurement): their targets are
        locked."""
        return sorted(self.measurements.filter(withdrawn_at=None).values_list("year", flat=True))


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


class RegionMeasurement(models.Model):
    """The regional government's Pengukuran Kinerja of one year of an RPJMD as settled (ditetapkan) by Bappeda
    for the head of region to sign: every IKU's target, realisation, capaian and progress as they stood, from
    the agencies' published figures, with the signature block of that year's head. The document of a settled
    year is printed from this content, whatever changes after; the year's RPJMD targets are locked until an
    admin withdraws the settlement with a reason (kept here and in the audit trail)."""

    plan = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="measurements")
    year = models.PositiveSmallIntegerField(_("tahun"))
    content = models.JSONField()  # kinerja.web.performance.rpjmd.settle
    settled_at = models.DateTimeField(_("ditetapkan"))
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    withdrawn_at = models.DateTimeField(_("dibatalkan"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    withdrawn_reason = models.TextField(_("alasan pembatalan"), blank=True)

    class Meta:
        ordering = ["plan", "year", "-settled_at"]
        verbose_name = _("penetapan pengukuran kinerja pemerintah daerah")
        verbose_name_plural = _("penetapan pengukuran kinerja pemerintah daerah")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"], condition=Q(withdrawn_at__isnull=True), name="one_settled_measurement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} {self.year}"
