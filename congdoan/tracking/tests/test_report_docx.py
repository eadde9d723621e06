"""The Word report, opened again with python-docx: its numbers, and the NĐ 30/2020 form."""

import datetime
import io

import docx
import pytest
from django.utils import translation
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from congdoan.tracking.factories import ProgramFactory, TaskFactory
from congdoan.tracking.reports import build_report, render_report

from .report_data import PERIOD_END, PERIOD_START, program_in_every_status

pytestmark = pytest.mark.django_db


def word_report(program) -> docx.document.Document:
    with translation.override("vi"):
        report = build_report(
            program, PERIOD_START, PERIOD_END, issued_on=datetime.date(2022, 1, 10)
        )
        return docx.Document(io.BytesIO(render_report(report, "docx")))


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_tables_hold_the_numbers_of_the_data():
    program, tasks = program_in_every_status()

    document = word_report(program)
    header, summary, by_unit, overdue, _signature = document.tables

    assert rows(summary) == [
        ["STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"],
        ["1", "Chưa triển khai", "1", "16,7"],
        ["2", "Đang thực hiện (trong hạn)", "1", "16,7"],
        ["3", "Quá hạn chưa hoàn thành", "2", "33,3"],
        ["4", "Hoàn thành đúng hạn", "1", "16,7"],
        ["5", "Hoàn thành quá hạn", "1", "16,7"],
        ["", "Tổng cộng", "6", "100"],
    ]
    unit_rows = rows(by_unit)
    assert unit_rows[0] == [
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Tiến độ mới nhất (%)",
    ]  # fmt: skip
    assert unit_rows[1] == ["Ban Tổ chức"] * 6  # the unit's row spans the table
    assert [row[0] for row in unit_rows[1:]] == [
        "Ban Tổ chức", "1", "2", "Ban Tuyên giáo", "3", "4", "Văn phòng", "5", "6",
    ]  # fmt: skip
    overdue_task = ["3", tasks["overdue"].title, "Ban Tuyên giáo", "30/11/2021"]
    assert [*overdue_task, "Quá hạn chưa hoàn thành", "60"] in unit_rows
    assert rows(overdue) == [
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Lý do"],
        ["1", "Đề án chuyển đổi số & đào tạo <trực tuyến>", "Ban Tuyên giáo", "30/11/2021",
         "Chờ bố trí kinh phí"],
        ["2", "Tổng hợp báo cáo quý", "Văn phòng", "15/12/2021", "Chưa báo cáo lý do."],
    ]  # fmt: skip
    assert "các đơn vị đã gửi 5 báo cáo tiến độ và 2 nhiệm vụ đã hoàn thành" in all_text(document)
    assert "{{" not in all_text(document) and "{%" not in all_text(document)
    assert rows(header)[1] == ["Số:      /BC-LĐLĐ", "Bắc Ninh, ngày 10 tháng 01 năm 2022"]


def test_without_overdue_tasks_the_report_says_so_instead_of_an_empty_table():
    program = ProgramFactory()
    TaskFactory(program=program, deadline=datetime.date(2022, 6, 30))

    document = word_report(program)

    assert len(document.tables) == 4  # header, summary, by unit, signature
    assert "Đến ngày 31/12/2021 không có nhiệm vụ nào quá hạn." in all_text(document)


def test_a4_margins_and_page_numbers_from_page_two():
    program, _tasks = program_in_every_status()

    section = word_report(program).sections[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(margin.mm) for margin in margins] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer is True
    first_page = section.first_page_header
    assert not first_page.is_linked_to_previous
    assert "PAGE" not in first_page._element.xml
    assert [p.text for p in first_page.paragraphs] == [""]
    numbered = section.header.paragraphs[0]
    assert numbered.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in numbered._p.xml


def test_times_new_roman_13_to_14_with_the_header_and_recipients_styled_as_nd_30():
    program, _tasks = program_in_every_status()

    document = word_report(program)

    normal = document.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(14))
    body_runs = [run for p in document.paragraphs for run in p.runs if run.text.strip()]
    assert {run.font.name for run in body_runs} == {"Times New Roman"}
    assert {run.font.size for run in body_runs} <= {Pt(13), Pt(14)}

    header = document.tables[0]
    governing, issuing = header.cell(0, 0).paragraphs[:2]
    assert (governing.text, governing.runs[0].bold) == ("TỔNG LĐLĐ VIỆT NAM", False)
    assert (issuing.text, issuing.runs[0].bold) == ("LĐLĐ TỈNH BẮC NINH", True)
    # The short line under the issuing unit: a bottom border of an empty paragraph.
    assert "<w:bottom " in header.cell(0, 0).paragraphs[2]._p.xml
    national, motto = header.cell(0, 1).paragraphs
    assert (national.text, national.runs[0].bold) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True)
    assert (motto.text, motto.runs[0].bold, motto.runs[0].underline) == (
        "Độc lập - Tự do - Hạnh phúc",
        True,
        True,
    )
    date_line = header.cell(1, 1).paragraphs[0].runs[0]
    assert date_line.italic is True

    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.alignment == WD_ALIGN_PARAGRAPH.CENTER

    recipients, signer = document.tables[-1].rows[0].cells
    label = recipients.paragraphs[0].runs[0]
    assert (label.text, label.bold, label.italic, label.font.size) == (
        "Nơi nhận:", True, True, Pt(12),
    )  # fmt: skip
    listed = [p for p in recipients.paragraphs[1:] if p.text]
    assert [p.text for p in listed] == [
        "- Tổng LĐLĐ Việt Nam (để b/c);",
        "- Các ban, VP LĐLĐ tỉnh;",
        "- Lưu: VT, VP.",
    ]
    assert {run.font.size for p in listed for run in p.runs} == {Pt(11)}
    assert [p.text for p in signer.paragraphs if p.text] == [
        "TM. BAN THƯỜNG VỤ",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    ]
