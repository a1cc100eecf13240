"""A year keeps its signature block as it was signed: the head's promotion or new title after the signing, or
an older document imported later, never changes a signed form.

Regression: the block was read from the official as now, so promoting the head from Pembina to Pembina Tk. I
reprinted every published year with the new rank; and importing the 2020 form after the 2021 one set the
head's rank back to 2020's."""

import pytest
from django.test import Client

from kinerja.web.performance.models import AgencyYear, Official
from kinerja.web.performance.services import import_file
from tests.web.helpers import docx_text, publish, ready_year

BASE = "/kabupaten-uji/dinas-uji"
NIP = "197001011990031001"


def signature(text: str) -> str:
    return text[text.index("Dr. KEPALA UJI") :][:200]


def test_a_promotion_after_the_signing_leaves_the_signed_year_as_it_was(team):
    agency, people = team
    published = publish(ready_year(people, agency, 2020), people)
    assert published.signer == {"name": "Dr. KEPALA UJI", "nip": NIP, "rank": "Pembina", "title": "Kepala Dinas"}
    head = Official.objects.get(nip=NIP)
    head.rank, head.title = "Pembina Tingkat I", "Kepala Dinas Koperasi"
    head.save()  # as the admin's form saves it
    signed = signature(docx_text(Client().get(f"{BASE}/2020/unduh/pengukuran.docx").content))
    assert "Pembina" in signed and "Pembina Tingkat I" not in signed
    # the next year is signed with the rank the head has then
    publish(ready_year(people, agency, 2021), people)
    later = signature(docx_text(Client().get(f"{BASE}/2021/unduh/pengukuran.docx").content))
    assert "Pembina Tingkat I" in later
    assert AgencyYear.objects.get(year=2020).signer["rank"] == "Pembina"


FORM = """PENGUKURAN KINERJA
DINAS UJI
KABUPATEN UJI
TAHUN {year}

Kabupaten : Uji
Nama SKPD : Dinas Uji

Sasaran Strategis\tIndikator Kinerja\tTarget\t\tRealisasi\t\t%
Koperasi\tJumlah koperasi sehat\t40\tunit\t30\tunit\t75

Martapura, 31 Desember {year}

Kepala Dinas,

Dr. KEPALA UJI

{rank}

NIP. 19700101 199003 1 001
"""


@pytest.mark.parametrize("order", [(2021, 2020), (2020, 2021)])
def test_each_imported_form_keeps_its_own_signature_and_the_official_keeps_the_latest(team, tmp_path, order):
    agency, _ = team
    ranks = {2020: "Pembina", 2021: "Pembina Tingkat I"}
    for year in order:
        path = tmp_path / f"pengukuran-{year}.txt"
        path.write_text(FORM.format(year=year, rank=ranks[year]), encoding="utf-8")
        import_file(path, agency=agency.name, region=agency.region.name, published=True)
    assert Official.objects.filter(nip=NIP).count() == 1
    assert Official.objects.get(nip=NIP).rank == "Pembina Tingkat I"  # the rank of the latest form, whatever the order
    for year, rank in ranks.items():
        assert AgencyYear.objects.get(agency=agency, year=year).signer["rank"] == rank
        text = docx_text(Client().get(f"{BASE}/{year}/unduh/pengukuran.docx").content)
        assert rank in signature(text)
        if year == 2020:
            assert "Tingkat I" not in signature(text)


def test_a_signed_year_keeps_its_signature_when_the_officials_record_is_deleted(team):
    """A head who retires is removed from the officials; the years they signed still carry their signature."""
    agency, people = team
    publish(ready_year(people, agency, 2020), people)
    Official.objects.filter(nip=NIP).delete()
    assert AgencyYear.objects.get(year=2020).signatory_id is None  # the record is gone (SET_NULL)
    signed = signature(docx_text(Client().get(f"{BASE}/2020/unduh/pengukuran.docx").content))
    assert "Pembina" in signed and "19700101 199003 1 001" in signed
