"""A target range typed on the entry screens: kept as its text, shown back as typed, and its capaian worked out
by PermenPAN-RB 8/2021's rule on every page; a realisation written as a range is refused."""

from decimal import Decimal

from kinerja.core.numbers import Kind, quantize
from kinerja.web.performance import store
from kinerja.web.performance.models import Target
from tests.web.helpers import add_indicator, client_for, said
from tests.web.test_entry_table import TABLE, shown

BASE = "/kabupaten-banjar/dinas-koperasi-dan-umkm/2017"


def test_a_target_range_on_the_indicator_page(banjar, personas, draft_year):
    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Tingkat kepuasan anggota", unit="%")
    client = client_for(operator)
    page = f"{BASE}/entri/{indicator.pk}/"
    line = store.load(draft_year).line(indicator.pk)
    versions = {f"v_{name}": line.figure(name).version for name in ("target", "year")}
    data = {"target": "80 s.d. 90", "year": "92", "o_target": "", "o_year": "", **versions}
    response = client.post(page, data)
    assert response.status_code == 302, said(response)
    target = Target.objects.get(indicator=indicator, year=2017)
    # no bound taken for the target; kept the kinerja way, as every other door keeps a range typed there
    assert (target.value, target.raw) == (None, "80–90")
    line = store.load(draft_year).line(indicator.pk)
    assert line.target.kind is Kind.RANGE
    assert quantize(line.capaian.value, 2) == Decimal("102.22")  # 92 ÷ 90 × 100: above the range's top
    text = said(client.get(page))
    assert 'value="80–90"' in text  # typed back the kinerja way, never emptied
    year_page = said(client.get(f"{BASE}/"))
    assert "80–90 %" in year_page and "102,22" in year_page
    # the page posted back untouched changes nothing; a realisation written as a range is refused
    untouched = {**data, "target": "80–90", "o_target": "80–90", "v_target": target.version, "o_year": "92"}
    realisation = store.load(draft_year).line(indicator.pk).figure("year")
    untouched["v_year"] = realisation.version
    client.post(page, untouched)
    assert Target.objects.get(pk=target.pk).version == target.version
    answer = said(client.post(page, {**untouched, "year": "90–95"}))
    assert "adalah rentang; di sini ditulis satu angka" in answer
    assert store.load(draft_year).line(indicator.pk).figure("year").value == Decimal(92)
    # the live capaian as the person types: inside the range is 100
    preview = client.get("/api/capaian/", {"indikator": indicator.pk, "tahun": 2017, "target": "80–90", "year": "85"})
    assert preview.json()["capaian"] == "100,00"


def test_a_target_range_in_the_entry_table(banjar, personas, draft_year):
    client = client_for(personas["operator"])
    data = shown(client.get(TABLE).content.decode())
    first = store.load(draft_year).lines[0].indicator_id
    data[f"f-{first}-target"] = "60 s/d 70"
    data[f"f-{first}-year"] = "56"
    assert "2 perubahan disimpan" in said(client.post(TABLE, data, follow=True))
    line = store.load(draft_year).line(first)
    assert line.figure("target").raw == "60–70" and line.figure("target").value is None
    assert quantize(line.capaian.value, 2) == Decimal("93.33")  # 56 ÷ 60 × 100: below the range's bottom
    again = shown(client.get(TABLE).content.decode())
    assert again[f"f-{first}-target"] == "60–70"
    # the table sent back as shown changes nothing
    version = Target.objects.get(indicator_id=first, year=2017).version
    client.post(TABLE, again)
    assert Target.objects.get(indicator_id=first, year=2017).version == version


def test_the_forms_print_a_target_range_as_written(banjar, personas, draft_year):
    import io

    from openpyxl import load_workbook

    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Tingkat kepuasan anggota", unit="%")
    client = client_for(operator)
    line = store.load(draft_year).line(indicator.pk)
    client.post(
        f"{BASE}/entri/{indicator.pk}/",
        {"target": "80–90", "year": "70", "o_target": "", "o_year": "", "v_target": line.figure("target").version,
         "v_year": line.figure("year").version},
    )  # fmt: skip
    sheet = load_workbook(io.BytesIO(client.get(f"{BASE}/unduh/pengukuran.xlsx").content)).active
    row = next(r for r in sheet.iter_rows(values_only=True) if "Tingkat kepuasan anggota" in r)
    # the range is text, never one of its bounds as a number; 70 ÷ 80 × 100 = 87,5 against the bottom
    assert row == ("S", "Tingkat kepuasan anggota", "%", "80–90 %", 70, 87.5)


def test_an_end_target_range_on_the_renstra_page(banjar, agency, personas):
    from django.test import Client

    from kinerja.web.performance.models import AgencyYear, AuditEvent, EndTarget

    end = EndTarget.objects.select_related("indicator").get(
        indicator__agency=agency, indicator__name="Persentase koperasi aktif"
    )
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")  # as if reopened to correct it
    client = client_for(personas["operator"])
    renstra = f"/{agency.region.slug}/{agency.slug}/renstra/"
    key = f"end_{end.indicator_id}"
    shown = said(client.get(renstra)).split(f'name="o_{key}" value="')[1].split('"')[0]
    client.post(renstra, {"form": "end", "plan": end.plan_id, key: "65 s.d. 70", f"o_{key}": shown,
                          f"v_{key}": end.version})  # fmt: skip
    end.refresh_from_db()
    assert (end.value, end.raw) == (None, "65–70")  # kept the kinerja way, no bound taken for the target
    event = AuditEvent.objects.filter(label__startswith="target akhir Renstra: Persentase koperasi aktif").last()
    assert event.after == {"value": None, "tertulis": "65–70"}
    assert f'name="{key}" value="65–70"' in said(client.get(renstra))
    # the 2016 form's realisation 62,87 % is below the range: 62,87 ÷ 65 × 100 = 96,723… → 96,72
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="published")
    page = said(Client().get(f"/indikator/{end.indicator_id}/"))
    assert "65–70 %" in page and "96,72" in page
    assert "65–70" in said(Client().get(f"/{agency.region.slug}/{agency.slug}/rencana-strategis/"))


def test_a_target_range_through_the_excel_template(client, banjar, personas, draft_year):
    """Typed in Excel as text the way people write it; the template carries it back; untouched, it changes
    nothing; a realisation typed as a range is refused with the row and column."""
    import io
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    operator = personas["operator"]
    indicator = add_indicator(user=operator, agency_year=draft_year, name="Tingkat kepuasan anggota", unit="%")
    client.force_login(operator)

    def send(workbook) -> str:
        buffer = io.BytesIO()
        workbook.save(buffer)
        document = SimpleUploadedFile("entri.xlsx", buffer.getvalue(), xlsx)
        return said(client.post(f"{BASE}/entri/unggah/", {"workbook": document}))

    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/entri/templat.xlsx").content))
    sheet = workbook["Entri"]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 3).value == "Tingkat kepuasan anggota")
    sheet.cell(row, 5).value = "80 - 90"
    sheet.cell(row, 10).value = 92
    preview = send(workbook)
    assert "2 perubahan angka" in preview and "80–90" in preview and "102,22" in preview  # 92 ÷ 90 × 100
    token = re.search(r"/entri/unggah/([\w-]{10,})/", preview).group(1)
    client.post(f"{BASE}/entri/unggah/{token}/")
    target = Target.objects.get(indicator=indicator, year=2017)
    assert (target.value, target.raw) == (None, "80–90")
    workbook = load_workbook(io.BytesIO(client.get(f"{BASE}/entri/templat.xlsx").content))
    sheet = workbook["Entri"]
    assert sheet.cell(row, 5).value == "80–90"  # the template carries the range back as written
    assert "Tidak ada perubahan angka" in send(workbook)
    sheet.cell(row, 10).value = "90-95"
    assert "adalah rentang; di sini ditulis satu angka" in send(workbook)


def test_a_yearly_renstra_target_range(banjar, agency, personas):
    """The Renstra grid posts every cell: only the cells the person changed are written, so a range or a
    target in words elsewhere in the grid is never emptied by a save of another cell."""
    import re

    from django.test import Client

    from kinerja.web.performance.models import AgencyYear, AuditEvent, PlanPeriod, RenstraTarget

    plan = PlanPeriod.objects.filter(agency=agency).order_by("start_year").first()
    line = next(line for line in store.load(AgencyYear.objects.get(agency=agency, year=2016)).used_lines
                if line.name == "Persentase koperasi aktif")  # fmt: skip
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="draft")  # as if reopened to fill it in
    client = client_for(personas["operator"])
    renstra = f"/{agency.region.slug}/{agency.slug}/renstra/"
    url = f"{renstra}{plan.pk}/tahunan/"
    key = f"y_{line.indicator_id}_2016"
    grid = dict(re.findall(r'name="((?:o_)?y_\d+_\d+)" value="([^"]*)"', said(client.get(renstra))))
    other = next(k for k in grid if k.startswith("y_") and k != key)
    RenstraTarget.objects.create(indicator_id=int(other.split("_")[1]), plan=plan, year=int(other.split("_")[2]),
                                 value=None, raw="sekitar 80")  # words, as an import may keep them  # fmt: skip
    answer = said(client.post(url, {**grid, key: "60 - 65"}, follow=True))
    assert "1 target Renstra disimpan" in answer
    kept = RenstraTarget.objects.get(indicator_id=line.indicator_id, plan=plan, year=2016)
    assert (kept.value, kept.raw) == (None, "60–65")
    assert RenstraTarget.objects.filter(raw="sekitar 80").exists()  # the untouched cell was not emptied
    event = AuditEvent.objects.filter(label__startswith="target Renstra 2016: Persentase koperasi aktif").last()
    assert event.after == {"value": None, "tertulis": "60–65"}
    assert f'name="{key}" value="60–65"' in said(client.get(renstra))
    # the 2016 realisation 62,87 % lies inside 60–65: 100 against the Renstra's yearly target
    AgencyYear.objects.filter(agency=agency, year=2016).update(status="published")
    page = said(Client().get(f"/indikator/{line.indicator_id}/"))
    assert "Terhadap target tahunan Renstra" in page and "100,00" in page


def test_a_form_with_target_ranges_imported_from_the_browser(client, db):
    """Document → core → database → page: the ranges of a form are stored as written and checked again
    by the same rule on the year page (92 against 80–90: 102,22; 96 written for 72 inside 70–75)."""
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile

    from kinerja.web.performance.models import Agency, AgencyYear, Membership, Region
    from tests.core.test_target_range import FORM
    from tests.web.conftest import make_user

    region = Region.objects.create(name="Kabupaten Contoh")
    agency = Agency.objects.create(region=region, name="Dinas Contoh")
    client.force_login(make_user("ani", Membership.Role.OPERATOR, agency))
    document = SimpleUploadedFile("form.txt", FORM.encode("utf-8"), "text/plain")
    preview = said(client.post("/impor/baru/", {"agency": agency.pk, "document": document}))
    token = re.search(r"/impor/baru/([\w-]{10,})/", preview).group(1)
    client.post(f"/impor/baru/{token}/")
    stored = dict(Target.objects.filter(year=2020).values_list("indicator__name", "raw"))
    assert stored["Tingkat kepuasan masyarakat"] == "80–90" and stored["Persentase koperasi sehat"] == "80 - 90"
    assert not Target.objects.filter(year=2020, raw__in=["80–90", "80 - 90", "70–75"], value__isnull=False).exists()
    year = store.load(AgencyYear.objects.get(agency=agency, year=2020))
    kepuasan = next(line for line in year.lines if line.name == "Tingkat kepuasan masyarakat")
    assert quantize(kepuasan.capaian.value, 2) == Decimal("102.22")
    page = said(client.get("/kabupaten-contoh/dinas-contoh/2020/"))
    assert "80–90 %" in page and "di dalam rentang target 70–75 %" in page
