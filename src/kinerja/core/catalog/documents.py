"""What the checks and the readers say about a document: terms, formulas, reasons and findings."""

from __future__ import annotations

# Labels and short terms placed inside sentences.
TERMS = {
    "field.target": ("target", "target"),
    "field.realisasi": ("realisasi", "realisation"),
    "field.capaian_reported": ("% capaian", "% achievement"),
    "field.realisasi_prev": ("realisasi tahun sebelumnya", "previous year's realisation"),
    "field.target_akhir": ("target akhir Renstra", "Renstra end target"),
    "field.capaian_akhir_reported": (
        "% capaian terhadap target akhir Renstra",
        "% achievement against the Renstra end target",
    ),
    "field.anggaran": ("Jumlah anggaran", "The total budget"),
    "field.realisasi_anggaran": ("Jumlah realisasi anggaran", "The total budget realisation"),
    "where.tanda tangan": ("tanda tangan", "the signature"),
    "where.anggaran": ("anggaran", "the budget line"),
    "where.judul": ("judul", "the title"),
    "where.tabel": ("tabel", "the table"),
    "term.empty": ("(kosong)", "(empty)"),
    "term.another_user": ("pengguna lain", "another user"),
    "term.grade": ("{grade} (skor {score})", "{grade} (score {score})"),
    "term.range": ("rentang", "a range"),
    "term.text": ("teks", "text"),
    "term.not_a_number": ("bukan angka", "not a number"),
    "term.thousands": ("ribuan", "thousands"),
    "term.decimals": ("desimal", "decimals"),
    "term.document": ("dokumen {kind} tahun {year}", "the {kind} document of {year}"),
    "kind.pengukuran_kinerja": ("pengukuran kinerja", "Pengukuran Kinerja"),
    "kind.capaian_renstra": ("capaian renstra", "Capaian Renstra"),
}


# Formulas as the findings write them, with the row's figures.
FORMULAS = {
    "formula.higher": ("realisasi {r} ÷ target {t} × 100", "realisation {r} ÷ target {t} × 100"),
    "formula.lower": (
        "(2 × target {t} − realisasi {r}) ÷ target {t} × 100",
        "(2 × target {t} − realisation {r}) ÷ target {t} × 100",
    ),
    "formula.within_range": (
        "realisasi {r} di dalam rentang target {t}, sehingga capaian",
        "realisation {r} within the target range {t}, so achievement",
    ),
    "formula.bound": (
        "batas {side} target {bound} (rentang {t})",
        "the {side} bound of the target {bound} (range {t})",
    ),
    "formula.bound_higher": ("realisasi {r} ÷ {b} × 100", "realisation {r} ÷ {b} × 100"),
    "formula.bound_lower": ("(2 × {b} − realisasi {r}) ÷ {b} × 100", "(2 × {b} − realisation {r}) ÷ {b} × 100"),
    "side.upper": ("atas", "upper"),
    "side.lower": ("bawah", "lower"),
    "formula.renstra": (
        "realisasi {r} ÷ target akhir {t} × 100",
        "realisation {r} ÷ end target {t} × 100",
    ),
    # the rules of kinerja.core.achievement, without figures
    "rule.higher": ("realisasi ÷ target × 100", "realisation ÷ target × 100"),
    "rule.lower": (
        "(2 × target − realisasi) ÷ target × 100, paling kecil 0",
        "(2 × target − realisation) ÷ target × 100, at least 0",
    ),
    "rule.inverse": ("target ÷ realisasi × 100", "target ÷ realisation × 100"),
    "rule.inverse_meaning": (
        "rumus yang dipakai sebagian LKjIP untuk indikator makin rendah makin baik, bukan rumus PermenPAN-RB "
        "8/2021 yang dipakai kinerja",
        "the formula some LKjIPs use for lower-is-better indicators, not the PermenPAN-RB 8/2021 formula kinerja uses",
    ),
    "rule.lower_meaning": (
        "bila indikator ini memang makin rendah makin baik, ubah arahnya",
        "if this indicator really is lower-is-better, change its direction",
    ),
    "rule.higher_meaning": (
        "rumus makin tinggi makin baik, padahal indikator ini makin rendah makin baik",
        "the higher-is-better formula, although this indicator is lower-is-better",
    ),
}


# Why a cell was read as it was, or could not be read.
REASONS = {
    "reason.not_finite": ("bukan angka yang terhingga", "not a finite number"),
    "reason.too_long": (
        "terlalu panjang (paling banyak {whole} angka bulat dan {decimals} angka desimal)",
        "too long (at most {whole} whole digits and {decimals} decimal digits)",
    ),
    "reason.token_too_long": (
        "'{raw}' terlalu panjang (paling banyak {whole} angka bulat dan {decimals} angka desimal)",
        "'{raw}' is too long (at most {whole} whole digits and {decimals} decimal digits)",
    ),
    "reason.bad_group": (
        "kelompok digit '{group}' tidak terdiri dari 3 angka; '{text}' bukan penulisan ribuan yang sah",
        "the digit group '{group}' does not have 3 digits; '{text}' is not a valid way of writing thousands",
    ),
    "reason.mixed_separators": (
        "'{text}' memakai titik dan koma dengan susunan yang tidak sah",
        "'{text}' uses points and commas in an order that is not valid",
    ),
    "reason.leading_zero": (
        "'{text}' diawali nol di depan pemisah ribuan",
        "'{text}' starts with a zero before a thousands separator",
    ),
    "reason.not_valid": ("'{text}' bukan angka yang sah", "'{text}' is not a valid number"),
    "reason.spreadsheet_error": (
        "sel berisi galat rumus {error}: {meaning}",
        "the cell holds the spreadsheet error {error}: {meaning}",
    ),
    "excel.div0": (
        "rumusnya membagi dengan nol atau dengan sel kosong",
        "its formula divides by zero or by an empty cell",
    ),
    "excel.ref": ("rumusnya merujuk sel yang sudah dihapus", "its formula refers to a cell that was deleted"),
    "excel.na": ("rumusnya tidak menemukan nilai yang dicarinya", "its formula did not find the value it looks up"),
    "excel.value": ("rumusnya menghitung dengan teks, bukan angka", "its formula computes with text, not numbers"),
    "excel.name": (
        "rumusnya memakai nama fungsi atau rentang yang tidak dikenal",
        "its formula uses an unknown function or range name",
    ),
    "excel.num": ("hasil rumusnya bukan angka yang sah", "its formula's result is not a valid number"),
    "excel.null": ("rumusnya merujuk irisan rentang yang kosong", "its formula refers to an empty intersection"),
    "excel.spill": (
        "hasil rumusnya tidak dapat dituliskan ke sel-sel di sebelahnya",
        "its formula's result cannot spill into the cells beside it",
    ),
    "excel.calc": ("rumusnya gagal dihitung", "its formula failed to compute"),
    "reason.bound_not_number": ("'{text}' bukan angka", "'{text}' is not a number"),
    "reason.range_bound": ("batas rentang {reason}", "range bound: {reason}"),
    "reason.range_two_ways": (
        "rentang '{low}–{high}' dapat dibaca {shown}; tulis dengan jelas, misalnya 1.500–2.000",
        "the range '{low}–{high}' can be read as {shown}; write it unambiguously, e.g. 1.500–2.000",
    ),
    "reason.range_order": (
        "batas bawah rentang {low} tidak lebih kecil daripada batas atasnya {high}",
        "the range's lower bound {low} is not smaller than its upper bound {high}",
    ),
    "reason.not_whole": (
        "'{text}' bukan bilangan bulat, padahal satuan '{unit}' menghitung jumlah utuh; bukan pula penulisan "
        "ribuan yang sah",
        "'{text}' is not a whole number, although the unit '{unit}' counts whole things; nor is it a valid way "
        "of writing thousands",
    ),
    "reason.whole_unit": ("satuan '{unit}' menghitung jumlah utuh", "the unit '{unit}' counts whole things"),
    "reason.unconfirmed": ("angka belum dikonfirmasi", "the figure has not been confirmed"),
    "reason.named_grade": ("nama indikator menyebut {scale}", "the indicator's name speaks of {scale}"),
    "reason.fits_reported": (
        "hanya bacaan {reading} yang membuat % capaian yang dilaporkan ({reported}) sesuai dengan target dan realisasi",
        "only the reading {reading} makes the reported % achievement ({reported}) agree with the target "
        "and realisation",
    ),
    "reason.table_votes": (
        "{count} angka lain pada tabel yang sama memakai '{sep}' sebagai pemisah {label}",
        "{count} other figures in the same table use '{sep}' as the {label} separator",
    ),
    "reason.no_clue": (
        "tidak ada petunjuk lain; dibaca menurut kaidah Indonesia ('.' pemisah ribuan, ',' pemisah desimal)",
        "no other clue; read by the Indonesian convention ('.' separates thousands, ',' decimals)",
    ),
}


# The findings of kinerja.core.checks.
FINDINGS = {
    "check.year_evidence": ("{where} ({year}, baris {line})", "{where} ({year}, line {line})"),
    "check.year_mismatch": (
        "Tahun pada {wrong} bertentangan dengan {supporting} yang menunjukkan tahun {year}; dokumen dibaca "
        "sebagai dokumen tahun {year}.",
        "The year in {wrong} contradicts {supporting}, which show the year {year}; the document is read as "
        "a document of {year}.",
    ),
    "check.ambiguous_number": (
        "{field!c} '{shown}' dapat dibaca {others}; dibaca {chosen} karena {reason}.",
        "{field!c} '{shown}' can be read as {others}; read as {chosen} because {reason}.",
    ),
    "check.row_slid": ("Baris '{indikator}': {slid}.", "Row '{indikator}': {slid}."),
    "check.malformed_number": (
        "{field!c} '{shown}' pada '{indikator}' tidak dapat dibaca: {reason}. Angka ini tidak ditebak.",
        "{field!c} '{shown}' of '{indikator}' cannot be read: {reason}. This figure is not guessed.",
    ),
    "check.grade_by_name": (
        "{field!c} '{raw}' pada '{indikator}' dibaca sebagai {scale} {shown} (skor {score}) karena {reason}; "
        "tanpa itu '{raw}' hanya sebuah huruf.",
        "{field!c} '{raw}' of '{indikator}' is read as {scale} {shown} (score {score}) because {reason}; "
        "without that '{raw}' is only a letter.",
    ),
    "check.percent_unit_mismatch": (
        "Indikator '{indikator}' adalah persentase, tetapi diukur dalam satuan '{satuan}' (target {target}, "
        "realisasi {realisasi}).",
        "The indicator '{indikator}' is a percentage, but it is measured in the unit '{satuan}' (target "
        "{target}, realisation {realisasi}).",
    ),
    "check.renstra_rule": (
        "Progres terhadap target akhir Renstra diperiksa dengan aturan yang dipakai tabel ini untuk setiap "
        "baris: realisasi tahun terakhir ÷ target akhir × 100 (aturan nilai terakhir). Untuk indikator arus "
        "(kumulatif) aturan Renstra menjumlahkan realisasi tahun-tahun periode Renstra; tetapkan aturan itu "
        "per indikator di basis data.",
        "Progress toward the Renstra end target is checked with the rule this table uses for every row: the "
        "last year's realisation ÷ end target × 100 (the last-value rule). For flow (cumulative) indicators "
        "the Renstra rule adds up the realisations of the Renstra period's years; set that rule per "
        "indicator in the database.",
    ),
    "check.said_in_document": ("; dokumen mencantumkan {shown}", "; the document states {shown}"),
    "check.target_zero": (
        "Target '{indikator}' adalah 0, sehingga % capaian tidak dapat dihitung (pembagian dengan nol){said}.",
        "The target of '{indikator}' is 0, so the % achievement cannot be computed (division by zero){said}.",
    ),
    "check.realisasi_missing": (
        "Realisasi '{indikator}' kosong ('{shown}'), sehingga % capaian tidak dapat dihitung{said}; kosong "
        "tidak sama dengan 0.",
        "The realisation of '{indikator}' is empty ('{shown}'), so the % achievement cannot be "
        "computed{said}; empty is not the same as 0.",
    ),
    "check.realisasi_text": (
        "Realisasi '{indikator}' berupa {what} '{shown}', bukan satu angka, sehingga % capaian tidak dapat "
        "dihitung{said}.",
        "The realisation of '{indikator}' is {what} '{shown}', not one number, so the % achievement cannot "
        "be computed{said}.",
    ),
    "check.realisasi_text_unit": (
        "Realisasi '{indikator}' berupa {what} '{shown}', bukan satu angka dalam satuan '{satuan}', sehingga "
        "% capaian tidak dapat dihitung{said}.",
        "The realisation of '{indikator}' is {what} '{shown}', not one number in the unit '{satuan}', so the "
        "% achievement cannot be computed{said}.",
    ),
    "check.other_formula": (
        " Angka tertulis sesuai rumus {formula} = {value}: {meaning}.",
        " The figure written agrees with the formula {formula} = {value}: {meaning}.",
    ),
    "check.rounding": (
        "'{indikator}': tertulis {shown}, hasil hitung {formula} = {computed}; selisih satu angka terakhir "
        "(pembulatan).",
        "'{indikator}': {shown} is written, the computation {formula} = {computed}; the last digit differs "
        "by one (rounding).",
    ),
    "check.mismatch": (
        "'{indikator}': tertulis {shown}, padahal {formula} = {computed}.{other}",
        "'{indikator}': {shown} is written, whereas {formula} = {computed}.{other}",
    ),
    "check.budget_unreadable": (
        "{label} '{shown}' tidak dapat dibaca: {reason}. Penyerapan anggaran tidak dihitung.",
        "{label} '{shown}' cannot be read: {reason}. Budget absorption is not computed.",
    ),
    "check.absorption_mismatch": (
        "Serapan anggaran tertulis {stated} %, tetapi realisasi Rp {realisasi} ÷ anggaran Rp {anggaran} × 100 "
        "= {computed} %.",
        "The budget absorption is written as {stated} %, but realisation Rp {realisasi} ÷ budget Rp "
        "{anggaran} × 100 = {computed} %.",
    ),
    "check.budget_over": (
        "Realisasi anggaran Rp {realisasi} melebihi anggaran Rp {anggaran}.",
        "The budget realisation Rp {realisasi} exceeds the budget Rp {anggaran}.",
    ),
    "nip.length": ("NIP '{nip}' tidak terdiri dari 18 angka", "the NIP '{nip}' does not have 18 digits"),
    "nip.birth_date": (
        "8 angka pertama NIP '{nip}' bukan tanggal lahir yang sah",
        "the first 8 digits of the NIP '{nip}' are not a valid date of birth",
    ),
    "nip.birth_year": (
        "tahun lahir pada NIP '{nip}' tidak masuk akal",
        "the year of birth in the NIP '{nip}' is not plausible",
    ),
    "check.nip_invalid": ("Penandatangan {name}: {problem}.", "Signatory {name}: {problem}."),
    "check.component_sum": (
        "{field!c} Jumlah UMKM {shown} tidak sama dengan usaha mikro + kecil + menengah = {expected}.",
        "{field!c} of Jumlah UMKM {shown} is not equal to micro + small + medium enterprises = {expected}.",
    ),
    "check.agency_name_differs": (
        "Nama perangkat daerah '{name}' berbeda dengan '{usual}' pada dokumen lain.",
        "The agency's name '{name}' differs from '{usual}' in the other documents.",
    ),
    "check.unit_mismatch": (
        "'{indikator}': {field} {shown} memakai satuan '{unit}', sedangkan {where} memakai '{other_unit}' "
        "({other_shown}).",
        "'{indikator}': {field} {shown} uses the unit '{unit}', whereas {where} uses '{other_unit}' ({other_shown}).",
    ),
    "check.value_mismatch": (
        "'{indikator}': {field} tertulis {shown}, sedangkan {where} (baris {line}) mencantumkan {other_shown}.",
        "'{indikator}': {field} is written as {shown}, whereas {where} (row {line}) states {other_shown}.",
    ),
    "check.unit_changed": (
        "'{indikator}' diukur dalam '{unit}' pada {year}, tetapi dalam '{previous_unit}' pada {previous_year}; "
        "angka kedua tahun tidak dapat dibandingkan langsung.",
        "'{indikator}' is measured in '{unit}' in {year}, but in '{previous_unit}' in {previous_year}; the "
        "figures of the two years cannot be compared directly.",
    ),
    "check.link_uncertain": (
        "'{indikator}' ({year}) mungkin sama dengan '{previous}' ({previous_year}) (kemiripan {score}%); "
        "tidak dihubungkan tanpa konfirmasi.",
        "'{indikator}' ({year}) may be the same as '{previous}' ({previous_year}) (similarity {score}%); "
        "not linked without confirmation.",
    ),
    "check.magnitude_outlier": (
        "'{indikator}': {field} {shown} (dibaca {read}) berbeda sekitar {factor} kali dari nilai indikator "
        "yang sama pada tahun lain (median {median}); periksa pemisah ribuan atau angka yang terpotong.",
        "'{indikator}': {field} {shown} (read as {read}) is about {factor} times away from the same "
        "indicator's figures in other years (median {median}); check the thousands separator or a cut-off "
        "figure.",
    ),
}


# What the readers note about lines and cells they could not take as written.
READERS = {
    "read.slid_right": (
        "sel baris bergeser {columns} kolom ke kanan; sasaran, indikator, target dan realisasi dibaca dari "
        "kolom yang bergeser",
        "the row's cells slid {columns} column(s) to the right; sasaran, indicator, target and realisation are "
        "read from the slid columns",
    ),
    "read.slid_right_no_capaian": (
        "sel baris bergeser {columns} kolom ke kanan; sasaran, indikator, target dan realisasi dibaca dari "
        "kolom yang bergeser; kolom % capaian tidak ada pada baris ini",
        "the row's cells slid {columns} column(s) to the right; sasaran, indicator, target and realisation are "
        "read from the slid columns; this row has no % achievement column",
    ),
    "read.slid_left": (
        "indikator tertulis di kolom Sasaran Strategis (bergeser satu kolom ke kiri); dibaca sebagai "
        "indikator, sasaran dilanjutkan dari baris sebelumnya",
        "the indicator is written in the Sasaran Strategis column (slid one column to the left); it is read "
        "as the indicator, and the sasaran carries on from the row above",
    ),
    "read.row_unread": (
        "Baris {line} ('{cells}') berada di dalam tabel tetapi tidak memuat target dan realisasi yang terbaca "
        "(angka, atau predikat seperti WTP atau BB); baris ini tidak dibaca sebagai indikator. Bila ini "
        "indikator, tuliskan target dan realisasinya sebagai angka.",
        "Line {line} ('{cells}') is inside the table but holds no target and realisation that can be read "
        "(figures, or grades such as WTP or BB); it is not read as an indicator. If it is one, write its "
        "target and realisation as figures.",
    ),
    "read.block_length": (
        "blok kolom target akhir Renstra berisi {block} baris, tabel berisi {rows} baris; baris dipasangkan "
        "menurut urutan sejauh ada pasangannya",
        "the block of Renstra end-target columns has {block} rows, the table {rows}; rows are paired in "
        "order as far as each has a partner",
    ),
    "read.lines_left_out": (
        "{count} baris di bawah judul kolom tidak dibaca: tidak berisi indikator dengan target atau "
        "realisasi, dan bukan satu teks (anggaran, tempat dan tanggal, tanda tangan).",
        "{count} lines under the column headings were not read: they hold no indicator with a target or "
        "realisation, and are not one text (budget, place and date, signature).",
    ),
    "read.hidden_sheet": (
        "Lembar '{sheet}' tersembunyi di buku kerja ini dan tidak dibaca.",
        "The sheet '{sheet}' is hidden in this workbook and was not read.",
    ),
    "read.hidden_rows": ("baris {ranges}", "rows {ranges}"),
    "read.hidden_columns": ("kolom {ranges}", "columns {ranges}"),
    "read.hidden_cells": (
        "Lembar '{sheet}': {hidden} tersembunyi dan tidak dibaca, seperti tidak tercetak pada formulir; "
        "tampilkan bila isinya termasuk formulir.",
        "Sheet '{sheet}': {hidden} are hidden and were not read, as they are not printed on the form; show "
        "them if they belong to the form.",
    ),
}
