"""Administrators run the site's settings; Wagtail's default workflow keeps its Vietnamese name."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse


@pytest.fixture
def administrator(db, django_user_model):
    user = django_user_model.objects.create_user("quantri", password="mat-khau-dai-123")
    user.groups.add(Group.objects.get(role__code="administrator"))
    return user


@pytest.mark.parametrize(
    ("role", "allowed"), [("administrator", True), ("editor", False), ("chief_editor", False)]
)
def test_only_administrators_hold_the_site_settings_permission(db, role, allowed):
    codenames = set(
        Group.objects.get(role__code=role).permissions.values_list("codename", flat=True)
    )
    assert ("change_sitesettings" in codenames) is allowed


def test_administrator_opens_the_site_settings(client, administrator, home_page):
    client.force_login(administrator)
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings"])
    assert client.get(url, follow=True).status_code == 200


def test_default_workflow_has_a_vietnamese_name(db):
    from wagtail.models import Task, Workflow

    assert Workflow.objects.filter(name="Ban biên tập duyệt").exists()
    assert Task.objects.filter(name="Ban biên tập duyệt").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
