"""Tasks from a spreadsheet, all or nothing, and the task list out again."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from congdoan.tracking.factories import ProgramFactory
from congdoan.tracking.importing import (
    MAX_ROWS,
    WorkbookRefused,
    export_tasks,
    import_tasks,
    import_template,
)
from congdoan.tracking.models import Task, Unit

from .report_data import PERIOD_END, make_units, program_in_every_status

pytestmark = pytest.mark.django_db

HEADERS = [
    "STT", "Nhiệm vụ", "Mô tả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
    "Mức độ ưu tiên", "Sản phẩm", "Nhiệm vụ cha (STT)",
]  # fmt: skip


def upload(rows, above=(), name="nhiem-vu.xlsx") -> SimpleUploadedFile:
    """An .xlsx whose first sheet holds `above` (title rows), the headers, then `rows`."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Nhiệm vụ")
    for row in [*above, HEADERS, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def vietnamese_import(file, program):
    with translation.override("vi"):
        return import_tasks(file, program)


def refusal(file, program) -> str:
    with translation.override("vi"), pytest.raises(WorkbookRefused) as error:
        import_tasks(file, program)
    return str(error.value)


def test_imports_every_row_matching_units_folded():
    """Case, diacritics, spacing and `-` against `–` do not matter (so «Ban Tổ chúc» is
    Ban Tổ chức); a name that folds to no unit is an error."""
    make_units()
    Unit.objects.create(name="Văn phòng – Tổng hợp", short_name="VPTH")
    program = ProgramFactory()
    file = upload(
        [
            [
                "1",
                "Xây dựng kế hoạch tiến độ",
                "Mỗi ban một kế hoạch",
                "ban to chuc",
                "BTG, Văn phòng - Tổng hợp",
                datetime.datetime(2021, 11, 30),
                "cấp bách",
                "Kế hoạch",
                None,
            ],
            [2, "Lập danh sách", None, "BAN TỔ CHÚC", None, "15/11/2021", "Quan trong", None, 1],
            [None, "Tổng hợp", None, "vp", "", "2021-12-31", None, None, None],
            [None, None, None, None, None, None, None, None, None],  # blank rows are skipped
        ],
        above=[["DANH SÁCH NHIỆM VỤ NĂM 2021"], []],
    )

    report = vietnamese_import(file, program)

    assert (report.created, report.errors) == (3, [])
    plan, listing, summary = Task.objects.filter(program=program).order_by("order")
    assert (plan.title, plan.description, plan.lead_unit.name, plan.deadline) == (
        "Xây dựng kế hoạch tiến độ", "Mỗi ban một kế hoạch", "Ban Tổ chức",
        datetime.date(2021, 11, 30),
    )  # fmt: skip
    assert (plan.priority, plan.expected_output) == (Task.Priority.URGENT, "Kế hoạch")
    assert sorted(u.name for u in plan.cooperating_units.all()) == [
        "Ban Tuyên giáo",
        "Văn phòng – Tổng hợp",
    ]
    assert (listing.parent, listing.priority, listing.deadline) == (
        plan, Task.Priority.IMPORTANT, datetime.date(2021, 11, 15),
    )  # fmt: skip
    assert (summary.lead_unit.name, summary.priority) == ("Văn phòng", Task.Priority.REGULAR)


def test_bad_rows_are_all_reported_by_row_number_and_nothing_is_imported():
    make_units()
    program = ProgramFactory()
    file = upload(
        [
            ["1", "Đúng", None, "Ban Tổ chức", None, "30/11/2021", None, None, None],  # row 2
            ["2", "Sai đơn vị", None, "Ban Tổ chứ", None, "30/11/2021", None, None, None],
            ["1", "Trùng STT", None, "BTC", "Ban Không Có", "31/02/2021", "gấp", None, None],
            ["4", None, None, None, None, None, None, None, "9"],
            ["5", "Cha ở dưới", None, "BTC", None, "30/11/2021", None, None, "6"],
            ["6", "x" * 501, "y" * 6000, "BTC", None, "30/11/2021", None, None, None],
        ]
    )

    report = vietnamese_import(file, program)

    assert report.created == 0
    assert [str(error) for error in report.errors] == [
        "Dòng 3: không có đơn vị «Ban Tổ chứ»",
        "Dòng 4: không có đơn vị «Ban Không Có»; thời hạn «31/02/2021» không phải là ngày "
        "(dd/mm/yyyy); mức độ ưu tiên «gấp» không thuộc: Cấp bách, Quan trọng, Thường xuyên; "
        "STT «1» đã dùng ở dòng 2",
        "Dòng 5: nhiệm vụ chưa có tên; chưa ghi đơn vị chủ trì; chưa ghi thời hạn; "
        "nhiệm vụ cha «9» không có ở các dòng phía trên",
        "Dòng 6: nhiệm vụ cha «6» không có ở các dòng phía trên",
        "Dòng 7: cột Nhiệm vụ dài 501 ký tự, tối đa 500; cột Mô tả dài 6.000 ký tự, tối đa 5.000",
    ]
    assert not Task.objects.exists()


def test_a_unit_name_two_units_share_is_refused_not_guessed():
    Unit.objects.create(name="Ban Nữ công", short_name="BNC")
    Unit.objects.create(name="Ban Chính sách", short_name="bnc")

    report = vietnamese_import(
        upload([["1", "Việc", None, "BNC", None, "30/11/2021", None, None, None]]),
        ProgramFactory(),
    )

    assert [str(e) for e in report.errors] == [
        "Dòng 2: «BNC» trùng tên nhiều đơn vị: Ban Chính sách, Ban Nữ công"
    ]


def test_a_file_that_is_not_a_workbook_is_refused():
    program = ProgramFactory()

    assert refusal(SimpleUploadedFile("a.xlsx", b"STT;Nhiem vu\n1;x\n"), program) == (
        "Tệp không phải bảng tính Excel (.xlsx). Hãy lưu lại dưới dạng .xlsx rồi tải lên lại."
    )


def zip_file(members: dict[str, bytes]) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("bom.xlsx", buffer.getvalue())


def test_a_zip_bomb_is_refused_before_anything_is_inflated():
    bomb = zip_file({"xl/workbook.xml": b"<workbook/>", "xl/sharedStrings.xml": bytes(2 << 20)})

    assert bomb.size < 20_000
    assert refusal(bomb, ProgramFactory()) == (
        "Tệp bị từ chối: khi giải nén nó phình ra hơn 20,0\xa0MB, dấu hiệu của một «bom nén». "
        "Một bảng nhiệm vụ nhỏ hơn nhiều."
    )


def test_a_damaged_workbook_is_refused_with_a_message():
    damaged = zip_file({"xl/workbook.xml": b"<not-closed", "[Content_Types].xml": b"<x"})

    assert refusal(damaged, ProgramFactory()) == (
        "Không đọc được tệp như một bảng tính Excel (.xlsx): có thể tệp bị hỏng."
    )


def test_a_file_over_the_size_limit_is_refused():
    assert refusal(
        SimpleUploadedFile("big.xlsx", bytes(5 * 1024 * 1024 + 1)), ProgramFactory()
    ) == ("Tệp nặng 5,0\xa0MB; bảng nhiệm vụ chỉ được tối đa 5,0\xa0MB.")


def test_ten_thousand_rows_are_refused_after_the_cap():
    make_units()
    rows = [[n, f"Nhiệm vụ {n}", None, "BTC", None, "30/11/2021"] for n in range(1, 10_001)]

    assert refusal(upload(rows), ProgramFactory()) == (
        f"Bảng tính có hơn {MAX_ROWS:,} nhiệm vụ; hãy chia thành nhiều tệp.".replace(",", ".")
    )
    assert not Task.objects.exists()


def test_a_sheet_without_the_headers_is_refused():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Tên", "Hạn"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    assert refusal(SimpleUploadedFile("x.xlsx", buffer.getvalue()), ProgramFactory()) == (
        "Không tìm thấy dòng tiêu đề trong 10 dòng đầu của trang tính thứ nhất: cần có ít nhất "
        "các cột “Nhiệm vụ”, “Đơn vị chủ trì”, “Thời hạn”. Hãy tải tệp mẫu."
    )


def test_the_template_has_the_columns_and_an_empty_one_is_refused():
    with translation.override("vi"):
        template = import_template()
    workbook = openpyxl.load_workbook(io.BytesIO(template))

    assert workbook.sheetnames == ["Danh sách nhiệm vụ", "Hướng dẫn"]
    assert [cell.value for cell in workbook.active[1]] == HEADERS
    assert refusal(SimpleUploadedFile("mau.xlsx", template), ProgramFactory()) == (
        "Bảng tính không có nhiệm vụ nào dưới dòng tiêu đề."
    )


def test_the_export_reads_back_into_the_same_tasks():
    program, tasks = program_in_every_status()
    tasks["late"].parent = tasks["on_time"]
    tasks["late"].save()
    tasks["on_time"].cooperating_units.set(Unit.objects.filter(short_name__in=["BTG", "VP"]))
    copy = ProgramFactory(owner_unit=program.owner_unit)

    with translation.override("vi"):
        exported = export_tasks(Task.objects.filter(program=program), PERIOD_END)
    report = vietnamese_import(SimpleUploadedFile("xuat.xlsx", exported), copy)

    assert (report.created, report.errors) == (6, [])

    def described(task):
        return (
            task.title,
            task.lead_unit_id,
            task.deadline,
            task.priority,
            task.parent.title if task.parent else None,
            sorted(unit.pk for unit in task.cooperating_units.all()),
        )

    assert sorted(described(t) for t in copy.tasks.all()) == sorted(
        described(t) for t in program.tasks.all()
    )
    sheet = openpyxl.load_workbook(io.BytesIO(exported)).active
    assert [cell.value for cell in sheet[1]][-2:] == ["Tình trạng", "Tiến độ mới nhất (%)"]
    statuses = {row[1]: (row[9], row[10]) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert statuses[tasks["overdue"].title] == ("Quá hạn chưa hoàn thành", 60)
