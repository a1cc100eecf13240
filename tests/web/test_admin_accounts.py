"""A region's admin manages the accounts of that region, and no more: they cannot make anyone (themselves
included) a superuser of the whole installation or give Django permissions, and cannot open, and so cannot
change the password of, a superuser's account or an account that also has a role in another region.

Regression: a region's admin could tick "superuser" on their own account or an operator's, and so see and
administer every region of a national installation; and change the password of an account that is admin of
another region too."""

from django.contrib.auth import get_user_model

from kinerja.web.performance.models import Membership, Region
from tests.web.conftest import make_user
from tests.web.helpers import client_for


def account_post(user, **extra) -> dict:
    return {"username": user.username, "is_active": "on", "is_staff": "on", "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00", **extra}  # fmt: skip


def test_a_regions_admin_makes_no_one_a_superuser(admin, personas):
    client = client_for(admin)
    page = client.get(f"/kelola/auth/user/{admin.pk}/change/").content.decode()
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    for user in (admin, personas["operator"]):
        post = account_post(user, is_superuser="on", groups=[], user_permissions=[])
        assert client.post(f"/kelola/auth/user/{user.pk}/change/", post).status_code == 302  # saved, without it
        user.refresh_from_db()
        assert not user.is_superuser and not user.user_permissions.exists()


def test_a_superuser_still_makes_one(db, banjar):
    root = get_user_model().objects.create_superuser("akar", password="kata-sandi-uji-123")
    someone = make_user("fajar", Membership.Role.OPERATOR, region=Region.objects.get())
    post = account_post(someone, is_superuser="on")
    assert client_for(root).post(f"/kelola/auth/user/{someone.pk}/change/", post).status_code == 302
    someone.refresh_from_db()
    assert someone.is_superuser


def test_a_regions_admin_cannot_open_a_superusers_account_or_one_with_a_role_elsewhere(admin, personas):
    root = get_user_model().objects.create_superuser("akar", password="kata-sandi-uji-123")
    tapin = Region.objects.create(name="Kabupaten Tapin")
    both = make_user("gita", Membership.Role.ADMIN, region=Region.objects.get(name="Kabupaten Banjar"))
    Membership.objects.create(user=both, role=Membership.Role.ADMIN, region=tapin)
    client = client_for(admin)
    for user in (root, both):
        for page in ("change", "password"):
            answer = client.get(f"/kelola/auth/user/{user.pk}/{page}/")
            assert answer.status_code in (302, 404), (user, page, answer.status_code)
        taken = client.post(f"/kelola/auth/user/{user.pk}/password/",
                            {"password1": "sandi-baru-12345", "password2": "sandi-baru-12345"})  # fmt: skip
        assert taken.status_code in (302, 404)
        user.refresh_from_db()
        assert user.check_password("kata-sandi-uji-123")
    listing = client.get("/kelola/auth/user/").content.decode()
    assert ">akar</a>" not in listing and ">gita</a>" not in listing
    assert f">{personas['operator'].username}</a>" in listing


def test_a_regions_admin_gives_roles_only_to_the_accounts_they_manage(admin, personas):
    root = get_user_model().objects.create_superuser("akar", password="kata-sandi-uji-123")
    tapin = Region.objects.create(name="Kabupaten Tapin")
    stranger = make_user("hadi", Membership.Role.REVIEWER, region=tapin)
    newcomer = get_user_model().objects.create_user("indra", password="kata-sandi-uji-123")  # no role yet
    client = client_for(admin)
    form = client.get("/kelola/performance/membership/add/").content.decode()
    assert f'value="{newcomer.pk}"' in form
    assert f'value="{root.pk}"' not in form and f'value="{stranger.pk}"' not in form
    banjar = Region.objects.get(name="Kabupaten Banjar")
    for user in (root, stranger):
        post = {"user": user.pk, "role": Membership.Role.ADMIN, "region": banjar.pk, "agency": ""}
        assert client.post("/kelola/performance/membership/add/", post).status_code == 200  # the form, refused
        assert not Membership.objects.filter(user=user, region=banjar).exists()
    post = {"user": newcomer.pk, "role": Membership.Role.REVIEWER, "region": banjar.pk, "agency": ""}
    assert client.post("/kelola/performance/membership/add/", post).status_code == 302
