"""Perjanjian Kinerja records on the Banjar sample: the head's PK 2016 from the year's plan, a kepala
bidang's and a kepala seksi's PK cascading from it, signing, and a PK Perubahan that leaves the
signed version and its PDF as they were."""

import hashlib
import io
from datetime import date
from decimal import Decimal

import openpyxl
import pdfplumber
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.agreement import Level
from kinerja.core.workflow import Refused
from kinerja.reports.agreement import agreement as build_agreement
from kinerja.reports.render import render
from kinerja.web.performance import agreements
from kinerja.web.performance.models import AgencyYear, Agreement, AuditEvent, BudgetItem, Official, OrgUnit
from kinerja.web.performance.pohon import year_tree
from tests.web.helpers import client_for


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.fixture
def people(agency, personas):
    head = Official.objects.create(
        agency=agency, name="Drs. H. ACHMAD FAUZI", title="Kepala Dinas Koperasi dan UMKM", rank="Pembina Utama Muda",
        grade="IV/c", eselon="II.b", nip="196405121990031009", user=personas["head"],
    )  # fmt: skip
    regent = Official.objects.create(region=agency.region, name="H. KHALILURRAHMAN", title="Bupati Banjar")
    kabid = Official.objects.create(
        agency=agency, name="SITI AMINAH, SE", title="Kepala Bidang Koperasi", grade="IV/a", eselon="III.b"
    )
    kasi = Official.objects.create(
        agency=agency, name="RUDI HARTONO, S.Sos", title="Kepala Seksi Pengawasan Koperasi", grade="III/d",
        eselon="IV.a",
    )  # fmt: skip
    bidang = OrgUnit.objects.create(agency=agency, name="Bidang Koperasi", kind=OrgUnit.Kind.BIDANG, head=kabid)
    seksi = OrgUnit.objects.create(
        agency=agency, name="Seksi Pengawasan Koperasi", kind=OrgUnit.Kind.SEKSI, parent=bidang, head=kasi
    )
    return {**personas, "kadis": head, "bupati": regent, "kabid": kabid, "kasi": kasi, "bidang": bidang, "seksi": seksi}


def head_pk(people, agency) -> Agreement:
    pk = agreements.create(
        people["operator"], agency, 2016, Level.ESELON_II, first_party=people["kadis"], second_party=people["bupati"]
    )
    agreements.fill_from_year(people["operator"], pk)
    return pk


def test_the_heads_pk_comes_from_the_years_plan_with_programmes_only(banjar, agency, people):
    from kinerja.core import year as core
    from kinerja.web.performance import store

    year = AgencyYear.objects.get(agency=agency, year=2016)
    # the year's programmes and kegiatan, as the budget page records them ("programme — kegiatan" pairs)
    programme = "Program Peningkatan Kualitas Kelembagaan Koperasi"
    AgencyYear.objects.filter(pk=year.pk).update(status="draft")
    store.apply(people["operator"], year, [
        core.AddBudgetItem(core.BudgetItem(None, programme, "Pembinaan koperasi", Decimal(90_000_000))),
        core.AddBudgetItem(core.BudgetItem(None, programme, "Penilaian kesehatan KSP", Decimal(35_500_000))),
        core.AddBudgetItem(core.BudgetItem(None, "Program Pengembangan Kewirausahaan", "Pelatihan", None)),
    ], origin="form")  # fmt: skip
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    pk = head_pk(people, agency)

    lines = store.load(year).used_lines
    assert pk.items.count() == len(lines) == 26  # the 2016 form's 26 indicators, outputs included
    first = pk.items.order_by("position").first()
    assert (first.indicator, first.unit) == (lines[0].name, lines[0].unit)
    programmes = set(
        BudgetItem.objects.filter(budget__agency=agency, budget__year=2016).values_list("program", flat=True)
    )
    assert set(pk.budget.values_list("name", flat=True)) == programmes
    assert set(pk.budget.values_list("kind", flat=True)) <= {"program"}  # never "programme — kegiatan" pairs
    assert programmes == {programme, "Program Pengembangan Kewirausahaan"}
    assert pk.budget.get(name=programme).anggaran == Decimal(125_500_000)  # 90.000.000 + 35.500.000
    assert pk.budget.get(name="Program Pengembangan Kewirausahaan").anggaran is None  # unknown, not 0


def test_a_cascade_is_signed_top_down_and_a_signed_pk_never_changes(banjar, agency, people):
    operator, head = people["operator"], people["head"]
    pk = head_pk(people, agency)
    koperasi = pk.items.order_by("position").first()
    kabid = agreements.create(operator, agency, 2016, Level.ESELON_III, unit=people["bidang"], parent=pk)
    assert (kabid.first_party, kabid.second_party) == (people["kabid"], people["kadis"])  # from the unit and parent
    item = agreements.add_item(
        operator, kabid, sasaran="Meningkatnya kualitas kelembagaan koperasi", indicator="Jumlah koperasi sehat",
        unit="unit", target="1.250", supports=koperasi,
    )  # fmt: skip
    assert item.target == Decimal(1250)  # '.' separates thousands in what people type
    agreements.add_budget(operator, kabid, code="2.17.02.2.01", name="Pembinaan dan pengawasan koperasi",
                          anggaran="125.000.000")  # fmt: skip
    assert kabid.budget.get().kind == "kegiatan"  # the level decides: a kepala bidang's PK lists kegiatan

    with pytest.raises(Refused, match="PK atasan belum ditandatangani"):
        agreements.sign(head, kabid, number="050/013/PK/2016", signed_on=date(2016, 1, 4))
    with pytest.raises(Refused, match="Nomor perjanjian kinerja"):
        agreements.sign(head, pk, number="  ", signed_on=date(2016, 1, 4))
    with pytest.raises(Refused, match="setelah hari ini"):
        agreements.sign(head, pk, number="050/012/PK/2016", signed_on=date(2099, 1, 1))
    with pytest.raises(Refused, match="akhir tahun 2015 atau pada tahun 2016"):
        agreements.sign(head, pk, number="050/012/PK/2016", signed_on=date(2014, 12, 30))
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        agreements.sign(operator, pk, number="050/012/PK/2016", signed_on=date(2016, 1, 4))

    signed = agreements.sign(head, pk, number="050/012/PK/2016", signed_on=date(2016, 1, 4))
    assert signed.status == "signed" and signed.pdf_sha256 == hashlib.sha256(signed.pdf.read()).hexdigest()
    text = pdf_text(signed.pdf.open("rb").read())
    assert "PERJANJIAN KINERJA TAHUN 2016" in text and "Nomor: 050/012/PK/2016" in text
    assert "Martapura, 4 Januari 2016" in text or "4 Januari 2016" in text
    assert "H. KHALILURRAHMAN" in text and "Drs. H. ACHMAD FAUZI" in text and "PIHAK KEDUA" in text
    with pytest.raises(Refused, match="sudah ditandatangani"):
        agreements.add_item(operator, signed, sasaran="S", indicator="Tambahan", target="1")

    kabid = agreements.sign(head, kabid, number="050/013/PK/2016", signed_on=date(2016, 1, 5))
    seksi = agreements.create(operator, agency, 2016, Level.ESELON_IV, unit=people["seksi"], parent=kabid)
    agreements.add_item(
        operator, seksi, sasaran="Terlaksananya pengawasan koperasi", indicator="Jumlah koperasi diawasi",
        unit="unit", target="300", supports=item,
    )  # fmt: skip
    agreements.add_budget(operator, seksi, name="Pengawasan kepatuhan koperasi", anggaran="40.000.000")
    seksi = agreements.sign(head, seksi, number="050/014/PK/2016", signed_on=date(2016, 1, 6))
    assert seksi.budget.get().kind == "sub_kegiatan"
    tree = year_tree(agency, 2016).tree
    walked = [(depth, node.item.indicator) for depth, node in tree.walk()][:3]
    assert walked == [(0, koperasi.indicator), (1, "Jumlah koperasi sehat"), (2, "Jumlah koperasi diawasi")]
    # the head's other 25 indicators have a PK below them but nothing supports them yet
    assert sum(1 for f in tree.findings if f.code == "pohon_no_child") == 25


def test_a_pk_perubahan_needs_an_official_reason_and_keeps_version_one(banjar, agency, people):
    operator, head = people["operator"], people["head"]
    pk = agreements.sign(head, head_pk(people, agency), number="050/012/PK/2016", signed_on=date(2016, 1, 4))
    koperasi = pk.items.order_by("position").first()
    kabid = agreements.create(operator, agency, 2016, Level.ESELON_III, unit=people["bidang"], parent=pk)
    agreements.add_item(operator, kabid, sasaran="S", indicator="Jumlah koperasi sehat", target="40", supports=koperasi)
    agreements.sign(head, kabid, number="050/013/PK/2016", signed_on=date(2016, 1, 5))
    first_pdf = pk.pdf.open("rb").read()
    first_content = Agreement.objects.get(pk=pk.pk).content

    with pytest.raises(Refused, match="alasan resmi"):
        agreements.revise(operator, pk, reason="karena ingin", note="-")
    with pytest.raises(Refused, match="Penjelasan perubahan"):
        agreements.revise(operator, pk, reason="budget", note="  ")
    v2 = agreements.revise(operator, pk, reason="budget", note="APBD Perubahan 2016 mengurangi pagu program")
    assert (v2.version, v2.replaces_id, v2.status) == (2, pk.pk, "draft")
    assert v2.items.count() == pk.items.count()
    kept = v2.items.get(copied_from=koperasi)
    agreements.remove_item(operator, v2, v2.items.exclude(pk=kept.pk).order_by("position").last())  # one dropped
    v2 = agreements.sign(head, v2, number="050/031/PK/2016", signed_on=date(2016, 9, 1))

    old = Agreement.objects.get(pk=pk.pk)
    assert old.status == "replaced" and old.content == first_content  # version 1 as signed
    assert old.pdf.open("rb").read() == first_pdf and old.pdf_sha256 == hashlib.sha256(first_pdf).hexdigest()
    text = pdf_text(v2.pdf.open("rb").read())
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2016" in text
    assert "Versi 2, perubahan karena perubahan program, kegiatan atau alokasi anggaran" in text
    # the kepala bidang's PK now hangs under the version in force
    walked = [(depth, node.item.indicator) for depth, node in year_tree(agency, 2016).tree.walk()]
    assert (1, "Jumlah koperasi sehat") == walked[1] and walked[0][1] == koperasi.indicator
    events = AuditEvent.objects.filter(origin="pk", agency=agency).values_list("label", flat=True)
    assert any("PK Perubahan (versi 2)" in label for label in events)
    with pytest.raises(Refused, match="masih berlaku"):
        agreements.revise(operator, old, reason="officials", note="Pergantian kepala dinas")


def test_the_lampiran_has_a_satuan_column_and_marks_iku(banjar, agency, people):
    pk = head_pk(people, agency)
    item = pk.items.order_by("position").first()
    item.is_iku = True
    item.save()
    book = openpyxl.load_workbook(io.BytesIO(render(build_agreement(agreements.data_of(pk)), "xlsx")))
    sheet = book["Sasaran dan Target"]
    header = [c.value for c in next(r for r in sheet.iter_rows() if any(c.value == "Satuan" for c in r))]
    assert header[:5] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert any(row[2] == f"{item.indicator} (IKU)" and row[3] == item.unit for row in cells)
    budget = book["Anggaran"]
    header = [c.value for c in next(r for r in budget.iter_rows() if any(c.value == "Kode" for c in r))]
    assert header[:4] == ["No", "Kode", "Program", "Anggaran (Rp)"]  # programmes, for the head of agency


def test_the_pohon_kinerja_takes_four_queries_whatever_its_size(banjar, agency, people):
    pk = agreements.sign(people["head"], head_pk(people, agency), number="1", signed_on=date(2016, 1, 4))
    items = list(pk.items.order_by("position"))

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            year_tree(agency, 2016).rows()
        return len(ctx.captured_queries)

    kabid = agreements.create(people["operator"], agency, 2016, Level.ESELON_III, unit=people["bidang"], parent=pk)
    agreements.add_item(people["operator"], kabid, sasaran="S", indicator="I 0", target="1", supports=items[0])
    small = queries()
    for i in range(1, 10):
        agreements.add_item(people["operator"], kabid, sasaran="S", indicator=f"I {i}", target="1", supports=items[i])
    assert queries() == small == 4


def test_the_pages_let_each_role_do_its_part_and_the_public_read_signed_pks(banjar, agency, people, client):
    from django.test import Client

    slug = f"/{agency.region.slug}/{agency.slug}"
    operator, head = Client(), Client()
    operator.force_login(people["operator"])
    head.force_login(people["head"])
    page = operator.post(f"{slug}/pk/2016/", {"level": "2", "first_party": people["kadis"].pk,
                                              "second_party": people["bupati"].pk})  # fmt: skip
    pk = Agreement.objects.get(agency=agency, year=2016)
    assert page.status_code == 302 and page["Location"] == f"{slug}/pk/2016/{pk.pk}/"
    operator.post(f"{slug}/pk/2016/{pk.pk}/", {"form": "fill"})
    assert pk.items.count() == 26
    assert Client().get(f"{slug}/pk/2016/{pk.pk}/").status_code == 404  # a draft is not public
    page = operator.post(f"{slug}/pk/2016/{pk.pk}/", {"form": "sign", "number": "1"}, follow=True)
    assert page.status_code == 403  # the operator enters, the head signs
    page = head.post(f"{slug}/pk/2016/{pk.pk}/", {"form": "sign", "number": "050/012/PK/2016",
                                                  "signed_on": "2016-01-04"}, follow=True)  # fmt: skip
    assert "ditandatangani" in page.content.decode()
    pk.refresh_from_db()
    public = Client()
    page = public.get(f"{slug}/pk/2016/{pk.pk}/").content.decode()
    assert "050/012/PK/2016" in page and "Drs. H. ACHMAD FAUZI" in page and 'name="form"' not in page
    pdf = public.get(f"{slug}/pk/2016/{pk.pk}.pdf")
    assert pdf.content == pk.pdf.open("rb").read()  # the signed file itself
    assert "Perjanjian Kinerja dan pohon kinerja" in public.get(f"/{agency.region.slug}/").content.decode()
    assert public.get(f"{slug}/pk/2016/pohon.pdf").status_code == 200
    xlsx = public.get(f"{slug}/pk/2016/{pk.pk}.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert public.get(f"{slug}/pk/2016/{pk.pk}.exe").status_code == 404
    # a crafted form: another agency's official as a party is refused with a message, nothing written
    from kinerja.web.performance.models import Agency as AgencyModel

    other = Official.objects.create(agency=AgencyModel.objects.exclude(pk=agency.pk).first(), name="ORANG LAIN")
    page = operator.post(f"{slug}/pk/2016/", {"level": "2", "first_party": other.pk}, follow=True)
    assert "bukan pejabat perangkat daerah ini" in page.content.decode()
    assert Agreement.objects.filter(agency=agency).count() == 1


def test_units_and_officials_are_entered_with_a_checked_nip(banjar, agency, people):
    from django.test import Client

    operator = Client()
    operator.force_login(people["operator"])
    url = f"/{agency.region.slug}/{agency.slug}/organisasi/"
    page = operator.post(url, {"form": "official", "name": "ANI", "nip": "19991399 200001 1 001"}, follow=True)
    assert "NIP" in page.content.decode() and not Official.objects.filter(name="ANI").exists()
    operator.post(url, {"form": "official", "name": "ANI", "title": "Kepala Seksi", "grade": "III/c",
                        "eselon": "IV.a", "nip": "19800101 200501 2 003"})  # fmt: skip
    ani = Official.objects.get(name="ANI")
    assert (ani.nip, ani.grade, ani.eselon) == ("198001012005012003", "III/c", "IV.a")
    operator.post(url, {"form": "unit", "name": "Seksi Baru", "kind": "seksi", "parent": people["bidang"].pk,
                        "head": ani.pk})  # fmt: skip
    assert OrgUnit.objects.get(name="Seksi Baru").head == ani
    page = Client().get(url).content.decode()
    assert "Seksi Baru" in page and "198001012005012003" not in page and "19800101 200501 2 003" not in page


def test_the_rencana_aksi_carries_the_year_and_is_monitored_each_quarter(banjar, agency, people):
    from django.test import Client

    from kinerja.core import year as core
    from kinerja.web.performance import action_plans, store

    operator = people["operator"]
    pk = agreements.create(operator, agency, 2016, Level.ESELON_II, first_party=people["kadis"],
                           second_party=people["bupati"])  # fmt: skip
    year = AgencyYear.objects.get(agency=agency, year=2016)
    line = next(line for line in store.load(year).used_lines if line.unit == "unit" and line.target.is_number)
    item = agreements.add_item(operator, pk, sasaran=line.sasaran, indicator=line.name, unit="unit", target="120")
    item.measured_id = line.indicator_id
    item.save()
    AgencyYear.objects.filter(pk=year.pk).update(status="draft")
    changes = [
        core.SetSetting(line.indicator_id, "cumulation", "sum"),
        core.SetFigure(line.indicator_id, "q1", Decimal(33)),
    ]
    store.apply(operator, year, changes, origin="form")  # a count of things done: the quarters add up
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    with pytest.raises(Refused, match="30 \\+ 30 \\+ 30 \\+ 20 = 110"):
        action_plans.save(operator, pk, item, {1: ("30", ""), 2: ("30", ""), 3: ("30", ""), 4: ("20", "")}, "")
    action_plans.save(operator, pk, item, {1: ("30", "10.000.000"), 2: ("30", ""), 3: ("30", ""), 4: ("30", "")}, "")
    row = next(r for r in action_plans.rows(pk) if r.item.pk == item.pk)
    first = row.quarters[0]
    assert (first.target, first.anggaran, first.realisation) == (Decimal(30), Decimal(10_000_000), Decimal(33))
    assert first.capaian.value == Decimal(110)  # 33 ÷ 30 × 100
    assert row.problem is None and row.quarters[1].capaian.value is None  # TW II not realised yet

    public = Client()
    url = f"/{agency.region.slug}/{agency.slug}/pk/2016/{pk.pk}/renaksi/"
    assert public.get(url).status_code == 404  # the PK is still a draft
    agreements.sign(people["head"], pk, number="050/012/PK/2016", signed_on=date(2016, 1, 4))
    page = public.get(url).content.decode()
    assert "110,00" in page and "10.000.000" in page and 'name="target_1"' not in page
    book = openpyxl.load_workbook(io.BytesIO(public.get(url.rstrip("/") + ".xlsx").content))
    cells = [[c.value for c in row] for row in book["Rencana Aksi"].iter_rows()]
    assert any(row[1] == line.name and row[4] == "30" and row[6] == "33" and row[7] == "110,00" for row in cells)
    AgencyYear.objects.filter(pk=year.pk).update(status="draft", published_at=None)
    assert public.get(url).status_code == 404  # an unpublished year's plan and realisations are not public


def test_the_demo_builds_an_illustrative_chain_marked_as_such(banjar, agency):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from kinerja.web.performance import illustration

    admin = get_user_model().objects.create_superuser("super", "s@x.id", "kata-sandi-uji-123")
    assert illustration.build(agency, admin) is True
    assert illustration.build(agency, admin) is False  # once
    # the example rule the sample obeys: 2015's 28.035 + 2.492 + 623 = 31.150
    (rule,) = agency.validation_rules.all()
    assert (rule.by_region, rule.terms.count()) == (True, 4)
    rules_page = Client()
    rules_page.force_login(admin)
    assert (
        "<strong>2015</strong>: terpenuhi"
        in rules_page.get(f"/{agency.region.slug}/{agency.slug}/aturan/").content.decode()
    )
    chain = list(Agreement.objects.filter(agency=agency, year=2016).order_by("level"))
    assert [a.level for a in chain] == [2, 3, 4] and all(a.illustrative and a.is_signed for a in chain)
    head = chain[0]
    units = set(head.items.values_list("unit", flat=True))
    assert not units & {"buah", "kegiatan", "laporan"}  # outputs left to the lower PKs
    assert "DATA ILUSTRASI" in pdf_text(head.pdf.open("rb").read())
    tree = year_tree(agency, 2016).tree
    assert [d for d, _ in tree.walk()][:3] == [0, 1, 2]  # head → kepala bidang → kepala seksi
    page = Client().get(f"/{agency.region.slug}/{agency.slug}/pk/2016/").content.decode()
    assert "ilustrasi" in page
    renja = Client().get(f"/{agency.region.slug}/{agency.slug}/renja/2016/").content.decode()
    # the programme is a level (%): its year is TW IV's 62,87 against 62,5, so 100,59 %
    assert "Data ilustrasi" in renja and "100,59" in renja
    public, slug = Client(), f"/{agency.region.slug}/{agency.slug}"
    # the outputs, read back: the PK as DOCX, the pohon kinerja and the Rencana Aksi as PDF
    import docx

    document = docx.Document(io.BytesIO(public.get(f"{slug}/pk/2016/{chain[1].pk}.docx").content))
    words = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "PERJANJIAN KINERJA TAHUN 2016" in words and "Sasaran Program" in words
    assert "Jumlah koperasi yang dinilai sehat" in words and "125.000.000" in words
    pohon = pdf_text(public.get(f"{slug}/pk/2016/pohon.pdf").content)
    assert "POHON KINERJA TAHUN 2016" in pohon and "Meningkatnya daya saing koperasi dan UMKM" in pohon  # RPJMD
    assert "Penilaian kesehatan koperasi" in pohon  # the kepala seksi's sub kegiatan, a leaf
    plan = pdf_text(public.get(f"{slug}/pk/2016/{chain[1].pk}/renaksi.pdf").content)
    assert "RENCANA AKSI TAHUN 2016" in plan and "31.250.000" in plan and "aturan jumlah" in plan
    rpjmd = public.get(f"/{agency.region.slug}/rpjmd/").content.decode()
    assert "2016–2021" in rpjmd


def test_what_is_stored_about_an_indicator_is_shown_and_printed(banjar, agency, people):
    from django.test import Client

    from kinerja.core import year as core
    from kinerja.reports.build import lkjip, pengukuran
    from kinerja.web.performance import store
    from kinerja.web.performance.reporting import agency_year_data

    year = AgencyYear.objects.get(agency=agency, year=2016)
    line = store.load(year).used_lines[0]
    AgencyYear.objects.filter(pk=year.pk).update(status="draft")
    store.apply(people["operator"], year, [
        core.SetInfo(line.indicator_id, "definition", "koperasi aktif ÷ seluruh koperasi × 100"),
        core.SetInfo(line.indicator_id, "data_source", "Aplikasi ODS Kemenkop"),
        core.SetInfo(line.indicator_id, "responsible", "Kepala Bidang Koperasi"),
        core.SetInfo(line.indicator_id, "is_iku", True),
    ], origin="form")  # fmt: skip
    AgencyYear.objects.filter(pk=year.pk).update(status="published")
    page = Client().get(f"/indikator/{line.indicator_id}/").content.decode()
    for text in ("koperasi aktif ÷ seluruh koperasi × 100", "Aplikasi ODS Kemenkop", "Kepala Bidang Koperasi"):
        assert text in page
    data = agency_year_data(AgencyYear.objects.get(pk=year.pk), people["operator"])
    for report in (pengukuran(data), lkjip(data, with_charts=False)):
        book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
        rows = [[c.value for c in row] for row in book["Definisi Indikator"].iter_rows()]
        assert [line.name, "IKU", "koperasi aktif ÷ seluruh koperasi × 100", "Aplikasi ODS Kemenkop",
                "Kepala Bidang Koperasi"] in [row[1:6] for row in rows]  # fmt: skip
    assert "Aplikasi ODS Kemenkop" in pdf_text(render(pengukuran(data), "pdf"))


def test_a_regenerated_form_says_it_is_recomputed_and_the_book_shows_each_status(banjar, agency, people):
    from django.test import Client

    from kinerja.web.performance.models import Region
    from kinerja.web.performance.reporting import agency_year_data

    year = AgencyYear.objects.get(agency=agency, year=2016)
    data = agency_year_data(year, people["operator"])
    # the sample's 2016 form prints percentages its own targets and realisations contradict
    assert data.differs > 0
    text = pdf_text(Client().get(f"/{agency.region.slug}/{agency.slug}/2016/unduh/pengukuran.pdf").content)
    assert "HASIL HITUNG ULANG" in text and f"berbeda dari formulir yang ditandatangani pada {data.differs}" in text
    region = Region.objects.get(pk=agency.region_id)
    book = Client().get(f"/{region.slug}/buku/2016.pdf").content
    summary = pdf_text(book).split("PENGUKURAN KINERJA\n")[0]
    assert "Status" in summary and "dipublikasikan" in summary


def test_the_chain_pages_keep_their_queries_whatever_the_size(banjar, agency, people):
    from django.test import Client

    from kinerja.web.performance import action_plans, renja

    operator = people["operator"]
    pk = agreements.sign(people["head"], head_pk(people, agency), number="1", signed_on=date(2016, 1, 4))
    items = list(pk.items.order_by("position"))
    client = Client()
    client.force_login(operator)
    slug = f"/{agency.region.slug}/{agency.slug}"
    urls = (f"{slug}/pk/2016/", f"{slug}/pk/2016/{pk.pk}/renaksi/", f"{slug}/renja/2016/", f"{slug}/pk/2016/{pk.pk}/")

    def counts():
        out = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            # the session is renewed once a minute, whenever that falls: not the page's own work
            own = [q for q in ctx.captured_queries if "django_session" not in q["sql"] and "SAVEPOINT" not in q["sql"]]
            out.append(len(own))
        return out

    renja.add_row(operator, agency, 2016, {"level": "program", "name": "P0", "target_k": "1"})
    action_plans.save(operator, pk, items[0], {1: ("1", ""), 2: ("1", ""), 3: ("1", ""), 4: ("1", "")}, "x")
    small = counts()
    kabid = agreements.create(operator, agency, 2016, Level.ESELON_III, unit=people["bidang"], parent=pk)
    for i in range(1, 8):
        agreements.add_item(operator, kabid, sasaran="S", indicator=f"I {i}", target="1", supports=items[i])
        renja.add_row(operator, agency, 2016, {"level": "kegiatan", "name": f"K{i}", "target_k": "2", "q1_k": "1"})
        action_plans.save(operator, pk, items[i], {1: ("1", ""), 2: ("1", ""), 3: ("1", ""), 4: ("1", "")}, "x")
    assert counts() == small


def test_the_pengukuran_and_lkjip_name_the_pk_version_they_measure_against(banjar, agency, people):
    from kinerja.reports.build import lkjip, pengukuran
    from kinerja.web.performance.reporting import agency_year_data

    pk = agreements.sign(people["head"], head_pk(people, agency), number="050/012/PK/2016", signed_on=date(2016, 1, 4))
    v2 = agreements.revise(people["operator"], pk, reason="officials", note="Pergantian kepala dinas")
    year = AgencyYear.objects.get(agency=agency, year=2016)
    text = pdf_text(render(pengukuran(agency_year_data(year, people["operator"])), "pdf"))
    assert "Diukur terhadap : Perjanjian Kinerja nomor 050/012/PK/2016, versi 1, ditandatangani 4 Januari 2016" in text
    agreements.sign(people["head"], v2, number="050/031/PK/2016", signed_on=date(2016, 7, 1))
    data = agency_year_data(year, people["operator"])
    assert data.agreement.startswith("Perjanjian Kinerja Perubahan nomor 050/031/PK/2016, versi 2")
    text = pdf_text(render(lkjip(data, with_charts=False), "pdf"))
    assert "Perjanjian Kinerja Perubahan nomor 050/031/PK/2016, versi 2, ditandatangani 1 Juli 2016" in text


def test_the_rencana_aksi_goes_through_excel_made_by_hand(banjar, agency, people):
    """A workbook as a planner makes it: a merged title, the table a few rows down, numbers typed as
    text the Indonesian way and as Excel numbers with a percent format, and notes below the table."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from kinerja.web.performance.models import ActionQuarter

    operator = people["operator"]
    pk = agreements.create(operator, agency, 2016, Level.ESELON_II, first_party=people["kadis"],
                           second_party=people["bupati"])  # fmt: skip
    count = agreements.add_item(operator, pk, sasaran="S", indicator="Jumlah koperasi dibina", unit="unit",
                                target="1.200")  # fmt: skip
    level = agreements.add_item(operator, pk, sasaran="S", indicator="Persentase koperasi aktif", unit="%",
                                target="62,5")  # fmt: skip
    client = Client()
    client.force_login(operator)
    url = f"/{agency.region.slug}/{agency.slug}/pk/2016/{pk.pk}/renaksi/"
    assert client.get(url.rstrip("/") + "-templat.xlsx").status_code == 200

    def workbook(count_row, level_row) -> bytes:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Rencana Aksi"
        sheet["A1"] = "RENCANA AKSI DINAS KOPERASI DAN UMKM 2016"
        sheet.merge_cells("A1:M1")
        sheet.append([])
        sheet.append(["Disusun oleh Subbagian Perencanaan"])
        sheet.append(["ID", "Indikator", "Satuan", "Target tahun", "Target TW I", "Target TW II", "Target TW III",
                      "Target TW IV", "Anggaran TW I", "Anggaran TW II", "Anggaran TW III", "Anggaran TW IV",
                      "Alasan"])  # fmt: skip
        sheet.append([count.pk, count.indicator, "unit", 1200, *count_row])
        sheet.append([level.pk, level.indicator, "%", 0.625, *level_row])
        for cell in sheet[6][3:8]:
            cell.number_format = "0.00%"
        sheet.append([])
        sheet.append(["Catatan: angka anggaran dalam rupiah penuh."])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    good = workbook(["300", "300", "300", 300, "25.000.000", 25000000, "", None, None],
                    [0.55, "58", 60, "62,5", None, None, None, None, ""])  # fmt: skip
    page = client.post(url, {"workbook": SimpleUploadedFile("renaksi.xlsx", good)}, follow=True).content.decode()
    assert "Rencana Aksi 2 indikator disimpan dari Excel" in page
    quarters = {(q.item_id, q.quarter): (q.target, q.anggaran) for q in ActionQuarter.objects.all()}
    assert quarters[(count.pk, 1)] == (Decimal(300), Decimal(25_000_000))  # "25.000.000" typed as text
    assert quarters[(count.pk, 2)] == (Decimal(300), Decimal(25_000_000))  # 25000000 as an Excel number
    assert quarters[(level.pk, 4)][0] == Decimal("62.5")  # "62,5"
    assert quarters[(level.pk, 1)][0] == Decimal(55)  # 0,55 in a cell formatted 0.00% shows 55,00 %
    # a count whose quarters do not add up: nothing of the upload is kept, the row is named
    bad = workbook(["300", "300", "300", "250", "", "", "", "", ""], [56, 58, 60, "62,5", None, None, None, None, ""])
    page = client.post(url, {"workbook": SimpleUploadedFile("renaksi.xlsx", bad)}, follow=True).content.decode()
    assert "Tidak ada yang disimpan" in page and "300 + 300 + 300 + 250 = 1.150" in page
    assert ActionQuarter.objects.get(item=level, quarter=1).target == Decimal(55)  # the level row not changed either
    page = client.post(url, {"workbook": SimpleUploadedFile("renaksi.xlsx", b"PK\x03\x04 not a zip")}, follow=True)
    assert "tidak dapat dibuka" in page.content.decode() or "tidak dibaca" in page.content.decode()


def test_a_pk_target_may_be_a_range_and_is_printed_as_written(banjar, agency, people):
    """PermenPAN-RB 8/2021 lets a target be a range; a PK item typed '80 - 90' keeps it as text, never a bound."""
    operator = people["operator"]
    pk = head_pk(people, agency)
    kabid = agreements.create(operator, agency, 2016, Level.ESELON_III, unit=people["bidang"], parent=pk)
    item = agreements.add_item(
        operator, kabid, sasaran="Meningkatnya kepuasan anggota", indicator="Tingkat kepuasan anggota koperasi",
        unit="%", target="80 - 90", supports=pk.items.order_by("position").first(),
    )  # fmt: skip
    assert (item.target, item.target_raw) == (None, "80–90")
    book = openpyxl.load_workbook(io.BytesIO(render(build_agreement(agreements.data_of(kabid)), "xlsx")))
    cells = [[c.value for c in row] for row in book["Sasaran dan Target"].iter_rows()]
    row = next(r for r in cells if r[2] == "Tingkat kepuasan anggota koperasi")
    assert row[3:5] == ["%", "80–90"]  # text, not 80 nor 90
    page = client_for(operator).get(f"/{agency.region.slug}/{agency.slug}/pk/2016/{kabid.pk}/renaksi/")
    assert "Target tahunan: <strong>80–90</strong> %" in page.content.decode()  # the Rencana Aksi carries it
    with pytest.raises(Refused, match="tidak dapat dibaca"):
        agreements.add_item(operator, kabid, sasaran="S", indicator="Terbalik", unit="%", target="90-80")


def test_a_refused_signature_is_said_in_the_page_language(banjar, agency, people):
    from django.utils import translation

    pk = head_pk(people, agency)
    with translation.override("en"), pytest.raises(Refused) as unnumbered:
        agreements.sign(people["head"], pk, number="  ", signed_on=date(2016, 1, 4))
    assert str(unnumbered.value) == "Agreement number may not be empty."  # the label is said in English too
    with translation.override("en"), pytest.raises(Refused) as early:
        agreements.sign(people["head"], pk, number="050/012/PK/2016", signed_on=date(2014, 12, 30))
    assert str(early.value) == "The performance agreement of 2016 is signed at the end of 2015 or in 2016."
