"""The section where member news arrives, and the contributors' right to write there only."""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission

from congdoan.core.permissions import CONTRIBUTOR
from congdoan.newsroom.models import NewsroomSettings
from congdoan.newsroom.roles import role_group


def member_news_section():
    """The live *Tin cơ sở* section chosen in the newsroom settings, or None."""
    section = NewsroomSettings.load().member_news_section
    return section if section is not None and section.live else None


def grant_contributors(sender, instance, **kwargs) -> None:
    """Contributors may add pages (drafts they can edit and submit) under the chosen section,
    and nowhere else: their page rights follow the setting."""
    group = role_group(CONTRIBUTOR)
    section = instance.member_news_section
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.filter(group=group).exclude(
        page=section, permission=add_page
    ).delete()
    if section is not None:
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=add_page)


def connect() -> None:
    post_save.connect(grant_contributors, sender=NewsroomSettings, dispatch_uid="newsroom-grant")
