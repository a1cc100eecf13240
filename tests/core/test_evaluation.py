"""The LKE score sheet: parts weighted by the regulation in force, totals, and the predikat's lower-exclusive
bands, every figure worked out by hand."""

from decimal import Decimal

import pytest

from kinerja.core import evaluation as lke

D = Decimal


def test_every_template_weighs_one_hundred_and_follows_its_year():
    for template in lke.TEMPLATES.values():
        assert sum(c.weight for c in template.components) == 100
        assert sum(p.weight for p in template.parts) == 100
    assert lke.template_for(2013).code == "25/2012" and lke.template_for(2014).code == "25/2012"
    assert lke.template_for(2015).code == "12/2015" and lke.template_for(2020).code == "12/2015"
    assert lke.template_for(2021).code == "88/2021"
    # 88/2021: perencanaan 30 as keberadaan 20 %, kualitas 30 %, pemanfaatan 50 %: 6 + 9 + 15
    perencanaan = lke.TEMPLATES["88/2021"].components[0]
    assert [p.weight for p in perencanaan.parts] == [D(6), D(9), D(15)]


def test_a_sheet_scored_by_hand():
    shares = {
        "perencanaan.keberadaan": D(100), "perencanaan.kualitas": D(80), "perencanaan.pemanfaatan": D(60),
        "pengukuran.keberadaan": D(100), "pengukuran.kualitas": D(70), "pengukuran.pemanfaatan": D(50),
        "pelaporan.keberadaan": D(100), "pelaporan.kualitas": D(90), "pelaporan.pemanfaatan": D(70),
        "evaluasi.keberadaan": D(100), "evaluasi.kualitas": D(60), "evaluasi.pemanfaatan": D(40),
    }  # fmt: skip
    sheet = lke.score(lke.TEMPLATES["88/2021"], shares)
    # perencanaan 6 + 9 × 0,8 + 15 × 0,6 = 6 + 7,2 + 9 = 22,2; pengukuran 6 + 6,3 + 7,5 = 19,8;
    # pelaporan 3 + 4,05 + 5,25 = 12,3; evaluasi 5 + 4,5 + 5 = 14,5; total 68,8
    assert [value for _, value in sheet.components] == [D("22.2"), D("19.8"), D("12.3"), D("14.5")]
    assert sheet.total == D("68.8") and sheet.complete
    assert sheet.predikat == ("B", "Baik")  # >60–70
    # the same sheet without two parts: what is scored so far, and no predikat
    partial = lke.score(lke.TEMPLATES["88/2021"], {k: v for k, v in shares.items() if not k.startswith("evaluasi.k")})
    assert partial.total == D("59.3")  # 22,2 + 19,8 + 12,3 + 5 (evaluasi's pemanfaatan alone: 40 % of 12,5)
    assert [p.key for p in partial.missing] == ["evaluasi.keberadaan", "evaluasi.kualitas"]
    assert partial.predikat is None


def test_a_five_component_sheet_of_2016():
    template = lke.template_for(2016)  # 12/2015: 30, 25, 15, 10, 20, each scored whole
    shares = {"perencanaan.nilai": D(70), "pengukuran.nilai": D(60), "pelaporan.nilai": D(80),
              "evaluasi.nilai": D(50), "capaian.nilai": D("75.5")}  # fmt: skip
    sheet = lke.score(template, shares)
    # 21 + 15 + 12 + 5 + 15,1 = 68,1
    assert sheet.total == D("68.1") and sheet.predikat[0] == "B"


@pytest.mark.parametrize(
    ("total", "code"),
    [
        ("100", "AA"), ("90.01", "AA"), ("90", "A"), ("80.01", "A"), ("80.005", "A"), ("80.004", "BB"),
        ("80", "BB"), ("70.01", "BB"), ("70", "B"), ("60", "CC"), ("50.01", "CC"), ("50", "C"), ("30.01", "C"),
        ("30", "D"), ("0", "D"),
    ],
)  # fmt: skip
def test_bands_exclude_their_lower_bound_on_the_total_as_shown(total, code):
    # ">80–90" is A: 80,00 is BB, 80,01 is A; 80,004 is shown 80,00 (BB) and 80,005 is shown 80,01 (A)
    assert lke.predikat(D(total))[0] == code


def test_shares_are_read_the_indonesian_way_or_refused_with_why():
    assert lke.read_share("87,5", "Kualitas") == D("87.5")
    assert lke.read_share(" 75 % ", "Kualitas") == D(75)
    assert lke.read_share("", "Kualitas") is None
    for raw, said in (("100,01", "di luar 0–100"), ("-1", "di luar 0–100"), ("abc", "bukan angka"),
                      ("87.5", "tulis misalnya 75 atau 87,5"), ("12,345", "lebih dari dua angka desimal"),
                      ("NaN", "bukan angka"), ("1e3", "bukan angka")):  # fmt: skip
        with pytest.raises(ValueError, match=said):
            lke.read_share(raw, "Kualitas")


def test_a_draft_report_names_what_is_not_scored():
    from kinerja.reports.evaluation import EvaluationData, lhe
    from kinerja.reports.model import Paragraph

    template = lke.TEMPLATES["88/2021"]
    shares = {part.key: D(80) for part in template.parts if part.key != "evaluasi.keberadaan"}
    report = lhe(
        EvaluationData(region="Kabupaten Uji", agency="Dinas Uji", year=2022, sheet=lke.score(template, shares))
    )
    said = [block.text for block in report.blocks if isinstance(block, Paragraph)]
    assert "DRAF: evaluasi belum ditetapkan." in said[0]
    # 80 % of 95 points scored = 76; the 5 of evaluasi's keberadaan are missing
    assert (
        "Belum lengkap: belum dinilai Evaluasi Akuntabilitas Kinerja Internal, keberadaan. "
        "Predikat belum dapat ditentukan."
    ) in said
    assert lke.score(template, shares).total == D(76)
