"""A region's own category scale: read from what an admin types, checked, never guessed, and used for every
line and mean of the years it decides. Figures worked out by hand in each test."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.core import renja, snapshot
from kinerja.core import year as core
from kinerja.core.categories import (
    PERMENDAGRI_BANDS,
    ScaleError,
    category,
    describe_scale,
    parse_scale,
    scale_sentence,
    scale_text,
)
from kinerja.core.model import Direction
from kinerja.core.year import AddLine, Figure, SetFigure

# A scale of four categories, as a Perbup might set it: ≥ 90,5 very good, ≥ 75 good, ≥ 50 fair, below that poor.
FOUR = """
90,5 | SB | Sangat Baik
75   | B  | Baik
50   | C  | Cukup
     | K  | Kurang
"""


def test_a_scale_is_read_highest_first_with_inclusive_lower_bounds():
    bands = parse_scale(FOUR)
    assert [(b.lower, b.code, b.label) for b in bands[:3]] == [
        (Decimal("90.5"), "SB", "Sangat Baik"),
        (Decimal(75), "B", "Baik"),
        (Decimal(50), "C", "Cukup"),
    ]
    assert bands[-1].code == "K" and not bands[-1].lower.is_finite()
    # 90,5 is the first capaian of SB; 90,49 is still B; 75 is B, 74,99 is C; 49,99 and 0 are K
    assert category(Decimal("90.5"), bands).code == "SB"
    assert category(Decimal("90.49"), bands).code == "B"
    assert category(Decimal(75), bands).code == "B"
    assert category(Decimal("74.99"), bands).code == "C"
    assert category(Decimal("49.99"), bands).code == "K"
    assert category(Decimal(0), bands).code == "K"
    assert category(Decimal(250), bands).code == "SB"  # no top bound: 250 % is the top category
    assert category(None, bands) is None


def test_the_colours_spread_from_the_best_tone_to_the_worst():
    # four bands over five tones: positions 0, 1, 2, 3 → 0, round(4/3)=1, round(8/3)=3, 4
    assert [b.tone for b in parse_scale(FOUR)] == ["ST", "T", "R", "SR"]
    two = parse_scale("60 | L | Lulus\n | TL | Tidak lulus")
    assert [b.tone for b in two] == ["ST", "SR"]
    # the Permendagri bands keep their own colours
    assert [b.tone for b in PERMENDAGRI_BANDS] == ["ST", "T", "S", "R", "SR"]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("1.000 | A | Istimewa\n | B | Biasa", "dapat dibaca 1.000 atau 1,000"),
        ("90,125 | A | Istimewa\n | B | Biasa", "dapat dibaca 90,125 atau 90.125"),  # a thousand, or one: never guessed
        (
            "90 | ST | Sangat Tinggi\n95 | T | Tinggi\n | R | Rendah",
            "baris 2: batas 95 harus lebih kecil dari batas di atasnya (90)",
        ),
        ("90 | ST | A\n90 | T | B\n | R | C", "batas 90 harus lebih kecil"),  # two bands from 90: an overlap
        ("90 | ST | A\n 76 | ST | B\n | R | C", "kode 'ST' dipakai lebih dari satu kali"),
        ("90 | ST | A\n 76 | T | B\n 50 | R | C", "kategori terendah tidak diberi batas bawah"),
        ("90 | ST | A\n | T | B\n | R | C", "baris 2: hanya kategori terendah yang tanpa batas bawah"),
        ("90 | ST | A", "2 sampai 7 baris"),
        ("\n".join(f"{100 - i} | K{i} | Kategori {i}" for i in range(7)) + "\n | Z | Z", "terbaca 8"),
        ("90 ST Sangat Tinggi\n | R | Rendah", "baris 1: tulis 'batas bawah | kode | nama'"),
        ("sembilan puluh | ST | A\n | R | B", "bukan angka"),
        ("90,1234 | ST | A\n | R | B", "paling banyak dua angka desimal"),
        ("1500 | ST | A\n | R | B", "di luar 0 sampai 1.000 %"),
        ("90 | S T | A\n | R | B", "kode 'S T' harus 1–4 huruf atau angka"),
        ("90 | ST | \n | R | B", "baris 1: nama kategori harus diisi"),
        ("90 | ST | " + "x" * 41 + "\n | R | B", "paling banyak 40 karakter"),
        ("90 | ST | A\n | R | B" + " " * 3000, "terlalu panjang"),
    ],
)
def test_a_scale_that_cannot_be_used_is_refused_with_the_reason(text, reason):
    with pytest.raises(ScaleError) as refused:
        parse_scale(text)
    assert reason in str(refused.value)


def test_every_problem_is_said_at_once():
    with pytest.raises(ScaleError) as refused:
        parse_scale("90 | ST | A\n95 | ST | B\n10 | R | C")
    assert len(refused.value.reasons) == 3  # not descending, last band bounded, ST twice


def test_the_permendagri_scale_is_written_and_said_as_before():
    assert parse_scale(scale_text(PERMENDAGRI_BANDS)) == PERMENDAGRI_BANDS
    assert scale_sentence(PERMENDAGRI_BANDS) == (
        "Kategori menurut skala Permendagri 86/2017: ≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, ≥51 Rendah, "
        "selebihnya Sangat Rendah."
    )
    assert describe_scale(parse_scale(FOUR)) == "SB ≥ 90,5; B ≥ 75; C ≥ 50; K < 50"
    assert scale_sentence(parse_scale(FOUR)).startswith("Kategori menurut skala kategori yang ditetapkan daerah: ≥90,5")


@given(st.lists(st.decimals(min_value=0, max_value=999, places=2), min_size=1, max_size=6, unique=True))
def test_a_scale_written_back_reads_the_same(bounds):
    text = "\n".join(
        f"{str(b).replace('.', ',')} | K{i} | Kategori {i}" for i, b in enumerate(sorted(bounds, reverse=True))
    )
    bands = parse_scale(text + "\n | Z | Terendah")
    assert parse_scale(scale_text(bands)) == bands


def _line(target: str, realisasi: str) -> core.Line:
    figures = {"target": Figure(Decimal(target), ""), "year": Figure(Decimal(realisasi), "")}
    return core.Line(indicator_id=1, name="Cakupan layanan", unit="%", direction=Direction.HIGHER, figures=figures)


def test_a_year_categorises_every_line_and_mean_on_its_scale():
    bands = parse_scale(FOUR)
    # 77 ÷ 85 × 100 = 90,59: Sangat Tinggi on the Permendagri scale (≥ 91? no: Tinggi), Sangat Baik on this one
    line = _line("85", "77")
    plain = core.Year(agency_id=1, year=2025, lines=(line,))
    own = core.Year(agency_id=1, year=2025, lines=(line,), bands=bands)
    assert plain.lines[0].band.code == "T"  # 90,59 < 91
    assert own.lines[0].band.code == "SB"  # 90,59 ≥ 90,5
    assert own.band(own.average()).label == "Sangat Baik"
    # a line changed or added later is categorised on the same scale
    changed = own.changed([SetFigure(indicator_id=1, field="year", value=Decimal(60))])
    assert changed.lines[0].band.code == "C"  # 60 ÷ 85 × 100 = 70,59: ≥ 50, < 75
    added = own.changed([AddLine(core.Line(indicator_id=None, ref="baru", name="Baru", unit="%"))])
    assert all(line.bands is bands for line in added.lines)


def test_a_published_year_comes_back_on_the_scale_it_is_given():
    bands = parse_scale(FOUR)
    year = core.Year(agency_id=1, year=2025, lines=(_line("85", "77"),), bands=bands)
    back = snapshot.load(snapshot.dump(year), bands=bands)
    assert back.lines[0].band.code == "SB"
    assert snapshot.load(snapshot.dump(year)).lines[0].band.code == "T"  # given none: the Permendagri scale


def test_the_renja_footer_is_categorised_on_the_scale():
    evaluated = [
        renja.Evaluated(
            row=None, to_date=renja.Pair(), capaian=renja.Pair(k=Decimal("80")), capaian_to_date=renja.Pair(),
            year=renja.Pair(),
        )
    ]  # fmt: skip
    assert renja.footer(evaluated).band_k.code == "T"  # 80 ≥ 76
    assert renja.footer(evaluated, parse_scale(FOUR)).band_k.code == "B"  # 80 ≥ 75, < 90,5
