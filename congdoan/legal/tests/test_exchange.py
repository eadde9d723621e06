import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from congdoan.legal.models import LegalDocument

pytestmark = pytest.mark.django_db

GOOD = {
    "id": "old-portal-17",
    "code": "02-NQ/TW",
    "type": "Nghị quyết",
    "issuer": "Bộ Chính trị",
    "signer": "Nguyễn Phú Trọng",
    "areas": ["Công đoàn > Tổ chức công đoàn", "Công tác Đảng"],
    "summary": "Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới",
    "issued_on": "2021-06-12",
    "effective_on": "2021-06-12",
    "files": ["files/02-nq-tw.pdf"],
}


def write_jsonl(tmp_path, records):
    path = tmp_path / "van-ban.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def import_dir(tmp_path, pdf_bytes):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "02-nq-tw.pdf").write_bytes(pdf_bytes)
    (tmp_path / "files" / "fake.docx").write_bytes(b"%PDF-1.4 not a docx")
    return tmp_path


def test_import_creates_documents_with_areas_files_and_text(import_dir, capsys):
    call_command("import_documents", str(write_jsonl(import_dir, [GOOD])))
    document = LegalDocument.objects.get(external_id="old-portal-17")
    assert document.document_type.name == "Nghị quyết"
    assert sorted(str(area) for area in document.areas.all()) == [
        "Công tác Đảng",
        "Tổ chức công đoàn",
    ]
    assert document.areas.get(name="Tổ chức công đoàn").parent.name == "Công đoàn"
    assert document.files.count() == 1
    assert "cong doan" in document.extracted_text.lower()
    assert "1 văn bản mới, 0 được cập nhật, 0 dòng lỗi." in capsys.readouterr().out


def test_reimport_updates_never_duplicates(import_dir):
    path = write_jsonl(import_dir, [GOOD])
    call_command("import_documents", str(path))
    changed = {**GOOD, "summary": "Trích yếu đã sửa", "expires_on": "2031-01-01"}
    call_command("import_documents", str(write_jsonl(import_dir, [changed])))
    document = LegalDocument.objects.get()
    assert document.summary == "Trích yếu đã sửa"
    assert document.expires_on.isoformat() == "2031-01-01"
    assert document.files.count() == 1


def test_bad_lines_are_reported_with_number_and_reason_and_others_import(import_dir, capsys):
    records = [
        GOOD,
        "{not json",
        {**GOOD, "id": "x2", "summary": ""},
        {**GOOD, "id": "x3", "code": "03-NQ/TW", "issued_on": "12/06/2021"},
        {**GOOD, "id": "x4", "code": "04-NQ/TW", "files": ["files/missing.pdf"]},
        {**GOOD, "id": "x5", "code": "05-NQ/TW", "files": ["files/fake.docx"]},
        {**GOOD, "id": "x6", "code": "06-NQ/TW", "areas": "Công đoàn"},
        {**GOOD, "id": "x7", "code": "07-NQ/TW", "effective_on": "2020-01-01"},
        {**GOOD, "id": "ok-2", "code": "45/2019/QH14", "files": [], "issued_on": "2019-11-20"},
    ]
    with pytest.raises(CommandError):
        call_command("import_documents", str(write_jsonl(import_dir, records)))
    errors = capsys.readouterr().err
    assert "Dòng 2: JSON không hợp lệ" in errors
    assert "Dòng 3: Thiếu trường “summary”." in errors
    assert "Dòng 4: “issued_on” không phải ngày dạng ISO" in errors
    assert "Dòng 5: Không tìm thấy tệp: files/missing.pdf" in errors
    assert "Dòng 6: files/fake.docx: Nội dung của “fake.docx” không phải là tệp DOCX" in errors
    assert "Dòng 7: “areas” phải là một danh sách chuỗi." in errors
    assert "Dòng 8: Văn bản không thể có hiệu lực trước ngày ban hành." in errors
    assert set(LegalDocument.objects.values_list("external_id", flat=True)) == {
        "old-portal-17",
        "ok-2",
    }


def test_export_then_import_into_an_empty_site_loses_nothing(import_dir, tmp_path_factory):
    call_command("import_documents", str(write_jsonl(import_dir, [GOOD])))
    original = LegalDocument.objects.get()
    original.is_replaced = True
    original.save()
    out_dir = tmp_path_factory.mktemp("export")
    call_command("export_documents", str(out_dir / "export.jsonl"))
    exported = [json.loads(line) for line in (out_dir / "export.jsonl").read_text().splitlines()]
    assert exported[0]["id"] == "old-portal-17"
    assert exported[0]["areas"] == ["Công đoàn > Tổ chức công đoàn", "Công tác Đảng"] or sorted(
        exported[0]["areas"]
    ) == ["Công tác Đảng", "Công đoàn > Tổ chức công đoàn"]
    LegalDocument.objects.all().delete()
    call_command("import_documents", str(out_dir / "export.jsonl"))
    copy = LegalDocument.objects.get()
    for field in ("code", "signer", "summary", "issued_on", "effective_on", "expires_on"):
        assert getattr(copy, field) == getattr(original, field)
    assert copy.is_replaced
    assert copy.files.get().file.read() == (import_dir / "files" / "02-nq-tw.pdf").read_bytes()


def test_export_of_documents_made_in_the_admin_reimports_without_duplicates(tmp_path):
    from congdoan.legal.factories import LegalDocumentFactory

    LegalDocumentFactory(code="1/QĐ-TLĐ")
    call_command("export_documents", str(tmp_path / "out.jsonl"))
    call_command("import_documents", str(tmp_path / "out.jsonl"))
    assert LegalDocument.objects.count() == 1


def test_file_paths_outside_the_import_folder_are_refused(import_dir, tmp_path_factory, capsys):
    outside = tmp_path_factory.mktemp("outside") / "secret.pdf"
    outside.write_bytes((import_dir / "files" / "02-nq-tw.pdf").read_bytes())
    (import_dir / "files" / "link.pdf").symlink_to(outside)
    records = [
        {**GOOD, "files": [str(outside)]},
        {**GOOD, "files": [f"../{outside.parent.name}/secret.pdf"]},
        {**GOOD, "files": ["files/link.pdf"]},
    ]
    with pytest.raises(CommandError) as failed:
        call_command("import_documents", str(write_jsonl(import_dir, records)))
    assert failed.value.returncode == 1
    errors = capsys.readouterr().err
    assert f"Dòng 1: “{outside}” không nằm trong thư mục của tệp nhập" in errors
    dots = f"../{outside.parent.name}/secret.pdf"
    assert f"Dòng 2: “{dots}” không nằm trong thư mục của tệp nhập" in errors
    assert "Dòng 3: “files/link.pdf” là liên kết dẫn ra ngoài thư mục của tệp nhập." in errors
    assert not LegalDocument.objects.exists()
