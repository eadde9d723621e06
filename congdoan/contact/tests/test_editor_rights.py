"""Editors answer contact messages and manage departments; administrators set the hotlines."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def codenames(role):
    return set(Group.objects.get(role__code=role).permissions.values_list("codename", flat=True))


@pytest.mark.parametrize("role", ["editor", "chief_editor"])
def test_editor_roles_answer_messages_but_never_write_one(role):
    held = codenames(role)
    assert {"view_contactmessage", "change_contactmessage", "delete_contactmessage"} <= held
    assert "add_contactmessage" not in held
    assert {"add_department", "change_department", "delete_department"} <= held
    assert "change_hotlinesettings" not in held


def test_administrators_set_the_hotlines():
    assert "change_hotlinesettings" in codenames("administrator")


def test_editor_opens_the_messages_and_departments(client, django_user_model, home_page):
    from conftest import force_login_verified

    editor = django_user_model.objects.create_user("bientap", password="mat-khau-dai-123")
    editor.groups.add(Group.objects.get(role__code="editor"))
    force_login_verified(client, editor)

    messages = client.get("/admin/snippets/contact/contactmessage/")
    departments = client.get("/admin/snippets/about/department/")

    assert messages.status_code == 200 and departments.status_code == 200
    assert "Thư liên hệ" in messages.content.decode()
    assert "/admin/snippets/contact/contactmessage/add/" not in messages.content.decode()
    assert "Các ban và đơn vị trực thuộc" in departments.content.decode()
