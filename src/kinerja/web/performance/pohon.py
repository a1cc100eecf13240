"""The pohon kinerja of an agency's year: every PK in force, each indicator under the indicator of
the PK above that it supports, under the RPJMD sasaran it serves. Four queries whatever the size
of the tree."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kinerja.core import agreement as rules
from kinerja.core.agreement import Level
from kinerja.core.numbers import format_id
from kinerja.reports.agreement import TreeRow

from .agreements import core_of
from .models import Agreement, AgreementItem, Target


@dataclass
class YearTree:
    agreements: list[Agreement]  # in force (signed, or a first draft), top level first
    pending: list[Agreement]  # drafts of a PK Perubahan, not in force yet
    tree: rules.Tree
    by_key: dict[int, Agreement]
    rpjmd: dict[int, str] = field(default_factory=dict)  # head-level item key → the RPJMD sasaran it serves

    def rows(self) -> list[TreeRow]:
        """Top down: each RPJMD sasaran, then the head's indicators serving it, and what cascades below."""
        flagged = {f.item: f.message for f in self.tree.findings}
        groups: dict[str, list[rules.Node]] = {}
        for root in self.tree.roots:
            groups.setdefault(self.rpjmd.get(root.item.key, ""), []).append(root)
        out = []
        for sasaran, roots in sorted(groups.items(), key=lambda g: g[0] == ""):
            shift = 1 if sasaran else 0
            if sasaran:
                out.append(TreeRow(depth=0, level="RPJMD", official="Pemerintah daerah", indicator=sasaran,
                                   unit="", target=""))  # fmt: skip
            for depth, node in rules.Tree(roots=roots, findings=[]).walk():
                out.append(self._row(depth + shift, node, flagged))
                if node.agreement.level is Level.ESELON_IV and not node.children:
                    out.extend(self._sub_kegiatan(depth + shift + 1, node))
        return out

    def _sub_kegiatan(self, depth: int, node: rules.Node) -> list[TreeRow]:
        """The leaves: the sub kegiatan of the kepala seksi's PK, under each of its indicators."""
        return [
            TreeRow(
                depth=depth,
                level="Sub kegiatan",
                official="",
                indicator=f"{row.code} {row.name}".strip(),
                unit="Rp",
                target=format_id(row.anggaran, 0) if row.anggaran is not None else "–",
            )  # fmt: skip
            for row in node.agreement.budget
        ]

    def _row(self, depth: int, node: rules.Node, flagged: dict) -> TreeRow:
        agreement = self.by_key[node.agreement.key]
        item = node.item
        return TreeRow(
            depth=depth,
            level=Level(agreement.level).label.split(" (")[0],
            official=(agreement.first_party.name if agreement.first_party_id else "")
            + (f" — {agreement.unit.name}" if agreement.unit_id else ""),
            indicator=item.indicator + (" (IKU)" if item.is_iku else ""),
            unit=item.unit,
            target=_target(item),
            flag=flagged.get(item.key, ""),
        )


def _target(item: rules.Item) -> str:
    from kinerja.core.numbers import format_plain

    return format_plain(item.target) if item.target is not None else (item.target_raw or "–")


def year_tree(agency, year: int, *, signed_only: bool = False) -> YearTree:
    """The year's tree; ``signed_only`` for readers outside the agency: drafts are left out."""
    agreements = Agreement.objects.filter(agency=agency, year=year)
    if signed_only:
        agreements = agreements.exclude(status=Agreement.Status.DRAFT)
    everything = list(
        agreements.select_related("first_party", "second_party", "unit", "parent")
        .prefetch_related("budget")
        .order_by("level", "id")
    )
    items = list(AgreementItem.objects.filter(agreement__in=everything).order_by("position", "id"))
    pending = [a for a in everything if a.status == Agreement.Status.DRAFT and a.replaces_id]
    in_force = [a for a in everything if a.status != Agreement.Status.REPLACED and a not in pending]
    force_ids = {a.pk for a in in_force}
    # an indicator of a revised PK lives on in its copy in the version in force
    newer: dict[int, int] = {}
    for item in items:
        if item.copied_from_id and item.agreement_id in force_ids:
            newer[item.copied_from_id] = item.pk

    version_of: dict[int, int] = {}  # a replaced PK → its version in force
    for a in everything:
        if a.replaces_id and a.pk in force_ids:
            version_of[a.replaces_id] = a.pk

    grouped: dict[int, list[AgreementItem]] = {a.pk: [] for a in in_force}
    for item in items:
        if item.agreement_id in grouped:
            item.supports_id = _latest(newer, item.supports_id)
            grouped[item.agreement_id].append(item)
    cores = [replace(core_of(a, grouped[a.pk]), parent=_latest(version_of, a.parent_id)) for a in in_force]
    return YearTree(
        agreements=in_force, pending=pending, tree=rules.tree(cores), by_key={a.pk: a for a in in_force},
        rpjmd=_rpjmd(in_force, grouped, year),
    )  # fmt: skip


def _latest(newer: dict[int, int], key: int | None) -> int | None:
    """Follow a chain of revisions (old id → the id that replaced it) to the one in force."""
    seen = set()
    while key in newer and key not in seen:
        seen.add(key)
        key = newer[key]
    return key


def _rpjmd(agreements, grouped, year: int) -> dict[int, str]:
    """The RPJMD sasaran each head-level indicator serves, through the sasaran of the measured indicator
    in the year's plan (one query)."""
    measured = {
        item.measured_id: item.pk
        for a in agreements
        if a.level == Level.ESELON_II
        for item in grouped[a.pk]
        if item.measured_id
    }
    if not measured:
        return {}
    found = Target.objects.filter(indicator_id__in=measured, year=year, sasaran__rpjmd_sasaran__isnull=False)
    return {measured[i]: name for i, name in found.values_list("indicator_id", "sasaran__rpjmd_sasaran__name")}
