"""Evaluasi Renja columns 13–16 and the footer, every figure worked out by hand."""

from decimal import Decimal as D

from kinerja.core.model import Cumulation
from kinerja.core.renja import Pair, Row, evaluate, footer


def quarters(*pairs):
    return tuple(Pair(k=None if k is None else D(k), rp=None if rp is None else D(rp)) for k, rp in pairs)


PEMBINAAN = Row(
    level="kegiatan", code="2.17.02.2.01", name="Pembinaan kelembagaan koperasi",
    indicator="Jumlah koperasi dibina", unit="unit", cumulation=Cumulation.SUM,
    renstra_target=Pair(k=D(500), rp=D(600_000_000)), before=Pair(k=D(310), rp=D(380_000_000)),
    target=Pair(k=D(120), rp=D(125_000_000)),
    quarters=quarters((20, 15_000_000), (35, 30_000_000), (30, 40_000_000), (25, 36_250_000)),
)  # fmt: skip


def test_a_count_adds_up_its_quarters():
    e = evaluate(PEMBINAAN)
    assert e.year == Pair(k=D(110), rp=D(121_250_000))  # 20+35+30+25 = 110; 15+30+40+36,25 juta = 121,25 juta
    assert e.capaian.k == D(110) / D(120) * 100  # 91,666… %
    assert round(e.capaian.k, 2) == D("91.67")
    assert e.capaian.rp == D("97")  # 121.250.000 ÷ 125.000.000 × 100 = 97,00
    assert e.to_date == Pair(k=D(420), rp=D(501_250_000))  # 310 + 110; 380 + 121,25 juta
    assert e.capaian_to_date.k == D(84)  # 420 ÷ 500 × 100
    assert round(e.capaian_to_date.rp, 2) == D("83.54")  # 501,25 ÷ 600 × 100 = 83,541…


def test_a_level_takes_its_last_quarter_and_money_still_adds_up():
    row = Row(
        level="program", code="2.17.02", name="Program pengawasan koperasi", indicator="Persentase koperasi sehat",
        unit="%", cumulation=Cumulation.LAST, renstra_target=Pair(k=D(70), rp=None), before=Pair(k=D(48)),
        target=Pair(k=D(55), rp=D(200_000_000)),
        quarters=quarters((50, 40_000_000), (52, 60_000_000), (None, 50_000_000), (56, None)),
    )  # fmt: skip
    e = evaluate(row)
    assert e.year == Pair(k=D(56), rp=D(150_000_000))  # TW IV's 56; 40 + 60 + 50 juta
    assert round(e.capaian.k, 2) == D("101.82")  # 56 ÷ 55 × 100 = 101,818…
    assert e.capaian.rp == D(75)  # 150 ÷ 200 × 100
    assert e.to_date.k == D(56)  # a level is not added to last year's 48
    assert e.capaian_to_date.k == D(80)  # 56 ÷ 70 × 100
    assert e.capaian_to_date.rp is None  # no Renstra pagu: not computed, never 0


def test_the_footer_averages_column_14_and_gives_its_category():
    rows = [evaluate(PEMBINAAN), evaluate(Row(level="kegiatan", code="x", name="Tanpa realisasi",
                                              target=Pair(k=D(10), rp=D(1_000_000))))]  # fmt: skip
    f = footer(rows)
    assert f.average_k == D(110) / D(120) * 100  # the row without realisation has no capaian: left out
    assert f.band_k.code == "ST"  # 91,67 ≥ 91
    assert f.average_rp == D(97) and f.band_rp.code == "ST"
    assert footer([evaluate(Row(level="kegiatan", code="y", name="z", target=Pair(k=D(100)),
                                quarters=quarters((70, None), (None, None), (None, None), (None, None))))]
                  ).band_k.code == "S"  # 70 ÷ 100 = 70,00: ≥ 66 and < 76  # fmt: skip
