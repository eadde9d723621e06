"""The demo editor groups can run the portal's own content, not only pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from congdoan.core.models import SiteSettings
from congdoan.legal.models import LegalDocument
from congdoan.visitors.models import VisitorCounterSettings


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("bientapvien", password="mat-khau-dai-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_editor_groups_hold_the_portal_permissions(db, group_name):
    codenames = set(
        Group.objects.get(name=group_name).permissions.values_list("codename", flat=True)
    )
    assert {"add_legaldocument", "change_legaldocument", "delete_legaldocument"} <= codenames
    assert {"add_issuer", "add_documenttype", "add_area"} <= codenames
    assert "change_sitesettings" in codenames
    assert "change_visitorcountersettings" in codenames


def test_editor_opens_the_legal_library_and_the_settings(client, editor, home_page):
    client.force_login(editor)
    legal_list = reverse(LegalDocument.snippet_viewset.get_url_name("list"))
    assert client.get(legal_list).status_code == 200
    for model in (SiteSettings, VisitorCounterSettings):
        url = reverse("wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name])
        assert client.get(url, follow=True).status_code == 200


def test_default_workflow_has_a_vietnamese_name(db):
    from wagtail.models import Task, Workflow

    assert Workflow.objects.filter(name="Ban biên tập duyệt").exists()
    assert Task.objects.filter(name="Ban biên tập duyệt").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
