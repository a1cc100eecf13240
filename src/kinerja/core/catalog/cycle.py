"""What the yearly cycle says: the submission checklist, validation rules, refusals and why a capaian
cannot be computed."""

from __future__ import annotations

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
