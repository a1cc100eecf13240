"""The `kinerja` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from kinerja.core import achievement as rules
from kinerja.core.achievement import describe
from kinerja.core.checks import CheckResult, show
from kinerja.core.findings import has_errors
from kinerja.core.numbers import format_id
from kinerja.core.values import write_value
from kinerja.readers import ReadError
from kinerja.readers.mapping import SPEC_HELP, from_command_line

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _table(headers: Sequence[str], rows: list[Sequence[str]], widths: Sequence[int]) -> str:
    def clip(text: str, width: int) -> str:
        text = text or ""
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(clip(h, w).ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(clip(c, w).ljust(w) for c, w in zip(row, widths, strict=True)))
    return "\n".join(lines)


def _document_title(index: int, document) -> str:
    kind = "Pengukuran Kinerja" if document.kind.value == "pengukuran_kinerja" else "Capaian Renstra (LKjIP)"
    parts = [f"[{index}] {kind} {document.year or '?'}"]
    if document.agency:
        parts.append(document.agency)
    if document.region:
        parts.append(document.region)
    if document.source:
        parts.append(f"({document.source})")
    return " — ".join(parts[:1] + [" · ".join(parts[1:])]) if len(parts) > 1 else parts[0]


def render_parse(result: CheckResult) -> str:
    out = []
    for index, document in enumerate(result.documents):
        out.append(_document_title(index, document))
        headers = ["#", "Indikator", "Satuan", "Target", "Realisasi", "% lapor", "% hitung", "Kategori"]
        widths = [3, 44, 14, 16, 16, 9, 13, 13]
        if document.kind.value == "capaian_renstra":
            headers += ["Target akhir", "% akhir lapor", "% akhir hitung"]
            widths += [16, 13, 14]
        rows = []
        for row in document.rows:
            cells = [
                str(row.index + 1),
                row.indikator,
                row.satuan or "",
                write_value(row.target),
                write_value(row.realisasi),
                show(row.capaian_reported),
                describe(row.capaian),
                row.category or "",
            ]
            if document.kind.value == "capaian_renstra":
                cells += [write_value(row.target_akhir), show(row.capaian_akhir_reported), describe(row.capaian_akhir)]
            rows.append(cells)
        out.append(_table(headers, rows, widths))
        if document.budget is not None:
            b = document.budget
            absorption = rules.absorption(b.anggaran.number, b.realisasi.number)
            out.append(
                f"Anggaran: {write_value(b.anggaran)}   Realisasi: {write_value(b.realisasi)}   "
                f"Serapan: {format_id(absorption, 2) + ' %' if absorption is not None else 'tidak dapat dihitung'}"
            )
        if document.signatory is not None:
            s = document.signatory
            out.append(f"Ditandatangani: {s.place}, {s.date:%d-%m-%Y} — {s.name}, {s.rank}, NIP {s.nip}")
        out.append("")
    return "\n".join(out)


def render_findings(result: CheckResult) -> str:
    if not result.findings:
        return "Tidak ada temuan."
    counts = {s: sum(1 for f in result.findings if f.severity.value == s) for s in ("error", "warning", "info")}
    lines = [
        f"{len(result.findings)} temuan: {counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info"
    ]
    for f in result.findings:
        where = f"dok {f.document}" + (f" baris {f.row + 1}" if f.row is not None else "")
        lines.append(f"{f.severity.value.upper():7} {f.code:26} {where:16} {f.message}")
    return "\n".join(lines)


def _address_space() -> int:
    """The process's current virtual memory size in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _load(paths: list[str], mapping=None) -> CheckResult:
    """Read and check the files within the same memory and time limits as an upload to the site
    (KINERJA_PARSE_MEMORY_MB, KINERJA_PARSE_SECONDS): a file beyond them is a ReadError, exit code 2.
    ``mapping``: the one file's columns named by hand (kinerja.readers.mapping)."""
    import signal

    from kinerja.pipeline import check_files, check_mapped
    from kinerja.readers import limit_setting

    seconds = limit_setting("PARSE_SECONDS", 120)
    memory = limit_setting("PARSE_MEMORY_MB", 1024) * 1024 * 1024
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = _address_space() + memory  # this much more than the command already uses
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))  # the soft limit only: restored below
    except (ImportError, ValueError, OSError):
        resource = None

    def stop(signum, frame):
        raise ReadError(f"pembacaan dihentikan setelah {seconds} detik; berkas terlalu berat")

    import threading

    timed = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, stop) if timed else None
    if timed:
        signal.alarm(seconds)
    too_heavy = False
    try:
        return check_mapped(paths[0], mapping) if mapping is not None else check_files(paths)
    except MemoryError:
        too_heavy = True  # said below, once the limit is lifted: saying it needs memory too
    except SystemError:
        # CPython out of memory inside C code sometimes fails without setting MemoryError ("error return
        # without exception set", seen in CI about once in a hundred runs): under the limit, the same refusal
        if resource is None:
            raise
        too_heavy = True
    finally:
        if timed:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if resource is not None:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    if too_heavy:
        raise ReadError("berkas terlalu berat untuk dibaca (melebihi batas memori pembacaan)")


def cmd_parse(args) -> int:
    return _report(args, show_rows=True)


def cmd_check(args) -> int:
    return _report(args, show_rows=False)


def _report(args, *, show_rows: bool) -> int:
    try:
        mapping = from_command_line(args.kolom, args.files)
        result = _load(args.files, mapping)
    except ReadError as exc:
        print(f"kinerja: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        from kinerja.pipeline import result_json

        data = result_json(result, with_source=len(args.files) > 1)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        if show_rows:
            print(render_parse(result))
        print(render_findings(result))
    return EXIT_FINDINGS if has_errors(result.findings) else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kinerja", description="Akuntabilitas kinerja (SAKIP) perangkat daerah.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, text in (
        ("parse", cmd_parse, "baca dokumen dan tampilkan tabelnya beserta temuan"),
        ("check", cmd_check, "periksa dokumen dan tampilkan temuannya"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("files", nargs="+", help="berkas .txt, .docx, .xlsx atau .pdf")
        p.add_argument("--json", action="store_true", help="cetak satu objek JSON")
        p.add_argument("--kolom", help=SPEC_HELP)
        p.set_defaults(func=func)
    from kinerja.web.cli import add_web_commands

    add_web_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # output piped into `head` and friends
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("kinerja: dihentikan", file=sys.stderr)
        return 130
    except Exception as exc:
        problem = _setup_problem(exc)
        if problem is None:
            raise
        print(f"kinerja: {problem}", file=sys.stderr)
        return EXIT_UNREADABLE


def _setup_problem(exc: Exception) -> str | None:
    """A missing setting or an unusable database, said in one line; None for anything else.

    Django's exceptions are looked up only if Django was loaded: a command that never touched it
    (reading a file, a report from files) cannot have failed there, and need not import it.
    """
    core = sys.modules.get("django.core.exceptions")
    if core is not None and isinstance(exc, core.ImproperlyConfigured):
        return f"konfigurasi belum lengkap: {exc}"
    db = sys.modules.get("django.db")
    if db is not None and isinstance(exc, db.DatabaseError):
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        return f"basis data tidak dapat dipakai: {first}"
    return None


if __name__ == "__main__":
    sys.exit(main())
