"""The Perjanjian Kinerja rules: what each level holds, the cascade, and the pohon kinerja. Every
problem code is produced here from a PK written by hand."""

from decimal import Decimal

from kinerja.core.agreement import Agreement, BudgetKind, BudgetRow, Item, Level, problems, tree

HEAD = Agreement(
    key=1,
    level=Level.ESELON_II,
    first_party="Drs. H. Kepala Dinas",
    second_party="Bupati Banjar",
    items=(
        Item(key=11, sasaran="Meningkatnya koperasi aktif", indicator="Persentase koperasi aktif", unit="%",
             target=Decimal("62.5"), is_iku=True),
        Item(key=12, sasaran="Meningkatnya UMKM", indicator="Jumlah UMKM binaan", unit="unit", target=Decimal(120)),
    ),
    budget=(BudgetRow(kind=BudgetKind.PROGRAM, name="Program Peningkatan Kualitas Kelembagaan Koperasi",
                      anggaran=Decimal(250_000_000)),),
    number="050/012/PK-DKUMKM/2016",
)  # fmt: skip


def bidang(**changes) -> Agreement:
    base = dict(
        key=2,
        level=Level.ESELON_III,
        first_party="Kepala Bidang Koperasi",
        second_party="Drs. H. Kepala Dinas",
        items=(
            Item(
                key=21,
                sasaran="Koperasi sehat",
                indicator="Jumlah koperasi sehat",
                unit="unit",
                target=Decimal(40),
                supports=11,
            ),
        ),  # fmt: skip
        budget=(BudgetRow(kind=BudgetKind.KEGIATAN, name="Pembinaan koperasi", anggaran=Decimal(90_000_000)),),
        parent=1,
        number="050/013/PK-DKUMKM/2016",
    )
    base.update(changes)
    return Agreement(**base)


def codes(found) -> list[str]:
    return [p.code for p in found]


def test_a_complete_cascade_has_no_problem():
    assert problems(HEAD, None, signing=True) == []
    assert problems(bidang(), HEAD, signing=True) == []


def test_parties_items_targets_and_number_are_needed():
    empty = Agreement(key=3, level=Level.ESELON_II, first_party="", second_party="")
    assert codes(problems(empty, None, signing=True)) == [
        "pk_party_missing", "pk_party_missing", "pk_no_items", "pk_number_missing",
    ]  # fmt: skip
    no_target = bidang(items=(Item(key=21, sasaran="S", indicator="Jumlah koperasi sehat", supports=11),))
    found = problems(no_target, HEAD)
    assert codes(found) == ["pk_target_missing"] and found[0].item == 21
    assert "Jumlah koperasi sehat" in found[0].message


def test_a_head_of_agency_lists_programmes_only():
    """'Program — kegiatan' pairs and kegiatan belong to the kepala bidang's PK, not the head's."""
    wrong = bidang(level=Level.ESELON_II, parent=None, items=HEAD.items)
    found = problems(wrong, None)
    assert codes(found) == ["pk_budget_level"]
    assert "Pembinaan koperasi" in found[0].message and "program saja" in found[0].message


def test_a_lower_indicator_must_support_one_of_the_parent():
    found = problems(bidang(items=(Item(key=21, sasaran="S", indicator="Jumlah koperasi sehat",
                                        target=Decimal(40)),)), HEAD)  # fmt: skip
    assert codes(found) == ["pk_unsupported"]
    found = problems(bidang(items=(Item(key=21, sasaran="S", indicator="Jumlah koperasi sehat", target=Decimal(40),
                                        supports=99),)), HEAD)  # fmt: skip
    assert codes(found) == ["pk_support_outside_parent"]


def test_a_lower_pk_hangs_one_level_below_its_parent():
    assert codes(problems(bidang(), None)) == ["pk_parent_level"]  # a kepala bidang's PK needs the head's
    seksi = bidang(level=Level.ESELON_IV, budget=(BudgetRow(kind=BudgetKind.SUB_KEGIATAN, name="Penilaian"),))
    assert codes(problems(seksi, HEAD)) == ["pk_parent_level"]  # eselon IV under eselon II: one level skipped


def test_the_pohon_kinerja_hangs_each_indicator_under_the_one_it_supports():
    seksi = Agreement(
        key=3, level=Level.ESELON_IV, first_party="Kepala Seksi", second_party="Kepala Bidang Koperasi", parent=2,
        items=(Item(key=31, sasaran="Penilaian", indicator="Jumlah koperasi dinilai", target=Decimal(60),
                    supports=21),),
    )  # fmt: skip
    built = tree([HEAD, bidang(), seksi])
    walked = [(depth, node.item.indicator) for depth, node in built.walk()]
    assert walked == [
        (0, "Persentase koperasi aktif"),
        (1, "Jumlah koperasi sehat"),
        (2, "Jumlah koperasi dinilai"),
        (0, "Jumlah UMKM binaan"),
    ]
    # the head's PK has a PK below it, and nothing below supports "Jumlah UMKM binaan"
    assert [(f.code, f.item) for f in built.findings] == [("pohon_no_child", 12)]


def test_an_indicator_that_supports_nothing_is_flagged():
    loose = bidang(items=(Item(key=21, sasaran="S", indicator="Jumlah koperasi sehat", target=Decimal(40)),))
    built = tree([HEAD, loose])
    assert ("pohon_no_parent", 21) in [(f.code, f.item) for f in built.findings]
    assert [depth for depth, _ in built.walk()] == [0, 0, 0]  # it stands as a root of its own


def test_a_problem_is_said_in_english():
    """The head's PK lists programmes; 'Pembinaan koperasi' is a kegiatan."""
    wrong = bidang(level=Level.ESELON_II, parent=None, items=HEAD.items)
    (found,) = problems(wrong, None)
    assert found.message.in_language("en") == (
        "'Pembinaan koperasi' is a row of the activity level; a performance agreement of echelon II (head of "
        "agency) lists programme rows only."
    )
