"""The words of an agency's LKjIP that its figures cannot write (kinerja.reports.lkjip writes the rest)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class LkjipText(models.Model):
    """One agency year's LKjIP text: Bab I (background, duties, strategic issues), an analysis per sasaran
    (causes of success or failure, solutions), Bab IV and an optional paragraph for the ikhtisar eksekutif.
    It changes while the year is editable, like the figures it explains; ``published`` is the text as
    last published, which the public reads while an admin has the year reopened."""

    agency_year = models.OneToOneField("AgencyYear", on_delete=models.CASCADE, related_name="lkjip_text")
    summary = models.TextField(blank=True)
    introduction = models.TextField(blank=True)
    duties = models.TextField(blank=True)
    issues = models.TextField(blank=True)
    closing = models.TextField(blank=True)
    analyses = models.JSONField(default=dict)  # sasaran → {"causes": …, "solutions": …}
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published = models.JSONField(null=True, blank=True, editable=False)

    def __str__(self) -> str:
        return f"LKjIP {self.agency_year}"
