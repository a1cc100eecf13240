"""Excel files as agencies make them by hand: percentages typed as 62,87 % are stored by Excel as the
number 0,6287 with a percent format; kinerja reads what the person sees."""

from decimal import Decimal

from openpyxl import load_workbook

from kinerja.pipeline import check_files
from tests.readers.builders import write_xlsx


def test_percent_formatted_numbers_read_as_the_percentages_shown(tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    form_2016 = "".join(text.splitlines(keepends=True)[0:51])
    plain = write_xlsx(form_2016, tmp_path / "teks.xlsx")
    workbook = load_workbook(plain)
    sheet = workbook.active
    row = next(r for r in sheet.iter_rows() if r[1].value == "Persentase koperasi aktif")
    # what Excel keeps when someone types 62,50 % and 62,87 % into cells formatted as percentages
    row[2].value, row[2].number_format = 0.625, "0.00%"
    row[3].value, row[3].number_format = 0.6287, "0.00%"
    # and a capaian column typed as a percentage too: 138,44 % is stored as 1,3844
    second = next(r for r in sheet.iter_rows() if r[1].value == "Jumlah anggota koperasi pada koperasi aktif")
    second[4].value, second[4].number_format = 1.3844, "0.00%"
    formatted = tmp_path / "persen.xlsx"
    workbook.save(formatted)

    expected = check_files([plain])
    result = check_files([formatted])
    rows = {r.indikator: r for r in result.documents[0].rows}
    aktif = rows["Persentase koperasi aktif"]
    assert aktif.target.number == Decimal("62.5") and aktif.realisasi.number == Decimal("62.87")
    # 62,87 ÷ 62,50 × 100 = 100,592 → 100,59, as written in the form: no false capaian_mismatch
    assert f"{aktif.capaian.value:.2f}" == "100.59"
    assert rows["Jumlah anggota koperasi pada koperasi aktif"].capaian_reported.number == Decimal("138.44")
    codes = sorted(f.code for f in result.findings)
    assert codes == sorted(f.code for f in expected.findings)
    assert "capaian_mismatch" not in {f.code for f in result.findings if f.row == aktif.index}
