"""Perjanjian Kinerja (PK): what each level of official commits to, how the levels cascade, and
when a signed agreement may be revised (PermenPAN-RB 53/2014, Lampiran I; docs/chain.md).

Pure: the web layer stores agreements and asks here what they must hold, what is wrong with them
and how the pohon kinerja (the tree of supported indicators) looks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum, StrEnum

from kinerja.core.messages import Message, say


class Level(IntEnum):
    """The official's echelon: what the PK's sasaran are called and which budget rows it lists."""

    ESELON_II = 2  # kepala perangkat daerah
    ESELON_III = 3  # sekretaris, kepala bidang
    ESELON_IV = 4  # kepala subbagian, kepala seksi

    @property
    def sasaran_label(self) -> str:
        return {2: "Sasaran Strategis", 3: "Sasaran Program", 4: "Sasaran Kegiatan"}[self.value]

    @property
    def budget_kind(self) -> BudgetKind:
        return {2: BudgetKind.PROGRAM, 3: BudgetKind.KEGIATAN, 4: BudgetKind.SUB_KEGIATAN}[self.value]

    @property
    def label(self) -> Message:
        return say(f"level.{self.value}")


class BudgetKind(StrEnum):
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"

    @property
    def label(self) -> str:
        return {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}[self.value]


class RevisionReason(StrEnum):
    """The reasons for which a signed PK may be revised ("PK Perubahan"); no other reason is accepted."""

    OFFICIALS = "officials"
    REORGANISATION = "reorganisation"
    POLICY = "policy"
    BUDGET = "budget"

    @property
    def label(self) -> str:
        return {
            "officials": "pergantian atau mutasi pejabat",
            "reorganisation": "perubahan struktur organisasi (reorganisasi)",
            "policy": "perubahan kebijakan atau strategi yang memengaruhi pencapaian sasaran",
            "budget": "perubahan program, kegiatan atau alokasi anggaran",
        }[self.value]


@dataclass(frozen=True, slots=True)
class Item:
    """One indicator of a PK: the sasaran it measures, its target for the year, and the indicator of
    the PK above that it supports (``supports``: that item's ``key``)."""

    key: int
    sasaran: str
    indicator: str
    unit: str = ""
    target: Decimal | None = None
    target_raw: str = ""
    is_iku: bool = False
    supports: int | None = None


@dataclass(frozen=True, slots=True)
class BudgetRow:
    kind: BudgetKind
    name: str
    code: str = ""
    anggaran: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    key: int
    level: Level
    first_party: str  # the official who commits (name); empty when not chosen yet
    second_party: str  # the superior; empty when not chosen yet
    items: tuple[Item, ...] = ()
    budget: tuple[BudgetRow, ...] = ()
    parent: int | None = None  # the PK above (its key); None for the head of agency's
    number: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    severity: str  # error (blocks signing) or warning
    message: str
    item: int | None = None  # Item.key


CODES = {
    "pk_party_missing": "error",
    "pk_no_items": "error",
    "pk_target_missing": "error",
    "pk_budget_level": "error",
    "pk_unsupported": "error",
    "pk_support_outside_parent": "error",
    "pk_number_missing": "error",
    "pk_parent_level": "error",
    "pohon_no_parent": "warning",
    "pohon_no_child": "warning",
}


def problems(agreement: Agreement, parent: Agreement | None, *, signing: bool = False) -> list[Problem]:
    """What stands between this PK and its signature (errors), in the order a person fixes them."""
    out: list[Problem] = []
    if not agreement.first_party:
        out.append(Problem("pk_party_missing", "error", say("pk.first_party_missing")))
    if not agreement.second_party:
        out.append(Problem("pk_party_missing", "error", say("pk.second_party_missing")))
    if not agreement.items:
        out.append(Problem("pk_no_items", "error", say("pk.no_items")))
    if agreement.level is not Level.ESELON_II and parent is None:
        out.append(
            Problem(
                "pk_parent_level", "error",
                say("pk.parent_missing", level=agreement.level.label),
            )
        )  # fmt: skip
    if parent is not None and parent.level.value != agreement.level.value - 1:
        out.append(
            Problem(
                "pk_parent_level", "error",
                say("pk.parent_level", level=agreement.level.label, parent=parent.level.label),
            )
        )  # fmt: skip
    parent_keys = {item.key for item in parent.items} if parent is not None else set()
    for item in agreement.items:
        if item.target is None:
            out.append(
                Problem("pk_target_missing", "error", say("pk.target_missing", indicator=item.indicator), item.key)
            )
        if agreement.level is Level.ESELON_II:
            continue
        if item.supports is None:
            out.append(
                Problem(
                    "pk_unsupported", "error",
                    say("pk.unsupported", indicator=item.indicator),
                    item.key,
                )
            )  # fmt: skip
        elif parent is not None and item.supports not in parent_keys:
            out.append(
                Problem(
                    "pk_support_outside_parent", "error",
                    say("pk.support_outside_parent", indicator=item.indicator),
                    item.key,
                )
            )  # fmt: skip
    wanted = agreement.level.budget_kind
    for row in agreement.budget:
        if row.kind is not wanted:
            out.append(
                Problem(
                    "pk_budget_level", "error",
                    say(
                        "pk.budget_level",
                        name=row.name,
                        kind=say(f"budget.{row.kind.value}"),
                        level=agreement.level.label,
                        wanted=say(f"budget.{wanted.value}"),
                    ),
                )
            )  # fmt: skip
    if signing and not agreement.number.strip():
        out.append(Problem("pk_number_missing", "error", say("pk.number_missing")))
    return out


@dataclass
class Node:
    """One indicator in the pohon kinerja, with the indicators below that support it."""

    agreement: Agreement
    item: Item
    children: list[Node] = field(default_factory=list)


@dataclass
class Tree:
    roots: list[Node]
    findings: list[Problem]

    def walk(self) -> Iterable[tuple[int, Node]]:
        """Depth and node, top down, in the agreements' own order."""
        stack = [(0, node) for node in reversed(self.roots)]
        while stack:
            depth, node = stack.pop()
            yield depth, node
            stack.extend((depth + 1, child) for child in reversed(node.children))


def tree(agreements: Iterable[Agreement]) -> Tree:
    """The pohon kinerja of one year: every PK indicator under the indicator it supports. Flags an
    indicator of a lower PK that supports nothing (no parent), and an indicator of a PK that has PKs
    below it but that no lower indicator supports (no child)."""
    agreements = list(agreements)
    nodes = {(a.key, item.key): Node(a, item) for a in agreements for item in a.items}
    by_item = {item.key: nodes[(a.key, item.key)] for a in agreements for item in a.items}
    has_children = {a.parent for a in agreements if a.parent is not None}
    roots: list[Node] = []
    findings: list[Problem] = []
    for a in agreements:
        for item in a.items:
            node = nodes[(a.key, item.key)]
            above = by_item.get(item.supports) if item.supports is not None else None
            if above is not None and above.agreement.key == a.parent:
                above.children.append(node)
                continue
            roots.append(node)
            if a.level is not Level.ESELON_II:
                findings.append(
                    Problem(
                        "pohon_no_parent", "warning",
                        say("pohon.no_parent", indicator=item.indicator, who=a.first_party or a.level.label),
                        item.key,
                    )
                )  # fmt: skip
    supported = {key: len(node.children) for key, node in by_item.items()}
    for a in agreements:
        if a.key not in has_children:
            continue
        for item in a.items:
            if not supported.get(item.key):
                findings.append(
                    Problem(
                        "pohon_no_child", "warning",
                        say("pohon.no_child", indicator=item.indicator, who=a.first_party or a.level.label),
                        item.key,
                    )
                )  # fmt: skip
    return Tree(roots=roots, findings=findings)
