"""Command-line commands that need the database: import, demo, serve, links."""

from __future__ import annotations

import argparse
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


def setup_django(*, demo: bool = False, serving: bool = False) -> None:
    """Configure Django. Commands that do not serve the site run without a secret key."""
    if demo:
        os.environ.setdefault("KINERJA_DEMO", "1")
    elif not serving:
        os.environ.setdefault("KINERJA_CLI", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
    import django

    django.setup()


def migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def sample_path() -> Path:
    return Path(str(resources.files("kinerja") / "samples" / "banjar-2013-2016.txt"))


def cmd_import(args) -> int:
    setup_django()
    migrate()
    from kinerja.readers import ReadError
    from kinerja.readers.mapping import from_command_line
    from kinerja.web.performance.services import ImportRefused, import_file

    code = 0
    for file in args.files:
        try:
            mapping = from_command_line(args.kolom, args.files)
            report = import_file(
                file, agency=args.agency, region=args.region, create=args.create, published=args.published,
                mapping=mapping,
            )  # fmt: skip
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
        state = "dipublikasikan (dokumen bertanda tangan)" if args.published else "draf"
        print(
            f"{report.file.name}: {report.tables} tabel, {report.rows} baris indikator, tahun {years} ({state}); "
            f"{report.changes} perubahan, {report.findings} temuan ({report.errors} galat)."
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
    from kinerja.core.workflow import Refused
    from kinerja.web.performance.links import confirm_link, reject_link
    from kinerja.web.performance.models import LinkSuggestion

    if args.confirm or args.reject:
        pk = args.confirm or args.reject
        suggestion = LinkSuggestion.objects.filter(pk=pk, status=LinkSuggestion.Status.PENDING).first()
        if suggestion is None:
            print(f"kinerja: usulan {pk} tidak ada atau sudah diputuskan.", file=sys.stderr)
            return 2
        try:
            if args.reject:
                reject_link(suggestion)
                print(f"Usulan {pk} ditolak; kedua indikator tetap terpisah.")
                return 0
            kept = confirm_link(suggestion, user=None)
        except Refused as exc:
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

    from kinerja.web.performance.models import Agency, Membership, Official

    User = get_user_model()
    agency = Agency.objects.filter(name=SAMPLE_AGENCY).first()
    created = []
    for username, role, agency_name in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@kinerja.local"})
        password = secrets.token_urlsafe(9)
        user.set_password(password)
        user.is_staff = user.is_superuser = role == "admin"
        user.save()
        Membership.objects.get_or_create(
            user=user,
            role=role,
            agency=agency if agency_name else None,
            region=agency.region if agency is not None else None,
        )
        if role == "head" and agency is not None:
            # the head of agency signs as the official the documents name
            Official.objects.filter(agency=agency, user__isnull=True).order_by("id").update(user=user)
        created.append((username, role, password))
    return created


def cmd_demo(args) -> int:
    setup_django(demo=True)
    from django.conf import settings

    print(f"Basis data: {settings.DATABASES['default']['NAME']}")
    migrate()
    from kinerja.web.performance.services import import_file

    report = import_file(sample_path(), agency=SAMPLE_AGENCY, region=SAMPLE_REGION, create=True, published=True)
    if report.created:
        print(f"Contoh Banjar diimpor: {report.tables} tabel, {report.rows} baris, {report.findings} temuan.")
    else:
        print("Contoh Banjar sudah ada; data dipakai ulang.")
    print("Akun demo (kata sandi baru setiap kali demo dijalankan):")
    for username, role, password in ensure_demo_users():
        print(f"  {username:10} {role:9} {password}")
    from django.contrib.auth import get_user_model

    from kinerja.web.performance import illustration
    from kinerja.web.performance.models import Agency

    agency = Agency.objects.get(name=SAMPLE_AGENCY, region__name=SAMPLE_REGION)
    admin = get_user_model().objects.filter(is_superuser=True).order_by("id").first()
    if admin is not None and illustration.build(agency, admin):
        print(f"Rantai SAKIP ilustrasi {illustration.YEAR} dibuat: RPJMD, PK kepala dinas, kepala bidang dan kepala "
              "seksi, Rencana Aksi, Evaluasi Renja (ditandai sebagai data ilustrasi).")  # fmt: skip
    return serve(args.host, args.port)


def cmd_serve(args) -> int:
    setup_django(serving=True)
    migrate()
    return serve(args.host, args.port)


def serve(host: str, port: int) -> int:
    from django.conf import settings
    from waitress import serve as waitress_serve

    from kinerja.web.wsgi import application

    print(f"kinerja berjalan di http://{host}:{port}/  (hentikan dengan Ctrl+C)", flush=True)
    try:
        # with KINERJA_TRUSTED_PROXY, kinerja.web.proxy decides which forwarded headers to trust
        trusted = bool(os.environ.get("KINERJA_TRUSTED_PROXY", "").strip())
        waitress_serve(
            application,
            host=host,
            port=port,
            threads=8,
            ident="kinerja",
            clear_untrusted_proxy_headers=not trusted,
            # a body larger than the largest upload (plus the form around it) is refused before it is read
            max_request_body_size=settings.KINERJA_MAX_UPLOAD + 1024 * 1024,
        )
    except OSError as exc:
        print(f"kinerja: tidak dapat membuka port {port}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0


def cmd_report(args) -> int:
    from pathlib import Path

    from kinerja.reports.build import book
    from kinerja.reports.render import KINDS, render

    output = Path(args.output) if args.output else None
    if args.files:
        if args.kind == "buku":
            print("kinerja: buku dibuat dari basis data (--region dan --year), bukan dari berkas.", file=sys.stderr)
            return 2
        from kinerja.pipeline import check_files
        from kinerja.readers import ReadError
        from kinerja.reports.from_documents import NoSuchYear, agency_year_from_documents

        try:
            data = agency_year_from_documents(check_files(args.files), args.year)
        except (ReadError, NoSuchYear) as exc:
            print(f"kinerja: {exc}", file=sys.stderr)
            return 2
        report = KINDS[args.kind][1](data)
    else:
        setup_django()
        migrate()
        from kinerja.web.performance.models import AgencyYear, Region
        from kinerja.web.performance.reporting import agency_year_data, region_year_data
        from kinerja.web.performance.services import SystemUser

        system = SystemUser()
        if args.kind == "buku":
            region = Region.objects.filter(name__iexact=args.region or "").first()
            if region is None or args.year is None:
                print("kinerja: buku memerlukan --region yang terdaftar dan --year.", file=sys.stderr)
                return 2
            agencies = region_year_data(region, args.year, system)
            if not agencies:
                print(f"kinerja: belum ada data tahun {args.year} untuk {region.name}.", file=sys.stderr)
                return 2
            report = book(region.name, args.year, agencies)
        else:
            if not args.agency or args.year is None:
                print("kinerja: sebutkan --agency dan --year, atau --from BERKAS.", file=sys.stderr)
                return 2
            years = AgencyYear.objects.filter(agency__name__iexact=args.agency, year=args.year)
            if args.region:
                years = years.filter(agency__region__name__iexact=args.region)
            agency_year = years.select_related("agency__region", "signatory").first()
            if agency_year is None:
                print(f"kinerja: tidak ada data {args.agency} tahun {args.year}.", file=sys.stderr)
                return 2
            report = KINDS[args.kind][1](agency_year_data(agency_year, system))
    content = render(report, args.format)
    output = output or Path(f"{report.filename}.{args.format}")
    output.write_bytes(content)
    print(f"{output} ({len(content):,} bita)".replace(",", "."))
    return 0


def cmd_remind(args) -> int:
    setup_django()
    migrate()
    from kinerja.web.performance.windows import send_reminders

    sent = send_reminders(days=args.days)
    print(f"{sent} pengingat dikirim.")
    return 0


def cmd_backup(args) -> int:
    setup_django()
    migrate()
    from kinerja.web.backup import backup

    target = Path(args.file)
    done = backup(target)
    print(f"{target}: {done['records']} catatan basis data dan {done['files']} berkas unggahan dicadangkan.")
    return 0


def cmd_restore(args) -> int:
    setup_django()
    migrate()
    from kinerja.web.backup import BackupError, restore

    try:
        done = restore(Path(args.file))
    except BackupError as exc:
        print(f"kinerja: {exc}", file=sys.stderr)
        return 2
    print(f"Dipulihkan dari cadangan {done['created']}: {done['records']} catatan, {done['files']} berkas unggahan.")
    return 0


def cmd_verify(args) -> int:
    """Whether every published year still says what was published, and every stored mean its figures' mean."""
    setup_django()
    migrate()
    from kinerja.web.performance.integrity import verify
    from kinerja.web.performance.models import Region

    region = None
    if args.region:
        region = Region.objects.filter(name__iexact=args.region).first()
        if region is None:
            print(f"kinerja: pemerintah daerah '{args.region}' tidak terdaftar.", file=sys.stderr)
            return 2
    done = verify(region)
    for difference in done.differences:
        print(difference)
    checked = f"{done.years} tahun diperiksa, {done.published} di antaranya dibandingkan dengan versi terbitnya"
    if done.differences:
        print(f"{checked}: {len(done.differences)} perbedaan.")
        return 1
    print(f"{checked}: tidak ada perbedaan.")
    return 0


def cmd_cleanup(args) -> int:
    setup_django()
    migrate()
    from kinerja.web.performance.cleanup import clean

    if args.hours < 1:
        print("kinerja: --hours paling sedikit 1", file=sys.stderr)
        return 2
    done = clean(hours=args.hours)
    print(
        f"{done.previews} unggahan pratinjau dan {done.evidence} berkas bukti yatim dihapus; "
        f"{done.kept_evidence} berkas bukti dipakai atau tercatat di riwayat dan disimpan."
    )
    return 0


def cmd_manage(args) -> int:
    """Django's management commands (createsuperuser, check --deploy, changepassword, ...)."""
    setup_django(serving="check" in args.rest or "runserver" in args.rest)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kinerja manage", *args.rest])
    return 0


def add_web_commands(sub) -> None:
    p = sub.add_parser("manage", help="perintah pengelolaan Django, mis. createsuperuser, check --deploy")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)

    p = sub.add_parser("remind", help="kirim e-mail pengingat sebelum jendela entri ditutup (jalankan harian)")
    p.add_argument("--days", type=int, default=None, help="berapa hari sebelum ditutup (bawaan KINERJA_REMINDER_DAYS)")
    p.set_defaults(func=cmd_remind)

    p = sub.add_parser("backup", help="cadangkan basis data dan unggahan ke satu .tar.gz (boleh saat situs berjalan)")
    p.add_argument("file", help="berkas cadangan, mis. kinerja-2026-11-29.tar.gz")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="pulihkan instalasi kosong dari berkas cadangan")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser(
        "verify", help="periksa bahwa tahun terbit masih sama dengan versi terbitnya (jalankan harian); 1 bila berbeda"
    )
    p.add_argument("--region", help="hanya pemerintah daerah ini")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("cleanup", help="hapus unggahan pratinjau dan bukti yatim yang lebih tua (jalankan harian)")
    p.add_argument("--hours", type=float, default=24, help="umur paling sedikit, dalam jam (bawaan 24)")
    p.set_defaults(func=cmd_cleanup)

    p = sub.add_parser("report", help="buat laporan PDF, DOCX atau XLSX")
    p.add_argument("kind", choices=["pengukuran", "perjanjian", "lkjip", "lkjip-lengkap", "buku"])
    p.add_argument("--agency", help="nama perangkat daerah (dari basis data)")
    p.add_argument("--region", help="nama pemerintah daerah")
    p.add_argument("--year", type=int)
    p.add_argument("--from", dest="files", nargs="+", metavar="BERKAS", help="langsung dari dokumen, tanpa basis data")
    p.add_argument("--format", choices=["pdf", "docx", "xlsx"], default="pdf")
    p.add_argument("-o", "--output", help="berkas keluaran")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("import", help="impor dokumen ke basis data")
    p.add_argument("files", nargs="+")
    p.add_argument("--agency", required=True, help="nama perangkat daerah")
    p.add_argument("--region", help="nama pemerintah daerah, mis. 'Kabupaten Banjar'")
    p.add_argument("--create", action="store_true", help="buat perangkat daerah / pemerintah daerah bila belum ada")
    p.add_argument(
        "--published",
        action="store_true",
        help="terbitkan tahun baru dari dokumen bertanda tangan apa adanya (tindakan admin); tanpa ini: draf",
    )
    from kinerja.readers.mapping import SPEC_HELP

    p.add_argument("--kolom", help=SPEC_HELP)
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
