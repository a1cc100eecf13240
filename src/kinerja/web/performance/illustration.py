"""An illustrative SAKIP chain for the demo: the Banjar sample holds the measured years but no
Perjanjian Kinerja, units, Rencana Aksi or RPJMD. `kinerja demo` builds one through the same write
paths a planner and a head would use, and marks every record built here as illustrative: the pages
and reports say so. Names of people are placeholders, never guesses at real officials."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from kinerja.core.agreement import Level

from . import action_plans, agreements
from .models import Agency, AgencyYear, Agreement, Official, OrgUnit

YEAR = 2016


@transaction.atomic
def build(agency: Agency, user) -> bool:
    """Build the chain once (False when it is there already). ``user`` is an admin of the region."""
    if Agreement.objects.filter(agency=agency, year=YEAR).exists():
        return False
    if not AgencyYear.objects.filter(agency=agency, year=YEAR).exists():
        return False
    head = Official.objects.filter(agency=agency).order_by("id").first() or Official.objects.create(
        agency=agency, name="KEPALA DINAS (ilustrasi)", title=f"Kepala {agency.name}"
    )
    regent = agency.region.head or Official.objects.create(
        agency=None, region=agency.region, name="BUPATI (ilustrasi)",
        title=f"Bupati {agency.region.name.removeprefix('Kabupaten ')}",
    )  # fmt: skip
    kabid = Official.objects.create(
        agency=agency, name="KEPALA BIDANG KOPERASI (ilustrasi)", title="Kepala Bidang Koperasi", eselon="III.b"
    )
    kasi = Official.objects.create(
        agency=agency, name="KEPALA SEKSI KELEMBAGAAN (ilustrasi)", title="Kepala Seksi Kelembagaan Koperasi",
        eselon="IV.a",
    )  # fmt: skip
    bidang = OrgUnit.objects.create(
        agency=agency, name="Bidang Koperasi", kind=OrgUnit.Kind.BIDANG, head=kabid, illustrative=True
    )
    seksi = OrgUnit.objects.create(
        agency=agency, name="Seksi Kelembagaan Koperasi", kind=OrgUnit.Kind.SEKSI, parent=bidang, head=kasi,
        illustrative=True,
    )  # fmt: skip

    pk = _mark(agreements.create(user, agency, YEAR, Level.ESELON_II, first_party=head, second_party=regent))
    agreements.fill_from_year(user, pk)
    # the head commits to outcomes; outputs such as vehicles bought belong to lower PKs
    for item in pk.items.filter(unit__in=("buah", "kegiatan", "laporan")):
        agreements.remove_item(user, pk, item)
    if not pk.budget.exists():
        agreements.add_budget(user, pk, code="2.17.02", name="Program Pengawasan dan Pemeriksaan Koperasi",
                              anggaran="350.000.000")  # fmt: skip
        agreements.add_budget(user, pk, code="2.17.03", name="Program Penilaian Kesehatan KSP/USP Koperasi",
                              anggaran="180.000.000")  # fmt: skip
    active = pk.items.order_by("position").first()  # Persentase koperasi aktif
    pk = agreements.sign(user, pk, number="050/ilustrasi/PK-DKUMKM/2016", signed_on=date(2016, 1, 4))

    bid = _mark(agreements.create(user, agency, YEAR, Level.ESELON_III, unit=bidang, parent=pk))
    healthy = agreements.add_item(
        user, bid, sasaran="Meningkatnya kualitas kelembagaan koperasi", indicator="Jumlah koperasi yang dinilai sehat",
        unit="unit", target="40", supports=active,
    )  # fmt: skip
    agreements.add_item(
        user, bid, sasaran="Meningkatnya kualitas kelembagaan koperasi",
        indicator="Jumlah koperasi yang melaksanakan RAT", unit="unit", target="120", supports=active,
    )  # fmt: skip
    agreements.add_budget(user, bid, code="2.17.02.2.01", name="Pembinaan dan pengawasan kelembagaan koperasi",
                          anggaran="125.000.000")  # fmt: skip
    bid = agreements.sign(user, bid, number="050/ilustrasi/PK-Bid.Kop/2016", signed_on=date(2016, 1, 5))

    sek = _mark(agreements.create(user, agency, YEAR, Level.ESELON_IV, unit=seksi, parent=bid))
    agreements.add_item(
        user, sek, sasaran="Terlaksananya penilaian kesehatan koperasi", indicator="Jumlah koperasi yang dinilai",
        unit="unit", target="60", supports=healthy,
    )  # fmt: skip
    agreements.add_budget(user, sek, code="2.17.02.2.01.0003", name="Penilaian kesehatan koperasi simpan pinjam",
                          anggaran="40.000.000")  # fmt: skip
    agreements.sign(user, sek, number="050/ilustrasi/PK-Sie.Kel/2016", signed_on=date(2016, 1, 6))

    _renja(user, agency)
    _rpjmd(user, agency)
    _umkm_rule(user, agency)
    for item in bid.items.all():  # the kepala bidang's Rencana Aksi: counts add up over the quarters
        quarter = (item.target / 4).quantize(Decimal(1))
        last = item.target - 3 * quarter
        entries = {q: (str(quarter), "31.250.000" if item.pk == healthy.pk else "") for q in (1, 2, 3)}
        entries[4] = (str(last), "31.250.000" if item.pk == healthy.pk else "")
        action_plans.save(user, bid, item, entries, "")
    return True


def _mark(agreement: Agreement) -> Agreement:
    agreement.illustrative = True
    agreement.save(update_fields=["illustrative"])
    return agreement


RENJA = (
    # level, code, name, indicator, unit, Renstra K / Rp, before K / Rp, target K / Rp, TW I–IV K and Rp
    ("program", "2.17.02", "Program Pengawasan dan Pemeriksaan Koperasi", "Persentase koperasi aktif", "%",
     ("70", "1.750.000.000"), ("58", "1.020.000.000"), ("62,5", "350.000.000"),
     (("59", "60.000.000"), ("60", "95.000.000"), ("61", "90.000.000"), ("62,87", "97.500.000"))),
    ("kegiatan", "2.17.02.2.01", "Pembinaan dan pengawasan kelembagaan koperasi", "Jumlah koperasi dinilai sehat",
     "unit", ("200", "600.000.000"), ("118", "370.000.000"), ("40", "125.000.000"),
     (("8", "20.000.000"), ("10", "35.000.000"), ("12", "35.000.000"), ("9", "30.000.000"))),
    ("sub_kegiatan", "2.17.02.2.01.0003", "Penilaian kesehatan koperasi simpan pinjam", "Jumlah koperasi dinilai",
     "unit", ("300", "200.000.000"), ("176", "121.000.000"), ("60", "40.000.000"),
     (("10", "8.000.000"), ("20", "12.000.000"), ("20", "12.500.000"), ("12", "7.000.000"))),
)  # fmt: skip


def _renja(user, agency: Agency) -> None:
    """An illustrative Renja 2016 with its evaluation (the sample holds no Renja)."""
    from . import renja
    from .models import RenjaRow

    for level, code, name, indicator, unit, renstra, before, target, quarters in RENJA:
        data = {
            "level": level, "code": code, "name": name, "indicator": indicator, "unit": unit,
            "cumulation": "last" if unit == "%" else "sum", "responsible": "Bidang Koperasi",
            "sasaran": "Meningkatnya kualitas kelembagaan koperasi",
            "renstra_k": renstra[0], "renstra_rp": renstra[1], "before_k": before[0], "before_rp": before[1],
            "target_k": target[0], "target_rp": target[1],
        }  # fmt: skip
        for number, (k, rp) in enumerate(quarters, start=1):
            data[f"q{number}_k"], data[f"q{number}_rp"] = k, rp
        renja.add_row(user, agency, YEAR, data)
    RenjaRow.objects.filter(agency=agency, year=YEAR).update(illustrative=True)
    renja.save_factors(
        user, agency, YEAR, supporting="Pendampingan petugas penyuluh koperasi lapangan (ilustrasi).",
        hindering="Sebagian koperasi terlambat menyelenggarakan RAT (ilustrasi).",
        follow_up="Bimbingan teknis penyelenggaraan RAT pada triwulan I tahun berikutnya (ilustrasi).",
    )  # fmt: skip


def _umkm_rule(user, agency: Agency) -> None:
    """The validation rule the sample's own figures obey (2013–2015: Jumlah UMKM = usaha mikro + kecil +
    menengah yang aktif), as Bappeda would set it; an example of the rules page, not a finding."""
    from . import validation_rules
    from .models import Indicator

    names = ("Jumlah UMKM", "Jumlah Usaha Mikro yang aktif", "Jumlah Usaha Kecil yang aktif",
             "Jumlah Usaha Menengah yang aktif")  # fmt: skip
    found = {i.name: i.pk for i in Indicator.objects.filter(agency=agency, name__in=names)}
    if len(found) != len(names) or agency.validation_rules.exists():
        return
    validation_rules.add(
        user, agency, name="Jumlah UMKM sama dengan jumlah komponennya (contoh)", field="realisasi", operator="=",
        missing="skip_if_any", severity="warning", left=[(1, found[names[0]])],
        right=[(1, found[name]) for name in names[1:]],
    )  # fmt: skip


def _rpjmd(user, agency: Agency) -> None:
    """An illustrative RPJMD 2016–2021 with the sasaran the Dinas's first Renstra sasaran serves."""
    from . import rpjmd
    from .models import Rpjmd, Sasaran

    if Rpjmd.objects.filter(region=agency.region).exists():
        return
    plan = rpjmd.add_period(user, agency.region, 2016, 2021)
    Rpjmd.objects.filter(pk=plan.pk).update(illustrative=True)
    tujuan = rpjmd.add_tujuan(user, plan, "Meningkatkan perekonomian daerah yang berdaya saing (ilustrasi)")
    sasaran = rpjmd.add_sasaran(user, tujuan, "Meningkatnya daya saing koperasi dan UMKM (ilustrasi)")
    iku = rpjmd.add_indicator(
        user, sasaran, name="Persentase koperasi aktif", unit="%", baseline="52,75", end_target="70",
        targets={2016: "62,5", 2017: "64", 2018: "65,5", 2019: "67", 2020: "68,5", 2021: "70"},
    )  # fmt: skip
    first = Sasaran.objects.filter(agency=agency, name__startswith="Terciptanya koperasi").order_by("id")
    for item in first:
        rpjmd.link(user, agency, item, sasaran)
    # the IKU is measured by the Dinas's own indicator of the same name: its realisation is the region's
    measuring = rpjmd.candidates(sasaran).filter(name="Persentase koperasi aktif").first()
    if measuring is not None:
        iku.refresh_from_db()
        rpjmd.measure(user, iku, measuring.pk, seen=rpjmd.fingerprint(iku))
