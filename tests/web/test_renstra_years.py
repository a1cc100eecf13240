"""The Renstra's baseline and yearly targets: entered on the Renstra page, compared on the indicator
page, and the end target already passed by a realisation flagged (the sample's own case)."""

from decimal import Decimal

from django.test import Client

from kinerja.web.performance import store
from kinerja.web.performance.models import AgencyYear, EndTarget, PlanPeriod, RenstraTarget
from tests.web.helpers import client_for


def test_yearly_targets_are_entered_and_compared(banjar, agency, personas):
    plan = PlanPeriod.objects.filter(agency=agency).order_by("start_year").first()
    line = next(line for line in store.load(AgencyYear.objects.get(agency=agency, year=2016)).used_lines
                if line.name == "Persentase koperasi aktif")  # fmt: skip
    operator = client_for(personas["operator"])
    url = f"/{agency.region.slug}/{agency.slug}/renstra/{plan.pk}/tahunan/"
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")  # as if reopened to fill it in
    page = operator.post(url, {f"y_{line.indicator_id}_2016": "60", f"y_{line.indicator_id}_{plan.start_year - 1}":
                               "48,5"}, follow=True)  # fmt: skip
    assert "2 target Renstra disimpan" in page.content.decode()
    assert RenstraTarget.objects.get(indicator_id=line.indicator_id, year=2016).value == Decimal(60)
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="published")
    page = Client().get(f"/indikator/{line.indicator_id}/").content.decode()
    real = line.realisasi.number  # the 2016 form's realisation
    expected = (real / Decimal(60) * 100).quantize(Decimal("0.01"))
    assert "Terhadap target tahunan Renstra" in page and f"{expected}".replace(".", ",") in page
    page = operator.post(url, {f"y_{line.indicator_id}_2016": "6O"}, follow=True).content.decode()
    assert "Tidak disimpan" in page and RenstraTarget.objects.get(indicator_id=line.indicator_id, year=2016).value == 60
    # 2016 is published: its yearly target is locked
    page = operator.post(url, {f"y_{line.indicator_id}_2016": "61"}, follow=True).content.decode()
    assert "admin perlu membuka tahun itu kembali" in page.replace("&#x27;", "'")


def test_an_end_target_already_passed_is_flagged_on_the_renstra_page(banjar, agency, personas):
    end = EndTarget.objects.filter(indicator__agency=agency, indicator__name__startswith="Jumlah anggota koperasi")
    end = end.select_related("indicator").first()
    page = client_for(personas["operator"]).get(f"/{agency.region.slug}/{agency.slug}/renstra/").content.decode()
    assert "sudah terlampaui" in page and "19.518" in page and end.value == Decimal(19518)


def test_the_renstra_is_public_and_linked_from_the_year_page(banjar, agency):
    public = Client()
    year_page = public.get(f"/{agency.region.slug}/{agency.slug}/2016/").content.decode()
    url = f"/{agency.region.slug}/{agency.slug}/rencana-strategis/"
    assert url in year_page
    page = public.get(url).content.decode()
    assert "Rencana Strategis (Renstra)" in page and "19.518" in page and "sudah terlampaui" in page
    assert 'name="' not in page.split("<main")[-1]  # read only: no form fields for the public
