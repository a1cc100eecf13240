"""What the SAKIP chain says: Perjanjian Kinerja, pohon kinerja, Rencana Aksi and Renstra end targets."""

from __future__ import annotations

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
