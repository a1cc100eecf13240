import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from kinerja.web.cli import SAMPLE_AGENCY, SAMPLE_REGION, sample_path
from kinerja.web.performance.models import Agency, Membership, Official, Region
from kinerja.web.performance.services import import_file


@pytest.fixture
def banjar(db):
    """The Banjar sample imported, as `kinerja demo` does."""
    report = import_file(sample_path(), agency=SAMPLE_AGENCY, region=SAMPLE_REGION, create=True, published=True)
    return report


@pytest.fixture
def agency(banjar):
    return Agency.objects.get(name=SAMPLE_AGENCY)


def make_user(username, role, agency=None, region=None):
    """A user with one role: for an agency (operator, head) or a region (reviewer, admin; the only
    region when none is named)."""
    user = get_user_model().objects.create_user(username=username, password="kata-sandi-uji-123")
    if agency is None and region is None:
        region = Region.objects.order_by("id").first()
    Membership.objects.create(user=user, role=role, agency=agency, region=region)
    return user


@pytest.fixture
def other_agency(banjar):
    return Agency.objects.create(region=Region.objects.get(name=SAMPLE_REGION), name="Dinas Pendidikan")


@pytest.fixture
def personas(agency, other_agency):
    return {
        "operator": make_user("ani", Membership.Role.OPERATOR, agency),
        "other_operator": make_user("budi", Membership.Role.OPERATOR, other_agency),
        "reviewer": make_user("citra", Membership.Role.REVIEWER),
        "head": make_user("dedi", Membership.Role.HEAD, agency),
        "admin": make_user("eka", Membership.Role.ADMIN),
    }


@pytest.fixture
def admin(personas):
    """The admin of Kabupaten Banjar, with the staff flag Django's admin login asks for: on /kelola/."""
    user = personas["admin"]
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def draft_year(banjar, agency, personas):
    """2017 opened as a draft from the 2016 plan, as an operator would."""
    from kinerja.web.performance.store import open_year

    agency_year, _ = open_year(personas["operator"], agency, 2017)
    return agency_year


@pytest.fixture
def team(db):
    region = Region.objects.create(name="Kabupaten Uji")
    agency = Agency.objects.create(region=region, name="Dinas Uji")
    people = {
        "operator": make_user("opi", Membership.Role.OPERATOR, agency),
        "reviewer": make_user("rere", Membership.Role.REVIEWER),
        "head": make_user("kadis", Membership.Role.HEAD, agency),
        "admin": make_user("admin", Membership.Role.ADMIN),
    }
    people["operator"].email = "opi@uji.go.id"
    people["operator"].save()
    Official.objects.create(
        agency=agency,
        name="Dr. KEPALA UJI",
        rank="Pembina",
        nip="197001011990031001",
        title="Kepala Dinas",
        user=people["head"],
    )
    return agency, people


@pytest.fixture
def cached(settings):
    """Public pages served from the page cache, as outside the tests; an empty cache before and after."""
    settings.KINERJA_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()
