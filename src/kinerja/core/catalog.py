"""Every sentence the checks say about a document, in Indonesian and in English.

Key → (Indonesian template, English template). Placeholders are ``str.format`` fields, the same in
both (tests/core/test_messages.py holds them in step); ``{name!c}`` starts with a capital letter.
Figures arrive already written the Indonesian way (1.234,56): the UI writes numbers so in English
too. Quoted parts ('…') are the document's own words and are never translated.
"""

from __future__ import annotations

JOINERS = {"and": (" dan ", " and "), "or": (" atau ", " or "), "comma": (", ", ", "), "semicolon": ("; ", "; ")}

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

# The submission checklist of kinerja.core.year and the plausible ranges of kinerja.core.bounds.
CHECKLIST = {
    "checklist.kind.target": ("Target belum diisi", "Targets not filled in"),
    "checklist.kind.worse": ("Realisasi memburuk tanpa catatan", "Realisations worse without a note"),
    "checklist.kind.finding": ("Temuan galat belum dijelaskan", "Error findings not explained"),
    "checklist.kind.budget": ("Anggaran", "Budget"),
    "checklist.kind.rule": (
        "Aturan validasi bertingkat galat tidak terpenuhi",
        "Validation rules of error level not met",
    ),
    "checklist.kind.bounds": (
        "Angka di luar batas wajar tanpa catatan",
        "Figures outside the plausible range without a note",
    ),
    "checklist.kind.other": ("Lainnya", "Other"),
    "checklist.finding": ("Temuan galat belum dijelaskan: {message}", "Error finding not explained yet: {message}"),
    "checklist.budget_over": ("Realisasi anggaran melebihi anggaran.", "The budget realisation exceeds the budget."),
    "checklist.target_missing": ("Target '{name}' belum diisi.", "The target of '{name}' is not filled in."),
    "checklist.worse_quarter": (
        "Realisasi '{name}' TW {quarter} lebih buruk daripada TW {previous}; tuliskan penyebabnya di catatan.",
        "The realisation of '{name}' in TW {quarter} is worse than in TW {previous}; write the cause in the note.",
    ),
    "checklist.worse_year": (
        "Realisasi '{name}' tahun {year} lebih buruk daripada tahun {previous}; tuliskan penyebabnya di catatan.",
        "The realisation of '{name}' in {year} is worse than in {previous}; write the cause in the note.",
    ),
    "checklist.budget_missing": (
        "{missing!c} tahun {year} belum dicatat; isi anggaran dan realisasinya, atau tuliskan alasan mengapa "
        "tahun ini diajukan tanpa anggaran.",
        "{missing!c} of {year} not recorded yet; enter the budget and its realisation, or write why this year "
        "is submitted without a budget.",
    ),
    "checklist.bounds": (
        "{label!c} '{name}' {reason}; periksa angkanya, atau tuliskan penjelasannya di catatan.",
        "{label!c} of '{name}': {reason}; check the figure, or explain it in the note.",
    ),
    "label.target": ("target", "target"),
    "label.q1": ("realisasi TW I", "TW I realisation"),
    "label.q2": ("realisasi TW II", "TW II realisation"),
    "label.q3": ("realisasi TW III", "TW III realisation"),
    "label.q4": ("realisasi TW IV", "TW IV realisation"),
    "label.year": ("realisasi tahun", "year realisation"),
    "label.anggaran": ("anggaran", "the budget"),
    "label.realisasi": ("realisasi anggaran", "the budget realisation"),
    "label.note": ("catatan", "note"),
    "label.evidence": ("bukti", "evidence"),
    "label.name": ("nama indikator", "indicator name"),
    "label.unit": ("satuan", "unit"),
    "label.direction": ("arah", "direction"),
    "label.cumulation": ("akumulasi", "cumulation"),
    "label.sasaran": ("sasaran", "sasaran"),
    "label.definition": ("definisi", "definition"),
    "label.data_source": ("sumber data", "data source"),
    "label.is_iku": ("IKU", "IKU"),
    "label.responsible": ("penanggung jawab", "person responsible"),
    "label.standard": ("standar nasional", "national standard"),
    "label.standard_source": ("dasar standar nasional", "basis of the national standard"),
    "label.plausible_min": ("batas wajar bawah", "lower plausible bound"),
    "label.plausible_max": ("batas wajar atas", "upper plausible bound"),
    "label.line": ("indikator", "indicator"),
    "label.signatory": ("penandatangan", "signatory"),
    "label.budget_item": ("anggaran program", "programme budget"),
    "label.unused": ("tidak digunakan tahun ini", "not used this year"),
    "label.waiver": ("alasan anggaran belum dicatat", "reason the budget is not recorded"),
    "label.running": ("jumlah realisasi TW I sampai {quarter}", "the sum of the realisations TW I to {quarter}"),
    "bounds.between": ("{low} sampai {high}", "{low} to {high}"),
    "bounds.at_least": ("paling sedikit {low}", "at least {low}"),
    "bounds.at_most": ("paling banyak {high}", "at most {high}"),
    "bounds.none": ("tidak ada", "none"),
    "bounds.below": ("{value} di bawah batas wajar ({range})", "{value} is below the plausible range ({range})"),
    "bounds.above": ("{value} di atas batas wajar ({range})", "{value} is above the plausible range ({range})"),
    "bounds.negative": (
        "{value} negatif, padahal batas wajar tahunnya ({range}) tidak pernah negatif",
        "{value} is negative, although its yearly plausible range ({range}) is never negative",
    ),
}

# What a validation rule between indicators (kinerja.core.validation) says about a year.
RULES = {
    "rules.written_range": ("berupa rentang '{value}'", "is a range '{value}'"),
    "rules.written_text": ("berupa teks '{value}'", "is text '{value}'"),
    "rules.written_unreadable": ("tidak dapat dibaca: '{value}'", "cannot be read: '{value}'"),
    "rules.written": ("'{name}' {written}", "'{name}' {written}"),
    "rules.unread": ("{said}, bukan satu angka", "{said}, not one number"),
    "rules.missing": ("{names} belum diisi", "{names} not filled in"),
    "rules.side_missing": ("semua angka satu sisi belum diisi", "every figure of one side is empty"),
    "rules.broken": (
        "Aturan '{rule}' tidak terpenuhi: {field} {left}, padahal harus {operator} {right}.",
        "Rule '{rule}' not met: {field} {left}, whereas it must be {operator} {right}.",
    ),
    "rules.counted_zero": ("Angka kosong dihitung 0: {names}.", "Empty figures counted as 0: {names}."),
    "rules.broken_counted": ("{broken} {zero}", "{broken} {zero}"),
    "rules.compulsory_broken": (
        "Aturan '{rule}' tidak terpenuhi: {field} {there} diisi, padahal {empty} belum; keduanya harus diisi bersama.",
        "Rule '{rule}' not met: {field} {there} filled in, but {empty} not; both must be filled in together.",
    ),
    "rules.exclusive_broken": (
        "Aturan '{rule}' tidak terpenuhi: {field} {left} dan {right} keduanya diisi, padahal hanya boleh salah satu.",
        "Rule '{rule}' not met: {field} {left} and {right} are both filled in, but only one of them may be.",
    ),
}

# What stands between a Perjanjian Kinerja, its Rencana Aksi or a Renstra end target and being right
# (kinerja.core.agreement, action_plan, plan).
CHAIN = {
    "level.2": ("eselon II (kepala perangkat daerah)", "echelon II (head of agency)"),
    "level.3": ("eselon III (sekretaris / kepala bidang)", "echelon III (secretary / head of division)"),
    "level.4": ("eselon IV (kepala subbagian / kepala seksi)", "echelon IV (head of subdivision / section)"),
    "budget.program": ("program", "programme"),
    "budget.kegiatan": ("kegiatan", "activity"),
    "budget.sub_kegiatan": ("sub kegiatan", "sub-activity"),
    "pk.first_party_missing": (
        "Pihak pertama (pejabat yang berjanji) belum dipilih.",
        "The first party (the official who commits) is not chosen yet.",
    ),
    "pk.second_party_missing": (
        "Pihak kedua (atasan langsung) belum dipilih.",
        "The second party (the direct superior) is not chosen yet.",
    ),
    "pk.no_items": (
        "Perjanjian kinerja belum memuat satu pun indikator.",
        "The performance agreement holds no indicator yet.",
    ),
    "pk.parent_missing": (
        "Perjanjian kinerja {level} harus menginduk pada perjanjian kinerja atasannya.",
        "A performance agreement of {level} must hang under its superior's performance agreement.",
    ),
    "pk.parent_level": (
        "Perjanjian kinerja {level} menginduk pada perjanjian kinerja {parent}; induknya harus satu tingkat di "
        "atasnya.",
        "A performance agreement of {level} hangs under one of {parent}; its parent must be one level above it.",
    ),
    "pk.target_missing": (
        "Target indikator '{indicator}' belum diisi.",
        "The target of the indicator '{indicator}' is not filled in.",
    ),
    "pk.unsupported": (
        "Indikator '{indicator}' belum menunjuk indikator perjanjian kinerja atasan yang didukungnya.",
        "The indicator '{indicator}' does not name the indicator of the superior's agreement it supports yet.",
    ),
    "pk.support_outside_parent": (
        "Indikator '{indicator}' menunjuk indikator yang tidak ada di perjanjian kinerja atasannya.",
        "The indicator '{indicator}' names an indicator that is not in its superior's agreement.",
    ),
    "pk.budget_level": (
        "'{name}' adalah {kind}; perjanjian kinerja {level} memuat {wanted} saja.",
        "'{name}' is a row of the {kind} level; a performance agreement of {level} lists {wanted} rows only.",
    ),
    "pk.number_missing": (
        "Nomor perjanjian kinerja belum diisi.",
        "The performance agreement's number is not filled in.",
    ),
    "pohon.no_parent": (
        "'{indicator}' ({who}) tidak mendukung indikator mana pun di perjanjian kinerja atasannya.",
        "'{indicator}' ({who}) supports no indicator of its superior's performance agreement.",
    ),
    "pohon.no_child": (
        "'{indicator}' ({who}) tidak didukung indikator mana pun dari perjanjian kinerja di bawahnya.",
        "'{indicator}' ({who}) is supported by no indicator of the performance agreements below it.",
    ),
    "renaksi.missing": (
        "'{indicator}': target {quarters} belum diisi.",
        "'{indicator}': the target of {quarters} is not filled in.",
    ),
    "renaksi.summed": ("dijumlahkan per triwulan: {parts}", "summed over the quarters: {parts}"),
    "renaksi.averaged": ("dirata-ratakan per triwulan: ({parts}) ÷ 4", "averaged over the quarters: ({parts}) ÷ 4"),
    "renaksi.mismatch": (
        "'{indicator}' {how} = {year}, bukan target tahunan {target}. Sesuaikan target triwulan atau tulis alasannya.",
        "'{indicator}' {how} = {year}, not the yearly target {target}. Adjust the quarterly targets or write "
        "the reason.",
    ),
    "renaksi.last_short": (
        "'{indicator}' memakai nilai terakhir: target TW IV {last} belum mencapai target tahunan {target}. "
        "Sesuaikan target TW IV atau tulis alasannya.",
        "'{indicator}' takes the last value: the TW IV target {last} does not reach the yearly target {target}. "
        "Adjust the TW IV target or write the reason.",
    ),
    "plan.higher": ("lebih tinggi", "higher"),
    "plan.lower": ("lebih rendah", "lower"),
    "plan.end_below_realised": (
        "Target akhir Renstra '{name}' {end_target} sudah terlampaui: realisasi {year} {value} {better}. Untuk "
        "indikator nilai terakhir, target akhir adalah keadaan pada akhir periode; periksa apakah yang tertulis "
        "target satu tahun atau angka yang kehilangan kelompok ribuan.",
        "The Renstra end target of '{name}' {end_target} is already passed: the realisation of {year}, {value}, "
        "is {better}. For a last-value indicator the end target is the state at the end of the period; check "
        "whether what is written is one year's target or a figure that lost a thousands group.",
    ),
}

# Why a change to a year, a cycle step or a text is refused (kinerja.core.year, workflow, text).
REFUSALS = {
    "status.draft": ("draf", "draft"),
    "status.submitted": ("diajukan", "submitted"),
    "status.returned": ("dikembalikan", "returned"),
    "status.verified": ("diverifikasi", "verified"),
    "status.approved": ("disetujui dan ditandatangani", "approved and signed"),
    "status.published": ("dipublikasikan", "published"),
    "year.locked": (
        "Tahun {year} berstatus '{status}' dan tidak dapat diubah; admin dapat membukanya kembali dengan alasan "
        "tertulis.",
        "{year} is '{status}' and cannot be changed; an admin can reopen it with a written reason.",
    ),
    "year.name_empty": ("Nama indikator tidak boleh kosong.", "The indicator's name may not be empty."),
    "year.duplicate": (
        "Indikator '{name}' sudah ada dalam rencana tahun {year}.",
        "The indicator '{name}' is already in the plan of {year}.",
    ),
    "year.not_in_plan": (
        "Indikator ini tidak ada dalam rencana tahun ini.",
        "This indicator is not in this year's plan.",
    ),
    "year.budget_field_unknown": ("Isian anggaran '{field}' tidak dikenal.", "Unknown budget field '{field}'."),
    "year.budget_conflict": (
        "Anggaran telah diubah oleh {who} (anggaran {anggaran}, realisasi {realisasi}) setelah Anda membuka "
        "formulir; perubahan Anda tidak disimpan.",
        "The budget was changed by {who} (budget {anggaran}, realisation {realisasi}) after you opened the form; "
        "your change was not saved.",
    ),
    "year.budget_reason_conflict": (
        "Anggaran telah diubah oleh {who} setelah Anda membuka formulir; alasan Anda tidak disimpan.",
        "The budget was changed by {who} after you opened the form; your reason was not saved.",
    ),
    "year.program_empty": ("Nama program tidak boleh kosong.", "The programme's name may not be empty."),
    "year.budget_row_foreign": (
        "Baris anggaran ini bukan milik tahun tersebut.",
        "This budget row does not belong to that year.",
    ),
    "year.line_problem": ("'{name}': {problem}", "'{name}': {problem}"),
    "year.unit_scale": (
        "Satuan '{name}' tidak dapat diubah dari '{before}' menjadi '{after}' selama {kept} masih tercatat dalam "
        "satuan lama: predikat dicatat sebagai skornya (WTP = 4), dan skor bukan angka dalam satuan lain. Isi "
        "ulang angka-angka itu dalam satuan baru bersama perubahan satuan, atau kosongkan dulu.",
        "The unit of '{name}' cannot change from '{before}' to '{after}' while {kept} are still recorded in the "
        "old unit: a grade is recorded as its score (WTP = 4), and a score is not a figure in another unit. "
        "Enter those figures again in the new unit together with the change of unit, or empty them first.",
    ),
    "year.kept_figure": ("{label} {value}", "{label} {value}"),
    "year.figure_problem": ("{label!c} '{name}': '{value}' {problem}.", "{label!c} of '{name}': '{value}' {problem}."),
    "year.field_unknown": ("Isian '{field}' tidak dikenal.", "Unknown field '{field}'."),
    "year.empty": ("{label!c} tidak boleh kosong.", "{label!c} may not be empty."),
    "year.unused_has_figures": (
        "Indikator '{name}' sudah memiliki realisasi tahun ini; kosongkan realisasinya dulu sebelum menandainya "
        "tidak digunakan.",
        "The indicator '{name}' already has realisations this year; empty them before marking it not used.",
    ),
    "year.change_unknown": ("Perubahan '{change}' tidak dikenal.", "Unknown change '{change}'."),
    "year.not_one_number": (
        "{label!c} harus berupa satu angka (atau dikosongkan).",
        "{label!c} must be one number (or left empty).",
    ),
    "year.figure_limit": ("{label!c} {problem}.", "{label!c} is {problem}."),
    "year.stale": (
        "{label!c} '{name}' telah diubah oleh {who} menjadi {current} setelah Anda membuka formulir; "
        "perubahan Anda{yours} tidak disimpan. Muat ulang halaman untuk melihat nilai terbaru.",
        "{label!c} of '{name}' was changed by {who} to {current} after you opened the form; your "
        "change{yours} was not saved. Reload the page to see the latest value.",
    ),
    "year.yours": (" ({wanted})", " ({wanted})"),
    "workflow.unknown": ("tindakan '{action}' tidak dikenal", "unknown action '{action}'"),
    "workflow.role": ("peran Anda tidak berhak melakukan tindakan ini", "your role may not take this action"),
    "workflow.state": (
        "tindakan ini tidak dapat dilakukan pada tahun berstatus '{state}'",
        "this action cannot be taken on a year that is '{state}'",
    ),
    "workflow.comment": (
        "tindakan ini memerlukan catatan atau alasan tertulis",
        "this action needs a written note or reason",
    ),
    "text.too_long": (
        "{label!c} terlalu panjang (paling banyak {limit} karakter).",
        "{label!c} is too long (at most {limit} characters).",
    ),
    "text.problem": ("{label!c} {problem}.", "{label!c}: {problem}."),
    "text.control": (
        "berisi karakter kendali yang tidak terlihat (kode {code}) pada huruf ke-{position}; hapus karakter itu "
        "lalu kirim lagi",
        "holds an invisible control character (code {code}) at character {position}; remove it and send again",
    ),
}

# The rules of kinerja.core.achievement and why a capaian or a progress cannot be computed.
ACHIEVEMENT = {
    "rule.range": (
        "target rentang: realisasi di dalam rentang 100; di atas atau di bawah rentang dihitung terhadap batas "
        "terdekat (PermenPAN-RB 8/2021)",
        "target range: a realisation within the range is 100; above or below it, it is computed against the "
        "nearer bound (PermenPAN-RB 8/2021)",
    ),
    "rule.within_range": ("realisasi di dalam rentang target: 100", "realisation within the target range: 100"),
    "rule.bound_higher": ("realisasi ÷ batas {side} target × 100", "realisation ÷ {side} bound of the target × 100"),
    "rule.bound_lower": (
        "(2 × batas {side} target − realisasi) ÷ batas {side} target × 100, paling kecil 0",
        "(2 × {side} bound of the target − realisation) ÷ {side} bound of the target × 100, at least 0",
    ),
    "rule.renstra_sum": (
        "jumlah realisasi tahun-tahun Renstra ÷ target akhir Renstra × 100",
        "sum of the realisations of the Renstra years ÷ Renstra end target × 100",
    ),
    "rule.renstra_average": (
        "rata-rata realisasi tahun-tahun Renstra ÷ target akhir Renstra × 100",
        "mean of the realisations of the Renstra years ÷ Renstra end target × 100",
    ),
    "rule.renstra_last": (
        "realisasi tahun terakhir ÷ target akhir Renstra × 100",
        "last year's realisation ÷ Renstra end target × 100",
    ),
    "rule.renstra_range": ("{rule}; target akhir rentang: {within}", "{rule}; end target range: {within}"),
    "rule.average": (
        "rata-rata hitung % capaian indikator yang dapat dihitung, tanpa batas atas; indikator yang capaiannya "
        "tidak dapat dihitung tidak ikut dirata-rata",
        "arithmetic mean of the computable indicators' % achievement, uncapped; indicators whose achievement "
        "cannot be computed are left out of the mean",
    ),
    "rule.average_capped": (
        "rata-rata hitung % capaian indikator yang dapat dihitung, masing-masing dibatasi paling tinggi {cap}; "
        "indikator yang capaiannya tidak dapat dihitung tidak ikut dirata-rata",
        "arithmetic mean of the computable indicators' % achievement, each capped at {cap}; indicators whose "
        "achievement cannot be computed are left out of the mean",
    ),
    "ach.name.target": ("target", "the target"),
    "ach.name.realisasi": ("realisasi", "the realisation"),
    "ach.name.target_akhir": ("target akhir", "the end target"),
    "ach.missing": ("{name} tidak diisi", "{name} is not filled in"),
    "ach.text": ("{name} berupa teks '{raw}', bukan angka", "{name} is text '{raw}', not a number"),
    "ach.range": ("{name} berupa rentang '{raw}', bukan satu angka", "{name} is a range '{raw}', not one number"),
    "ach.unreadable": ("{name} tidak dapat dibaca: {reason}", "{name} cannot be read: {reason}"),
    "ach.zero_met": (
        "target 0 dan realisasi 0 pada indikator yang makin kecil makin baik: tercapai",
        "target 0 and realisation 0 on a lower-is-better indicator: met",
    ),
    "ach.zero": (
        "target 0: capaian tidak dapat dihitung (pembagian dengan nol)",
        "target 0: achievement cannot be computed (division by zero)",
    ),
    "ach.zero_bound": (
        "batas bawah target 0: capaian tidak dapat dihitung (pembagian dengan nol)",
        "lower bound of the target 0: achievement cannot be computed (division by zero)",
    ),
    "ach.no_realisation": ("belum ada realisasi", "no realisation yet"),
    "ach.zero_end": ("target akhir 0: progres tidak dapat dihitung", "end target 0: progress cannot be computed"),
    "ach.undefined": ("tidak dapat dihitung", "cannot be computed"),
    "scale.permendagri": ("skala Permendagri 86/2017", "the Permendagri 86/2017 scale"),
    "scale.region": ("skala kategori yang ditetapkan daerah", "the category scale the region set"),
    "scale.sentence": (
        "Kategori menurut {name}: {steps}, selebihnya {rest}.",
        "Category by {name}: {steps}, otherwise {rest}.",
    ),
}

# The open data dictionary (kinerja.reports.opendata): datasets, their columns and column kinds.
OPENDATA = {
    "opendata.capaian.title": (
        "Capaian indikator kinerja perangkat daerah",
        "Achievement of the agencies' performance indicators",
    ),
    "opendata.capaian.description": (
        "Setiap indikator kinerja dari tahun yang telah dipublikasikan: target, realisasi dan % "
        "capaian yang dihitung ulang oleh kinerja menurut arah indikator, beserta kategori dan "
        "progres terhadap target akhir Renstra.",
        "Every performance indicator of the published years: target, realisation and the % "
        "achievement recomputed by kinerja by the indicator's direction, with its category and "
        "progress toward the Renstra end target.",
    ),
    "opendata.wilayah": (
        "Pemerintah daerah (kabupaten, kota atau provinsi).",
        "Regional government (regency, city or province).",
    ),
    "opendata.perangkat_daerah": (
        "Perangkat daerah (dahulu SKPD) yang melaporkan.",
        "Regional agency (formerly SKPD) that reports.",
    ),
    "opendata.tahun": ("Tahun pengukuran kinerja.", "Year of the performance measurement."),
    "opendata.capaian.sasaran": (
        "Sasaran strategis yang diukur oleh indikator.",
        "Strategic objective (sasaran strategis) the indicator measures.",
    ),
    "opendata.capaian.indikator": (
        "Nama indikator kinerja sebagaimana tertulis tahun itu.",
        "Name of the performance indicator as written that year.",
    ),
    "opendata.capaian.iku": (
        "'ya' bila indikator kinerja utama (IKU), selain itu 'tidak'.",
        "'ya' for a key performance indicator (IKU), otherwise 'tidak'.",
    ),
    "opendata.capaian.satuan": (
        "Satuan indikator (orang, unit, %, Rp. (juta) …).",
        "The indicator's unit (orang, unit, %, Rp. (juta) …).",
    ),
    "opendata.capaian.target": (
        "Target tahun itu sebagai angka; kosong bila berupa rentang, predikat atau teks.",
        "The year's target as a number; empty when it is a range, a grade or text.",
    ),
    "opendata.capaian.target_bawah": (
        "Batas bawah bila target berupa rentang (80–90: 80); selain itu kosong.",
        "Lower bound when the target is a range (80–90: 80); otherwise empty.",
    ),
    "opendata.capaian.target_atas": (
        "Batas atas bila target berupa rentang (80–90: 90); selain itu kosong.",
        "Upper bound when the target is a range (80–90: 90); otherwise empty.",
    ),
    "opendata.capaian.target_tertulis": (
        "Target sebagaimana dibaca orang: angka dan satuan, rentang atau predikat.",
        "The target as people read it: figure and unit, range or grade.",
    ),
    "opendata.capaian.realisasi": (
        "Realisasi sebagai angka; kosong bila belum ada, berupa predikat atau teks.",
        "Realisation as a number; empty when there is none yet, or it is a grade or text.",
    ),
    "opendata.realisasi_tertulis": ("Realisasi sebagaimana dibaca orang.", "The realisation as people read it."),
    "opendata.capaian.capaian_persen": (
        "% capaian yang dihitung ulang, dua desimal: realisasi ÷ target × 100, atau (2 × target − "
        "realisasi) ÷ target × 100 bila makin kecil makin baik; kosong bila tidak dapat dihitung.",
        "The recomputed % achievement, two decimals: realisation ÷ target × 100, or (2 × target − "
        "realisation) ÷ target × 100 when lower is better; empty when it cannot be computed.",
    ),
    "opendata.capaian.kategori": (
        "Kategori capaian menurut skala Permendagri 86/2017 (Sangat Tinggi … Sangat Rendah), atau "
        "menurut skala kategori yang ditetapkan daerah untuk tahun itu.",
        "Achievement category on the Permendagri 86/2017 scale (Sangat Tinggi … Sangat Rendah), or on"
        " the category scale the region set for that year.",
    ),
    "opendata.capaian.keterangan_capaian": (
        "Mengapa % capaian tidak dapat dihitung (target 0, belum ada realisasi …).",
        "Why the % achievement cannot be computed (target 0, no realisation yet …).",
    ),
    "opendata.capaian.target_akhir_renstra": (
        "Target akhir periode Renstra sebagai angka, bila ada.",
        "The Renstra period's end target as a number, when there is one.",
    ),
    "opendata.capaian.target_akhir_tertulis": (
        "Target akhir Renstra sebagaimana dibaca orang.",
        "The Renstra end target as people read it.",
    ),
    "opendata.capaian.capaian_renstra_persen": (
        "Progres terhadap target akhir Renstra, dua desimal, menurut aturan kumulasi indikator.",
        "Progress toward the Renstra end target, two decimals, by the indicator's cumulation rule.",
    ),
    "opendata.capaian.standar_nasional": (
        "Standar nasional (SPM, target nasional) bila ada, dalam satuan indikator.",
        "National standard (SPM, national target) when there is one, in the indicator's unit.",
    ),
    "opendata.capaian.dasar_standar": (
        "Peraturan atau dokumen yang menetapkan standar nasional.",
        "Regulation or document that sets the national standard.",
    ),
    "opendata.capaian.memenuhi_standar": (
        "'ya' bila realisasi paling sedikit standar nasional (makin tinggi makin baik) atau paling "
        "banyak standar itu (makin rendah makin baik), 'tidak' bila tidak; kosong bila tidak ada "
        "standar atau realisasi.",
        "'ya' when the realisation is at least the national standard (higher is better) or at most it"
        " (lower is better), 'tidak' when not; empty when there is no standard or realisation.",
    ),
    "opendata.anggaran.title": (
        "Anggaran dan realisasi anggaran perangkat daerah",
        "Budget and budget realisation of the agencies",
    ),
    "opendata.anggaran.description": (
        "Jumlah anggaran kegiatan setiap perangkat daerah dari tahun yang telah dipublikasikan, serta"
        " rinciannya per program dan kegiatan bila tercatat, dengan serapan anggaran.",
        "Each agency's total activity budget of the published years, with its breakdown by programme "
        "and activity when recorded, and the budget absorption.",
    ),
    "opendata.anggaran.jenis": (
        "'jumlah' untuk jumlah anggaran perangkat daerah, 'program' untuk rinciannya.",
        "'jumlah' for the agency's total budget, 'program' for its breakdown.",
    ),
    "opendata.anggaran.uraian": (
        "Uraian baris: jumlah anggaran kegiatan, atau program — kegiatan.",
        "The row: the total activity budget, or programme — activity.",
    ),
    "opendata.anggaran.sasaran": (
        "Sasaran strategis yang didukung program, bila tercatat.",
        "Strategic objective the programme supports, when recorded.",
    ),
    "opendata.anggaran.anggaran": ("Pagu anggaran dalam rupiah.", "Budget ceiling in rupiah."),
    "opendata.anggaran.realisasi": ("Realisasi anggaran dalam rupiah.", "Budget realisation in rupiah."),
    "opendata.anggaran.serapan_persen": (
        "Serapan anggaran: realisasi ÷ anggaran × 100, dua desimal.",
        "Budget absorption: realisation ÷ budget × 100, two decimals.",
    ),
    "opendata.iku.title": (
        "Capaian indikator kinerja utama (IKU) pemerintah daerah",
        "Achievement of the regional government's key performance indicators (IKU)",
    ),
    "opendata.iku.description": (
        "Setiap IKU RPJMD yang periodenya mencakup tahun itu: target tahun itu, realisasi indikator "
        "perangkat daerah yang ditetapkan Bappeda untuk mengukurnya (dari tahun yang telah "
        "dipublikasikan), % capaian dan progres terhadap target akhir RPJMD.",
        "Every RPJMD IKU whose period covers the year: the year's target, the realisation of the "
        "agency indicator Bappeda set to measure it (from published years), % achievement and "
        "progress toward the RPJMD end target.",
    ),
    "opendata.iku.periode_rpjmd": ("Periode RPJMD (2016–2021).", "RPJMD period (2016–2021)."),
    "opendata.iku.sasaran_rpjmd": ("Sasaran RPJMD yang diukur oleh IKU.", "RPJMD objective the IKU measures."),
    "opendata.iku.iku": ("Nama indikator kinerja utama.", "Name of the key performance indicator."),
    "opendata.iku.satuan": ("Satuan IKU.", "The IKU's unit."),
    "opendata.iku.target": ("Target IKU tahun itu menurut RPJMD.", "The IKU's target for the year by the RPJMD."),
    "opendata.iku.realisasi": (
        "Realisasi indikator perangkat daerah yang mengukur IKU; kosong bila belum ada.",
        "Realisation of the agency indicator that measures the IKU; empty when there is none yet.",
    ),
    "opendata.iku.capaian_persen": (
        "% capaian terhadap target tahun itu, dua desimal, menurut arah indikator.",
        "% achievement against the year's target, two decimals, by the indicator's direction.",
    ),
    "opendata.iku.kategori": (
        "Kategori capaian menurut skala Permendagri 86/2017 atau skala yang ditetapkan daerah.",
        "Achievement category on the Permendagri 86/2017 scale or the scale the region set.",
    ),
    "opendata.iku.keterangan_capaian": (
        "Mengapa % capaian tidak ada (belum diukur, belum ada realisasi …).",
        "Why there is no % achievement (not measured, no realisation yet …).",
    ),
    "opendata.iku.target_akhir": ("Target akhir periode RPJMD.", "End target of the RPJMD period."),
    "opendata.iku.progres_persen": (
        "Progres terhadap target akhir RPJMD, dua desimal.",
        "Progress toward the RPJMD end target, two decimals.",
    ),
    "opendata.iku.diukur_dengan": (
        "Perangkat daerah dan indikator yang realisasinya menjadi realisasi IKU.",
        "The agency and indicator whose realisation is the IKU's realisation.",
    ),
    "opendata.kind.teks": ("teks", "text"),
    "opendata.kind.angka": ("angka", "number"),
    "opendata.kind.bilangan bulat": ("bilangan bulat", "integer"),
    "opendata.kind.tanggal": ("tanggal", "date"),
}

CATALOG: dict[str, tuple[str, str]] = {
    **OPENDATA,
    **ACHIEVEMENT,
    **REFUSALS,
    **CHAIN,
    **TERMS,
    **FORMULAS,
    **REASONS,
    **FINDINGS,
    **READERS,
    **CHECKLIST,
    **RULES,
}
