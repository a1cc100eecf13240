"""The core is pure: it imports no web framework and no file-format library."""

import subprocess
import sys

FORBIDDEN = ("django", "openpyxl", "docx", "reportlab", "pdfplumber", "matplotlib")


def test_core_imports_nothing_outside_its_ring():
    code = (
        "import sys, pkgutil, importlib, kinerja.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('kinerja.core.' + m.name)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(','.join(bad)); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
