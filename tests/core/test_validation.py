"""Validation rules between indicators, worked out by hand (kinerja.core.validation)."""

from decimal import Decimal

import pytest

from kinerja.core.validation import Missing, Operator, Rule, Term, check, describe, require_valid
from kinerja.core.workflow import Refused

NAMES = {1: "Jumlah UMKM", 2: "Usaha mikro", 3: "Usaha kecil", 4: "Usaha menengah", 5: "Lulusan", 6: "Peserta"}
UMKM = Rule("UMKM = komponen", (Term(1, 1),), Operator.EQ, (Term(1, 2), Term(1, 3), Term(1, 4)))


def test_a_sum_that_does_not_add_up_is_broken_with_every_term_shown():
    # 17.000 + 2.000 + 500 = 19.500, not the 19.518 written for the total
    outcome = check(UMKM, {1: Decimal(19518), 2: Decimal(17000), 3: Decimal(2000), 4: Decimal(500)}, NAMES)
    assert (outcome.state, outcome.left, outcome.right) == ("broken", 19518, 19500)
    assert outcome.message == (
        "Aturan 'UMKM = komponen' tidak terpenuhi: realisasi Jumlah UMKM 19.518, padahal harus = "
        "(Usaha mikro 17.000 + Usaha kecil 2.000 + Usaha menengah 500) = 19.500."
    )
    # Banjar's 2015 form: 28.035 + 2.492 + 623 = 31.150, as written
    held = check(UMKM, {1: Decimal(31150), 2: Decimal(28035), 3: Decimal(2492), 4: Decimal(623)}, NAMES)
    assert held.state == "held" and held.right == 31150


@pytest.mark.parametrize(
    ("operator", "lulusan", "state"),
    [(Operator.LE, 120, "held"), (Operator.LE, 150, "held"), (Operator.LE, 151, "broken"),
     (Operator.LT, 150, "broken"), (Operator.GE, 150, "held"), (Operator.GT, 150, "broken"),
     (Operator.NE, 150, "broken"), (Operator.NE, 149, "held")],
)  # fmt: skip
def test_each_comparison(operator, lulusan, state):
    rule = Rule("lulusan dan peserta", (Term(1, 5),), operator, (Term(1, 6),))
    assert check(rule, {5: Decimal(lulusan), 6: Decimal(150)}, NAMES).state == state


def test_a_term_can_be_subtracted():
    # peserta − lulusan ≥ 0: 150 − 160 = −10
    rule = Rule("tidak lebih", (Term(1, 6), Term(-1, 5)), Operator.GE, (Term(1, 6), Term(-1, 6)))
    outcome = check(rule, {5: Decimal(160), 6: Decimal(150)}, NAMES)
    assert (outcome.state, outcome.left, outcome.right) == ("broken", -10, 0)
    assert "realisasi (Peserta 150 − Lulusan 160) = -10, padahal harus ≥" in outcome.message


def test_missing_figures_follow_the_rules_strategy():
    figures = {1: Decimal(19500), 2: Decimal(17000), 3: Decimal(2000), 4: None}
    assert check(UMKM, figures, NAMES).state == "skipped"
    assert check(UMKM, figures, NAMES).message == "'Usaha menengah' belum diisi"
    # skip only when a whole side is empty: the missing term counts 0, 17.000 + 2.000 + 0 = 19.000 ≠ 19.500
    some = Rule(UMKM.name, UMKM.left, UMKM.operator, UMKM.right, missing=Missing.SKIP_IF_ALL)
    outcome = check(some, figures, NAMES)
    assert outcome.state == "broken" and outcome.right == 19000
    assert outcome.message.endswith("Angka kosong dihitung 0: 'Usaha menengah'.")
    assert check(some, {1: Decimal(5), 2: None, 3: None, 4: None}, NAMES).state == "skipped"
    never = Rule(UMKM.name, UMKM.left, UMKM.operator, UMKM.right, missing=Missing.NEVER_SKIP)
    assert check(never, {}, NAMES).state == "held"  # 0 = 0 + 0 + 0


def test_a_figure_written_but_not_one_number_is_never_counted_as_0():
    # a target range for 'Usaha menengah': 'never skip' would have counted it 0 (17.000 + 2.000 + 0 = 19.000)
    never = Rule(UMKM.name, UMKM.left, UMKM.operator, UMKM.right, missing=Missing.NEVER_SKIP)
    figures = {1: Decimal(19500), 2: Decimal(17000), 3: Decimal(2000), 4: None}
    outcome = check(never, figures, NAMES, {4: "berupa rentang '400–600 unit'"})
    assert (outcome.state, outcome.message) == (
        "skipped",
        "'Usaha menengah' berupa rentang '400–600 unit', bukan satu angka",
    )


def test_a_compulsory_pair_wants_both_sides_filled_or_neither():
    rule = Rule("peserta dan lulusan", (Term(1, 6),), Operator.COMPULSORY_PAIR, (Term(1, 5),))
    assert check(rule, {5: Decimal(120), 6: Decimal(150)}, NAMES).state == "held"
    assert check(rule, {5: None, 6: None}, NAMES).state == "held"  # neither measured this year
    assert check(rule, {6: Decimal(0), 5: Decimal(0)}, NAMES).state == "held"  # 0 is a figure, not a gap
    outcome = check(rule, {6: Decimal(150), 5: None}, NAMES)
    assert (outcome.state, outcome.message) == (
        "broken",
        "Aturan 'peserta dan lulusan' tidak terpenuhi: realisasi 'Peserta' diisi, padahal 'Lulusan' belum; "
        "keduanya harus diisi bersama.",
    )
    # a figure written as a range or words is filled; the strategy for missing figures plays no part
    assert check(rule, {5: None}, NAMES, {5: "berupa rentang '100–120'", 6: "berupa teks 'x'"}).state == "held"
    assert describe(rule, NAMES) == "realisasi: Peserta dan Lulusan diisi bersama"


def test_an_exclusive_pair_wants_at_most_one_side_filled():
    rule = Rule("satu cara hitung", (Term(1, 2), Term(1, 3)), Operator.EXCLUSIVE_PAIR, (Term(1, 1),))
    assert check(rule, {2: Decimal(17000), 1: None}, NAMES).state == "held"
    assert check(rule, {}, NAMES).state == "held"
    outcome = check(rule, {3: Decimal(0), 1: Decimal(19500)}, NAMES)
    assert outcome.message == (
        "Aturan 'satu cara hitung' tidak terpenuhi: realisasi 'Usaha kecil' dan 'Jumlah UMKM' keduanya diisi, "
        "padahal hanya boleh salah satu."
    )
    assert describe(rule, NAMES) == "realisasi: Usaha mikro + Usaha kecil atau Jumlah UMKM, tidak keduanya"


def test_the_target_can_be_checked_and_the_rule_reads_in_words():
    rule = Rule("target", (Term(1, 1),), Operator.GE, (Term(1, 2), Term(-1, 3)), field="target")
    assert describe(rule, NAMES) == "target: Jumlah UMKM ≥ Usaha mikro − Usaha kecil"
    assert check(rule, {1: Decimal(1), 2: Decimal(3), 3: Decimal(1)}, NAMES).message.startswith(
        "Aturan 'target' tidak terpenuhi: target Jumlah UMKM 1, padahal harus ≥"
    )


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (Rule(" ", (Term(1, 1),), Operator.EQ, (Term(1, 2),)), "Nama aturan tidak boleh kosong"),
        (Rule("x", (), Operator.EQ, (Term(1, 2),)), "Kedua sisi aturan perlu paling sedikit satu indikator"),
        (Rule("x", (Term(1, 1),), Operator.EQ, (Term(1, 1),)), "Kedua sisi aturan sama"),
        (Rule("x", tuple(Term(1, i) for i in range(7)), Operator.EQ, tuple(Term(1, i) for i in range(7, 13))),
         "paling banyak memuat 12 indikator"),
        (Rule("x", (Term(2, 1),), Operator.EQ, (Term(1, 2),)), "Tanda suku aturan"),
        (Rule("x", (Term(1, 1),), Operator.EQ, (Term(1, 2),), field="anggaran"), "Isian 'anggaran' tidak dikenal"),
        (Rule("x", (Term(1, 1),), Operator.EQ, (Term(1, 2),), severity="info"), "Tingkat aturan"),
    ],
)  # fmt: skip
def test_a_rule_that_cannot_check_anything_is_refused(rule, problem):
    with pytest.raises(Refused, match=problem):
        require_valid(rule)


def test_an_outcome_is_said_in_english_with_the_same_terms():
    from kinerja.core.messages import say

    # 17.000 + 2.000 + 500 = 19.500, not the 19.518 written for the total
    outcome = check(UMKM, {1: Decimal(19518), 2: Decimal(17000), 3: Decimal(2000), 4: Decimal(500)}, NAMES)
    assert outcome.message.in_language("en") == (
        "Rule 'UMKM = komponen' not met: realisation Jumlah UMKM 19.518, whereas it must be = "
        "(Usaha mikro 17.000 + Usaha kecil 2.000 + Usaha menengah 500) = 19.500."
    )
    some = Rule(UMKM.name, UMKM.left, UMKM.operator, UMKM.right, missing=Missing.SKIP_IF_ALL)
    counted = check(some, {1: Decimal(19500), 2: Decimal(17000), 3: Decimal(2000), 4: None}, NAMES)
    assert counted.message.in_language("en").endswith("Empty figures counted as 0: 'Usaha menengah'.")
    never = Rule(UMKM.name, UMKM.left, UMKM.operator, UMKM.right, missing=Missing.NEVER_SKIP)
    written = {4: say("rules.written_range", value="400–600 unit")}
    skipped = check(never, {1: Decimal(19500), 2: Decimal(17000), 3: Decimal(2000), 4: None}, NAMES, written)
    assert skipped.message == "'Usaha menengah' berupa rentang '400–600 unit', bukan satu angka"
    assert skipped.message.in_language("en") == "'Usaha menengah' is a range '400–600 unit', not one number"
    pair = Rule("peserta dan lulusan", (Term(1, 6),), Operator.COMPULSORY_PAIR, (Term(1, 5),))
    assert check(pair, {6: Decimal(30)}, NAMES).message.in_language("en") == (
        "Rule 'peserta dan lulusan' not met: realisation 'Peserta' filled in, but 'Lulusan' not; both must be "
        "filled in together."
    )
