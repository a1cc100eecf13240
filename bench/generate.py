"""Generated documents for benchmarks: a Pengukuran Kinerja form with N indicator rows."""

from __future__ import annotations

import random

UNITS = ["orang", "unit", "%", "Rp. (juta)", "kegiatan", "dokumen"]


def form_text(rows: int, *, year: int = 2016, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = [
        "**PENGUKURAN KINERJA",
        "DINAS UJI BEBAN",
        "KABUPATEN CONTOH",
        f"TAHUN {year}**",
        "",
        "Kabupaten : Contoh",
        "Nama SKPD : Dinas Uji Beban",
        "",
        "Sasaran Strategis\tIndikator Kinerja\tTarget\t\tRealisasi\t\t%",
    ]
    for i in range(rows):
        unit = UNITS[i % len(UNITS)]
        target = rng.randint(1, 60000)
        realisasi = max(0, int(target * rng.uniform(0.5, 1.5)))
        pct = f"{realisasi / target * 100:.2f}".replace(".", ",")
        if i % 7 == 3:
            pct = "100"  # an inconsistency now and then
        sep = "," if i % 5 == 0 else "."
        t = f"{target:,}".replace(",", sep)
        r = f"{realisasi:,}".replace(",", sep)
        sasaran = f"Sasaran {i // 10 + 1}" if i % 10 == 0 else ""
        lines.append(f"{sasaran}\tIndikator uji nomor {i + 1}\t{t}\t{unit}\t{r}\t{unit}\t{pct}")
    lines += [
        "",
        f"Jumlah Anggaran Kegiatan Tahun {year} : Rp. 2.165.319.100",
        f"Jumlah Realisasi Anggaran Kegiatan Tahun {year} : Rp. 2.114.446.240",
        "",
        f"Martapura, 31 Desember {year}",
        "Kepala Dinas,",
        "NAMA KEPALA",
        "Pembina",
        "NIP. 19600512 198503 1 025",
    ]
    return "\n".join(lines) + "\n"
