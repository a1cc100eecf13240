"""Indicator links: two records that are the same indicator under different names, confirmed or
rejected by a person (suggested by an import when the names are similar but not the same).

A link moves the suggested indicator's years onto the one it is the same as. That changes what earlier
years are compared with, so a link that reaches a year already under review, approved or published is
an admin's act with a written reason, as reopening that year would be; otherwise the agency's operator
decides. Each decision is audited; the command line (``kinerja links``) acts as the server's admin.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import workflow
from kinerja.core.text import check_text
from kinerja.core.workflow import Refused

from . import audit
from .access import is_admin, require_edit
from .models import (
    AgencyYear,
    AuditEvent,
    EndTarget,
    Indicator,
    LinkSuggestion,
    MergedIndicator,
    Realisation,
    ReportedFigure,
    RuleTerm,
    Target,
)

DECIDED = "Usulan tautan ini sudah diputuskan orang lain; muat ulang halaman."


@dataclass(frozen=True)
class Pending:
    """A suggestion as the links page shows it: both indicators with their years, and the years the link
    would reach that can no longer change without an admin."""

    suggestion: LinkSuggestion
    years: list[int]
    candidate_years: list[int]
    clash: list[int]
    locked: list[int]


def _years(*indicator_ids: int) -> dict[int, set[int]]:
    """The years each indicator has a target in, in one query."""
    years: dict[int, set[int]] = {i: set() for i in indicator_ids}
    for indicator_id, year in Target.objects.filter(indicator_id__in=indicator_ids).values_list("indicator_id", "year"):
        years[indicator_id].add(year)
    return years


def _touched(moved: set[int], kept: set[int], locked: set[int], brings_end_target: bool) -> list[int]:
    """Years beyond draft whose figures or documents a merge would change: the merged indicator's own
    years, the kept one's later years (they gain earlier years to compare with), and all the kept one's
    years when the merged one brings a Renstra end target (their progress toward it)."""
    touched = moved & locked
    if moved:
        touched |= {year for year in kept & locked if year > min(moved)}
    if brings_end_target:
        touched |= kept & locked
    return sorted(touched)


def _locked(agency) -> set[int]:
    statuses = AgencyYear.objects.filter(agency=agency).values_list("year", "status")
    return {year for year, status in statuses if not workflow.editable(status)}


def locked_years(keep: Indicator, merge: Indicator, years: dict[int, set[int]] | None = None) -> list[int]:
    """The years beyond draft that merging ``merge`` into ``keep`` would change (see _touched); ``years``
    when the caller has read both indicators' years already."""
    years = years if years is not None else _years(merge.pk, keep.pk)
    brings = EndTarget.objects.filter(indicator=merge).exists()
    return _touched(years[merge.pk], years[keep.pk], _locked(keep.agency_id), brings)


def pending(agency) -> list[Pending]:
    """The agency's suggestions still waiting for a person, the most similar first (four queries)."""
    suggestions = list(
        LinkSuggestion.objects.filter(indicator__agency=agency, status=LinkSuggestion.Status.PENDING)
        .select_related("indicator", "candidate")
        .order_by("-score", "id")
    )
    ids = {i for s in suggestions for i in (s.indicator_id, s.candidate_id)}
    years = _years(*ids)
    with_end = set(EndTarget.objects.filter(indicator_id__in=ids).values_list("indicator_id", flat=True))
    locked = _locked(agency)
    return [
        Pending(
            suggestion=s,
            years=sorted(years[s.indicator_id]),
            candidate_years=sorted(years[s.candidate_id]),
            clash=sorted(years[s.indicator_id] & years[s.candidate_id]),
            locked=_touched(years[s.indicator_id], years[s.candidate_id], locked, s.indicator_id in with_end),
        )
        for s in suggestions
    ]


def _decide(suggestion: LinkSuggestion, user) -> LinkSuggestion:
    """The suggestion again, locked for this transaction, still pending, and the user allowed to decide."""
    if user is not None:
        require_edit(user, suggestion.indicator.agency)
    current = (
        LinkSuggestion.objects.select_for_update(of=("self",))
        .select_related("indicator__agency", "candidate")
        .filter(pk=suggestion.pk, status=LinkSuggestion.Status.PENDING)
        .first()
    )
    if current is None:
        raise Refused(DECIDED)
    return current


def confirm_link(suggestion: LinkSuggestion, user=None, *, reason: str = "") -> Indicator:
    """Merge the suggested indicator into its candidate: the same indicator under another name.
    Each year keeps the name it had; the merged id's history stays with the kept indicator.
    ``user`` None is the command line, acting as the server's admin."""
    reason = (reason or "").strip()
    check_text(reason, "Alasan", 2000)
    with transaction.atomic():
        suggestion = _decide(suggestion, user)
        keep, merge = suggestion.candidate, suggestion.indicator
        years = _years(merge.pk, keep.pk)
        clash = years[merge.pk] & years[keep.pk]
        if clash:
            listed = ", ".join(map(str, sorted(clash)))
            raise Refused(
                gettext(
                    "Tidak dapat digabung: kedua indikator punya target untuk tahun %(listed)s. Hapus dulu salah "
                    "satunya dari rencana tahun itu, lalu gabungkan."
                )
                % {"listed": listed}
            )
        locked = locked_years(keep, merge, years)
        if locked and user is not None:
            listed = ", ".join(map(str, locked))
            if not is_admin(user, keep.agency.region_id):
                raise Refused(
                    gettext(
                        "Tautan ini mengubah tahun %(listed)s yang sedang direviu, disetujui atau sudah "
                        "dipublikasikan; hanya admin yang dapat menautkannya, dengan alasan tertulis."
                    )
                    % {"listed": listed}
                )
            if not reason:
                raise Refused(
                    gettext("Tautan ini mengubah tahun %(listed)s yang sudah terkunci; tuliskan alasannya.")
                    % {"listed": listed}
                )
        moved = sorted(years[merge.pk])
        for model in (Target, Realisation, ReportedFigure, EndTarget, RuleTerm):
            model.objects.filter(indicator=merge).update(indicator=keep)
        MergedIndicator.objects.filter(into=merge).update(into=keep)
        MergedIndicator.objects.create(old_id=merge.id, into=keep)
        comment = reason or (f"tahun terkunci {', '.join(map(str, locked))}" if locked else "")
        for year in moved:
            audit.record(
                user=user, agency=keep.agency, year=year, action=AuditEvent.Action.UPDATE, obj=keep,
                indicator_id=keep.id, label=f"tautan indikator: {merge.name} = {keep.name}",
                before={"indikator": merge.id}, after={"indikator": keep.id}, origin="link", comment=comment,
            )  # fmt: skip
        latest = Target.objects.filter(indicator=keep).order_by("-year").first()
        if latest is not None and latest.name and latest.name != keep.name:
            keep.name = latest.name
            keep.save(update_fields=["name"])
        LinkSuggestion.objects.filter(candidate=merge).update(candidate=keep)
        merge.delete()  # its suggestions, this one included, go with it
        return keep


def reject_link(suggestion: LinkSuggestion, user=None) -> None:
    """Keep the two indicators apart; the suggestion is not offered again."""
    with transaction.atomic():
        suggestion = _decide(suggestion, user)
        suggestion.status = LinkSuggestion.Status.REJECTED
        suggestion.save(update_fields=["status"])
        indicator = suggestion.indicator
        audit.record(
            user=user, agency=indicator.agency, year=None, action=AuditEvent.Action.UPDATE, obj=suggestion,
            indicator_id=indicator.id,
            label=f"tautan indikator ditolak: {indicator.name} ≠ {suggestion.candidate.name}",
            before={"status": "pending"}, after={"status": "rejected"}, origin="link",
        )  # fmt: skip
