"""Grades after reading: an Inspektorat's form with the BPK opinion and the SAKIP predikat imported,
then shown, charted, downloaded, committed to in a PK and planned in the RPJMD, always as grades."""

import html
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client

from kinerja.core.agreement import Level
from kinerja.web.performance import agreements, services, store
from kinerja.web.performance.models import Agency, AgencyYear, Official, Region, Rpjmd, RpjmdIndicator, Target
from tests.readers.test_grades_excel import form  # noqa: F401  (the hand-made Excel form)
from tests.web.conftest import make_user


@pytest.fixture
def imported(db, form):  # noqa: F811
    services.import_file(form, agency="Inspektorat", region="Kabupaten Banjar", create=True)
    agency = Agency.objects.get(name="Inspektorat")
    return agency, AgencyYear.objects.get(agency=agency, year=2016)


def test_an_imported_opinion_is_stored_as_its_score_and_shown_as_its_grade(imported):
    agency, agency_year = imported
    target = Target.objects.get(indicator__agency=agency, year=2016, name="Opini BPK atas laporan keuangan")
    assert (target.value, target.raw, target.unit) == (Decimal(4), "WTP", "opini BPK")
    line = store.load(agency_year).line(target.indicator_id)
    assert line.capaian.value == 75  # WDP 3 ÷ WTP 4 × 100
    admin = Client()
    admin.force_login(make_user("eka", "admin", region=agency.region))
    page = admin.get(f"/{agency.region.slug}/{agency.slug}/2016/").content.decode()
    row = page[page.index("Opini BPK atas laporan keuangan") :][:1500]
    assert "WTP" in row and "WDP" in row and "75,00" in row
    chart = admin.get(f"/indikator/{target.indicator_id}/grafik.svg").content.decode()
    assert all(grade in chart for grade in ("WTP", "WDP", "TW", "TMP"))
    book = openpyxl.load_workbook(
        io.BytesIO(admin.get(f"/{agency.region.slug}/{agency.slug}/2016/unduh/pengukuran.xlsx").content)
    )
    cells = [[c.value for c in row] for row in book.active.iter_rows()]
    opini = next(r for r in cells if "Opini BPK atas laporan keuangan" in r)
    assert "WTP" in opini and "WDP" in opini and 4 not in opini


def test_a_pk_commits_to_a_grade(imported):
    agency, agency_year = imported
    operator = make_user("ani", "operator", agency)
    head = Official.objects.create(agency=agency, name="NAMA INSPEKTUR", title="Inspektur")
    regent = Official.objects.create(region=agency.region, name="BUPATI", title="Bupati Banjar")
    pk = agreements.create(operator, agency, 2016, Level.ESELON_II, first_party=head, second_party=regent)
    item = agreements.add_item(operator, pk, sasaran="Akuntabel", indicator="Opini BPK", unit="opini BPK", target="WTP")
    assert item.target == Decimal(4)
    with pytest.raises(Exception, match="bukan predikat pada skala opini BPK"):
        agreements.add_item(operator, pk, sasaran="Akuntabel", indicator="Opini BPK", unit="opini BPK", target="95")
    client = Client()
    client.force_login(operator)
    page = client.get(f"/{agency.region.slug}/{agency.slug}/pk/2016/{pk.pk}/").content.decode()
    assert re.search(r'<td class="num">WTP</td>', page)


def test_the_rpjmd_plans_an_opinion_as_grades(db):
    region = Region.objects.create(name="Kabupaten Uji")
    bappeda = Client()
    bappeda.force_login(make_user("citra", "reviewer", region=region))
    plan = Rpjmd.objects.create(region=region, start_year=2021, end_year=2023)
    sasaran = plan.tujuan.create(name="Tata kelola").sasaran.create(name="Akuntabilitas keuangan")
    url = f"/{region.slug}/rpjmd/{plan.pk}/"
    bappeda.post(url, {"form": "indicator", "sasaran": sasaran.pk, "name": "Opini BPK atas LKPD", "unit": "opini BPK",
                       "baseline": "WDP", "target_2021": "WDP", "target_2022": "wtp", "target_2023": "WTP",
                       "end_target": "WTP"})  # fmt: skip
    indicator = RpjmdIndicator.objects.get()
    assert (indicator.baseline, indicator.end_target) == (Decimal(3), Decimal(4))
    assert dict(indicator.targets.values_list("year", "value")) == {2021: 3, 2022: 4, 2023: 4}
    page = bappeda.get(url).content.decode()
    assert '<td class="num">WDP</td><td class="num">WDP</td><td class="num">WTP</td>' in page
    assert f'id="ebase-{indicator.pk}" name="baseline" inputmode="text" maxlength="40" value="WDP"' in page
    book = openpyxl.load_workbook(io.BytesIO(bappeda.get(url.rstrip("/") + ".xlsx").content))
    cells = [[c.value for c in row] for row in book["IKU"].iter_rows()]
    line = next(r for r in cells if "Opini BPK atas LKPD" in r)
    assert line.count("WTP") == 3 and line.count("WDP") == 2
    answer = bappeda.post(url, {"form": "indicator", "sasaran": sasaran.pk, "name": "Opini lagi", "unit": "opini BPK",
                                "end_target": "B"}, follow=True)  # fmt: skip
    assert "Target akhir: 'B' bukan predikat pada skala opini BPK" in html.unescape(answer.content.decode())
    assert RpjmdIndicator.objects.count() == 1


def test_a_new_indicator_measured_by_a_grade_takes_its_target_as_a_grade(banjar, personas, draft_year):
    client = Client()
    client.force_login(personas["operator"])
    base = "/kabupaten-banjar/dinas-koperasi-dan-umkm/2017/entri"
    page = client.get(f"{base}/").content.decode()
    assert '<datalist id="unit-list">' in page and '<option value="opini BPK">' in page
    fields = {"sasaran": "Akuntabel", "name": "Opini BPK atas laporan keuangan dinas", "unit": "opini BPK",
              "direction": "higher", "cumulation": "last"}  # fmt: skip
    client.post(f"{base}/baru/", {**fields, "target": "WTP"})
    target = Target.objects.get(year=2017, indicator__name="Opini BPK atas laporan keuangan dinas")
    assert (target.value, target.raw) == (Decimal(4), "WTP")
    answer = client.post(f"{base}/baru/", {**fields, "name": "Opini kedua", "target": "95"}, follow=True)
    assert "bukan predikat pada skala opini BPK" in html.unescape(answer.content.decode())
    assert not Target.objects.filter(year=2017, indicator__name="Opini kedua").exists()


def test_the_indicator_page_changes_a_unit_to_a_scale_with_its_figures_retyped(banjar, personas, draft_year):
    from tests.web.test_one_write_path import _shown

    client = Client()
    client.force_login(personas["operator"])
    line = store.load(draft_year).lines[0]
    url = f"/kabupaten-banjar/dinas-koperasi-dan-umkm/2017/entri/{line.indicator_id}/"
    client.post(url, {**_shown(client.get(url).content.decode()), "target": "75"})
    assert Target.objects.get(indicator_id=line.indicator_id, year=2017).value == 75
    post = {**_shown(client.get(url).content.decode()), "meta-unit": "opini BPK"}
    # the old target left as it stood: a number is not a grade, and nothing is saved
    answer = html.unescape(client.post(url, post, follow=True).content.decode())
    assert "bukan predikat pada skala opini BPK" in answer
    assert Target.objects.get(indicator_id=line.indicator_id, year=2017).unit == line.unit
    # the target retyped as a grade on the same form: read in the new unit
    answer = client.post(url, {**post, "target": "WTP", "year": "WDP"}, follow=True).content.decode()
    assert "perubahan disimpan" in answer
    target = Target.objects.get(indicator_id=line.indicator_id, year=2017)
    assert (target.unit, target.value, target.raw) == ("opini BPK", Decimal(4), "WTP")
    assert store.load(draft_year).line(line.indicator_id).capaian.value == 75  # WDP 3 ÷ WTP 4 × 100
