"""`manage.py tracking_report`: the file it writes, and its errors in Vietnamese."""

import io

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from .report_data import program_in_every_status

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("tracking_report", *args, stdout=out)
    return out.getvalue()


def test_writes_the_report_by_code_with_either_date_spelling(tmp_path):
    program, _tasks = program_in_every_status()
    word, sheet = tmp_path / "bao-cao.docx", tmp_path / "bao-cao.xlsx"

    output = run("--program", "cthd-02", "--from", "01/07/2021", "--to", "2021-12-31",
                 "--format", "docx", "--output", str(word))  # fmt: skip
    run("--program", str(program.pk), "--from", "2021-07-01", "--to", "31/12/2021",
        "--format", "xlsx", "--output", str(sheet))  # fmt: skip

    assert output.strip() == f"Đã ghi báo cáo CTHD-02 vào {word} (6 nhiệm vụ)."
    summary = docx.Document(word).tables[1]
    assert summary.rows[-1].cells[2].text == "6"
    assert openpyxl.load_workbook(sheet)["Tổng hợp"]["B4"].value == 2  # overdue


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--program", "CTHD-99", "--from", "01/07/2021", "--to", "31/12/2021"],
            "Không có chương trình nào có mã hoặc số “CTHD-99”.",
        ),
        (
            ["--program", "CTHD-02", "--from", "31/06/2021", "--to", "31/12/2021"],
            "“31/06/2021” không phải là ngày: hãy viết theo dạng YYYY-MM-DD hoặc dd/mm/yyyy.",
        ),
        (
            ["--program", "CTHD-02", "--from", "31/12/2021", "--to", "2021-07-01"],
            "Ngày bắt đầu 31/12/2021 sau ngày kết thúc 01/07/2021.",
        ),
    ],
    ids=["unknown-program", "bad-date", "from-after-to"],
)
def test_argument_errors_are_clear_vietnamese(tmp_path, arguments, message):
    program_in_every_status()
    target = tmp_path / "x.docx"

    with pytest.raises(CommandError) as error:
        run(*arguments, "--output", str(target))

    assert str(error.value) == message
    assert not target.exists()


def test_a_missing_output_folder_is_refused(tmp_path):
    program_in_every_status()

    with pytest.raises(CommandError) as error:
        run("--program", "CTHD-02", "--from", "2021-07-01", "--to", "2021-12-31",
            "--output", str(tmp_path / "missing" / "x.docx"))  # fmt: skip

    assert str(error.value) == f"Không có thư mục {tmp_path / 'missing'}."
