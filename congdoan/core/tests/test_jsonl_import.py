"""The JSON Lines import runner, with a small importer of its own: line numbers and the report,
one transaction per line, paths confined to the import file's folder, clean-up of files."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template.defaultfilters import filesizeformat
from wagtail.images.models import Image

from congdoan.core import jsonl_import
from congdoan.core.demo_media import placeholder_jpeg
from congdoan.core.jsonl_import import (
    ImportCommand,
    ImportFolder,
    LineError,
    run_import,
)

pytestmark = pytest.mark.django_db


def write_lines(path: Path, lines: list[str | bytes]) -> Path:
    raw = [line if isinstance(line, bytes) else line.encode() for line in lines]
    path.write_bytes(b"\n".join(raw) + b"\n")
    return path


def media_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def import_photo(record: dict, folder: ImportFolder) -> bool:
    """A minimal importer: save the record's photo as a Wagtail image, then fail on request."""
    path = folder.path(record["photo"])
    with path.open("rb") as stream:
        Image(title=record["title"], file=ImageFile(stream, name=path.name)).save()
    if record.get("fail") == "line":
        raise LineError("Hỏng sau khi lưu ảnh")
    if record.get("fail") == "validation":
        raise ValidationError({"title": ["Tiêu đề bị trùng."]})
    if record.get("fail") == "bug":
        raise RuntimeError("a bug in an importer")
    return not record.get("update")


@pytest.fixture
def photo_dir(tmp_path):
    folder = tmp_path / "import"
    (folder / "anh").mkdir(parents=True)
    (folder / "anh" / "a.jpg").write_bytes(placeholder_jpeg("A", 64, 48))
    return folder


def test_report_numbers_every_failing_line_and_counts_the_rest(photo_dir, monkeypatch):
    monkeypatch.setattr(jsonl_import, "MAX_LINE_BYTES", 200)
    good = json.dumps({"title": "Ảnh một", "photo": "anh/a.jpg"})
    path = write_lines(
        photo_dir / "in.jsonl",
        [
            b"\xef\xbb\xbf" + good.encode(),  # a byte-order mark before the first line is fine
            "{not json",
            "",
            "[1, 2]",
            json.dumps({"title": "x", "photo": "anh/a.jpg", "fail": "line"}),
            json.dumps({"title": "x", "photo": "anh/a.jpg", "fail": "validation"}),
            json.dumps({"title": "y" * 300, "photo": "anh/a.jpg"}),
            b'{"title": "\xff\xfe", "photo": "anh/a.jpg"}',
            json.dumps({"title": "Ảnh hai", "photo": "anh/a.jpg", "update": True}),
        ],
    )
    report = run_import(path, import_photo)
    assert [(failure.line_number, failure.message) for failure in report.errors] == [
        (2, "JSON không hợp lệ (cột 2): Expecting property name enclosed in double quotes"),
        (4, "Mỗi dòng phải là một đối tượng JSON."),
        (5, "Hỏng sau khi lưu ảnh"),
        (6, "title: Tiêu đề bị trùng."),
        (7, f"Dòng này dài quá {filesizeformat(200)}."),
        (8, "Dòng này không phải văn bản UTF-8."),
    ]
    assert str(report.errors[0]).startswith("Dòng 2: JSON không hợp lệ")
    assert (report.created, report.updated, report.exit_status) == (1, 1, 1)
    assert sorted(Image.objects.values_list("title", flat=True)) == ["Ảnh hai", "Ảnh một"]


def test_a_clean_import_has_exit_status_zero(photo_dir):
    path = write_lines(photo_dir / "in.jsonl", [json.dumps({"title": "A", "photo": "anh/a.jpg"})])
    report = run_import(path, import_photo)
    assert (report.created, report.errors, report.exit_status) == (1, [], 0)


@pytest.mark.parametrize("fail", ["line", "validation"])
def test_a_failing_line_leaves_no_file_and_no_row(photo_dir, fail):
    before = media_files()
    path = write_lines(
        photo_dir / "in.jsonl",
        [
            json.dumps({"title": "Giữ lại", "photo": "anh/a.jpg"}),
            json.dumps({"title": "Bỏ đi", "photo": "anh/a.jpg", "fail": fail}),
        ],
    )
    report = run_import(path, import_photo)
    assert [failure.line_number for failure in report.errors] == [2]
    kept = Image.objects.get()
    assert kept.title == "Giữ lại"
    new_files = media_files() - before
    new_originals = {path for path in new_files if path.parent.name == "original_images"}
    assert new_originals == {Path(settings.MEDIA_ROOT) / kept.file.name}


def test_files_of_a_line_that_crashes_are_removed_and_the_error_is_not_hidden(photo_dir):
    before = media_files()
    path = write_lines(
        photo_dir / "in.jsonl", [json.dumps({"title": "x", "photo": "anh/a.jpg", "fail": "bug"})]
    )
    with pytest.raises(RuntimeError, match="a bug in an importer"):
        run_import(path, import_photo)
    assert media_files() == before
    assert not Image.objects.exists()


def test_storage_is_restored_after_each_line(photo_dir):
    from django.core.files.storage import default_storage

    path = write_lines(photo_dir / "in.jsonl", [json.dumps({"title": "A", "photo": "anh/a.jpg"})])
    run_import(path, import_photo)
    assert "save" not in vars(default_storage._wrapped)


def outside_photo(tmp_path) -> Path:
    secret = tmp_path / "outside" / "secret.jpg"
    secret.parent.mkdir()
    secret.write_bytes(placeholder_jpeg("Bí mật", 64, 48))
    return secret


def test_paths_outside_the_import_folder_fail_the_line_and_nothing_is_read(
    photo_dir, tmp_path, monkeypatch
):
    secret = outside_photo(tmp_path)
    (photo_dir / "anh" / "link.jpg").symlink_to(secret)
    (photo_dir / "anh" / "inside-link.jpg").symlink_to(photo_dir / "anh" / "a.jpg")
    opened = []
    real_open = Path.open

    def recording_open(self, *args, **kwargs):
        opened.append(self.resolve())
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", recording_open)
    path = write_lines(
        photo_dir / "in.jsonl",
        [
            json.dumps({"title": "abs", "photo": str(secret)}),
            json.dumps({"title": "dots", "photo": "../outside/secret.jpg"}),
            json.dumps({"title": "dots-inside", "photo": "anh/../../outside/secret.jpg"}),
            json.dumps({"title": "link", "photo": "anh/link.jpg"}),
            json.dumps({"title": "not text", "photo": ["anh/a.jpg"]}),
            json.dumps({"title": "inside link", "photo": "anh/inside-link.jpg"}),
        ],
    )
    report = run_import(path, import_photo)
    messages = {failure.line_number: failure.message for failure in report.errors}
    outside = "không nằm trong thư mục của tệp nhập: hãy ghi đường dẫn tương đối"
    assert messages == {
        1: f"“{secret}” {outside} so với thư mục đó, không dùng “..”.",
        2: f"“../outside/secret.jpg” {outside} so với thư mục đó, không dùng “..”.",
        3: f"“anh/../../outside/secret.jpg” {outside} so với thư mục đó, không dùng “..”.",
        4: "“anh/link.jpg” là liên kết dẫn ra ngoài thư mục của tệp nhập.",
        5: "Đường dẫn tệp phải là một chuỗi không rỗng.",
    }
    assert secret.resolve() not in opened
    assert list(Image.objects.values_list("title", flat=True)) == ["inside link"]


def test_the_import_command_reports_lines_on_stderr_and_exits_with_status_1(photo_dir, capsys):
    class Command(ImportCommand):
        import_record = import_photo
        summary_message = "%(created)d mới, %(updated)d cập nhật, %(failed)d lỗi"

    path = write_lines(
        photo_dir / "in.jsonl",
        [
            json.dumps({"title": "A", "photo": "anh/a.jpg"}),
            json.dumps({"title": "B", "photo": "anh/a.jpg", "fail": "line"}),
        ],
    )
    with pytest.raises(CommandError, match="^1 mới, 0 cập nhật, 1 lỗi$") as failed:
        call_command(Command(), str(path))
    assert failed.value.returncode == 1
    assert capsys.readouterr().err == "Dòng 2: Hỏng sau khi lưu ảnh\n"


def test_the_import_command_says_when_the_file_is_missing(tmp_path):
    class Command(ImportCommand):
        import_record = import_photo
        summary_message = "không dùng đến"

    with pytest.raises(CommandError, match="^Không tìm thấy tệp: .*none.jsonl$"):
        call_command(Command(), str(tmp_path / "none.jsonl"))
