"""The web import under random and mutated files: every answer is a page with a message (a preview, a
refusal, or the offer to map the columns of a table kinerja does not know), never a server error, and
nothing is written until a person confirms."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.web.performance.models import Agency, AgencyYear, AuditEvent, SourceFile
from tests.readers.test_fuzz import FORM

SUFFIXES = (".txt", ".docx", ".xlsx", ".pdf")
MAGIC = {".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04", ".pdf": b"%PDF-1.4\n", ".txt": b""}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from(SUFFIXES),
    body=st.one_of(
        st.binary(max_size=2048),
        st.lists(st.sampled_from(FORM.splitlines()), max_size=30).map(lambda ls: "\n".join(ls).encode()),
    ),
)
def test_random_uploads_get_a_page_with_a_message(banjar, personas, client, tmp_path_factory, suffix, body):
    from django.conf import settings as django_settings
    from django.core.files.uploadedfile import SimpleUploadedFile

    django_settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    client.force_login(personas["operator"])
    before = (AgencyYear.objects.count(), SourceFile.objects.count(), AuditEvent.objects.count())
    upload = SimpleUploadedFile(f"acak{suffix}", MAGIC[suffix] + body)
    agency = Agency.objects.get(name="Dinas Koperasi dan UMKM")
    response = client.post("/impor/baru/", {"agency": agency.pk, "document": upload}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Traceback" not in page
    offered = len(response.redirect_chain) == 1 and "/impor/petakan/" in response.redirect_chain[0][0]
    if offered:  # lines of a table: its columns may be named
        assert 'name="header"' in page and "tidak ditemukan tabel Pengukuran Kinerja" in page
    else:
        assert 'class="error' in page or "errorlist" in page or "Pratinjau" in page or "pratinjau" in page, page[:500]
    assert (AgencyYear.objects.count(), SourceFile.objects.count(), AuditEvent.objects.count()) == before
