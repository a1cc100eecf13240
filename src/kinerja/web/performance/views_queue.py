"""Work queues: after login each role lands on what waits for it, and reviewers see a board of
every agency's year in their region (status and how complete its entry is)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import render
from django.views.decorators.http import require_safe

from kinerja.core.workflow import Role
from kinerja.reports.lkjip import missing_parts

from . import lkjip, review, store
from .access import is_superuser, roles_of
from .models import (
    Agency,
    AgencyYear,
    AuditEvent,
    Evaluation,
    LinkSuggestion,
    Region,
    ReopenRequest,
    Rpjmd,
    RpjmdIndicator,
)
from .windows import late_agencies

STATUS = AgencyYear.Status


@dataclass
class Completeness:
    lines: int
    targets: int
    realisations: int
    notes_needed: int
    budget: bool

    @property
    def percent(self) -> int:
        wanted = 2 * self.lines + 1
        done = self.targets + self.realisations + (1 if self.budget else 0)
        return round(done * 100 / wanted) if wanted else 0


def completeness(year) -> Completeness:
    blockers = year.blockers()
    return Completeness(
        lines=len(year.used_lines),
        targets=sum(1 for line in year.used_lines if line.figure("target").value is not None),
        realisations=sum(1 for line in year.used_lines if line.realisasi.is_number),
        notes_needed=sum(1 for b in blockers if b.kind == "worse"),
        budget=year.budget.recorded or bool(year.budget.waiver),
    )


def _years(query):
    """Years with the time and comment of their last workflow step, in two queries."""
    last = AuditEvent.objects.filter(agency=OuterRef("agency"), year=OuterRef("year"), action="workflow")
    years = list(
        query.select_related("agency__region")
        .annotate(moved_at=Subquery(last.order_by("-at", "-id").values("at")[:1]))
        .annotate(comment=Subquery(last.exclude(comment="").order_by("-at", "-id").values("comment")[:1]))
    )
    return years


@login_required
@require_safe
def queue(request):
    user = request.user
    memberships = roles_of(user)
    operated = [m.agency_id for m in memberships if m.role == Role.OPERATOR and m.agency_id]
    headed = [m.agency_id for m in memberships if m.role == Role.HEAD and m.agency_id]
    reviewed = [m.region_id for m in memberships if m.role == Role.REVIEWER and m.agency_id is None]
    administered = [m.region_id for m in memberships if m.role == Role.ADMIN and m.agency_id is None]
    if is_superuser(user):
        administered = list(Region.objects.values_list("pk", flat=True))
    wide = sorted(set(reviewed) | set(administered))
    to_enter = _years(AgencyYear.objects.filter(agency_id__in=operated, status__in=(STATUS.DRAFT, STATUS.RETURNED)))
    to_enter.sort(key=lambda ay: (ay.status != STATUS.RETURNED, -ay.year, ay.agency.name))
    to_approve = _years(AgencyYear.objects.filter(agency_id__in=headed, status=STATUS.VERIFIED))
    to_review = _years(AgencyYear.objects.filter(agency__region_id__in=wide, status=STATUS.SUBMITTED))
    to_review.sort(key=lambda ay: (ay.moved_at is None, ay.moved_at))  # oldest submission first
    to_publish = _years(AgencyYear.objects.filter(agency__region_id__in=wide, status=STATUS.APPROVED))
    regions = list(Region.objects.filter(pk__in=wide).order_by("name"))
    late = []
    for region in regions:
        names = {a.pk: a for a in region.agencies.all()}
        late += [(names[agency_id], what) for agency_id, what in late_agencies(region).items() if agency_id in names]
    loaded = store.load_many(to_enter, previous=True)
    comments = review.open_counts([*to_enter, *to_review, *to_approve])
    for ay in [*to_enter, *to_review, *to_approve]:
        ay.open_comments = comments.get(ay.pk, 0)
    entering = [(ay, completeness(loaded[ay.pk])) for ay in to_enter]
    words = lkjip.narratives(user, to_enter)
    for ay in to_enter:  # the LKjIP text is written while the year is editable, like its figures
        ay.lkjip_missing = len(missing_parts(words[ay.pk], (line.sasaran for line in loaded[ay.pk].used_lines)))
    # the region's IKU that no agency indicator measures yet: Bappeda's to name
    waiting = dict(
        RpjmdIndicator.objects.filter(sasaran__tujuan__rpjmd__region_id__in=wide, measured_by=None)
        .values_list("sasaran__tujuan__rpjmd")
        .annotate(n=Count("id"))
    )
    unmeasured = list(
        Rpjmd.objects.filter(pk__in=waiting).select_related("region").order_by("region__name", "-start_year")
    )
    for plan in unmeasured:
        plan.waiting = waiting[plan.pk]
    admin_regions = sorted(set(administered))
    reopen = list(
        ReopenRequest.objects.filter(agency_year__agency__region_id__in=admin_regions, handled_at=None)
        .select_related("agency_year__agency__region", "by")
        .order_by("created_at")
    )
    linking = list(
        Agency.objects.filter(pk__in=operated, indicators__link_suggestions__status=LinkSuggestion.Status.PENDING)
        .select_related("region")
        .annotate(waiting=Count("indicators__link_suggestions"))
        .order_by("name")
    )
    # the SAKIP evaluation: drafts the region's evaluators have begun; final ones the agency has yet to answer
    evaluating = list(
        Evaluation.objects.filter(agency__region_id__in=wide, status=Evaluation.Status.DRAFT)
        .select_related("agency__region")
        .order_by("-year", "agency__name")
    )
    answering = list(
        Evaluation.objects.filter(
            agency_id__in={*operated, *headed}, status=Evaluation.Status.FINAL, recommendations__done=False
        )
        .select_related("agency__region")
        .annotate(open=Count("recommendations"))
        .order_by("-year", "agency__name")
    )
    return render(
        request,
        "performance/queue.html",
        {
            "evaluating": evaluating,
            "answering": answering,
            "entering": entering,
            "unmeasured": unmeasured,
            "linking": linking,
            "to_approve": to_approve,
            "to_review": to_review,
            "to_publish": to_publish,
            "late": late,
            "reopen": reopen,
            "regions": regions,
            "has_role": bool(memberships) or is_superuser(user),
        },
    )


@login_required
@require_safe
def board(request, region):
    """Every agency's year of the region: status and how complete its entry is, with a status filter."""
    from django.shortcuts import get_object_or_404

    from .access import sees_region

    region = get_object_or_404(Region, slug=region)
    if not sees_region(request.user, region.pk):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Papan ini untuk reviewer dan admin pemerintah daerah ini.")
    years = sorted(set(AgencyYear.objects.filter(agency__region=region).values_list("year", flat=True)), reverse=True)
    try:
        year = int(request.GET.get("tahun") or (years[0] if years else 0))
    except ValueError:
        year = years[0] if years else 0
    status = request.GET.get("status", "")
    query = AgencyYear.objects.filter(agency__region=region, year=year)
    if status in STATUS.values:
        query = query.filter(status=status)
    rows = _years(query.order_by("agency__name"))
    loaded = store.load_many(rows, previous=True)
    from .integrity import differences

    return render(
        request,
        "performance/board.html",
        {
            "region": region,
            "year": year,
            "years": years,
            "status": status,
            "statuses": STATUS.choices,
            "rows": [(ay, completeness(loaded[ay.pk])) for ay in rows],
            "differences": differences(rows, loaded),  # what `kinerja verify` says of them
            "evaluations": {
                e.agency_id: e
                for e in Evaluation.objects.filter(agency__region=region, year=year).only(
                    "agency_id", "status", "predikat", "total"
                )
            },  # fmt: skip
        },
    )
