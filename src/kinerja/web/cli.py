"""Command-line commands that need the database: import, demo, serve, links."""

from __future__ import annotations

import os
import secrets
import sys
from importlib import resources
from pathlib import Path

SAMPLE_AGENCY = "Dinas Koperasi dan UMKM"
SAMPLE_REGION = "Kabupaten Banjar"
DEMO_USERS = (
    ("admin", "admin", None),
    ("operator", "operator", SAMPLE_AGENCY),
    ("reviewer", "reviewer", None),
    ("kepala", "head", SAMPLE_AGENCY),
)


def setup_django(*, demo: bool = False) -> None:
    if demo:
        os.environ.setdefault("KINERJA_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
    import django

    django.setup()


def migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def sample_path() -> Path:
    return Path(str(resources.files("kinerja") / "samples" / "banjar-2013-2016.txt"))


def cmd_import(args) -> int:
    from django.core.exceptions import ImproperlyConfigured

    try:
        setup_django()
        migrate()
    except ImproperlyConfigured as exc:
        print(f"kinerja: konfigurasi belum lengkap: {exc}", file=sys.stderr)
        return 2
    from kinerja.readers import ReadError
    from kinerja.web.performance.services import ImportRefused, import_file

    code = 0
    for file in args.files:
        try:
            report = import_file(file, agency=args.agency, region=args.region, create=args.create)
        except (ReadError, ImportRefused) as exc:
            print(f"kinerja: {exc} Basis data tidak berubah.", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"kinerja: {file}: {exc.strerror}. Basis data tidak berubah.", file=sys.stderr)
            return 2
        if not report.created:
            when = f"{report.file.imported_at:%d-%m-%Y %H:%M}"
            print(f"{report.file.name}: sudah pernah diimpor ({when}); tidak ada yang diubah.")
            continue
        years = ", ".join(map(str, report.years))
        print(
            f"{report.file.name}: {report.tables} tabel, {report.rows} baris indikator, tahun {years}; "
            f"{report.findings} temuan ({report.errors} galat)."
        )
        for name, candidate, score in report.suggestions:
            print(f"  perlu konfirmasi: '{name}' mungkin sama dengan '{candidate}' (kemiripan {score:.0f}%)")
        if report.suggestions:
            print("  Konfirmasi dengan: kinerja links")
        if report.errors:
            code = 1
    return code


def cmd_links(args) -> int:
    setup_django()
    migrate()
    from kinerja.web.performance.models import LinkSuggestion
    from kinerja.web.performance.services import ImportRefused, confirm_link, reject_link

    if args.confirm or args.reject:
        pk = args.confirm or args.reject
        suggestion = LinkSuggestion.objects.filter(pk=pk, status=LinkSuggestion.Status.PENDING).first()
        if suggestion is None:
            print(f"kinerja: usulan {pk} tidak ada atau sudah diputuskan.", file=sys.stderr)
            return 2
        if args.reject:
            reject_link(suggestion)
            print(f"Usulan {pk} ditolak; kedua indikator tetap terpisah.")
            return 0
        try:
            kept = confirm_link(suggestion)
        except ImportRefused as exc:
            print(f"kinerja: {exc}", file=sys.stderr)
            return 2
        print(f"Digabung ke indikator {kept.pk}: {kept.name}")
        return 0
    pending = LinkSuggestion.objects.filter(status=LinkSuggestion.Status.PENDING).select_related(
        "indicator", "candidate"
    )
    if not pending:
        print("Tidak ada usulan tautan yang menunggu konfirmasi.")
    for s in pending:
        print(f"[{s.pk}] '{s.indicator.name}'  ~  '{s.candidate.name}'  ({s.score}%)")
    return 0


def ensure_demo_users() -> list[tuple[str, str, str]]:
    from django.contrib.auth import get_user_model

    from kinerja.web.performance.models import Agency, Membership

    User = get_user_model()
    agency = Agency.objects.filter(name=SAMPLE_AGENCY).first()
    created = []
    for username, role, agency_name in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@kinerja.local"})
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.is_staff = role == "admin"
        user.save()
        Membership.objects.get_or_create(user=user, role=role, agency=agency if agency_name else None)
        created.append((username, role, password))
    return created


def cmd_demo(args) -> int:
    setup_django(demo=True)
    from django.conf import settings

    print(f"Basis data: {settings.DATABASES['default']['NAME']}")
    migrate()
    from kinerja.web.performance.services import import_file

    report = import_file(sample_path(), agency=SAMPLE_AGENCY, region=SAMPLE_REGION, create=True)
    if report.created:
        print(f"Contoh Banjar diimpor: {report.tables} tabel, {report.rows} baris, {report.findings} temuan.")
    else:
        print("Contoh Banjar sudah ada; data dipakai ulang.")
    print("Akun demo (kata sandi baru setiap kali demo dijalankan):")
    for username, role, password in ensure_demo_users():
        print(f"  {username:10} {role:9} {password}")
    return serve(args.host, args.port)


def cmd_serve(args) -> int:
    from django.core.exceptions import ImproperlyConfigured

    try:
        setup_django()
    except ImproperlyConfigured as exc:
        print(f"kinerja: konfigurasi belum lengkap: {exc}", file=sys.stderr)
        return 2
    migrate()
    return serve(args.host, args.port)


def serve(host: str, port: int) -> int:
    from waitress import serve as waitress_serve

    from kinerja.web.wsgi import application

    print(f"kinerja berjalan di http://{host}:{port}/  (hentikan dengan Ctrl+C)", flush=True)
    try:
        waitress_serve(application, host=host, port=port, threads=8, ident="kinerja")
    except OSError as exc:
        print(f"kinerja: tidak dapat membuka port {port}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0


def add_web_commands(sub) -> None:
    p = sub.add_parser("import", help="impor dokumen ke basis data")
    p.add_argument("files", nargs="+")
    p.add_argument("--agency", required=True, help="nama perangkat daerah")
    p.add_argument("--region", help="nama pemerintah daerah, mis. 'Kabupaten Banjar'")
    p.add_argument("--create", action="store_true", help="buat perangkat daerah / pemerintah daerah bila belum ada")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("links", help="usulan tautan indikator yang menunggu konfirmasi")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--confirm", type=int, metavar="ID")
    group.add_argument("--reject", type=int, metavar="ID")
    p.set_defaults(func=cmd_links)

    for name, func, text in (
        ("demo", cmd_demo, "buat basis data lokal dengan contoh Banjar dan jalankan situsnya"),
        ("serve", cmd_serve, "jalankan situs untuk basis data yang ada"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--host", default=os.environ.get("KINERJA_HOST", "127.0.0.1"))
        p.add_argument("--port", type=int, default=int(os.environ.get("KINERJA_PORT", "8000")))
        p.set_defaults(func=func)
