"""Generate the whole country on PostgreSQL with COPY: 548 regions (and their 38 provinces) × 40
agencies × 25 indicators × 6 years, with targets, realisations, budgets, findings and audit events.

Run: DATABASE_URL=postgresql://… python bench/generate_national.py [--regions 548] [--agencies 40]
     [--indicators 25] [--years 6]
The database must be migrated and hold no generated country yet (a region named "Kab. Nasional 0001"
is the marker). Each year's mean capaian is worked out by the core rules and kept on its row, as
store.apply would (averages.py), so the national page reads them as it reads real ones.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

MARKER = "Kab. Nasional 0001"
PROVINCES = 38
FIRST_YEAR = 2019
AGENCY_KINDS = [
    "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum", "Dinas Perumahan", "Satpol PP",
    "BPBD", "Dinas Sosial", "Dinas Tenaga Kerja", "Dinas Pemberdayaan Perempuan", "Dinas Pangan",
    "Dinas Lingkungan Hidup", "Dinas Dukcapil", "Dinas PMD", "Dinas Pengendalian Penduduk", "Dinas Perhubungan",
    "Dinas Kominfo", "Dinas Koperasi dan UMKM", "DPMPTSP", "Dinas Kepemudaan dan Olahraga", "Dinas Kebudayaan",
    "Dinas Perpustakaan", "Dinas Kearsipan", "Dinas Perikanan", "Dinas Pariwisata", "Dinas Pertanian",
    "Dinas Perdagangan", "Dinas Perindustrian", "Bappeda", "BPKAD", "Bapenda", "BKPSDM", "Inspektorat",
    "Sekretariat Daerah", "Sekretariat DPRD", "Kesbangpol", "Dinas Kehutanan", "Dinas ESDM", "Dinas Transmigrasi",
    "Kecamatan Kota", "RSUD",
]  # fmt: skip
STEMS = [
    ("Persentase", "%", "higher"), ("Jumlah", "orang", "higher"), ("Indeks kepuasan masyarakat", "indeks", "higher"),
    ("Angka", "per 1.000", "lower"), ("Nilai", "nilai", "higher"),
]  # fmt: skip


def copy_text(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (dict, list)):
        value = json.dumps(value)
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Table:
    """Rows of one model written to PostgreSQL with COPY, with ids given here (FKs need them)."""

    def __init__(self, cursor, model, first_id: int):
        self.cursor, self.model, self.next_id = cursor, model, first_id
        self.fields = [f for f in model._meta.concrete_fields]
        self.buffer = io.StringIO()
        self.count = 0
        self.now = datetime.now(UTC).isoformat()

    def add(self, **values) -> int:
        pk = self.next_id
        self.next_id += 1
        values["id"] = pk
        cells = []
        for field in self.fields:
            if field.attname in values:
                value = values[field.attname]
            elif getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
                value = self.now
            else:
                value = field.get_default()
            cells.append(copy_text(value))
        self.buffer.write("\t".join(cells) + "\n")
        self.count += 1
        if self.buffer.tell() > 8 * 2**20:
            self.flush()
        return pk

    def flush(self) -> None:
        columns = ", ".join(f'"{f.column}"' for f in self.fields)
        with self.cursor.copy(f'COPY "{self.model._meta.db_table}" ({columns}) FROM STDIN') as copy:
            copy.write(self.buffer.getvalue())
        self.buffer = io.StringIO()

    def finish(self) -> None:
        self.flush()
        table = self.model._meta.db_table
        self.cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT max(id) FROM \"{table}\"))"
        )


def generate(*, regions: int, agencies: int, indicators: int, years: int, seed: int = 1) -> dict[str, int]:
    from django.db import connection, transaction
    from django.db.models import Max

    from kinerja.core import achievement as rules
    from kinerja.core.model import Direction
    from kinerja.web.performance import averages, models

    if models.Region.objects.filter(name=MARKER).exists():
        raise SystemExit("the generated country is already in this database")
    rng = random.Random(seed)
    cap, cap_value = averages.basis(), averages.capaian_cap()
    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        tables = {
            model: Table(raw, model, (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1)
            for model in (
                models.Region, models.Agency, models.Sasaran, models.Indicator, models.Target, models.Realisation,
                models.AgencyYear, models.Budget, models.SourceFile, models.FindingRecord, models.AuditEvent,
            )
        }  # fmt: skip
        t = {model.__name__: table for model, table in tables.items()}
        province_ids = [
            t["Region"].add(name=f"Prov. Nasional {p + 1:02d}", slug=f"prov-nasional-{p + 1:02d}", sign_place="")
            for p in range(PROVINCES)
        ]
        t["Region"].flush()  # regencies point to their provinces: same table, so the provinces go first
        year_range = range(FIRST_YEAR, FIRST_YEAR + years)
        last = year_range[-1]
        statuses = ["draft", "submitted", "returned", "verified", "approved", "published"]
        for r in range(regions):
            name = MARKER if r == 0 else f"Kab. Nasional {r + 1:04d}"
            region_id = t["Region"].add(
                name=name, slug=f"kab-nasional-{r + 1:04d}", province_id=province_ids[r % PROVINCES], sign_place=""
            )
            for a in range(agencies):
                kind = AGENCY_KINDS[a % len(AGENCY_KINDS)]
                agency_id = t["Agency"].add(
                    region_id=region_id, name=f"{kind} {a // len(AGENCY_KINDS) or ''}".strip(), slug=f"pd-{a + 1:02d}",
                    sign_place="",
                )  # fmt: skip
                sasaran_ids = [
                    t["Sasaran"].add(agency_id=agency_id, name=f"Sasaran strategis {s + 1} {kind}") for s in range(3)
                ]
                file_id = t["SourceFile"].add(agency_id=agency_id, name=f"pk-{a}.xlsx", sha256=f"{r:032d}{a:032d}")
                capaian: dict[int, list[Decimal]] = {year: [] for year in year_range}
                for k in range(indicators):
                    stem, unit, direction = STEMS[k % len(STEMS)]
                    name_k = f"{stem} capaian layanan {k + 1} {kind}"
                    key = models.name_key(name_k)
                    indicator_id = t["Indicator"].add(
                        agency_id=agency_id, name=name_k, unit=unit, direction=direction, is_iku=k < 3
                    )
                    for year in year_range:
                        target = Decimal(rng.randint(10, 1000))
                        t["Target"].add(
                            indicator_id=indicator_id, year=year, value=target, raw=str(target), name=name_k,
                            sasaran_id=sasaran_ids[k % 3], position=k, unit=unit, direction=direction,
                            name_key=key,
                        )  # fmt: skip
                        value = (target * Decimal(rng.uniform(0.5, 1.3))).quantize(Decimal("0.01"))
                        t["Realisation"].add(indicator_id=indicator_id, year=year, value=value, raw=str(value))
                        figure = rules.ratio(target=target, realisasi=value, direction=Direction(direction))
                        if figure is not None:
                            capaian[year].append(figure)
                for year in year_range:
                    status = "published" if year < last else statuses[rng.randrange(len(statuses))]
                    mean = rules.average(capaian[year], cap=cap_value)  # as core.Year.average() does
                    kept = mean.quantize(averages.PLACES, rounding=ROUND_HALF_UP) if mean is not None else None
                    t["AgencyYear"].add(
                        agency_id=agency_id, year=year, status=status, signed_place="", average=kept,
                        published_average=None, average_basis=cap,
                        signed_on=date(year + 1, 2, 28) if status in ("approved", "published") else None,
                    )  # fmt: skip
                    anggaran = Decimal(rng.randint(1_000, 50_000)) * 1_000_000
                    t["Budget"].add(
                        agency_id=agency_id, year=year, anggaran=anggaran, realisasi=anggaran * Decimal("0.93"),
                        anggaran_raw="", realisasi_raw="",
                    )  # fmt: skip
                    for f in range(2):
                        t["FindingRecord"].add(
                            file_id=file_id, agency_id=agency_id, year=year, code="capaian_mismatch",
                            severity="error" if f == 0 else "warning", message="capaian tertulis berbeda dari hitungan",
                            resolved=year < last,
                        )  # fmt: skip
                    for e in range(5):
                        t["AuditEvent"].add(
                            agency_id=agency_id, year=year, action="update", object_type="realisation",
                            object_id=None, origin="form", label=f"realisasi {e + 1}",
                            before={"nilai": "1"}, after={"nilai": "2"},
                        )  # fmt: skip
            if (r + 1) % 50 == 0:
                print(f"  {r + 1} regions", file=sys.stderr, flush=True)
        for table in tables.values():
            table.finish()
        cursor.execute("ANALYZE")
    return {model.__name__: table.count for model, table in tables.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--regions", type=int, default=548)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--indicators", type=int, default=25)
    parser.add_argument("--years", type=int, default=6)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database (COPY is PostgreSQL's)")
    os.environ.setdefault("KINERJA_TESTING", "1")  # a benchmark installation: no secret key needed
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    counts = generate(regions=args.regions, agencies=args.agencies, indicators=args.indicators, years=args.years)
    print(f"generated in {time.perf_counter() - start:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
