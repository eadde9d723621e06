"""Each newsroom role × each action, through the admin's views and Wagtail's page policies."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from conftest import force_login_verified
from congdoan.news.factories import ArticlePageFactory
from congdoan.newsroom.tests.conftest import make_user

pytestmark = pytest.mark.django_db

ACTIONS = (
    "create_in_member_section",
    "create_in_province_section",
    "edit",
    "submit",
    "approve_step_1",
    "approve_step_2",
    "publish",
    "unpublish",
    "manage_users",
    "settings",
    "audit_log",
)
# What each role may do (True) or is refused (False).
EXPECTED = {
    "contributor": {"create_in_member_section", "submit"},
    "reporter": {"create_in_province_section", "submit"},
    "editor": {
        "create_in_member_section",
        "create_in_province_section",
        "edit",
        "submit",
        "approve_step_1",
    },
    "chief_editor": {
        "create_in_member_section",
        "create_in_province_section",
        "edit",
        "submit",
        "approve_step_2",
        "publish",
        "unpublish",
    },
    "administrator": {"manage_users", "settings", "audit_log"},
}


def draft(section, owner, title):
    page = ArticlePageFactory(parent=section, title=title, live=False, owner=owner)
    page.save_revision(user=owner)
    return page


def in_moderation(section, submitter, title, steps_approved=0, approver=None):
    page = draft(section, submitter, title)
    state = page.get_workflow().start(page, submitter)
    for _step in range(steps_approved):
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, approver, "approve")
        state.refresh_from_db()
    return page, state


@pytest.fixture
def newsroom(member_section, province_section, users, django_user_model):
    writer = make_user(django_user_model, "writer", "reporter")
    step_1, step_1_state = in_moderation(member_section, writer, "Chờ bước một")
    step_2, step_2_state = in_moderation(
        member_section, writer, "Chờ bước hai", steps_approved=1, approver=users["second_editor"]
    )
    return {
        "member": member_section,
        "province": province_section,
        "others_draft": draft(member_section, writer, "Bản nháp của người khác"),
        "live": ArticlePageFactory(parent=member_section, title="Bài đã đăng"),
        "step_1": (step_1, step_1_state.current_task_state),
        "step_2": (step_2, step_2_state.current_task_state),
    }


def admin_status(client, url):
    response = client.get(url)
    assert response.status_code in (200, 302, 403), (url, response.status_code)
    if response.status_code == 302:
        # Wagtail's refusal: back to the dashboard with "you do not have permission".
        assert response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 200


def allowed_actions(client, user, newsroom):
    force_login_verified(client, user)
    member, province = newsroom["member"], newsroom["province"]
    own_section = province if user.username == "reporter" else member
    own_draft = draft(own_section, user, f"Bản nháp của {user.username}")
    site = Site.objects.get(is_default_site=True)

    def can_act(key):
        page, task_state = newsroom[key]
        return admin_status(
            client,
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        )

    results = {
        "create_in_member_section": admin_status(
            client, reverse("wagtailadmin_pages:add", args=["news", "articlepage", member.pk])
        ),
        "create_in_province_section": admin_status(
            client, reverse("wagtailadmin_pages:add", args=["news", "articlepage", province.pk])
        ),
        "edit": admin_status(
            client, reverse("wagtailadmin_pages:edit", args=[newsroom["others_draft"].pk])
        ),
        # As the edit view: one must be able to edit the draft to submit it.
        "submit": own_draft.permissions_for_user(user).can_edit()
        and own_draft.permissions_for_user(user).can_submit_for_moderation(),
        "approve_step_1": can_act("step_1"),
        "approve_step_2": can_act("step_2"),
        "publish": newsroom["others_draft"].permissions_for_user(user).can_publish(),
        "unpublish": newsroom["live"].permissions_for_user(user).can_unpublish(),
        "manage_users": admin_status(client, reverse("wagtailusers_users:index")),
        "settings": admin_status(
            client, reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk])
        ),
        "audit_log": admin_status(client, reverse("wagtailadmin_reports:site_history")),
    }
    return {action for action in ACTIONS if results[action]}


@pytest.mark.parametrize("role", EXPECTED)
def test_role_matrix(client, users, newsroom, role):
    assert allowed_actions(client, users[role], newsroom) == EXPECTED[role]


def test_roles_are_found_by_code_after_a_rename(users):
    from django.contrib.auth.models import Group

    from congdoan.newsroom.roles import has_role, role_group

    group = role_group("chief_editor")
    group.name = "Tổng biên tập (đổi tên)"
    group.save()
    assert role_group("chief_editor") == Group.objects.get(name="Tổng biên tập (đổi tên)")
    assert has_role(users["chief_editor"], "chief_editor")
    assert not has_role(users["editor"], "chief_editor")


@pytest.mark.parametrize(("role", "allowed"), [("administrator", True), ("editor", False)])
def test_newsroom_settings_are_the_administrators(client, users, role, allowed):
    force_login_verified(client, users[role])
    from congdoan.newsroom.models import NewsroomSettings

    settings_pk = NewsroomSettings.load().pk
    url = reverse("wagtailsettings:edit", args=["newsroom", "newsroomsettings", settings_pk])
    assert admin_status(client, url) is allowed
