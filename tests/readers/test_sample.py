"""The Banjar sample, read and checked: the acceptance points of the reading core."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.pipeline import check_files, result_json

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "banjar.json"


@pytest.fixture(scope="module")
def result(sample_path):
    return check_files([sample_path])


@pytest.fixture(scope="module")
def data(result):
    return result_json(result, with_source=False)


def findings(data, code, document=None, row=None):
    return [
        f
        for f in data["findings"]
        if f["code"] == code and (document is None or f["document"] == document) and (row is None or f["row"] == row)
    ]


def row_named(document, name, unit=None):
    rows = [r for r in document["rows"] if r["indikator"] == name and (unit is None or r["satuan"] == unit)]
    assert len(rows) == 1, name
    return rows[0]


def test_golden(data):
    """The whole reading of the sample, compared with the reviewed golden file."""
    assert data == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_five_tables_with_151_rows(data):
    kinds = [(d["kind"], d["year"], len(d["rows"])) for d in data["documents"]]
    assert kinds == [
        ("pengukuran_kinerja", 2016, 26),
        ("pengukuran_kinerja", 2015, 36),
        ("pengukuran_kinerja", 2014, 35),
        ("pengukuran_kinerja", 2013, 28),
        ("capaian_renstra", 2016, 26),
    ]
    assert sum(len(d["rows"]) for d in data["documents"]) == 151


def test_budgets_and_signatories(data):
    budgets = [d["budget"] for d in data["documents"][:4]]
    assert budgets[0] == {"anggaran": 2165319100, "realisasi": 2114446240, "serapan": 97.65}
    assert budgets[1] == {"anggaran": 2568891300, "realisasi": 2422729129, "serapan": 94.31}
    assert budgets[2] == {"anggaran": 2529945350, "realisasi": None, "serapan": None}
    assert budgets[3] == {"anggaran": 2181927300, "realisasi": 1611865497, "serapan": 73.87}
    for document, year in zip(data["documents"][:4], (2016, 2015, 2014, 2013), strict=True):
        s = document["signatory"]
        assert (s["name"], s["rank"], s["nip"], s["date"]) == (
            "Ir. ACHMAD SUPRAPTO",
            "Pembina Utama Muda",
            "196005121985031025",
            f"{year}-12-31",
        )
        assert document["region"] == "Kabupaten Banjar"


def test_form_headed_2016_but_signed_2015_is_the_2015_form(data):
    assert data["documents"][1]["year"] == 2015
    (finding,) = findings(data, "year_mismatch")
    assert finding["document"] == 1 and finding["severity"] == "error"
    assert finding["reported"] == 2016 and finding["expected"] == 2015


def test_2016_rows(data):
    form = data["documents"][0]
    aktif = row_named(form, "Persentase koperasi aktif")
    assert (aktif["target"], aktif["realisasi"], aktif["capaian_reported"], aktif["capaian"]) == (
        62.5,
        62.87,
        100.59,
        100.59,
    )
    omzet = row_named(form, "Jumlah omzet koperasi")
    assert (omzet["satuan"], omzet["target"], omzet["realisasi"]) == ("Rp. (juta)", 46821, 64184)
    sdm = row_named(form, "SDM yang mengikuti pelatihan")
    assert sdm["capaian"] is None and sdm["category"] is None and sdm["capaian_reported"] == 140


@pytest.mark.parametrize(
    "document, name, code, reported, expected",
    [
        (0, "SDM yang mengikuti pelatihan", "target_zero", 140, None),
        (1, "Jumlah anggota koperasi", "capaian_mismatch", 109.1, 109.9),
        (1, "Kerjasama antar lembaga", "capaian_mismatch", 150, 170),
        (2, "Jumlah UMKM yang diberikan pendampingan admin", "capaian_mismatch", 100, 12),
        (3, "Jumlah Usaha Kecil yang aktif", "capaian_mismatch", 20.9, 12.13),
        (1, "Jumlah anggota koperasi pada koperasi aktif", "capaian_mismatch", 129.22, 133.88),
        (3, "Jumlah Usaha Mikro yang aktif", "capaian_mismatch", 91.33, 89.54),
        (3, "Jumlah UMKM", "capaian_mismatch", 85.58, 83.28),
    ],
)
def test_inconsistent_capaian_is_flagged(data, document, name, code, reported, expected):
    rows = [i for i, r in enumerate(data["documents"][document]["rows"]) if r["indikator"] == name]
    (hit,) = [f for f in findings(data, code, document) if f["row"] in rows]
    assert hit["severity"] == "error"
    assert hit["reported"] == reported and hit["expected"] == expected


def test_rounding_difference_is_info(data):
    hits = findings(data, "capaian_rounding")
    assert {(f["document"], f["row"], f["severity"]) for f in hits} == {(0, 2, "info"), (4, 2, "info")}


def test_slid_rows_are_recovered(data):
    slid = findings(data, "row_slid", 2)
    names = [data["documents"][2]["rows"][f["row"]]["indikator"] for f in slid]
    assert names == [
        "Jumlah Usaha Mikro yang aktif",
        "Jumlah Usaha Kecil yang aktif",
        "Jumlah Usaha Menengah yang aktif",
        "Jumlah UMKM",
        "Jumlah BPR / LKM",
    ]
    mikro = row_named(data["documents"][2], "Jumlah Usaha Mikro yang aktif")
    assert mikro["sasaran"] == "Terwujudnya database UMKM yang valid di Kabupaten Banjar"
    assert (mikro["target"], mikro["realisasi"], mikro["capaian_reported"]) == (9763, 9851, None)
    kecil = row_named(data["documents"][2], "Jumlah Usaha Kecil yang aktif")
    assert kecil["sasaran"] == mikro["sasaran"] and kecil["capaian_reported"] == 41.83
    bpr = row_named(data["documents"][2], "Jumlah BPR / LKM")
    assert bpr["realisasi_text"] == "4 BPR/15 LKM" and bpr["sasaran"].startswith("Mendorong perkuatan")


def test_malformed_budget_and_lkjip_figure(data):
    (budget,) = findings(data, "budget_unreadable")
    assert budget["document"] == 2 and budget["reported"] == "Rp. 2.119.2015.485" and budget["severity"] == "error"
    (mikro,) = findings(data, "malformed_number", 4)
    assert mikro["reported"] == "31.15 orang/badan usaha"
    assert data["documents"][4]["rows"][mikro["row"]]["realisasi"] is None
    (mismatch,) = findings(data, "value_mismatch", 4, mikro["row"])
    assert mismatch["expected"] == 31150


def test_renstra_progress(data):
    lkjip = data["documents"][4]
    ksp = row_named(lkjip, "Persentase koperasi simpan pinjam yang sehat usaha")
    assert ksp["capaian_akhir"] == 3.41 and ksp["capaian_akhir_reported"] == 0.034
    hits = findings(data, "renstra_progress_mismatch")
    assert {lkjip["rows"][f["row"]]["indikator"] for f in hits} == {
        "Persentase koperasi simpan pinjam yang sehat usaha",
        "Terpeliharanya sarana dan prasarana pelayanan perkantoran",
    }
    (rule,) = findings(data, "renstra_rule")
    assert "terakhir" in rule["message"]


def test_other_problems_found(data):
    assert {f["row"] for f in findings(data, "percent_unit_mismatch")} == {10}
    magnitude = {(f["document"], f["reported"]) for f in findings(data, "magnitude_outlier")}
    assert magnitude == {(2, 27), (2, 19), (3, 55000000)}
    assert len(findings(data, "realisasi_missing", 3)) == 3
    assert len(findings(data, "realisasi_text")) == 2
    prev = [
        (f["row"], f["reported"], f["expected"])
        for f in findings(data, "value_mismatch", 4)
        if f["field"] == "realisasi_prev"
    ]
    assert prev == [(15, 6, 7), (17, 7, 0)]


def test_ambiguous_numbers_record_the_reading(data):
    ambiguous = findings(data, "ambiguous_number")
    assert all(f["severity"] == "info" for f in ambiguous)
    omzet = [f for f in ambiguous if f["document"] == 1 and f["row"] == 5 and f["field"] == "target"]
    assert omzet[0]["expected"] == 44000 and "tabel yang sama" in omzet[0]["message"]
    pct = [f for f in ambiguous if f["document"] == 1 and f["row"] == 13 and f["field"] == "capaian_reported"]
    assert pct[0]["expected"] == 1425 and "% capaian" in pct[0]["message"]


def test_no_false_alarms(result):
    """Rows whose own figures agree get no error or warning about those figures."""
    row_codes = {"capaian_mismatch", "target_zero", "realisasi_missing", "realisasi_text", "malformed_number"}
    flagged = {(f.document, f.row) for f in result.findings if f.code in row_codes}
    for d, document in enumerate(result.documents):
        for row in document.rows:
            agrees = (
                row.capaian is not None
                and row.capaian.value is not None
                and row.capaian_reported.is_number
                and abs(row.capaian.value - row.capaian_reported.number) < Decimal("0.02")
            )
            if agrees:
                assert (d, row.index) not in flagged


def test_every_flagged_error_has_a_message_in_indonesian(data):
    for f in data["findings"]:
        assert f["message"] and f["code"] and f["severity"] in ("error", "warning", "info")


def test_unit_changes_between_years_are_noted(data):
    changed = [
        (f["document"], data["documents"][f["document"]]["rows"][f["row"]]["indikator"], f["expected"], f["reported"])
        for f in findings(data, "unit_changed")
    ]
    assert (1, "Tersusunnya dokumen perencanaan tepat waktu", "dokumen", "laporan") in changed
    assert all(f["severity"] == "info" for f in findings(data, "unit_changed"))
