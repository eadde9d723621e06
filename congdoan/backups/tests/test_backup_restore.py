"""Backup archives: manifest and checksums, refusals of restore, retention, the schedule."""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from congdoan.backups.archive import backups_in
from congdoan.core.factories import HomePageFactory
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

# SQLite's online backup cannot read the shared in-memory test database while a test's
# transaction holds it (it retries forever): these tests commit for real, as a live site does.
RESTORE_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def build_site():
    home = HomePageFactory.create_as_site_root()
    section = SectionPageFactory(parent=home, title="Hoạt động công đoàn")
    ArticlePageFactory(parent=section, title="Hội nghị người lao động năm 2026")
    wagtail_factories.ImageFactory(title="Ảnh hội nghị")
    wagtail_factories.DocumentFactory(title="Nghị quyết 02-NQ/TW")


def snapshot() -> dict:
    """What a restore must bring back: page tree, image and document rows, every media file."""
    media = Path(settings.MEDIA_ROOT)
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "url_path")),
        "images": list(get_image_model().objects.values_list("title", "file")),
        "documents": list(get_document_model().objects.values_list("title", "file")),
        "media": {
            path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in media.rglob("*")
            if path.is_file()
        },
    }


def backup(tmp_path, *args) -> Path:
    out = io.StringIO()
    call_command("backup", "--output-dir", str(tmp_path), *args, stdout=out)
    return Path(out.getvalue().splitlines()[0])


@RESTORE_DB
def test_the_archive_lists_every_file_with_its_checksum(tmp_path):
    build_site()
    archive = backup(tmp_path)
    with tarfile.open(archive) as opened:
        names = set(opened.getnames())
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["engine"] == "sqlite"
    assert set(manifest["files"]) == names - {"manifest.json"}
    assert "database.sqlite3" in names
    assert any(name.startswith("media/original_images/") for name in names)
    assert any(name.startswith("media/documents/") for name in names)


@RESTORE_DB
def test_restore_refuses_a_non_empty_install_unless_forced(tmp_path):
    build_site()
    archive = backup(tmp_path)
    with pytest.raises(CommandError, match="already has content"):
        call_command("restore", str(archive))


@RESTORE_DB
def test_restore_refuses_an_archive_whose_checksums_do_not_match(tmp_path):
    build_site()
    archive = backup(tmp_path)
    tampered = tmp_path / "tampered" / archive.name
    tampered.parent.mkdir()
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/documents/"):
                data = b"not the document"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    pages = snapshot()["pages"]
    with pytest.raises(CommandError, match="checksum mismatch"):
        call_command("restore", str(tampered), "--force")
    assert snapshot()["pages"] == pages


@RESTORE_DB
def test_retention_keeps_the_newest_archives(tmp_path):
    for _ in range(4):
        backup(tmp_path)
    backup(tmp_path, "--keep", "2")
    assert len(backups_in(tmp_path)) == 2


def test_the_daily_backup_is_scheduled():
    assert {"name": "backup", "command": "backup", "args": ["--prune"], "every": 86400} in (
        settings.SCHEDULED_COMMANDS
    )
