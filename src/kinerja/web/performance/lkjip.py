"""The LKjIP text of an agency's year: written by its operators (and admins) while the year is editable,
like the figures it explains; every save audited with what changed; kept as published when the year is
published (cycle), so that the public reads that text while an admin has the year reopened. Read as
kinerja.reports.data.Narrative for the report builder."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils.translation import gettext

from kinerja.core import workflow
from kinerja.core.text import check_text
from kinerja.core.workflow import Refused
from kinerja.reports.data import Narrative

from . import audit
from .access import require_edit, roles_for
from .models import AgencyYear, AuditEvent, LkjipText

SECTIONS = {
    "summary": "Ikhtisar eksekutif",
    "introduction": "Latar belakang dan organisasi",
    "duties": "Tugas pokok dan fungsi",
    "issues": "Isu strategis",
    "closing": "Penutup",
}
ANALYSIS = {"causes": "Penyebab keberhasilan atau kegagalan", "solutions": "Solusi dan langkah ke depan"}
MAX_SECTION = 20000  # characters of one part: about six pages
MAX_SASARAN = 200


def _typed(value, label: str) -> str:
    text = str(value if value is not None else "").replace("\r\n", "\n").strip()
    check_text(text, label, MAX_SECTION)
    return text


def _fields(record: LkjipText | None) -> dict:
    if record is None:
        return {**dict.fromkeys(SECTIONS, ""), "analyses": {}}
    return {**{name: getattr(record, name) for name in SECTIONS}, "analyses": dict(record.analyses)}


def save(user, agency_year: AgencyYear, data: Mapping, *, sasaran: Iterable[str], seen_version: int | None) -> int:
    """Write what was typed, or refuse with the reason; returns the new version. ``sasaran`` are the year's
    sasaran (the form sends ``causes_<n>``/``solutions_<n>`` for the n-th, and its name in ``sasaran_<n>``
    so that a sasaran renamed meanwhile is refused rather than given another's analysis)."""
    require_edit(user, agency_year.agency)
    sasaran = list(sasaran)
    texts = {name: _typed(data.get(name, ""), label) for name, label in SECTIONS.items()}
    analyses = {}
    for number, name in enumerate(sasaran[:MAX_SASARAN]):
        if f"sasaran_{number}" not in data:
            continue
        if data.get(f"sasaran_{number}") != name:
            raise Refused(
                gettext("Sasaran tahun ini berubah sejak halaman dibuka; muat ulang halaman lalu tulis lagi.")
            )
        analyses[name] = {
            key: _typed(data.get(f"{key}_{number}", ""), f"{label} ({name[:60]})") for key, label in ANALYSIS.items()
        }
    with transaction.atomic():
        locked = AgencyYear.objects.select_for_update(of=("self",)).select_related("agency").get(pk=agency_year.pk)
        if not workflow.editable(locked.status):
            raise Refused(
                gettext(
                    "Tahun %(locked_year)s sudah %(value)s: naskah LKjIP hanya dapat diubah selama tahun itu masih "
                    "draf atau dikembalikan."
                )
                % {"locked_year": locked.year, "value": locked.get_status_display()}
            )
        record = LkjipText.objects.select_for_update().filter(agency_year=locked).first()
        version = record.version if record is not None else 0
        if seen_version is not None and seen_version != version:
            who = record.updated_by.get_username() if record.updated_by else "orang lain"
            raise Refused(
                gettext(
                    "Naskah LKjIP telah diubah oleh %(who)s sejak halaman ini dibuka; yang Anda tulis belum disimpan."
                    " Salin tulisan Anda, muat ulang halaman, lalu gabungkan."
                )
                % {"who": who}
            )
        before = _fields(record)
        merged = dict(before["analyses"])
        for name, value in analyses.items():
            if any(value.values()):
                merged[name] = value
            else:
                merged.pop(name, None)
        after = {**texts, "analyses": merged}
        changed = [name for name in after if after[name] != before[name]]
        if not changed:
            return version
        if record is None:
            record = LkjipText(agency_year=locked)
        for name in SECTIONS:
            setattr(record, name, after[name])
        record.analyses = after["analyses"]
        record.version = version + 1
        record.updated_by = user
        record.save()
        audit.record(
            user=user, agency=locked.agency, year=locked.year, action=AuditEvent.Action.UPDATE, obj=record,
            label="naskah LKjIP: " + ", ".join(SECTIONS.get(name, "analisis per sasaran").lower() for name in changed),
            before={name: before[name] for name in changed}, after={name: after[name] for name in changed},
            origin="lkjip",
        )  # fmt: skip
    return record.version


def keep_published(agency_year: AgencyYear) -> None:
    """At publication: the text as published, which the public reads while the year is reopened."""
    record = LkjipText.objects.filter(agency_year=agency_year).first()
    if record is not None:
        record.published = _fields(record)
        record.save(update_fields=["published"])


def published_differences(agency_years: Iterable[AgencyYear]) -> dict[int, str]:
    """Of these years, those whose LKjIP text now differs from the text kept at publication, with the parts
    that differ (one query; for kinerja verify)."""
    out = {}
    records = LkjipText.objects.filter(agency_year__in=list(agency_years), published__isnull=False)
    for record in records:
        now, kept = _fields(record), record.published
        changed = [label.lower() for name, label in SECTIONS.items() if str(kept.get(name, "")) != now[name]]
        if dict(kept.get("analyses") or {}) != now["analyses"]:
            changed.append("analisis per sasaran")
        if changed:
            out[record.agency_year_id] = f"naskah LKjIP ({', '.join(changed)}) tersimpan berbeda dari versi terbit"
    return out


def _narrative(fields: Mapping | None) -> Narrative:
    if not fields:
        return Narrative()
    analyses = {
        name: (str(value.get("causes", "")), str(value.get("solutions", "")))
        for name, value in dict(fields.get("analyses") or {}).items()
        if isinstance(value, Mapping)
    }
    return Narrative(**{name: str(fields.get(name, "")) for name in SECTIONS}, analyses=analyses)


def narratives(user, agency_years: Iterable[AgencyYear]) -> dict[int, Narrative]:
    """What ``user`` reads of each year's text (one query): the live text, or the published one while the
    year is reopened and the user has no role in its agency (the rule of store.load_visible)."""
    agency_years = list(agency_years)
    records = {r.agency_year_id: r for r in LkjipText.objects.filter(agency_year__in=agency_years)}
    out = {}
    for ay in agency_years:
        record = records.get(ay.pk)
        if record is None:
            out[ay.pk] = Narrative()
        elif ay.reopened and not roles_for(user, ay.agency):
            out[ay.pk] = _narrative(record.published)
        else:
            out[ay.pk] = _narrative(_fields(record))
    return out


def version_of(agency_year: AgencyYear) -> int:
    return LkjipText.objects.filter(agency_year=agency_year).values_list("version", flat=True).first() or 0
