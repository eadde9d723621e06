"""Administrators (role Quản trị), not the editor roles, change the visitor counter's settings."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse


@pytest.mark.parametrize(
    ("role", "allowed"), [("administrator", True), ("editor", False), ("chief_editor", False)]
)
def test_only_administrators_hold_the_counter_settings_permission(db, role, allowed):
    codenames = set(
        Group.objects.get(role__code=role).permissions.values_list("codename", flat=True)
    )
    assert ("change_visitorcountersettings" in codenames) is allowed


def test_administrator_opens_the_counter_settings(client, django_user_model, home_page):
    administrator = django_user_model.objects.create_user("quantri", password="mat-khau-dai-123")
    administrator.groups.add(Group.objects.get(role__code="administrator"))
    client.force_login(administrator)
    url = reverse("wagtailsettings:edit", args=["visitors", "visitorcountersettings"])
    assert client.get(url, follow=True).status_code == 200
