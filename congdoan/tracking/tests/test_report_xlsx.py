"""The Excel report, opened again with openpyxl: the same tables, typed cells."""

import datetime
import io

import openpyxl
import pytest
from django.utils import translation

from congdoan.tracking.reports import build_report, render_report

from .report_data import PERIOD_END, PERIOD_START, program_in_every_status

pytestmark = pytest.mark.django_db


def test_the_three_sheets_hold_the_numbers_with_dates_as_dates_and_percents_as_numbers():
    program, tasks = program_in_every_status()
    tasks["not_started"].title = '=HYPERLINK("http://example.com")'
    tasks["not_started"].save()

    with translation.override("vi"):
        report = build_report(program, PERIOD_START, PERIOD_END)
        workbook = openpyxl.load_workbook(io.BytesIO(render_report(report, "xlsx")))

    assert workbook.sheetnames == ["Tổng hợp", "Theo đơn vị", "Quá hạn"]
    summary = [list(row) for row in workbook["Tổng hợp"].iter_rows(max_row=7, values_only=True)]
    assert summary == [
        ["Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"],
        ["Chưa triển khai", 1, 16.7],
        ["Đang thực hiện (trong hạn)", 1, 16.7],
        ["Quá hạn chưa hoàn thành", 2, 33.3],
        ["Hoàn thành đúng hạn", 1, 16.7],
        ["Hoàn thành quá hạn", 1, 16.7],
        ["Tổng cộng", 6, 100.0],
    ]

    by_unit = workbook["Theo đơn vị"]
    assert [cell.value for cell in by_unit[1]] == [
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Tiến độ mới nhất (%)",
        "Ngày báo cáo gần nhất", "Nội dung báo cáo gần nhất",
    ]  # fmt: skip
    assert by_unit.max_row == 7
    overdue_row = next(row for row in by_unit.iter_rows(min_row=2) if row[0].value == 3)
    assert overdue_row[3].value == datetime.datetime(2021, 11, 30)
    assert overdue_row[3].number_format == "DD/MM/YYYY"
    assert overdue_row[5].value == 60
    assert overdue_row[6].value == datetime.datetime(2021, 11, 1)
    # A title that looks like a formula stays text.
    titles = [row[1] for row in by_unit.iter_rows(min_row=2)]
    formula_like = next(cell for cell in titles if cell.value.startswith("="))
    assert formula_like.data_type == "s"
    assert by_unit.column_dimensions["B"].width == 50

    overdue = [list(row) for row in workbook["Quá hạn"].iter_rows(min_row=2, values_only=True)]
    assert overdue == [
        [1, tasks["overdue"].title, "Ban Tuyên giáo", datetime.datetime(2021, 11, 30), 60,
         "Chờ bố trí kinh phí"],
        [2, "Tổng hợp báo cáo quý", "Văn phòng", datetime.datetime(2021, 12, 15), 0,
         "Chưa báo cáo lý do."],
    ]  # fmt: skip
