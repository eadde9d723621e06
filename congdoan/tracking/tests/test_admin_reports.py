"""*Tải báo cáo*, *Nhập nhiệm vụ* and *Xuất danh sách* in the admin."""

import datetime
import io

import docx
import openpyxl
import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from congdoan.tracking.models import ReportDownload, Task
from congdoan.tracking.report_tasks import produce_report_file
from congdoan.tracking.roles import LEADER, STAFF

from .conftest import user_in_role
from .report_data import program_in_every_status
from .test_importing import upload

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
}
REPORT_FORM = {
    "date_from": "01/07/2021",
    "date_to": "2021-12-31",
    "file_format": "docx",
}


def request_report(client, program, django_capture_on_commit_callbacks, **overrides):
    with override_settings(TASKS=DATABASE_TASKS), django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("tracking_reports"), {**REPORT_FORM, "program": program.pk, **overrides}
        )


@pytest.mark.postgres  # the file comes back from a bytea column there
def test_a_leader_asks_for_a_report_which_is_queued_then_downloadable(
    client, leader, django_capture_on_commit_callbacks
):
    program, _tasks = program_in_every_status()
    client.force_login(leader)

    response = request_report(client, program, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    download = ReportDownload.objects.get()
    assert (download.requested_by, download.state) == (leader, ReportDownload.State.PENDING)
    queued = DBTaskResult.objects.get()
    assert (queued.queue_name, queued.task_path, queued.args_kwargs["args"]) == (
        "reports",
        "congdoan.tracking.report_tasks.produce_report_file",
        [download.pk],
    )
    pending = client.get(reverse("tracking_reports"))
    assert b'<meta http-equiv="refresh" content="5">' in pending.content
    assert "Đang lập…" in pending.text
    assert reverse("tracking_report_download", args=[download.pk]) not in pending.text

    assert produce_report_file.call(download.pk) == "ready"

    ready = client.get(reverse("tracking_reports"))
    link = reverse("tracking_report_download", args=[download.pk])
    assert link in ready.text and b"http-equiv" not in ready.content
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-CTHD-02-2021-07-01-2021-12-31.docx"'
    )
    summary = docx.Document(io.BytesIO(response.content)).tables[1]
    assert [row.cells[2].text for row in summary.rows] == [
        "Số nhiệm vụ",
        "1",
        "1",
        "2",
        "1",
        "1",
        "6",
    ]


def test_only_the_requester_downloads_a_report(client, leader, django_capture_on_commit_callbacks):
    program, _tasks = program_in_every_status()
    client.force_login(leader)
    request_report(client, program, django_capture_on_commit_callbacks, file_format="xlsx")
    download = ReportDownload.objects.get()
    produce_report_file.call(download.pk)
    other_leader = user_in_role("lanhdao2", LEADER)

    client.force_login(other_leader)
    assert client.get(reverse("tracking_report_download", args=[download.pk])).status_code == 404
    others_page = client.get(reverse("tracking_reports")).text
    assert reverse("tracking_report_download", args=[download.pk]) not in others_page
    assert "Bạn chưa yêu cầu báo cáo nào." in others_page
    client.force_login(leader)
    response = client.get(reverse("tracking_report_download", args=[download.pk]))
    assert openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames[0] == "Tổng hợp"


def test_the_menu_offers_reports_and_import_to_leaders_and_export_to_staff(client, leader):
    client.force_login(leader)
    leader_admin = client.get("/admin/").text
    client.force_login(user_in_role("canbo", STAFF))
    staff_admin = client.get("/admin/").text

    for name in ("tracking_reports", "tracking_import", "tracking_export"):
        assert reverse(name) in leader_admin
    assert reverse("tracking_export") in staff_admin
    assert reverse("tracking_reports") not in staff_admin
    assert reverse("tracking_import") not in staff_admin


def test_unit_staff_may_not_ask_for_reports_or_import(client):
    client.force_login(user_in_role("canbo", STAFF))

    assert client.get(reverse("tracking_reports")).status_code == 403
    assert client.get(reverse("tracking_import")).status_code == 403
    assert client.get(reverse("tracking_import_template")).status_code == 403


def test_a_period_in_the_wrong_order_is_refused_in_the_form(client, leader):
    program, _tasks = program_in_every_status()
    client.force_login(leader)

    response = client.post(
        reverse("tracking_reports"),
        {**REPORT_FORM, "program": program.pk, "date_from": "01/01/2022"},
    )

    assert response.status_code == 200
    assert "Ngày bắt đầu sau ngày kết thúc." in response.text
    assert not ReportDownload.objects.exists()


def test_a_failed_report_says_why(client, leader, monkeypatch):
    program, _tasks = program_in_every_status()
    download = ReportDownload.objects.create(
        requested_by=leader,
        program=program,
        date_from=datetime.date(2021, 7, 1),
        date_to=datetime.date(2021, 12, 31),
        file_format="docx",
    )

    def broken(report):
        raise OSError("mẫu báo cáo không đọc được")

    monkeypatch.setattr("congdoan.tracking.report_docx.render_docx", broken)
    assert produce_report_file.call(download.pk) == "failed"

    client.force_login(leader)
    page = client.get(reverse("tracking_reports")).text
    assert "Không lập được báo cáo: mẫu báo cáo không đọc được" in page


def test_importing_through_the_admin_lists_row_errors_or_adds_the_tasks(client, leader):
    program, _tasks = program_in_every_status()
    client.force_login(leader)
    bad = upload([["1", "Việc mới", None, "Ban Tổ chứ", None, "30/11/2021"]])
    good = upload([["1", "Việc mới", None, "ban to chuc", None, "30/11/2021"]])

    refused = client.post(reverse("tracking_import"), {"program": program.pk, "file": bad})

    assert refused.status_code == 200
    assert "<li>Dòng 2: không có đơn vị «Ban Tổ chứ»</li>" in refused.text
    assert "Chưa nhập nhiệm vụ nào" in refused.text
    assert Task.objects.count() == 6

    added = client.post(
        reverse("tracking_import"), {"program": program.pk, "file": good}, follow=True
    )
    assert "Đã thêm 1 nhiệm vụ vào CTHD-02." in added.text
    assert Task.objects.filter(program=program, title="Việc mới").count() == 1

    template = client.get(reverse("tracking_import_template"))
    assert template["Content-Disposition"] == 'attachment; filename="mau-nhap-nhiem-vu.xlsx"'


def test_a_hostile_upload_gets_a_message_not_an_error_page(client, leader):
    program, _tasks = program_in_every_status()
    client.force_login(leader)

    response = client.post(
        reverse("tracking_import"),
        {"program": program.pk, "file": SimpleUploadedFile("x.xlsx", b"\x00" * 100)},
    )

    assert response.status_code == 200
    assert "Tệp không phải bảng tính Excel (.xlsx)." in response.text


def test_staff_export_only_the_tasks_they_see_filtered_by_status(client):
    program, tasks = program_in_every_status()
    staff = user_in_role("canbo_btg", STAFF)
    tasks["overdue"].lead_unit.members.add(staff)  # Ban Tuyên giáo
    client.force_login(staff)

    with time_machine.travel(datetime.datetime(2021, 12, 31, 9, 0), tick=False):
        form = client.get(reverse("tracking_export"))
        everything = client.get(reverse("tracking_export"), {"download": "1"})
        overdue = client.get(
            reverse("tracking_export"),
            {"download": "1", "status": "overdue", "program": program.pk},
        )

    assert form.status_code == 200 and "Tải về (.xlsx)" in form.text

    def titles(response):
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        return sorted(row[1] for row in sheet.iter_rows(min_row=2, values_only=True))

    assert titles(everything) == sorted([tasks["overdue"].title, tasks["in_progress"].title])
    assert titles(overdue) == [tasks["overdue"].title]
