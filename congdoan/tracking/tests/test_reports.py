"""The data of a periodic report: counts by status, tasks by unit, overdue tasks."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from congdoan.tracking.factories import ProgramFactory
from congdoan.tracking.reports import (
    build_report,
    find_program,
    parse_report_date,
    report_file_name,
    vietnamese_date_line,
)

from .report_data import EXPECTED_COUNTS, PERIOD_END, PERIOD_START, program_in_every_status

pytestmark = pytest.mark.django_db


def vietnamese_report(program, start=PERIOD_START, end=PERIOD_END):
    with translation.override("vi"):
        return build_report(program, start, end, issued_on=datetime.date(2022, 1, 10))


def test_counts_by_status_on_the_last_day_of_the_period(django_assert_max_num_queries):
    program, _tasks = program_in_every_status()

    with django_assert_max_num_queries(5):
        report = vietnamese_report(program)

    assert {line.status.value: line.count for line in report.summary} == EXPECTED_COUNTS
    assert report.total == 6
    assert [line.percent for line in report.summary] == [16.7, 16.7, 33.3, 16.7, 16.7]
    assert report.summary[0].label == "Chưa triển khai"
    assert report.reports_in_period == 5
    assert report.completed_in_period == 2


def test_the_period_start_bounds_what_happened_in_it():
    program, _tasks = program_in_every_status()

    report = vietnamese_report(program, start=datetime.date(2021, 11, 15))

    assert report.reports_in_period == 2  # 20/11 (100 %) and 01/12 (30 %)
    assert report.completed_in_period == 1


def test_tasks_are_grouped_by_lead_unit_and_numbered_through():
    program, _tasks = program_in_every_status()

    report = vietnamese_report(program)

    assert [(section.unit, [t.number for t in section.tasks]) for section in report.units] == [
        ("Ban Tổ chức", [1, 2]),
        ("Ban Tuyên giáo", [3, 4]),
        ("Văn phòng", [5, 6]),
    ]
    overdue_task = report.units[1].tasks[0]
    assert overdue_task.percent == 60  # the 100 % of 05/01/2022 is after the period
    assert overdue_task.latest_on == datetime.date(2021, 11, 1)


def test_the_overdue_list_is_exactly_the_overdue_tasks_by_deadline():
    program, tasks = program_in_every_status()

    report = vietnamese_report(program)

    assert [(t.number, t.title, t.overdue_reason) for t in report.overdue] == [
        (1, tasks["overdue"].title, "Chờ bố trí kinh phí"),
        (2, tasks["overdue_silent"].title, ""),
    ]


def test_the_heading_follows_the_administrative_form():
    program, _tasks = program_in_every_status()

    heading = vietnamese_report(program).heading

    assert heading.governing_body == "TỔNG LĐLĐ VIỆT NAM"
    assert heading.issuing_unit == "LĐLĐ TỈNH BẮC NINH"
    assert heading.number == "Số:      /BC-LĐLĐ"
    assert heading.place_and_date == "Bắc Ninh, ngày 10 tháng 01 năm 2022"
    assert heading.subject == (
        "Kết quả thực hiện Chương trình hành động thực hiện Nghị quyết 02-NQ/TW "
        "từ ngày 01/07/2021 đến ngày 31/12/2021"
    )
    assert heading.signer_authority == "TM. BAN THƯỜNG VỤ"
    assert heading.recipients == [
        "Tổng LĐLĐ Việt Nam (để b/c);",
        "Các ban, VP LĐLĐ tỉnh;",
        "Lưu: VT, VP.",
    ]


def test_an_empty_program_reports_zero_without_dividing_by_zero():
    program = ProgramFactory()

    report = vietnamese_report(program)

    assert report.total == 0
    assert all(line.count == 0 and line.percent == 0.0 for line in report.summary)
    assert report.units == [] and report.overdue == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2021, 11, 30), "Bắc Ninh, ngày 30 tháng 11 năm 2021"),
        (datetime.date(2021, 2, 5), "Bắc Ninh, ngày 05 tháng 02 năm 2021"),
        (datetime.date(2021, 3, 15), "Bắc Ninh, ngày 15 tháng 3 năm 2021"),
    ],
)
def test_place_and_date_pad_days_below_10_and_months_below_3(day, expected):
    with translation.override("vi"):
        assert vietnamese_date_line("Bắc Ninh", day) == expected


def test_dates_are_read_in_both_spellings_and_refused_in_vietnamese():
    assert parse_report_date("2021-11-30") == datetime.date(2021, 11, 30)
    assert parse_report_date(" 30/11/2021 ") == datetime.date(2021, 11, 30)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        parse_report_date("31/02/2021")
    assert error.value.messages == [
        "“31/02/2021” không phải là ngày: hãy viết theo dạng YYYY-MM-DD hoặc dd/mm/yyyy."
    ]


def test_a_program_is_found_by_code_in_any_case_or_by_id():
    program = ProgramFactory(code="CTHD-02")

    assert find_program("cthd-02") == program
    assert find_program(str(program.pk)) == program
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        find_program("CTHD-99")
    assert error.value.messages == ["Không có chương trình nào có mã hoặc số “CTHD-99”."]


def test_file_names_are_ascii():
    program = ProgramFactory(code="CTHĐ-02")

    assert (
        report_file_name(program, PERIOD_START, PERIOD_END, "docx")
        == "bao-cao-CTHD-02-2021-07-01-2021-12-31.docx"
    )
