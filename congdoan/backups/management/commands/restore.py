"""`manage.py restore ARCHIVE`: verify a backup and bring it into an empty install."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from congdoan.backups.archive import BackupError, restore_backup


def install_is_empty() -> bool:
    """Never migrated (no tables at all), or migrated with no content of its own.

    Content means an account, a page beyond Wagtail's initial root and welcome page, an image or
    a document: what `migrate` alone never creates.
    """
    if Page._meta.db_table not in connection.introspection.table_names():
        return True
    return not (
        get_user_model().objects.exists()
        or Page.objects.filter(depth__gt=2).exists()
        or get_image_model().objects.exists()
        or get_document_model().objects.exists()
    )


class Command(BaseCommand):
    help = "Restore a `manage.py backup` archive (checksums verified) into an empty install."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="replace the content of a non-empty install"
        )

    def handle(self, *args, archive: Path, force: bool, **options):
        if not archive.is_file():
            raise CommandError(f"no such archive: {archive}")
        if not force and not install_is_empty():
            raise CommandError(
                "this install already has content; restore into an empty one, or pass --force "
                "to replace it"
            )
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored {archive} (made {manifest['created']}, {len(manifest['files'])} files)"
        )
