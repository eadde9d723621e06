"""A small program with tasks in every status on 31/12/2021, shared by the report tests.

On the report's last day (`PERIOD_END`) the six tasks are: done on time (1), done late (1),
overdue (2: one with a reason, one without), in progress (1), not started (1). One report
dated after the period must not count.
"""

import datetime

from congdoan.tracking.factories import ProgramFactory, ProgressReportFactory, TaskFactory
from congdoan.tracking.models import Unit

PERIOD_START = datetime.date(2021, 7, 1)
PERIOD_END = datetime.date(2021, 12, 31)
EXPECTED_COUNTS = {
    "not_started": 1,
    "in_progress": 1,
    "overdue": 2,
    "done_on_time": 1,
    "done_late": 1,
}


def make_units():
    return {
        "organisation": Unit.objects.create(name="Ban Tổ chức", short_name="BTC", order=1),
        "propaganda": Unit.objects.create(name="Ban Tuyên giáo", short_name="BTG", order=2),
        "office": Unit.objects.create(
            name="Văn phòng", short_name="VP", kind=Unit.Kind.OFFICE, order=3
        ),
        "federation": Unit.objects.create(
            name="Liên đoàn Lao động tỉnh Bắc Ninh", kind=Unit.Kind.PROVINCIAL, order=0
        ),
    }


def program_in_every_status():
    """(program, {name: task}) as described in the module docstring."""
    units = make_units()
    program = ProgramFactory(
        code="CTHD-02",
        name="Chương trình hành động thực hiện Nghị quyết 02-NQ/TW",
        owner_unit=units["office"],
        report_governing_body="Tổng LĐLĐ Việt Nam",
        report_issuing_unit="LĐLĐ tỉnh Bắc Ninh",
        report_place="Bắc Ninh",
        report_signer_authority="TM. Ban Thường vụ",
        report_signer_title="Chủ tịch",
        report_signer_name="Nguyễn Văn An",
        report_recipients="Tổng LĐLĐ Việt Nam (để b/c);\nCác ban, VP LĐLĐ tỉnh;",
    )

    def task(title, unit, deadline, **extra):
        return TaskFactory(
            program=program, title=title, lead_unit=units[unit], deadline=deadline, **extra
        )

    def report(task, day, percent):
        ProgressReportFactory(task=task, reported_on=day, percent=percent)

    tasks = {
        "on_time": task("Xây dựng kế hoạch tiến độ", "organisation", datetime.date(2021, 11, 30)),
        "late": task(
            "Thí điểm công đoàn cấp trên cơ sở", "organisation", datetime.date(2021, 10, 31)
        ),
        "overdue": task(
            "Đề án chuyển đổi số & đào tạo <trực tuyến>",
            "propaganda",
            datetime.date(2021, 11, 30),
            overdue_reason="Chờ bố trí kinh phí",
        ),
        "in_progress": task(
            "Quy trình kết nạp đảng viên", "propaganda", datetime.date(2022, 3, 31)
        ),
        "not_started": task("Sơ kết 6 tháng", "office", datetime.date(2022, 6, 30)),
        "overdue_silent": task("Tổng hợp báo cáo quý", "office", datetime.date(2021, 12, 15)),
    }
    report(tasks["on_time"], datetime.date(2021, 11, 20), 100)
    report(tasks["late"], datetime.date(2021, 10, 1), 40)
    report(tasks["late"], datetime.date(2021, 11, 10), 100)
    report(tasks["overdue"], datetime.date(2021, 11, 1), 60)
    report(tasks["in_progress"], datetime.date(2021, 12, 1), 30)
    # After the period: the report for 2021 must not see it.
    report(tasks["overdue"], datetime.date(2022, 1, 5), 100)
    return program, tasks
