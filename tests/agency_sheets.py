"""A sheet made the way an agency makes its own capaian table by hand: a merged title block, headers in
its own words ('Uraian Indikator', 'Rencana', 'Realisasi Fisik'), a merged sasaran cell, percent formats,
an average line and a signature block below. Used by the column-mapping tests."""

import io

import openpyxl


def agency_sheet(realised: str = "Realisasi Fisik") -> bytes:
    """``realised``: the header of the realisation column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Capaian 2016"
    for row, text in (
        (1, "LAPORAN CAPAIAN KINERJA"),
        (2, "DINAS PERHUBUNGAN KABUPATEN CONTOH"),
        (3, "TAHUN ANGGARAN 2016"),
    ):
        sheet.cell(row, 1, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    for column, text in enumerate(("No", "Sasaran", "Uraian Indikator", "Sat.", "Rencana", realised, "Persentase"), 1):
        sheet.cell(5, column, text)
    rows = [
        (1, "Meningkatnya layanan angkutan", "Jumlah penumpang angkutan umum", "orang", 24450, 26870, 1.099),
        (2, None, "Persentase halte layak", "%", 80, 72, 0.95),
        (3, "Terwujudnya keselamatan lalu lintas", "Jumlah rambu terpasang", "unit", 120, 114, 0.95),
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, 1):
            if value is not None:
                sheet.cell(6 + offset, column, value)
        sheet.cell(6 + offset, 7).number_format = "0.00%"
    sheet.merge_cells("B6:B7")  # the sasaran written once for its two indicators
    sheet.cell(9, 1, "Rata-rata capaian")
    sheet.cell(9, 7, 0.9982).number_format = "0.00%"
    sheet.cell(11, 5, "Martapura, 31 Desember 2016")
    sheet.cell(12, 5, "Kepala Dinas,")
    sheet.cell(13, 5, "NAMA KEPALA DINAS")
    sheet.cell(14, 5, "NIP. 19600512 198503 1 025")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
