"""The yearly cycle of an agency's year, as a state machine: who may move it where.

draft → submitted (operator) → verified or returned with comments (reviewer) → approved and
signed (head of agency) → published (reviewer or admin). A returned year goes back to the
operator. Reopening a submitted, verified, approved or published year needs an admin and a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kinerja.core.messages import say


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    VERIFIED = "verified"
    APPROVED = "approved"
    PUBLISHED = "published"


class Role(StrEnum):
    ADMIN = "admin"
    OPERATOR = "operator"
    REVIEWER = "reviewer"
    HEAD = "head"


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    VERIFY = "verify"
    APPROVE = "approve"
    PUBLISH = "publish"
    REOPEN = "reopen"


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    source: frozenset[State]
    target: State
    roles: frozenset[Role]
    needs_comment: bool = False
    label: str = ""


TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.SUBMIT, frozenset({State.DRAFT, State.RETURNED}), State.SUBMITTED,
               frozenset({Role.OPERATOR, Role.ADMIN}), label="Ajukan untuk direviu"),
    Transition(Action.RETURN, frozenset({State.SUBMITTED}), State.RETURNED,
               frozenset({Role.REVIEWER, Role.ADMIN}), needs_comment=True, label="Kembalikan dengan catatan"),
    Transition(Action.VERIFY, frozenset({State.SUBMITTED}), State.VERIFIED,
               frozenset({Role.REVIEWER, Role.ADMIN}), label="Verifikasi"),
    Transition(Action.APPROVE, frozenset({State.VERIFIED}), State.APPROVED,
               frozenset({Role.HEAD, Role.ADMIN}), label="Setujui dan tandatangani"),
    Transition(Action.PUBLISH, frozenset({State.APPROVED}), State.PUBLISHED,
               frozenset({Role.REVIEWER, Role.ADMIN}), label="Publikasikan"),
    Transition(Action.REOPEN, frozenset({State.SUBMITTED, State.VERIFIED, State.APPROVED, State.PUBLISHED}),
               State.DRAFT, frozenset({Role.ADMIN}), needs_comment=True, label="Buka kembali (dengan alasan)"),
)  # fmt: skip

EDITABLE = frozenset({State.DRAFT, State.RETURNED})


class Refused(Exception):
    """An action that may not happen; the message says why, in Bahasa Indonesia."""


def transition_for(action: Action | str) -> Transition:
    for transition in TRANSITIONS:
        if transition.action == action:
            return transition
    raise Refused(say("workflow.unknown", action=action))


def allowed(state: State | str, roles: set[Role]) -> list[Transition]:
    """The actions these roles may take on a year in this state."""
    state = State(state)
    return [t for t in TRANSITIONS if state in t.source and roles & t.roles]


def check(action: Action | str, state: State | str, roles: set[Role], comment: str = "") -> State:
    """The new state, or Refused with the reason."""
    transition = transition_for(action)
    state = State(state)
    if not roles & transition.roles:
        raise Refused(say("workflow.role"))
    if state not in transition.source:
        raise Refused(say("workflow.state", state=state.value))
    if transition.needs_comment and not comment.strip():
        raise Refused(say("workflow.comment"))
    return transition.target


def editable(state: State | str) -> bool:
    return State(state) in EDITABLE


# What each step did, as the trail of approvals says it ("diverifikasi oleh …").
STEP_LABELS = {
    State.SUBMITTED: "diajukan",
    State.VERIFIED: "diverifikasi",
    State.APPROVED: "disetujui dan ditandatangani",
    State.PUBLISHED: "dipublikasikan",
    State.RETURNED: "dikembalikan",
    State.DRAFT: "dibuka kembali",
}


@dataclass(frozen=True, slots=True)
class Step:
    """One move of a year in the cycle: the state it moved into, when, by whom, and how it is said."""

    state: State
    at: datetime
    who: str
    label: str


def current_pass(steps: Sequence[Step], *, as_published: bool = False) -> list[Step]:
    """The steps that brought the year where it stands, oldest first: those after the last time it went
    back to the operator (returned, or reopened to draft). With ``as_published``, the pass that ended in
    the last publication: what the public reads of a year an admin has reopened since."""
    steps = list(steps)
    if as_published:
        last = max((i for i, step in enumerate(steps) if step.state is State.PUBLISHED), default=None)
        if last is None:
            return []
        steps = steps[: last + 1]
    start = max((i + 1 for i, step in enumerate(steps) if step.state in EDITABLE), default=0)
    return steps[start:]
