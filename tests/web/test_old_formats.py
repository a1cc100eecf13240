"""Files in the office formats agencies still save in (.xls, .doc, 97–2003, or such a file renamed .xlsx): kinerja
says it does not read them and how to save them as .xlsx or .docx, on the command line and on every upload
form. Before, an .xls was 'not a text file' and a renamed one 'does not match .xlsx'."""

from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.cli import main
from kinerja.web.performance.models import Agency, AgencyYear, Membership, Region
from tests.web.conftest import make_user
from tests.web.helpers import said

# the first bytes of every Word or Excel 97–2003 file (an OLE2 compound document)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_the_command_line_says_how_to_resave(tmp_path, capsys):
    for name, new in (("pk-2016.xls", ".xlsx"), ("pk-2016.doc", ".docx"), ("pk-2016.xlsx", ".xlsx")):
        path = tmp_path / name
        path.write_bytes(OLE2)
        assert main(["check", str(path)]) == 2
        err = capsys.readouterr().err
        assert "berformat lama (Word/Excel 97–2003)" in err and f"simpan ulang sebagai {new}" in err, err
    ods = tmp_path / "pk-2016.ods"
    ods.write_bytes(b"PK\x03\x04 an OpenDocument spreadsheet")
    assert main(["check", str(ods)]) == 2
    assert "berformat lama (.ods)" in capsys.readouterr().err


def test_the_upload_forms_say_how_to_resave(client, db):
    region = Region.objects.create(name="Kabupaten Banjar")
    agency = Agency.objects.create(region=region, name="Dinas Koperasi dan UMKM")
    AgencyYear.objects.create(agency=agency, year=2016, status="draft")
    client.force_login(make_user("ani", Membership.Role.OPERATOR, agency))
    document = SimpleUploadedFile("pk-2016.xls", OLE2, "application/vnd.ms-excel")
    answer = said(client.post("/impor/baru/", {"agency": agency.pk, "document": document}))
    assert "Berkas ini berformat lama (Word/Excel 97–2003)" in answer and "simpan ulang sebagai .xlsx" in answer
    renamed = SimpleUploadedFile("templat.xlsx", OLE2, "application/vnd.ms-excel")
    answer = said(client.post(f"/{region.slug}/{agency.slug}/2016/entri/unggah/", {"workbook": renamed}, follow=True))
    assert "simpan ulang sebagai .xlsx" in answer
