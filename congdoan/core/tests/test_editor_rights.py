"""The demo editor groups can run the site's settings and use the Vietnamese workflow."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("bientapvien", password="mat-khau-dai-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_editor_groups_hold_the_site_settings_permission(db, group_name):
    codenames = set(
        Group.objects.get(name=group_name).permissions.values_list("codename", flat=True)
    )
    assert "change_sitesettings" in codenames


def test_editor_opens_the_site_settings(client, editor, home_page):
    client.force_login(editor)
    url = reverse("wagtailsettings:edit", args=["core", "sitesettings"])
    assert client.get(url, follow=True).status_code == 200


def test_default_workflow_has_a_vietnamese_name(db):
    from wagtail.models import Task, Workflow

    assert Workflow.objects.filter(name="Ban biên tập duyệt").exists()
    assert Task.objects.filter(name="Ban biên tập duyệt").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
