"""Renstra programmes and kegiatan with codes, yearly targets and pagu; the Renstra kept as versions;
and the Evaluasi Renja's column 6 taken from the Renstra by code."""

from decimal import Decimal

from django.test import Client

from kinerja.web.performance import renja
from kinerja.web.performance.models import PlanPeriod, RenjaRow, RenstraProgram, RenstraVersion
from tests.web.helpers import client_for


def test_programmes_versions_and_the_renja_link(banjar, agency, personas):
    plan = PlanPeriod.objects.filter(agency=agency).order_by("start_year").first()
    operator = client_for(personas["operator"])
    url = f"/{agency.region.slug}/{agency.slug}/renstra/{plan.pk}/program/"
    targets = {f"target_{y}": "40" for y in range(plan.start_year, plan.end_year + 1)}
    operator.post(url, {"form": "program", "level": "program", "code": "2.17.02", "name": "Program Pengawasan Koperasi",
                        "indicator": "Jumlah koperasi dinilai sehat", "unit": "unit", "end_target": "200",
                        "pagu": "1.750.000.000", **targets})  # fmt: skip
    program = RenstraProgram.objects.get()
    assert (program.end_target, program.pagu) == (Decimal(200), Decimal(1_750_000_000))
    assert program.targets[str(plan.start_year)] == "40"
    page = operator.post(url, {"form": "program", "level": "program", "name": "X", "pagu": "-1"}, follow=True)
    assert "Pagu tidak boleh negatif" in page.content.decode() and RenstraProgram.objects.count() == 1

    operator.post(url, {"form": "version", "reason": "Penetapan awal"})
    first = RenstraVersion.objects.get()
    operator.post(url, {"form": "program", "level": "kegiatan", "parent": program.pk, "code": "2.17.02.2.01",
                        "name": "Pembinaan kelembagaan", "end_target": "120", "pagu": "600.000.000"})  # fmt: skip
    operator.post(url, {"form": "version", "reason": "Renstra perubahan: kegiatan baru"})
    second = RenstraVersion.objects.get(number=2)
    assert len(first.content["programs"]) == 1 and len(second.content["programs"]) == 2  # version 1 as it was
    public = Client()
    page = public.get(f"/{agency.region.slug}/{agency.slug}/rencana-strategis/").content.decode()
    assert "Program Pengawasan Koperasi" in page and "1.750.000.000" in page and "Renstra perubahan" in page
    page = public.get(f"/{agency.region.slug}/{agency.slug}/rencana-strategis/versi/{first.pk}/").content.decode()
    assert "Penetapan awal" in page and "Pembinaan kelembagaan" not in page

    # the Renja row of the same code takes column 6 from the Renstra when it does not give it
    data = {"level": "kegiatan", "code": "2.17.02.2.01", "name": "Pembinaan kelembagaan", "target_k": "40"}
    row = renja.add_row(personas["operator"], agency, 2016, data)
    row = RenjaRow.objects.get(pk=row.pk)
    assert (row.renstra_k, row.renstra_rp) == (Decimal(120), Decimal(600_000_000))


def test_a_tujuan_carries_its_own_indicators(banjar, agency, personas):
    from kinerja.web.performance.models import Sasaran, Tujuan, TujuanIndicator

    plan = PlanPeriod.objects.filter(agency=agency).order_by("start_year").first()
    operator = client_for(personas["operator"])
    sasaran = Sasaran.objects.filter(agency=agency).order_by("id").first()
    operator.post(f"/{agency.region.slug}/{agency.slug}/renstra/", {
        "form": "sasaran", "sasaran": sasaran.pk, "name": sasaran.name, "plan": plan.pk,
        "tujuan": "Meningkatkan daya saing koperasi dan UMKM",
    })  # fmt: skip
    tujuan = Tujuan.objects.get(plan=plan)
    url = f"/{agency.region.slug}/{agency.slug}/renstra/{plan.pk}/program/"
    data = {"form": "tujuan_indicator", "tujuan": tujuan.pk, "name": "Kontribusi UMKM terhadap PDRB", "unit": "%",
            "baseline": "38,2", f"target_{plan.start_year}": "38,5", "end_target": "41"}  # fmt: skip
    operator.post(url, data)
    indicator = TujuanIndicator.objects.get()
    assert (indicator.baseline, indicator.end_target) == (Decimal("38.2"), Decimal(41))
    assert indicator.targets == {str(plan.start_year): "38.5"}
    page = Client().get(f"/{agency.region.slug}/{agency.slug}/rencana-strategis/").content.decode()
    assert "Kontribusi UMKM terhadap PDRB" in page and "38,2" in page
    operator.post(url, {"form": "version", "reason": "Penetapan"})
    assert RenstraVersion.objects.get().content["tujuan"][0]["indicators"][0]["name"] == "Kontribusi UMKM terhadap PDRB"
