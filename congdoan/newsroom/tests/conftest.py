"""Newsroom fixtures: two sections, one account per role, member news going to *Tin cơ sở*."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from PIL import Image as PILImage
from wagtail.models import GroupPagePermission

from congdoan.news.factories import SectionPageFactory
from congdoan.newsroom.models import NewsroomSettings

ROLES = ("contributor", "reporter", "editor", "chief_editor", "administrator")


@pytest.fixture
def member_section(home_page):
    section = SectionPageFactory(parent=home_page, title="Tin cơ sở")
    newsroom_settings = NewsroomSettings.load()
    newsroom_settings.member_news_section = section
    newsroom_settings.save()
    return section


@pytest.fixture
def province_section(home_page):
    """A section the reporter is assigned to (page permission "add" there only)."""
    section = SectionPageFactory(parent=home_page, title="Tin trong tỉnh")
    GroupPagePermission.objects.create(
        group=Group.objects.get(role__code="reporter"),
        page=section,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )
    return section


def make_user(django_user_model, username, role=None, **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.vn", "mat-khau-dai-123", first_name=username, **extra
    )
    if role:
        user.groups.add(Group.objects.get(role__code=role))
    return user


@pytest.fixture
def users(db, django_user_model):
    """One account per role, named after it; `second_*` for the roles that approve."""
    accounts = {role: make_user(django_user_model, role, role) for role in ROLES}
    accounts["second_editor"] = make_user(django_user_model, "second_editor", "editor")
    accounts["second_chief"] = make_user(django_user_model, "second_chief", "chief_editor")
    return accounts


def png_bytes(size=(40, 30), color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()
