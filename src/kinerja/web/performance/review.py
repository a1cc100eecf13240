"""Review comments: a reviewer or head points at one indicator of a year (or the year as a whole);
the comment stays on that indicator, on the review screen, the entry table and the operator's
queue, until the operator answers it. Every comment and answer is audited and e-mailed."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.workflow import Refused, Role, State

from . import audit, notify
from .access import can_edit, roles_for
from .models import AgencyYear, AuditEvent, Indicator, ReviewComment, Target

COMMENT_LIMIT = 5000
REVIEWERS = {Role.REVIEWER, Role.HEAD, Role.ADMIN}
# A comment is written while the year is with the reviewer or the head, or just returned.
COMMENT_STATES = {State.SUBMITTED, State.VERIFIED, State.RETURNED}


def _text(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(_("%(what)s tidak boleh kosong.") % {"what": what})
    if len(text) > COMMENT_LIMIT:
        raise Refused(
            _("%(what)s terlalu panjang (paling banyak %(limit)s karakter).") % {"what": what, "limit": COMMENT_LIMIT}
        )
    return text


def may_comment(user, agency_year: AgencyYear) -> bool:
    return bool(roles_for(user, agency_year.agency) & REVIEWERS) and State(agency_year.status) in COMMENT_STATES


def add(user, agency_year: AgencyYear, text: str, indicator_id: int | None = None) -> ReviewComment:
    """A comment on one indicator of the year (or on the year when ``indicator_id`` is None)."""
    if not roles_for(user, agency_year.agency) & REVIEWERS:
        raise PermissionDenied("Hanya reviewer, kepala perangkat daerah atau admin yang dapat memberi komentar reviu.")
    text = _text(text, _("Komentar"))
    with transaction.atomic():
        locked = AgencyYear.objects.select_for_update(of=("self",)).select_related("agency").get(pk=agency_year.pk)
        if State(locked.status) not in COMMENT_STATES:
            raise Refused(
                _("Komentar reviu hanya dapat diberikan saat tahun %(year)s diajukan, diverifikasi atau dikembalikan.")
                % {"year": locked.year}
            )
        indicator = None
        if indicator_id is not None:
            if not Target.objects.filter(
                indicator_id=indicator_id, year=locked.year, indicator__agency=locked.agency
            ).exists():
                raise Refused(_("Indikator ini tidak ada dalam rencana tahun ini."))
            indicator = Indicator.objects.get(pk=indicator_id)
        comment = ReviewComment.objects.create(agency_year=locked, indicator=indicator, author=user, text=text)
        audit.record(
            user=user, agency=locked.agency, year=locked.year, action=AuditEvent.Action.CREATE, obj=comment,
            label=f"komentar reviu: {indicator.name if indicator else 'tahun ' + str(locked.year)}",
            after={"komentar": text}, indicator_id=indicator_id, origin="review",
        )  # fmt: skip
        notify.after_comment(comment)
    return comment


def answer(user, comment: ReviewComment, text: str) -> ReviewComment:
    """The operator's answer, which closes the comment."""
    agency_year = comment.agency_year
    if not can_edit(user, agency_year.agency):
        raise PermissionDenied("Hanya operator perangkat daerah ini yang menjawab komentar reviu.")
    text = _text(text, _("Jawaban"))
    with transaction.atomic():
        locked = ReviewComment.objects.select_for_update(of=("self",)).get(pk=comment.pk)
        if locked.answer:
            raise Refused(_("Komentar ini sudah dijawab."))
        if State(agency_year.status) in {State.APPROVED, State.PUBLISHED}:
            raise Refused(_("Tahun ini sudah disetujui; komentar tidak dapat dijawab lagi."))
        locked.answer, locked.answered_by, locked.answered_at = text, user, timezone.now()
        locked.save(update_fields=["answer", "answered_by", "answered_at"])
        audit.record(
            user=user, agency=agency_year.agency, year=agency_year.year, action=AuditEvent.Action.UPDATE, obj=locked,
            label=f"jawaban komentar reviu: {locked.text[:200]}", before={"jawaban": ""}, after={"jawaban": text},
            indicator_id=locked.indicator_id, origin="review",
        )  # fmt: skip
    return locked


def for_year(agency_year: AgencyYear) -> list[ReviewComment]:
    """Every comment of the year, oldest first, with its people (one query)."""
    return list(agency_year.comments.select_related("author", "answered_by").order_by("created_at", "id"))


def open_by_indicator(agency_year: AgencyYear) -> dict[int | None, list[str]]:
    """The texts of the year's unanswered comments per indicator (None: on the year), one query."""
    out: dict[int | None, list[str]] = {}
    for indicator_id, text in (
        agency_year.comments.filter(answer="").order_by("created_at", "id").values_list("indicator_id", "text")
    ):
        out.setdefault(indicator_id, []).append(text)
    return out


def open_counts(agency_years) -> dict[int, int]:
    """Open comments per agency year id (one query)."""
    from django.db.models import Count

    rows = (
        ReviewComment.objects.filter(agency_year__in=list(agency_years), answer="")
        .values_list("agency_year_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)
