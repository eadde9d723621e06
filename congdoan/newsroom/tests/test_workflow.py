"""The two-step workflow end to end through the admin's views, notifications, scheduling,
revisions, locking, the audit log and the help menu."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from conftest import force_login_verified
from congdoan.news.models import ArticlePage
from congdoan.newsroom.tasks import send_notification_email
from congdoan.newsroom.tests.test_permission_matrix import draft

pytestmark = pytest.mark.django_db


def act(client, user, page, action, comment=""):
    """Carry out a workflow action through the admin's action view, as the modal does.

    Returns "done" (redirected to the page's editor) or "refused" (Wagtail's "no permission":
    back to the dashboard).
    """
    force_login_verified(client, user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code == 302
    outcomes = {
        reverse("wagtailadmin_pages:edit", args=[page.pk]): "done",
        reverse("wagtailadmin_home"): "refused",
    }
    return outcomes[response["Location"]]


def sidebar_links(html: str) -> dict[str, dict]:
    """Name -> {label, url…} of every link in the admin's sidebar (its menus are JSON data)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    links = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.LinkMenuItem":
                item = node["_args"][0]
                links[item["name"]] = item
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.group(1)))
    return links


def test_two_steps_then_published_and_nobody_approves_their_own_submission(
    client, member_section, users
):
    chief = users["chief_editor"]
    page = draft(member_section, chief, "Tổng biên tập tự viết")
    state = page.get_workflow().start(page, chief)
    assert [task.name for task in state.workflow.tasks.order_by("workflow_tasks__sort_order")] == [
        "Biên tập viên duyệt",
        "Tổng biên tập duyệt",
    ]

    # Step one: only editors; the chief editor is not one.
    assert act(client, chief, page, "approve") == "refused"
    assert act(client, users["editor"], page, "approve", "Ổn, chuyển Tổng biên tập.") == "done"
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Tổng biên tập duyệt"
    assert not page.live
    first = TaskState.objects.filter(workflow_state=state).order_by("pk").first()
    assert first.status == TaskState.STATUS_APPROVED
    assert first.comment == "Ổn, chuyển Tổng biên tập."

    # Step two: the submitter is a chief editor, but may not approve their own story: no
    # action offered in the editor, the action view refuses, and it is not among the tasks
    # awaiting their review (the dashboard's list).
    task = page.current_workflow_task
    assert task.get_actions(page, chief) == []
    assert task.locked_for_user(page, chief)
    assert act(client, chief, page, "approve") == "refused"
    assert not TaskState.objects.reviewable_by(chief).exists()
    assert TaskState.objects.reviewable_by(users["second_chief"]).get().workflow_state == state
    page.refresh_from_db()
    assert not page.live

    assert act(client, users["second_chief"], page, "approve") == "done"
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


def test_superuser_cannot_approve_own_submission_either(client, member_section, django_user_model):
    boss = django_user_model.objects.create_superuser("sep", "sep@example.vn", "mat-khau-dai-123")
    page = draft(member_section, boss, "Bài của quản trị tối cao")
    page.get_workflow().start(page, boss)
    assert act(client, boss, page, "approve") == "refused"
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Biên tập viên duyệt"


def test_request_changes_with_a_comment_notifies_the_submitter_in_vietnamese_via_mail_queue(
    client, member_section, users, settings
):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    from django_tasks import default_task_backend

    contributor = users["contributor"]
    page = draft(member_section, contributor, "Tin hội thao công nhân")
    page.get_workflow().start(page, contributor)

    # Step one's reviewers are told, through the mail queue, not during the request.
    def notifications():
        # Saving pages also queues search-index updates (on "default"); keep the emails.
        return [
            result
            for result in default_task_backend.results
            if result.task.func is send_notification_email.func
        ]

    queued = notifications()
    assert mail.outbox == []
    assert {result.task.queue_name for result in queued} == {"mail"}
    assert {result.kwargs["recipient"] for result in queued} == {
        "editor@example.vn",
        "second_editor@example.vn",
    }
    submitted = queued[0].kwargs
    assert "Tin hội thao công nhân" in submitted["subject"]
    assert "Biên tập viên duyệt" in submitted["text"]
    edit_url = f"http://testserver{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
    assert edit_url in submitted["text"]  # WAGTAILADMIN_BASE_URL, the site's URL
    assert "Xin chào" in submitted["text"]

    default_task_backend.clear()
    assert act(client, users["editor"], page, "reject", "Thiếu ảnh và tên đơn vị.") == "done"
    page.refresh_from_db()
    assert page.workflow_in_progress is False
    assert TaskState.objects.filter(comment="Thiếu ảnh và tên đơn vị.").count() == 1
    [rejection] = notifications()
    assert rejection.task.queue_name == "mail"
    assert rejection.kwargs["recipient"] == "contributor@example.vn"
    assert "Thiếu ảnh và tên đơn vị." in rejection.kwargs["text"]
    assert "đã bị từ chối" in rejection.kwargs["subject"]

    # The worker sends what was queued.
    rejection.task.call(*rejection.args, **rejection.kwargs)
    assert [message.to for message in mail.outbox] == [["contributor@example.vn"]]


def test_scheduled_publishing_and_expiry_within_a_minute(member_section, users):
    go_live = timezone.now() + timedelta(hours=2)
    expire = go_live + timedelta(days=1)
    page = draft(member_section, users["chief_editor"], "Thông báo lịch nghỉ Tết")
    page.go_live_at = go_live
    page.expire_at = expire
    page.save_revision(user=users["chief_editor"]).publish(user=users["chief_editor"])
    page.refresh_from_db()
    assert not page.live
    assert page.status_string == "đã lên lịch"

    with time_machine.travel(go_live - timedelta(seconds=30), tick=False):
        call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=page.pk).live

    # The scheduler runs publish_scheduled every 60 s: at most a minute late.
    with time_machine.travel(go_live + timedelta(seconds=59), tick=False):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert ArticlePage.objects.live().filter(pk=page.pk).exists()

    with time_machine.travel(expire + timedelta(seconds=59), tick=False):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert page.expired


def test_editor_compares_revisions_and_reverts(client, member_section, users):
    editor = users["editor"]
    page = draft(member_section, editor, "Tiêu đề cũ")
    old_revision = page.latest_revision
    page.title = "Tiêu đề mới"
    new_revision = page.save_revision(user=editor)
    force_login_verified(client, editor)

    compare = client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[page.pk, old_revision.pk, new_revision.pk],
        )
    )
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "So sánh: Tiêu đề mới" in html
    assert "cũ" in html

    revert = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old_revision.pk])
    )
    assert revert.status_code == 200
    assert 'value="Tiêu đề cũ"' in revert.content.decode()


def test_edit_locking(client, member_section, users):
    editor, other = users["editor"], users["second_editor"]
    page = draft(member_section, users["contributor"], "Bài đang sửa")
    force_login_verified(client, editor)
    response = client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.locked and page.locked_by == editor

    assert page.permissions_for_user(other).page_locked()
    assert not page.permissions_for_user(editor).page_locked()
    # The edit view shows the other editor a locked page (no save or publish buttons).
    force_login_verified(client, other)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert edit.context["page_locked"] is True
    # Editors may lock but not unlock another's lock; the chief editor may.
    client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    page.refresh_from_db()
    assert page.locked
    force_login_verified(client, users["chief_editor"])
    client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    page.refresh_from_db()
    assert not page.locked


def test_audit_log_for_administrators_only(client, users):
    url = reverse("wagtailadmin_reports:site_history")
    for role in ("contributor", "reporter", "editor", "chief_editor"):
        force_login_verified(client, users[role])
        response = client.get(url)
        assert response.status_code == 302, role
        assert response["Location"] == reverse("wagtailadmin_home")
        menu = sidebar_links(client.get(reverse("wagtailadmin_home")).content.decode())
        assert url not in [item["url"] for item in menu.values()], role
    force_login_verified(client, users["administrator"])
    assert client.get(url).status_code == 200
    assert client.get(reverse("wagtailadmin_reports:site_history_results")).status_code == 200
    menu = sidebar_links(client.get(reverse("wagtailadmin_home")).content.decode())
    assert url in [item["url"] for item in menu.values()]


def test_help_menu_links_the_vietnamese_guide(client, users):
    force_login_verified(client, users["editor"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    links = sidebar_links(dashboard)
    assert links["admin-guide"]["url"] == reverse("newsroom_guide")
    assert links["admin-guide"]["label"] == "Hướng dẫn quản trị"
    assert "editor-guide" not in links
    assert not any("wagtail.org" in item["url"] for item in links.values())

    guide = client.get(reverse("newsroom_guide"))
    assert guide.status_code == 200
    html = guide.content.decode()
    assert "<h1>Hướng dẫn quản trị" in html
    assert '<img src="images/' in html
    image = client.get(reverse("newsroom_guide_image", args=["trang-chu.png"]))
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    for name in ["huong-dan-quan-tri.md", "khong-co.png", ".an.png"]:
        assert client.get(reverse("newsroom_guide_image", args=[name])).status_code == 404
    # No way out of docs/images: a slash never reaches the view.
    escape = client.get(f"{reverse('newsroom_guide')}images/..%2Fhuong-dan-quan-tri.md")
    assert escape.status_code == 301
    assert "huong-dan-quan-tri.md" not in escape.content.decode()


def test_guide_needs_an_admin_login(client):
    response = client.get(reverse("newsroom_guide"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_existing_editors_and_moderators_become_roles(db):
    """Migration core.0005 turned Wagtail's default groups into roles, keeping their rights."""
    from django.contrib.auth.models import Group

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    editor = Group.objects.get(role__code="editor")
    chief = Group.objects.get(role__code="chief_editor")
    assert (editor.name, chief.name) == ("Biên tập viên", "Tổng biên tập")
    assert editor.permissions.filter(codename="add_legaldocument").exists()
    page_rights = set(chief.page_permissions.values_list("permission__codename", flat=True))
    assert {"publish_page", "unlock_page"} <= page_rights
    assert not editor.page_permissions.filter(permission__codename="publish_page").exists()
