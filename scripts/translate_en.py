"""Fill locale/en/LC_MESSAGES/django.po from the table below, then compile it (needs msgfmt).

Run after `django-admin makemessages -l en --no-location` in src/kinerja/web.
The compiled .mo is committed so installs need no gettext tools.
"""

import re
import subprocess
import sys
from pathlib import Path

EN = {
    "akumulasi": "cumulation",
    "untuk reviewer dan admin; diisi otomatis dari perangkat daerah untuk peran lain": "for reviewers and admins; filled in from the agency for other roles",
    "Operator dan kepala perangkat daerah memerlukan perangkat daerah.": "Operators and heads of agency need an agency.",
    "Pilih pemerintah daerah untuk peran ini.": "Choose the regional government for this role.",
    "Yang akan berubah": "What will change",
    "draf yang ada": "existing draft",
    "tahun baru (draf)": "new year (draft)",
    "Isian": "Field",
    "Tidak ada yang berubah pada tahun ini.": "Nothing changes in this year.",
    "Nama-nama ini mirip tetapi tidak sama. Centang yang memang indikator yang sama; yang tidak dicentang disimpan sebagai indikator terpisah dan tetap dapat ditautkan nanti.": "These names are similar but not the same. Tick the ones that are the same indicator; those left unticked are stored as separate indicators and can still be linked later.",
    "Terbitkan tahun baru dari dokumen bertanda tangan ini apa adanya (tindakan admin, tercatat di riwayat)": "Publish the new years of this signed document as they are (an admin's act, recorded in the history)",
    "Realisasi tahun": "Realisation of the year",
    "Nama, satuan, sasaran, arah dan definisi indikator": "Name, unit, objective, direction and definition of the indicator",
    "Indikator tidak ditemukan.": "Indicator not found.",
    "NIP harus terdiri dari 18 angka.": "The NIP must have 18 digits.",
    "8 angka pertama NIP harus tanggal lahir yang sah (TTTTBBHH).": "The first 8 digits of the NIP must be a valid birth date (YYYYMMDD).",
    "Tahun lahir pada NIP tidak masuk akal.": "The birth year in the NIP is not plausible.",
    "nama": "name",
    "pemerintah daerah": "regional government",
    "perangkat daerah": "agency",
    "jabatan": "position",
    "pangkat": "rank",
    "NIP": "NIP",
    "pejabat": "official",
    "tahun awal": "start year",
    "tahun akhir": "end year",
    "Renstra": "Renstra (strategic plan)",
    "tujuan": "goal",
    "sasaran strategis": "strategic objective",
    "nama indikator": "indicator name",
    "satuan": "unit",
    "arah": "direction",
    "makin tinggi makin baik": "higher is better",
    "makin rendah makin baik": "lower is better",
    "akumulasi menuju target Renstra": "accumulation toward the Renstra target",
    "nilai terakhir (tingkat, persentase)": "latest value (level, percentage)",
    "jumlah kumulatif (arus)": "cumulative sum (flow)",
    "definisi / rumus": "definition / formula",
    "sumber data": "data source",
    "IKU": "key indicator (IKU)",
    "indikator kinerja": "performance indicator",
    "menunggu konfirmasi": "awaiting confirmation",
    "dikonfirmasi": "confirmed",
    "ditolak": "rejected",
    "tahun": "year",
    "target": "target",
    "tertulis": "as written",
    "target akhir": "end target",
    "triwulan": "quarter",
    "realisasi": "realisation",
    "catatan": "note",
    "anggaran": "budget",
    "realisasi anggaran": "budget spent",
    "program": "programme",
    "kegiatan": "activity",
    "draf": "draft",
    "diajukan": "submitted",
    "dikembalikan": "returned",
    "diverifikasi": "verified",
    "disetujui dan ditandatangani": "approved and signed",
    "dipublikasikan": "published",
    "admin": "admin",
    "operator": "operator",
    "reviewer": "reviewer",
    "kepala perangkat daerah": "head of agency",
    "Pengukuran Kinerja": "Performance measurement",
    "Tahun": "Year",
    "Tahun lain": "Other years",
    "Temuan pada dokumen": "Findings on the document",
    "Sasaran, indikator, target, realisasi dan %% capaian tahun %(year)s": "Objectives, indicators, targets, realisations and %% achievement, %(year)s",
    "Sasaran Strategis": "Strategic objective",
    "Indikator Kinerja": "Performance indicator",
    "Target": "Target",
    "Realisasi": "Realisation",
    "%% tertulis": "%% as written",
    "%% capaian (dihitung)": "%% achievement (computed)",
    "Kategori": "Category",
    "rata-rata": "average",
    "tidak dapat dihitung": "cannot be computed",
    "Rata-rata capaian (indikator yang dapat dihitung, tanpa batas atas)": "Average achievement (computable indicators, uncapped)",
    "capaian tidak dapat dihitung": "achievement cannot be computed",
    "Anggaran": "Budget",
    "Jumlah anggaran": "Total budget",
    "Realisasi anggaran": "Budget spent",
    "tidak terbaca": "unreadable",
    "Serapan": "Absorption",
    "Anggaran belum dicatat.": "No budget recorded yet.",
    "Penandatangan": "Signatory",
    "Belum ditandatangani.": "Not signed yet.",
    "Temuan: %(e)s galat, %(w)s peringatan, %(i)s info.": "Findings: %(e)s errors, %(w)s warnings, %(i)s notes.",
    "Temuan impor": "Import findings",
    "Pemerintah daerah": "Regional governments",
    "Belum ada data. Impor dokumen dengan perintah": "No data yet. Import documents with the command",
    "Diimpor": "Imported",
    "baris": "row",
    "Tidak ada temuan.": "No findings.",
    "Nama indikator per tahun": "Indicator name per year",
    "Target, realisasi dan capaian per tahun": "Target, realisation and achievement per year",
    "Belum ada data yang dapat ditampilkan.": "Nothing to show yet.",
    "Grafik target dan realisasi per tahun": "Chart of target and realisation per year",
    "Target (garis) dan realisasi (batang) per tahun.": "Target (line) and realisation (bars) per year.",
    "Target akhir Renstra": "Renstra end target",
    "Periode": "Period",
    "Target akhir": "End target",
    "Progres (dihitung)": "Progress (computed)",
    "Aturan": "Rule",
    "Progres tertulis (LKjIP)": "Progress as written (LKjIP)",
    "Target akhir Renstra belum dicatat.": "No Renstra end target recorded yet.",
    "Temuan": "Findings",
    "Kinerja perangkat daerah %(name)s": "Agency performance in %(name)s",
    "Capaian rata-rata dan kategori dihitung dari tahun terakhir yang dapat Anda lihat.": "Average achievement and categories are computed for the latest year you can see.",
    "Ringkasan kinerja per perangkat daerah": "Performance summary per agency",
    "Perangkat daerah": "Agency",
    "Capaian rata-rata": "Average achievement",
    "Serapan anggaran": "Budget absorption",
    "Temuan terbuka": "Open findings",
    "Belum ada perangkat daerah.": "No agencies yet.",
    "Skala Permendagri 86/2017: ≥91 ST, ≥76 T, ≥66 S, ≥51 R, selebihnya SR.": "Permendagri 86/2017 scale: ≥91 ST, ≥76 T, ≥66 S, ≥51 R, otherwise SR.",
    "capaian tertulis tidak sesuai dengan target dan realisasi": "written achievement does not match target and realisation",
    "capaian tertulis berbeda satu angka terakhir (pembulatan)": "written achievement one unit off in the last digit (rounding)",
    "target 0: capaian tidak dapat dihitung": "target 0: achievement cannot be computed",
    "realisasi kosong": "realisation missing",
    "realisasi berupa teks, bukan angka": "realisation is text, not a number",
    "angka tidak dapat dibaca": "figure cannot be read",
    "angka dapat dibaca dua cara: bacaan yang dipilih dan alasannya": "figure can be read two ways: the reading chosen and why",
    "sel baris bergeser kolom": "row cells slid columns",
    "tahun pada judul bertentangan dengan anggaran atau tanggal tanda tangan": "header year contradicts the budget line or signature date",
    "besaran angka jauh dari tahun-tahun lain": "figure far from the other years' magnitude",
    "indikator persentase diukur dengan satuan lain": "percentage indicator measured in another unit",
    "indikator yang sama bernilai berbeda di dua dokumen": "same indicator, different values in two documents",
    "indikator yang sama bersatuan berbeda di dua dokumen": "same indicator, different units in two documents",
    "progres terhadap target akhir Renstra tidak sesuai": "progress toward the Renstra end target is inconsistent",
    "progres Renstra berbeda satu angka terakhir": "Renstra progress one unit off in the last digit",
    "aturan progres Renstra yang dipakai": "Renstra progress rule applied",
    "realisasi anggaran melebihi anggaran": "budget spent exceeds the budget",
    "angka anggaran tidak dapat dibaca": "budget figure cannot be read",
    "jumlah UMKM tidak sama dengan jumlah komponennya": "UMKM total differs from the sum of its parts",
    "blok kolom target akhir tidak sepanjang tabel": "end-target block does not match the table length",
    "nama perangkat daerah berbeda": "agency named differently",
    "indikator mungkin sama dengan indikator bernama lain": "indicator probably the same as a differently named one",
    "NIP penandatangan tidak sah": "signatory's NIP is not valid",
    "galat": "error",
    "peringatan": "warning",
    "info": "note",
    "Tahun ini belum ada untuk perangkat daerah tersebut.": "This year does not exist for that agency yet.",
    "Anda tidak berhak melihat data tahun ini.": "You may not see this year's data.",
    "Anda tidak berhak melihat indikator ini.": "You may not see this indicator.",
    "Anda tidak berhak melihat impor ini.": "You may not see this import.",
    "Belum ada tahun yang dapat ditampilkan.": "No year to show yet.",
    "Akses ditolak": "Access denied",
    "Anda tidak berhak membuka halaman ini.": "You may not open this page.",
    "Tidak ditemukan": "Not found",
    "Halaman yang Anda cari tidak ada.": "The page you are looking for does not exist.",
    "Langsung ke isi": "Skip to content",
    "Navigasi utama": "Main navigation",
    "Keluar": "Log out",
    "Masuk": "Log in",
    "Bahasa": "Language",
    "Angka capaian dihitung ulang oleh kinerja dari target dan realisasi; angka tertulis dari dokumen ditampilkan berdampingan.": "Achievement figures are recomputed by kinerja from target and realisation; the figures as written in the documents are shown alongside.",
    "Nama pengguna": "Username",
    "Kata sandi": "Password",
    "kepala daerah (pihak kedua Perjanjian Kinerja)": "head of region (second party of the performance agreement)",
    "akun pengguna": "user account",
    "bukti": "evidence",
    "penjelasan": "explanation",
    "buat": "create",
    "ubah": "change",
    "hapus": "delete",
    "alur kerja": "workflow",
    "impor": "import",
    "0 = target dan angka tahunan": "0 = targets and yearly figures",
    "dibuka": "opens",
    "ditutup": "closes",
    "Alur kerja": "Workflow",
    "Entri data": "Data entry",
    "Lihat entri": "View entry",
    "Mulai tahun baru dari rencana tahun ini:": "Start a new year from this year's plan:",
    "Mulai": "Start",
    "Sebelum diajukan:": "Before submitting:",
    "Catatan / alasan (wajib)": "Comment / reason (required)",
    "Catatan": "Comment",
    "catatan (tidak wajib)": "comment (optional)",
    "Unduh laporan": "Download reports",
    "Penjelasan": "Explanation",
    "jelaskan temuan ini": "explain this finding",
    "Simpan penjelasan": "Save explanation",
    "Riwayat": "History",
    "Waktu": "Time",
    "Pengguna": "User",
    "Tindakan": "Action",
    "Apa": "What",
    "Sebelum": "Before",
    "Sesudah": "After",
    "Pratinjau unggahan Excel": "Excel upload preview",
    "Entri": "Entry",
    "Unggahan ini tidak dapat disimpan. Tidak ada yang berubah. Perbaiki lalu unggah ulang:": "This upload cannot be saved. Nothing changed. Fix it and upload again:",
    "Belum ada yang disimpan.": "Nothing has been saved yet.",
    "Indikator": "Indicator",
    "Kolom": "Column",
    "%% capaian baru": "new %% achievement",
    "Tidak ada perubahan angka.": "No figure changes.",
    "Simpan perubahan ini": "Save these changes",
    "Batal": "Cancel",
    "Tahun ini tidak dapat diubah pada status ini. Admin dapat membukanya kembali dengan alasan tertulis.": "This year cannot be changed in this state. An admin can reopen it with a written reason.",
    "Indikator tahun ini": "This year's indicators",
    "Sasaran": "Objective",
    "%% capaian": "%% achievement",
    "Ubah": "Edit",
    "Lihat": "View",
    "Belum ada indikator tahun ini.": "No indicators this year yet.",
    "Simpan anggaran": "Save budget",
    "Isi lewat Excel": "Fill in through Excel",
    "Unduh templat Excel": "Download the Excel template",
    "Unggah templat yang sudah diisi (.xlsx)": "Upload the filled template (.xlsx)",
    "Lihat pratinjau perubahan": "Preview the changes",
    "Tambah indikator": "Add an indicator",
    "Tambah": "Add",
    "Pratinjau impor": "Import preview",
    "tabel": "tables",
    "temuan": "findings",
    "Berkas yang sama sudah pernah diimpor; mengimpornya lagi tidak mengubah apa pun.": "The same file was imported before; importing it again changes nothing.",
    "Tabel capaian Renstra (LKjIP)": "Renstra achievement table (LKjIP)",
    "Satuan": "Unit",
    "%% dihitung": "%% computed",
    "Konfirmasi tautan indikator": "Confirm indicator links",
    "Nama-nama ini mirip tetapi tidak sama. Centang yang memang indikator yang sama; yang tidak dicentang disimpan sebagai indikator terpisah.": "These names are similar but not equal. Tick those that are the same indicator; unticked ones are kept as separate indicators.",
    "Impor": "Import",
    "Impor dokumen": "Import a document",
    "Formulir Pengukuran Kinerja dan tabel LKjIP dalam bentuk .txt, .docx, .xlsx atau .pdf. Anda melihat hasil bacaan dan setiap temuan sebelum apa pun disimpan.": "Performance measurement forms and LKjIP tables as .txt, .docx, .xlsx or .pdf. You see what was read and every finding before anything is saved.",
    "Baca dan periksa": "Read and check",
    "Angka tahun": "Figures for",
    "tulis 1.234,56: titik untuk ribuan, koma untuk desimal": "write 1.234,56: dot for thousands, comma for decimals",
    "Bukti tersimpan": "Stored evidence",
    "Definisi dan arah indikator": "Definition and direction of the indicator",
    "Simpan": "Save",
    "Keluarkan dari rencana tahun ini": "Remove from this year's plan",
    "Riwayat perubahan": "Change history",
    "sebelum": "before",
    "sesudah": "after",
    "Belum ada perubahan.": "No changes yet.",
    "terlambat": "late",
    "Buku Pengukuran Kinerja seluruh perangkat daerah (PDF):": "Performance measurement book of every agency (PDF):",
    "Buku": "Book",
    "Jenis laporan tidak dikenal.": "Unknown report kind.",
    "Belum ada data tahun ini yang dapat ditampilkan.": "No data of this year to show yet.",
    "Renstra dan target akhir": "Renstra and end targets",
    "Tambah periode Renstra": "Add a Renstra period",
    "Akumulasi": "Accumulation",
    "Simpan target akhir": "Save end targets",
    "Belum ada periode Renstra.": "No Renstra period yet.",
    "Anggaran per program dan kegiatan": "Budget by programme and activity",
    "Program": "Programme",
    "Kegiatan": "Activity",
    "Anggaran (Rp)": "Budget (Rp)",
    "Realisasi (Rp)": "Spent (Rp)",
    "Hapus": "Delete",
    "Belum ada rincian program.": "No programme lines yet.",
    "Tambah baris anggaran": "Add a budget line",
    "Sasaran strategis": "Strategic objectives",
    "(tanpa Renstra)": "(no Renstra)",
    "Tujuan": "Goal",
    "tujuan (induk sasaran)": "goal (parent of the objective)",
    "Belum ada sasaran; sasaran dibuat bersama indikator pada halaman entri.": "No objectives yet; they are created with indicators on the entry page.",
    "Kelola": "Manage",
    "satuan indikator berubah dari tahun sebelumnya": "the indicator's unit changed from the year before",
}
PLURALS = {
    "%(n)s catatan": ("%(n)s note", "%(n)s notes"),
    "%(n)s perubahan": ("%(n)s change", "%(n)s changes"),
    "%(n)s perubahan angka": ("%(n)s figure change", "%(n)s figure changes"),
}


def unquote(lines):
    return "".join(re.findall(r'"(.*)"', line)[0] for line in lines).replace('\\"', '"')


def quote(text):
    return '"' + text.replace('"', '\\"') + '"'


def fill(po: Path) -> list[str]:
    text = po.read_text(encoding="utf-8")
    text = text.replace("#, fuzzy\n", "", 1)
    entries = text.split("\n\n")
    missing = []
    out = []
    for entry in entries:
        lines = entry.split("\n")
        if not any(line.startswith("msgid ") for line in lines):
            out.append(entry)
            continue
        i = next(k for k, line in enumerate(lines) if line.startswith("msgid "))
        j = i + 1
        while j < len(lines) and lines[j].startswith('"'):
            j += 1
        msgid = unquote([lines[i][6:]] + lines[i + 1 : j])
        # a filled entry is no longer a guess: drop makemessages' fuzzy flag and previous-msgid lines
        head = [line for line in lines[:i] if not line.startswith(("#, fuzzy", "#|"))]
        if msgid == "":
            out.append(entry)
            continue
        if msgid in PLURALS:
            one, many = PLURALS[msgid]
            plural_line = next(line for line in lines if line.startswith("msgid_plural"))
            out.append(
                "\n".join(
                    head + [f"msgid {quote(msgid)}", plural_line, f"msgstr[0] {quote(one)}", f"msgstr[1] {quote(many)}"]
                )
            )
            continue
        if msgid not in EN:
            missing.append(msgid)
            out.append(entry)
            continue
        out.append("\n".join(head + [f"msgid {quote(msgid)}", f"msgstr {quote(EN[msgid])}"]))
    po.write_text("\n\n".join(out), encoding="utf-8")
    return missing


if __name__ == "__main__":
    po = Path(__file__).resolve().parents[1] / "src/kinerja/web/locale/en/LC_MESSAGES/django.po"
    missing = fill(po)
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        sys.exit(1)
    subprocess.run(["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
