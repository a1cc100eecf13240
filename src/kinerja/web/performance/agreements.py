"""Writes of the Perjanjian Kinerja: drafts entered by the agency's operators, signed by the head of
agency (or an admin), revised only for an official reason into a new version. Every write is
audited; a signed version never changes (its content and PDF are kept as signed)."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from kinerja.core import agreement as rules
from kinerja.core.agreement import BudgetKind, Level, RevisionReason
from kinerja.core.workflow import Refused, Role
from kinerja.reports.agreement import AgreementData, BudgetData, ItemData

from . import audit, store, typed
from .access import can_edit, roles_for
from .cycle import sign_place
from .language import in_page_language
from .models import (
    Agency,
    AgencyYear,
    Agreement,
    AgreementBudget,
    AgreementItem,
    AuditEvent,
    BudgetItem,
    Official,
    OrgUnit,
)
from .reporting import person


def can_sign(user, agency) -> bool:
    return bool(roles_for(user, agency) & {Role.HEAD, Role.ADMIN})


def _require_edit(user, agreement: Agreement) -> None:
    if not can_edit(user, agreement.agency):
        raise PermissionDenied("Anda tidak berhak mengubah perjanjian kinerja perangkat daerah ini.")
    if agreement.is_signed:
        raise Refused(
            "Perjanjian kinerja ini sudah ditandatangani dan tidak dapat diubah; buat perubahan (PK Perubahan) "
            "dengan salah satu alasan resmi."
        )


def _log(user, agreement: Agreement, action, label: str, *, before=None, after=None, comment: str = "") -> None:
    audit.record(
        user=user, agency=agreement.agency, year=agreement.year, action=action, obj=agreement,
        label=f"PK {agreement}: {label}", before=before, after=after, comment=comment, origin="pk",
    )  # fmt: skip


def create(
    user, agency: Agency, year: int, level: Level, *, unit: OrgUnit | None = None, first_party: Official | None = None,
    second_party: Official | None = None, parent: Agreement | None = None,
) -> Agreement:  # fmt: skip
    """A draft PK. The head of agency's has no unit and no parent; a kepala bidang's or kepala seksi's
    points to its unit and to the PK it cascades from (one level up, same agency and year)."""
    if not can_edit(user, agency):
        raise PermissionDenied("Anda tidak berhak mengubah perjanjian kinerja perangkat daerah ini.")
    level = Level(level)
    for official in (first_party, second_party):
        if official is not None and not official.serves(agency):
            raise Refused(gettext("Pejabat itu bukan pejabat perangkat daerah ini."))
    if unit is not None and unit.agency_id != agency.pk:
        raise Refused(gettext("Unit itu bukan unit perangkat daerah ini."))
    if parent is not None:
        if parent.agency_id != agency.pk or parent.year != year:
            raise Refused(gettext("PK atasan harus PK perangkat daerah dan tahun yang sama."))
        if parent.level != level.value - 1:
            raise Refused(
                gettext("PK %(level_label)s menginduk pada PK satu tingkat di atasnya.")
                % {"level_label": in_page_language(level.label)}
            )
    if level is not Level.ESELON_II and parent is None:
        raise Refused(
            gettext("PK %(level_label)s harus menginduk pada PK atasannya.")
            % {"level_label": in_page_language(level.label)}
        )
    if unit is not None and first_party is None:
        first_party = unit.head
    if parent is not None and second_party is None:
        second_party = parent.first_party
    with transaction.atomic():
        agreement = Agreement.objects.create(
            agency=agency, year=year, level=level.value, unit=unit, first_party=first_party,
            second_party=second_party, parent=parent,
        )  # fmt: skip
        _log(user, agreement, AuditEvent.Action.CREATE, "dibuat", after={"tingkat": level.label})
    return agreement


def set_parties(user, agreement: Agreement, *, first_party: Official | None, second_party: Official | None) -> None:
    _require_edit(user, agreement)
    for official in (first_party, second_party):
        if official is not None and not official.serves(agreement.agency):
            raise Refused(gettext("Pejabat itu bukan pejabat perangkat daerah ini."))
    before = {"pihak pertama": str(agreement.first_party or ""), "pihak kedua": str(agreement.second_party or "")}
    agreement.first_party, agreement.second_party = first_party, second_party
    agreement.save(update_fields=["first_party", "second_party"])
    after = {"pihak pertama": str(first_party or ""), "pihak kedua": str(second_party or "")}
    _log(user, agreement, AuditEvent.Action.UPDATE, "para pihak", before=before, after=after)


def add_item(
    user, agreement: Agreement, *, sasaran: str, indicator: str, unit: str = "", target: str = "",
    is_iku: bool = False, supports: AgreementItem | None = None, measured=None,
) -> AgreementItem:  # fmt: skip
    _require_edit(user, agreement)
    if supports is not None and (agreement.parent_id is None or supports.agreement_id != agreement.parent_id):
        raise Refused(gettext("Indikator yang didukung harus indikator PK atasan."))
    value, written = typed.target(target, gettext("Target '%(name)s'") % {"name": indicator}, unit)
    with transaction.atomic():
        position = (agreement.items.aggregate(m=Max("position"))["m"] or 0) + 1
        item = AgreementItem.objects.create(
            agreement=agreement, position=position, sasaran=typed.text(sasaran, gettext("Sasaran")),
            indicator=typed.text(indicator, gettext("Indikator")),
            unit=typed.text(unit, gettext("Satuan"), required=False)[:100],
            target=value, target_raw=written, is_iku=bool(is_iku), supports=supports,
            measured=measured,
        )  # fmt: skip
        _log(
            user, agreement, AuditEvent.Action.CREATE, f"indikator {item.indicator}",
            after={"target": value if value is not None else written or None, "satuan": item.unit,
                   "mendukung": supports.indicator if supports else None},
        )  # fmt: skip
    return item


def remove_item(user, agreement: Agreement, item: AgreementItem) -> None:
    _require_edit(user, agreement)
    if item.agreement_id != agreement.pk:
        raise Refused(gettext("Indikator itu bukan bagian perjanjian kinerja ini."))
    if item.supporters.exists():
        raise Refused(
            gettext("'%(item_indicator)s' didukung indikator PK di bawahnya; lepaskan dukungan itu dulu.")
            % {"item_indicator": item.indicator}
        )
    with transaction.atomic():
        _log(user, agreement, AuditEvent.Action.DELETE, f"indikator {item.indicator}", before={"target": item.target})
        item.delete()


def add_budget(user, agreement: Agreement, *, name: str, code: str = "", anggaran: str = "") -> AgreementBudget:
    """A programme (eselon II), kegiatan (III) or sub kegiatan (IV): the kind follows the PK's level."""
    _require_edit(user, agreement)
    value = typed.figure(anggaran, gettext("Anggaran '%(name)s'") % {"name": name})
    if value is not None and value < 0:
        raise Refused(gettext("Anggaran tidak boleh negatif."))
    kind = agreement.level_enum.budget_kind
    with transaction.atomic():
        position = (agreement.budget.aggregate(m=Max("position"))["m"] or 0) + 1
        row = AgreementBudget.objects.create(
            agreement=agreement, position=position, kind=kind.value, name=typed.text(name, kind.label)[:300],
            code=typed.text(code, gettext("Kode"), required=False)[:40], anggaran=value,
        )  # fmt: skip
        _log(user, agreement, AuditEvent.Action.CREATE, f"{kind.label.lower()} {row.name}", after={"anggaran": value})
    return row


def remove_budget(user, agreement: Agreement, row: AgreementBudget) -> None:
    _require_edit(user, agreement)
    if row.agreement_id != agreement.pk:
        raise Refused(gettext("Baris anggaran itu bukan bagian perjanjian kinerja ini."))
    with transaction.atomic():
        _log(user, agreement, AuditEvent.Action.DELETE, f"anggaran {row.name}", before={"anggaran": row.anggaran})
        row.delete()


def fill_from_year(user, agreement: Agreement) -> int:
    """The head of agency's PK from the year's plan: each used indicator with its sasaran, unit and
    target (outputs included: the operator removes what the head does not commit to), and the year's
    programmes (not their kegiatan) with their summed anggaran. Returns the number of rows added."""
    _require_edit(user, agreement)
    if agreement.level_enum is not Level.ESELON_II:
        raise Refused(gettext("Hanya PK kepala perangkat daerah yang diisi dari rencana tahun ini."))
    agency_year = AgencyYear.objects.filter(agency=agreement.agency, year=agreement.year).first()
    if agency_year is None:
        raise Refused(
            gettext("Belum ada data tahun %(agreement_year)s untuk perangkat daerah ini.")
            % {"agreement_year": agreement.year}
        )
    year = store.load(agency_year)
    present = set(agreement.items.values_list("measured_id", flat=True))
    added = 0
    with transaction.atomic():
        position = agreement.items.aggregate(m=Max("position"))["m"] or 0
        for line in year.used_lines:
            if line.indicator_id in present:
                continue
            target = line.figure("target")
            position += 1
            AgreementItem.objects.create(
                agreement=agreement, position=position, sasaran=line.sasaran, indicator=line.name, unit=line.unit,
                target=target.value, target_raw=target.raw[:200], is_iku=line.is_iku, measured_id=line.indicator_id,
            )  # fmt: skip
            added += 1
        programmes: dict[str, Decimal | None] = {}
        for item in BudgetItem.objects.filter(budget__agency=agreement.agency, budget__year=agreement.year):
            total = programmes.get(item.program)
            if item.anggaran is not None:
                total = (total or Decimal(0)) + item.anggaran
            programmes[item.program] = total
        known = set(agreement.budget.values_list("name", flat=True))
        position = agreement.budget.aggregate(m=Max("position"))["m"] or 0
        for name, amount in programmes.items():
            if name in known:
                continue
            position += 1
            AgreementBudget.objects.create(
                agreement=agreement, position=position, kind=BudgetKind.PROGRAM.value, name=name[:300], anggaran=amount
            )
            added += 1
        _log(
            user,
            agreement,
            AuditEvent.Action.CREATE,
            f"diisi dari rencana tahun {agreement.year}",
            after={"baris": added},
        )
    return added


# --- reading ------------------------------------------------------------------------------------


def core_of(agreement: Agreement, items=None) -> rules.Agreement:
    items = list(agreement.items.all()) if items is None else items
    return rules.Agreement(
        key=agreement.pk,
        level=Level(agreement.level),
        first_party=agreement.first_party.name if agreement.first_party_id else "",
        second_party=agreement.second_party.name if agreement.second_party_id else "",
        items=tuple(
            rules.Item(
                key=i.pk,
                sasaran=i.sasaran,
                indicator=i.indicator,
                unit=i.unit,
                target=i.target,
                target_raw=i.target_raw,
                is_iku=i.is_iku,
                supports=i.supports_id,
            )  # fmt: skip
            for i in items
        ),
        budget=tuple(
            rules.BudgetRow(kind=BudgetKind(b.kind), name=b.name, code=b.code, anggaran=b.anggaran)
            for b in agreement.budget.all()
        ),
        parent=agreement.parent_id,
        number=agreement.number,
    )


def problems(agreement: Agreement, *, signing: bool = False) -> list[rules.Problem]:
    parent = core_of(agreement.parent) if agreement.parent_id else None
    found = rules.problems(core_of(agreement), parent, signing=signing)
    if agreement.parent_id and agreement.parent.status == Agreement.Status.DRAFT:
        found.append(
            rules.Problem("pk_parent_level", "error", "PK atasan belum ditandatangani; tandatangani PK atasan dulu.")
        )
    return found


def data_of(agreement: Agreement) -> AgreementData:
    """What the PK says: as signed for a signed version, as it stands for a draft."""
    if agreement.is_signed and agreement.content:
        return AgreementData.from_json(agreement.content)
    agency, region = agreement.agency, agreement.agency.region
    name = agency.name_in(agreement.year)
    from kinerja.reports.build import head_title

    second_title = head_title(region.name_in(agreement.year)) if agreement.level == Level.ESELON_II else ""
    return AgreementData(
        region=region.name_in(agreement.year),
        agency=name,
        year=agreement.year,
        level=agreement.level,
        unit=agreement.unit.name if agreement.unit_id else "",
        number=agreement.number,
        version=agreement.version,
        revision=RevisionReason(agreement.revision_reason).label if agreement.revision_reason else "",
        revision_note=agreement.revision_note,
        first=person(agreement.first_party, f"Kepala {agreement.unit.name if agreement.unit_id else name}"),
        second=person(agreement.second_party, second_title),
        place=agreement.signed_place or sign_place(agency),
        signed_on=agreement.signed_on,
        items=[
            ItemData(
                sasaran=i.sasaran,
                indicator=i.indicator,
                unit=i.unit,
                target=i.target,
                target_raw=i.target_raw,
                is_iku=i.is_iku,
                supports=i.supports.indicator if i.supports_id else "",
            )  # fmt: skip
            for i in agreement.items.select_related("supports")
        ],
        budget=[
            BudgetData(kind=BudgetKind(b.kind).label, name=b.name, code=b.code, anggaran=b.anggaran)
            for b in agreement.budget.all()
        ],
        illustrative=agreement.illustrative,
    )


# --- signing and revising ---------------------------------------------------------------------


def sign(user, agreement: Agreement, *, number: str, signed_on: date | None = None) -> Agreement:
    """Sign a draft: its number and date are set, its content and PDF kept as signed. The version it
    revises becomes 'replaced'. Refused while anything in problems() is an error."""
    from kinerja.reports.agreement import agreement as build
    from kinerja.reports.render import render

    if not can_sign(user, agreement.agency):
        raise PermissionDenied("Hanya kepala perangkat daerah (atau admin) yang menandatangani perjanjian kinerja.")
    signed_on = signed_on or timezone.localdate()
    if signed_on > timezone.localdate():
        raise Refused(gettext("Tanggal penandatanganan tidak boleh setelah hari ini."))
    if signed_on.year not in (agreement.year - 1, agreement.year):
        raise Refused(
            gettext(
                "Perjanjian kinerja tahun %(agreement_year)s ditandatangani pada akhir tahun %(value)s atau pada "
                "tahun %(agreement_year)s."
            )
            % {"agreement_year": agreement.year, "value": agreement.year - 1}
        )
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().select_related("agency__region").get(pk=agreement.pk)
        if locked.is_signed:
            raise Refused(gettext("Perjanjian kinerja ini sudah ditandatangani."))
        locked.number = typed.text(number, gettext("Nomor perjanjian kinerja"))[:100]
        errors = [p for p in problems(locked, signing=True) if p.severity == "error"]
        if errors:
            raise Refused(
                gettext("Belum dapat ditandatangani: %(message)s") % {"message": in_page_language(errors[0].message)}
            )
        locked.signed_on = signed_on
        locked.signed_place = sign_place(locked.agency)
        content = data_of(locked)
        pdf = render(build(content), "pdf")
        locked.content = content.to_json()
        locked.status = Agreement.Status.SIGNED
        locked.signed_at = timezone.now()
        locked.signed_by = user if getattr(user, "pk", None) else None
        locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        locked.pdf.save(
            f"pk-{locked.agency_id}-{locked.year}-{locked.pk}-v{locked.version}.pdf", ContentFile(pdf), save=False
        )
        locked.save()
        if locked.replaces_id:
            Agreement.objects.filter(pk=locked.replaces_id).update(status=Agreement.Status.REPLACED)
        _log(
            user, locked, AuditEvent.Action.WORKFLOW, "ditandatangani",
            after={"nomor": locked.number, "tanggal": signed_on, "versi": locked.version, "sha256": locked.pdf_sha256},
        )  # fmt: skip
    return locked


def revise(user, agreement: Agreement, *, reason: str, note: str) -> Agreement:
    """A PK Perubahan: a new draft version copying the signed one, for one of the official reasons.
    The signed version stays as it is (content and PDF) and stays in force until the new one is signed."""
    if not can_edit(user, agreement.agency):
        raise PermissionDenied("Anda tidak berhak mengubah perjanjian kinerja perangkat daerah ini.")
    try:
        reason = RevisionReason(reason)
    except ValueError:
        raise Refused(
            "Perubahan perjanjian kinerja hanya untuk alasan resmi: " + "; ".join(r.label for r in RevisionReason) + "."
        ) from None
    note = typed.text(note, gettext("Penjelasan perubahan"))
    with transaction.atomic():
        locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if locked.status != Agreement.Status.SIGNED:
            raise Refused(
                gettext("Hanya perjanjian kinerja yang sudah ditandatangani dan masih berlaku yang dapat diubah.")
            )
        if Agreement.objects.filter(replaces=locked).exists():
            raise Refused(gettext("Perubahan perjanjian kinerja ini sudah dibuat; lanjutkan draf perubahannya."))
        new = Agreement.objects.create(
            agency=locked.agency, year=locked.year, level=locked.level, unit=locked.unit,
            first_party=locked.first_party, second_party=locked.second_party, parent=_current(locked.parent),
            version=locked.version + 1, replaces=locked, revision_reason=reason.value, revision_note=note,
            illustrative=locked.illustrative,
        )  # fmt: skip
        for item in locked.items.all():
            AgreementItem.objects.create(
                agreement=new, position=item.position, sasaran=item.sasaran, indicator=item.indicator,
                unit=item.unit, target=item.target, target_raw=item.target_raw, is_iku=item.is_iku,
                measured=item.measured, supports=_current_item(item.supports), copied_from=item,
            )  # fmt: skip
        for row in locked.budget.all():
            AgreementBudget.objects.create(
                agreement=new, position=row.position, kind=row.kind, code=row.code, name=row.name,
                anggaran=row.anggaran,
            )  # fmt: skip
        _log(
            user, new, AuditEvent.Action.CREATE, f"PK Perubahan (versi {new.version})",
            after={"alasan": reason.label, "penjelasan": note, "mengganti versi": locked.version},
        )  # fmt: skip
    return new


def _current(agreement: Agreement | None) -> Agreement | None:
    """The version in force of a PK: the latest signed one of its chain of revisions."""
    while agreement is not None:
        newer = Agreement.objects.filter(replaces=agreement, status=Agreement.Status.SIGNED).first()
        if newer is None:
            return agreement
        agreement = newer
    return None


def _current_item(item: AgreementItem | None) -> AgreementItem | None:
    while item is not None:
        newer = AgreementItem.objects.filter(copied_from=item, agreement__status=Agreement.Status.SIGNED).first()
        if newer is None:
            return item
        item = newer
    return None
