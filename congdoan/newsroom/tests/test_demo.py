"""The demo newsroom: *Tin cơ sở* receives member news, each role has a demo account."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from congdoan.news.models import SectionPage
from congdoan.newsroom.models import NewsroomSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    call_command("load_demo", stdout=io.StringIO())


def test_demo_accounts_write_where_their_role_allows(demo):
    accounts = {user.username: user for user in get_user_model().objects.all()}
    member_section = NewsroomSettings.load().member_news_section
    assert member_section.title == "Tin cơ sở" and member_section.live
    news_section = SectionPage.objects.get(title="Tin tức – Sự kiện")
    policy_section = SectionPage.objects.get(title="Chính sách – Pháp luật")

    def can_add(username, section):
        return section.permissions_for_user(accounts[username]).can_add_subpage()

    assert can_add("congtacvien", member_section)
    assert not can_add("congtacvien", news_section)
    assert can_add("phongvien", news_section)
    assert not can_add("phongvien", policy_section)
    assert not can_add("quantri", member_section)
    assert can_add("bientap", policy_section)
    assert not policy_section.permissions_for_user(accounts["bientap"]).can_publish()
    assert policy_section.permissions_for_user(accounts["tongbientap"]).can_publish()


def test_choosing_another_member_section_moves_the_contributors(member_section, province_section):
    from congdoan.newsroom.tests.conftest import make_user

    contributor = make_user(get_user_model(), "ctv", "contributor")
    newsroom_settings = NewsroomSettings.load()
    newsroom_settings.member_news_section = province_section
    newsroom_settings.save()
    assert province_section.permissions_for_user(contributor).can_add_subpage()
    assert not member_section.permissions_for_user(contributor).can_add_subpage()
