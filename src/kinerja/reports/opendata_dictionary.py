"""The open data dictionary in Indonesian and English: each dataset's title and description, its
columns' descriptions and their kinds (registered with kinerja.core.messages by kinerja.reports.opendata)."""

from __future__ import annotations

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
