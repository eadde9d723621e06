"""The editor roles (Biên tập viên, Tổng biên tập) can run the legal library (Văn bản)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from congdoan.legal.models import LegalDocument


@pytest.mark.parametrize("role", ["editor", "chief_editor"])
def test_editor_roles_hold_the_library_permissions(db, role):
    codenames = set(
        Group.objects.get(role__code=role).permissions.values_list("codename", flat=True)
    )
    assert {"add_legaldocument", "change_legaldocument", "delete_legaldocument"} <= codenames
    assert {"add_issuer", "add_documenttype", "add_area"} <= codenames


def test_editor_opens_the_legal_library(client, django_user_model, home_page):
    editor = django_user_model.objects.create_user("bientapvien", password="mat-khau-dai-123")
    editor.groups.add(Group.objects.get(role__code="editor"))
    client.force_login(editor)
    legal_list = reverse(LegalDocument.snippet_viewset.get_url_name("list"))
    assert client.get(legal_list).status_code == 200
