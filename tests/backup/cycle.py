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

# the region's RPJMD, its IKU measured by the agency's indicator, and its 2016 form settled by Bappeda
from kinerja.web.performance import rpjmd, rpjmd_measurement  # noqa: E402
from kinerja.web.performance.models import Indicator, Sasaran  # noqa: E402

plan = rpjmd.add_period(people["reviewer"], agency.region, 2016, 2021)
rpjmd_sasaran = rpjmd.add_sasaran(people["reviewer"], rpjmd.add_tujuan(people["reviewer"], plan, "Perekonomian"),
                                  "Daya saing koperasi")  # fmt: skip
iku = rpjmd.add_indicator(people["reviewer"], rpjmd_sasaran, name="Persentase koperasi aktif", unit="%",
                          baseline="52,75", end_target="67,5", targets={2016: "55"})  # fmt: skip
served = Sasaran.objects.get(agency=agency, name__startswith="Terciptanya koperasi dan UMKM yang mampu")
rpjmd.link(people["operator"], agency, served, rpjmd_sasaran)
active = Indicator.objects.get(agency=agency, name="Persentase koperasi aktif")
rpjmd.measure(people["reviewer"], iku, active.pk, seen=rpjmd.fingerprint(iku))
rpjmd_measurement.settle(people["reviewer"], plan, 2016)
print("siklus selesai")
