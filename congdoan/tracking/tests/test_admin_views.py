"""The tracker's admin screens enforce the per-unit permissions and show the right numbers."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congdoan.tracking.factories import ProgressReportFactory, TaskFactory
from congdoan.tracking.models import ProgressReport

from .conftest import user_in_role

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 12, 10)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(datetime.datetime(2021, 12, 10, 9, 0), tick=False):
        yield


def report_post(unit, **overrides):
    data = {
        "unit": unit.pk,
        "reported_on": "09/12/2021",
        "percent": "40",
        "text": "Đã hoàn thành dự thảo.",
    }
    data.update(overrides)
    return data


def test_staff_of_unit_a_see_only_unit_a_tasks_in_the_list(client, two_units):
    client.force_login(two_units["staff_a"])

    response = client.get(reverse("tracking_admin:tasks"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nhiệm vụ của BTC" in html
    assert "Nhiệm vụ của BTG" not in html


def test_staff_of_unit_a_get_404_on_unit_b_task_page_form_and_evidence(client, two_units):
    task_b = two_units["task_b"]
    report_b = ProgressReportFactory(
        task=task_b, evidence=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test")
    )
    client.force_login(two_units["staff_a"])

    assert client.get(reverse("tracking_admin:task", args=[task_b.pk])).status_code == 404
    posted = client.post(
        reverse("tracking_admin:task", args=[task_b.pk]), report_post(two_units["unit_a"])
    )
    assert posted.status_code == 404
    assert client.get(reverse("tracking_admin:evidence", args=[report_b.pk])).status_code == 404
    assert ProgressReport.objects.filter(task=task_b).count() == 1


def test_staff_report_on_their_own_task_with_evidence(client, two_units):
    task_a = two_units["task_a"]
    client.force_login(two_units["staff_a"])
    url = reverse("tracking_admin:task", args=[task_a.pk])

    response = client.post(
        url,
        report_post(
            two_units["unit_a"], evidence=SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 plan")
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == url
    report = ProgressReport.objects.get(task=task_a)
    assert (report.unit, report.percent, report.created_by) == (
        two_units["unit_a"],
        40,
        two_units["staff_a"],
    )
    assert report.reported_on == datetime.date(2021, 12, 9)
    page = client.get(url).content.decode()
    assert "Đã hoàn thành dự thảo." in page
    download = client.get(reverse("tracking_admin:evidence", args=[report.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 plan"


def test_staff_cannot_report_as_a_unit_not_theirs(client, two_units):
    client.force_login(two_units["staff_a"])

    response = client.post(
        reverse("tracking_admin:task", args=[two_units["task_a"].pk]),
        report_post(two_units["unit_b"]),
    )

    assert response.status_code == 200
    assert "Hãy chọn một đơn vị mà bạn báo cáo thay." in response.content.decode()
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"percent": "101"}, "Tỷ lệ hoàn thành là số nguyên từ 0 đến 100."),
        ({"reported_on": "11/12/2021"}, "Không thể báo cáo cho một ngày trong tương lai."),
        (
            {"evidence": SimpleUploadedFile("virus.exe", b"MZ")},
            "Không thể đính kèm loại tệp này. Được phép: PDF, Word, Excel, ODT, JPEG, PNG.",
        ),
    ],
)
def test_bad_reports_are_refused_in_vietnamese(client, two_units, overrides, message):
    client.force_login(two_units["staff_a"])

    response = client.post(
        reverse("tracking_admin:task", args=[two_units["task_a"].pk]),
        report_post(two_units["unit_a"], **overrides),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_users_without_the_tracker_permission_get_403(client, two_units):
    from congdoan.core.models import Role

    editor = user_in_role("bien_tap", "editor")
    two_units["unit_a"].members.add(editor)
    assert Role.objects.filter(code="editor").exists()
    client.force_login(editor)

    for url in (
        reverse("tracking_admin:dashboard"),
        reverse("tracking_admin:tasks"),
        reverse("tracking_admin:task", args=[two_units["task_a"].pk]),
    ):
        assert client.get(url).status_code == 403, url


def test_leader_sees_every_task_and_reports_for_the_lead_unit(client, two_units, leader):
    client.force_login(leader)

    html = client.get(reverse("tracking_admin:tasks")).content.decode()
    assert "Nhiệm vụ của BTC" in html
    assert "Nhiệm vụ của BTG" in html
    response = client.post(
        reverse("tracking_admin:task", args=[two_units["task_b"].pk]),
        report_post(two_units["unit_b"], percent="100"),
    )
    assert response.status_code == 302
    assert ProgressReport.objects.get().unit == two_units["unit_b"]


def test_task_list_filters_by_status_unit_priority_and_deadline(client, two_units, leader):
    program = two_units["program"]
    done = TaskFactory(
        program=program,
        lead_unit=two_units["unit_b"],
        title="Đề án chuyển đổi số",
        deadline=datetime.date(2022, 3, 31),
        priority="urgent",
    )
    ProgressReportFactory(task=done, reported_on=datetime.date(2021, 12, 1), percent=100)
    client.force_login(leader)
    url = reverse("tracking_admin:tasks")

    def titles(**query):
        response = client.get(url, query)
        assert response.status_code == 200
        return {task.title for task in response.context["page"].object_list}

    assert titles(status="overdue") == {"Nhiệm vụ của BTC", "Nhiệm vụ của BTG"}
    assert titles(status="done_on_time") == {"Đề án chuyển đổi số"}
    assert titles(unit=two_units["unit_b"].pk) == {"Nhiệm vụ của BTG", "Đề án chuyển đổi số"}
    assert titles(priority="urgent") == {"Đề án chuyển đổi số"}
    assert titles(deadline_from="01/12/2021", deadline_to="2022-12-31") == {"Đề án chuyển đổi số"}
    assert titles(q="chuyển đổi") == {"Đề án chuyển đổi số"}
    response = client.get(url, {"deadline_from": "31/12/2022", "deadline_to": "01/01/2022"})
    assert "Ngày đầu không được sau ngày cuối." in response.content.decode()
    assert client.get(url, {"deadline_from": "ngày mai"}).status_code == 200


def test_admin_home_and_dashboard_show_the_reminders_of_visible_tasks(client, two_units):
    from congdoan.tracking.models import ReminderSent

    ReminderSent.objects.create(task=two_units["task_a"], kind="missed")
    ReminderSent.objects.create(task=two_units["task_b"], kind="before_1")
    client.force_login(two_units["staff_a"])

    for url in (reverse("wagtailadmin_home"), reverse("tracking_admin:dashboard")):
        html = client.get(url).content.decode()
        assert "Nhắc hạn" in html, url
        assert "Đã quá hạn" in html, url
        assert "Nhiệm vụ của BTC" in html, url
        assert "Nhiệm vụ của BTG" not in html, url
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"/admin/theo-doi/nhiem-vu/"' in home  # the menu (sidebar props as JSON)


def test_the_tracker_menu_is_hidden_from_users_without_it(client, two_units):
    client.force_login(user_in_role("bien_tap", "editor"))

    home = client.get(reverse("wagtailadmin_home"))

    assert home.status_code == 200
    assert "/admin/theo-doi/" not in home.content.decode()


def test_leaders_edit_tasks_as_snippets_staff_cannot(client, two_units, leader):
    add_url = reverse("wagtailsnippets_tracking_task:add")
    edit_url = reverse("wagtailsnippets_tracking_task:edit", args=[two_units["task_b"].pk])

    client.force_login(leader)
    assert client.get(add_url).status_code == 200
    assert client.get(edit_url).status_code == 200
    client.force_login(two_units["staff_a"])
    refused = client.get(edit_url)
    assert refused.status_code == 302
    assert refused["Location"] == reverse("wagtailadmin_home")


def test_hostile_filters_and_reports_get_an_answer_never_an_error(client, two_units):
    client.force_login(two_units["staff_a"])
    url = reverse("tracking_admin:tasks")
    for query in (
        {"q": "công\x00đoàn"},
        {"q": "x" * 10_001},
        {"program": "-1", "unit": "abc", "status": "xong", "priority": "'; DROP TABLE x"},
        {"deadline_from": "31/02/2021", "deadline_to": "9" * 40},
        {"page": "99999999999999999999"},
        {"unit": str(two_units["unit_b"].pk)},  # a unit not theirs: refused, not filtered
    ):
        response = client.get(url, query)
        assert response.status_code == 200, query
        assert "Nhiệm vụ của BTG" not in response.content.decode(), query
    task_url = reverse("tracking_admin:task", args=[two_units["task_a"].pk])
    for data in (
        report_post(two_units["unit_a"], text="a\x00b"),
        report_post(two_units["unit_a"], percent="-5"),
        report_post(two_units["unit_a"], percent="1e9"),
        report_post(two_units["unit_a"], reported_on="ngày mai"),
        {},
    ):
        assert client.post(task_url, data).status_code == 200, data
    assert not ProgressReport.objects.exists()
