"""Checks on small documents written in the documents' own layout."""

from kinerja.pipeline import check_files, result_json

FORM = """**PENGUKURAN KINERJA
DINAS CONTOH
KABUPATEN CONTOH
TAHUN 2020**

Sasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\t%
Sasaran satu\tJumlah Usaha Mikro yang aktif\t100 unit\t90 unit\t90
\tJumlah Usaha Kecil yang aktif\t10 unit\t9 unit\t90
\tJumlah Usaha Menengah yang aktif\t5 unit\t5 unit\t100
\tJumlah UMKM\t115 unit\t104 unit\t90,43
\tNilai ekspor\t12,500 Rp. (juta)\t12,000 Rp. (juta)\t96
\tLuas lahan\t2,500 ha\t2,600 ha\t104

Jumlah Anggaran Kegiatan Tahun 2020 : Rp. 1.000.000
Jumlah Realisasi Anggaran Kegiatan Tahun 2020 : Rp. 1.200.000

Martapura, 31 Desember 2020
Kepala Dinas,
DR. CONTOH
Pembina
NIP. 19700101 199003 1 001
"""


def run(tmp_path, text):
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    return result_json(check_files([path]), with_source=False)


def codes(data):
    return [(f["code"], f["row"], f["field"], f["severity"]) for f in data["findings"]]


def test_budget_above_its_ceiling_is_an_error(tmp_path):
    data = run(tmp_path, FORM)
    assert ("budget_over", None, "budget.realisasi", "error") in codes(data)


def test_component_sum(tmp_path):
    data = run(tmp_path, FORM)
    assert not [f for f in data["findings"] if f["code"] == "component_sum_mismatch"]
    broken = run(tmp_path, FORM.replace("\t115 unit\t104 unit\t90,43", "\t120 unit\t104 unit\t86,67"))
    found = [
        (f["field"], f["reported"], f["expected"]) for f in broken["findings"] if f["code"] == "component_sum_mismatch"
    ]
    assert found == [("target", 120, 115)]


def test_ambiguous_comma_without_evidence_is_a_warning(tmp_path):
    data = run(tmp_path, FORM)
    rows = data["documents"][0]["rows"]
    ekspor = rows[4]
    # the reported 96 is consistent with either reading, and nothing else in the table decides
    assert ekspor["target"] == 12.5 and ekspor["realisasi"] == 12
    found = [f for f in data["findings"] if f["code"] == "ambiguous_number" and f["row"] == 4]
    assert {f["severity"] for f in found} == {"warning"}
    assert all("kaidah Indonesia" in f["message"] for f in found)


def test_capaian_decides_between_readings(tmp_path):
    text = FORM.replace("\tLuas lahan\t2,500 ha\t2,600 ha\t104", "\tLuas lahan\t2,500 ha\t2600 ha\t104")
    data = run(tmp_path, text)
    lahan = data["documents"][0]["rows"][5]
    assert lahan["target"] == 2500 and lahan["capaian"] == 104
    (found,) = [f for f in data["findings"] if f["code"] == "ambiguous_number" and f["row"] == 5]
    assert found["severity"] == "info" and "% capaian" in found["message"]


def test_signatory_and_year(tmp_path):
    data = run(tmp_path, FORM)
    document = data["documents"][0]
    assert (
        document["year"] == 2020 and document["agency"] == "Dinas Contoh" and document["region"] == "Kabupaten Contoh"
    )
    assert document["signatory"]["nip"] == "197001011990031001"
    assert not [f for f in data["findings"] if f["code"] == "year_mismatch"]


def test_invalid_nip_is_a_warning(tmp_path):
    data = run(tmp_path, FORM.replace("NIP. 19700101 199003 1 001", "NIP. 19701301 199003 1 001"))
    (found,) = [f for f in data["findings"] if f["code"] == "nip_invalid"]
    assert found["severity"] == "warning" and "tanggal lahir" in found["message"]
    short = run(tmp_path, FORM.replace("NIP. 19700101 199003 1 001", "NIP. 19700101 1990"))
    assert [f["code"] for f in short["findings"] if f["code"] == "nip_invalid"] == ["nip_invalid"]


def test_a_stated_absorption_is_checked_against_the_budget(tmp_path):
    """kinerja writes "Rp. … (serapan 90 %)"; a form that says so is checked: 900.000 ÷ 1.000.000 × 100 = 90."""
    right = run(tmp_path, FORM.replace("Rp. 1.200.000", "Rp. 900.000 (serapan 90,00 %)"))
    assert not [f for f in right["findings"] if f["code"] in ("absorption_mismatch", "budget_unreadable")]
    wrong = run(tmp_path, FORM.replace("Rp. 1.200.000", "Rp. 900.000 (serapan 95,00 %)"))
    found = [(f["field"], f["reported"], f["expected"], f["severity"]) for f in wrong["findings"]
             if f["code"] == "absorption_mismatch"]  # fmt: skip
    assert found == [("budget.absorption", 95, 90, "error")]


def test_a_mismatch_names_the_other_formula_the_document_used(tmp_path):
    """Forms are read as higher-is-better. A lower-is-better indicator computed by its own rule shows up as a
    mismatch: the message says which formula the written figure follows, so the operator sets the direction."""
    text = FORM.replace(
        "\tLuas lahan\t2,500 ha\t2,600 ha\t104",
        "\tPersentase kredit macet\t5 %\t4 %\t120\n\tAngka kematian ternak\t5 ekor\t4 ekor\t125\n"
        "\tJumlah pelatihan\t12 kali\t8 kali\t100",
    )
    messages = {f["message"].split("'")[1]: f["message"] for f in run(tmp_path, text)["findings"]
                if f["code"] == "capaian_mismatch"}  # fmt: skip
    # (2 × 5 − 4) ÷ 5 × 100 = 120: the official lower-is-better rule
    assert messages["Persentase kredit macet"] == (
        "'Persentase kredit macet': tertulis 120, padahal realisasi 4 % ÷ target 5 % × 100 = 80,00. Angka tertulis "
        "sesuai rumus (2 × target − realisasi) ÷ target × 100, paling kecil 0 = 120,00: bila indikator ini memang "
        "makin rendah makin baik, ubah arahnya."
    )
    # 5 ÷ 4 × 100 = 125: the inverse ratio some LKjIPs use
    assert messages["Angka kematian ternak"].endswith(
        "Angka tertulis sesuai rumus target ÷ realisasi × 100 = 125,00: rumus yang dipakai sebagian LKjIP untuk "
        "indikator makin rendah makin baik, bukan rumus PermenPAN-RB 8/2021 yang dipakai kinerja."
    )
    # 8 ÷ 12 = 66,67; (24 − 8) ÷ 12 = 133,33; 12 ÷ 8 = 150: 100 is none of them, no formula is named
    assert messages["Jumlah pelatihan"].endswith("× 100 = 66,67.")


def test_a_lower_is_better_row_is_checked_and_explained_by_its_own_rule():
    from decimal import Decimal

    from kinerja.core.checks import check_documents
    from kinerja.core.model import Direction, DocKind, Document, Row
    from kinerja.core.values import read_value

    row = Row(index=0, line=None, sasaran="S", indikator="Angka kredit macet", satuan="%", target=read_value("5 %"),
              realisasi=read_value("4 %"), capaian_reported=read_value("80"), direction=Direction.LOWER)  # fmt: skip
    result = check_documents([Document(kind=DocKind.PENGUKURAN, year=2020, rows=(row,))])
    (finding,) = [f for f in result.findings if f.code == "capaian_mismatch"]
    # (2 × 5 − 4) ÷ 5 × 100 = 120; the 80 written is 4 ÷ 5 × 100
    assert finding.message == (
        "'Angka kredit macet': tertulis 80, padahal (2 × target 5 % − realisasi 4 %) ÷ target 5 % × 100 = 120,00. "
        "Angka tertulis sesuai rumus realisasi ÷ target × 100 = 80,00: rumus makin tinggi makin baik, padahal "
        "indikator ini makin rendah makin baik."
    )
    assert finding.expected == Decimal("120.00")
