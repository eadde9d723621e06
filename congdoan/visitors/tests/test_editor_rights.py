"""The demo editor groups can change the visitor counter's settings."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_editor_groups_hold_the_counter_settings_permission(db, group_name):
    codenames = set(
        Group.objects.get(name=group_name).permissions.values_list("codename", flat=True)
    )
    assert "change_visitorcountersettings" in codenames


def test_editor_opens_the_counter_settings(client, django_user_model, home_page):
    editor = django_user_model.objects.create_user("bientapvien", password="mat-khau-dai-123")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    url = reverse("wagtailsettings:edit", args=["visitors", "visitorcountersettings"])
    assert client.get(url, follow=True).status_code == 200
