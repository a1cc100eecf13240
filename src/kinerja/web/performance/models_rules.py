"""Validation rules between an agency's indicators, as people define them (kinerja.core.validation
checks them): two sums of one figure compared, with a strategy for missing figures and a severity."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ValidationRule(models.Model):
    class Field(models.TextChoices):
        REALISASI = "realisasi", _("realisasi")
        TARGET = "target", _("target")

    class Operator(models.TextChoices):
        EQ = "=", "="
        NE = "≠", "≠"
        LT = "<", "<"
        LE = "≤", "≤"
        GT = ">", ">"
        GE = "≥", "≥"
        COMPULSORY_PAIR = "compulsory_pair", _("diisi bersama (bila satu sisi diisi, sisi lain juga)")
        EXCLUSIVE_PAIR = "exclusive_pair", _("tidak diisi bersama (paling banyak satu sisi diisi)")

    class Missing(models.TextChoices):
        SKIP_IF_ANY = "skip_if_any", _("lewati bila ada angka yang kosong")
        SKIP_IF_ALL = "skip_if_all", _("lewati bila semua angka satu sisi kosong (yang lain dihitung 0)")
        NEVER_SKIP = "never_skip", _("selalu periksa (angka kosong dihitung 0)")

    class Severity(models.TextChoices):
        WARNING = "warning", _("peringatan")
        ERROR = "error", _("galat")

    agency = models.ForeignKey("Agency", on_delete=models.CASCADE, related_name="validation_rules")
    name = models.CharField(_("nama aturan"), max_length=200)
    field = models.CharField(_("angka yang diperiksa"), max_length=10, choices=Field.choices, default=Field.REALISASI)
    operator = models.CharField(_("pembanding"), max_length=16, choices=Operator.choices)
    missing = models.CharField(
        _("bila ada angka kosong"), max_length=12, choices=Missing.choices, default=Missing.SKIP_IF_ANY
    )
    severity = models.CharField(_("tingkat"), max_length=8, choices=Severity.choices, default=Severity.WARNING)
    # set by the region's Bappeda or an admin: only they remove it (an operator cannot lift a check set on them)
    by_region = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class RuleTerm(models.Model):
    """One indicator on one side of a rule, added (+1) or subtracted (−1). It follows its indicator when
    a link merges that indicator into another (links.confirm_link)."""

    rule = models.ForeignKey(ValidationRule, on_delete=models.CASCADE, related_name="terms")
    indicator = models.ForeignKey("Indicator", on_delete=models.CASCADE, related_name="+")
    side = models.CharField(max_length=5, choices=[("left", "left"), ("right", "right")])
    sign = models.SmallIntegerField(default=1)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["side", "position", "id"]

    def __str__(self) -> str:
        return f"{'+' if self.sign > 0 else '−'} {self.indicator_id} ({self.side})"
