"""Every page of the admin site opens for a region's admin and for the installation's superuser, in both
languages: each model's list, its add form (or a refusal when adding is not theirs), and the change page
and history of one of its records. A 500 here is an admin locked out of a setting."""

import pytest
from django.contrib.auth import get_user_model

from kinerja.web.performance.admin import site
from tests.web.helpers import client_for


@pytest.fixture
def admins(admin, draft_year):
    root = get_user_model().objects.create_superuser("akar", password="kata-sandi-uji-123")
    return {"region admin": admin, "superuser": root}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("who", ["region admin", "superuser"])
def test_every_admin_page_opens(admins, who, language, settings):
    client = client_for(admins[who])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    opened = 0
    for model, model_admin in site._registry.items():
        base = f"/kelola/{model._meta.app_label}/{model._meta.model_name}/"
        urls = [base, f"{base}add/"]
        record = model_admin.get_queryset(model_admin_request(admins[who])).order_by("pk").first()
        if record is not None:
            urls += [f"{base}{record.pk}/change/", f"{base}{record.pk}/history/"]
        for url in urls:
            answer = client.get(url)
            assert answer.status_code in (200, 302, 403), (url, answer.status_code)
            opened += answer.status_code == 200
    assert opened >= 2 * len(site._registry)  # at least each list and one more page of each model


def model_admin_request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/kelola/")
    request.user = user
    return request
