"""The Inspektorat's yearly SAKIP evaluation of an agency (LKE): the score of each part of the sheet, notes per
component, and recommendations that the agency answers with its follow-up (tindak lanjut)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Evaluation(models.Model):
    """One agency's evaluation for one performance year. ``scores`` maps a part key of the template
    (kinerja.core.evaluation) to the share given, as text ('87.5'); ``notes`` a component code to the
    evaluator's note. Final evaluations do not change unless an admin reopens them."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draf")
        FINAL = "final", _("ditetapkan")

    agency = models.ForeignKey("Agency", on_delete=models.CASCADE, related_name="evaluations")
    year = models.PositiveSmallIntegerField(_("tahun"))
    template = models.CharField(_("templat LKE"), max_length=20)
    scores = models.JSONField(default=dict)
    notes = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # exact: a part is weight (one decimal) × share (two) ÷ 100, so five decimals at most
    total = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True, editable=False)
    predikat = models.CharField(max_length=2, blank=True, editable=False)
    finalized_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["agency", "year"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="evaluation_once_a_year")]

    def __str__(self) -> str:
        return f"LKE {self.agency} {self.year}"


class Recommendation(models.Model):
    """A recommendation of the evaluation, and the agency's follow-up to it."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("rekomendasi"))
    follow_up = models.TextField(_("tindak lanjut"), blank=True)
    done = models.BooleanField(_("selesai ditindaklanjuti"), default=False)
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    follow_up_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["evaluation", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]
