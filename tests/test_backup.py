"""`kinerja backup` and `kinerja restore`: the demo plus a full yearly cycle, backed up and restored into
an empty installation, shows every page, report, audit event and evidence file identically."""

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "src/kinerja/samples/banjar-2013-2016.txt"


def installation(folder: Path, database: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KINERJA_", "DJANGO_", "DATABASE_URL"))}
    env.update(KINERJA_DATA_DIR=str(folder), KINERJA_DEBUG="1", PYTHONPATH=str(HERE.parent))
    if database:
        env["DATABASE_URL"] = database
    return env


def fresh_database(name: str) -> str | None:
    """On PostgreSQL (DATABASE_URL set, as .ci/run does): a new empty database on the same server."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return None
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


def kinerja(env, *args, check=True):
    done = subprocess.run([sys.executable, "-m", "kinerja.cli", *args], env=env, capture_output=True, text=True)
    if check and done.returncode not in (0, 1):
        raise AssertionError(done.stderr)
    return done


def shell(env, script: Path) -> str:
    return kinerja(env, "manage", "shell", "-c", f"exec(open({str(script)!r}).read())").stdout


def fingerprint(env) -> dict:
    line = next(line for line in shell(env, HERE / "backup/fingerprint.py").splitlines() if line.startswith("SIDIK"))
    return json.loads(line[len("SIDIK") :])


def test_backup_and_restore_round_trip(tmp_path):
    """On SQLite files, or on two new PostgreSQL databases when the suite runs on PostgreSQL."""
    first = installation(tmp_path / "asal", fresh_database("kinerja_cadangan_asal"))
    kinerja(first, "import", str(SAMPLE), "--agency", "Dinas Koperasi dan UMKM", "--region", "Kabupaten Banjar",
            "--create", "--published")  # fmt: skip
    assert "siklus selesai" in shell(first, HERE / "backup/cycle.py")
    before = fingerprint(first)
    assert before["evidence"] and len(before["audit"]) > 100
    # the settled RPJMD form of 2016: 62,87 % against 55 → 114,31
    assert len(before["settled"]) == 1 and any("114.31" in row for row in before["reports"]["rpjmd-2016"])

    archive = tmp_path / "cadangan.tar.gz"
    done = kinerja(first, "backup", str(archive))
    assert done.returncode == 0 and "dicadangkan" in done.stdout
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "kinerja-cadangan.json" in names and "data.xml" in names and any(n.startswith("media/bukti/") for n in names)

    second = installation(tmp_path / "pulih", fresh_database("kinerja_cadangan_pulih"))
    restored = kinerja(second, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert fingerprint(second) == before
    # a second restore into the now full installation is refused, and nothing changes
    again = kinerja(second, "restore", str(archive), check=False)
    assert again.returncode == 2 and "sudah berisi data" in again.stderr
    assert fingerprint(second) == before


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    env = installation(tmp_path / "kosong")
    bogus = tmp_path / "bukan.tar.gz"
    bogus.write_bytes(b"bukan arsip")
    done = kinerja(env, "restore", str(bogus), check=False)
    assert done.returncode == 2 and "bukan berkas cadangan" in done.stderr and "Traceback" not in done.stderr
    escaping = tmp_path / "keluar.tar.gz"
    with tarfile.open(escaping, "w:gz") as tar:
        for name, data in (
            ("kinerja-cadangan.json", b'{"format": 1}'),
            ("data.xml", b"<django-objects/>"),
            ("../../etc/x", b"x"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            import io

            tar.addfile(info, io.BytesIO(data))
    done = kinerja(env, "restore", str(escaping), check=False)
    assert done.returncode == 2 and "di luar folder unggahan" in done.stderr
    assert not (tmp_path / "etc").exists()


NEW_SINCE_0033 = {
    "performance.target": {"definition", "data_source", "responsible", "is_iku", "standard", "standard_source",
                           "info_version"},
    "performance.agencyyear": {"signer"},
    "performance.official": {"region"},
    "performance.findingrecord": {"said"},
}  # fmt: skip
READ_BACK = """
from kinerja.web.performance.models import AgencyYear, Official, Target
rows = Target.objects.filter(indicator__name="Jumlah anggota koperasi").order_by("year")
print("TAHUN", [(t.year, t.definition, str(t.standard), t.is_iku) for t in rows])
print("TTD", sorted({(ay.year, (ay.signer or {}).get("name")) for ay in AgencyYear.objects.all()}))
print("PEJABAT", sorted({(o.name, o.region.name if o.region else None) for o in Official.objects.all()}))
"""


def as_older_backup(archive: Path, older: Path) -> None:
    """``archive`` as kinerja wrote it before migration 0034 (descriptions on the indicator, no signature blocks
    on the years, format 1 without the migrations named): the fields added since taken out, and the indicator
    'Jumlah anggota koperasi' described as operators described it then."""
    import io
    from xml.etree import ElementTree

    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    tree = ElementTree.fromstring(members["data.xml"])
    for obj in tree.iter("object"):
        for field in list(obj.findall("field")):
            if field.get("name") in NEW_SINCE_0033.get(obj.get("model"), ()):
                obj.remove(field)
        if obj.get("model") == "performance.indicator" and obj.find("field[@name='name']").text == (
            "Jumlah anggota koperasi"
        ):
            for name, value in (
                ("definition", "Anggota koperasi terdaftar"),
                ("standard", "25000"),
                ("is_iku", "True"),
            ):
                field = obj.find(f"field[@name='{name}']")
                for child in list(field):
                    field.remove(child)
                field.text = value
    members["data.xml"] = ElementTree.tostring(tree, encoding="utf-8", xml_declaration=True)
    manifest = json.loads(members["kinerja-cadangan.json"])
    manifest.pop("migrations", None)
    manifest["format"] = 1
    members["kinerja-cadangan.json"] = json.dumps(manifest).encode()
    with tarfile.open(older, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def test_an_older_backup_is_restored_with_its_data_moved_forward(tmp_path):
    """A backup from before the description moved to each year: restored, every year of the indicator carries
    the description the indicator had, every signed year its signature block, and every official their
    region, as an upgrade would."""
    first = installation(tmp_path / "asal")
    kinerja(first, "import", str(SAMPLE), "--agency", "Dinas Koperasi dan UMKM", "--region", "Kabupaten Banjar",
            "--create", "--published")  # fmt: skip
    archive, older = tmp_path / "cadangan.tar.gz", tmp_path / "cadangan-lama.tar.gz"
    assert kinerja(first, "backup", str(archive)).returncode == 0
    as_older_backup(archive, older)
    second = installation(tmp_path / "pulih")
    restored = kinerja(second, "restore", str(older))
    assert restored.returncode == 0, restored.stderr
    script = tmp_path / "baca.py"
    script.write_text(READ_BACK, encoding="utf-8")
    out = shell(second, script)
    years = eval(next(line for line in out.splitlines() if line.startswith("TAHUN"))[6:])
    assert [year for year, *_ in years] == [2013, 2014, 2015]  # in 2016 the form names it otherwise
    assert {tuple(rest) for _, *rest in years} == {("Anggota koperasi terdaftar", "25000.000000", True)}
    signers = eval(next(line for line in out.splitlines() if line.startswith("TTD"))[4:])
    assert signers == [(year, "Ir. ACHMAD SUPRAPTO") for year in (2013, 2014, 2015, 2016)]
    officials = eval(next(line for line in out.splitlines() if line.startswith("PEJABAT"))[8:])
    assert officials == [("Ir. ACHMAD SUPRAPTO", "Kabupaten Banjar")]  # placed in the agency's region (0039)


def test_a_backup_from_a_newer_kinerja_is_refused_and_nothing_restored(tmp_path):
    import io

    data = b'<?xml version="1.0" encoding="utf-8"?><django-objects version="1.0"></django-objects>'
    manifest = json.dumps({"format": 2, "migrations": [["performance", "0999_masa_depan"]]}).encode()
    archive = tmp_path / "cadangan-baru.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, content in (("kinerja-cadangan.json", manifest), ("data.xml", data)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    env = installation(tmp_path / "kosong")
    done = kinerja(env, "restore", str(archive), check=False)
    assert done.returncode == 2 and "versi kinerja yang lebih baru" in done.stderr and "0999_masa_depan" in done.stderr
    assert "Traceback" not in done.stderr
