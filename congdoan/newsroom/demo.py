"""Demo newsroom: the *Tin cơ sở* section for member news, and the reporter's section.

Runs after the news demo (INSTALLED_APPS order), which builds the sections; the demo accounts
of each role come from the core demo.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from congdoan.core.permissions import REPORTER
from congdoan.news.demo import ensure_home_page, ensure_section
from congdoan.newsroom.models import NewsroomSettings
from congdoan.newsroom.roles import role_group

MEMBER_NEWS_SECTION = "Tin cơ sở"
# The demo reporter writes drafts in this section (and its subsections).
REPORTER_SECTION = "Tin tức – Sự kiện"


def load(stdout):
    home = ensure_home_page()
    newsroom_settings = NewsroomSettings.load()
    if newsroom_settings.member_news_section is None:
        newsroom_settings.member_news_section = ensure_section(home, MEMBER_NEWS_SECTION)
        newsroom_settings.save()  # grants the contributors their section (sections.py)
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    GroupPagePermission.objects.get_or_create(
        group=role_group(REPORTER),
        page=ensure_section(home, REPORTER_SECTION),
        permission=add_page,
    )
