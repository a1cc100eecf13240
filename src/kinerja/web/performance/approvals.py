"""Who moved each year through the cycle, and when: the trail of approvals shown on the year's page and
printed under the signature of its documents, read from the audit trail (one query for any number of
years). The public reads the trail of the published version while an admin has the year reopened."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kinerja.core.workflow import STEP_LABELS, State, Step, current_pass

from .access import roles_for
from .models import AgencyYear, AuditEvent

IMPORTED = "dipublikasikan dari dokumen bertanda tangan yang diimpor"


def _name(user) -> str:
    if user is None:
        return "sistem"
    return user.get_full_name() or user.get_username()


def _step(event: AuditEvent) -> Step | None:
    try:
        state = State((event.after or {}).get("status", ""))
    except ValueError:
        return None
    label = IMPORTED if state is State.PUBLISHED and event.origin.startswith("import") else STEP_LABELS[state]
    return Step(state=state, at=event.at, who=_name(event.user), label=label)


def trails(user, agency_years: Iterable[AgencyYear]) -> dict[int, list[Step]]:
    """The current pass of each year through the cycle, as ``user`` may read it."""
    agency_years = list(agency_years)
    wanted = {(ay.agency_id, ay.year): ay for ay in agency_years}
    found: dict[int, list[Step]] = defaultdict(list)
    if wanted:
        events = (
            AuditEvent.objects.filter(
                action=AuditEvent.Action.WORKFLOW,
                agency_id__in={a for a, _ in wanted},
                year__in={y for _, y in wanted},
            )
            .select_related("user")
            .order_by("at", "id")
        )
        for event in events:
            ay = wanted.get((event.agency_id, event.year))
            step = _step(event) if ay is not None else None
            if step is not None:
                found[ay.pk].append(step)
    return {
        ay.pk: current_pass(found[ay.pk], as_published=ay.reopened and not roles_for(user, ay.agency))
        for ay in agency_years
    }
