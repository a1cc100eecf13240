"""A region's own achievement-category scale, in force from a year on (kinerja.core.categories reads it).

Versions, not edits of one scale: the scale of a year is the version with the latest ``from_year`` not
after it, and the Permendagri scale before the first. Once a year of the region is signed or published,
the versions that decide its categories can no longer change (scales.check_change)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.categories import MAX_TEXT

HELP = _(
    "Satu kategori per baris, dari yang tertinggi: batas bawah capaian (%) | kode | nama, misalnya "
    "'90 | ST | Sangat Tinggi'. Kategori terendah tanpa batas bawah: ' | SR | Sangat Rendah'."
)


class CategoryScale(models.Model):
    region = models.ForeignKey(
        "Region", on_delete=models.CASCADE, related_name="category_scales", verbose_name=_("pemerintah daerah")
    )
    from_year = models.PositiveSmallIntegerField(_("berlaku sejak tahun"))
    bands = models.TextField(
        _("kategori"),
        max_length=MAX_TEXT,
        help_text=HELP,
    )
    note = models.CharField(_("dasar penetapan"), max_length=300, blank=True, help_text=_("misalnya Perbup 12/2024"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        verbose_name = _("skala kategori capaian")
        verbose_name_plural = _("skala kategori capaian")
        ordering = ["region", "from_year"]
        constraints = [models.UniqueConstraint(fields=["region", "from_year"], name="category_scale_once")]

    def __str__(self) -> str:
        return f"{self.region} sejak {self.from_year}"
