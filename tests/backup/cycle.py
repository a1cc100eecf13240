"""Run inside `kinerja manage shell`: the demo data plus a full 2017 cycle with an evidence file."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.core import year as core
from kinerja.web.performance import cycle, review, store
from kinerja.web.performance.models import Agency, Membership

User = get_user_model()
agency = Agency.objects.get(name="Dinas Koperasi dan UMKM")
people = {}
for name, role in (("ani", "operator"), ("citra", "reviewer"), ("dedi", "head")):
    user = User.objects.create_user(name, password="kata-sandi-uji-123")
    if role == "reviewer":
        Membership.objects.create(user=user, role=role, region=agency.region)
    else:
        Membership.objects.create(user=user, role=role, agency=agency)
    people[role] = user
year, _ = store.open_year(people["operator"], agency, 2017)
lines = store.load(year).lines
changes = []
for i, line in enumerate(lines):
    changes += [
        core.SetFigure(line.indicator_id, "target", Decimal(10 + i)),
        core.SetFigure(line.indicator_id, "year", Decimal(9 + i)),
    ]
changes += [core.SetBudget("anggaran", Decimal(2_300_000_000)), core.SetBudget("realisasi", Decimal(2_150_000_000))]
store.apply(people["operator"], year, changes, origin="form")
evidence = SimpleUploadedFile("daftar koperasi.pdf", b"%PDF-1.4 bukti 2017")
store.apply(
    people["operator"],
    year,
    [core.SetEvidence(lines[0].indicator_id, evidence.name, evidence, sha256="x")],
    origin="form",
)
store.apply(
    people["operator"], year, [core.SetNote(line.indicator_id, "Turun karena RAT.") for line in lines], origin="form"
)
cycle.act(user=people["operator"], agency_year=year, action="submit")
review.add(people["reviewer"], year, "Lampirkan daftar.", lines[0].indicator_id)
cycle.act(user=people["reviewer"], agency_year=year, action="verify")
cycle.act(user=people["head"], agency_year=year, action="approve")
cycle.act(user=people["reviewer"], agency_year=year, action="publish")
print("siklus selesai")
