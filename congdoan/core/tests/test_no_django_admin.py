"""Django's own admin is gone: it let staff bypass Wagtail's upload checks (image size limits)."""

import pytest
from django.apps import apps


@pytest.mark.parametrize(
    "path", ["/django-admin/", "/django-admin/login/", "/django-admin/wagtailimages/image/add/"]
)
def test_django_admin_is_not_served_even_to_a_superuser(admin_client, home_page, path):
    assert admin_client.get(path).status_code == 404
    assert admin_client.post(path, {"title": "x"}).status_code == 404


def test_django_admin_app_is_not_installed():
    assert not apps.is_installed("django.contrib.admin")


def test_wagtail_admin_is_still_there(admin_client):
    assert admin_client.get("/admin/").status_code == 200
