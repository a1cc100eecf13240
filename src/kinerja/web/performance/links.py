"""Indicator links: two records that are the same indicator under different names, confirmed or
rejected by a person (suggested by an import when the names are similar but not the same)."""

from __future__ import annotations

from django.db import transaction

from . import audit
from .models import (
    AuditEvent,
    EndTarget,
    Indicator,
    LinkSuggestion,
    MergedIndicator,
    Realisation,
    ReportedFigure,
    Target,
)
from .services import ImportRefused


def confirm_link(suggestion: LinkSuggestion, user=None) -> Indicator:
    """Merge the suggested indicator into its candidate: the same indicator under another name.
    Each year keeps the name it had; the merged id's history stays with the kept indicator."""
    with transaction.atomic():
        keep, merge = suggestion.candidate, suggestion.indicator
        clash = set(Target.objects.filter(indicator=merge).values_list("year", flat=True)) & set(
            Target.objects.filter(indicator=keep).values_list("year", flat=True)
        )
        if clash:
            raise ImportRefused(
                f"Tidak dapat digabung: kedua indikator punya target untuk tahun {', '.join(map(str, sorted(clash)))}."
            )
        years = sorted(set(Target.objects.filter(indicator=merge).values_list("year", flat=True)))
        for model in (Target, Realisation, ReportedFigure, EndTarget):
            model.objects.filter(indicator=merge).update(indicator=keep)
        MergedIndicator.objects.filter(into=merge).update(into=keep)
        MergedIndicator.objects.create(old_id=merge.id, into=keep)
        for year in years:
            audit.record(
                user=user, agency=keep.agency, year=year, action=AuditEvent.Action.UPDATE, obj=keep,
                indicator_id=keep.id, label=f"tautan indikator: {merge.name} = {keep.name}",
                before={"indikator": merge.id}, after={"indikator": keep.id}, origin="link",
            )  # fmt: skip
        latest = Target.objects.filter(indicator=keep).order_by("-year").first()
        if latest is not None and latest.name and latest.name != keep.name:
            keep.name = latest.name
            keep.save(update_fields=["name"])
        LinkSuggestion.objects.filter(candidate=merge).update(candidate=keep)
        merge.delete()  # its suggestions, this one included, go with it
        return keep


def reject_link(suggestion: LinkSuggestion) -> None:
    suggestion.status = LinkSuggestion.Status.REJECTED
    suggestion.save(update_fields=["status"])
